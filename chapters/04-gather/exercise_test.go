package gather

import (
	"context"
	"fmt"
	"net/http"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/asyncgo/course/chapters/internal/bubble"
	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// blockedForGood is what a deadlocked bubble means in these tests.
const blockedForGood = "Either GatherLimit is blocked for good, or it returned while requests were still " +
	"running. Wait for every request before returning (g.Wait()); with a buffered channel as a " +
	"semaphore, give each slot back when its request ends: defer func() { <-sem }()."

// inFlight wraps responders to count the requests they are serving, the
// largest count seen, and every request that reached them.
type inFlight struct{ now, max, calls atomic.Int64 }

func (f *inFlight) wrap(r httpmock.Responder) httpmock.Responder {
	return func(req *http.Request) (*http.Response, error) {
		f.calls.Add(1)
		n := f.now.Add(1)
		defer f.now.Add(-1)
		for old := f.max.Load(); n > old && !f.max.CompareAndSwap(old, n); old = f.max.Load() {
		}
		return r(req)
	}
}

// TestGatherLimit: ten 1 s requests with a limit n are never more than n at
// a time, so they take ceil(10/n) seconds.
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
			bubble.Test(t, blockedForGood, func(t *testing.T) {
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

				require.NoError(t, err)
				assert.Equal(t, want, bodies, "one body per URL, in the order of urls")
				assert.Equal(t, tt.max, f.max.Load(),
					"requests in flight at most: never more than n at a time (errgroup's SetLimit, or a semaphore)")
				assert.Equal(t, tt.elapsed, time.Since(start),
					"a new request starts as soon as one of the n slots is free")
			})
		})
	}
}

// The requests finish in the reverse order of urls; the bodies still come
// back in the order of urls.
func TestGatherLimitKeepsTheOrder(t *testing.T) {
	t.Parallel()
	bubble.Test(t, blockedForGood, func(t *testing.T) {
		routes := map[string]httpmock.Responder{}
		var urls, want []string
		for i := range 5 {
			url := fmt.Sprintf("http://example.com/%d", i)
			routes[url] = httpmock.NewStringResponder(200, fmt.Sprint(i)).Delay(time.Duration(5-i) * time.Second)
			urls, want = append(urls, url), append(want, fmt.Sprint(i))
		}
		bodies, err := GatherLimit(t.Context(), mockClient(routes), urls, 5)
		require.NoError(t, err)
		assert.Equal(t, want, bodies,
			"the last URL answers first: write each body into bodies[i], the slot of its URL, not in the order they arrive")
	})
}

// TestGatherLimitStopsAfterFailure: with one request at a time, a first
// URL that fails means the other three are never requested.
func TestGatherLimitStopsAfterFailure(t *testing.T) {
	t.Parallel()
	bubble.Test(t, blockedForGood, func(t *testing.T) {
		var f inFlight
		client := mockClient(map[string]httpmock.Responder{
			"http://example.com/bad": f.wrap(httpmock.NewStringResponder(500, "")),
			"http://example.com/a":   f.wrap(httpmock.NewStringResponder(200, "a")),
			"http://example.com/b":   f.wrap(httpmock.NewStringResponder(200, "b")),
			"http://example.com/c":   f.wrap(httpmock.NewStringResponder(200, "c")),
		})
		urls := []string{"http://example.com/bad", "http://example.com/a", "http://example.com/b", "http://example.com/c"}

		bodies, err := GatherLimit(t.Context(), client, urls, 1)

		var se *StatusError
		require.ErrorAs(t, err, &se, "the 500 must come back as GatherLimit's error")
		assert.Equal(t, 500, se.StatusCode)
		assert.Nil(t, bodies, "on error, return no bodies")
		synctest.Wait() // let any stray responder goroutine finish counting
		assert.Equal(t, int64(1), f.calls.Load(),
			"requests reached the server after the first one failed: check ctx before fetching")
	})
}

// roundTripper turns a function into an http.RoundTripper.
type roundTripper func(*http.Request) (*http.Response, error)

func (f roundTripper) RoundTrip(req *http.Request) (*http.Response, error) { return f(req) }

// The failure policy of Gather: the first error (at 1s) cancels the request
// in flight, which takes one more second to clean up, and GatherLimit waits
// for it before it returns that first error alone.
func TestGatherLimitCancelsTheOthers(t *testing.T) {
	t.Parallel()
	bubble.Test(t, blockedForGood, func(t *testing.T) {
		var cancelled atomic.Bool
		client := &http.Client{Transport: roundTripper(func(req *http.Request) (*http.Response, error) {
			if req.URL.Path == "/bad" {
				time.Sleep(time.Second)
				return httpmock.NewStringResponse(500, ""), nil
			}
			select { // the slow server answers after an hour, unless cancelled
			case <-time.After(time.Hour):
				return httpmock.NewStringResponse(200, "slow"), nil
			case <-req.Context().Done():
				cancelled.Store(true)
				time.Sleep(time.Second) // closing the connection takes a second
				return nil, context.Cause(req.Context())
			}
		})}
		start := time.Now()

		_, err := GatherLimit(t.Context(), client, []string{"http://example.com/slow", "http://example.com/bad"}, 2)

		var se *StatusError
		assert.ErrorAs(t, err, &se, "return the first error alone: the 500")
		assert.True(t, cancelled.Load(),
			"the first error must cancel the requests in flight: fetch with the context of errgroup.WithContext")
		assert.Equal(t, 2*time.Second, time.Since(start),
			"the 500 comes at 1s and the cancelled request ends at 2s: GatherLimit must wait for it (g.Wait()), then return")
	})
}

// A limit below 1 is an error. Without the check, errgroup's SetLimit(0)
// would let no request start, and GatherLimit would wait for ever.
func TestGatherLimitRejectsBadLimit(t *testing.T) {
	t.Parallel()
	for _, n := range []int{0, -1} {
		bubble.Test(t, "GatherLimit with n = 0 is blocked for good: return an error for n < 1 before starting anything",
			func(t *testing.T) {
				_, err := GatherLimit(t.Context(), mockClient(nil), []string{"http://example.com/"}, n)
				assert.Error(t, err, "GatherLimit(n=%d): a limit below 1 is an error", n)
			})
	}
}
