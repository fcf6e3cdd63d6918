// Package limits bounds concurrency: how many jobs run at once, and how far a
// fast producer may run ahead of a slow consumer.
//
// It shows four ways to cap the number of jobs in flight (a buffered channel
// used as a semaphore, [golang.org/x/sync/semaphore.Weighted],
// [golang.org/x/sync/errgroup.Group.SetLimit] and a fixed pool of workers)
// and one way to let a bounded channel slow a producer down: back-pressure.
// They are the Go counterparts of Python's asyncio.Semaphore and
// asyncio.Queue.
package limits
