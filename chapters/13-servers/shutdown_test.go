package servers

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"syscall"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A real server on loopback, a request in flight, and Shutdown: Serve
// returns http.ErrServerClosed at once, a new connection is refused, and
// Shutdown waits until the request in flight has its full answer.
func TestShutdownDrainsARequestInFlight(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	started, finish := make(chan struct{}), make(chan struct{})
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-finish // the work takes as long as the test says
		io.WriteString(w, "finished")
	})}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()
	type reply struct {
		body  string
		close bool // the response said Connection: close
		err   error
	}
	replies := make(chan reply, 1)
	go func() {
		resp, err := client.Get("http://" + addr)
		if err != nil {
			replies <- reply{err: err}
			return
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		replies <- reply{string(body), resp.Close, err}
	}()
	<-started // the request is in flight

	// A guard against a hang, not a speed check: Shutdown needs no time here.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	shutdown := make(chan error, 1)
	go func() { shutdown <- srv.Shutdown(ctx) }()

	// Serve returns as soon as Shutdown has closed the listener...
	assert.ErrorIs(t, <-served, http.ErrServerClosed, "Serve's error after Shutdown")
	// ...so a new connection is refused...
	if conn, err := net.Dial("tcp", addr); err == nil {
		conn.Close()
		t.Error("a new connection was accepted after Shutdown closed the listener")
	} else {
		assert.ErrorIs(t, err, syscall.ECONNREFUSED, "a dial after Shutdown")
	}
	// ...while Shutdown still waits for the request in flight.
	select {
	case err := <-shutdown:
		t.Fatalf("Shutdown returned %v with a request in flight", err)
	default:
	}

	close(finish)
	r := <-replies
	require.NoError(t, r.err, "the request in flight")
	assert.Equal(t, "finished", r.body, "the request in flight gets its whole answer")
	assert.True(t, r.close, "an answer written during Shutdown says Connection: close")
	assert.NoError(t, <-shutdown, "Shutdown returns nil once no request is left")
}

// Shutdown honours its context's deadline, and cancels nothing: when the
// grace period is over it returns context.DeadlineExceeded and leaves the
// request running. Close then closes its connection, which cancels the
// request's context. On fake time, over an in-memory network.
func TestShutdownGivesUpAtItsDeadline(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		canceledAt := make(chan time.Duration, 1)
		srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			<-r.Context().Done() // a request that never finishes on its own
			canceledAt <- time.Since(start)
		})}
		ln := newPipeListener(t)
		go srv.Serve(ln)
		failed := make(chan error, 1)
		go func() {
			_, err := ln.Client.Get("http://pipe/")
			failed <- err
		}()
		synctest.Wait() // the request is in flight

		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		err := srv.Shutdown(ctx)
		assert.ErrorIs(t, err, context.DeadlineExceeded, "Shutdown's error when its deadline passes first")
		assert.Equal(t, 5*time.Second, time.Since(start), "Shutdown returns at its deadline")
		synctest.Wait()
		assert.Empty(t, canceledAt, "Shutdown cancels no request")

		srv.Close()
		assert.Equal(t, 5*time.Second, <-canceledAt, "Close cancels the request's context at once")
		assert.Error(t, <-failed, "the client of a request cut off gets an error")
	})
}

// Shutdown neither waits for nor closes a hijacked connection (a WebSocket,
// say): it returns at once. A function registered with RegisterOnShutdown is
// how such a connection hears of the shutdown.
func TestShutdownAndAHijackedConnection(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := &http.Server{}
		shuttingDown := make(chan struct{})
		srv.RegisterOnShutdown(func() { close(shuttingDown) }) // runs in its own goroutine
		srv.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			conn, buf, err := http.NewResponseController(w).Hijack()
			if err != nil {
				t.Error(err)
				return
			}
			go func() { // the connection now belongs to this goroutine, not to the server
				defer conn.Close()
				buf.WriteString("HTTP/1.1 101 Switching Protocols\r\nUpgrade: chat\r\nConnection: Upgrade\r\n\r\n")
				buf.Flush()
				<-shuttingDown
				buf.WriteString("server going away\n")
				buf.Flush()
			}()
		})
		ln := newPipeListener(t)
		go srv.Serve(ln)

		conn, err := ln.DialContext(t.Context(), "tcp", "pipe")
		require.NoError(t, err)
		defer conn.Close()
		io.WriteString(conn, "GET /chat HTTP/1.1\r\nHost: pipe\r\nConnection: Upgrade\r\nUpgrade: chat\r\n\r\n")
		r := bufio.NewReader(conn)
		resp, err := http.ReadResponse(r, nil)
		require.NoError(t, err)
		require.Equal(t, http.StatusSwitchingProtocols, resp.StatusCode)

		start := time.Now()
		require.NoError(t, srv.Shutdown(context.Background()), "Shutdown with only a hijacked connection")
		assert.Zero(t, time.Since(start), "Shutdown does not wait for a hijacked connection")
		line, err := r.ReadString('\n')
		require.NoError(t, err, "the hijacked connection is still open after Shutdown")
		assert.Equal(t, "server going away\n", line, "the RegisterOnShutdown function told the connection's goroutine")
	})
}
