//go:build !learn

package pitfallsii

import "runtime/debug"

// SafeGo runs fn in a new goroutine and returns a channel that receives
// exactly one value and is then closed: fn's error, a *PanicError if fn
// panicked, or ErrGoexit if fn called runtime.Goexit. The channel has room
// for that value, so the goroutine finishes even if nobody ever receives.
func SafeGo(fn func() error) <-chan error {
	errc := make(chan error, 1)
	go func() {
		defer close(errc)
		returned := false
		defer func() {
			if v := recover(); v != nil {
				errc <- &PanicError{Value: v, Stack: debug.Stack()}
			} else if !returned {
				errc <- ErrGoexit
			}
		}()
		err := fn()
		returned = true
		errc <- err
	}()
	return errc
}
