package pitfalls

import (
	"slices"
	"testing"
	"time"
)

// TestBlockingDelaysOthersByItsDuration: while the worker blocks for 100 ms,
// the ticker, due at the moment the work starts, waits exactly 100 ms. Handed
// to a goroutine, the same work delays nobody, and still takes 100 ms.
func TestBlockingDelaysOthersByItsDuration(t *testing.T) {
	const d = 100 * time.Millisecond
	blocked, err := Stall(BlockingWork, d)
	if err != nil {
		t.Fatal(err)
	}
	if want := []time.Duration{d, 0, 0, 0, 0}; !slices.Equal(blocked.Late, want) {
		t.Errorf("blocking: ticker late by %v, want %v", blocked.Late, want)
	}
	offloaded, err := Stall(OffloadedWork, d)
	if err != nil {
		t.Fatal(err)
	}
	if want := make([]time.Duration, Ticks); !slices.Equal(offloaded.Late, want) {
		t.Errorf("offloaded: ticker late by %v, want %v", offloaded.Late, want)
	}
	for _, r := range []StallReport{blocked, offloaded} {
		if want := WorkStart + d; r.WorkDone != want {
			t.Errorf("work done at %v, want %v", r.WorkDone, want)
		}
	}

	// The two timelines share one time axis, so they can be compared.
	end := max(blocked.Trace.End, offloaded.Trace.End)
	blocked.Trace.End, offloaded.Trace.End = end, end
	checkTimeline(t, "testdata/blocking.svg", "Blocking call in a task: the ticker waits", blocked.Trace)
	checkTimeline(t, "testdata/offloaded.svg", "Same call in RunInExecutor: the ticker keeps time", offloaded.Trace)
}
