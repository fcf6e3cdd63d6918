//go:build !learn

package gather

import (
	"context"
	"fmt"
	"net/http"

	"golang.org/x/sync/errgroup"
)

// GatherLimit is Gather with at most n requests in flight at any moment.
// It returns an error if n is less than 1. Once a request has failed, the
// URLs not yet started are not requested at all.
func GatherLimit(ctx context.Context, client *http.Client, urls []string, n int) ([]string, error) {
	if n < 1 {
		return nil, fmt.Errorf("gather: limit %d: must be at least 1", n)
	}
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(n) // g.Go blocks while n goroutines are running
	bodies := make([]string, len(urls))
	for i, url := range urls {
		g.Go(func() error {
			// errgroup cancels ctx; it stops nothing by itself. Check it.
			if err := ctx.Err(); err != nil {
				return err
			}
			body, err := FetchURL(ctx, client, url)
			bodies[i] = body
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return bodies, nil
}
