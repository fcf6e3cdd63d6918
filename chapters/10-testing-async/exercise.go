//go:build learn

package testingasync

import "time"

// A Debouncer calls a function once a burst of triggers has gone quiet: f
// runs d after the last [Debouncer.Trigger], once per burst, on a goroutine
// of its own.
type Debouncer struct {
	// TODO: the fields you need.
}

// NewDebouncer returns a Debouncer that calls f once d has passed without a
// call to Trigger.
func NewDebouncer(d time.Duration, f func()) *Debouncer {
	// TODO
	return &Debouncer{}
}

// Trigger starts the wait, or starts it again if it is already running.
func (db *Debouncer) Trigger() {
	// TODO
}

// Stop cancels a pending call of f. It reports whether it did: false when
// nothing was pending (no trigger since f last ran).
func (db *Debouncer) Stop() bool {
	// TODO
	return false
}
