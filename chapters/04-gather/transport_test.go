package gather

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
)

// fanOut is the width of every round: 100 requests at once to one host.
const fanOut = 100

// countingServer starts a loopback test server that answers /N with "N"
// and counts the TCP connections it accepts (one per client dial).
// If hold is not nil, every request waits in it before being answered.
func countingServer(t testing.TB, hold func(*http.Request)) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var dials atomic.Int64
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if hold != nil {
			hold(r)
		}
		fmt.Fprint(w, r.URL.Path[1:])
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			dials.Add(1)
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, &dials
}

// barrier holds requests until n of them are waiting, then releases the n.
// While it holds a full round, that round uses n connections at once.
type barrier struct {
	mu      sync.Mutex
	n       int
	waiting int
	release chan struct{}
}

func newBarrier(n int) *barrier { return &barrier{n: n, release: make(chan struct{})} }

func (b *barrier) hold(r *http.Request) {
	b.mu.Lock()
	ch := b.release
	if b.waiting++; b.waiting == b.n {
		close(ch)
		b.waiting, b.release = 0, make(chan struct{})
	}
	b.mu.Unlock()
	select {
	case <-ch:
	case <-r.Context().Done(): // the client gave up: do not hang the test
	}
}

// region transports

// defaultTransport is a copy of http.DefaultTransport: it keeps at most
// DefaultMaxIdleConnsPerHost (2) idle connections per host.
func defaultTransport() *http.Transport {
	return http.DefaultTransport.(*http.Transport).Clone()
}

// tunedTransport keeps up to 100 idle connections for one host
// (MaxIdleConns, the limit over all hosts, is already 100).
func tunedTransport() *http.Transport {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = 100
	return tr
}

// endregion transports

func fanOutURLs(base string) []string {
	urls := make([]string, fanOut)
	for i := range urls {
		urls[i] = fmt.Sprintf("%s/%d", base, i)
	}
	return urls
}

// TestIdleConnectionPitfall runs three rounds of 100 concurrent requests
// against a loopback server and counts the connections each round dials.
//
// The counts are exact, not timing luck: the barrier makes each round hold
// 100 connections at once, and a response body read to EOF has already
// handed its connection back to the pool (or been refused by it) when the
// read returns, so between rounds the pool holds exactly
// min(100, MaxIdleConnsPerHost) connections.
func TestIdleConnectionPitfall(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		transport func() *http.Transport
		want      []int64 // new connections in rounds 1, 2, 3
	}{
		{"default", defaultTransport, []int64{100, 98, 98}},
		{"tuned", tunedTransport, []int64{100, 0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv, dials := countingServer(t, newBarrier(fanOut).hold)
			tr := tt.transport()
			defer tr.CloseIdleConnections()
			client := &http.Client{Transport: tr}
			urls := fanOutURLs(srv.URL)

			var got []int64
			for range len(tt.want) {
				before := dials.Load()
				bodies, err := Gather(t.Context(), client, urls)
				if err != nil {
					t.Fatal(err)
				}
				if bodies[0] != "0" || bodies[fanOut-1] != fmt.Sprint(fanOut-1) {
					t.Fatalf("results out of order: %q ... %q", bodies[0], bodies[fanOut-1])
				}
				got = append(got, dials.Load()-before)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("new connections per round = %v, want %v", got, tt.want)
			}
		})
	}
}

// BenchmarkFanOutTransport measures one round of 100 concurrent requests to
// one loopback host (no barrier: the server answers at once), with the
// default transport and with MaxIdleConnsPerHost raised to 100.
// dials/op is the number of new connections per round.
func BenchmarkFanOutTransport(b *testing.B) {
	for _, bc := range []struct {
		name      string
		transport func() *http.Transport
	}{{"default", defaultTransport}, {"tuned", tunedTransport}} {
		b.Run("transport="+bc.name, func(b *testing.B) {
			srv, dials := countingServer(b, nil)
			tr := bc.transport()
			defer tr.CloseIdleConnections()
			client := &http.Client{Transport: tr}
			urls := fanOutURLs(srv.URL)
			if _, err := Gather(b.Context(), client, urls); err != nil { // warm the pool
				b.Fatal(err)
			}
			before := dials.Load()
			for b.Loop() {
				if _, err := Gather(b.Context(), client, urls); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(dials.Load()-before)/float64(b.N), "dials/op")
		})
	}
}
