package limits

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

func ExamplePool() {
	ctx := context.Background()
	square := func(_ context.Context, n int) int { return n * n }
	var got []int
	for r := range Pool(ctx, 3, Generate(ctx, 1, 2, 3, 4, 5, 6), square) {
		got = append(got, r)
	}
	slices.Sort(got) // results come in the order the workers finish
	fmt.Println(got)
	// Output:
	// [1 4 9 16 25 36]
}

// TestPoolTime: six jobs of 1 s on two workers take exactly 3 s, never more
// than two at a time.
func TestPoolTime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var g Gauge
		slow := func(_ context.Context, n int) int {
			g.Enter()
			defer g.Leave()
			time.Sleep(time.Second)
			return n * 10
		}
		start := time.Now()
		var got []int
		for r := range Pool(t.Context(), 2, Generate(t.Context(), 1, 2, 3, 4, 5, 6), slow) {
			got = append(got, r)
		}
		assert.Equal(t, 3*time.Second, time.Since(start), "six jobs of 1 s on 2 workers")
		assert.EqualValues(t, 2, g.Max(), "jobs in flight at most")
		assert.ElementsMatch(t, []int{10, 20, 30, 40, 50, 60}, got, "results, in any order")
	})
}

// TestPoolStopsWhenCtxDone: the reader stops after two results and cancels;
// the workers and the generator return and the results channel is closed.
// synctest.Test itself fails if any goroutine of the bubble is left blocked.
func TestPoolStopsWhenCtxDone(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		in := Generate(ctx, 1, 2, 3, 4, 5, 6, 7, 8, 9)
		out := Pool(ctx, 3, in, func(_ context.Context, n int) int { return n })
		<-out
		<-out
		cancel()
		for range out { // ends when Pool closes out: every worker returned
		}
		synctest.Wait() // and the generator has returned too
	})
}

func TestPoolNoWorkers(t *testing.T) {
	ctx := t.Context()
	n := 0
	for range Pool(ctx, 0, Generate(ctx, 1, 2, 3), func(_ context.Context, v int) int { return v }) {
		n++
	}
	assert.Equal(t, 3, n, "results of Pool with 0 workers (it uses one worker)")
}
