package eventloop

import (
	"math"
	"time"
)

// forever is a deadline that never comes: the loop waits only for a wake-up.
const forever = time.Duration(math.MaxInt64)

// A Clock is the loop's source of time. Times are durations since the loop
// started running. There are two kinds: [RealClock] and [VirtualClock].
//
// A Clock serves one loop; it is not safe for concurrent use.
type Clock struct {
	virtual bool
	start   time.Time     // real clock: when the loop started
	now     time.Duration // virtual clock: the current time
}

// RealClock returns a clock that follows the wall clock (its monotonic
// reading). A loop on it sleeps for real when nothing is ready, and
// [Task.Busy] really blocks.
func RealClock() *Clock {
	return &Clock{start: time.Now()}
}

// VirtualClock returns a clock that starts at 0 and moves only when the loop
// moves it: when no callback is ready, it jumps to the next timer's deadline at
// once; [Task.Busy] advances it by exactly the given duration. A program on a
// virtual clock runs as fast as the CPU allows and always in the same order.
func VirtualClock() *Clock {
	return &Clock{virtual: true}
}

// Now reports the time since the loop started.
func (c *Clock) Now() time.Duration {
	if c.virtual {
		return c.now
	}
	return time.Since(c.start)
}

// reset makes Now return 0 (the real clock) at the start of Run.
func (c *Clock) reset() {
	if !c.virtual {
		c.start = time.Now()
	}
}

// pass lets d go by while the loop is held: the virtual clock jumps, the real
// one sleeps.
func (c *Clock) pass(d time.Duration) {
	if d <= 0 {
		return
	}
	if c.virtual {
		c.now += d
		return
	}
	time.Sleep(d)
}

// wait returns when the clock has reached deadline or, on the real clock, when
// wake receives. The loop calls it only when no callback is ready. The virtual
// clock never waits: it jumps to the deadline.
func (c *Clock) wait(deadline time.Duration, wake <-chan struct{}) {
	if c.virtual {
		if deadline != forever && deadline > c.now {
			c.now = deadline
		}
		return
	}
	if deadline == forever {
		<-wake
		return
	}
	d := deadline - c.Now()
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-wake:
	}
}
