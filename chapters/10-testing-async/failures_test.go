package testingasync_test

import (
	"context"
	"os"
	"os/exec"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// demoEnv names the hidden test a child test binary is started to run.
const demoEnv = "TESTINGASYNC_DEMO"

// hidden skips the calling test unless this binary is a child started by
// TestHowFailuresLook to run exactly that test. The hidden tests fail on
// purpose; in the normal run they are skipped.
func hidden(t *testing.T) {
	t.Helper()
	if os.Getenv(demoEnv) != t.Name() {
		t.Skip("fails on purpose; TestHowFailuresLook runs it in a child process")
	}
}

// region hidden

func TestDemoDeadlock(t *testing.T) {
	hidden(t)
	ch := make(chan int)
	<-ch // nobody will ever send
}

func TestDemoBubbleDeadlock(t *testing.T) {
	hidden(t)
	synctest.Test(t, func(t *testing.T) {
		ch := make(chan int)
		<-ch
	})
}

func TestDemoBubbleLeftBehind(t *testing.T) {
	hidden(t)
	synctest.Test(t, func(t *testing.T) {
		ch := make(chan int)
		go func() { <-ch }() // still waiting when the test function returns
	})
}

func TestDemoBubbleMutex(t *testing.T) {
	hidden(t)
	synctest.Test(t, func(t *testing.T) {
		var mu sync.Mutex
		n := 0
		mu.Lock()
		go func() {
			mu.Lock() // blocked, but not durably: the clock cannot move
			n++
			mu.Unlock()
		}()
		time.Sleep(time.Second) // so this never returns
		n++
		mu.Unlock()
		t.Log(n)
	})
}

func TestDemoLeak(t *testing.T) {
	hidden(t)
	go func() { select {} }() // outlives the test: goleak.VerifyTestMain reports it
}

// endregion hidden

// region failures

// How each failure looks: the child test binary's -test.timeout, and what its
// output must contain.
var failures = []struct {
	test, timeout string
	want          []string
}{
	// Only in a binary without cgo: not under -race, and not if the package
	// ever imports net (its cgo resolver turns the detector off too).
	{"TestDemoDeadlock", "0", []string{"fatal error: all goroutines are asleep - deadlock!"}},
	{"TestDemoDeadlock", "100ms", []string{"panic: test timed out after 100ms"}},
	{"TestDemoBubbleDeadlock", "1m", []string{
		"panic: deadlock: all goroutines in bubble are blocked",
		"[chan receive (durable), synctest bubble",
	}},
	{"TestDemoBubbleLeftBehind", "1m", []string{
		"panic: deadlock: main bubble goroutine has exited but blocked goroutines remain",
	}},
	{"TestDemoBubbleMutex", "100ms", []string{
		"panic: test timed out after 100ms",
		"[sync.Mutex.Lock, synctest bubble", // blocked, not "(durable)"
		"[sleep (durable), synctest bubble",
	}},
	{"TestDemoLeak", "1m", []string{"goleak: Errors on successful test run: found unexpected goroutines"}},
}

// endregion failures

// TestHowFailuresLook runs each hidden test in a child process (this same
// test binary) and checks what the failure looks like.
func TestHowFailuresLook(t *testing.T) {
	for _, f := range failures {
		t.Run(f.test+"/timeout="+f.timeout, func(t *testing.T) {
			if f.timeout == "0" && raceEnabled() {
				// A -race binary links cgo, and the runtime's deadlock
				// detector is off in cgo programs: the child would hang.
				t.Skip("the deadlock detector is off in -race (cgo) binaries")
			}
			t.Parallel()
			// The time limit guards against a child that hangs by mistake.
			ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^"+f.test+"$", "-test.timeout="+f.timeout)
			cmd.Env = append(os.Environ(), demoEnv+"="+f.test)
			out, err := cmd.CombinedOutput()
			if err == nil {
				t.Fatalf("%s passed in the child; it should fail:\n%s", f.test, out)
			}
			for _, w := range f.want {
				if !strings.Contains(string(out), w) {
					t.Errorf("the output of %s does not contain %q:\n%s", f.test, w, out)
				}
			}
		})
	}
}

// raceEnabled reports whether this binary was built with -race.
func raceEnabled() bool {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range info.Settings {
		if s.Key == "-race" {
			return s.Value == "true"
		}
	}
	return false
}
