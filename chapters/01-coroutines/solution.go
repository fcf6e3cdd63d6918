//go:build !learn

package coroutines

import "iter"

// Zip returns an iterator over pairs (a, b) taken from as and bs in step.
// It ends when either sequence ends or when the consumer stops early, and in
// every case it leaves no goroutine behind.
func Zip[A, B any](as iter.Seq[A], bs iter.Seq[B]) iter.Seq2[A, B] {
	return func(yield func(A, B) bool) {
		nextA, stopA := iter.Pull(as)
		defer stopA()
		nextB, stopB := iter.Pull(bs)
		defer stopB()
		for {
			a, ok := nextA()
			if !ok {
				return
			}
			b, ok := nextB()
			if !ok {
				return
			}
			if !yield(a, b) {
				return
			}
		}
	}
}
