//go:build !learn

package await

import (
	"context"
	"errors"
)

// ErrNoFutures is returned by First when it is given no futures.
var ErrNoFutures = errors.New("await: First needs at least one future")

// First waits for the first of futures to finish and returns its result,
// whether that is a value or an error. If one of them has already
// finished, First returns at once. If ctx is done before any of them
// finishes, First returns ctx's error, wrapped. The futures that lose
// keep running; First does not leave any goroutine of its own behind.
func First[T any](ctx context.Context, futures ...*Future[T]) (T, error) {
	if len(futures) == 0 {
		var zero T
		return zero, ErrNoFutures
	}
	for _, f := range futures {
		select {
		case <-f.Done(): // finished already: it wins, even over a done ctx
			return f.Await(ctx)
		default:
		}
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // releases the waiters of the futures that lost

	type result struct {
		val T
		err error
	}
	// Room for every answer: no waiter ever blocks on its send, so each
	// one ends as soon as its Await returns.
	results := make(chan result, len(futures))
	for _, f := range futures {
		go func() {
			v, err := f.Await(ctx)
			results <- result{v, err}
		}()
	}
	r := <-results
	return r.val, r.err
}
