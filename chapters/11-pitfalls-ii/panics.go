package pitfallsii

import (
	"errors"
	"fmt"
)

// ErrGoexit is the error SafeGo reports when its function called
// runtime.Goexit (t.FailNow does) instead of returning.
var ErrGoexit = errors.New("goroutine called runtime.Goexit")

// PanicError is a panic that was recovered in the goroutine where it happened
// and turned into an error, so that another goroutine can receive it.
type PanicError struct {
	Value any    // the value passed to panic
	Stack []byte // the panicking goroutine's stack, from runtime/debug.Stack
}

// Error returns the panic value, as the runtime would print it.
func (e *PanicError) Error() string {
	return fmt.Sprintf("panic: %v", e.Value)
}

// Unwrap returns the panic value if it is an error, so that errors.Is and
// errors.As see through the panic; otherwise it returns nil.
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}
