package limits

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runner is one of the package's three ways to run jobs with a limit.
type runner struct {
	name string
	run  func(ctx context.Context, jobs []Job, limit int) error
}

func runners() []runner {
	weighted := func(ctx context.Context, jobs []Job, limit int) error {
		wj := make([]WeightedJob, len(jobs))
		for i, j := range jobs {
			wj[i] = WeightedJob{Weight: 1, Run: j}
		}
		return RunWeighted(ctx, wj, int64(limit))
	}
	return []runner{{"RunChan", RunChan}, {"RunWeighted", weighted}, {"RunGroup", RunGroup}}
}

// TestTenJobsOfOneSecond runs ten 1 s jobs on fake time: with a limit of n
// they never overlap more than n and take exactly ceil(10/n) seconds.
func TestTenJobsOfOneSecond(t *testing.T) {
	tests := []struct {
		limit   int
		max     int64
		elapsed time.Duration
	}{
		{limit: 1, max: 1, elapsed: 10 * time.Second},
		{limit: 3, max: 3, elapsed: 4 * time.Second},
		{limit: 5, max: 5, elapsed: 2 * time.Second},
		{limit: 10, max: 10, elapsed: time.Second},
		{limit: 50, max: 10, elapsed: time.Second},
	}
	for _, r := range runners() {
		for _, tt := range tests {
			synctest.Test(t, func(t *testing.T) {
				var g Gauge
				start := time.Now()
				if err := r.run(t.Context(), sleepJobs(10, &g, time.Second), tt.limit); err != nil {
					t.Fatalf("%s: %v", r.name, err)
				}
				if elapsed := time.Since(start); elapsed != tt.elapsed {
					t.Errorf("%s, limit %d: took %v, want exactly %v", r.name, tt.limit, elapsed, tt.elapsed)
				}
				if g.Max() != tt.max {
					t.Errorf("%s, limit %d: %d jobs in flight at most, want %d", r.name, tt.limit, g.Max(), tt.max)
				}
				if g.Now() != 0 {
					t.Errorf("%s: %d jobs still in flight after return", r.name, g.Now())
				}
			})
		}
	}
}

// TestLimitBelowOne: a limit of 0 would wait for ever in all three ways, so
// it is an error instead.
func TestLimitBelowOne(t *testing.T) {
	for _, r := range runners() {
		for _, limit := range []int{0, -1} {
			var g Gauge
			assert.Error(t, r.run(t.Context(), sleepJobs(2, &g, 0), limit), "%s with limit %d", r.name, limit)
			assert.Zero(t, g.Max(), "%s with limit %d started a job", r.name, limit)
		}
	}
}

// TestRunStopsWhenCtxDone: the deadline at 1.5 s interrupts the second wave
// and stops the loop from starting a third.
func TestRunStopsWhenCtxDone(t *testing.T) {
	for _, r := range runners() {
		synctest.Test(t, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(t.Context(), 1500*time.Millisecond)
			defer cancel()
			var g Gauge
			start := time.Now()
			err := r.run(ctx, sleepJobs(10, &g, time.Second), 3)
			assert.ErrorIs(t, err, context.DeadlineExceeded, r.name)
			assert.Equal(t, 1500*time.Millisecond, time.Since(start), "%s returns at the deadline", r.name)
		})
	}
}

// TestRunWeightedInOrder: jobs weighing 1, 1, 3, 1 with a capacity of 3.
// Job 2 must wait for the first two to finish, and job 3 waits behind it,
// although it would have fitted at once.
func TestRunWeightedInOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		starts := make([]time.Duration, 4)
		var jobs []WeightedJob
		for i, w := range []int64{1, 1, 3, 1} {
			jobs = append(jobs, WeightedJob{Weight: w, Run: func(ctx context.Context) error {
				starts[i] = time.Since(start)
				time.Sleep(time.Second)
				return nil
			}})
		}
		require.NoError(t, RunWeighted(t.Context(), jobs, 3))
		assert.Equal(t, []time.Duration{0, 0, time.Second, 2 * time.Second}, starts, "when each job started")
		assert.Equal(t, 3*time.Second, time.Since(start), "how long the jobs took")
	})
}

func TestRunWeightedTooHeavy(t *testing.T) {
	jobs := []WeightedJob{{Weight: 4, Run: func(context.Context) error { return nil }}}
	if err := RunWeighted(t.Context(), jobs, 3); err == nil {
		t.Error("a job heavier than the limit: no error")
	}
}

// TestRunGroupFirstError: the first failure cancels the others' context, and
// RunGroup returns only that error, at the moment the others stop.
func TestRunGroupFirstError(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		boom := errors.New("boom")
		var g Gauge
		jobs := sleepJobs(10, &g, time.Second)
		jobs[1] = func(ctx context.Context) error {
			time.Sleep(500 * time.Millisecond)
			return boom
		}
		start := time.Now()
		assert.Equal(t, boom, RunGroup(t.Context(), jobs, 3), "RunGroup returns the first error")
		assert.Equal(t, 500*time.Millisecond, time.Since(start), "RunGroup returns when the first job fails")
	})
}
