package coroutines

import "iter"

// A Coroutine is a suspended computation that runs only when it is resumed.
//
// It is a thin, named wrapper around [iter.Pull]: the body is an iterator
// function, each call to its yield function is a suspension point, and
// [Coroutine.Resume] runs the body up to the next one. The body and its caller
// never run at the same time: control passes from one to the other and back.
//
// A Coroutine must be resumed and stopped from one goroutine at a time.
type Coroutine[T any] struct {
	next func() (T, bool)
	stop func()
}

// New returns a coroutine that will run body. Nothing in body runs yet.
//
// The body suspends itself by calling yield with a value, which becomes the
// result of the Resume that woke it up. When yield returns false the coroutine
// has been stopped and the body should return.
//
// New already creates the goroutine that will run body, parked until the first
// Resume, so every coroutine must be run to its end or stopped.
func New[T any](body func(yield func(T) bool)) *Coroutine[T] {
	next, stop := iter.Pull(iter.Seq[T](body))
	return &Coroutine[T]{next: next, stop: stop}
}

// Resume runs the coroutine until it yields or returns, and only then returns
// itself. It reports the yielded value and true, or the zero value and false
// once the body has returned or the coroutine has been stopped.
// If the body panics, Resume panics with the same value.
func (c *Coroutine[T]) Resume() (T, bool) {
	return c.next()
}

// Stop ends the coroutine: the yield call the body is suspended in returns
// false, and Stop waits until the body returns (running its deferred calls)
// and its goroutine has exited. If the body never started, it never runs.
// Stop may be called more than once, and after the body has returned.
func (c *Coroutine[T]) Stop() {
	c.stop()
}
