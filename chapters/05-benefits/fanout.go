package benefits

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"time"

	"golang.org/x/sync/errgroup"
)

// Fetch GETs url with c and returns the response body.
// A status other than 200 is an error.
func Fetch(ctx context.Context, c *http.Client, url string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", fmt.Errorf("fetch %s: %w", url, err)
	}
	resp, err := c.Do(req)
	if err != nil {
		return "", fmt.Errorf("fetch %s: %w", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", fmt.Errorf("fetch %s: reading body: %w", url, err)
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("fetch %s: %s", url, resp.Status)
	}
	return string(body), nil
}

// FetchSequential fetches urls one after another and returns the bodies in
// the order of urls. It stops at the first error.
func FetchSequential(ctx context.Context, c *http.Client, urls []string) ([]string, error) {
	bodies := make([]string, len(urls))
	for i, url := range urls {
		body, err := Fetch(ctx, c, url)
		if err != nil {
			return nil, err
		}
		bodies[i] = body
	}
	return bodies, nil
}

// FetchConcurrent fetches every url at once, one goroutine per url, and
// returns the bodies in the order of urls. The first error cancels the
// requests still running and is returned.
func FetchConcurrent(ctx context.Context, c *http.Client, urls []string) ([]string, error) {
	bodies := make([]string, len(urls))
	g, ctx := errgroup.WithContext(ctx)
	for i, url := range urls {
		g.Go(func() error {
			body, err := Fetch(ctx, c, url)
			bodies[i] = body // each goroutine writes its own element
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return bodies, nil
}

// NewTransport returns a copy of http.DefaultTransport tuned for a fan-out
// of up to conns requests to one host: it keeps conns idle connections per
// host (the default keeps 2, so a wider fan-out dials again every time) and
// opens at most conns connections per host.
func NewTransport(conns int) *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = conns
	t.MaxIdleConnsPerHost = conns
	t.MaxConnsPerHost = conns
	return t
}

// LatencyHandler returns a handler that waits delay before it answers
// with the request's path, like a slow backend.
//
// The wait ends early when the client goes away or when stop is closed, so
// a server shutting down never has to wait for a sleeping handler: close
// stop before calling httptest.Server.Close.
func LatencyHandler(delay time.Duration, stop <-chan struct{}) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if delay > 0 {
			t := time.NewTimer(delay)
			defer t.Stop()
			select {
			case <-t.C:
			case <-r.Context().Done():
				return
			case <-stop:
				http.Error(w, "shutting down", http.StatusServiceUnavailable)
				return
			}
		}
		io.WriteString(w, r.URL.Path)
	})
}
