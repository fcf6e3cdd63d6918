//go:build learn

package pitfallsii

// SafeGo runs fn in a new goroutine and returns a channel that receives
// exactly one value and is then closed: fn's error, a *PanicError if fn
// panicked, or ErrGoexit if fn called runtime.Goexit. The channel has room
// for that value, so the goroutine finishes even if nobody ever receives.
func SafeGo(fn func() error) <-chan error {
	// TODO: start a goroutine that runs fn. In that goroutine, defer a
	// function that recovers a panic into a *PanicError (with the stack from
	// runtime/debug.Stack), tells a Goexit apart from a normal return, sends
	// exactly one error and closes the channel.
	return nil
}
