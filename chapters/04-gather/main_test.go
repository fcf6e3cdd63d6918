package gather

import (
	"net/http"
	"testing"

	"github.com/asyncgo/course/chapters/internal/pycheck"
	"github.com/jarcoal/httpmock"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestPython(t *testing.T) { pycheck.Check(t, "python") }

// mockClient returns a client whose own transport answers GET requests
// with the responder registered for each URL. It never touches
// http.DefaultTransport, so tests using it can run in parallel.
// The mock starts no goroutine and no timer of its own: it makes them for
// each request, so requests sent inside a synctest bubble use its fake clock.
func mockClient(routes map[string]httpmock.Responder) *http.Client {
	mock := httpmock.NewMockTransport()
	for url, r := range routes {
		mock.RegisterResponder(http.MethodGet, url, r)
	}
	return &http.Client{Transport: mock}
}
