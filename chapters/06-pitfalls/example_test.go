package pitfalls_test

import (
	"fmt"
	"time"

	eventloop "github.com/asyncgo/course/chapters/03-event-loop"
	pitfalls "github.com/asyncgo/course/chapters/06-pitfalls"
)

// Eight tasks that each compute for 50 ms, gathered on one loop, finish one
// after another: together they take 400 ms, exactly as long as doing the
// same work in a plain loop.
func ExampleGatherBusy() {
	l := eventloop.New(eventloop.VirtualClock())
	err := l.Run(func(t *eventloop.Task) error {
		done, err := pitfalls.GatherBusy(t, 8, 50*time.Millisecond)
		fmt.Println("tasks finished at:", done)
		fmt.Println("gather returned at:", t.Now())

		start := t.Now()
		for range 8 {
			t.Busy(50 * time.Millisecond)
		}
		fmt.Println("one after another:", t.Now()-start)
		return err
	})
	fmt.Println("Run:", err)
	// Output:
	// tasks finished at: [50ms 100ms 150ms 200ms 250ms 300ms 350ms 400ms]
	// gather returned at: 400ms
	// one after another: 400ms
	// Run: <nil>
}

// A worker does 100 ms of blocking work, 20 ms in, while a ticker wakes
// every 20 ms. Straight in the task, the work makes the tick that falls due
// exactly 100 ms late; in RunInExecutor it delays nobody.
func ExampleStall() {
	for _, c := range []struct {
		name string
		work func(*eventloop.Task, time.Duration) error
	}{
		{"BlockingWork", pitfalls.BlockingWork},
		{"OffloadedWork", pitfalls.OffloadedWork},
	} {
		r, err := pitfalls.Stall(c.work, 100*time.Millisecond)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%-13s ticker late by %v, work done at %v\n", c.name, r.Late, r.WorkDone)
	}
	// Output:
	// BlockingWork  ticker late by [100ms 0s 0s 0s 0s], work done at 120ms
	// OffloadedWork ticker late by [0s 0s 0s 0s 0s], work done at 120ms
}
