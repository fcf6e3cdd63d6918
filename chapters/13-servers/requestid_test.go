package servers

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"time"
)

// withRequestIDs is middleware: it gives each request the ID its client
// sent in X-Request-Id, or a new one, and puts it in the request's context.
func withRequestIDs(next http.Handler) http.Handler {
	var n atomic.Int64 // requests without an ID so far; handlers run in many goroutines at once
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-Id")
		if id == "" {
			id = fmt.Sprintf("req-%d", n.Add(1))
		}
		next.ServeHTTP(w, r.WithContext(WithRequestID(r.Context(), id)))
	})
}

// logf prints a line tagged with the request ID that ctx carries.
func logf(ctx context.Context, format string, args ...any) {
	id, ok := RequestID(ctx)
	if !ok {
		id = "-"
	}
	fmt.Printf("[%s] "+format+"\n", append([]any{id}, args...)...)
}

// audit is a function deep in the call chain: the request ID reaches it in
// ctx, with no parameter for it on the way down. A value set in a derived
// context is seen below, never above.
func audit(ctx context.Context) {
	logf(ctx, "audit: sees the request's ID")
	ctx = WithRequestID(ctx, "changed-below")
	logf(ctx, "audit: a derived context with another ID")
}

// Request IDs travel in the request's context: the middleware puts them
// there, and every function below reads them, through derived contexts too.
func Example_requestID() {
	handler := withRequestIDs(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		logf(ctx, "handler: start")
		ctx, cancel := context.WithTimeout(ctx, time.Second) // derived contexts keep the values
		defer cancel()
		audit(ctx)
		logf(ctx, "handler: unchanged after audit")
	}))

	for _, header := range []string{"", "from-client-7"} {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		if header != "" {
			req.Header.Set("X-Request-Id", header)
		}
		handler.ServeHTTP(httptest.NewRecorder(), req)
	}
	logf(context.Background(), "outside any request")
	// Output:
	// [req-1] handler: start
	// [req-1] audit: sees the request's ID
	// [changed-below] audit: a derived context with another ID
	// [req-1] handler: unchanged after audit
	// [from-client-7] handler: start
	// [from-client-7] audit: sees the request's ID
	// [changed-below] audit: a derived context with another ID
	// [from-client-7] handler: unchanged after audit
	// [-] outside any request
}

// Two keys with the same underlying value but different types are different
// keys: a package's unexported key type cannot collide with anybody else's.
// A plain string key could (go vet does not object; staticcheck's SA1029
// does).
func Example_keysDoNotCollide() {
	type otherKey struct{} // another package's key, also an empty struct
	ctx := WithRequestID(context.Background(), "req-1")
	ctx = context.WithValue(ctx, otherKey{}, "not a request ID")
	id, _ := RequestID(ctx)
	fmt.Println(id)
	// Output: req-1
}
