package pitfalls

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	eventloop "github.com/asyncgo/course/chapters/03-event-loop"
)

// oneP runs the rest of the test with GOMAXPROCS=1: one processor (P), so
// at most one goroutine runs Go code at a time, as on an event loop.
func oneP(t *testing.T) {
	prev := runtime.GOMAXPROCS(1)
	t.Cleanup(func() { runtime.GOMAXPROCS(prev) })
}

// TestBlockingReadOnTheLoop makes a real blocking call on the loop: a read
// from a pipe with no data yet. A writer goroutine, off the loop, writes once
// the read is blocked. Made straight in the task, the read holds the loop:
// the other task, ready all along, has not run by then. Made in RunInExecutor,
// it lets the other task run first; the writer waits for that before writing.
func TestBlockingReadOnTheLoop(t *testing.T) {
	for _, c := range []struct {
		name     string
		offload  bool
		otherRan string // had the other task run when the writer wrote?
	}{
		{"in the task", false, "no"},
		{"in RunInExecutor", true, "yes"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			defer w.Close()

			// A generous bound: if it runs out, closing w ends the read with
			// EOF, so the test fails instead of hanging.
			ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
			defer cancel()
			otherRan := make(chan struct{})
			wrote := make(chan string, 1)
			go func() { // the writer: not on the loop
				var err error
				if c.offload {
					select {
					case <-otherRan: // cannot happen while the loop is held
					case <-ctx.Done():
						err = ctx.Err()
					}
				} else {
					err = waitForState(ctx, "pitfalls.readOnce", "IO wait")
				}
				if err != nil {
					w.Close()
					wrote <- err.Error()
					return
				}
				ran := "no"
				select {
				case <-otherRan:
					ran = "yes"
				default:
				}
				if _, err := w.Write([]byte("hello")); err != nil {
					ran = err.Error()
				}
				wrote <- ran
			}()

			// region readontheloop
			l := eventloop.New(eventloop.RealClock())
			var got string
			err = l.Run(func(t *eventloop.Task) error {
				reader := eventloop.Spawn(l, "reader", func(t *eventloop.Task) (string, error) {
					if c.offload {
						return eventloop.RunInExecutor(l, "read", 0, func() (string, error) {
							return readOnce(r)
						}).Await(t)
					}
					return readOnce(r) // holds the loop until the read returns
				})
				eventloop.Spawn(l, "other", func(t *eventloop.Task) (struct{}, error) {
					close(otherRan)
					return struct{}{}, nil
				})
				var err error
				got, err = reader.Await(t)
				return err
			})
			// endregion readontheloop
			if err != nil {
				t.Fatalf("%v (writer: %s)", err, <-wrote)
			}
			if ran := <-wrote; ran != c.otherRan {
				t.Errorf("had the other task run when the writer wrote? %s, want %s", ran, c.otherRan)
			}
			if got != "hello" {
				t.Errorf("read %q, want %q", got, "hello")
			}
		})
	}
}

// readOnce reads once from r.
func readOnce(r *os.File) (string, error) {
	buf := make([]byte, 64)
	n, err := r.Read(buf)
	return string(buf[:n]), err
}

// waitForState returns once a goroutine whose stack holds fn is in the
// given state, the word in brackets of a stack dump ("goroutine 7 [IO
// wait]:"). It polls without sleeping, and gives up when ctx is done.
func waitForState(ctx context.Context, fn, state string) error {
	buf := make([]byte, 1<<20)
	for ctx.Err() == nil {
		n := runtime.Stack(buf, true)
		for g := range strings.SplitSeq(string(buf[:n]), "\n\n") {
			head, _, _ := strings.Cut(g, "\n")
			if strings.Contains(g, fn) && (strings.Contains(head, "["+state+"]") || strings.Contains(head, "["+state+",")) {
				return nil
			}
		}
		runtime.Gosched()
	}
	return fmt.Errorf("waiting for %s to reach state %q: %w", fn, state, ctx.Err())
}

// region spin

// spin spins until *stop is set or limit rounds have passed, and reports
// whether it saw stop. Its loop calls no Go function: atomic.LoadUint32
// compiles to a plain load (under -race, to a call into the race runtime
// that has no preemption check), so the goroutine never offers to give up
// its processor.
func spin(stop *uint32, limit int) bool {
	for i := 0; i < limit; i++ {
		if atomic.LoadUint32(stop) != 0 {
			return true
		}
	}
	return false
}

// spinLimit bounds spin so that a test without preemption fails instead of
// hanging: a few seconds of spinning (about a minute under -race), where
// preemption comes after about 10 ms.
const spinLimit = 1 << 32

// TestTightLoopIsPreempted: with one P, a goroutine spinning in spin does
// not keep the test's goroutine from running and setting the flag. Only
// asynchronous preemption (Go 1.14+) can take the P away from the spinner.
func TestTightLoopIsPreempted(t *testing.T) {
	oneP(t)
	var stop uint32
	started := make(chan struct{})
	saw := make(chan bool)
	go func() {
		close(started)
		saw <- spin(&stop, spinLimit)
	}()
	<-started // runs only once the spinner has been preempted
	atomic.StoreUint32(&stop, 1)
	if !<-saw {
		t.Fatal("the spinner was never preempted: is GODEBUG=asyncpreemptoff=1 set?")
	}
}

// endregion spin
