// Package bubble runs the exercises' tests in a testing/synctest bubble and
// turns a deadlocked bubble into an ordinary test failure that names the fix.
//
// When every goroutine in a bubble is blocked, or when the test function
// has returned while goroutines it started are still blocked, synctest.Test
// panics. That panic ends the whole test binary with a dump of every
// goroutine, so one wrong exercise hides the results of all the other tests.
// [Test] recovers it and fails the one test instead.
package bubble

import (
	"strings"
	"testing"
	"testing/synctest"
)

// Test runs f in a new synctest bubble, like synctest.Test. If the bubble
// deadlocks, Test fails t with the reason the runtime gives and then hint,
// which should say what usually causes the deadlock and how to fix it, and
// the other tests carry on.
//
// The goroutines that were blocked stay blocked for good: nothing outside
// the bubble can reach their channels. goleak's VerifyTestMain does not
// report them, because it looks for leaks only when every test passed.
func Test(t *testing.T, hint string, f func(t *testing.T)) {
	t.Helper()
	if deadlock := run(t, f); deadlock != nil {
		t.Errorf("synctest: %v\n%s", deadlock, hint)
	}
}

// run runs f in a bubble and returns the error of the deadlock panic, if
// synctest.Test panics with one.
func run(t *testing.T, f func(t *testing.T)) (deadlock error) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		// synctest reports a deadlock by panicking with an error whose
		// text starts with "deadlock: "; any other panic is not ours.
		err, ok := r.(error)
		if !ok || !strings.HasPrefix(err.Error(), "deadlock: ") {
			panic(r)
		}
		deadlock = err
	}()
	synctest.Test(t, f)
	return nil
}
