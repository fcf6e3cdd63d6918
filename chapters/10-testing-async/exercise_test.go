package testingasync_test

import (
	"slices"
	"testing"
	"testing/synctest"
	"time"

	"github.com/asyncgo/course/chapters/10-testing-async"
	"github.com/asyncgo/course/chapters/internal/bubble"
)

// leftBehind is what a deadlocked bubble means in these tests.
const leftBehind = "A goroutine of the Debouncer is still blocked when the test ends: a goroutine that " +
	"waits for triggers for ever never returns. Use time.AfterFunc, which starts a goroutine only " +
	"when f is due, and Stop or Reset its timer."

// debounced returns a Debouncer with a 100 ms quiet period whose calls are
// recorded in rec.
func debounced(rec *testingasync.Recorder) *testingasync.Debouncer {
	return testingasync.NewDebouncer(100*time.Millisecond, func() { rec.Record("f") })
}

// wantTimeline waits until the bubble is quiet, then compares the timeline.
func wantTimeline(t *testing.T, rec *testingasync.Recorder, msg string, want ...string) {
	t.Helper()
	synctest.Wait() // f runs on a goroutine of its own: let it finish
	if want == nil {
		want = []string{}
	}
	if got := rec.Timeline(); !slices.Equal(got, want) {
		t.Errorf("at %v: %s\nwant: %q\ngot:  %q", elapsed(), msg, want, got)
	}
}

// elapsed reports the fake time since the bubble started: every bubble's
// clock starts at midnight UTC, 1 January 2000.
func elapsed() time.Duration {
	return time.Since(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
}

// A burst of three triggers, 30 ms apart: f runs once, 100 ms after the last.
func TestDebouncerBurst(t *testing.T) {
	bubble.Test(t, leftBehind, func(t *testing.T) {
		rec := testingasync.NewRecorder(nil)
		db := debounced(rec)
		for range 3 {
			db.Trigger()
			time.Sleep(30 * time.Millisecond)
		}
		// The last trigger was at 60 ms; now it is 90 ms.
		time.Sleep(69 * time.Millisecond)
		wantTimeline(t, rec, "f must wait d after the last Trigger: each Trigger starts the wait again (timer.Reset)")
		time.Sleep(time.Millisecond)
		wantTimeline(t, rec, "f runs d after the last Trigger", "160ms f")
		time.Sleep(time.Hour)
		wantTimeline(t, rec, "f runs once per burst", "160ms f")
	})
}

// Two bursts with a quiet period between them: f runs once for each.
func TestDebouncerTwoBursts(t *testing.T) {
	bubble.Test(t, leftBehind, func(t *testing.T) {
		rec := testingasync.NewRecorder(nil)
		db := debounced(rec)
		db.Trigger()
		time.Sleep(250 * time.Millisecond)
		db.Trigger()
		db.Trigger()
		time.Sleep(time.Second)
		wantTimeline(t, rec, "a Trigger after f has run starts a new wait", "100ms f", "350ms f")
	})
}

// Stop cancels the pending call and reports whether there was one.
func TestDebouncerStop(t *testing.T) {
	bubble.Test(t, leftBehind, func(t *testing.T) {
		rec := testingasync.NewRecorder(nil)
		db := debounced(rec)
		if db.Stop() {
			t.Error("Stop before any Trigger reported true: nothing was pending")
		}
		db.Trigger()
		time.Sleep(50 * time.Millisecond)
		if !db.Stop() {
			t.Error("Stop with a call pending reported false: it must report it")
		}
		time.Sleep(time.Second)
		wantTimeline(t, rec, "Stop must cancel the pending call")

		db.Trigger() // a stopped Debouncer can be triggered again
		time.Sleep(time.Second)
		wantTimeline(t, rec, "a stopped Debouncer can be triggered again", "1.15s f")
		if db.Stop() {
			t.Error("Stop after f has run reported true: nothing was pending (timer.Stop reports it)")
		}
	})
}

// f runs on a goroutine of its own: while it is still running (it waits to
// be released), Trigger returns at once and f can run again.
func TestDebouncerRunsFOnItsOwnGoroutine(t *testing.T) {
	bubble.Test(t, leftBehind, func(t *testing.T) {
		rec := testingasync.NewRecorder(nil)
		release := make(chan struct{})
		db := testingasync.NewDebouncer(100*time.Millisecond, func() {
			rec.Record("f")
			<-release
		})
		defer close(release)
		triggered := make(chan struct{})
		go func() {
			db.Trigger()
			time.Sleep(150 * time.Millisecond) // f has started at 100 ms and is still running
			db.Trigger()
			close(triggered)
		}()
		select {
		case <-triggered:
		case <-time.After(time.Hour):
			t.Fatal("Trigger was still blocked after 1h of fake time: it must not wait for f, " +
				"nor for the quiet period: run f later, on a goroutine of its own (time.AfterFunc)")
		}
		if got := elapsed(); got != 150*time.Millisecond {
			t.Errorf("Trigger returned at %v, want 150ms: it must return at once, without waiting for the quiet period", got)
		}
		time.Sleep(time.Second)
		wantTimeline(t, rec, "f runs again while its first call is still running", "100ms f", "250ms f")
	})
}
