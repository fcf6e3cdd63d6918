package benefits_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/asyncgo/course/chapters/05-benefits"
	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// mockAPI returns a client whose requests never leave the process: every
// GET http://api.test/... answers with its path after latency, on the
// clock of the synctest bubble it is created in.
func mockAPI(latency time.Duration) *http.Client {
	mt := httpmock.NewMockTransport()
	echo := func(req *http.Request) (*http.Response, error) {
		return httpmock.NewStringResponse(http.StatusOK, req.URL.Path), nil
	}
	mt.RegisterResponder(http.MethodGet, `=~^http://api\.test/`, httpmock.Responder(echo).Delay(latency))
	return &http.Client{Transport: mt}
}

func urls(base string, n int) []string {
	us := make([]string, n)
	for i := range us {
		us[i] = fmt.Sprintf("%s/%d", base, i)
	}
	return us
}

// TestFanOutFakeTime measures both fan-outs on synctest's fake clock, where
// the answer is exact: n requests of 50 ms take n × 50 ms one after
// another, and 50 ms all at once.
func TestFanOutFakeTime(t *testing.T) {
	const latency = 50 * time.Millisecond
	for _, n := range []int{1, 10, 100} {
		t.Run(fmt.Sprint("n=", n), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				c, us := mockAPI(latency), urls("http://api.test", n)

				start := time.Now()
				seq, err := benefits.FetchSequential(t.Context(), c, us)
				if err != nil {
					t.Fatal(err)
				}
				if got, want := time.Since(start), time.Duration(n)*latency; got != want {
					t.Errorf("sequential took %v, want %v", got, want)
				}

				start = time.Now()
				conc, err := benefits.FetchConcurrent(t.Context(), c, us)
				if err != nil {
					t.Fatal(err)
				}
				if got := time.Since(start); got != latency {
					t.Errorf("concurrent took %v, want %v", got, latency)
				}
				if !slices.Equal(seq, conc) || conc[n-1] != fmt.Sprintf("/%d", n-1) {
					t.Errorf("bodies differ or out of order:\nsequential %q\nconcurrent %q", seq, conc)
				}
			})
		})
	}
}

// TestFetchConcurrentFirstErrorCancels checks that one failing request
// ends the fan-out at once: the others are cancelled, not awaited.
func TestFetchConcurrentFirstErrorCancels(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c := mockAPI(time.Hour)
		mt := c.Transport.(*httpmock.MockTransport)
		mt.RegisterResponder(http.MethodGet, "http://api.test/bad", httpmock.NewStringResponder(http.StatusInternalServerError, "no"))
		start := time.Now()
		_, err := benefits.FetchConcurrent(t.Context(), c, append(urls("http://api.test", 5), "http://api.test/bad"))
		require.ErrorContains(t, err, "500", "want the 500 of /bad")
		assert.Zero(t, time.Since(start), "the fan-out went on after the failure: the slow requests should be cancelled")
	})
}

// TestLatencyHandlerDoesNotBlockShutdown closes a server while its
// handler is in the middle of an hour-long wait.
func TestLatencyHandlerDoesNotBlockShutdown(t *testing.T) {
	stop := make(chan struct{})
	srv := httptest.NewServer(benefits.LatencyHandler(time.Hour, stop))
	got := make(chan error, 1)
	go func() {
		_, err := benefits.Fetch(context.Background(), srv.Client(), srv.URL+"/slow")
		got <- err
	}()
	close(stop)
	srv.Close() // would wait an hour if the handler ignored stop
	if err := <-got; err == nil {
		t.Error("a request cut short by shutdown succeeded")
	}
}

// countDials makes t count the connections it opens.
func countDials(t *http.Transport, dials *atomic.Int64) {
	var d net.Dialer
	t.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		dials.Add(1)
		return d.DialContext(ctx, network, addr)
	}
}

// barrier is a handler that answers only once n requests are in flight
// together, so a fan-out of n really holds n connections at once.
type barrier struct {
	mu      sync.Mutex
	n       int
	arrived int
	open    chan struct{}
}

func (b *barrier) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b.mu.Lock()
	if b.arrived++; b.arrived%b.n == 0 {
		close(b.open)
	}
	open := b.open
	if b.arrived%b.n == 0 {
		b.open = make(chan struct{}) // the next round waits for a new crowd
	}
	b.mu.Unlock()
	select {
	case <-open:
		w.Write([]byte("ok"))
	case <-r.Context().Done():
	}
}

// TestTransportKeepsConnections shows why the benchmarks tune the
// transport: after a fan-out of 20, the default transport keeps 2
// connections and dials the rest again; NewTransport(20) dials none.
func TestTransportKeepsConnections(t *testing.T) {
	const n = 20
	for _, tc := range []struct {
		name      string
		transport *http.Transport
		wantMin   int64 // new connections in the second fan-out, at least
		wantMax   int64 // and at most
	}{
		{"default", http.DefaultTransport.(*http.Transport).Clone(), n - 2, n},
		{"tuned", benefits.NewTransport(n), 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(&barrier{n: n, open: make(chan struct{})})
			defer srv.Close()
			defer tc.transport.CloseIdleConnections()
			var dials atomic.Int64
			countDials(tc.transport, &dials)
			c := &http.Client{Transport: tc.transport}
			for round := range 2 {
				dials.Store(0)
				if _, err := benefits.FetchConcurrent(t.Context(), c, urls(srv.URL, n)); err != nil {
					t.Fatal(err)
				}
				if round == 0 && dials.Load() != n {
					t.Fatalf("first fan-out dialed %d connections, want %d", dials.Load(), n)
				}
			}
			if d := dials.Load(); d < tc.wantMin || d > tc.wantMax {
				t.Errorf("second fan-out dialed %d connections, want %d to %d", d, tc.wantMin, tc.wantMax)
			}
		})
	}
}

func ExampleFetchConcurrent() {
	stop := make(chan struct{})
	srv := httptest.NewServer(benefits.LatencyHandler(10*time.Millisecond, stop))
	defer srv.Close()
	defer close(stop) // runs first: no handler keeps Close waiting

	urls := []string{srv.URL + "/a", srv.URL + "/b", srv.URL + "/c"}
	bodies, err := benefits.FetchConcurrent(context.Background(), srv.Client(), urls)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bodies)
	// Output: [/a /b /c]
}
