package gather

import (
	"context"
	"net/http"
	"sync"

	"golang.org/x/sync/errgroup"
)

// FetchSequential fetches urls one after the other and returns their bodies
// in argument order. It stops at the first error. It is the baseline the
// concurrent versions are measured against.
func FetchSequential(ctx context.Context, client *http.Client, urls []string) ([]string, error) {
	bodies := make([]string, len(urls))
	for i, url := range urls {
		body, err := FetchURL(ctx, client, url)
		if err != nil {
			return nil, err
		}
		bodies[i] = body
	}
	return bodies, nil
}

// Gather fetches urls concurrently and returns their bodies in argument
// order, whatever order the responses arrive in.
//
// Its failure policy is fail fast, the one of asyncio.TaskGroup: the first
// error cancels the context of every other request, Gather waits until all
// of them have returned, and it returns that first error alone.
func Gather(ctx context.Context, client *http.Client, urls []string) ([]string, error) {
	g, ctx := errgroup.WithContext(ctx)
	bodies := make([]string, len(urls))
	for i, url := range urls {
		g.Go(func() error {
			body, err := FetchURL(ctx, client, url)
			bodies[i] = body // each goroutine owns one slot: no lock needed
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return bodies, nil
}

// Result is the outcome of one fetch: a body or an error.
type Result struct {
	Body string
	Err  error
}

// GatherAll fetches urls concurrently and returns one Result per URL, in
// argument order. A failure does not cancel the other requests: like
// asyncio.gather(..., return_exceptions=True), every slot holds either a
// body or the error that fetch ended with.
func GatherAll(ctx context.Context, client *http.Client, urls []string) []Result {
	results := make([]Result, len(urls))
	var wg sync.WaitGroup
	for i, url := range urls {
		wg.Go(func() {
			results[i].Body, results[i].Err = FetchURL(ctx, client, url)
		})
	}
	wg.Wait()
	return results
}
