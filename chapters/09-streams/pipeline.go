package streams

import (
	"context"
	"fmt"
	"sync"

	"golang.org/x/sync/errgroup"
)

// Indexed is a value tagged with the position of the input it came from.
type Indexed[T any] struct {
	Index int
	Value T
}

// FanOut runs a pipeline over items and returns its output channel, plus a
// wait function that returns the pipeline's first error.
//
// The pipeline has two stages, run by one errgroup: a source sends the items
// with their index on a jobs channel; workers goroutines receive from it
// (fan-out), apply f and send to one results channel (fan-in). Results
// arrive in the order they finish, not in the order of items. The results
// channel is closed once every stage has returned.
//
// The first error, from f or from ctx, cancels the context that every stage
// and every call to f watches. A consumer that stops reading early must
// cancel ctx, or the stages wait on their sends forever; then it calls wait.
func FanOut[In, Out any](ctx context.Context, items []In, workers int,
	f func(context.Context, In) (Out, error)) (<-chan Indexed[Out], func() error) {
	results := make(chan Indexed[Out])
	if workers < 1 {
		close(results)
		return results, func() error {
			return fmt.Errorf("streams.FanOut: %d workers, want at least 1", workers)
		}
	}
	g, ctx := errgroup.WithContext(ctx)
	jobs := make(chan Indexed[In])
	g.Go(func() error { return source(ctx, items, jobs) })

	var running sync.WaitGroup
	for range workers {
		running.Add(1)
		g.Go(func() error {
			defer running.Done()
			return worker(ctx, jobs, results, f)
		})
	}
	g.Go(func() error {
		running.Wait() // the last worker has returned:
		close(results) // nobody sends on results any more
		return nil
	})
	return results, g.Wait
}

// source is the first stage: it sends each item with its index on jobs,
// then closes jobs. It stops early when ctx is done.
func source[T any](ctx context.Context, items []T, jobs chan<- Indexed[T]) error {
	defer close(jobs)
	for i, v := range items {
		select {
		case jobs <- Indexed[T]{i, v}:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

// worker is the second stage, run by several goroutines at once: it applies
// f to each job until jobs is closed and sends the results on out. It stops
// at the first error and when ctx is done.
func worker[In, Out any](ctx context.Context, jobs <-chan Indexed[In], out chan<- Indexed[Out],
	f func(context.Context, In) (Out, error)) error {
	for job := range jobs {
		v, err := f(ctx, job.Value)
		if err != nil {
			return fmt.Errorf("item %d: %w", job.Index, err)
		}
		select {
		case out <- Indexed[Out]{job.Index, v}:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

// Process applies f to every item with the given number of worker goroutines
// and returns the results in the order of items. It collects the output of
// FanOut in the caller's goroutine and puts each result in the slot of its
// index. On error it returns the pipeline's first error and no results.
func Process[In, Out any](ctx context.Context, items []In, workers int,
	f func(context.Context, In) (Out, error)) ([]Out, error) {
	results, wait := FanOut(ctx, items, workers, f)
	out := make([]Out, len(items))
	for r := range results { // ends when every stage has returned
		out[r.Index] = r.Value
	}
	if err := wait(); err != nil {
		return nil, err
	}
	return out, nil
}
