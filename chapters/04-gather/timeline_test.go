package gather

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/asyncgo/course/chapters/internal/figure"
	"github.com/asyncgo/course/chapters/internal/golden"
)

// recordSpans runs fetch over threeURLs inside the caller's synctest
// bubble and returns when each request started and ended.
func recordSpans(t *testing.T, fetch func(context.Context, *http.Client, []string) ([]string, error)) []figure.Request {
	t.Helper()
	begin := time.Now()
	var mu sync.Mutex
	spans := make([]figure.Request, len(threeURLs))
	routes := threeRoutes()
	for i, url := range threeURLs {
		r := routes[url]
		routes[url] = func(req *http.Request) (*http.Response, error) {
			start := time.Since(begin)
			resp, err := r(req)
			mu.Lock()
			defer mu.Unlock()
			spans[i] = figure.Request{Label: strings.TrimPrefix(url, "http://"), Start: start, End: time.Since(begin)}
			return resp, err
		}
	}
	if _, err := fetch(t.Context(), mockClient(routes), threeURLs); err != nil {
		t.Fatal(err)
	}
	synctest.Wait()
	mu.Lock()
	defer mu.Unlock()
	return spans
}

// TestTimelineSVG draws the page's picture from measured fake time and
// checks it against timeline.svg (go test -run TimelineSVG -update rewrites it).
func TestTimelineSVG(t *testing.T) {
	var concurrent, sequential []figure.Request
	synctest.Test(t, func(t *testing.T) { concurrent = recordSpans(t, Gather) })
	synctest.Test(t, func(t *testing.T) { sequential = recordSpans(t, FetchSequential) })
	tl := figure.RequestTimeline{
		Title: "Three requests of 1 s, 2 s and 3 s: concurrently and sequentially",
		Note:  "Measured on fake time.",
		Panels: []figure.RequestPanel{
			{Title: "Gather: three requests at once", Requests: concurrent},
			{Title: "FetchSequential: one after the other", Requests: sequential},
		},
	}
	golden.Check(t, "timeline.svg", tl.SVG())
}
