package cancellation

import (
	"context"
	"errors"
	"fmt"
	"net"
	"time"
)

// ctx.Err says that the context was canceled; context.Cause says why. A
// child context sees the cause of its parent.
func Example_cause() {
	ctx, cancel := context.WithCancelCause(context.Background())
	child, stop := context.WithCancel(ctx)
	defer stop()

	cancel(errors.New("user pressed stop"))
	fmt.Println("ctx.Err:     ", ctx.Err())
	fmt.Println("Cause(ctx):  ", context.Cause(ctx))
	fmt.Println("child.Err:   ", child.Err())
	fmt.Println("Cause(child):", context.Cause(child))
	// Output:
	// ctx.Err:      context canceled
	// Cause(ctx):   user pressed stop
	// child.Err:    context canceled
	// Cause(child): user pressed stop
}

// Task b fails; errgroup cancels the group's context; a and c, which wait on
// it, stop with context.Canceled. Wait returns b's error, which is also the
// cause of the cancellation. (The durations are long on purpose: nobody waits
// for them, because a and c watch their context.)
func ExampleRunGroup() {
	boom := errors.New("b: boom")
	tl := RunGroup(context.Background(), []Task{
		Cooperative("a", time.Hour),
		Failing("b", 0, boom),
		Cooperative("c", time.Hour),
	})
	for _, s := range tl.Spans {
		fmt.Printf("%s: %s: %v\n", s.Name, s.Outcome(), s.Err)
	}
	fmt.Println("Wait:", tl.Err)
	fmt.Println("cause:", tl.Cause)
	// Output:
	// a: canceled: context canceled
	// b: failed: b: boom
	// c: canceled: context canceled
	// Wait: b: boom
	// cause: b: boom
}

// A net.Conn knows nothing of contexts. Read makes one blocked read give up
// when the context is canceled, here because the peer hung up after its
// greeting.
func ExampleRead() {
	client, server := net.Pipe()
	defer client.Close()
	defer server.Close()
	ctx, cancel := context.WithCancelCause(context.Background())
	go func() {
		server.Write([]byte("hello")) // returns once the client has read it all
		cancel(errors.New("peer hung up"))
	}()

	buf := make([]byte, 16)
	n, err := Read(ctx, client, buf)
	fmt.Printf("read %q, err %v\n", buf[:n], err)
	n, err = Read(ctx, client, buf) // the peer writes nothing more
	fmt.Printf("read %q, err %v, cause %v\n", buf[:n], err, context.Cause(ctx))
	// Output:
	// read "hello", err <nil>
	// read "", err context canceled, cause peer hung up
}

// WithoutCancel keeps the values of a context and drops its cancellation:
// for work that must finish after the request that started it is canceled,
// such as writing an audit record. Give that work its own timeout.
func Example_withoutCancel() {
	type requestID struct{}
	ctx := context.WithValue(context.Background(), requestID{}, "req-42")
	ctx, cancel := context.WithCancel(ctx)
	cancel() // the client went away

	audit, done := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer done()
	fmt.Println("request:", ctx.Err())
	fmt.Println("audit:  ", audit.Err(), audit.Value(requestID{}))
	// Output:
	// request: context canceled
	// audit:   <nil> req-42
}
