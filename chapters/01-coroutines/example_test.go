package coroutines

import (
	"fmt"
	"os"
)

// Calling Countdown is like calling an async def function: you get a value
// back and nothing runs. Each Resume runs the body to its next yield.
func ExampleCountdown() {
	co := Countdown(os.Stdout, "a", 2)
	fmt.Println("main: created a, nothing ran")
	for {
		n, ok := co.Resume()
		if !ok {
			break
		}
		fmt.Println("main: got", n)
	}
	fmt.Println("main: done")
	// Output:
	// main: created a, nothing ran
	// a: start
	// a: yield 2
	// main: got 2
	// a: yield 1
	// main: got 1
	// a: end
	// main: done
}

// Stop makes the pending yield return false; the body returns and its
// deferred calls run before Stop returns.
func ExampleCoroutine_Stop() {
	co := Countdown(os.Stdout, "a", 3)
	n, _ := co.Resume()
	fmt.Println("main: got", n)
	n, _ = co.Resume()
	fmt.Println("main: got", n, "- enough")
	co.Stop()
	_, ok := co.Resume()
	fmt.Println("main: resume after stop:", ok)
	// Output:
	// a: start
	// a: yield 3
	// main: got 3
	// a: yield 2
	// main: got 2 - enough
	// a: stopped
	// a: end
	// main: resume after stop: false
}

// Two coroutines, one caller, a queue of who runs next: a round-robin
// scheduler in eight lines. The order is fixed because only one side runs
// at a time and every switch is a Resume or a yield.
func Example_interleave() {
	ready := []*Coroutine[int]{
		Countdown(os.Stdout, "a", 2),
		Countdown(os.Stdout, "b", 3),
	}
	for len(ready) > 0 {
		co := ready[0]
		ready = ready[1:]
		if _, ok := co.Resume(); ok {
			ready = append(ready, co) // it suspended: it goes to the back
		}
	}
	// Output:
	// a: start
	// a: yield 2
	// b: start
	// b: yield 3
	// a: yield 1
	// b: yield 2
	// a: end
	// b: yield 1
	// b: end
}

// A goroutine starts as soon as the go statement runs; nobody has to resume
// or await it. A coroutine waits for its first Resume.
func Example_goroutineVsCoroutine() {
	events := make(chan string, 2)
	go func() { events <- "goroutine: running, nobody asked" }()
	co := New(func(yield func(struct{}) bool) { events <- "coroutine: running" })

	fmt.Println(<-events)
	select {
	case e := <-events:
		fmt.Println(e)
	default:
		fmt.Println("coroutine: not started, waiting for Resume")
	}
	co.Resume() // runs the body to its end, here
	fmt.Println(<-events)
	// Output:
	// goroutine: running, nobody asked
	// coroutine: not started, waiting for Resume
	// coroutine: running
}

// A body that ignores yield's false keeps running: Stop then runs the rest
// of it, every later yield returning false at once, and waits for the end.
func Example_ignoredStop() {
	co := New(func(yield func(int) bool) {
		for i := 1; i <= 3; i++ {
			fmt.Println("body: step", i)
			yield(i) // wrong: the result says whether to go on
		}
		fmt.Println("body: returns")
	})
	co.Resume()
	fmt.Println("main: stop")
	co.Stop()
	fmt.Println("main: stop returned")
	// Output:
	// body: step 1
	// main: stop
	// body: step 2
	// body: step 3
	// body: returns
	// main: stop returned
}
