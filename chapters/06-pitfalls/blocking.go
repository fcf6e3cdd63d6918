package pitfalls

import (
	"fmt"
	"time"

	eventloop "github.com/asyncgo/course/chapters/03-event-loop"
)

// The scene of [Stall]: a ticker that wants to run every TickPeriod, Ticks
// times, and a worker that starts its work at WorkStart.
const (
	TickPeriod = 20 * time.Millisecond
	Ticks      = 5
	WorkStart  = 20 * time.Millisecond
)

// region ticker

// Ticker returns a task that sleeps for period, n times, and reports for
// each wake-up how late it was: how much longer than period the sleep took.
// On a loop where nobody holds up the others, every value is zero.
func Ticker(period time.Duration, n int) func(t *eventloop.Task) ([]time.Duration, error) {
	return func(t *eventloop.Task) ([]time.Duration, error) {
		late := make([]time.Duration, 0, n)
		for range n {
			due := t.Now() + period
			if err := t.Sleep(period); err != nil {
				return late, err
			}
			late = append(late, t.Now()-due)
		}
		return late, nil
	}
}

// endregion ticker

// region work

// BlockingWork does work that takes d straight in the task: a blocking call
// (a file read, a database driver, time.Sleep) or a CPU-bound loop. It holds
// the loop for all of d; [eventloop.Task.Busy] stands for the call.
func BlockingWork(t *eventloop.Task, d time.Duration) error {
	t.Busy(d)
	return nil
}

// OffloadedWork hands the same work to a goroutine with
// [eventloop.RunInExecutor] (asyncio's run_in_executor or to_thread) and
// awaits its result. The loop runs other tasks meanwhile.
func OffloadedWork(t *eventloop.Task, d time.Duration) error {
	job := eventloop.RunInExecutor(t.Loop(), "blocking call (goroutine)", d, func() (struct{}, error) {
		return struct{}{}, nil // the blocking call would go here
	})
	_, err := job.Await(t)
	return err
}

// endregion work

// A StallReport is what [Stall] observed.
type StallReport struct {
	Late     []time.Duration  // how late each of the ticker's wake-ups was
	WorkDone time.Duration    // when the worker finished its work
	Trace    *eventloop.Trace // the timeline of the run
}

// region stall

// Stall runs a scene on a loop with a virtual clock: a worker sleeps until
// WorkStart and then calls work(t, d), while a [Ticker] wakes every
// TickPeriod, Ticks times. It reports how late the ticker was woken, when the
// worker was done, and the trace of the run.
func Stall(work func(t *eventloop.Task, d time.Duration) error, d time.Duration) (StallReport, error) {
	var r StallReport
	l := eventloop.New(eventloop.VirtualClock())
	r.Trace = l.Record()
	err := l.Run(func(t *eventloop.Task) error {
		worker := eventloop.Spawn(l, "worker", func(t *eventloop.Task) (time.Duration, error) {
			if err := t.Sleep(WorkStart); err != nil {
				return 0, err
			}
			err := work(t, d)
			return t.Now(), err
		})
		ticker := eventloop.Spawn(l, "ticker", Ticker(TickPeriod, Ticks))
		var err error
		if r.WorkDone, err = worker.Await(t); err != nil {
			return fmt.Errorf("worker: %w", err)
		}
		if r.Late, err = ticker.Await(t); err != nil {
			return fmt.Errorf("ticker: %w", err)
		}
		return nil
	})
	if err != nil {
		return r, fmt.Errorf("stall: %w", err)
	}
	return r, nil
}

// endregion stall
