package await_test

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"
	"time"

	"github.com/asyncgo/course/chapters/02-await"
	"github.com/asyncgo/course/chapters/internal/bubble"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

// stuckHelpers is what a deadlocked bubble means in these tests: every
// future has finished, so the goroutines still blocked are First's own.
const stuckHelpers = "First's helper goroutines are stuck sending to a results channel that nobody " +
	"reads any more. Give the channel room for every future: make(chan result, len(futures))."

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
	bubble.Test(t, stuckHelpers, func(t *testing.T) {
		start := time.Now()
		futures := startAll(t,
			after(3*time.Second, "slow"),
			after(1*time.Second, "fast"),
			after(2*time.Second, "medium"),
		)
		got, err := await.First(t.Context(), futures...)
		require.NoError(t, err)
		assert.Equal(t, "fast", got, "the future that finishes first wins, whatever its place in the list")
		assert.Equal(t, time.Second, time.Since(start),
			"First must return as soon as one future finishes: wait for all of them at once, not one by one")
	})
}

func TestFirstReturnsAnError(t *testing.T) {
	bubble.Test(t, stuckHelpers, func(t *testing.T) {
		errDisk := errors.New("disk full")
		futures := startAll(t,
			after(2*time.Second, "slow"),
			func() (string, error) {
				time.Sleep(time.Second)
				return "", errDisk
			},
		)
		_, err := await.First(t.Context(), futures...)
		assert.ErrorIs(t, err, errDisk, "a future that fails first wins too: return its error")
	})
}

func TestFirstGivesUpAtTheDeadline(t *testing.T) {
	bubble.Test(t, stuckHelpers, func(t *testing.T) {
		start := time.Now()
		futures := startAll(t, after(2*time.Second, "a"), after(3*time.Second, "b"))
		ctx, cancel := context.WithTimeout(t.Context(), 500*time.Millisecond)
		defer cancel()
		_, err := await.First(ctx, futures...)
		assert.ErrorIs(t, err, context.DeadlineExceeded, "ctx ends first: return its error, wrapped")
		assert.Equal(t, 500*time.Millisecond, time.Since(start),
			"First must give up the moment ctx is done: pass ctx to Await, or select on ctx.Done()")
	})
}

// A finished future wins at once, even over a done context: a select that
// chose between them would pick the context about half of the time.
func TestFirstWithAFinishedFuture(t *testing.T) {
	bubble.Test(t, stuckHelpers, func(t *testing.T) {
		futures := startAll(t, after(time.Second, "pending"), after(0, "done"))
		synctest.Wait() // "done" has finished
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		start := time.Now()
		for range 100 {
			got, err := await.First(ctx, futures...)
			require.NoError(t, err, "a finished future wins even over a done ctx: "+
				"look for one (a select on f.Done() with a default) before waiting")
			require.Equal(t, "done", got, "the finished future wins")
		}
		assert.Equal(t, time.Duration(0), time.Since(start), "with a future already finished, First must not wait")
	})
}

func TestFirstWithNoFutures(t *testing.T) {
	_, err := await.First[int](t.Context())
	assert.ErrorIs(t, err, await.ErrNoFutures, "with no futures there is nothing to wait for: return ErrNoFutures")
}

// The futures that lose keep running (here for an hour); First's own
// goroutines must end when it returns.
func TestFirstLeavesNoGoroutineBehind(t *testing.T) {
	bubble.Test(t, stuckHelpers, func(t *testing.T) {
		futures := startAll(t, after(time.Second, "fast"), after(time.Hour, "slow"), after(time.Hour, "slower"))
		producers := goleak.IgnoreCurrent() // the futures' goroutines are not First's
		_, err := await.First(t.Context(), futures...)
		require.NoError(t, err)
		synctest.Wait() // every goroutine of the bubble has ended or is blocked
		assert.NoError(t, goleak.Find(producers), "First left goroutines of its own behind. "+
			"Let them wait with a context that First cancels when it returns (defer cancel()), "+
			"and give them a channel with room for every result, so that none blocks on its send.")
	})
}
