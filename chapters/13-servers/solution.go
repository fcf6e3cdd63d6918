//go:build !learn

package servers

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
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
	var running atomic.Int64 // handlers running now
	var conns sync.WaitGroup // connections not yet closed
	srv := &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			running.Add(1)
			defer running.Add(-1)
			h.ServeHTTP(w, r)
		}),
		// The Serve goroutine reports StateNew before it starts the
		// connection's goroutine, so every Add happens before Serve
		// returns; StateClosed comes after the connection's last handler
		// has returned.
		ConnState: func(_ net.Conn, state http.ConnState) {
			switch state {
			case http.StateNew:
				conns.Add(1)
			case http.StateClosed, http.StateHijacked:
				conns.Done()
			}
		},
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	var failed error
	select {
	case <-ctx.Done():
	case err := <-served: // accepting failed
		failed = fmt.Errorf("serve: %w", err)
	}

	// ctx is done: Shutdown needs a context of its own for the grace period.
	graceCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), grace)
	defer cancel()
	err = srv.Shutdown(graceCtx)
	if errors.Is(err, context.DeadlineExceeded) {
		cutOff = int(running.Load())
		srv.Close() // closes the busy connections: their requests' contexts are canceled
		err = fmt.Errorf("serve: grace period of %v over, %d requests cut off: %w", grace, cutOff, err)
	} else if err != nil {
		err = fmt.Errorf("serve: shutdown: %w", err)
	}
	if failed == nil {
		<-served // http.ErrServerClosed, since Shutdown began
	}
	conns.Wait() // every handler has returned
	return cutOff, errors.Join(failed, err)
}
