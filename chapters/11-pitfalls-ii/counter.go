package pitfallsii

import (
	"sync"
	"sync/atomic"
)

// Counter counts events. Its zero value is ready to use, and any number of
// goroutines may call its methods at once: a mutex makes each
// read-modify-write a single step that no other goroutine can interleave with.
type Counter struct {
	mu sync.Mutex
	n  int
}

// Inc adds one to the counter.
func (c *Counter) Inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

// Load returns the current count.
func (c *Counter) Load() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

// AtomicCounter is a Counter without a lock: the processor adds one to the
// value in a single atomic instruction. It fits when the shared state is one
// number; as soon as two values must change together, use a mutex.
type AtomicCounter struct {
	n atomic.Int64
}

// Inc adds one to the counter.
func (c *AtomicCounter) Inc() { c.n.Add(1) }

// Load returns the current count.
func (c *AtomicCounter) Load() int64 { return c.n.Load() }
