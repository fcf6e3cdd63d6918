package pitfalls

import (
	"errors"
	"slices"
	"testing"
	"time"

	eventloop "github.com/asyncgo/course/chapters/03-event-loop"
)

// TestChunkedKeepsTheLoopResponsive runs the Stall scene with the work in
// chunks: the ticker is never late by more than one chunk, and the work
// still takes d in all. (The chunks divide TickPeriod, so every tick falls
// due at the end of a chunk; see the README for other chunk sizes.)
func TestChunkedKeepsTheLoopResponsive(t *testing.T) {
	const d = 100 * time.Millisecond
	for _, chunk := range []time.Duration{d, 20 * time.Millisecond, 10 * time.Millisecond, time.Millisecond} {
		t.Run(chunk.String(), func(t *testing.T) {
			r, err := Stall(func(t *eventloop.Task, d time.Duration) error {
				return Chunked(t, d, chunk)
			}, d)
			if err != nil {
				t.Fatal(err)
			}
			if want := WorkStart + d; r.WorkDone != want {
				t.Errorf("work done at %v, want %v: the chunks must add up to d", r.WorkDone, want)
			}
			if worst := slices.Max(r.Late); worst > chunk {
				t.Errorf("ticker late by up to %v (%v), want at most one chunk (%v)", worst, r.Late, chunk)
			}
			if len(r.Late) != Ticks {
				t.Errorf("ticker woke %d times, want %d", len(r.Late), Ticks)
			}
		})
	}
}

// TestChunkedOddChunk pins down the README's claim for a chunk that does not
// divide the tick period: a tick that falls due inside a 30 ms chunk waits
// for the rest of that chunk and one more, because the worker's Yield joined
// the ready queue before the timer did. The bound is less than two chunks.
func TestChunkedOddChunk(t *testing.T) {
	const d, chunk = 100 * time.Millisecond, 30 * time.Millisecond
	r, err := Stall(func(t *eventloop.Task, d time.Duration) error {
		return Chunked(t, d, chunk)
	}, d)
	if err != nil {
		t.Fatal(err)
	}
	want := []time.Duration{30 * time.Millisecond, 40 * time.Millisecond, 0, 0, 0}
	if !slices.Equal(r.Late, want) {
		t.Errorf("ticker late by %v, want %v", r.Late, want)
	}
	if worst := slices.Max(r.Late); worst >= 2*chunk {
		t.Errorf("ticker late by %v, want less than two chunks (%v)", worst, 2*chunk)
	}
}

// TestChunkedRejectsBadChunk: a chunk of zero would never finish.
func TestChunkedRejectsBadChunk(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	err := l.Run(func(t *eventloop.Task) error {
		return Chunked(t, time.Second, 0)
	})
	if err == nil {
		t.Error("Chunked(t, 1s, 0) = nil, want an error")
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
		if !errors.Is(err, eventloop.ErrCancelled) {
			t.Errorf("Chunked returned %v, want ErrCancelled", err)
		}
		if stopped >= time.Hour {
			t.Errorf("cancelled work ran until %v, want it to stop after a chunk or two", stopped)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
