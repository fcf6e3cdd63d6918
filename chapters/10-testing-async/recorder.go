package testingasync

import (
	"cmp"
	"fmt"
	"slices"
	"sync"
	"time"
)

// An Event is something that happened, and when: At is measured from the
// start of the [Recorder] that recorded it.
type Event struct {
	At   time.Duration
	What string
}

// String formats e as its time and what happened, such as "1.5s tick".
func (e Event) String() string { return fmt.Sprintf("%v %s", e.At, e.What) }

// A Recorder collects events from any number of goroutines and stamps each
// one with the time it was recorded. Its zero value is not usable; call
// [NewRecorder].
type Recorder struct {
	now    func() time.Duration
	mu     sync.Mutex
	events []Event
}

// NewRecorder returns a recorder that reads the time from now. A nil now
// means the time since NewRecorder was called, read from time.Now: inside a
// testing/synctest bubble that is the bubble's fake clock, so the stamps are
// exact. On chapter 03's event loop, pass the loop's Now method.
func NewRecorder(now func() time.Duration) *Recorder {
	if now == nil {
		start := time.Now()
		now = func() time.Duration { return time.Since(start) }
	}
	return &Recorder{now: now}
}

// Record adds an event that happens now. It is safe for concurrent use.
func (r *Recorder) Record(what string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, Event{At: r.now(), What: what})
}

// Events returns a copy of the events in the order they were recorded.
// Between goroutines that order is only as deterministic as the code that
// produced it: two goroutines woken at the same instant record in either
// order.
func (r *Recorder) Events() []Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.events)
}

// Timeline returns the events as strings, ordered by time and, within the
// same instant, by text. So it compares equal from run to run whenever each
// event happens at a deterministic time, whatever order goroutines woken
// together ran in. When the order within an instant matters, make it
// deterministic in the code (hand over with a channel) and check Events.
func (r *Recorder) Timeline() []string {
	events := r.Events()
	slices.SortStableFunc(events, func(a, b Event) int {
		return cmp.Or(cmp.Compare(a.At, b.At), cmp.Compare(a.What, b.What))
	})
	lines := make([]string, len(events))
	for i, e := range events {
		lines[i] = e.String()
	}
	return lines
}
