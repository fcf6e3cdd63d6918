package testingasync_test

import (
	"fmt"
	"time"

	"github.com/asyncgo/course/chapters/03-event-loop"
	"github.com/asyncgo/course/chapters/10-testing-async"
)

// On chapter 03's loop with a virtual clock, whenever no task is ready the
// clock jumps straight to the next timer. Two tasks that wake at the same
// instant run in the order they went to sleep, every time: the loop runs one
// task at a time, and its timer heap breaks ties by a sequence number. So
// here even the order recorded within an instant is deterministic.
func ExampleRecorder() {
	l := eventloop.New(eventloop.VirtualClock())
	rec := testingasync.NewRecorder(l.Now) // stamps events with the loop's clock
	err := l.Run(func(t *eventloop.Task) error {
		var tasks []*eventloop.Future[struct{}]
		for _, s := range []struct {
			name string
			d    time.Duration
		}{{"b", time.Hour}, {"a", time.Hour}, {"c", time.Minute}} {
			f := eventloop.Spawn(l, s.name, func(t *eventloop.Task) (struct{}, error) {
				err := t.Sleep(s.d)
				rec.Record(t.Name() + " wakes")
				return struct{}{}, err
			})
			tasks = append(tasks, f)
		}
		_, err := eventloop.Gather(t, tasks...)
		return err
	})
	for _, e := range rec.Events() {
		fmt.Println(e)
	}
	fmt.Println("Run:", err)
	// Output:
	// 1m0s c wakes
	// 1h0m0s b wakes
	// 1h0m0s a wakes
	// Run: <nil>
}

// Timeline orders events by time and, within an instant, by text: the view
// to compare when goroutines woken together may record in either order.
func ExampleRecorder_Timeline() {
	l := eventloop.New(eventloop.VirtualClock())
	rec := testingasync.NewRecorder(l.Now)
	_ = l.Run(func(t *eventloop.Task) error {
		rec.Record("start")
		if err := t.Sleep(time.Second); err != nil {
			return err
		}
		rec.Record("z: recorded first")
		rec.Record("a: recorded second")
		return nil
	})
	for _, line := range rec.Timeline() {
		fmt.Println(line)
	}
	// Output:
	// 0s start
	// 1s a: recorded second
	// 1s z: recorded first
}

// The loop reports a deadlock at once: when the main task waits and no
// callback, timer or executor job can ever wake it, Run returns an error
// instead of hanging.
func Example_loopDeadlock() {
	l := eventloop.New(eventloop.VirtualClock())
	err := l.Run(func(t *eventloop.Task) error {
		never := eventloop.NewFuture[int](l) // nobody will complete it
		if err := t.Sleep(time.Hour); err != nil {
			return err
		}
		_, err := never.Await(t)
		return err
	})
	fmt.Println(err)
	// Output:
	// run: main waits at 1h0m0s: eventloop: deadlock
}
