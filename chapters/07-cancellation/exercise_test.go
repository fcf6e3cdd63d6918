package cancellation

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	errFlaky       = errors.New("flaky")
	errPressedStop = errors.New("user pressed stop")
)

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
		require.NoError(t, err, "the third call succeeds: return nil")
		assert.Equal(t, 3, calls, "call f again after each failure, and stop at the first success")
		assert.Equal(t, 200*time.Millisecond, time.Since(start), "two backoffs of 100ms, between the calls")
	})
}

// Every call hangs until its own timeout: 3 calls of 1s and 2 backoffs of
// 500ms. The error wraps the last call's error.
func TestRetryEachCallHasItsOwnTimeout(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		calls := 0
		err := RetryWithTimeout(t.Context(), 3, time.Second, 500*time.Millisecond, func(ctx context.Context) error {
			calls++
			d, ok := ctx.Deadline()
			assert.True(t, ok, "call %d: its context has no deadline: give it context.WithTimeout(ctx, perTry)", calls)
			assert.Equal(t, time.Second, time.Until(d), "call %d: its context must time out perTry after the call starts", calls)
			<-ctx.Done()
			return fmt.Errorf("call %d: %w", calls, ctx.Err())
		})
		assert.ErrorIs(t, err, context.DeadlineExceeded, "after the last failed call, return an error that wraps its error")
		assert.ErrorContains(t, err, "call 3", "wrap the last call's error, not an earlier one")
		assert.Equal(t, 3, calls, "call f attempts times")
		assert.Equal(t, 4*time.Second, time.Since(start), "3 calls of 1s and 2 backoffs of 500ms: no backoff after the last call")
	})
}

// Each call's context is canceled when the call returns, even on success.
func TestRetryReleasesEveryCallContext(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var ctxs []context.Context
		err := RetryWithTimeout(t.Context(), 2, time.Second, 0, func(ctx context.Context) error {
			ctxs = append(ctxs, ctx)
			if len(ctxs) == 1 {
				return errFlaky
			}
			return nil
		})
		require.NoError(t, err)
		require.Len(t, ctxs, 2, "a failure, then a success: two calls")
		for i, ctx := range ctxs {
			assert.Equal(t, context.Canceled, ctx.Err(),
				"call %d's context is still live after the call: call cancel when the call returns", i+1)
		}
	})
}

// The caller gives up at 1.2s, in the middle of the second backoff: the
// retry stops right then, with the caller's cause.
func TestRetryStopsWhenTheCallerGivesUp(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancelCause(t.Context())
		defer cancel(nil)
		time.AfterFunc(1200*time.Millisecond, func() { cancel(errPressedStop) })
		start := time.Now()
		calls := 0
		err := RetryWithTimeout(ctx, 10, time.Second, time.Second, func(context.Context) error {
			calls++
			return errFlaky
		})
		assert.ErrorIs(t, err, errPressedStop, "ctx is done: return an error that wraps context.Cause(ctx)")
		assert.Equal(t, 2, calls, "no call after ctx is done")
		assert.Equal(t, 1200*time.Millisecond, time.Since(start),
			"stop the backoff the moment ctx is done: wait in a select on ctx.Done(), not with time.Sleep")
	})
}

// The caller gives up at 500ms, during a call. The call's context is
// derived from ctx, so the call sees it at once, with the caller's cause,
// and RetryWithTimeout returns then: no backoff, no other call.
func TestRetryStopsDuringACall(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancelCause(t.Context())
		defer cancel(nil)
		time.AfterFunc(500*time.Millisecond, func() { cancel(errPressedStop) })
		start := time.Now()
		calls := 0
		err := RetryWithTimeout(ctx, 5, time.Second, 100*time.Millisecond, func(callCtx context.Context) error {
			calls++
			<-callCtx.Done()
			assert.ErrorIs(t, context.Cause(callCtx), errPressedStop,
				"the call's context must be derived from ctx: context.WithTimeout(ctx, perTry)")
			return callCtx.Err()
		})
		assert.ErrorIs(t, err, errPressedStop, "ctx is done: return an error that wraps context.Cause(ctx)")
		assert.Equal(t, 1, calls, "no call after ctx is done")
		assert.Equal(t, 500*time.Millisecond, time.Since(start), "return the moment ctx is done")
	})
}

// The caller gives up at 500ms, during the last call (which started at
// 100ms). That is not one more failed call: the error wraps the caller's
// cause.
func TestRetryStopsDuringTheLastCall(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancelCause(t.Context())
		defer cancel(nil)
		time.AfterFunc(500*time.Millisecond, func() { cancel(errPressedStop) })
		calls := 0
		err := RetryWithTimeout(ctx, 2, time.Second, 100*time.Millisecond, func(callCtx context.Context) error {
			calls++
			if calls == 1 {
				return errFlaky
			}
			<-callCtx.Done()
			return callCtx.Err()
		})
		assert.ErrorIs(t, err, errPressedStop, "ctx ended during the last call: after the loop, check ctx "+
			"and return an error that wraps context.Cause(ctx), not the last call's error")
	})
}

// A ctx that is already done: f is never called.
func TestRetryWithADoneContext(t *testing.T) {
	ctx, cancel := context.WithCancelCause(t.Context())
	cancel(errPressedStop)
	called := false
	err := RetryWithTimeout(ctx, 3, time.Second, 0, func(context.Context) error { called = true; return nil })
	assert.ErrorIs(t, err, errPressedStop, "ctx is done: return an error that wraps context.Cause(ctx)")
	assert.False(t, called, "ctx was done before the first call: check ctx before each call")
}

// Bad input is an error, and f is never called.
func TestRetryNeedsAnAttempt(t *testing.T) {
	for _, attempts := range []int{0, -1} {
		called := false
		err := RetryWithTimeout(t.Context(), attempts, time.Second, 0, func(context.Context) error { called = true; return nil })
		assert.Error(t, err, "attempts = %d: fewer than 1 attempt is an error", attempts)
		assert.False(t, called, "attempts = %d: f must not be called", attempts)
	}
}
