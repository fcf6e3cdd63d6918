//go:build learn

package eventloop

import (
	"errors"
	"time"
)

// ErrTimeout is returned (wrapped) by [WaitFor] when the time is up.
var ErrTimeout = errors.New("eventloop: timeout")

// WaitFor awaits f for at most timeout (asyncio.wait_for). If f completes in
// time, WaitFor returns its result. Otherwise it cancels f, waits for the
// cancellation to finish (a task may clean up first), and returns an error
// wrapping [ErrTimeout]. If t itself is cancelled, WaitFor cancels f too.
//
// Hint: make a plain future that whichever comes first completes: f (through
// f.OnDone) or a timer (Loop.CallLater). Await that one.
func WaitFor[T any](t *Task, f *Future[T], timeout time.Duration) (T, error) {
	// TODO: implement WaitFor.
	var zero T
	return zero, nil
}
