package pitfalls

import (
	"context"
	"sync"

	"golang.org/x/sync/errgroup"
)

// region forgetful

// SaveAllForgetful starts one goroutine per item to save it and returns at
// once. BUG: it never waits, so when it returns nothing may be saved yet, and
// a program that exits now loses the work. (In asyncio: a create_task that
// nobody awaits.)
func SaveAllForgetful(items []string, save func(string)) {
	for _, item := range items {
		go save(item)
	}
}

// SaveAll saves every item concurrently and returns when all are saved.
func SaveAll(items []string, save func(string)) {
	var wg sync.WaitGroup
	for _, item := range items {
		wg.Go(func() { save(item) })
	}
	wg.Wait()
}

// endregion forgetful

// region fanout

// ProcessAllUnbounded runs work on every item at once, one goroutine each,
// and returns the first error. BUG: with 100,000 items it starts 100,000
// goroutines, and each may hold a connection, a file or a buffer at the same
// time. (In asyncio: gather over 100,000 coroutines.)
func ProcessAllUnbounded(ctx context.Context, items []int, work func(context.Context, int) error) error {
	g, ctx := errgroup.WithContext(ctx)
	for _, item := range items {
		g.Go(func() error { return work(ctx, item) })
	}
	return g.Wait()
}

// ProcessAll runs work on every item with at most limit calls running at a
// time, and returns the first error.
func ProcessAll(ctx context.Context, items []int, limit int, work func(context.Context, int) error) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(limit) // g.Go waits while limit goroutines are running
	for _, item := range items {
		g.Go(func() error { return work(ctx, item) })
	}
	return g.Wait()
}

// endregion fanout

// region squares

// Squares sends the squares of 0, 1, ..., n-1 on the returned channel and
// then closes it. BUG: a caller that stops reading early leaves the sending
// goroutine blocked for ever on its next send: a leaked goroutine.
func Squares(n int) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := range n {
			ch <- i * i
		}
	}()
	return ch
}

// SquaresCtx is Squares with a way out: the goroutine stops, and closes the
// channel, as soon as ctx is done, even if nobody reads any more.
func SquaresCtx(ctx context.Context, n int) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := range n {
			select {
			case ch <- i * i:
			case <-ctx.Done():
				return
			}
		}
	}()
	return ch
}

// endregion squares
