//go:build learn

package servers

import (
	"context"
	"net"
	"net/http"
	"time"
)

// Serve serves HTTP on ln with h until ctx is done, then shuts down
// gracefully:
//
//   - it stops accepting at once: ln is closed, and new connections are
//     refused;
//   - requests in flight get up to grace to finish, and their contexts are
//     not canceled when ctx is done;
//   - when grace runs out, it closes the connections still busy, which
//     cancels their requests' contexts, and returns how many requests were
//     still running, with an error that wraps context.DeadlineExceeded.
//
// Serve returns only after every handler has returned, so handlers must
// return once their request's context is done. After a clean shutdown it
// returns 0 and nil: http.ErrServerClosed is not a failure. If accepting
// fails before ctx is done, Serve shuts down in the same way and returns
// that failure too.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, grace time.Duration) (cutOff int, err error) {
	// TODO: serve ln with h in a goroutine, wait for ctx, then Shutdown with
	// a grace period of its own; after it, Close, and wait for the handlers.
	return 0, nil
}
