package streams

import (
	"fmt"
	"slices"
	"testing"
)

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
			if !slices.EqualFunc(got, tt.want, slices.Equal) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			if cleanups != 1 {
				t.Errorf("the source's cleanup ran %d times, want once", cleanups)
			}
		})
	}
}

// TestBatchEarlyBreak breaks out after the first batch. Batch must stop its
// source right away: the source's cleanup runs before the loop statement
// ends, and the source made only the values of that one batch.
func TestBatchEarlyBreak(t *testing.T) {
	var log []string
	made := 0
	source := Map(Numbers(100, func() { log = append(log, "cleanup") }),
		func(n int) int { made++; return n })

	for b := range Batch(source, 3) {
		log = append(log, fmt.Sprint(b))
		break
	}
	log = append(log, "after the loop")

	if want := []string{"[1 2 3]", "cleanup", "after the loop"}; !slices.Equal(log, want) {
		t.Errorf("log = %q, want %q", log, want)
	}
	if made != 3 {
		t.Errorf("the source made %d values, want 3", made)
	}
}

func TestBatchEndlessSource(t *testing.T) {
	got := slices.Collect(Take(Batch(Naturals(), 2), 2))
	if want := [][]int{{1, 2}, {3, 4}}; !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("got %v, want %v", got, want)
	}
}
