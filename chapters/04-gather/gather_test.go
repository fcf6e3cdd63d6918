package gather

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// threeURLs are answered after 1 s, 2 s and 3 s of (fake) time.
var threeURLs = []string{"http://example.com/1s", "http://example.org/2s", "http://example.net/3s"}

func threeRoutes() map[string]httpmock.Responder {
	return map[string]httpmock.Responder{
		threeURLs[0]: httpmock.NewStringResponder(200, "one").Delay(1 * time.Second),
		threeURLs[1]: httpmock.NewStringResponder(200, "two").Delay(2 * time.Second),
		threeURLs[2]: httpmock.NewStringResponder(200, "three").Delay(3 * time.Second),
	}
}

// TestConcurrentVersusSequential measures on fake time: three responses of
// 1 s, 2 s and 3 s take 3 s together and 6 s one after the other.
func TestConcurrentVersusSequential(t *testing.T) {
	t.Parallel()
	gatherAll := func(ctx context.Context, c *http.Client, urls []string) ([]string, error) {
		var bodies []string
		for _, r := range GatherAll(ctx, c, urls) {
			if r.Err != nil {
				return nil, r.Err
			}
			bodies = append(bodies, r.Body)
		}
		return bodies, nil
	}
	tests := []struct {
		name  string
		fetch func(context.Context, *http.Client, []string) ([]string, error)
		want  time.Duration
	}{
		{"Gather", Gather, 3 * time.Second},
		{"GatherAll", gatherAll, 3 * time.Second},
		{"FetchSequential", FetchSequential, 6 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			synctest.Test(t, func(t *testing.T) {
				client := mockClient(threeRoutes()) // its requests run in the bubble: fake timers
				start := time.Now()
				bodies, err := tt.fetch(t.Context(), client, threeURLs)
				if elapsed := time.Since(start); elapsed != tt.want {
					t.Errorf("took %v, want exactly %v", elapsed, tt.want)
				}
				if want := []string{"one", "two", "three"}; err != nil || !slices.Equal(bodies, want) {
					t.Errorf("got %q, %v; want %q, nil", bodies, err, want)
				}
			})
		})
	}
}

// TestGatherKeepsArgumentOrder: responses arrive last to first, results
// come back first to last.
func TestGatherKeepsArgumentOrder(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		var mu sync.Mutex
		var arrived []string
		respond := func(body string, d time.Duration) httpmock.Responder {
			r := httpmock.NewStringResponder(200, body).Delay(d)
			return func(req *http.Request) (*http.Response, error) {
				resp, err := r(req)
				mu.Lock()
				defer mu.Unlock()
				arrived = append(arrived, body)
				return resp, err
			}
		}
		client := mockClient(map[string]httpmock.Responder{
			"http://example.com/a": respond("a", 3*time.Second),
			"http://example.com/b": respond("b", 2*time.Second),
			"http://example.com/c": respond("c", 1*time.Second),
		})
		bodies, err := Gather(t.Context(), client,
			[]string{"http://example.com/a", "http://example.com/b", "http://example.com/c"})
		require.NoError(t, err)
		assert.Equal(t, []string{"a", "b", "c"}, bodies, "results, in argument order")
		synctest.Wait()
		mu.Lock()
		defer mu.Unlock()
		assert.Equal(t, []string{"c", "b", "a"}, arrived, "arrival order")
	})
}

// waitForCancel returns a responder that never answers by itself: it
// reports on seen what its request's context ended with.
func waitForCancel(seen chan<- error) httpmock.Responder {
	return func(req *http.Request) (*http.Response, error) {
		ctx := req.Context()
		<-ctx.Done()
		seen <- ctx.Err()
		seen <- context.Cause(ctx)
		return nil, ctx.Err()
	}
}

// TestGatherFailFastCancelsSiblings: a 500 after 1 s cancels the two
// requests still running; they observe context.Canceled, and the cause is
// the 500.
func TestGatherFailFastCancelsSiblings(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		seen := make(chan error, 4)
		client := mockClient(map[string]httpmock.Responder{
			"http://example.com/slow1": waitForCancel(seen),
			"http://example.com/bad":   httpmock.NewStringResponder(500, "").Delay(time.Second),
			"http://example.com/slow2": waitForCancel(seen),
		})
		start := time.Now()
		bodies, err := Gather(t.Context(), client,
			[]string{"http://example.com/slow1", "http://example.com/bad", "http://example.com/slow2"})

		if elapsed := time.Since(start); elapsed != time.Second {
			t.Errorf("took %v, want 1s: the failure should end the wait", elapsed)
		}
		var se *StatusError
		if bodies != nil || !errors.As(err, &se) || se.StatusCode != 500 {
			t.Fatalf("Gather = %q, %v; want nil, the 500 error", bodies, err)
		}
		for range 2 {
			if got := <-seen; got != context.Canceled {
				t.Errorf("sibling saw ctx.Err() = %v, want context.Canceled", got)
			}
			if got := <-seen; got != err {
				t.Errorf("sibling saw context.Cause = %v, want the first error %v", got, err)
			}
		}
	})
}

// TestGatherAllCollectsEverything: every slot holds its own body or error,
// and a failure cancels nothing: the 3 s request still completes.
func TestGatherAllCollectsEverything(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		client := mockClient(map[string]httpmock.Responder{
			"http://example.com/ok":      httpmock.NewStringResponder(200, "ok").Delay(time.Second),
			"http://example.com/missing": httpmock.NewStringResponder(404, ""),
			"http://example.com/refused": httpmock.NewErrorResponder(errRefused),
			"http://example.com/slow":    httpmock.NewStringResponder(200, "slow").Delay(3 * time.Second),
		})
		start := time.Now()
		results := GatherAll(t.Context(), client, []string{
			"http://example.com/ok", "http://example.com/missing",
			"http://example.com/refused", "http://example.com/slow",
		})
		assert.Equal(t, 3*time.Second, time.Since(start), "GatherAll waits for the slowest")
		require.Len(t, results, 4)
		assert.Equal(t, Result{Body: "ok"}, results[0], "slot 0")
		var se *StatusError
		if assert.ErrorAs(t, results[1].Err, &se, "slot 1") {
			assert.Equal(t, 404, se.StatusCode, "slot 1")
		}
		assert.ErrorIs(t, results[2].Err, errRefused, "slot 2")
		assert.Equal(t, Result{Body: "slow"}, results[3], "slot 3: not cancelled")
	})
}

// TestGatherParentDeadline: the caller's deadline cuts every request.
func TestGatherParentDeadline(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		client := mockClient(threeRoutes())
		ctx, cancel := context.WithTimeout(t.Context(), 1500*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err := Gather(ctx, client, threeURLs)
		assert.Equal(t, 1500*time.Millisecond, time.Since(start), "the deadline cuts Gather")
		assert.ErrorIs(t, err, context.DeadlineExceeded)
	})
}

func TestGatherNoURLs(t *testing.T) {
	t.Parallel()
	bodies, err := Gather(t.Context(), mockClient(nil), nil)
	assert.NoError(t, err, "Gather(no urls)")
	assert.Empty(t, bodies, "Gather(no urls)")
	assert.Empty(t, GatherAll(t.Context(), mockClient(nil), nil), "GatherAll(no urls)")
}
