//go:build !learn

package streams

import "iter"

// Batch returns an iterator over the values of seq in slices of n: the last
// slice may be shorter, and an empty seq gives no slices. Each slice is new,
// so the loop body may keep it. When the loop breaks out early, Batch stops
// seq at once. Like slices.Chunk, Batch panics if n is less than 1.
func Batch[T any](seq iter.Seq[T], n int) iter.Seq[[]T] {
	if n < 1 {
		panic("streams.Batch: n must be at least 1")
	}
	return func(yield func([]T) bool) {
		batch := make([]T, 0, n)
		for v := range seq {
			batch = append(batch, v)
			if len(batch) == n {
				if !yield(batch) {
					return // ends the range over seq: seq's cleanup runs now
				}
				batch = make([]T, 0, n) // a new slice: the caller may keep the old one
			}
		}
		if len(batch) > 0 {
			yield(batch)
		}
	}
}
