package coroutines

import (
	"bytes"
	"strings"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// lines splits what was logged into lines, dropping the final newline.
func lines(b *bytes.Buffer) []string {
	if b.Len() == 0 {
		return nil
	}
	return strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
}

func wantLog(t *testing.T, step string, b *bytes.Buffer, want ...string) {
	t.Helper()
	require.Equal(t, want, lines(b), "%s: the log", step)
}

func TestBodyRunsOnlyWhenResumed(t *testing.T) {
	var log bytes.Buffer
	co := Countdown(&log, "a", 2)
	defer co.Stop()
	wantLog(t, "after New", &log)

	if n, ok := co.Resume(); n != 2 || !ok {
		t.Fatalf("first Resume = %d, %v; want 2, true", n, ok)
	}
	wantLog(t, "after one Resume", &log, "a: start", "a: yield 2")

	co.Resume()
	if n, ok := co.Resume(); n != 0 || ok {
		t.Fatalf("Resume at the end = %d, %v; want 0, false", n, ok)
	}
	wantLog(t, "at the end", &log, "a: start", "a: yield 2", "a: yield 1", "a: end")
	if _, ok := co.Resume(); ok {
		t.Fatal("Resume after the end reported a value")
	}
}

func TestInterleavingFollowsResumes(t *testing.T) {
	var log bytes.Buffer
	a, b := Countdown(&log, "a", 2), Countdown(&log, "b", 2)
	defer a.Stop()
	defer b.Stop()
	// The caller decides the order; the log must follow it exactly.
	for _, co := range []*Coroutine[int]{b, a, a, b, a, b} {
		co.Resume()
		log.WriteString("main\n")
	}
	wantLog(t, "interleaved", &log,
		"b: start", "b: yield 2", "main",
		"a: start", "a: yield 2", "main",
		"a: yield 1", "main",
		"b: yield 1", "main",
		"a: end", "main",
		"b: end", "main",
	)
}

func TestStopReleasesTheGoroutine(t *testing.T) {
	before := goleak.IgnoreCurrent()
	var log bytes.Buffer
	co := Countdown(&log, "a", 3)
	co.Resume()
	co.Stop()
	// Stop returns only after coroexit has destroyed the goroutine (runtime/coro.go).
	goleak.VerifyNone(t, before)
	wantLog(t, "after Stop", &log, "a: start", "a: yield 3", "a: stopped", "a: end")
}

func TestWithoutStopTheGoroutineStaysParked(t *testing.T) {
	for _, resumes := range []int{0, 1} {
		before := goleak.IgnoreCurrent()
		co := Countdown(&bytes.Buffer{}, "a", 3)
		for range resumes {
			co.Resume()
		}
		err := goleak.Find(before)
		if err == nil {
			t.Fatalf("after %d resumes and no Stop: goleak found no goroutine", resumes)
		}
		if !strings.Contains(err.Error(), "in state coroutine") {
			t.Errorf("after %d resumes: want a goroutine parked in state coroutine, got:\n%v", resumes, err)
		}
		co.Stop()
		goleak.VerifyNone(t, before)
	}
}

func TestStopBeforeResumeSkipsTheBody(t *testing.T) {
	var log bytes.Buffer
	co := Countdown(&log, "a", 3)
	co.Stop()
	co.Stop() // harmless
	if _, ok := co.Resume(); ok {
		t.Fatal("Resume after Stop reported a value")
	}
	wantLog(t, "after Stop", &log)
}

func TestGoStartsAtOnceCoroutineWaits(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		goroutineRan, coroutineRan := false, false
		go func() { goroutineRan = true }()
		co := New(func(yield func(struct{}) bool) { coroutineRan = true })
		defer co.Stop()

		synctest.Wait() // every other goroutine in the bubble has finished or is parked
		if !goroutineRan {
			t.Error("the goroutine has not run, yet nobody needs to await it")
		}
		if coroutineRan {
			t.Error("the coroutine ran before anyone resumed it")
		}
		co.Resume()
		if !coroutineRan {
			t.Error("Resume returned before the body ran")
		}
	})
}

func TestPanicReachesResume(t *testing.T) {
	before := goleak.IgnoreCurrent()
	co := New(func(yield func(int) bool) {
		yield(1)
		panic("boom")
	})
	co.Resume()
	func() {
		defer func() {
			if got := recover(); got != "boom" {
				t.Errorf("Resume panicked with %v, want boom", got)
			}
		}()
		co.Resume()
	}()
	goleak.VerifyNone(t, before)
}
