//go:build !learn

package sharing

import (
	"context"
	"sync"
)

// A Group runs one call per key at a time and shares its result with every
// caller that asks for the key while the call runs, as singleflight does,
// except that each caller waits with its own context. The zero value is
// ready to use.
type Group[K comparable, V any] struct {
	mu    sync.Mutex
	calls map[K]*call[V] // the calls in flight, by key
}

// call is one run of fn, shared by the callers of Do for its key.
type call[V any] struct {
	done    chan struct{} // closed once val and err are set
	val     V
	err     error
	waiters int                // callers still waiting, guarded by Group.mu
	cancel  context.CancelFunc // ends fn's context
}

// Do returns the result of fn for key. The first caller for a key starts
// fn in a new goroutine; callers that come while it runs wait for the same
// result, error included, instead of calling fn again. Once fn has
// returned, the key is forgotten: the next Do calls fn again.
//
// Each caller waits with its own ctx. When ctx is done first, Do returns
// context.Cause(ctx) at once, and the call goes on for the other callers:
// fn's context is not cancelled when one caller gives up, only when every
// caller waiting for it has, and a caller that comes after that starts a
// new call. When ctx is already done, Do returns its cause without
// calling fn.
func (g *Group[K, V]) Do(ctx context.Context, key K, fn func(context.Context) (V, error)) (V, error) {
	var zero V
	if ctx.Err() != nil {
		return zero, context.Cause(ctx)
	}
	g.mu.Lock()
	c, ok := g.calls[key]
	if !ok {
		// fn must not end when this caller gives up: keep ctx's values,
		// drop its cancellation, and cancel only when nobody waits.
		callCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
		c = &call[V]{done: make(chan struct{}), cancel: cancel}
		if g.calls == nil {
			g.calls = make(map[K]*call[V])
		}
		g.calls[key] = c
		go g.run(callCtx, key, c, fn)
	}
	c.waiters++
	g.mu.Unlock()

	select {
	case <-c.done:
		return c.val, c.err
	case <-ctx.Done():
		g.mu.Lock()
		c.waiters--
		if c.waiters == 0 { // the last one out: nobody wants the result
			c.cancel()
			g.forget(key, c)
		}
		g.mu.Unlock()
		return zero, context.Cause(ctx)
	}
}

// run calls fn, forgets the key, then hands the result to the waiters.
func (g *Group[K, V]) run(ctx context.Context, key K, c *call[V], fn func(context.Context) (V, error)) {
	defer c.cancel()
	c.val, c.err = fn(ctx)
	g.mu.Lock()
	g.forget(key, c) // before close: a Do that comes later starts a new call
	g.mu.Unlock()
	close(c.done)
}

// forget removes c from the calls in flight, unless a newer call has
// taken its key already. g.mu must be held.
func (g *Group[K, V]) forget(key K, c *call[V]) {
	if g.calls[key] == c {
		delete(g.calls, key)
	}
}
