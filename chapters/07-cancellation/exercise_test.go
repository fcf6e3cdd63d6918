package cancellation

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"
	"time"
)

var errFlaky = errors.New("flaky")

// Two quick failures, then success: only the two backoffs take time.
func TestRetrySucceedsOnTheThirdCall(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		calls := 0
		start := time.Now()
		err := RetryWithTimeout(t.Context(), 5, time.Second, 100*time.Millisecond, func(context.Context) error {
			calls++
			if calls < 3 {
				return errFlaky
			}
			return nil
		})
		if err != nil || calls != 3 {
			t.Fatalf("err = %v after %d calls, want nil after 3", err, calls)
		}
		if elapsed := time.Since(start); elapsed != 200*time.Millisecond {
			t.Errorf("took %v, want exactly 2 backoffs: 200ms", elapsed)
		}
	})
}

// Every call hangs until its own timeout: 3 calls of 1s and 2 backoffs of
// 500ms. Each call's context has its own deadline and is released when the
// call returns (a forgotten cancel would leave it live).
func TestRetryEachCallHasItsOwnTimeout(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		var ctxs []context.Context
		err := RetryWithTimeout(t.Context(), 3, time.Second, 500*time.Millisecond, func(ctx context.Context) error {
			if d, ok := ctx.Deadline(); !ok || time.Until(d) != time.Second {
				t.Errorf("call %d: deadline %v from now (set: %v), want 1s", len(ctxs)+1, time.Until(d), ok)
			}
			ctxs = append(ctxs, ctx)
			<-ctx.Done()
			return ctx.Err()
		})
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("err = %v, want it to wrap the last call's context.DeadlineExceeded", err)
		}
		if elapsed := time.Since(start); elapsed != 4*time.Second || len(ctxs) != 3 {
			t.Errorf("%d calls in %v, want 3 calls in exactly 4s", len(ctxs), elapsed)
		}
	})
}

// Each call's context is canceled when the call returns, even on success.
func TestRetryReleasesEveryCallContext(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var ctxs []context.Context
		RetryWithTimeout(t.Context(), 2, time.Second, 0, func(ctx context.Context) error {
			ctxs = append(ctxs, ctx)
			if len(ctxs) == 1 {
				return errFlaky
			}
			return nil
		})
		if len(ctxs) != 2 {
			t.Fatalf("%d calls, want 2", len(ctxs))
		}
		for i, ctx := range ctxs {
			if ctx.Err() != context.Canceled {
				t.Errorf("call %d's context: Err = %v after the call, want context.Canceled: call cancel when the call returns", i+1, ctx.Err())
			}
		}
	})
}

// The caller gives up at 1.2s, in the middle of the second backoff: the
// retry stops right then, with the caller's cause.
func TestRetryStopsWhenTheCallerGivesUp(t *testing.T) {
	errStop := errors.New("user pressed stop")
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancelCause(t.Context())
		defer cancel(nil)
		time.AfterFunc(1200*time.Millisecond, func() { cancel(errStop) })
		start := time.Now()
		calls := 0
		err := RetryWithTimeout(ctx, 10, time.Second, time.Second, func(context.Context) error {
			calls++
			return errFlaky
		})
		if !errors.Is(err, errStop) {
			t.Errorf("err = %v, want it to wrap the cause %v", err, errStop)
		}
		if elapsed := time.Since(start); elapsed != 1200*time.Millisecond || calls != 2 {
			t.Errorf("%d calls, returned after %v; want 2 calls and exactly 1.2s (select on ctx.Done, not time.Sleep)", calls, elapsed)
		}
	})
}

// Bad input is an error, and f is never called.
func TestRetryNeedsAnAttempt(t *testing.T) {
	called := false
	err := RetryWithTimeout(context.Background(), 0, time.Second, 0, func(context.Context) error { called = true; return nil })
	if err == nil || called {
		t.Errorf("attempts = 0: err = %v, f called: %v; want an error and no call", err, called)
	}
}
