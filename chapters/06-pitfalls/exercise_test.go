package pitfalls

import (
	"fmt"
	"slices"
	"testing"
	"time"

	eventloop "github.com/asyncgo/course/chapters/03-event-loop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// chunked is the worker's work in the Stall scene: Chunked with the given chunk.
func chunked(chunk time.Duration) func(t *eventloop.Task, d time.Duration) error {
	return func(t *eventloop.Task, d time.Duration) error { return Chunked(t, d, chunk) }
}

// TestChunkedKeepsTheLoopResponsive runs the Stall scene with the work in
// chunks: the ticker is never late by more than one chunk, and the work
// still takes d in all. (The chunks divide TickPeriod, so every tick falls
// due at the end of a chunk; see the README for other chunk sizes.)
func TestChunkedKeepsTheLoopResponsive(t *testing.T) {
	const d = 100 * time.Millisecond
	for _, chunk := range []time.Duration{d, 20 * time.Millisecond, 10 * time.Millisecond, time.Millisecond} {
		t.Run(chunk.String(), func(t *testing.T) {
			r, err := Stall(chunked(chunk), d)
			require.NoError(t, err)
			assert.Equal(t, WorkStart+d, r.WorkDone, "the chunks must add up to d: call t.Busy for each chunk")
			require.Len(t, r.Late, Ticks, "the ticker must wake every time")
			assert.LessOrEqual(t, slices.Max(r.Late), chunk,
				"the ticker was late by more than one chunk (%v): no chunk may be longer than chunk, "+
					"and the loop must get a turn after each one (t.Yield())", r.Late)
		})
	}
}

// TestChunkedOddChunk pins down the README's claim for a chunk that does not
// divide the tick period: a tick that falls due inside a 30 ms chunk waits
// for the rest of that chunk and one more, because the worker's Yield joined
// the ready queue before the timer did. The bound is less than two chunks.
// The last chunk is shorter (10 ms), so the work still takes 100 ms.
func TestChunkedOddChunk(t *testing.T) {
	const d, chunk = 100 * time.Millisecond, 30 * time.Millisecond
	r, err := Stall(chunked(chunk), d)
	require.NoError(t, err)
	assert.Equal(t, WorkStart+d, r.WorkDone, "the last chunk is what is left of d: min(chunk, what remains)")
	assert.Equal(t, []time.Duration{30 * time.Millisecond, 40 * time.Millisecond, 0, 0, 0}, r.Late,
		"how late each tick was")
	assert.Less(t, slices.Max(r.Late), 2*chunk, "the ticker must never wait two chunks")
}

// TestChunkedYieldsBetweenChunks: 3 ms of work in chunks of 1 ms. The main
// task gets the loop once between each pair of chunks (at 1 ms and 2 ms),
// and not after the last one: Chunked returns without yielding again.
func TestChunkedYieldsBetweenChunks(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	var log []string
	err := l.Run(func(main *eventloop.Task) error {
		work := eventloop.Spawn(l, "work", func(t *eventloop.Task) (struct{}, error) {
			err := Chunked(t, 3*time.Millisecond, time.Millisecond)
			log = append(log, fmt.Sprintf("%v: Chunked returns", t.Now()))
			return struct{}{}, err
		})
		for {
			if err := main.Yield(); err != nil {
				return err
			}
			if work.Done() {
				_, err := work.Await(main)
				return err
			}
			log = append(log, fmt.Sprintf("%v: main runs", main.Now()))
		}
	})
	require.NoError(t, err)
	assert.Equal(t, []string{"1ms: main runs", "2ms: main runs", "3ms: Chunked returns"}, log,
		"yield after each chunk but the last: once the work is done, return without yielding")
}

// Chunked with a chunk that is not positive returns an error at once. It
// runs in its own task, which the main task cancels if it is still going
// after 1000 turns of the loop: a chunk of 0 would never finish.
func TestChunkedRejectsBadChunk(t *testing.T) {
	for _, chunk := range []time.Duration{0, -time.Millisecond} {
		l := eventloop.New(eventloop.VirtualClock())
		var workErr error
		err := l.Run(func(main *eventloop.Task) error {
			work := eventloop.Spawn(l, "work", func(t *eventloop.Task) (struct{}, error) {
				workErr = Chunked(t, time.Second, chunk)
				return struct{}{}, nil
			})
			for range 1000 {
				if work.Done() {
					return nil
				}
				if err := main.Yield(); err != nil {
					return err
				}
			}
			work.Cancel()
			_, _ = work.Await(main)
			return fmt.Errorf("Chunked(t, 1s, %v) was still working after 1000 turns of the loop: "+
				"return an error when chunk is not positive, before the loop", chunk)
		})
		require.NoError(t, err)
		assert.Error(t, workErr, "Chunked(t, 1s, %v): a chunk that is not positive is an error", chunk)
	}
}

// TestChunkedStopsWhenCancelled: a cancelled task stops between chunks.
func TestChunkedStopsWhenCancelled(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	err := l.Run(func(main *eventloop.Task) error {
		work := eventloop.Spawn(l, "work", func(t *eventloop.Task) (time.Duration, error) {
			err := Chunked(t, time.Hour, time.Second)
			return t.Now(), err
		})
		if err := main.Yield(); err != nil { // let work start its first chunk
			return err
		}
		work.Cancel()
		stopped, err := work.Await(main)
		assert.ErrorIs(t, err, eventloop.ErrCancelled, "return the error of Yield: the task was cancelled")
		assert.Less(t, stopped, time.Hour, "cancelled work must stop after a chunk or two: return when Yield fails")
		return nil
	})
	require.NoError(t, err)
}
