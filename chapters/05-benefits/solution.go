//go:build !learn

package benefits

import (
	"context"
	"fmt"
	"net/http"

	"golang.org/x/sync/errgroup"
)

// FetchAllBounded fetches urls concurrently with at most limit requests in
// flight, and returns the bodies in the order of urls. The first error
// cancels the requests still running and is returned. A limit below 1 is
// an error.
func FetchAllBounded(ctx context.Context, c *http.Client, urls []string, limit int) ([]string, error) {
	if limit < 1 {
		return nil, fmt.Errorf("fetch all bounded: limit is %d, want at least 1", limit)
	}
	bodies := make([]string, len(urls))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(limit) // g.Go waits while limit goroutines are running
	for i, url := range urls {
		g.Go(func() error {
			body, err := Fetch(ctx, c, url)
			bodies[i] = body
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return bodies, nil
}
