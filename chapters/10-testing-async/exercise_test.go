package testingasync_test

import (
	"slices"
	"testing"
	"testing/synctest"
	"time"

	"github.com/asyncgo/course/chapters/10-testing-async"
)

// debounced returns a Debouncer with a 100 ms quiet period whose calls are
// recorded in rec.
func debounced(rec *testingasync.Recorder) *testingasync.Debouncer {
	return testingasync.NewDebouncer(100*time.Millisecond, func() { rec.Record("f") })
}

// wantTimeline waits until the bubble is quiet, then compares the timeline.
func wantTimeline(t *testing.T, rec *testingasync.Recorder, want ...string) {
	t.Helper()
	synctest.Wait() // f runs on a goroutine of its own: let it finish
	if got := rec.Timeline(); !slices.Equal(got, want) {
		t.Errorf("at %v the calls of f are %q, want %q", elapsed(), got, want)
	}
}

// elapsed reports the fake time since the bubble started: every bubble's
// clock starts at midnight UTC, 1 January 2000.
func elapsed() time.Duration {
	return time.Since(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
}

// A burst of three triggers, 30 ms apart: f runs once, 100 ms after the last.
func TestDebouncerBurst(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		rec := testingasync.NewRecorder(nil)
		db := debounced(rec)
		for range 3 {
			db.Trigger()
			time.Sleep(30 * time.Millisecond)
		}
		// The last trigger was at 60 ms; now it is 90 ms.
		time.Sleep(69 * time.Millisecond)
		wantTimeline(t, rec) // 159 ms: not yet
		time.Sleep(time.Millisecond)
		wantTimeline(t, rec, "160ms f")
		time.Sleep(time.Hour)
		wantTimeline(t, rec, "160ms f") // and only once
	})
}

// Two bursts with a quiet period between them: f runs once for each.
func TestDebouncerTwoBursts(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		rec := testingasync.NewRecorder(nil)
		db := debounced(rec)
		db.Trigger()
		time.Sleep(250 * time.Millisecond)
		db.Trigger()
		db.Trigger()
		time.Sleep(time.Second)
		wantTimeline(t, rec, "100ms f", "350ms f")
	})
}

// Stop cancels the pending call and reports whether there was one.
func TestDebouncerStop(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		rec := testingasync.NewRecorder(nil)
		db := debounced(rec)
		if db.Stop() {
			t.Error("Stop before any Trigger = true, want false")
		}
		db.Trigger()
		time.Sleep(50 * time.Millisecond)
		if !db.Stop() {
			t.Error("Stop with a call pending = false, want true")
		}
		time.Sleep(time.Second)
		wantTimeline(t, rec)

		db.Trigger() // a stopped Debouncer can be triggered again
		time.Sleep(time.Second)
		wantTimeline(t, rec, "1.15s f")
		if db.Stop() {
			t.Error("Stop after f has run = true, want false")
		}
	})
}
