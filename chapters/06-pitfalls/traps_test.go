package pitfalls

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"go.uber.org/goleak"
)

// region forgettest

// TestSaveAllForgetful: the forgetful version returns before anything is
// saved; SaveAll returns after everything is. Each save takes one second of
// synctest's fake time.
func TestSaveAllForgetful(t *testing.T) {
	items := []string{"a", "b", "c"}
	synctest.Test(t, func(t *testing.T) {
		var saved atomic.Int32
		save := func(string) { time.Sleep(time.Second); saved.Add(1) }

		SaveAllForgetful(items, save)
		if n := saved.Load(); n != 0 {
			t.Errorf("forgetful: %d saved when it returned, want 0", n)
		}
		time.Sleep(time.Second) // a test can wait; a program that exits now cannot
		synctest.Wait()
		if n := saved.Load(); n != 3 {
			t.Errorf("forgetful: %d saved a second later, want 3", n)
		}

		saved.Store(0)
		SaveAll(items, save)
		if n := saved.Load(); n != 3 {
			t.Errorf("SaveAll: %d saved when it returned, want 3", n)
		}
	})
}

// endregion forgettest

// region fanouttest

// TestProcessAllPeak: the unbounded version has every item in flight at
// once; ProcessAll never more than its limit, and pays for it in time.
func TestProcessAllPeak(t *testing.T) {
	items := make([]int, 1000)
	for _, c := range []struct {
		name     string
		run      func(context.Context, []int, func(context.Context, int) error) error
		peak     int
		duration time.Duration
	}{
		{"unbounded", ProcessAllUnbounded, 1000, time.Second},
		{"limit 10", func(ctx context.Context, items []int, work func(context.Context, int) error) error {
			return ProcessAll(ctx, items, 10, work)
		}, 10, 100 * time.Second},
	} {
		t.Run(c.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var g gauge
				work := func(ctx context.Context, _ int) error {
					g.add(1)
					defer g.add(-1)
					time.Sleep(time.Second) // one second of fake time per item
					return nil
				}
				start := time.Now()
				if err := c.run(t.Context(), items, work); err != nil {
					t.Fatal(err)
				}
				if g.peak != c.peak {
					t.Errorf("peak of %d items in flight, want %d", g.peak, c.peak)
				}
				if d := time.Since(start); d != c.duration {
					t.Errorf("took %v of fake time, want %v", d, c.duration)
				}
			})
		})
	}
}

// endregion fanouttest

// gauge counts calls in flight and remembers the peak.
type gauge struct {
	mu        sync.Mutex
	now, peak int
}

func (g *gauge) add(d int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.now += d
	g.peak = max(g.peak, g.now)
}

// region leaktest

// TestSquaresLeak: a caller that reads one square and walks away leaves
// Squares' goroutine blocked on its send. goleak.Find sees it; draining the
// channel releases it. SquaresCtx lets go as soon as the context ends.
func TestSquaresLeak(t *testing.T) {
	before := goleak.IgnoreCurrent()

	ch := Squares(10)
	if first := <-ch; first != 0 {
		t.Errorf("first square = %d, want 0", first)
	}
	err := goleak.Find(before)
	if err == nil || !strings.Contains(err.Error(), "pitfalls.Squares") {
		t.Errorf("goleak.Find = %v, want the goroutine of Squares reported", err)
	}
	rest := 0
	for range ch { // release it: read to the end
		rest++
	}
	if rest != 9 {
		t.Errorf("read %d more squares, want 9", rest)
	}

	ctx, cancel := context.WithCancel(t.Context())
	ch = SquaresCtx(ctx, 10)
	<-ch
	cancel() // walk away, but say so
	if err := goleak.Find(before); err != nil {
		t.Errorf("SquaresCtx leaked after cancel: %v", err)
	}
}

// endregion leaktest
