package eventloop_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/asyncgo/course/chapters/03-event-loop"
)

// whereAmI returns the number of the calling goroutine, from the first line
// of its stack ("goroutine 7 [running]:"), and whether iter.Pull created it.
func whereAmI() (id int, pulled bool, err error) {
	buf := make([]byte, 8<<10)
	stack := string(buf[:runtime.Stack(buf, false)])
	if _, err := fmt.Sscanf(stack, "goroutine %d ", &id); err != nil {
		return 0, false, fmt.Errorf("reading the stack header %.40q: %w", stack, err)
	}
	return id, strings.Contains(stack, "created by iter.Pull"), nil
}

// TestEachTaskRunsOnItsOwnGoroutine: the loop is not one goroutine. Every
// task, main included, runs on a goroutine of its own that iter.Pull created,
// and not on the goroutine that called Run. Yet only one of them runs at a
// time: running never exceeds one, even when a task calls runtime.Gosched,
// which would let any other runnable goroutine in.
func TestEachTaskRunsOnItsOwnGoroutine(t *testing.T) {
	caller, _, err := whereAmI()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int]string{caller: "the caller of Run"}
	running, most := 0, 0
	task := func(t *eventloop.Task) error {
		id, pulled, err := whereAmI()
		if err != nil {
			return err
		}
		if !pulled {
			return fmt.Errorf("task %s runs on goroutine %d, which iter.Pull did not create", t.Name(), id)
		}
		if other, ok := seen[id]; ok {
			return fmt.Errorf("task %s runs on goroutine %d, like %s; want a goroutine of its own", t.Name(), id, other)
		}
		seen[id] = "task " + t.Name()
		for range 3 {
			running++
			most = max(most, running)
			runtime.Gosched()
			running--
			if err := t.Yield(); err != nil {
				return err
			}
		}
		return nil
	}

	l := eventloop.New(eventloop.VirtualClock())
	err = l.Run(func(t *eventloop.Task) error {
		var fs []*eventloop.Future[struct{}]
		for i := range 3 {
			fs = append(fs, eventloop.Spawn(l, fmt.Sprint(i), func(t *eventloop.Task) (struct{}, error) {
				return struct{}{}, task(t)
			}))
		}
		if err := task(t); err != nil {
			return err
		}
		_, err := eventloop.Gather(t, fs...)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != 5 {
		t.Errorf("saw %d goroutines (%v), want 5: the caller of Run and one per task", len(seen), seen)
	}
	if most != 1 {
		t.Errorf("%d tasks ran at once, want 1: the loop has one thread of control", most)
	}
}
