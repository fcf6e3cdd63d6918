package gather

import (
	"io"
	"net/http"
	"testing"
)

// TestBodyDecidesReuse makes two requests, one after the other, to a
// loopback server and counts the connections dialled. The first response
// is handled three ways; only a body read to EOF gives its connection back.
func TestBodyDecidesReuse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		after func(*http.Response) // what the caller does with the first response
		dials int64
	}{
		{"read to EOF and closed", func(r *http.Response) { io.Copy(io.Discard, r.Body); r.Body.Close() }, 1},
		{"closed unread", func(r *http.Response) { r.Body.Close() }, 2},
		{"neither (the connection stays busy)", func(*http.Response) {}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv, dials := countingServer(t, nil)
			tr := tunedTransport()
			defer tr.CloseIdleConnections()
			client := &http.Client{Transport: tr}

			first, err := client.Get(srv.URL + "/first")
			if err != nil {
				t.Fatal(err)
			}
			defer first.Body.Close() // for the third case: free its goroutines at the end
			tt.after(first)
			if _, err := FetchURL(t.Context(), client, srv.URL+"/second"); err != nil {
				t.Fatal(err)
			}
			if got := dials.Load(); got != tt.dials {
				t.Errorf("dialled %d connections, want %d", got, tt.dials)
			}
		})
	}
}
