//go:build learn

package streams

import "iter"

// Batch returns an iterator over the values of seq in slices of n: the last
// slice may be shorter, and an empty seq gives no slices. Each slice is new,
// so the loop body may keep it. When the loop breaks out early, Batch stops
// seq at once. Like slices.Chunk, Batch panics if n is less than 1.
func Batch[T any](seq iter.Seq[T], n int) iter.Seq[[]T] {
	// TODO: range over seq, collect n values, yield them; stop when yield
	// returns false; yield what is left at the end.
	return func(yield func([]T) bool) {}
}
