package await

import (
	"context"
	"fmt"
)

// A Future is the result of a function that runs in its own goroutine.
//
// The goroutine starts at once, whether or not anyone ever awaits it.
// When the function returns, the goroutine stores the result and closes
// the done channel. Closing a channel never blocks, so the producer
// always finishes, even when nobody awaits it: it plays the part of a
// channel with a buffer of one. Unlike a buffered channel, which hands
// its one value to one receiver, a closed channel can be received from
// any number of times, so a result can be awaited many times, by many
// goroutines, and every Await returns the same value and error.
type Future[T any] struct {
	done chan struct{} // closed after val and err are set
	val  T
	err  error
}

// Start runs fn in a new goroutine and returns a Future for its result.
//
// Start does not wait. To stop fn early, fn must watch a context itself:
// nothing can stop a goroutine from the outside.
func Start[T any](fn func() (T, error)) *Future[T] {
	f := &Future[T]{done: make(chan struct{})}
	go func() {
		defer close(f.done) // never blocks: the producer cannot leak here
		f.val, f.err = fn()
	}()
	return f
}

// Await waits until the future's function has returned, then returns its
// result. It can be called any number of times, from any goroutine.
//
// If the future is already done, Await returns at once, even when ctx is
// already done. Otherwise, if ctx is done first, Await gives up waiting
// and returns ctx's error, wrapped; the function keeps running and its
// result stays available to later calls.
func (f *Future[T]) Await(ctx context.Context) (T, error) {
	select {
	case <-f.done: // already finished: no waiting, like Python's __await__
		return f.val, f.err
	default:
	}
	select {
	case <-f.done:
		return f.val, f.err
	case <-ctx.Done():
		var zero T
		return zero, fmt.Errorf("await: %w", ctx.Err())
	}
}

// Done returns a channel that is closed when the future's function has
// returned. Use it in a select, or to test for completion without waiting.
func (f *Future[T]) Done() <-chan struct{} {
	return f.done
}
