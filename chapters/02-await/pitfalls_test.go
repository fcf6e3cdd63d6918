package await_test

import (
	"context"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/asyncgo/course/chapters/02-await"
	"github.com/stretchr/testify/assert"
	"go.uber.org/goleak"
)

// startUnbuffered is the smallest future done wrong: with no buffer, the
// producer's send waits for a receiver, forever if nobody receives.
func startUnbuffered(fn func() int) <-chan int {
	ch := make(chan int) // no buffer
	go func() { ch <- fn() }()
	return ch
}

// startBuffered is the smallest future done right: the one result fits in
// the buffer, so the send never blocks and the goroutine always ends.
func startBuffered(fn func() int) <-chan int {
	ch := make(chan int, 1) // a buffer of one
	go func() { ch <- fn() }()
	return ch
}

func TestForgottenUnbufferedLeaks(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		others := goleak.IgnoreCurrent()
		// region forgotten-unbuffered
		ch := startUnbuffered(func() int { return 42 })
		synctest.Wait() // every goroutine of the bubble is blocked or gone
		err := goleak.Find(others)
		if err == nil || !strings.Contains(err.Error(), "startUnbuffered") {
			t.Errorf("goleak.Find = %v, want the goroutine of startUnbuffered", err)
		}
		// endregion forgotten-unbuffered
		t.Logf("the forgotten producer is stuck on its send:\n%v", err)
		<-ch // receive after all, so that this test itself does not leak
	})
}

func TestForgottenBufferedDoesNotLeak(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		others := goleak.IgnoreCurrent()
		startBuffered(func() int { return 42 }) // the result is dropped
		synctest.Wait()
		if err := goleak.Find(others); err != nil {
			t.Fatal(err)
		}
	})
}

func TestForgottenFutureDoesNotLeak(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		others := goleak.IgnoreCurrent()
		await.Start(after(time.Second, "never awaited")) // the result is dropped
		time.Sleep(time.Second)
		synctest.Wait()
		if err := goleak.Find(others); err != nil {
			t.Fatal(err)
		}
	})
}

// sleepCtx sleeps for d, or until ctx is done, whichever comes first.
func sleepCtx(ctx context.Context, d time.Duration) error {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func TestIgnoringContext(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		// region ignoring-ctx
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		deaf := await.Start(func() (string, error) {
			time.Sleep(10 * time.Second) // never looks at ctx
			return "too late", nil
		})
		polite := await.Start(func() (string, error) {
			if err := sleepCtx(ctx, 10*time.Second); err != nil {
				return "", err // stops as soon as ctx is done
			}
			return "too late", nil
		})
		// endregion ignoring-ctx
		_, err := deaf.Await(ctx)
		assert.ErrorIs(t, err, context.DeadlineExceeded, "deaf.Await")
		elapsed(t, start, time.Second)

		<-polite.Done()
		elapsed(t, start, time.Second) // stopped with the deadline
		_, err = polite.Await(ctx)
		assert.ErrorIs(t, err, context.DeadlineExceeded, "polite.Await")

		<-deaf.Done()
		elapsed(t, start, 10*time.Second) // nine seconds of work nobody wanted
	})
}

// region loops

// awaitEach starts each job only when the previous one is done: the
// waits add up.
func awaitEach(ctx context.Context, jobs []func() (string, error)) ([]string, error) {
	var out []string
	for _, job := range jobs {
		v, err := await.Start(job).Await(ctx)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// startAllThenAwait starts every job first, then awaits them in order:
// the waits overlap.
func startAllThenAwait(ctx context.Context, jobs []func() (string, error)) ([]string, error) {
	var futures []*await.Future[string]
	for _, job := range jobs {
		futures = append(futures, await.Start(job))
	}
	var out []string
	for _, f := range futures {
		v, err := f.Await(ctx)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// endregion loops

func TestAwaitInALoop(t *testing.T) {
	tests := []struct {
		name string
		run  func(context.Context, []func() (string, error)) ([]string, error)
		want time.Duration
	}{
		{"awaitEach", awaitEach, 6 * time.Second},
		{"startAllThenAwait", startAllThenAwait, 3 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				jobs := []func() (string, error){
					after(3*time.Second, "c"), after(1*time.Second, "a"), after(2*time.Second, "b"),
				}
				start := time.Now()
				got, err := tt.run(t.Context(), jobs)
				if err != nil || strings.Join(got, "") != "cab" {
					t.Errorf("got %v, %v; want [c a b], <nil>", got, err)
				}
				elapsed(t, start, tt.want)
			})
		})
	}
}
