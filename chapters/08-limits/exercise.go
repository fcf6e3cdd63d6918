//go:build learn

package limits

import "context"

// Map calls f on every element of in, at most limit calls at a time, and
// returns the results in the order of in. The first error cancels the
// context the other calls see, stops Map from starting more calls, and is
// returned. A limit below 1 is an error.
func Map[T, U any](ctx context.Context, in []T, limit int, f func(context.Context, T) (U, error)) ([]U, error) {
	// TODO: reject a limit below 1; then run f with an errgroup (or a
	// buffered channel), writing each result into its own slot.
	return nil, nil
}
