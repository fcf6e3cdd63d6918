package testingasync_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/asyncgo/course/chapters/10-testing-async"
)

// In a bubble the clock starts at midnight UTC, 1 January 2000, and a day of
// sleeping takes no real time.
func TestFakeTimeStartsIn2000(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		if want := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC); !start.Equal(want) {
			t.Errorf("time.Now() in a bubble = %v, want %v", start, want)
		}
		time.Sleep(24 * time.Hour)
		if got := time.Since(start); got != 24*time.Hour {
			t.Errorf("after sleeping a day, time.Since(start) = %v, want exactly 24h", got)
		}
	})
}

// Heartbeat runs on the test's own goroutine: when it waits for the ticker
// or the deadline, every goroutine of the bubble is durably blocked, so the
// clock jumps to the next tick. Every event has an exact time.
func TestHeartbeat(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		rec := testingasync.NewRecorder(nil)
		// 35 ms, not 30: at 30 ms the tick and the deadline would be ready
		// together, and select picks one of them at random.
		ctx, cancel := context.WithTimeout(t.Context(), 35*time.Millisecond)
		defer cancel()

		n := testingasync.Heartbeat(ctx, 10*time.Millisecond, func(n int) {
			rec.Record(fmt.Sprint("beat ", n))
		})
		rec.Record(fmt.Sprint("returned after ", n, " beats"))

		want := []string{"10ms beat 1", "20ms beat 2", "30ms beat 3", "35ms returned after 3 beats"}
		if got := rec.Timeline(); !slices.Equal(got, want) {
			t.Errorf("timeline:\n got %q\nwant %q", got, want)
		}
	})
}

// region wait

// The rewrite of "sleep 10 ms to let the goroutine stop": synctest.Wait
// returns when every other goroutine in the bubble is durably blocked or has
// exited, so what the test checks next is settled, not hoped for.
func TestHeartbeatStopsWhenCancelled(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan int, 1)
		go func() {
			done <- testingasync.Heartbeat(ctx, time.Second, func(int) {})
		}()

		time.Sleep(2500 * time.Millisecond) // beats at 1 s and 2 s
		cancel()
		synctest.Wait() // Heartbeat has seen the cancellation and returned

		select {
		case n := <-done:
			if n != 2 {
				t.Errorf("Heartbeat sent %d beats in 2.5 s, want 2", n)
			}
		default:
			t.Fatal("Heartbeat still running after cancel")
		}
	})
}

// endregion wait

// region sameInstant

// Two goroutines wake at the same fake instant. synctest fixes the instant,
// not which of them runs first, so the test compares the timeline, which
// sorts events of the same instant, instead of the order they were recorded.
func TestSameInstant(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		rec := testingasync.NewRecorder(nil)
		var wg sync.WaitGroup
		for _, name := range []string{"a", "b"} {
			wg.Go(func() {
				time.Sleep(time.Second)
				rec.Record(name + " wakes")
			})
		}
		wg.Wait()

		want := []string{"1s a wakes", "1s b wakes"}
		if got := rec.Timeline(); !slices.Equal(got, want) {
			t.Errorf("timeline = %q, want %q", got, want)
		}
	})
}

// endregion sameInstant

// region orderFixed

// When the order matters, the code must fix it. Two ways: distinct fake times,
// or a hand-over on a channel. Either way the recorded order is deterministic
// and the test checks it exactly.
func TestOrderFixed(t *testing.T) {
	t.Run("distinct times", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			rec := testingasync.NewRecorder(nil)
			var wg sync.WaitGroup
			for i, name := range []string{"a", "b"} {
				wg.Go(func() {
					time.Sleep(time.Duration(i+1) * time.Second)
					rec.Record(name)
				})
			}
			wg.Wait()
			checkEvents(t, rec, "1s a", "2s b")
		})
	})
	t.Run("hand-over", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			rec := testingasync.NewRecorder(nil)
			aDone := make(chan struct{})
			var wg sync.WaitGroup
			wg.Go(func() {
				time.Sleep(time.Second)
				<-aDone // b goes second: it waits for a
				rec.Record("b")
			})
			wg.Go(func() {
				time.Sleep(time.Second)
				rec.Record("a")
				close(aDone)
			})
			wg.Wait()
			checkEvents(t, rec, "1s a", "1s b")
		})
	})
}

// endregion orderFixed

// checkEvents compares the events in the order they were recorded.
func checkEvents(t *testing.T, rec *testingasync.Recorder, want ...string) {
	t.Helper()
	var got []string
	for _, e := range rec.Events() {
		got = append(got, e.String())
	}
	if !slices.Equal(got, want) {
		t.Errorf("events in recorded order = %q, want %q", got, want)
	}
}

// region reportBack

// Only the test's own goroutine may call t.Fatal (it ends that goroutine
// with runtime.Goexit). Workers send their errors back, and the test
// goroutine waits for all of them before it decides: in a bubble, time stops
// when the test function returns, so a worker left sleeping would be
// reported as a deadlock.
func TestWorkersReportBack(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		check := func(d time.Duration) error {
			time.Sleep(d)
			if d > 2*time.Second {
				return fmt.Errorf("check of %v: too slow", d)
			}
			return nil
		}
		delays := []time.Duration{time.Second, 2 * time.Second}
		results := make(chan error, len(delays))
		for _, d := range delays {
			go func() { results <- check(d) }() // never t.Fatal in here
		}
		var errs []error
		for range delays {
			errs = append(errs, <-results)
		}
		if err := errors.Join(errs...); err != nil {
			t.Fatal(err) // on the test goroutine, after every worker is done
		}
		if got := time.Since(start); got != 2*time.Second {
			t.Errorf("the checks took %v together, want 2s (they run concurrently)", got)
		}
	})
}

// endregion reportBack

// Inside a bubble a goroutine blocked on a channel shows up as "durable" in a
// goroutine dump, with its bubble's number.
func TestDurableInDump(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ch := make(chan int)
		go func() { <-ch }()
		synctest.Wait()
		buf := make([]byte, 1<<16)
		dump := string(buf[:runtime.Stack(buf, true)])
		if !strings.Contains(dump, "[chan receive (durable), synctest bubble") {
			t.Errorf("no durably blocked goroutine in the dump:\n%s", dump)
		}
		close(ch)
	})
}
