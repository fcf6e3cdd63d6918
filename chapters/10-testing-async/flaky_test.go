//go:build flaky

// This file is left out of the build unless you ask for it with -tags flaky.
// Its tests are wrong on purpose: nothing guarantees that they pass. The
// order test fails within a few runs; the sleeping ones usually pass on an
// idle machine and fail when it is busy:
//
//	go test -tags flaky -run Flaky -count 20 ./chapters/10-testing-async/
package testingasync_test

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/asyncgo/course/chapters/10-testing-async"
)

// region sleepy

// FLAKY: real time. It hopes that 35 ms of sleep holds exactly three 10 ms
// ticks and that 10 ms more is enough for Heartbeat to return. On a busy
// machine, or under -race, the sleeps overshoot and a tick is late or lost.
func TestFlakyHeartbeatSleeps(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var beats atomic.Int64
	go testingasync.Heartbeat(ctx, 10*time.Millisecond, func(n int) { beats.Store(int64(n)) })

	time.Sleep(35 * time.Millisecond)
	cancel()
	time.Sleep(10 * time.Millisecond) // "let the goroutine stop"
	if n := beats.Load(); n != 3 {
		t.Errorf("%d beats in 35 ms, want 3", n)
	}
}

// endregion sleepy

// region order

// FLAKY: fake time, but it relies on the order of two goroutines woken at
// the same instant. synctest makes the instant exact, not the order.
func TestFlakySameInstantOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var mu sync.Mutex
		var order []string
		var wg sync.WaitGroup
		for _, name := range []string{"a", "b"} {
			wg.Go(func() {
				time.Sleep(time.Second)
				mu.Lock()
				order = append(order, name)
				mu.Unlock()
			})
		}
		wg.Wait()
		if want := []string{"a", "b"}; !slices.Equal(order, want) {
			t.Errorf("order = %q, want %q", order, want)
		}
	})
}

// endregion order

// region debounce

// FLAKY: the sleep-based test of Debouncer that the exercise replaces. It
// takes 210 ms of real time and still guesses: will f have run 50 ms after
// its deadline?
func TestFlakyDebouncerSleeps(t *testing.T) {
	var calls atomic.Int64
	db := testingasync.NewDebouncer(100*time.Millisecond, func() { calls.Add(1) })
	for range 3 {
		db.Trigger()
		time.Sleep(30 * time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond) // 140 ms: before the deadline at 160 ms
	if n := calls.Load(); n != 0 {
		t.Errorf("f ran %d times before the deadline, want 0", n)
	}
	time.Sleep(70 * time.Millisecond) // 210 ms: "surely it has run by now"
	if n := calls.Load(); n != 1 {
		t.Errorf("f ran %d times, want 1", n)
	}
}

// endregion debounce
