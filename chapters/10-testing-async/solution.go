//go:build !learn

package testingasync

import (
	"sync"
	"time"
)

// A Debouncer calls a function once a burst of triggers has gone quiet: f
// runs d after the last [Debouncer.Trigger], once per burst, on a goroutine
// of its own.
type Debouncer struct {
	d     time.Duration
	f     func()
	mu    sync.Mutex
	timer *time.Timer // nil until the first Trigger
}

// NewDebouncer returns a Debouncer that calls f once d has passed without a
// call to Trigger.
func NewDebouncer(d time.Duration, f func()) *Debouncer {
	return &Debouncer{d: d, f: f}
}

// Trigger starts the wait, or starts it again if it is already running.
func (db *Debouncer) Trigger() {
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.timer == nil {
		db.timer = time.AfterFunc(db.d, db.f)
		return
	}
	db.timer.Reset(db.d) // runs f again after a burst that has already fired
}

// Stop cancels a pending call of f. It reports whether it did: false when
// nothing was pending (no trigger since f last ran).
func (db *Debouncer) Stop() bool {
	db.mu.Lock()
	defer db.mu.Unlock()
	return db.timer != nil && db.timer.Stop()
}
