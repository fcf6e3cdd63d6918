package limits

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"
)

// Job is one piece of work. It should stop early, returning ctx's error,
// when ctx is done.
type Job func(ctx context.Context) error

// checkLimit rejects the limits that would never let a job start: a channel
// with a buffer of 0 is unbuffered, SetLimit(0) blocks every Go for ever, and
// a Weighted of size 0 admits no weight above 0.
func checkLimit(limit int64) error {
	if limit < 1 {
		return fmt.Errorf("limits: limit %d: want at least 1", limit)
	}
	return nil
}

// RunChan runs every job, at most limit at a time, with a buffered channel
// used as a semaphore: a running job holds one slot of the buffer. It waits
// for the jobs it started and returns their errors, joined. When ctx is done
// before every job has started, it starts no more and reports that too.
func RunChan(ctx context.Context, jobs []Job, limit int) error {
	if err := checkLimit(int64(limit)); err != nil {
		return err
	}
	sem := make(chan struct{}, limit) // one slot per job in flight
	errs := make([]error, len(jobs)+1)
	var wg sync.WaitGroup
loop:
	for i, job := range jobs {
		select {
		case sem <- struct{}{}: // acquire: waits while all slots are taken
		case <-ctx.Done():
			errs[len(jobs)] = fmt.Errorf("job %d not started: %w", i, context.Cause(ctx))
			break loop
		}
		wg.Go(func() {
			defer func() { <-sem }() // release, on every way out of the job
			errs[i] = job(ctx)
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// WeightedJob is a job that holds Weight units of a shared capacity while it
// runs: megabytes of memory, connections, rows of a batch.
type WeightedJob struct {
	Weight int64
	Run    Job
}

// RunWeighted starts the jobs in order, each as soon as its weight fits
// into limit beside the jobs already running. The order is strict: a heavy
// job that does not fit yet keeps the lighter jobs behind it waiting, even
// when they would fit. It waits for the jobs it started and returns their
// errors, joined, and ctx's error if it had to stop starting jobs.
func RunWeighted(ctx context.Context, jobs []WeightedJob, limit int64) error {
	if err := checkLimit(limit); err != nil {
		return err
	}
	for i, job := range jobs {
		if job.Weight < 0 || job.Weight > limit {
			// Acquire would panic below 0, and above limit it would
			// wait until ctx is done.
			return fmt.Errorf("limits: job %d weighs %d: want 0 to %d", i, job.Weight, limit)
		}
	}
	sem := semaphore.NewWeighted(limit)
	errs := make([]error, len(jobs)+1)
	var wg sync.WaitGroup
	for i, job := range jobs {
		if err := sem.Acquire(ctx, job.Weight); err != nil {
			errs[len(jobs)] = fmt.Errorf("job %d not started: %w", i, err)
			break
		}
		wg.Go(func() {
			defer sem.Release(job.Weight)
			errs[i] = job.Run(ctx)
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// RunGroup runs every job, at most limit at a time, in an errgroup whose
// SetLimit makes Go wait for a free slot. The first error cancels the
// context the jobs see and stops RunGroup from starting more; RunGroup
// returns that first error.
func RunGroup(ctx context.Context, jobs []Job, limit int) error {
	if err := checkLimit(int64(limit)); err != nil {
		return err
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(limit)
	started := 0
	for _, job := range jobs {
		if gctx.Err() != nil {
			break // a job failed, or ctx is done: start no more
		}
		g.Go(func() error { return job(gctx) }) // waits while limit jobs run
		started++
	}
	if err := g.Wait(); err != nil {
		return err
	}
	if started < len(jobs) {
		return fmt.Errorf("%d of %d jobs not started: %w", len(jobs)-started, len(jobs), context.Cause(ctx))
	}
	return nil
}
