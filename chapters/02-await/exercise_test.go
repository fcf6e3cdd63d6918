package await_test

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"
	"time"

	"github.com/asyncgo/course/chapters/02-await"
)

// startAll starts a future for each function and makes the test wait, at
// its end, until all of them have finished. The fake clock stops when a
// synctest bubble's function returns, so the test must not end while a
// producer still sleeps; a cleanup also runs when a check fails early.
func startAll[T any](t *testing.T, fns ...func() (T, error)) []*await.Future[T] {
	var futures []*await.Future[T]
	for _, fn := range fns {
		futures = append(futures, await.Start(fn))
	}
	t.Cleanup(func() {
		for _, f := range futures {
			<-f.Done()
		}
	})
	return futures
}

func TestFirstReturnsTheEarliest(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		futures := startAll(t,
			after(3*time.Second, "slow"),
			after(1*time.Second, "fast"),
			after(2*time.Second, "medium"),
		)
		got, err := await.First(t.Context(), futures...)
		if got != "fast" || err != nil {
			t.Errorf("First = %q, %v; want \"fast\", <nil>", got, err)
		}
		elapsed(t, start, time.Second)
	})
}

func TestFirstReturnsAnError(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		errDisk := errors.New("disk full")
		futures := startAll(t,
			after(2*time.Second, "slow"),
			func() (string, error) {
				time.Sleep(time.Second)
				return "", errDisk
			},
		)
		if _, err := await.First(t.Context(), futures...); !errors.Is(err, errDisk) {
			t.Errorf("First = %v, want %v", err, errDisk)
		}
	})
}

func TestFirstGivesUpAtTheDeadline(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		futures := startAll(t, after(2*time.Second, "a"), after(3*time.Second, "b"))
		ctx, cancel := context.WithTimeout(t.Context(), 500*time.Millisecond)
		defer cancel()
		if _, err := await.First(ctx, futures...); !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("First = %v, want context.DeadlineExceeded", err)
		}
		elapsed(t, start, 500*time.Millisecond)
	})
}

func TestFirstWithAFinishedFuture(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		futures := startAll(t, after(time.Second, "pending"), after(0, "done"))
		synctest.Wait() // "done" has finished
		ctx, cancel := context.WithCancel(t.Context())
		cancel() // a finished future wins even over a done context
		start := time.Now()
		for range 100 {
			if got, err := await.First(ctx, futures...); got != "done" || err != nil {
				t.Fatalf("First = %q, %v; want \"done\", <nil>", got, err)
			}
		}
		elapsed(t, start, 0)
	})
}

func TestFirstWithNoFutures(t *testing.T) {
	if _, err := await.First[int](t.Context()); !errors.Is(err, await.ErrNoFutures) {
		t.Errorf("First() = %v, want ErrNoFutures", err)
	}
}
