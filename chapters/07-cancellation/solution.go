//go:build !learn

package cancellation

import (
	"context"
	"errors"
	"fmt"
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
	if attempts < 1 {
		return errors.New("retry: attempts must be at least 1")
	}
	var err error
	for i := range attempts {
		if i > 0 {
			Sleep(ctx, backoff) // cut short if ctx is done: checked below
		}
		if ctx.Err() != nil {
			break
		}
		err = try(ctx, perTry, f)
		if err == nil {
			return nil
		}
	}
	if ctx.Err() != nil {
		return fmt.Errorf("retry: gave up: %w", context.Cause(ctx))
	}
	return fmt.Errorf("retry: %d attempts failed, the last with: %w", attempts, err)
}

// try makes one call of f with its own timeout, released when f returns.
func try(ctx context.Context, perTry time.Duration, f func(context.Context) error) error {
	ctx, cancel := context.WithTimeout(ctx, perTry)
	defer cancel()
	return f(ctx)
}
