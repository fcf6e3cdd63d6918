package sharing_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/asyncgo/course/chapters/12-sharing"
	"github.com/asyncgo/course/chapters/internal/golden"
	"github.com/stretchr/testify/assert"
	"golang.org/x/sync/errgroup"
	"golang.org/x/time/rate"
)

// span is one request on a timeline: when it started and ended.
type span struct{ start, end time.Duration }

// timeline records spans from many goroutines.
type timeline struct {
	mu    sync.Mutex
	spans []span
}

// request returns a call that takes d and records its span.
func (tl *timeline) request(d time.Duration) func(context.Context) error {
	return func(ctx context.Context) error {
		start := elapsed()
		time.Sleep(d)
		tl.mu.Lock()
		defer tl.mu.Unlock()
		tl.spans = append(tl.spans, span{start, elapsed()})
		return nil
	}
}

// requests returns n calls made by request.
func (tl *timeline) requests(n int, d time.Duration) []func(context.Context) error {
	calls := make([]func(context.Context) error, n)
	for i := range calls {
		calls[i] = tl.request(d)
	}
	return calls
}

// starts returns the start of every span, in order.
func (tl *timeline) starts() []time.Duration {
	tl.mu.Lock()
	defer tl.mu.Unlock()
	var starts []time.Duration
	for _, s := range tl.spans {
		starts = append(starts, s.start)
	}
	slices.Sort(starts)
	return starts
}

// TestPacedStartTimes: a limiter of 4 a second with a burst of 3, and six
// requests. The bucket starts full, so three go out at once; then one
// every 250 ms, whatever the requests themselves take.
func TestPacedStartTimes(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var tl timeline
		lim := rate.NewLimiter(rate.Every(250*time.Millisecond), 3) // 4 a second, bursts of 3
		err := sharing.Paced(t.Context(), lim, tl.requests(6, time.Second))
		assert.NoError(t, err)
		ms := time.Millisecond
		assert.Equal(t, []time.Duration{0, 0, 0, 250 * ms, 500 * ms, 750 * ms}, tl.starts())
	})
}

// TestPacedDeadline: Wait knows when the token will come. If that is after
// ctx's deadline it fails at once, without waiting for the deadline.
func TestPacedDeadline(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var tl timeline
		lim := rate.NewLimiter(rate.Every(250*time.Millisecond), 3)
		ctx, cancel := context.WithTimeout(t.Context(), 600*time.Millisecond)
		defer cancel()
		err := sharing.Paced(ctx, lim, tl.requests(6, 0))
		assert.EqualError(t, err, "call 5 not started: rate: Wait(n=1) would exceed context deadline")
		assert.Equal(t, 500*time.Millisecond, elapsed(), "Paced gave up when call 4 had started, 100 ms before the deadline")
	})
}

// limited runs calls under a concurrency limit of n: errgroup's SetLimit,
// from the chapter on limits.
func limited(ctx context.Context, n int, calls []func(context.Context) error) error {
	var g errgroup.Group
	g.SetLimit(n)
	for _, call := range calls {
		g.Go(func() error { return call(ctx) })
	}
	return g.Wait()
}

// TestRateVersusConcurrency runs six requests under a rate limit and under
// a concurrency limit, once with fast requests and once with slow ones,
// and writes what happened to testdata/limits.md and limits.svg.
func TestRateVersusConcurrency(t *testing.T) {
	type limiter struct {
		name string
		run  func(context.Context, []func(context.Context) error) error
	}
	limiters := []limiter{
		{"`rate.NewLimiter(4, 3)`: 4 a second, bursts of 3", func(ctx context.Context, calls []func(context.Context) error) error {
			return sharing.Paced(ctx, rate.NewLimiter(4, 3), calls)
		}},
		{"`g.SetLimit(3)`: at most 3 at once", func(ctx context.Context, calls []func(context.Context) error) error {
			return limited(ctx, 3, calls)
		}},
	}
	var table strings.Builder
	table.WriteString("| six requests of | limit | they start at | most in flight | all done at |\n|---|---|---|---|---|\n")
	var lanes []lane
	for _, d := range []time.Duration{100 * time.Millisecond, time.Second} {
		for _, l := range limiters {
			synctest.Test(t, func(t *testing.T) {
				var tl timeline
				if err := l.run(t.Context(), tl.requests(6, d)); err != nil {
					t.Fatal(err)
				}
				fmt.Fprintf(&table, "| %v | %s | %s | %d | %v |\n", d, l.name, joinDurations(tl.starts()), mostInFlight(tl.spans), elapsed())
				if d == time.Second {
					lanes = append(lanes, lane{strings.ReplaceAll(l.name, "`", ""), tl.spans})
				}
			})
		}
	}
	golden.Check(t, "testdata/limits.md", []byte(table.String()))
	golden.Check(t, "limits.svg", []byte(drawLanes(
		"Six requests of 1 s: a rate limit beside a concurrency limit", lanes)))
}

// mostInFlight returns the most spans that overlap at any moment. A span
// that ends when another starts does not overlap it.
func mostInFlight(spans []span) int {
	most := 0
	for _, s := range spans {
		n := 0
		for _, o := range spans {
			if o.start <= s.start && s.start < o.end {
				n++
			}
		}
		most = max(most, n)
	}
	return most
}

func joinDurations(ds []time.Duration) string {
	s := make([]string, len(ds))
	for i, d := range ds {
		s[i] = d.String()
	}
	return strings.Join(s, ", ")
}
