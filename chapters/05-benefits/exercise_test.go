package benefits_test

import (
	"fmt"
	"net/http"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/asyncgo/course/chapters/05-benefits"
	"github.com/jarcoal/httpmock"
)

// TestFetchAllBounded: 10 requests of 50 ms, at most 3 at a time, run in
// four waves (3+3+3+1), so they take 4 × 50 ms on the fake clock.
func TestFetchAllBounded(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
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
		if err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d != 200*time.Millisecond {
			t.Errorf("took %v, want 200ms: four waves of 50 ms", d)
		}
		if most != 3 {
			t.Errorf("at most %d requests in flight, want 3", most)
		}
		want := make([]string, 10)
		for i := range want {
			want[i] = fmt.Sprintf("/%d", i)
		}
		if !slices.Equal(got, want) {
			t.Errorf("bodies %q, want %q (in the order of the urls)", got, want)
		}
	})
}

func TestFetchAllBoundedErrors(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c := mockAPI(time.Hour)
		mt := c.Transport.(*httpmock.MockTransport)
		mt.RegisterResponder(http.MethodGet, "http://api.test/bad", httpmock.NewStringResponder(http.StatusNotFound, ""))
		if _, err := benefits.FetchAllBounded(t.Context(), c, []string{"http://api.test/bad", "http://api.test/1"}, 2); err == nil {
			t.Error("a 404 gave no error")
		}
		if _, err := benefits.FetchAllBounded(t.Context(), c, urls("http://api.test", 2), 0); err == nil {
			t.Error("limit 0 gave no error")
		}
	})
}
