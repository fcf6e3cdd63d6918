package eventloop_test

import (
	"errors"
	"testing"
	"time"

	"github.com/asyncgo/course/chapters/03-event-loop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Exercise: WaitFor, tested on the virtual clock. Each case checks the value,
// the error and the exact virtual time at which WaitFor returns.

func TestWaitForInTime(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	err := l.Run(func(tk *eventloop.Task) error {
		f := eventloop.Spawn(l, "quick", func(tk *eventloop.Task) (string, error) {
			return "done", tk.Sleep(time.Second)
		})
		v, err := eventloop.WaitFor(tk, f, 5*time.Second)
		assert.NoError(t, err)
		assert.Equal(t, "done", v, "f completes in time: return its result")
		assert.Equal(t, time.Second, tk.Now(), "WaitFor must return as soon as f completes")
		return nil
	})
	require.NoError(t, err)
}

// After f wins at 1s, main waits for a future that nobody completes. The
// loop sees at once that nothing can wake main, and Run reports the
// deadlock at 1s. A timer left behind is work the loop still has to do: it
// would wait until the timer fires at 5s before giving up.
func TestWaitForStopsItsTimer(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	err := l.Run(func(tk *eventloop.Task) error {
		f := eventloop.Spawn(l, "quick", func(tk *eventloop.Task) (string, error) {
			return "done", tk.Sleep(time.Second)
		})
		if _, err := eventloop.WaitFor(tk, f, 5*time.Second); err != nil {
			return err
		}
		_, err := eventloop.NewFuture[int](l).Await(tk) // never completes
		return err
	})
	require.ErrorIs(t, err, eventloop.ErrDeadlock)
	assert.Equal(t, time.Second, l.Now(),
		"the loop waited for WaitFor's timer after f had won: stop the timer when f wins (timer.Stop())")
}

func TestWaitForTimesOut(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	var seen error
	err := l.Run(func(tk *eventloop.Task) error {
		f := eventloop.Spawn(l, "slow", func(tk *eventloop.Task) (string, error) {
			err := tk.Sleep(time.Hour)
			seen = err
			if err != nil {
				_ = tk.Sleep(time.Second) // clean-up takes a second
			}
			return "too late", err
		})
		v, err := eventloop.WaitFor(tk, f, 2*time.Second)
		assert.ErrorIs(t, err, eventloop.ErrTimeout, "the time is up: return an error that wraps ErrTimeout")
		assert.Empty(t, v, "after a timeout, return the zero value, not what f returned")
		assert.Equal(t, 3*time.Second, tk.Now(),
			"time out at 2s, cancel f, then wait for its clean-up (1s) before returning")
		return nil
	})
	require.NoError(t, err)
	assert.ErrorIs(t, seen, eventloop.ErrCancelled, "the slow task was not cancelled: call f.Cancel() when the time is up")
}

func TestWaitForPassesErrorsThrough(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	boom := errors.New("boom")
	err := l.Run(func(tk *eventloop.Task) error {
		f := eventloop.Spawn(l, "failing", func(tk *eventloop.Task) (int, error) { return 0, boom })
		_, err := eventloop.WaitFor(tk, f, time.Second)
		assert.ErrorIs(t, err, boom, "f fails in time: return its error")
		return nil
	})
	require.NoError(t, err)
}

// The task running WaitFor (outer) is cancelled at 1s, while f (inner, an
// hour of sleep) is still running: WaitFor cancels inner too, and returns.
func TestWaitForCancelledCancelsF(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	var innerErr error
	var innerEnd time.Duration
	err := l.Run(func(main *eventloop.Task) error {
		inner := eventloop.Spawn(l, "inner", func(tk *eventloop.Task) (string, error) {
			err := tk.Sleep(time.Hour)
			innerErr, innerEnd = err, tk.Now()
			return "inner", err
		})
		outer := eventloop.Spawn(l, "outer", func(tk *eventloop.Task) (string, error) {
			return eventloop.WaitFor(tk, inner, 2*time.Hour)
		})
		if err := main.Sleep(time.Second); err != nil {
			return err
		}
		outer.Cancel()
		_, err := outer.Await(main)
		assert.ErrorIs(t, err, eventloop.ErrCancelled, "outer was cancelled: WaitFor must return the error of its wait")
		_, _ = inner.Await(main) // at 1s if WaitFor cancelled inner, at 1h if not
		return nil
	})
	require.NoError(t, err)
	assert.ErrorIs(t, innerErr, eventloop.ErrCancelled,
		"the task calling WaitFor was cancelled, but f was not: when the wait returns an error, call f.Cancel()")
	assert.Equal(t, time.Second, innerEnd, "f must stop when the task waiting for it is cancelled, at 1s")
}
