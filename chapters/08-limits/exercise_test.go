package limits

import (
	"context"
	"errors"
	"slices"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// TestMap: calls of 1 s (odd numbers) and 0.5 s (even ones) with a limit of
// 3 never run more than 3 at a time, and the results keep the order of the
// input. Each call starts as soon as a slot is free, so the run takes
// exactly 3 s; starting the calls in batches of three would take 3.5 s.
func TestMap(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var g Gauge
		in := []int{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}
		start := time.Now()
		got, err := Map(t.Context(), in, 3, func(ctx context.Context, n int) (string, error) {
			g.Enter()
			defer g.Leave()
			time.Sleep(time.Duration(n%2+1) * 500 * time.Millisecond) // odd numbers take longer
			return string(rune('a' + n)), nil
		})
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"j", "i", "h", "g", "f", "e", "d", "c", "b", "a"}
		if !slices.Equal(got, want) {
			t.Errorf("Map = %q, want %q", got, want)
		}
		if g.Max() != 3 {
			t.Errorf("%d calls in flight at most, want 3", g.Max())
		}
		if elapsed := time.Since(start); elapsed != 3*time.Second {
			t.Errorf("took %v, want exactly 3s", elapsed)
		}
	})
}

// TestMapExactTime: ten calls of 1 s, limit 3: four waves, exactly 4 s.
func TestMapExactTime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		_, err := Map(t.Context(), make([]int, 10), 3, func(ctx context.Context, n int) (int, error) {
			time.Sleep(time.Second)
			return n, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if elapsed := time.Since(start); elapsed != 4*time.Second {
			t.Errorf("took %v, want exactly 4s", elapsed)
		}
	})
}

// TestMapError: the first error is returned, cancels the calls in flight
// (they stop at once), and Map starts no more calls.
func TestMapError(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
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
		if !errors.Is(err, boom) {
			t.Errorf("err = %v, want boom", err)
		}
		if elapsed := time.Since(start); elapsed != 500*time.Millisecond {
			t.Errorf("returned after %v, want exactly 500ms", elapsed)
		}
		if n := calls.Load(); n >= 10 {
			t.Errorf("f called %d times; want Map to stop starting calls after the error", n)
		}
	})
}

func TestMapBadLimit(t *testing.T) {
	for _, limit := range []int{0, -1} {
		if _, err := Map(t.Context(), []int{1}, limit, func(ctx context.Context, n int) (int, error) { return n, nil }); err == nil {
			t.Errorf("Map with limit %d: no error", limit)
		}
	}
}

func TestMapEmpty(t *testing.T) {
	got, err := Map(t.Context(), []int{}, 2, func(ctx context.Context, n int) (int, error) { return n, nil })
	if err != nil || len(got) != 0 {
		t.Errorf("Map of nothing = %v, %v; want empty, nil", got, err)
	}
}
