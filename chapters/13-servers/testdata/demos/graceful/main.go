// Command graceful serves uploads until SIGINT or SIGTERM, then shuts down
// gracefully: it stops accepting, lets the uploads in flight finish within a
// grace period, and exits 0.
package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"demos/upload"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "graceful:", err)
		os.Exit(1) // after run's deferred calls have run
	}
}

func run() error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: http.HandlerFunc(upload.Handler)}
	srv.RegisterOnShutdown(func() { fmt.Println("shutdown: listener closed") })
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	fmt.Println("listening on", ln.Addr())

	select {
	case err := <-served:
		return err // serving failed before any signal
	case <-ctx.Done():
	}
	stop() // from now on, a second Ctrl-C kills the program at once
	fmt.Printf("signal: %v; shutting down\n", context.Cause(ctx))

	// ctx is done: the grace period needs a context of its own.
	grace, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(grace); err != nil {
		srv.Close() // the grace period is over: cut off what is left
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Println("shutdown: complete")
	return nil
}
