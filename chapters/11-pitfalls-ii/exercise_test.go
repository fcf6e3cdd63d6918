package pitfallsii

import (
	"io"
	"runtime"
	"testing"
	"testing/synctest"
	"time"

	"github.com/asyncgo/course/chapters/internal/bubble"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// leftBlocked is what a deadlocked bubble means in these tests.
const leftBlocked = "SafeGo's goroutine is still blocked when the test ends: give the channel room " +
	"for its one value (make(chan error, 1)), send exactly once, then close it."

// receiveAll receives from errc until it is closed, for at most an hour of
// fake time, and returns what it received. A SafeGo that never closes its
// channel fails the test with a message, instead of blocking it for good.
func receiveAll(t *testing.T, errc <-chan error) []error {
	t.Helper()
	require.NotNil(t, errc, "SafeGo returned a nil channel: make one with make(chan error, 1)")
	var got []error
	timeout := time.After(time.Hour)
	for {
		select {
		case err, ok := <-errc:
			if !ok {
				return got
			}
			got = append(got, err)
		case <-timeout:
			require.FailNowf(t, "the channel is never closed",
				"received %v, and the channel was still open after 1h of fake time: "+
					"close it after sending the one value (defer close(errc))", got)
		}
	}
}

// receiveOne receives everything from errc and checks it was exactly one value.
func receiveOne(t *testing.T, errc <-chan error) error {
	t.Helper()
	got := receiveAll(t, errc)
	require.Len(t, got, 1, "the channel must receive exactly one value, then be closed")
	return got[0]
}

func TestSafeGoReturnsTheError(t *testing.T) {
	bubble.Test(t, leftBlocked, func(t *testing.T) {
		err := receiveOne(t, SafeGo(func() error { return io.ErrUnexpectedEOF }))
		assert.Equal(t, io.ErrUnexpectedEOF, err, "send fn's error as it is")
	})
}

func TestSafeGoReturnsNil(t *testing.T) {
	bubble.Test(t, leftBlocked, func(t *testing.T) {
		err := receiveOne(t, SafeGo(func() error { return nil }))
		assert.NoError(t, err, "fn returned nil: send nil")
	})
}

// SafeGo returns at once: fn runs in a new goroutine, and here it is still
// running (waiting to be released) when SafeGo returns.
func TestSafeGoRunsFnInANewGoroutine(t *testing.T) {
	bubble.Test(t, leftBlocked, func(t *testing.T) {
		release := make(chan struct{})
		started := make(chan (<-chan error), 1)
		go func() { started <- SafeGo(func() error { <-release; return nil }) }()
		select {
		case errc := <-started:
			close(release)
			assert.NoError(t, receiveOne(t, errc))
		case <-time.After(time.Hour):
			close(release)
			t.Error("SafeGo did not return while fn was still running: run fn in a new goroutine (go func() { ... }())")
		}
	})
}

func TestSafeGoRecoversAPanic(t *testing.T) {
	bubble.Test(t, leftBlocked, func(t *testing.T) {
		err := receiveOne(t, SafeGo(func() error {
			var fields []string
			_ = fields[1] // index out of range
			return nil
		}))
		var pe *PanicError
		require.ErrorAs(t, err, &pe, "fn panicked: recover() in a deferred function, and send a *PanicError")
		assert.Contains(t, pe.Error(), "index out of range [1] with length 0", "Value must hold what recover() returned")
		// The stack is the panicking goroutine's, so it names the function
		// that panicked.
		assert.Contains(t, string(pe.Stack), "TestSafeGoRecoversAPanic",
			"Stack must be the panicking goroutine's: call debug.Stack() in the deferred function that recovers")
		// A runtime error is an error value: errors.As sees through the panic.
		var re runtime.Error
		assert.ErrorAs(t, err, &re, "PanicError must unwrap to the runtime error: keep the value recover() returned")
	})
}

func TestSafeGoPanicWithAnErrorValue(t *testing.T) {
	bubble.Test(t, leftBlocked, func(t *testing.T) {
		err := receiveOne(t, SafeGo(func() error { panic(io.ErrClosedPipe) }))
		assert.ErrorIs(t, err, io.ErrClosedPipe, "the panic value is an error: errors.Is must see it through the PanicError")
	})
}

// Since Go 1.21, panic(nil) panics with a *runtime.PanicNilError, so a
// recover does not mistake it for no panic at all.
func TestSafeGoPanicNil(t *testing.T) {
	bubble.Test(t, leftBlocked, func(t *testing.T) {
		err := receiveOne(t, SafeGo(func() error { panic(nil) }))
		var pn *runtime.PanicNilError
		assert.ErrorAs(t, err, &pn, "panic(nil) is a panic too: send a *PanicError wrapping a *runtime.PanicNilError")
	})
}

func TestSafeGoGoexit(t *testing.T) {
	bubble.Test(t, leftBlocked, func(t *testing.T) {
		err := receiveOne(t, SafeGo(func() error {
			runtime.Goexit() // what t.FailNow does
			return nil
		}))
		assert.ErrorIs(t, err, ErrGoexit, "fn neither returned nor panicked: with recover() nil and no normal return, "+
			"send ErrGoexit (set a flag after fn returns to tell them apart)")
	})
}

// Nobody receives: the goroutine must still send its value and finish. The
// value then waits in the channel's buffer.
func TestSafeGoNobodyListens(t *testing.T) {
	bubble.Test(t, leftBlocked, func(t *testing.T) {
		chans := []<-chan error{
			SafeGo(func() error { return io.EOF }),
			SafeGo(func() error { panic("nobody will know") }),
		}
		synctest.Wait() // both goroutines have finished, or are blocked
		for _, errc := range chans {
			require.NotNil(t, errc, "SafeGo returned a nil channel: make one with make(chan error, 1)")
			assert.GreaterOrEqual(t, cap(errc), 1, "the channel must have room for the one value: make(chan error, 1)")
			assert.Equal(t, 1, len(errc), "with nobody receiving, the one value must already wait in the channel's buffer")
			receiveAll(t, errc) // releases a goroutine stuck on its send, if any
		}
	})
}

// Many at once, under -race: no shared state between the goroutines.
func TestSafeGoConcurrent(t *testing.T) {
	bubble.Test(t, leftBlocked, func(t *testing.T) {
		const n = 100
		chans := make([]<-chan error, n)
		for i := range n {
			chans[i] = SafeGo(func() error {
				if i%2 == 0 {
					panic(i)
				}
				return nil
			})
		}
		panics := 0
		for _, c := range chans {
			if _, ok := receiveOne(t, c).(*PanicError); ok {
				panics++
			}
		}
		assert.Equal(t, n/2, panics, "every other call panics")
	})
}
