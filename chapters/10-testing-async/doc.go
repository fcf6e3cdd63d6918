// Package testingasync shows how the course's own tests stay deterministic:
// fake time with testing/synctest and with the event loop's virtual clock, leak
// checks with goleak, and the flags -race, -shuffle, -count and -timeout.
//
// Its code is small on purpose. [Recorder] collects events from several
// goroutines with the time they happened and compares them in a way that
// ignores what no test can rely on: the order of goroutines woken at the same
// instant. [Heartbeat] is a ticker-driven function to test; [Debouncer] is the
// chapter's exercise.
package testingasync
