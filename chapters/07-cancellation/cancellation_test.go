package cancellation

import (
	"context"
	"errors"
	"net"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// A timeout fires at exactly its deadline: not a nanosecond before, and a
// Sleep that watches the context returns at that very moment.
func TestTimeoutFiresAtDeadline(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const timeout = 2 * time.Second
		ctx, cancel := context.WithTimeout(t.Context(), timeout)
		defer cancel()
		start := time.Now()

		go func() {
			time.Sleep(timeout - time.Nanosecond)
			if err := ctx.Err(); err != nil {
				t.Errorf("1ns before the deadline: ctx.Err() = %v, want nil", err)
			}
		}()
		err := Sleep(ctx, time.Hour)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("Sleep(1h) under a %v timeout = %v, want context.DeadlineExceeded", timeout, err)
		}
		if elapsed := time.Since(start); elapsed != timeout {
			t.Errorf("Sleep returned after %v, want exactly %v", elapsed, timeout)
		}
	})
}

// WithTimeoutCause names the reason for a timeout; the cancel function does
// not set it.
func TestTimeoutCause(t *testing.T) {
	errSlow := errors.New("backend too slow")
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithTimeoutCause(t.Context(), time.Second, errSlow)
		defer cancel()
		Sleep(ctx, time.Hour)
		if ctx.Err() != context.DeadlineExceeded || context.Cause(ctx) != errSlow {
			t.Errorf("after the timeout: Err = %v, Cause = %v; want DeadlineExceeded, %v",
				ctx.Err(), context.Cause(ctx), errSlow)
		}

		ctx, cancel = context.WithTimeoutCause(t.Context(), time.Second, errSlow)
		cancel()
		if ctx.Err() != context.Canceled || context.Cause(ctx) != context.Canceled {
			t.Errorf("after cancel(): Err = %v, Cause = %v; want Canceled twice", ctx.Err(), context.Cause(ctx))
		}
	})
}

// Five steps of 1s under a 2.5s timeout: how long each loop runs, and how
// many steps it finishes, depends only on where it looks at ctx.
func TestLoopsUnderTimeout(t *testing.T) {
	tests := []struct {
		name      string
		count     func(context.Context) (int, error)
		wantSteps int
		wantTime  time.Duration
	}{
		{"ignores ctx", func(ctx context.Context) (int, error) {
			return CountIgnoring(ctx, 5, time.Second), nil
		}, 5, 5 * time.Second},
		{"checks between steps", func(ctx context.Context) (int, error) {
			return CountChecking(ctx, 5, time.Second)
		}, 3, 3 * time.Second},
		{"selects on Done", func(ctx context.Context) (int, error) {
			return CountSelecting(ctx, 5, time.Second)
		}, 2, 2500 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				ctx, cancel := context.WithTimeout(t.Context(), 2500*time.Millisecond)
				defer cancel()
				start := time.Now()
				steps, _ := tt.count(ctx)
				if elapsed := time.Since(start); steps != tt.wantSteps || elapsed != tt.wantTime {
					t.Errorf("%d steps in %v, want %d steps in %v", steps, elapsed, tt.wantSteps, tt.wantTime)
				}
			})
		})
	}
}

// Task b fails at 1s. Its siblings see their context canceled at that very
// moment: ctx.Err() is context.Canceled, and context.Cause(ctx) is b's error.
func TestSiblingSeesCause(t *testing.T) {
	errBoom := errors.New("b: boom")
	synctest.Test(t, func(t *testing.T) {
		type seen struct {
			at         time.Duration
			err, cause error
		}
		start := time.Now()
		saw := make(chan seen, 1)
		sibling := Task{"a", func(ctx context.Context) error {
			err := Sleep(ctx, 3*time.Second)
			saw <- seen{time.Since(start), ctx.Err(), context.Cause(ctx)}
			return err
		}}
		tl := RunGroup(t.Context(), []Task{sibling, Failing("b", time.Second, errBoom)})

		a := <-saw
		if a.at != time.Second || a.err != context.Canceled || a.cause != errBoom {
			t.Errorf("a saw Err = %v, Cause = %v at %v; want context.Canceled, %v at 1s", a.err, a.cause, a.at, errBoom)
		}
		if tl.Err != errBoom || tl.Waited != time.Second {
			t.Errorf("Wait returned %v at %v, want %v at 1s", tl.Err, tl.Waited, errBoom)
		}
	})
}

// The same group, but c sleeps with time.Sleep and never looks at ctx. The
// context is still canceled at 1s; Wait waits for c: exactly 3s.
func TestDeafTaskHoldsTheGroup(t *testing.T) {
	errBoom := errors.New("b: boom")
	synctest.Test(t, func(t *testing.T) {
		tl := RunGroup(t.Context(), []Task{
			Cooperative("a", 3*time.Second),
			Failing("b", time.Second, errBoom),
			Deaf("c", 3*time.Second),
		})
		if tl.Canceled != time.Second {
			t.Errorf("context canceled at %v, want 1s", tl.Canceled)
		}
		if tl.Waited != 3*time.Second || tl.Err != errBoom {
			t.Errorf("Wait returned %v at %v, want %v at exactly 3s", tl.Err, tl.Waited, errBoom)
		}
		if c := tl.Spans[2]; c.End != 3*time.Second || c.Err != nil {
			t.Errorf("c ended at %v with %v, want 3s with nil", c.End, c.Err)
		}
	})
}

// Wait returns the first error only. d fails later (it ignores ctx, so it
// gets that far); its error is in d's span and nowhere in Wait's.
func TestWaitReturnsOnlyTheFirstError(t *testing.T) {
	errB, errD := errors.New("b failed"), errors.New("d failed")
	synctest.Test(t, func(t *testing.T) {
		tl := RunGroup(t.Context(), []Task{
			Failing("b", time.Second, errB),
			{"d", func(context.Context) error { time.Sleep(2 * time.Second); return errD }},
		})
		assert.Equal(t, errB, tl.Err, "Wait returns the first error only")
		assert.Equal(t, errD, tl.Spans[1].Err, "what d returned")
	})
}

// errgroup cancels the group's context when Wait returns, even when every
// task succeeded; the cause is then plain context.Canceled.
func TestWaitCancelsTheContext(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		tl := RunGroup(t.Context(), []Task{Cooperative("a", time.Second), Cooperative("b", 2*time.Second)})
		assert.NoError(t, tl.Err, "Wait")
		assert.Equal(t, context.Canceled, tl.Cause, "the cause once Wait returned")
		assert.Equal(t, 2*time.Second, tl.Canceled, "when Wait canceled the context")
	})
}

// Read gives up on a silent peer at exactly the deadline.
func TestReadGivesUpAtDeadline(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		client, server := net.Pipe()
		defer client.Close()
		defer server.Close()
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		start := time.Now()
		_, err := Read(ctx, client, make([]byte, 8))
		assert.ErrorIs(t, err, context.DeadlineExceeded, "Read")
		assert.Equal(t, time.Second, time.Since(start), "Read gives up at the deadline")
	})
}
