package gather_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/asyncgo/course/chapters/04-gather"
	"github.com/jarcoal/httpmock"
)

// The three URLs of the aiohttp listing, answered by a mock transport. example.com answers
// last, yet its body comes first: results follow the argument order.
func ExampleGather() {
	mock := httpmock.NewMockTransport() // the client's own transport
	netAnswered := make(chan struct{})
	mock.RegisterResponder("GET", "http://example.com", func(req *http.Request) (*http.Response, error) {
		<-netAnswered // wait until example.net has answered
		return httpmock.NewStringResponse(200, "Example Domain (.com)"), nil
	})
	mock.RegisterResponder("GET", "http://example.org", httpmock.NewStringResponder(200, "Example Domain (.org)"))
	mock.RegisterResponder("GET", "http://example.net", func(req *http.Request) (*http.Response, error) {
		defer close(netAnswered)
		return httpmock.NewStringResponse(200, "Example Domain (.net)"), nil
	})
	client := &http.Client{Transport: mock}

	urls := []string{"http://example.com", "http://example.org", "http://example.net"}
	bodies, err := gather.Gather(context.Background(), client, urls)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, body := range bodies {
		fmt.Println(body)
	}
	// Output:
	// Example Domain (.com)
	// Example Domain (.org)
	// Example Domain (.net)
}

// Fail fast: the 500 cancels the request still waiting, and Gather
// returns the first error alone.
func ExampleGather_failFast() {
	mock := httpmock.NewMockTransport()
	mock.RegisterResponder("GET", "http://example.com/ok", httpmock.NewStringResponder(200, "ok"))
	mock.RegisterResponder("GET", "http://example.com/broken", httpmock.NewStringResponder(500, "oops"))
	saw := make(chan error, 1)
	mock.RegisterResponder("GET", "http://example.com/slow", func(req *http.Request) (*http.Response, error) {
		<-req.Context().Done() // a server that never answers by itself
		saw <- req.Context().Err()
		return nil, req.Context().Err()
	})
	client := &http.Client{Transport: mock}

	urls := []string{"http://example.com/ok", "http://example.com/broken", "http://example.com/slow"}
	bodies, err := gather.Gather(context.Background(), client, urls)
	fmt.Printf("bodies: %q\n", bodies)
	fmt.Println("error:", err)
	fmt.Println("the slow request saw:", <-saw)
	// Output:
	// bodies: []
	// error: GET http://example.com/broken: 500 Internal Server Error
	// the slow request saw: context canceled
}

// Collect everything: one Result per URL, in argument order. The slow
// request answers after the 500 and is not cancelled.
func ExampleGatherAll() {
	mock := httpmock.NewMockTransport()
	brokenAnswered := make(chan struct{})
	mock.RegisterResponder("GET", "http://example.com/ok", httpmock.NewStringResponder(200, "ok"))
	mock.RegisterResponder("GET", "http://example.com/broken", func(req *http.Request) (*http.Response, error) {
		defer close(brokenAnswered)
		return httpmock.NewStringResponse(500, "oops"), nil
	})
	mock.RegisterResponder("GET", "http://example.com/refused", httpmock.NewErrorResponder(errors.New("connection refused")))
	mock.RegisterResponder("GET", "http://example.com/slow", func(req *http.Request) (*http.Response, error) {
		<-brokenAnswered
		return httpmock.NewStringResponse(200, "late, but complete"), nil
	})
	client := &http.Client{Transport: mock}

	urls := []string{"http://example.com/ok", "http://example.com/broken",
		"http://example.com/refused", "http://example.com/slow"}
	for i, r := range gather.GatherAll(context.Background(), client, urls) {
		if r.Err != nil {
			fmt.Printf("%d error: %v\n", i, r.Err)
			continue
		}
		fmt.Printf("%d body:  %s\n", i, r.Body)
	}
	// Output:
	// 0 body:  ok
	// 1 error: GET http://example.com/broken: 500 Internal Server Error
	// 2 error: Get "http://example.com/refused": connection refused
	// 3 body:  late, but complete
}
