package await_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/asyncgo/course/chapters/02-await"
	"golang.org/x/sync/errgroup"
)

// The smallest future in Go is a goroutine and a channel with room for
// one value.
func Example_bufferOfOne() {
	result := make(chan int, 1) // a buffer of one: the send below never blocks
	go func() {
		result <- 6 * 7
	}()
	fmt.Println(<-result) // receiving waits for the value: Go's await
	// Output: 42
}

// Every blocking operation waits; there is no keyword for it.
func Example_waiting() {
	// A channel receive waits for a value.
	ch := make(chan string, 1)
	go func() { ch <- "received" }()
	fmt.Println(<-ch)

	// WaitGroup.Wait waits until every goroutine started with Go returns.
	var wg sync.WaitGroup
	var a, b int
	wg.Go(func() { a = 1 })
	wg.Go(func() { b = 2 })
	wg.Wait()
	fmt.Println(a + b)

	// errgroup.Group.Wait waits too, and returns the first error.
	var g errgroup.Group
	g.Go(func() error { return nil })
	g.Go(func() error { return errors.New("disk full") })
	fmt.Println(g.Wait())
	// Output:
	// received
	// 3
	// disk full
}

func ExampleStart() {
	f := await.Start(func() (string, error) {
		return strings.ToUpper("gopher"), nil
	})
	ctx := context.Background()
	fmt.Println(f.Await(ctx))
	fmt.Println(f.Await(ctx)) // awaiting again returns the same result
	// Output:
	// GOPHER <nil>
	// GOPHER <nil>
}

// A caller that stops waiting does not stop the producer: the result
// arrives later and is kept for the next Await.
func ExampleFuture_Await_gaveUp() {
	release := make(chan struct{})
	f := await.Start(func() (int, error) {
		<-release // blocks until we let it go
		return 42, nil
	})

	ctx, cancel := context.WithCancel(context.Background())
	cancel() // this caller has stopped waiting
	_, err := f.Await(ctx)
	fmt.Println(err)

	close(release) // the producer carries on, and its result is kept
	fmt.Println(f.Await(context.Background()))
	// Output:
	// await: context canceled
	// 42 <nil>
}

// countWords is an ordinary function: it blocks while it reads, and it
// needs no async twin.
func countWords(r io.Reader) (int, error) {
	sc := bufio.NewScanner(r)
	sc.Split(bufio.ScanWords)
	n := 0
	for sc.Scan() {
		n++
	}
	return n, sc.Err()
}

// Go functions have no colour: the caller decides whether to wait.
func Example_noColour() {
	// Called directly, countWords makes its caller wait.
	n, _ := countWords(strings.NewReader("any function can block"))
	fmt.Println(n)

	// Started in a goroutine, it waits on its own while the caller goes on.
	pr, pw := io.Pipe()
	f := await.Start(func() (int, error) { return countWords(pr) })
	fmt.Fprint(pw, "the caller decides") // countWords has been blocked reading
	pw.Close()
	fmt.Println(f.Await(context.Background()))
	// Output:
	// 4
	// 3 <nil>
}
