//go:build unix

package eventloop_test

import (
	"os"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// region gomaxprocs

// TestBlockedReaderDoesNotStopOthers shows Go's own event loop at work. With
// a single P (GOMAXPROCS=1: one goroutine runs Go code at a time), one
// goroutine blocks reading a pipe nobody writes to, and three others still do
// their work and report it over a channel. Then the test writes to the pipe
// and the reader returns. No sleeps: the test waits on channels, and on the
// runtime's own account of the reader's state.
func TestBlockedReaderDoesNotStopOthers(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))

	for _, tc := range []struct {
		name  string
		read  func(r *os.File, buf []byte) (int, error)
		state string // the reader's state in a goroutine dump while it blocks
	}{
		// os.File.Read on a pipe parks the goroutine in the netpoller
		// (epoll on Linux, kqueue on BSD and macOS): no thread is held.
		{"netpoller", (*os.File).Read, "[IO wait"},
		// A raw read(2) on a blocking descriptor holds its thread in the
		// kernel; sysmon takes the P away from it (retake, handoffp) and
		// gives it to another thread, which runs the other goroutines.
		{"blocking syscall", func(r *os.File, buf []byte) (int, error) {
			return syscall.Read(int(r.Fd()), buf) // Fd puts the pipe in blocking mode
		}, "[syscall"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			defer w.Close()

			got := make(chan string)
			go func() { // the reader
				buf := make([]byte, 16)
				n, err := tc.read(r, buf)
				if err != nil {
					got <- "error: " + err.Error()
					return
				}
				got <- string(buf[:n])
			}()
			waitForState(t, "TestBlockedReaderDoesNotStopOthers", tc.state)

			results := make(chan int)
			for i := range 3 { // the others: some work each, reported over a channel
				go func() {
					sum := 0
					for j := range 1000 * (i + 1) {
						sum += j
					}
					results <- sum
				}()
			}
			total := 0
			for range 3 {
				total += <-results
			}
			if total != 499500+1999000+4498500 {
				t.Errorf("the others computed %d", total)
			}
			select {
			case s := <-got:
				t.Fatalf("the reader returned %q before anything was written", s)
			default:
				waitForState(t, "TestBlockedReaderDoesNotStopOthers", tc.state) // still blocked
			}

			if _, err := w.Write([]byte("wake up")); err != nil {
				t.Fatal(err)
			}
			if s := <-got; s != "wake up" {
				t.Errorf("the reader got %q, want %q", s, "wake up")
			}
		})
	}
}

// endregion gomaxprocs

// waitForState returns once a goroutine running a function whose name
// contains fn is in a state starting with state (as in a goroutine dump,
// "[IO wait" or "[syscall"). It yields between looks instead of sleeping.
func waitForState(t *testing.T, fn, state string) {
	t.Helper()
	buf := make([]byte, 1<<20)
	for i := 0; ; i++ {
		dump := string(buf[:runtime.Stack(buf, true)])
		for g := range strings.SplitSeq(dump, "\n\n") {
			header, _, _ := strings.Cut(g, "\n")
			if strings.Contains(header, state) && strings.Contains(g, fn) {
				return
			}
		}
		if i == 1_000_000 {
			t.Fatalf("no goroutine of %s reached state %s:\n%s", fn, state, dump)
		}
		runtime.Gosched()
	}
}
