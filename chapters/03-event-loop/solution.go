//go:build !learn

package eventloop

import (
	"errors"
	"fmt"
	"time"
)

// ErrTimeout is returned (wrapped) by [WaitFor] when the time is up.
var ErrTimeout = errors.New("eventloop: timeout")

// WaitFor awaits f for at most timeout (asyncio.wait_for). If f completes in
// time, WaitFor returns its result. Otherwise it cancels f, waits for the
// cancellation to finish (a task may clean up first), and returns an error
// wrapping [ErrTimeout]. If t itself is cancelled, WaitFor cancels f too.
func WaitFor[T any](t *Task, f *Future[T], timeout time.Duration) (T, error) {
	l := t.Loop()
	first := NewFuture[struct{}](l) // completed by whichever comes first
	f.OnDone(func() { first.SetResult(struct{}{}) })
	timer := l.CallLater(timeout, func() { first.SetResult(struct{}{}) })
	defer timer.Stop()

	var zero T
	if _, err := first.Await(t); err != nil { // t was cancelled
		f.Cancel()
		return zero, err
	}
	if f.Done() {
		return f.Result()
	}
	f.Cancel()
	_, _ = f.Await(t) // let it finish; its result no longer matters
	return zero, fmt.Errorf("wait for %v: %w", timeout, ErrTimeout)
}
