package pitfallsii

import (
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"
	"testing/synctest"
)

// receiveAll drains errc and returns what it received. Inside a synctest
// bubble, a SafeGo that never sends or never closes is reported as a deadlock
// of the bubble at once, instead of hanging the test until -timeout.
func receiveAll(t *testing.T, errc <-chan error) []error {
	t.Helper()
	if errc == nil {
		t.Fatal("SafeGo returned a nil channel")
	}
	var got []error
	for err := range errc {
		got = append(got, err)
	}
	return got
}

func TestSafeGoReturnsTheError(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		got := receiveAll(t, SafeGo(func() error { return io.ErrUnexpectedEOF }))
		if len(got) != 1 || got[0] != io.ErrUnexpectedEOF {
			t.Errorf("got %v, want exactly [%v]", got, io.ErrUnexpectedEOF)
		}
	})
}

func TestSafeGoReturnsNil(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		got := receiveAll(t, SafeGo(func() error { return nil }))
		if len(got) != 1 || got[0] != nil {
			t.Errorf("got %v, want exactly one nil", got)
		}
	})
}

func TestSafeGoRecoversAPanic(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		got := receiveAll(t, SafeGo(func() error {
			fields := strings.Split("ann", ",")
			_ = fields[1] // index out of range
			return nil
		}))
		if len(got) != 1 {
			t.Fatalf("got %d values %v, want exactly one", len(got), got)
		}
		var pe *PanicError
		if !errors.As(got[0], &pe) {
			t.Fatalf("got %T %v, want a *PanicError", got[0], got[0])
		}
		if !strings.Contains(pe.Error(), "index out of range [1] with length 1") {
			t.Errorf("Error() = %q, want the panic message", pe.Error())
		}
		// The stack is the panicking goroutine's, so it names the function
		// that panicked.
		if !strings.Contains(string(pe.Stack), "TestSafeGoRecoversAPanic") {
			t.Errorf("the stack does not name the panicking function:\n%s", pe.Stack)
		}
		// A runtime error is an error value: errors.As sees through the panic.
		var re runtime.Error
		if !errors.As(got[0], &re) {
			t.Errorf("errors.As(err, *runtime.Error) = false; want PanicError to unwrap to the runtime error")
		}
	})
}

func TestSafeGoPanicWithAnErrorValue(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		got := receiveAll(t, SafeGo(func() error { panic(io.ErrClosedPipe) }))
		if len(got) != 1 || !errors.Is(got[0], io.ErrClosedPipe) {
			t.Errorf("got %v, want one error that errors.Is io.ErrClosedPipe", got)
		}
	})
}

// Since Go 1.21, panic(nil) panics with a *runtime.PanicNilError, so a
// recover does not mistake it for no panic at all.
func TestSafeGoPanicNil(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		got := receiveAll(t, SafeGo(func() error { panic(nil) }))
		var pn *runtime.PanicNilError
		if len(got) != 1 || !errors.As(got[0], &pn) {
			t.Errorf("got %v, want one *PanicError wrapping a *runtime.PanicNilError", got)
		}
	})
}

func TestSafeGoGoexit(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		got := receiveAll(t, SafeGo(func() error {
			runtime.Goexit() // what t.FailNow does
			return nil
		}))
		if len(got) != 1 || !errors.Is(got[0], ErrGoexit) {
			t.Errorf("got %v, want exactly [%v]", got, ErrGoexit)
		}
	})
}

// Nobody receives: the goroutine must still finish, or goleak (in TestMain)
// reports it, and the bubble reports it as blocked.
func TestSafeGoNobodyListens(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		if SafeGo(func() error { return io.EOF }) == nil {
			t.Fatal("SafeGo returned a nil channel")
		}
		if SafeGo(func() error { panic("nobody will know") }) == nil {
			t.Fatal("SafeGo returned a nil channel")
		}
		synctest.Wait() // both goroutines have finished or are blocked
	})
}

// Many at once, under -race: no shared state between the goroutines.
func TestSafeGoConcurrent(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
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
			for _, err := range receiveAll(t, c) {
				if _, ok := err.(*PanicError); ok {
					panics++
				}
			}
		}
		if panics != n/2 {
			t.Errorf("got %d panics, want %d", panics, n/2)
		}
	})
}
