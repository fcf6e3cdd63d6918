package pitfalls

import (
	"slices"
	"testing"
	"time"

	eventloop "github.com/asyncgo/course/chapters/03-event-loop"
)

// TestCPUTasksTakeTurns: on one loop, eight 50 ms CPU tasks under Gather
// take 400 ms, exactly as long as running them one after another, and they
// finish one at a time, 50 ms apart.
func TestCPUTasksTakeTurns(t *testing.T) {
	const n, d = 8, 50 * time.Millisecond
	l := eventloop.New(eventloop.VirtualClock())
	tr := l.Record()
	err := l.Run(func(t0 *eventloop.Task) error {
		done, err := GatherBusy(t0, n, d)
		if err != nil {
			return err
		}
		var want []time.Duration
		for i := range n {
			want = append(want, time.Duration(i+1)*d)
		}
		if !slices.Equal(done, want) {
			t.Errorf("tasks finished at %v, want %v", done, want)
		}
		if got := t0.Now(); got != n*d {
			t.Errorf("Gather returned at %v, want %v", got, n*d)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	checkTimeline(t, "testdata/cpu-loop.svg", "Eight 50 ms CPU tasks under Gather, on one loop", tr)

	l = eventloop.New(eventloop.VirtualClock())
	err = l.Run(func(t0 *eventloop.Task) error {
		for range n { // the same work, one after another
			t0.Busy(d)
		}
		if got := t0.Now(); got != n*d {
			t.Errorf("sequential work took %v, want %v", got, n*d)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestCPUModesAgree: the four ways of running the CPU tasks compute the
// same thing, so the benchmark compares equal work.
func TestCPUModesAgree(t *testing.T) {
	const n, rounds = 8, 1000
	want := Sequential(n, rounds)
	if got := Goroutines(n, rounds); got != want {
		t.Errorf("Goroutines = %#x, want %#x", got, want)
	}
	if got, err := OnLoop(n, rounds); err != nil || got != want {
		t.Errorf("OnLoop = %#x, %v; want %#x", got, err, want)
	}
	if got, err := InExecutor(n, rounds); err != nil || got != want {
		t.Errorf("InExecutor = %#x, %v; want %#x", got, err, want)
	}
	if Hash(1, rounds) == Hash(2, rounds) {
		t.Error("Hash ignores its seed")
	}
}
