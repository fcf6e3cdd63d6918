package streams

import "iter"

// Numbers returns an iterator over 1, 2, ..., n. When the loop that ranges
// over it ends, for whatever reason, the iterator calls cleanup once: after
// the last number, or as soon as the loop body breaks out early.
func Numbers(n int, cleanup func()) iter.Seq[int] {
	return func(yield func(int) bool) {
		defer cleanup() // runs when this function returns
		for i := 1; i <= n; i++ {
			if !yield(i) { // false: the loop body said break (or returned)
				return
			}
		}
	}
}

// Naturals returns an endless iterator over 1, 2, 3, .... It is safe because
// iterators are lazy: a value is made only when the loop asks for it.
func Naturals() iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 1; ; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

// Map returns an iterator over f(v) for each v in seq.
func Map[In, Out any](seq iter.Seq[In], f func(In) Out) iter.Seq[Out] {
	return func(yield func(Out) bool) {
		for v := range seq {
			if !yield(f(v)) {
				return // returning ends our range over seq, which stops seq too
			}
		}
	}
}

// Filter returns an iterator over the values of seq for which keep is true.
func Filter[T any](seq iter.Seq[T], keep func(T) bool) iter.Seq[T] {
	return func(yield func(T) bool) {
		for v := range seq {
			if keep(v) && !yield(v) {
				return
			}
		}
	}
}

// Take returns an iterator over the first n values of seq. It stops seq as
// soon as it has n values, so seq may be endless.
func Take[T any](seq iter.Seq[T], n int) iter.Seq[T] {
	return func(yield func(T) bool) {
		if n <= 0 {
			return
		}
		i := 0
		for v := range seq {
			if !yield(v) {
				return
			}
			if i++; i == n {
				return
			}
		}
	}
}

// Zip returns an iterator over pairs: the first values of a and b, then the
// second values, and so on, until either runs out. Walking two push
// iterators in step needs pull iterators: iter.Pull turns each into a next
// function. The deferred stop calls end both iterators however Zip ends.
func Zip[A, B any](a iter.Seq[A], b iter.Seq[B]) iter.Seq2[A, B] {
	return func(yield func(A, B) bool) {
		nextA, stopA := iter.Pull(a)
		defer stopA()
		nextB, stopB := iter.Pull(b)
		defer stopB()
		for {
			va, ok := nextA()
			if !ok {
				return
			}
			vb, ok := nextB()
			if !ok {
				return
			}
			if !yield(va, vb) {
				return
			}
		}
	}
}
