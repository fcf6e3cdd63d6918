package benefits_test

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/asyncgo/course/chapters/05-benefits"
	"github.com/asyncgo/course/chapters/internal/bubble"
	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// blockedForGood is what a deadlocked bubble means in these tests.
const blockedForGood = "FetchAllBounded is blocked for good, or left requests running when it returned. " +
	"With a buffered channel as a semaphore, give each slot back when its request ends " +
	"(defer func() { <-sem }()), and wait for every request before returning."

// TestFetchAllBounded: 10 requests of 50 ms, at most 3 at a time, run in
// four waves (3+3+3+1), so they take 4 × 50 ms on the fake clock.
func TestFetchAllBounded(t *testing.T) {
	bubble.Test(t, blockedForGood, func(t *testing.T) {
		var mu sync.Mutex
		inFlight, most := 0, 0
		mt := httpmock.NewMockTransport()
		mt.RegisterResponder(http.MethodGet, `=~^http://api\.test/`, func(req *http.Request) (*http.Response, error) {
			mu.Lock()
			inFlight++
			most = max(most, inFlight)
			mu.Unlock()
			defer func() { mu.Lock(); inFlight--; mu.Unlock() }()
			time.Sleep(50 * time.Millisecond) // fake time: the bubble's clock
			return httpmock.NewStringResponse(http.StatusOK, req.URL.Path), nil
		})
		c := &http.Client{Transport: mt}

		start := time.Now()
		got, err := benefits.FetchAllBounded(t.Context(), c, urls("http://api.test", 10), 3)
		require.NoError(t, err)
		assert.Equal(t, 200*time.Millisecond, time.Since(start),
			"four waves of 50 ms: start a request as soon as one of the 3 slots is free")
		assert.Equal(t, 3, most, "requests in flight at most: never more than limit (errgroup's SetLimit)")
		want := make([]string, 10)
		for i := range want {
			want[i] = fmt.Sprintf("/%d", i)
		}
		assert.Equal(t, want, got, "one body per URL, in the order of the urls")
	})
}

// The requests finish in the reverse order of the urls; the bodies still
// come back in the order of the urls.
func TestFetchAllBoundedKeepsTheOrder(t *testing.T) {
	bubble.Test(t, blockedForGood, func(t *testing.T) {
		mt := httpmock.NewMockTransport()
		mt.RegisterResponder(http.MethodGet, `=~^http://api\.test/`, func(req *http.Request) (*http.Response, error) {
			var i int
			fmt.Sscanf(req.URL.Path, "/%d", &i)
			time.Sleep(time.Duration(5-i) * time.Second) // the last URL answers first
			return httpmock.NewStringResponse(http.StatusOK, req.URL.Path), nil
		})
		got, err := benefits.FetchAllBounded(t.Context(), &http.Client{Transport: mt}, urls("http://api.test", 5), 5)
		require.NoError(t, err)
		assert.Equal(t, []string{"/0", "/1", "/2", "/3", "/4"}, got,
			"the last URL answers first: write each body into bodies[i], the slot of its URL")
	})
}

// roundTripper turns a function into an http.RoundTripper.
type roundTripper func(*http.Request) (*http.Response, error)

func (f roundTripper) RoundTrip(req *http.Request) (*http.Response, error) { return f(req) }

// A 404 at 1s is returned, and cancels the request still running (which
// would answer only after an hour).
func TestFetchAllBoundedErrors(t *testing.T) {
	bubble.Test(t, blockedForGood, func(t *testing.T) {
		var cancelled atomic.Bool
		c := &http.Client{Transport: roundTripper(func(req *http.Request) (*http.Response, error) {
			if req.URL.Path == "/bad" {
				time.Sleep(time.Second)
				return httpmock.NewStringResponse(http.StatusNotFound, ""), nil
			}
			select {
			case <-time.After(time.Hour):
				return httpmock.NewStringResponse(http.StatusOK, "slow"), nil
			case <-req.Context().Done():
				cancelled.Store(true)
				return nil, context.Cause(req.Context())
			}
		})}
		start := time.Now()

		_, err := benefits.FetchAllBounded(t.Context(), c, []string{"http://api.test/slow", "http://api.test/bad"}, 2)

		assert.ErrorContains(t, err, "404", "the first error, the 404, must be returned")
		assert.Equal(t, time.Second, time.Since(start), "return right after the first error")
		synctest.Wait() // every goroutine of the bubble has ended or is blocked
		assert.True(t, cancelled.Load(),
			"the first error must cancel the requests still running: fetch with the context of errgroup.WithContext")
	})
}

// A limit below 1 is an error. Without the check, errgroup's SetLimit(0)
// would let no request start, and FetchAllBounded would wait for ever.
func TestFetchAllBoundedRejectsBadLimit(t *testing.T) {
	for _, limit := range []int{0, -1} {
		bubble.Test(t, "FetchAllBounded with limit 0 is blocked for good: return an error for a limit below 1 before starting anything",
			func(t *testing.T) {
				_, err := benefits.FetchAllBounded(t.Context(), mockAPI(0), urls("http://api.test", 2), limit)
				assert.Error(t, err, "limit %d: a limit below 1 is an error", limit)
			})
	}
}
