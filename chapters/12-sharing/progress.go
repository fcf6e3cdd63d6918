package sharing

import (
	"context"
	"sync"
)

// Progress counts units of work done and lets any number of goroutines
// wait until the count reaches a target of their own. It does what a
// sync.Cond with Broadcast does, with a channel instead: every change
// closes the current channel, which wakes every waiter, and puts a new one
// in its place. Because a waiter receives from a channel, it can also
// select on its context and give up, which Cond.Wait cannot.
//
// Use [NewProgress] to make one.
type Progress struct {
	mu      sync.Mutex
	done    int
	changed chan struct{} // closed, and replaced, on every change
}

// NewProgress returns a Progress at 0.
func NewProgress() *Progress {
	return &Progress{changed: make(chan struct{})}
}

// Add adds n units of work done and wakes every waiter.
func (p *Progress) Add(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += n
	close(p.changed)                // wake everyone waiting on the old channel
	p.changed = make(chan struct{}) // later waiters wait on a new one
}

// WaitFor waits until at least target units are done and returns the count
// it saw, or returns early with context.Cause(ctx) when ctx is done first.
func (p *Progress) WaitFor(ctx context.Context, target int) (int, error) {
	for {
		p.mu.Lock()
		done, changed := p.done, p.changed
		p.mu.Unlock()
		if done >= target {
			return done, nil
		}
		select {
		case <-changed: // something changed: look again
		case <-ctx.Done():
			return done, context.Cause(ctx)
		}
	}
}
