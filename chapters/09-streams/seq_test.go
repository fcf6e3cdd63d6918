package streams

import (
	"bytes"
	"iter"
	"runtime"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"go.uber.org/goleak"
)

// goroutineID returns the number of the calling goroutine, read from the
// first line of its stack trace ("goroutine 7 [running]:"). Tests only.
func goroutineID(t *testing.T) int {
	t.Helper()
	buf := make([]byte, 64)
	buf = buf[:runtime.Stack(buf, false)]
	fields := bytes.Fields(buf)
	if len(fields) < 2 {
		t.Fatalf("unexpected stack header %q", buf)
	}
	id, err := strconv.Atoi(string(fields[1]))
	if err != nil {
		t.Fatalf("stack header %q: %v", buf, err)
	}
	return id
}

// TestRangeFuncRunsOnCallersGoroutine shows that a push iterator is a plain
// function call: the iterator body and the loop body run on the same
// goroutine. iter.Pull is different: it runs the iterator on a goroutine of
// its own (a runtime coroutine, see chapter 01).
func TestRangeFuncRunsOnCallersGoroutine(t *testing.T) {
	var inIterator int
	seq := func(yield func(int) bool) {
		inIterator = goroutineID(t)
		yield(1)
	}
	for range seq {
		if loop := goroutineID(t); loop != inIterator {
			t.Errorf("range over func: loop body on goroutine %d, iterator on %d; want the same", loop, inIterator)
		}
	}

	next, stop := iter.Pull(iter.Seq[int](seq))
	defer stop()
	next()
	if caller := goroutineID(t); caller == inIterator {
		t.Errorf("iter.Pull: iterator ran on the caller's goroutine %d; want its own", caller)
	}
}

// TestEarlyBreakRunsCleanup checks when the iterator's deferred cleanup runs:
// once, before the statement after the loop, however the loop ends.
func TestEarlyBreakRunsCleanup(t *testing.T) {
	var log []string
	cleanup := func() { log = append(log, "cleanup") }

	for n := range Numbers(5, cleanup) {
		log = append(log, strconv.Itoa(n))
		if n == 2 {
			break
		}
	}
	log = append(log, "after break")

	for range Numbers(2, cleanup) {
	}
	log = append(log, "after full loop")

	func() {
		defer func() { log = append(log, "recovered: "+recover().(string)) }()
		for range Numbers(5, cleanup) {
			panic("boom") // the panic unwinds through the iterator: its defer runs
		}
	}()

	want := []string{"1", "2", "cleanup", "after break", "cleanup", "after full loop", "cleanup", "recovered: boom"}
	if !slices.Equal(log, want) {
		t.Errorf("log = %q\nwant  %q", log, want)
	}
}

// TestAdaptersAreLazy counts the values the source makes: exactly as many as
// the consumer needs, even though the source is endless.
func TestAdaptersAreLazy(t *testing.T) {
	made := 0
	counted := Map(Naturals(), func(n int) int { made++; return n })
	even := func(n int) bool { return n%2 == 0 }

	got := slices.Collect(Take(Filter(counted, even), 3))
	if want := []int{2, 4, 6}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if made != 6 {
		t.Errorf("the source made %d values, want 6 (just enough for three even ones)", made)
	}
}

func TestTake(t *testing.T) {
	tests := []struct {
		n, take int
		want    []int
	}{
		{n: 5, take: 2, want: []int{1, 2}},
		{n: 2, take: 5, want: []int{1, 2}},
		{n: 3, take: 0, want: nil},
		{n: 3, take: -1, want: nil},
	}
	for _, tt := range tests {
		cleanups := 0
		got := slices.Collect(Take(Numbers(tt.n, func() { cleanups++ }), tt.take))
		assert.Equal(t, tt.want, got, "Take(Numbers(%d), %d)", tt.n, tt.take)
		// Take(seq, 0) never starts seq, so there is nothing to clean up.
		assert.Equal(t, min(1, max(tt.take, 0)), cleanups, "Take(Numbers(%d), %d): runs of the cleanup", tt.n, tt.take)
	}
}

// TestZipStopsBothAndLeaksNothing breaks out of a Zip early. Both inputs are
// stopped (their cleanups run) and iter.Pull's goroutines are gone.
func TestZipStopsBothAndLeaksNothing(t *testing.T) {
	before := goleak.IgnoreCurrent()
	var stopped []string
	a := Numbers(10, func() { stopped = append(stopped, "a") })
	b := Numbers(10, func() { stopped = append(stopped, "b") })
	for x, y := range Zip(a, b) {
		if x != y {
			t.Errorf("Zip gave (%d, %d), want equal pairs", x, y)
		}
		if x == 2 {
			break
		}
	}
	assert.ElementsMatch(t, []string{"a", "b"}, stopped, "the iterators Zip stopped")
	if err := goleak.Find(before); err != nil {
		t.Errorf("Zip left goroutines behind: %v", err)
	}
}

func TestZipShorter(t *testing.T) {
	var got []string
	for n, s := range Zip(Naturals(), slices.Values([]string{"x", "y"})) {
		got = append(got, strconv.Itoa(n)+s)
	}
	assert.Equal(t, []string{"1x", "2y"}, got)
}
