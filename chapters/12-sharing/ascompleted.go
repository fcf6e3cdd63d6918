package sharing

import (
	"context"
	"sync"
)

// A Result is the outcome of one call made by [AsCompleted]: its value and
// error, and the call's position among the calls, since results do not
// arrive in that order.
type Result[T any] struct {
	Index int
	Value T
	Err   error
}

// AsCompleted calls every fn at once, each in a goroutine of its own, and
// returns a channel that delivers their results in the order the calls
// complete. The channel has room for every result, so no call waits for
// the reader, and it is closed after the last result: a reader may stop
// early and no goroutine is left blocked (cancel ctx to make the other
// calls stop sooner).
func AsCompleted[T any](ctx context.Context, fns ...func(context.Context) (T, error)) <-chan Result[T] {
	results := make(chan Result[T], len(fns))
	var wg sync.WaitGroup
	for i, fn := range fns {
		wg.Go(func() {
			v, err := fn(ctx)
			results <- Result[T]{Index: i, Value: v, Err: err}
		})
	}
	go func() {
		wg.Wait()
		close(results) // every call has sent: no send can follow
	}()
	return results
}
