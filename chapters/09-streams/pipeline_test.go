package streams

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// slowUpper upper-cases a word after units seconds of (fake) work, or gives
// up when ctx is done: a stand-in for a network call. It counts its calls.
func slowUpper(started *atomic.Int32, units map[string]int) func(context.Context, string) (string, error) {
	return func(ctx context.Context, s string) (string, error) {
		started.Add(1)
		select {
		case <-time.After(time.Duration(units[s]) * time.Second):
			return strings.ToUpper(s), nil
		case <-ctx.Done():
			return "", ctx.Err()
		}
	}
}

// The same items and delays as python/queue_pipeline.py.
var (
	words = []string{"a", "b", "c", "d", "e", "f"}
	units = map[string]int{"a": 6, "b": 1, "c": 3, "d": 4, "e": 1, "f": 3}
)

// TestFanOutArrivalOrder reads FanOut's output as it comes: in the order the
// work finishes. Three workers, fake time: the order and the total time are
// exact, the same as the Python listing's.
func TestFanOutArrivalOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var started atomic.Int32
		start := time.Now()
		results, wait := FanOut(t.Context(), words, 3, slowUpper(&started, units))
		var arrived []string
		for r := range results {
			arrived = append(arrived, r.Value)
		}
		if err := wait(); err != nil {
			t.Fatal(err)
		}
		if want := []string{"B", "C", "E", "D", "A", "F"}; !slices.Equal(arrived, want) {
			t.Errorf("arrived %q, want %q", arrived, want)
		}
		if got := time.Since(start); got != 7*time.Second {
			t.Errorf("took %v, want 7s", got)
		}
	})
}

// TestProcessKeepsInputOrder: Process puts the same results back in the
// order of the input.
func TestProcessKeepsInputOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var started atomic.Int32
		got, err := Process(t.Context(), words, 3, slowUpper(&started, units))
		require.NoError(t, err)
		assert.Equal(t, []string{"A", "B", "C", "D", "E", "F"}, got)
	})
}

// TestCancelMidPipeline cancels the caller's context at 2.5 s, while three
// one-second jobs are in flight and the source waits to hand out the tenth.
// Every stage stops at that very instant: nothing new starts, the jobs in
// flight give up, and Process returns. (synctest.Test also fails if any
// goroutine of the pipeline were left blocked.)
func TestCancelMidPipeline(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		items := slices.Repeat([]string{"x"}, 12)
		ctx, cancel := context.WithCancel(t.Context())
		time.AfterFunc(2500*time.Millisecond, cancel)

		var started atomic.Int32
		start := time.Now()
		got, err := Process(ctx, items, 3, slowUpper(&started, map[string]int{"x": 1}))

		if !errors.Is(err, context.Canceled) || got != nil {
			t.Errorf("Process = %q, %v; want nil, context.Canceled", got, err)
		}
		if elapsed := time.Since(start); elapsed != 2500*time.Millisecond {
			t.Errorf("Process returned after %v, want 2.5s: the moment of cancel", elapsed)
		}
		if n := started.Load(); n != 9 {
			t.Errorf("%d jobs started, want 9 (3 workers x starts at 0s, 1s, 2s)", n)
		}
	})
}

// TestErrorStopsEveryStage: the job for "c" fails at 3 s. Its error cancels
// the pipeline's context, the other jobs in flight give up, and Process
// returns the error with the index of the failed item, at 3 s exactly.
func TestErrorStopsEveryStage(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		boom := errors.New("boom")
		var started atomic.Int32
		upper := slowUpper(&started, units)
		f := func(ctx context.Context, s string) (string, error) {
			if s == "c" {
				<-time.After(3 * time.Second)
				return "", boom
			}
			return upper(ctx, s)
		}
		start := time.Now()
		_, err := Process(t.Context(), words, 3, f)
		assert.ErrorIs(t, err, boom)
		assert.EqualError(t, err, "item 2: boom")
		assert.Equal(t, 3*time.Second, time.Since(start), "Process returns when c fails")
		// a, b, d start on time; e and f never do: b's worker took d at 1s,
		// and at 3s the pipeline stops.
		assert.EqualValues(t, 3, started.Load(), "calls of upper (a, b, d)")
	})
}

// TestConsumerQuitsEarly takes the first result of FanOut and quits. It must
// cancel the context, then wait: every stage returns, and none leaks.
func TestConsumerQuitsEarly(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		var started atomic.Int32
		results, wait := FanOut(ctx, words, 3, slowUpper(&started, units))
		first := <-results
		cancel()
		assert.ErrorIs(t, wait(), context.Canceled, "wait()")
		assert.Equal(t, Indexed[string]{Index: 1, Value: "B"}, first, "the first result")
		for r := range results { // closed, and nothing more to drain
			t.Errorf("result after cancel: %+v", r)
		}
	})
}

func TestFanOutBadWorkers(t *testing.T) {
	var started atomic.Int32
	got, err := Process(t.Context(), words, 0, slowUpper(&started, units))
	assert.Error(t, err, "Process with 0 workers")
	assert.Nil(t, got, "Process with 0 workers")
}

func TestProcessEmpty(t *testing.T) {
	var started atomic.Int32
	got, err := Process(t.Context(), nil, 3, slowUpper(&started, units))
	assert.NoError(t, err, "Process(nil)")
	assert.Empty(t, got, "Process(nil)")
}
