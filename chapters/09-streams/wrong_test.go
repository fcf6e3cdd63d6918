package streams

import (
	"fmt"
	"iter"
	"os"
	"os/exec"
	"strings"
	"testing"
	"testing/synctest"

	"go.uber.org/goleak"
)

// TestForgettingStopLeaks pulls two values with iter.Pull and forgets stop.
// The iterator's goroutine stays parked, in state "coroutine", and its
// cleanup has not run. Calling stop ends both problems.
func TestForgettingStopLeaks(t *testing.T) {
	before := goleak.IgnoreCurrent()
	cleaned := false
	next, stop := iter.Pull(Numbers(10, func() { cleaned = true }))
	next()
	next()
	// Forgot: defer stop()

	err := goleak.Find(before)
	if err == nil || !strings.Contains(err.Error(), "coroutine") {
		t.Errorf("want a goroutine parked in state coroutine, got: %v", err)
	}
	if cleaned {
		t.Error("cleanup ran, but nobody stopped the iterator")
	}

	stop()
	if !cleaned {
		t.Error("stop returned, but the iterator's cleanup has not run")
	}
	if err := goleak.Find(before); err != nil {
		t.Errorf("after stop: %v", err)
	}
}

// TestRangeOverUnclosedChannel runs rangeUnclosed in a child process (a
// deadlock is fatal to the test binary) and checks that synctest reports it.
func TestRangeOverUnclosedChannel(t *testing.T) {
	if os.Getenv("STREAMS_DEADLOCK_CHILD") == "1" {
		rangeUnclosed(t)
		return
	}
	cmd := exec.CommandContext(t.Context(), os.Args[0], "-test.run=^TestRangeOverUnclosedChannel$", "-test.count=1")
	cmd.Env = append(os.Environ(), "STREAMS_DEADLOCK_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("the child test passed; want it to fail with a deadlock. Output:\n%s", out)
	}
	if !strings.Contains(string(out), "panic: deadlock: all goroutines in bubble are blocked") {
		t.Errorf("want the bubble's deadlock report, got:\n%s", out)
	}
}

// rangeUnclosed forgets to close the channel it sends on. The range loop
// takes both values, then waits for a third value or a close that never come.
func rangeUnclosed(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ch := make(chan int)
		go func() {
			ch <- 1
			ch <- 2
			// Forgot: close(ch)
		}()
		for v := range ch {
			fmt.Println("got", v)
		}
	})
}

// TestSendOnClosedChannelPanics shows what a producer meets when the
// receiver closes the channel: its next send panics. Only the sender may
// close; a receiver that wants to quit cancels a context instead.
func TestSendOnClosedChannelPanics(t *testing.T) {
	ch := make(chan int, 1)
	close(ch) // done by the receiver: wrong
	defer func() {
		if r := fmt.Sprint(recover()); r != "send on closed channel" {
			t.Errorf("recovered %q, want send on closed channel", r)
		}
	}()
	ch <- 1 // the producer's next send
	t.Error("the send on a closed channel did not panic")
}

// TestIteratorMustStopWhenYieldSaysSo: an iterator that calls yield again
// after it returned false is a bug, and the runtime panics at that call.
func TestIteratorMustStopWhenYieldSaysSo(t *testing.T) {
	careless := func(yield func(int) bool) {
		yield(1) // result ignored: wrong
		yield(2)
	}
	defer func() {
		want := "runtime error: range function continued iteration after function for loop body returned false"
		if r := fmt.Sprint(recover()); r != want {
			t.Errorf("recovered %q, want %q", r, want)
		}
	}()
	for range careless {
		break
	}
	t.Error("the careless iterator did not panic")
}
