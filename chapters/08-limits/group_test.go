package limits

import (
	"fmt"
	"slices"
	"testing"
	"testing/synctest"
	"time"

	"golang.org/x/sync/errgroup"
)

// TestGroupGoWaits: with SetLimit(3), it is the caller of Go that waits for
// a free slot. The loop below gets past Go three times per second.
func TestGroupGoWaits(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		var g errgroup.Group
		g.SetLimit(3)
		var returned []time.Duration
		for range 10 {
			g.Go(func() error { time.Sleep(time.Second); return nil })
			returned = append(returned, time.Since(start))
		}
		if err := g.Wait(); err != nil {
			t.Fatal(err)
		}
		s := time.Second
		want := []time.Duration{0, 0, 0, s, s, s, 2 * s, 2 * s, 2 * s, 3 * s}
		if !slices.Equal(returned, want) {
			t.Errorf("Go returned at %v, want %v", returned, want)
		}
		if elapsed := time.Since(start); elapsed != 4*time.Second {
			t.Errorf("took %v, want exactly 4s", elapsed)
		}
	})
}

// Example_tryGo: TryGo never waits; at the limit it starts nothing and
// reports false.
func Example_tryGo() {
	var g errgroup.Group
	g.SetLimit(2)
	release := make(chan struct{})
	for range 2 {
		g.Go(func() error { <-release; return nil })
	}
	fmt.Println("TryGo with two running:", g.TryGo(func() error { return nil }))
	close(release)
	g.Wait()
	fmt.Println("TryGo after Wait:", g.TryGo(func() error { return nil }))
	g.Wait()
	// Output:
	// TryGo with two running: false
	// TryGo after Wait: true
}

// Example_setLimitWhileActive: changing the limit while goroutines of the
// group are running panics.
func Example_setLimitWhileActive() {
	var g errgroup.Group
	g.SetLimit(1)
	release := make(chan struct{})
	g.Go(func() error { <-release; return nil })
	func() {
		defer func() { fmt.Println("panic:", recover()) }()
		g.SetLimit(2)
	}()
	close(release)
	g.Wait()
	// Output:
	// panic: errgroup: modify limit while 1 goroutines in the group are still active
}
