package pitfalls

import (
	"testing"
	"time"

	eventloop "github.com/asyncgo/course/chapters/03-event-loop"
	"github.com/stretchr/testify/assert"
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
		assert.Equal(t, want, done, "when the tasks finished")
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
	assert.Equal(t, want, Goroutines(n, rounds), "Goroutines")
	got, err := OnLoop(n, rounds)
	if assert.NoError(t, err, "OnLoop") {
		assert.Equal(t, want, got, "OnLoop")
	}
	got, err = InExecutor(n, rounds)
	if assert.NoError(t, err, "InExecutor") {
		assert.Equal(t, want, got, "InExecutor")
	}
	assert.NotEqual(t, Hash(1, rounds), Hash(2, rounds), "Hash ignores its seed")
}
