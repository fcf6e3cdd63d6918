package eventloop_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"testing/synctest"
	"time"

	"github.com/asyncgo/course/chapters/03-event-loop"
	"github.com/stretchr/testify/assert"
	"go.uber.org/goleak"
)

// log collects events as "time name what" strings.
type log []string

func (lg *log) add(t *eventloop.Task, what string) {
	*lg = append(*lg, fmt.Sprintf("%v %s %s", t.Now(), t.Name(), what))
}

func check(t *testing.T, got, want []string) {
	t.Helper()
	assert.Equal(t, want, got, "events")
}

func run(t *testing.T, l *eventloop.Loop, main func(t *eventloop.Task) error) {
	t.Helper()
	if err := l.Run(main); err != nil {
		t.Fatalf("Run: %v", err)
	}
}

func TestReadyTasksRunInFIFOOrder(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	var lg log
	for _, name := range []string{"a", "b", "c"} {
		eventloop.Spawn(l, name, func(t *eventloop.Task) (int, error) {
			for i := range 3 {
				lg.add(t, fmt.Sprint(i))
				if err := t.Yield(); err != nil {
					return 0, err
				}
			}
			return 0, nil
		})
	}
	run(t, l, func(t *eventloop.Task) error { return t.Sleep(time.Second) })
	check(t, lg, []string{"0s a 0", "0s b 0", "0s c 0", "0s a 1", "0s b 1", "0s c 1", "0s a 2", "0s b 2", "0s c 2"})
}

func TestEqualDeadlinesRunInScheduleOrder(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	var lg log
	names := []string{"e", "b", "d", "a", "c"} // not sorted: the order must come from spawning
	for _, name := range names {
		eventloop.Spawn(l, name, func(t *eventloop.Task) (int, error) {
			err := t.Sleep(time.Second)
			lg.add(t, "woke")
			return 0, err
		})
	}
	var calls []string
	run(t, l, func(t *eventloop.Task) error {
		for _, name := range names {
			l.CallLater(2*time.Second, func() { calls = append(calls, name) })
		}
		return t.Sleep(3 * time.Second)
	})
	check(t, lg, []string{"1s e woke", "1s b woke", "1s d woke", "1s a woke", "1s c woke"})
	check(t, calls, names)
}

// A task that yields forever must not starve a timer that is due: each
// iteration runs only what was ready when it began, then looks at the timers.
func TestIterationRunsOnlyWhatWasReadyAtItsStart(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	var order []string
	run(t, l, func(t *eventloop.Task) error {
		l.CallSoon(func() {
			order = append(order, "a")
			l.CallSoon(func() { order = append(order, "c (scheduled by a)") })
			l.CallLater(0, func() { order = append(order, "timer (set by a)") })
		})
		l.CallSoon(func() { order = append(order, "b") })
		stop := false
		l.CallLater(0, func() { stop = true })
		yields := 0
		for !stop {
			if err := t.Yield(); err != nil {
				return err
			}
			yields++
		}
		// Iteration 1: main schedules a and b, sets the stop timer, yields.
		// Iteration 2: the due timer joins the queue behind a, b and main;
		// a (schedules c, sets a timer), b, main (yields=1), stop.
		// Iteration 3: c, main (yields=2, sees stop), a's timer.
		// A loop that ran until its queue was empty would never get to the
		// timers: main would yield forever.
		if yields != 2 {
			return fmt.Errorf("main yielded %d times before the due timer ran, want 2", yields)
		}
		return nil
	})
	check(t, order, []string{"a", "b", "c (scheduled by a)", "timer (set by a)"})
}

// Completing a future schedules the tasks waiting for it: they resume in a
// later iteration, never inside SetResult.
func TestFutureCompletionIsScheduledNotInline(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	var lg log
	run(t, l, func(t *eventloop.Task) error {
		f := eventloop.NewFuture[int](l)
		waiter := eventloop.Spawn(l, "waiter", func(t *eventloop.Task) (int, error) {
			v, err := f.Await(t)
			lg.add(t, fmt.Sprint("got ", v))
			return v, err
		})
		f.OnDone(func() { lg = append(lg, "OnDone callback") })
		if err := t.Yield(); err != nil { // let the waiter start waiting
			return err
		}
		lg.add(t, "SetResult")
		f.SetResult(7)
		lg.add(t, "after SetResult")
		if err := t.Yield(); err != nil {
			return err
		}
		lg.add(t, "resumed")
		_, err := waiter.Await(t)
		return err
	})
	// The OnDone callback was registered before the waiter awaited: the
	// waiters of a future are scheduled in the order they were added.
	check(t, lg, []string{"0s main SetResult", "0s main after SetResult", "OnDone callback", "0s waiter got 7", "0s main resumed"})
}

// SetError completes a plain future with an error, once; a task's future
// completes only when its task returns.
func TestFutureSetError(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	boom := errors.New("boom")
	run(t, l, func(t *eventloop.Task) error {
		f := eventloop.NewFuture[int](l)
		if !f.SetError(boom) {
			return errors.New("SetError on a pending future reported false")
		}
		if f.SetError(errors.New("again")) || f.SetResult(1) {
			return errors.New("a completed future was completed again")
		}
		if v, err := f.Await(t); v != 0 || !errors.Is(err, boom) {
			return fmt.Errorf("Await = %d, %v; want 0, boom", v, err)
		}
		task := eventloop.Spawn(l, "task", func(t *eventloop.Task) (int, error) { return 1, nil })
		if task.SetError(boom) {
			return errors.New("SetError on a task's future reported true")
		}
		if v, err := task.Await(t); v != 1 || err != nil {
			return fmt.Errorf("the task's future = %d, %v; want 1, nil", v, err)
		}
		return nil
	})
}

func TestGatherKeepsArgumentOrder(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	run(t, l, func(t *eventloop.Task) error {
		var fs []*eventloop.Future[int]
		for i, d := range []int{5, 1, 4, 2, 3} {
			fs = append(fs, eventloop.Spawn(l, fmt.Sprint(i), func(t *eventloop.Task) (int, error) {
				return d * 10, t.Sleep(time.Duration(d) * time.Second)
			}))
		}
		got, err := eventloop.Gather(t, fs...)
		if err != nil {
			return err
		}
		if want := []int{50, 10, 40, 20, 30}; !slices.Equal(got, want) {
			return fmt.Errorf("Gather = %v, want %v", got, want)
		}
		if t.Now() != 5*time.Second {
			return fmt.Errorf("Gather returned at %v, want 5s", t.Now())
		}
		return nil
	})
}

// Gather reports the first failure when it happens and, like asyncio.gather,
// does not cancel the others.
func TestGatherFailsFastWithoutCancelling(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	boom := errors.New("boom")
	var lg log
	run(t, l, func(t *eventloop.Task) error {
		slow := eventloop.Spawn(l, "slow", func(t *eventloop.Task) (int, error) {
			err := t.Sleep(3 * time.Second)
			lg.add(t, fmt.Sprint("finished: ", err))
			return 1, err
		})
		failing := eventloop.Spawn(l, "failing", func(t *eventloop.Task) (int, error) {
			return 0, errors.Join(t.Sleep(time.Second), boom)
		})
		_, err := eventloop.Gather(t, slow, failing)
		lg.add(t, fmt.Sprint("Gather: ", err))
		_, err = slow.Await(t)
		return err
	})
	check(t, lg, []string{"1s main Gather: boom", "3s slow finished: <nil>"})
}

func TestCancelledGatherCancelsItsFutures(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	var lg log
	run(t, l, func(t *eventloop.Task) error {
		child := func(t *eventloop.Task) (int, error) {
			err := t.Sleep(time.Hour)
			lg.add(t, fmt.Sprint(err))
			return 0, err
		}
		a, b := eventloop.Spawn(l, "a", child), eventloop.Spawn(l, "b", child)
		g := eventloop.Spawn(l, "gather", func(t *eventloop.Task) ([]int, error) {
			v, err := eventloop.Gather(t, a, b)
			lg.add(t, fmt.Sprint(err))
			return v, err
		})
		if err := t.Sleep(time.Second); err != nil {
			return err
		}
		g.Cancel()
		_, err := eventloop.Gather(t, a, b)
		if !errors.Is(err, eventloop.ErrCancelled) {
			return fmt.Errorf("children: %v, want ErrCancelled", err)
		}
		return nil
	})
	check(t, lg, []string{"1s gather eventloop: cancelled", "1s a eventloop: cancelled", "1s b eventloop: cancelled"})
}

func TestCancel(t *testing.T) {
	t.Run("before it starts", func(t *testing.T) {
		l := eventloop.New(eventloop.VirtualClock())
		ran := false
		run(t, l, func(t *eventloop.Task) error {
			f := eventloop.Spawn(l, "never", func(t *eventloop.Task) (int, error) { ran = true; return 1, nil })
			if !f.Cancel() {
				return errors.New("Cancel reported false")
			}
			if _, err := f.Await(t); !errors.Is(err, eventloop.ErrCancelled) {
				return fmt.Errorf("Await: %v, want ErrCancelled", err)
			}
			return nil
		})
		if ran {
			t.Error("a task cancelled before it started ran anyway")
		}
	})
	t.Run("while ready", func(t *testing.T) {
		l := eventloop.New(eventloop.VirtualClock())
		var lg log
		run(t, l, func(t *eventloop.Task) error {
			f := eventloop.Spawn(l, "yielder", func(t *eventloop.Task) (int, error) {
				for i := 0; ; i++ {
					if err := t.Yield(); err != nil {
						lg.add(t, fmt.Sprintf("yield %d: %v", i, err))
						return i, err
					}
				}
			})
			if err := t.Yield(); err != nil { // yielder runs once and yields
				return err
			}
			f.Cancel()
			n, err := f.Await(t)
			if n != 0 || !errors.Is(err, eventloop.ErrCancelled) {
				return fmt.Errorf("got %d, %v; want 0, ErrCancelled", n, err)
			}
			return nil
		})
		check(t, lg, []string{"0s yielder yield 0: eventloop: cancelled"})
	})
	t.Run("sleeping: its timer is removed", func(t *testing.T) {
		l := eventloop.New(eventloop.VirtualClock())
		run(t, l, func(t *eventloop.Task) error {
			f := eventloop.Spawn(l, "sleeper", func(t *eventloop.Task) (int, error) {
				return 0, t.Sleep(time.Hour)
			})
			if err := t.Sleep(time.Second); err != nil {
				return err
			}
			f.Cancel()
			_, err := f.Await(t)
			if !errors.Is(err, eventloop.ErrCancelled) {
				return fmt.Errorf("Await: %v, want ErrCancelled", err)
			}
			return t.Sleep(time.Second)
		})
		if got := l.Now(); got != 2*time.Second {
			t.Errorf("the loop ended at %v, want 2s: the cancelled sleep's timer still moved the clock", got)
		}
	})
	t.Run("the task may clean up and still succeed", func(t *testing.T) {
		l := eventloop.New(eventloop.VirtualClock())
		run(t, l, func(t *eventloop.Task) error {
			f := eventloop.Spawn(l, "stubborn", func(t *eventloop.Task) (string, error) {
				if err := t.Sleep(time.Hour); !errors.Is(err, eventloop.ErrCancelled) {
					return "", fmt.Errorf("Sleep: %v", err)
				}
				if err := t.Sleep(time.Second); err != nil { // cancellation is delivered once
					return "", err
				}
				return "cleaned up", nil
			})
			if err := t.Yield(); err != nil {
				return err
			}
			f.Cancel()
			v, err := f.Await(t)
			if v != "cleaned up" || err != nil || t.Now() != time.Second {
				return fmt.Errorf("at %v got %q, %v; want \"cleaned up\", nil at 1s", t.Now(), v, err)
			}
			return nil
		})
	})
	t.Run("a plain future", func(t *testing.T) {
		l := eventloop.New(eventloop.VirtualClock())
		run(t, l, func(t *eventloop.Task) error {
			f := eventloop.NewFuture[int](l)
			f.Cancel()
			if f.SetResult(1) {
				return errors.New("SetResult on a cancelled future reported true")
			}
			if _, err := f.Await(t); !errors.Is(err, eventloop.ErrCancelled) {
				return fmt.Errorf("Await: %v, want ErrCancelled", err)
			}
			return nil
		})
	})
}

// When main returns, Run cancels the tasks left over (asyncio.run does too)
// and stops for good those that keep waiting; no goroutine is left behind.
func TestRunCleansUpLeftoverTasks(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	var lg log
	never := eventloop.NewFuture[int](l)
	eventloop.Spawn(l, "sleeper", func(t *eventloop.Task) (int, error) {
		err := t.Sleep(time.Hour)
		lg.add(t, fmt.Sprint(err))
		return 0, err
	})
	eventloop.Spawn(l, "stubborn", func(t *eventloop.Task) (int, error) {
		for {
			_, err := never.Await(t)
			lg.add(t, fmt.Sprint(err))
			if errors.Is(err, eventloop.ErrClosed) {
				return 0, err
			}
		}
	})
	eventloop.Spawn(l, "unstarted", func(t *eventloop.Task) (int, error) { return 0, nil })
	run(t, l, func(t *eventloop.Task) error { return nil })
	check(t, lg, []string{"0s sleeper eventloop: cancelled", "0s stubborn eventloop: cancelled", "0s stubborn eventloop: loop closed"})
	goleak.VerifyNone(t)
}

func TestRunReportsDeadlock(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	err := l.Run(func(t *eventloop.Task) error {
		_, err := eventloop.NewFuture[int](l).Await(t)
		return err
	})
	if !errors.Is(err, eventloop.ErrDeadlock) {
		t.Fatalf("Run: %v, want ErrDeadlock", err)
	}
	if err := l.Run(func(*eventloop.Task) error { return nil }); err == nil {
		t.Error("a second Run on the same loop succeeded")
	}
}

func TestAwaitOwnFutureFails(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	var self *eventloop.Future[int]
	self = eventloop.Spawn(l, "self", func(t *eventloop.Task) (int, error) {
		_, err := self.Await(t)
		return 0, err
	})
	run(t, l, func(t *eventloop.Task) error {
		if _, err := self.Await(t); err == nil {
			return errors.New("awaiting its own future succeeded")
		}
		return nil
	})
}

// Busy holds the loop: a task due at 10ms runs at 100ms.
func TestBusyDelaysEveryOtherTask(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	var lg log
	eventloop.Spawn(l, "sleeper", func(t *eventloop.Task) (int, error) {
		err := t.Sleep(10 * time.Millisecond)
		lg.add(t, "woke")
		return 0, err
	})
	run(t, l, func(t *eventloop.Task) error {
		t.Busy(100 * time.Millisecond)
		lg.add(t, "busy done")
		return t.Sleep(time.Millisecond)
	})
	check(t, lg, []string{"100ms main busy done", "100ms sleeper woke"})
}

// On the real clock an executor job wakes the loop when it finishes. Here the
// job waits for a task on the loop to release it: the loop must keep running
// while the job is out.
func TestRunInExecutorRealClock(t *testing.T) {
	l := eventloop.New(eventloop.RealClock())
	release := make(chan struct{})
	run(t, l, func(t *eventloop.Task) error {
		job := eventloop.RunInExecutor(l, "job", time.Hour, func() (string, error) {
			<-release
			return "released", nil
		})
		eventloop.Spawn(l, "releaser", func(t *eventloop.Task) (int, error) {
			for range 3 {
				if err := t.Yield(); err != nil {
					return 0, err
				}
			}
			close(release)
			return 0, nil
		})
		v, err := job.Await(t)
		if v != "released" || err != nil {
			return fmt.Errorf("job: %q, %v", v, err)
		}
		return nil
	})
}

// On the virtual clock the job takes the virtual time it is given, however
// long it really takes; the loop keeps the clock still until it returns.
func TestRunInExecutorVirtualClock(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	release := make(chan struct{})
	go func() { close(release) }() // unrelated to the loop: lands at any real moment
	run(t, l, func(t *eventloop.Task) error {
		job := eventloop.RunInExecutor(l, "job", 2*time.Second, func() (int, error) {
			<-release
			return 1, nil
		})
		if err := t.Sleep(time.Second); err != nil {
			return err
		}
		if job.Done() {
			return errors.New("the job finished before its virtual duration")
		}
		if _, err := job.Await(t); err != nil {
			return err
		}
		if t.Now() != 2*time.Second {
			return fmt.Errorf("job done at %v, want 2s", t.Now())
		}
		return nil
	})
}

// The real clock under testing/synctest: fake time makes it deterministic too.
func TestRealClockSleeps(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := eventloop.New(eventloop.RealClock())
		var lg log
		run(t, l, func(t *eventloop.Task) error {
			var fs []*eventloop.Future[int]
			for _, d := range []int{3, 1, 2} {
				fs = append(fs, eventloop.Spawn(l, fmt.Sprint(d), func(t *eventloop.Task) (int, error) {
					err := t.Sleep(time.Duration(d) * time.Second)
					lg.add(t, "woke")
					return d, err
				}))
			}
			_, err := eventloop.Gather(t, fs...)
			return err
		})
		check(t, lg, []string{"1s 1 woke", "2s 2 woke", "3s 3 woke"})
	})
}

func TestTimerStop(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	fired := false
	run(t, l, func(t *eventloop.Task) error {
		tm := l.CallLater(time.Hour, func() { fired = true })
		if !tm.Stop() || tm.Stop() {
			return errors.New("Stop: want true, then false")
		}
		return nil
	})
	if fired || l.Now() != 0 {
		t.Errorf("fired=%t, loop ended at %v; want a stopped timer to be gone", fired, l.Now())
	}
}
