package await_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/asyncgo/course/chapters/02-await"
	"github.com/asyncgo/course/chapters/internal/pycheck"
	"github.com/stretchr/testify/assert"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestPython(t *testing.T) { pycheck.Check(t, "python") }

// after returns a function for Start that sleeps for d, then returns v.
// Inside a synctest bubble the sleep takes fake time: the test runs at once.
func after[T any](d time.Duration, v T) func() (T, error) {
	return func() (T, error) {
		time.Sleep(d)
		return v, nil
	}
}

// elapsed fails the test unless exactly want of (fake) time has passed since start.
func elapsed(t *testing.T, start time.Time, want time.Duration) {
	t.Helper()
	assert.Equal(t, want, time.Since(start), "elapsed (fake) time")
}

// mustAwait awaits f and reports an error or an unexpected value. It does
// not stop the test: in a synctest bubble, returning early while a producer
// still sleeps would turn a failure into a deadlock panic.
func mustAwait[T comparable](t *testing.T, ctx context.Context, f *await.Future[T], want T) {
	t.Helper()
	got, err := f.Await(ctx)
	if assert.NoError(t, err, "Await") {
		assert.Equal(t, want, got, "Await")
	}
}

func TestStartedTogether(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, start := t.Context(), time.Now()
		// region together
		a := await.Start(after(1*time.Second, "a"))
		b := await.Start(after(2*time.Second, "b")) // both are running now
		mustAwait(t, ctx, a, "a")                   // waits 1 s
		mustAwait(t, ctx, b, "b")                   // waits 1 s more: b kept running
		// endregion together
		elapsed(t, start, 2*time.Second)
	})
}

func TestOneAfterAnother(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, start := t.Context(), time.Now()
		// region one-after-another
		a := await.Start(after(1*time.Second, "a"))
		mustAwait(t, ctx, a, "a")                   // waits 1 s
		b := await.Start(after(2*time.Second, "b")) // starts only now
		mustAwait(t, ctx, b, "b")                   // waits 2 s
		// endregion one-after-another
		elapsed(t, start, 3*time.Second)
	})
}

func TestAwaitDeadline(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		// region deadline
		f := await.Start(after(2*time.Second, "late"))
		ctx, cancel := context.WithTimeout(t.Context(), 1500*time.Millisecond)
		defer cancel()
		_, err := f.Await(ctx)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("Await = %v, want context.DeadlineExceeded", err)
		}
		elapsed(t, start, 1500*time.Millisecond) // Await gave up at the deadline...

		time.Sleep(500 * time.Millisecond)
		synctest.Wait() // ...but the producer was not stopped: it finishes at 2 s
		select {
		case <-f.Done():
		default:
			t.Error("the producer has not finished at 2 s")
		}
		mustAwait(t, ctx, f, "late") // done: the expired ctx does not matter
		// endregion deadline
		// synctest.Test fails if any goroutine of the bubble is still alive:
		// the producer did not leak.
	})
}

func TestAwaitCancelled(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		f := await.Start(after(2*time.Second, 0))
		ctx, cancel := context.WithCancel(t.Context())
		time.AfterFunc(time.Second, cancel)
		_, err := f.Await(ctx)
		assert.ErrorIs(t, err, context.Canceled, "Await")
		elapsed(t, start, time.Second)
		<-f.Done() // the fake clock stops when this function returns: let f finish
	})
}

func TestAwaitManyTimes(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, start := t.Context(), time.Now()
		f := await.Start(after(time.Second, 7))
		var wg sync.WaitGroup
		for range 100 { // many goroutines await the same future at once
			wg.Go(func() {
				got, err := f.Await(ctx)
				assert.NoError(t, err, "Await")
				assert.Equal(t, 7, got, "Await")
			})
		}
		wg.Wait()
		elapsed(t, start, time.Second)
		for range 3 { // and awaiting again returns the same result
			mustAwait(t, ctx, f, 7)
		}
		elapsed(t, start, time.Second)
	})
}

// Python's Future.__await__ does not yield when the future is done, so a
// pending cancellation is not delivered there. Await's fast path does the
// same: a finished future wins over a done context, every time.
func TestAwaitFinishedDoesNotWait(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		f := await.Start(after(0, "now"))
		synctest.Wait() // f's goroutine has finished
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		start := time.Now()
		for range 1000 {
			mustAwait(t, ctx, f, "now")
		}
		elapsed(t, start, 0)
	})
}

func TestAwaitError(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		errDisk := errors.New("disk full")
		f := await.Start(func() (int, error) {
			time.Sleep(time.Second)
			return 0, errDisk
		})
		for range 2 { // the same error, every time
			_, err := f.Await(t.Context())
			assert.ErrorIs(t, err, errDisk, "Await")
		}
	})
}

func TestDone(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		release := make(chan struct{})
		f := await.Start(func() (int, error) {
			<-release
			return 1, nil
		})
		synctest.Wait()
		select {
		case <-f.Done():
			t.Error("Done is closed before the function returned")
		default:
		}
		close(release)
		synctest.Wait()
		select {
		case <-f.Done():
		default:
			t.Error("Done is not closed after the function returned")
		}
	})
}
