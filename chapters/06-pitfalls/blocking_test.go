package pitfalls

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBlockingDelaysOthersByItsDuration: while the worker blocks for 100 ms,
// the ticker, due at the moment the work starts, waits exactly 100 ms. Handed
// to a goroutine, the same work delays nobody, and still takes 100 ms.
func TestBlockingDelaysOthersByItsDuration(t *testing.T) {
	const d = 100 * time.Millisecond
	blocked, err := Stall(BlockingWork, d)
	require.NoError(t, err)
	assert.Equal(t, []time.Duration{d, 0, 0, 0, 0}, blocked.Late, "blocking: how late each tick was")
	offloaded, err := Stall(OffloadedWork, d)
	require.NoError(t, err)
	assert.Equal(t, make([]time.Duration, Ticks), offloaded.Late, "offloaded: how late each tick was")
	for _, r := range []StallReport{blocked, offloaded} {
		assert.Equal(t, WorkStart+d, r.WorkDone, "when the work was done")
	}

	// The two timelines share one time axis, so they can be compared.
	end := max(blocked.Trace.End, offloaded.Trace.End)
	blocked.Trace.End, offloaded.Trace.End = end, end
	checkTimeline(t, "testdata/blocking.svg", "Blocking call in a task: the ticker waits", blocked.Trace)
	checkTimeline(t, "testdata/offloaded.svg", "Same call in RunInExecutor: the ticker keeps time", offloaded.Trace)
}
