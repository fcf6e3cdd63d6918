package benefits_test

import (
	"runtime"
	"testing"
	"testing/synctest"

	"github.com/asyncgo/course/chapters/05-benefits"
)

// TestPark100k parks 100,000 goroutines and releases them. synctest.Test
// returns only when every goroutine of the bubble has exited, so a
// goroutine left behind would fail the test as a deadlock.
func TestPark100k(t *testing.T) {
	const n = 100_000
	synctest.Test(t, func(t *testing.T) {
		release := benefits.Park(n)
		synctest.Wait() // every parked goroutine is now durably blocked
		if got := runtime.NumGoroutine(); got < n {
			t.Errorf("NumGoroutine = %d while parked, want at least %d", got, n)
		}
		release()
	})
}

func TestGoroutineMemoryIsSmall(t *testing.T) {
	// This test process has run goroutines before, so this is the warm
	// figure; the benchmark measures in a fresh process.
	per := benefits.GoroutineMemory(1000)
	if per <= 0 || per > 64<<10 {
		t.Errorf("GoroutineMemory = %.0f bytes, want between 0 and 64 KiB", per)
	}
}
