//go:build !learn

package limits

import (
	"context"
	"fmt"

	"golang.org/x/sync/errgroup"
)

// Map calls f on every element of in, at most limit calls at a time, and
// returns the results in the order of in. The first error cancels the
// context the other calls see, stops Map from starting more calls, and is
// returned. A limit below 1 is an error.
func Map[T, U any](ctx context.Context, in []T, limit int, f func(context.Context, T) (U, error)) ([]U, error) {
	if limit < 1 {
		return nil, fmt.Errorf("limits: Map with limit %d: want at least 1", limit)
	}
	out := make([]U, len(in)) // one slot per element: no lock, order kept
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(limit)
	started := 0
	for i, v := range in {
		if gctx.Err() != nil {
			break // a call failed, or ctx is done: start no more
		}
		started++
		g.Go(func() error {
			u, err := f(gctx, v)
			if err != nil {
				return fmt.Errorf("element %d: %w", i, err)
			}
			out[i] = u
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	if started < len(in) { // no call failed, but ctx was done
		return nil, fmt.Errorf("limits: Map: %w", context.Cause(ctx))
	}
	return out, nil
}
