package eventloop_test

import (
	"fmt"
	"time"

	"github.com/asyncgo/course/chapters/03-event-loop"
)

// A plain future, completed by a timer's callback. The done-callback and
// the task awaiting the future run in a later iteration, in the order they
// were registered. A second timer is stopped before it fires.
func ExampleNewFuture() {
	l := eventloop.New(eventloop.VirtualClock())
	err := l.Run(func(t *eventloop.Task) error {
		f := eventloop.NewFuture[string](l)
		f.OnDone(func() {
			v, err := f.Result()
			fmt.Printf("%v: OnDone sees %q, %v\n", l.Now(), v, err)
		})
		l.CallLater(2*time.Second, func() {
			fmt.Printf("%v: the timer sets the result: %t\n", l.Now(), f.SetResult("ready"))
			fmt.Printf("%v: setting it again: %t\n", l.Now(), f.SetResult("again"))
		})
		other := l.CallLater(time.Hour, func() { fmt.Println("never printed") })

		v, err := f.Await(t)
		fmt.Printf("%v: main awaited %q, %v; Done: %t\n", t.Now(), v, err, f.Done())
		fmt.Println("Stop the other timer:", other.Stop())
		fmt.Println("Stop it again:", other.Stop())
		return nil
	})
	fmt.Println("Run:", err)
	// Output:
	// 2s: the timer sets the result: true
	// 2s: setting it again: false
	// 2s: OnDone sees "ready", <nil>
	// 2s: main awaited "ready", <nil>; Done: true
	// Stop the other timer: true
	// Stop it again: false
	// Run: <nil>
}
