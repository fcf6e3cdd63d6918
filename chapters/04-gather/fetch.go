package gather

import (
	"context"
	"fmt"
	"io"
	"net/http"
)

// StatusError reports a response whose status code is not 200 OK.
type StatusError struct {
	URL        string
	StatusCode int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("GET %s: %d %s", e.URL, e.StatusCode, http.StatusText(e.StatusCode))
}

// FetchURL fetches url with client and returns the response body.
// The request carries ctx, so cancelling ctx (or reaching its deadline)
// abandons the request. A status other than 200 OK is a [*StatusError];
// an error while reading the body is returned with the URL added.
func FetchURL(ctx context.Context, client *http.Client, url string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", fmt.Errorf("fetch: %w", err)
	}
	resp, err := client.Do(req) // errors already read `Get "url": ...`
	if err != nil {
		return "", err
	}
	defer resp.Body.Close() // always: an unclosed body pins its connection
	if resp.StatusCode != http.StatusOK {
		return "", &StatusError{URL: url, StatusCode: resp.StatusCode}
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", fmt.Errorf("GET %s: read body: %w", url, err)
	}
	return string(body), nil
}
