//go:build learn

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
	// TODO: wait for whichever comes first: one of the futures, or ctx.
	var zero T
	return zero, nil
}
