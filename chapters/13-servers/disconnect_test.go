package servers

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// A real server on loopback. The handler waits for its request's context;
// the client gives up; its transport closes the connection, the server
// reads the end of it, and cancels the request's context. Channels order
// every step: no sleep, no timeout.
func Example_clientGoesAway() {
	started := make(chan struct{})
	stopped := make(chan error, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-r.Context().Done() // a real handler selects on this beside its work
		stopped <- r.Context().Err()
	}))
	defer srv.Close()

	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL, nil)
	failed := make(chan error, 1)
	go func() {
		resp, err := srv.Client().Do(req)
		if err == nil {
			resp.Body.Close()
		}
		failed <- err
	}()

	<-started
	cancel() // the client goes away
	fmt.Println("client gave up:", errors.Is(<-failed, context.Canceled))
	fmt.Println("handler's context:", <-stopped)
	// Output:
	// client gave up: true
	// handler's context: context canceled
}

// deafReport does five one-second steps of work for a request and never
// looks at its context: it works on for a client that has gone.
func deafReport(w http.ResponseWriter, r *http.Request) {
	for range 5 {
		time.Sleep(time.Second) // one step of work
	}
	io.WriteString(w, "report")
}

// watchfulReport does the same steps, each in a select with the request's
// context, so it stops the moment the client goes away.
func watchfulReport(w http.ResponseWriter, r *http.Request) {
	for range 5 {
		select {
		case <-time.After(time.Second): // one step of work
		case <-r.Context().Done():
			return // nobody is waiting for the report
		}
	}
	io.WriteString(w, "report")
}

// The client gives up after 2.5s. The deaf handler works until 5s for
// nobody; the watchful one stops at 2.5s, the moment the server reads that
// the connection is gone. On fake time, over an in-memory network.
func TestHandlerAfterTheClientLeft(t *testing.T) {
	tests := []struct {
		name    string
		handler http.HandlerFunc
		wantEnd time.Duration
	}{
		{"deaf", deafReport, 5 * time.Second},
		{"watchful", watchfulReport, 2500 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				start := time.Now()
				ended := make(chan time.Duration, 1)
				srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					tt.handler(w, r)
					ended <- time.Since(start)
				})}
				ln := newPipeListener(t)
				go srv.Serve(ln)
				defer srv.Close()

				ctx, cancel := context.WithTimeout(t.Context(), 2500*time.Millisecond)
				defer cancel()
				req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://pipe/report", nil)
				_, err := ln.Client.Do(req)
				assert.ErrorIs(t, err, context.DeadlineExceeded, "the client gives up at 2.5s")
				assert.Equal(t, tt.wantEnd, <-ended, "when the handler returned")
			})
		})
	}
}
