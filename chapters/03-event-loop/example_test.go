package eventloop_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/asyncgo/course/chapters/03-event-loop"
)

// Three tasks sleep 3 s, 1 s and 2 s. They sleep at the same time, so the
// last one wakes at 3 s, not 6 s, and Gather returns the results in argument
// order. On the virtual clock this takes no real time at all.
func Example() {
	l := eventloop.New(eventloop.VirtualClock())
	err := l.Run(func(t *eventloop.Task) error {
		var fs []*eventloop.Future[string]
		for _, d := range []time.Duration{3 * time.Second, 1 * time.Second, 2 * time.Second} {
			f := eventloop.Spawn(l, fmt.Sprint("sleep ", d), func(t *eventloop.Task) (string, error) {
				if err := t.Sleep(d); err != nil {
					return "", err
				}
				fmt.Printf("%v: %s woke up\n", t.Now(), t.Name())
				return t.Name(), nil
			})
			fs = append(fs, f)
		}
		names, err := eventloop.Gather(t, fs...)
		fmt.Printf("%v: gathered %q\n", t.Now(), names)
		return err
	})
	fmt.Println("Run:", err)
	// Output:
	// 1s: sleep 1s woke up
	// 2s: sleep 2s woke up
	// 3s: sleep 3s woke up
	// 3s: gathered ["sleep 3s" "sleep 1s" "sleep 2s"]
	// Run: <nil>
}

// Cancelling a task makes the call it waits in return ErrCancelled. The task
// sees an ordinary error, may clean up, and returns it.
func ExampleFuture_Cancel() {
	l := eventloop.New(eventloop.VirtualClock())
	err := l.Run(func(t *eventloop.Task) error {
		slow := eventloop.Spawn(l, "slow", func(t *eventloop.Task) (int, error) {
			if err := t.Sleep(time.Hour); err != nil {
				fmt.Printf("%v: slow: %v\n", t.Now(), err)
				return 0, fmt.Errorf("slow gave up: %w", err)
			}
			return 42, nil
		})
		if err := t.Sleep(time.Second); err != nil {
			return err
		}
		fmt.Printf("%v: main cancels slow\n", t.Now())
		slow.Cancel()
		_, err := slow.Await(t)
		fmt.Printf("%v: main: %v (ErrCancelled: %t)\n", t.Now(), err, errors.Is(err, eventloop.ErrCancelled))
		return nil
	})
	fmt.Println("Run:", err)
	// Output:
	// 1s: main cancels slow
	// 1s: slow: eventloop: cancelled
	// 1s: main: slow gave up: eventloop: cancelled (ErrCancelled: true)
	// Run: <nil>
}

// Tasks that are ready run in the order they were scheduled, one loop
// iteration each time they yield: round robin.
func ExampleTask_Yield() {
	l := eventloop.New(eventloop.VirtualClock())
	for _, name := range []string{"a", "b", "c"} {
		eventloop.Spawn(l, name, func(t *eventloop.Task) (struct{}, error) {
			for i := range 2 {
				fmt.Print(t.Name(), i, " ")
				if err := t.Yield(); err != nil {
					return struct{}{}, err
				}
			}
			return struct{}{}, nil
		})
	}
	_ = l.Run(func(t *eventloop.Task) error {
		for range 3 {
			if err := t.Yield(); err != nil {
				return err
			}
		}
		fmt.Println()
		return nil
	})
	// Output:
	// a0 b0 c0 a1 b1 c1
}

// Busy stands for work that holds the loop: a CPU-bound loop or a blocking
// call. The ticker wants to tick every 100 ms, but while the worker is busy
// for 250 ms nothing else runs, so its ticks are late.
func ExampleTask_Busy() {
	l := eventloop.New(eventloop.VirtualClock())
	err := l.Run(func(t *eventloop.Task) error {
		ticker := eventloop.Spawn(l, "ticker", func(t *eventloop.Task) (struct{}, error) {
			for range 3 {
				if err := t.Sleep(100 * time.Millisecond); err != nil {
					return struct{}{}, err
				}
				fmt.Printf("%v: tick\n", t.Now())
			}
			return struct{}{}, nil
		})
		if err := t.Sleep(50 * time.Millisecond); err != nil {
			return err
		}
		fmt.Printf("%v: main starts 250ms of blocking work\n", t.Now())
		t.Busy(250 * time.Millisecond)
		fmt.Printf("%v: main is done with it\n", t.Now())
		_, err := ticker.Await(t)
		return err
	})
	fmt.Println("Run:", err)
	// Output:
	// 50ms: main starts 250ms of blocking work
	// 300ms: main is done with it
	// 300ms: tick
	// 400ms: tick
	// 500ms: tick
	// Run: <nil>
}

// RunInExecutor moves blocking work to another goroutine. The loop keeps
// running the ticker meanwhile; on the virtual clock the job takes exactly the
// duration it is given.
func ExampleRunInExecutor() {
	l := eventloop.New(eventloop.VirtualClock())
	err := l.Run(func(t *eventloop.Task) error {
		ticker := eventloop.Spawn(l, "ticker", func(t *eventloop.Task) (struct{}, error) {
			for range 3 {
				if err := t.Sleep(100 * time.Millisecond); err != nil {
					return struct{}{}, err
				}
				fmt.Printf("%v: tick\n", t.Now())
			}
			return struct{}{}, nil
		})
		job := eventloop.RunInExecutor(l, "sum", 250*time.Millisecond, func() (int, error) {
			sum := 0
			for i := range 1000 {
				sum += i
			}
			return sum, nil
		})
		sum, err := job.Await(t)
		fmt.Printf("%v: sum = %d, %v\n", t.Now(), sum, err)
		_, err = ticker.Await(t)
		return err
	})
	fmt.Println("Run:", err)
	// Output:
	// 100ms: tick
	// 200ms: tick
	// 250ms: sum = 499500, <nil>
	// 300ms: tick
	// Run: <nil>
}

// RecordSteps makes the loop keep a log of what it does, one step at a
// time: its own work at the start of an iteration, then every task or
// callback it runs. Tasks print to the log, which files each line under the
// step that printed it.
func ExampleLoop_RecordSteps() {
	l := eventloop.New(eventloop.VirtualClock())
	steps := l.RecordSteps()
	err := l.Run(func(t *eventloop.Task) error {
		nap := eventloop.Spawn(l, "nap", func(t *eventloop.Task) (int, error) {
			err := t.Sleep(time.Second)
			fmt.Fprintln(steps, "nap woke up")
			return 0, err
		})
		_, err := nap.Await(t)
		return err
	})
	fmt.Println("Run:", err)
	for _, s := range steps.Steps {
		fmt.Printf("%d %-8s %-4s %v:", s.Iteration, s.Kind, s.Runs, s.Time)
		for _, e := range s.Events {
			fmt.Print(" ", e.Kind)
		}
		fmt.Printf("; ready %q, %d timers\n", s.Ready, len(s.Timers))
	}
	// Output:
	// Run: <nil>
	// 0 start         0s: spawn; ready ["main"], 0 timers
	// 1 task     main 0s: start spawn await; ready ["nap"], 0 timers
	// 2 task     nap  0s: start sleep; ready [], 1 timers
	// 3 wait          1s: wait due; ready ["nap"], 0 timers
	// 3 task     nap  1s: resume print complete schedule return; ready ["main"], 0 timers
	// 4 task     main 1s: resume complete return; ready [], 0 timers
	// 4 end           1s: return; ready [], 0 timers
}
