package gather

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"testing/iotest"
	"testing/synctest"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	errRefused = errors.New("connection refused")
	errReset   = errors.New("connection reset by peer")
)

// brokenBody answers 200 OK with a body that fails after a few bytes.
func brokenBody(req *http.Request) (*http.Response, error) {
	body := io.MultiReader(strings.NewReader("partial"), iotest.ErrReader(errReset))
	return &http.Response{StatusCode: http.StatusOK, Body: io.NopCloser(body), Request: req}, nil
}

func TestFetchURL(t *testing.T) {
	const url = "http://example.com/"
	tests := []struct {
		name      string
		responder httpmock.Responder
		body      string // wanted body, when no error is wanted
		err       error  // wanted with errors.Is, or nil
		status    int    // wanted StatusError code, or 0
		msg       string // wanted error message
		elapsed   time.Duration
	}{
		{name: "ok", responder: httpmock.NewStringResponder(200, "hello"), body: "hello"},
		{name: "not found", responder: httpmock.NewStringResponder(404, "no"), status: 404,
			msg: "GET http://example.com/: 404 Not Found"},
		{name: "server error", responder: httpmock.NewStringResponder(500, "oops"), status: 500,
			msg: "GET http://example.com/: 500 Internal Server Error"},
		{name: "transport error", responder: httpmock.NewErrorResponder(errRefused), err: errRefused,
			msg: `Get "http://example.com/": connection refused`},
		{name: "slow, cut by the 1s deadline", elapsed: time.Second,
			responder: httpmock.NewStringResponder(200, "late").Delay(5 * time.Second),
			err:       context.DeadlineExceeded, msg: `Get "http://example.com/": context deadline exceeded`},
		{name: "body fails mid-way", responder: brokenBody, err: errReset,
			msg: "GET http://example.com/: read body: connection reset by peer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			synctest.Test(t, func(t *testing.T) {
				client := mockClient(map[string]httpmock.Responder{url: tt.responder})
				ctx, cancel := context.WithTimeout(t.Context(), time.Second)
				defer cancel()
				start := time.Now()

				body, err := FetchURL(ctx, client, url)

				assert.Equal(t, tt.elapsed, time.Since(start), "fake time FetchURL took")
				if tt.msg == "" {
					require.NoError(t, err)
					assert.Equal(t, tt.body, body)
					return
				}
				require.EqualError(t, err, tt.msg)
				if tt.err != nil {
					assert.ErrorIs(t, err, tt.err)
				}
				var se *StatusError
				if got := errors.As(err, &se); got != (tt.status != 0) || got && se.StatusCode != tt.status {
					t.Errorf("errors.As(err, *StatusError) = %v (%+v); want status %d", got, se, tt.status)
				}
			})
		})
	}
}
