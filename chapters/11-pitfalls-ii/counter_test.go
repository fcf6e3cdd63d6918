package pitfallsii

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

// These run in the normal suite, which make test runs with -race: the race
// detector watches every access and would fail the test if either counter let
// two goroutines touch the count without synchronisation.
func TestCountersAreExactUnderContention(t *testing.T) {
	const goroutines, each = 8, 1000
	var c Counter
	var a AtomicCounter
	var wg sync.WaitGroup
	for range goroutines {
		wg.Go(func() {
			for range each {
				c.Inc()
				a.Inc()
			}
		})
	}
	wg.Wait()
	assert.EqualValues(t, goroutines*each, c.Load(), "Counter")
	assert.EqualValues(t, goroutines*each, a.Load(), "AtomicCounter")
}

// The fixed counter, counting from two goroutines as the racy program in
// testdata/demos/race does. Every increment survives.
func ExampleCounter() {
	var c Counter
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			for range 1000 {
				c.Inc()
			}
		})
	}
	wg.Wait() // Wait returns after both goroutines' increments
	fmt.Println("n =", c.Load())
	// Output: n = 2000
}

func ExampleAtomicCounter() {
	var c AtomicCounter
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			for range 1000 {
				c.Inc()
			}
		})
	}
	wg.Wait()
	fmt.Println("n =", c.Load())
	// Output: n = 2000
}
