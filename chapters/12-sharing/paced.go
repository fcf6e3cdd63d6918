package sharing

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"golang.org/x/time/rate"
)

// Paced starts the calls in order, each one as soon as lim allows it, and
// waits for every call it started. A rate limit bounds how often calls
// start, not how many run at once: when calls are slow, more of them are
// in flight. Paced returns the calls' errors, joined, and says which call
// it did not start when lim.Wait fails: ctx is done, or its deadline would
// pass before lim allowed the call.
func Paced(ctx context.Context, lim *rate.Limiter, calls []func(context.Context) error) error {
	errs := make([]error, len(calls)+1)
	var wg sync.WaitGroup
	for i, call := range calls {
		if err := lim.Wait(ctx); err != nil { // one token per call
			errs[len(calls)] = fmt.Errorf("call %d not started: %w", i, err)
			break
		}
		wg.Go(func() { errs[i] = call(ctx) })
	}
	wg.Wait()
	return errors.Join(errs...)
}
