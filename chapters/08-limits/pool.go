package limits

import (
	"context"
	"sync"
)

// Generate sends values, one at a time, on the channel it returns. It
// closes the channel after the last value, or as soon as ctx is done.
func Generate[T any](ctx context.Context, values ...T) <-chan T {
	out := make(chan T)
	go func() {
		defer close(out) // the sender closes, never the receiver
		for _, v := range values {
			select {
			case out <- v:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// Pool starts a fixed number of workers (at least one) that apply f to the
// values received from in and send the results on the channel it returns,
// in the order they finish. It closes that channel once every worker has
// returned: when in is closed and drained, or when ctx is done.
func Pool[T, U any](ctx context.Context, workers int, in <-chan T, f func(context.Context, T) U) <-chan U {
	out := make(chan U)
	var wg sync.WaitGroup
	for range max(workers, 1) {
		wg.Go(func() {
			for {
				select {
				case v, ok := <-in:
					if !ok {
						return // in is closed and drained: no more work
					}
					select {
					case out <- f(ctx, v):
					case <-ctx.Done(): // nobody may read out any more
						return
					}
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() {
		wg.Wait()
		close(out) // every worker has returned: no send can follow
	}()
	return out
}
