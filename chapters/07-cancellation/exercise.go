//go:build learn

package cancellation

import (
	"context"
	"time"
)

// RetryWithTimeout calls f up to attempts times and returns nil as soon as
// one call returns nil. Each call gets its own context, derived from ctx,
// that times out after perTry and is released as soon as the call returns.
// Between calls it waits for backoff, but stops waiting the moment ctx is
// done. When ctx is done it returns at once with an error that wraps
// context.Cause(ctx); after attempts failed calls it returns an error that
// wraps the last call's error. attempts < 1 is an error, and f is not called.
func RetryWithTimeout(ctx context.Context, attempts int, perTry, backoff time.Duration, f func(context.Context) error) error {
	// TODO: loop over the attempts; give each call a context.WithTimeout and
	// call its cancel function when the call returns; wait for the backoff
	// in a select with ctx.Done() (never time.Sleep).
	return nil
}
