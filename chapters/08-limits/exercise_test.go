package limits

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/asyncgo/course/chapters/internal/bubble"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// blockedForGood is what a deadlocked bubble means in these tests.
const blockedForGood = "Map is blocked for good, or left calls running when it returned. With a " +
	"buffered channel as a semaphore, give each slot back when its call ends " +
	"(defer func() { <-sem }()), and wait for every call before returning."

// TestMap: calls of 1 s (odd numbers) and 0.5 s (even ones) with a limit of
// 3 never run more than 3 at a time, and the results keep the order of the
// input. Each call starts as soon as a slot is free, so the run takes
// exactly 3 s; starting the calls in batches of three would take 3.5 s.
func TestMap(t *testing.T) {
	bubble.Test(t, blockedForGood, func(t *testing.T) {
		var g Gauge
		in := []int{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}
		start := time.Now()
		got, err := Map(t.Context(), in, 3, func(ctx context.Context, n int) (string, error) {
			g.Enter()
			defer g.Leave()
			time.Sleep(time.Duration(n%2+1) * 500 * time.Millisecond) // odd numbers take longer
			return string(rune('a' + n)), nil
		})
		require.NoError(t, err)
		assert.Equal(t, []string{"j", "i", "h", "g", "f", "e", "d", "c", "b", "a"}, got,
			"results in the order of in: write each result into out[i], its element's slot")
		assert.Equal(t, int64(3), g.Max(), "calls in flight at most: never more than limit, and use them all")
		assert.Equal(t, 3*time.Second, time.Since(start),
			"start each call as soon as a slot is free, not in batches of limit")
	})
}

// TestMapExactTime: ten calls of 1 s, limit 3: four waves, exactly 4 s.
func TestMapExactTime(t *testing.T) {
	bubble.Test(t, blockedForGood, func(t *testing.T) {
		start := time.Now()
		_, err := Map(t.Context(), make([]int, 10), 3, func(ctx context.Context, n int) (int, error) {
			time.Sleep(time.Second)
			return n, nil
		})
		require.NoError(t, err)
		assert.Equal(t, 4*time.Second, time.Since(start), "ten calls of 1s, three at a time: four waves")
	})
}

// TestMapError: the second call fails at 500 ms. The error is returned, it
// cancels the calls in flight (they stop at once), and Map starts no more
// calls. (One call may already be waiting for a slot when the error comes,
// as errgroup's Go does: at most 4 calls in all.)
func TestMapError(t *testing.T) {
	bubble.Test(t, blockedForGood, func(t *testing.T) {
		boom := errors.New("boom")
		var calls atomic.Int64
		start := time.Now()
		_, err := Map(t.Context(), make([]int, 10), 3, func(ctx context.Context, n int) (int, error) {
			if calls.Add(1) == 2 {
				time.Sleep(500 * time.Millisecond)
				return 0, boom
			}
			select {
			case <-time.After(time.Second):
				return n, nil
			case <-ctx.Done():
				return 0, context.Cause(ctx)
			}
		})
		assert.ErrorIs(t, err, boom, "return the first error")
		assert.Equal(t, 500*time.Millisecond, time.Since(start),
			"the first error must cancel the context the other calls see: errgroup.WithContext")
		assert.LessOrEqual(t, calls.Load(), int64(4),
			"f was called after the first error: check the group's context before starting each call")
	})
}

// A limit below 1 is an error. Without the check, errgroup's SetLimit(0)
// would let no call start, and Map would wait for ever.
func TestMapBadLimit(t *testing.T) {
	for _, limit := range []int{0, -1} {
		bubble.Test(t, "Map with limit 0 is blocked for good: return an error for a limit below 1 before starting anything",
			func(t *testing.T) {
				_, err := Map(t.Context(), []int{1}, limit, func(ctx context.Context, n int) (int, error) { return n, nil })
				assert.Error(t, err, "Map with limit %d: a limit below 1 is an error", limit)
			})
	}
}

func TestMapEmpty(t *testing.T) {
	got, err := Map(t.Context(), []int{}, 2, func(ctx context.Context, n int) (int, error) { return n, nil })
	require.NoError(t, err)
	assert.Empty(t, got, "no elements, no results")
}
