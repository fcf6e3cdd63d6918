package limits

import "sync/atomic"

// Gauge counts the jobs in flight and remembers the most there ever were.
// It is safe for concurrent use; the zero value is ready to use.
type Gauge struct {
	now, max atomic.Int64
}

// Enter records that one more job is in flight.
func (g *Gauge) Enter() {
	n := g.now.Add(1)
	for {
		m := g.max.Load()
		if n <= m || g.max.CompareAndSwap(m, n) {
			return
		}
	}
}

// Leave records that a job has finished.
func (g *Gauge) Leave() { g.now.Add(-1) }

// Now returns the number of jobs in flight.
func (g *Gauge) Now() int64 { return g.now.Load() }

// Max returns the most jobs that were ever in flight at once.
func (g *Gauge) Max() int64 { return g.max.Load() }
