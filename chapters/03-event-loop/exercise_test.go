package eventloop_test

import (
	"errors"
	"testing"
	"time"

	"github.com/asyncgo/course/chapters/03-event-loop"
)

// Exercise: WaitFor, tested on the virtual clock. Each case checks the value,
// the error and the exact virtual time at which WaitFor returns.

func TestWaitForInTime(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	run(t, l, func(tk *eventloop.Task) error {
		f := eventloop.Spawn(l, "quick", func(tk *eventloop.Task) (string, error) {
			return "done", tk.Sleep(time.Second)
		})
		v, err := eventloop.WaitFor(tk, f, 5*time.Second)
		if v != "done" || err != nil || tk.Now() != time.Second {
			t.Errorf("at %v: WaitFor = %q, %v; want \"done\", nil at 1s", tk.Now(), v, err)
		}
		return nil
	})
	if l.Now() != time.Second {
		t.Errorf("the loop ended at %v, want 1s: stop the timer when f wins", l.Now())
	}
}

func TestWaitForTimesOut(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	var seen error
	run(t, l, func(tk *eventloop.Task) error {
		f := eventloop.Spawn(l, "slow", func(tk *eventloop.Task) (string, error) {
			err := tk.Sleep(time.Hour)
			seen = err
			if err != nil {
				_ = tk.Sleep(time.Second) // clean-up takes a second
			}
			return "too late", err
		})
		v, err := eventloop.WaitFor(tk, f, 2*time.Second)
		if v != "" || !errors.Is(err, eventloop.ErrTimeout) {
			t.Errorf("WaitFor = %q, %v; want \"\" and ErrTimeout", v, err)
		}
		if tk.Now() != 3*time.Second {
			t.Errorf("WaitFor returned at %v, want 3s: time out at 2s, then wait for the task's clean-up", tk.Now())
		}
		return nil
	})
	if !errors.Is(seen, eventloop.ErrCancelled) {
		t.Errorf("the slow task saw %v, want ErrCancelled", seen)
	}
}

func TestWaitForPassesErrorsThrough(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	boom := errors.New("boom")
	run(t, l, func(tk *eventloop.Task) error {
		f := eventloop.Spawn(l, "failing", func(tk *eventloop.Task) (int, error) { return 0, boom })
		if _, err := eventloop.WaitFor(tk, f, time.Second); !errors.Is(err, boom) {
			t.Errorf("WaitFor: %v, want boom", err)
		}
		return nil
	})
}
