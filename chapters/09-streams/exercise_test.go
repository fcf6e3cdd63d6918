package streams

import (
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

// stopsAtFalse runs loop, which ranges over a Batch and stops early. A
// Batch that calls yield again after it returned false makes the runtime
// panic; stopsAtFalse turns that panic into a failure of this test alone.
func stopsAtFalse(t *testing.T, loop func()) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("%v\nBatch called yield again after it returned false: return as soon as yield returns false", r)
		}
	}()
	loop()
}

func TestBatch(t *testing.T) {
	tests := []struct {
		n, size int
		want    [][]int
	}{
		{n: 5, size: 2, want: [][]int{{1, 2}, {3, 4}, {5}}},
		{n: 4, size: 2, want: [][]int{{1, 2}, {3, 4}}},
		{n: 2, size: 5, want: [][]int{{1, 2}}},
		{n: 3, size: 1, want: [][]int{{1}, {2}, {3}}},
		{n: 0, size: 3, want: nil},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("n=%d/size=%d", tt.n, tt.size), func(t *testing.T) {
			cleanups := 0
			// Collecting keeps every batch: each must be a slice of its own.
			got := slices.Collect(Batch(Numbers(tt.n, func() { cleanups++ }), tt.size))
			assert.Equal(t, tt.want, got, "batches of size values, the last one shorter, none for an empty seq; "+
				"if the values are right but repeated, make a new slice after each yield")
			assert.Equal(t, 1, cleanups, "the source must be ranged over once, to its end")
		})
	}
}

// The loop body keeps each batch, then scribbles over it: the batches
// after it must not change.
func TestBatchSlicesAreNew(t *testing.T) {
	var kept [][]int
	for b := range Batch(Numbers(6, func() {}), 2) {
		kept = append(kept, b)
		b[0] = -1
	}
	assert.Equal(t, [][]int{{-1, 2}, {-1, 4}, {-1, 6}}, kept,
		"a batch changed after it was yielded: make a new slice for each batch, do not reuse the last one")
}

// TestBatchEarlyBreak breaks out after the first batch. Batch must stop its
// source right away: the source's cleanup runs before the loop statement
// ends, and the source made only the values of that one batch.
func TestBatchEarlyBreak(t *testing.T) {
	var log []string
	made := 0
	source := Map(Numbers(100, func() { log = append(log, "cleanup") }),
		func(n int) int { made++; return n })

	stopsAtFalse(t, func() {
		for b := range Batch(source, 3) {
			log = append(log, fmt.Sprint(b))
			break
		}
		log = append(log, "after the loop")
	})

	assert.Equal(t, []string{"[1 2 3]", "cleanup", "after the loop"}, log,
		"when yield returns false, return at once: that ends the range over seq, which stops it")
	assert.Equal(t, 3, made, "the source must make only the values of the one batch the loop took")
}

// A source that could go on and on (here for 1000 values, like Naturals
// but finite): Batch yields each batch as soon as it is full, so two batches
// take four values from it.
func TestBatchLongSource(t *testing.T) {
	made := 0
	source := Map(Numbers(1000, func() {}), func(n int) int { made++; return n })
	var got [][]int
	stopsAtFalse(t, func() { got = slices.Collect(Take(Batch(source, 2), 2)) })
	assert.Equal(t, [][]int{{1, 2}, {3, 4}}, got, "the first two batches")
	assert.Equal(t, 4, made, "yield each batch as soon as it is full: do not read the whole source first, it may never end")
}

// Like slices.Chunk, Batch panics when it is called with n < 1, before any
// loop ranges over it.
func TestBatchPanicsOnABadSize(t *testing.T) {
	for _, n := range []int{0, -1} {
		assert.Panics(t, func() { Batch(Numbers(3, func() {}), n) },
			"Batch(seq, %d) must panic when it is called, like slices.Chunk: check n before returning the iterator", n)
	}
}
