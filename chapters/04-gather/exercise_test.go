package gather

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/jarcoal/httpmock"
)

// inFlight wraps r to count the requests it is serving and record the
// largest count seen.
type inFlight struct{ now, max atomic.Int64 }

func (f *inFlight) wrap(r httpmock.Responder) httpmock.Responder {
	return func(req *http.Request) (*http.Response, error) {
		n := f.now.Add(1)
		defer f.now.Add(-1)
		for old := f.max.Load(); n > old && !f.max.CompareAndSwap(old, n); old = f.max.Load() {
		}
		return r(req)
	}
}

// TestGatherLimit: ten 1 s requests with a limit n are never more than n at
// a time, so they take ceil(10/n) seconds, and results keep their order.
func TestGatherLimit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		n       int
		max     int64
		elapsed time.Duration
	}{
		{n: 1, max: 1, elapsed: 10 * time.Second},
		{n: 3, max: 3, elapsed: 4 * time.Second},
		{n: 10, max: 10, elapsed: 1 * time.Second},
		{n: 50, max: 10, elapsed: 1 * time.Second},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("n=%d", tt.n), func(t *testing.T) {
			t.Parallel()
			synctest.Test(t, func(t *testing.T) {
				var f inFlight
				routes := map[string]httpmock.Responder{}
				var urls, want []string
				for i := range 10 {
					url := fmt.Sprintf("http://example.com/%d", i)
					routes[url] = f.wrap(httpmock.NewStringResponder(200, fmt.Sprint(i)).Delay(time.Second))
					urls, want = append(urls, url), append(want, fmt.Sprint(i))
				}
				client := mockClient(routes)
				start := time.Now()

				bodies, err := GatherLimit(t.Context(), client, urls, tt.n)

				if err != nil || !slices.Equal(bodies, want) {
					t.Fatalf("GatherLimit = %q, %v; want %q, nil", bodies, err, want)
				}
				if got := f.max.Load(); got != tt.max {
					t.Errorf("at most %d requests in flight, want %d", got, tt.max)
				}
				if elapsed := time.Since(start); elapsed != tt.elapsed {
					t.Errorf("took %v, want %v", elapsed, tt.elapsed)
				}
			})
		})
	}
}

// TestGatherLimitStopsAfterFailure: with one request at a time, a first
// URL that fails means the other three are never requested.
func TestGatherLimitStopsAfterFailure(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		var calls atomic.Int64
		count := func(r httpmock.Responder) httpmock.Responder {
			return func(req *http.Request) (*http.Response, error) {
				calls.Add(1)
				return r(req)
			}
		}
		client := mockClient(map[string]httpmock.Responder{
			"http://example.com/bad": count(httpmock.NewStringResponder(500, "")),
			"http://example.com/a":   count(httpmock.NewStringResponder(200, "a")),
			"http://example.com/b":   count(httpmock.NewStringResponder(200, "b")),
			"http://example.com/c":   count(httpmock.NewStringResponder(200, "c")),
		})
		urls := []string{"http://example.com/bad", "http://example.com/a", "http://example.com/b", "http://example.com/c"}

		bodies, err := GatherLimit(t.Context(), client, urls, 1)

		var se *StatusError
		if bodies != nil || !errors.As(err, &se) || se.StatusCode != 500 {
			t.Fatalf("GatherLimit = %q, %v; want nil, the 500 error", bodies, err)
		}
		synctest.Wait() // let any stray responder goroutine finish counting
		if got := calls.Load(); got != 1 {
			t.Errorf("%d requests reached the server, want 1: check ctx before fetching", got)
		}
	})
}

func TestGatherLimitRejectsBadLimit(t *testing.T) {
	t.Parallel()
	for _, n := range []int{0, -1} {
		if _, err := GatherLimit(t.Context(), mockClient(nil), []string{"http://example.com/"}, n); err == nil {
			t.Errorf("GatherLimit(n=%d) returned no error", n)
		}
	}
}
