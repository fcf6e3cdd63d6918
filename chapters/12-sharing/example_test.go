package sharing_test

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/asyncgo/course/chapters/12-sharing"
)

// Two goroutines try to withdraw 80 from 100 at the same moment. The lock
// lets exactly one of them through.
func ExampleAccount() {
	var a sharing.Account
	a.Deposit(100)
	errs := make([]error, 2)
	var wg sync.WaitGroup
	for i := range errs {
		wg.Go(func() { errs[i] = a.Withdraw(80) })
	}
	wg.Wait()
	fmt.Println(errors.Join(errs...)) // the one that came second
	fmt.Println("balance:", a.Balance())
	// Output:
	// withdraw 80: balance is only 20
	// balance: 20
}

// Closing a channel is an event that any number of goroutines can wait
// for, and a receive can give up, like any channel operation in a select.
func Example_closeIsAnEvent() {
	start := make(chan struct{})
	var wg sync.WaitGroup
	for _, name := range []string{"a", "b", "c"} {
		wg.Go(func() {
			<-start // waits until start is closed; then never again
			fmt.Println(name, "runs")
		})
	}
	close(start) // wakes every waiter, now and later
	wg.Wait()

	never := make(chan struct{}) // nobody will close it
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	select {
	case <-never:
	case <-ctx.Done():
		fmt.Println("a channel nobody closes:", ctx.Err())
	}
	// Unordered output:
	// a runs
	// b runs
	// c runs
	// a channel nobody closes: context deadline exceeded
}

// Two watchers wait for their own targets; a third gives up when its
// context ends. The main goroutine adds work, and waits for each watcher's
// answer before adding more, so each one sees exactly its target.
func ExampleProgress() {
	p := sharing.NewProgress()
	ctx := context.Background()
	answers := make(map[int]chan string)
	for _, target := range []int{2, 4} {
		answers[target] = make(chan string, 1)
		go func() {
			done, _ := p.WaitFor(ctx, target)
			answers[target] <- fmt.Sprintf("watcher %d: saw %d", target, done)
		}()
	}
	p.Add(1)
	p.Add(1)
	fmt.Println(<-answers[2])
	p.Add(1)
	p.Add(1)
	fmt.Println(<-answers[4])

	ctx, cancel := context.WithTimeout(ctx, 10*time.Millisecond)
	defer cancel()
	done, err := p.WaitFor(ctx, 10)
	fmt.Printf("watcher 10: gave up at %d: %v\n", done, err)
	// Output:
	// watcher 2: saw 2
	// watcher 4: saw 4
	// watcher 10: gave up at 4: context deadline exceeded
}

// A WaitGroup used as a one-shot barrier: each goroutine counts itself
// done, then waits for the others. Nobody passes before all have arrived.
func Example_barrier() {
	const n = 3
	var arrived sync.WaitGroup
	arrived.Add(n)
	var mu sync.Mutex
	var log []string
	record := func(s string) {
		mu.Lock()
		defer mu.Unlock()
		log = append(log, s)
	}
	var workers sync.WaitGroup
	for i := range n {
		workers.Go(func() {
			record(fmt.Sprint(i, " arrives"))
			arrived.Done()
			arrived.Wait() // returns once all n have called Done
			record(fmt.Sprint(i, " passes"))
		})
	}
	workers.Wait()
	slices.Sort(log[:n]) // who arrives first is up to the scheduler
	slices.Sort(log[n:])
	fmt.Println(log[:n])
	fmt.Println(log[n:])
	// Output:
	// [0 arrives 1 arrives 2 arrives]
	// [0 passes 1 passes 2 passes]
}

// sync.OnceValue: the first call runs the function; every other call, at
// the same time or later, waits for it and gets the same value.
func Example_onceValue() {
	calls := 0
	loadConfig := sync.OnceValue(func() string {
		calls++ // runs once, so no race
		return "config v1"
	})
	got := make([]string, 3)
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() { got[i] = loadConfig() })
	}
	wg.Wait()
	fmt.Println(got, "calls:", calls)
	fmt.Println(loadConfig(), "calls:", calls)
	// Output:
	// [config v1 config v1 config v1] calls: 1
	// config v1 calls: 1
}

// sync.OnceValues keeps an error as faithfully as a value: a load that
// failed once fails for ever, without another try.
func Example_onceValuesKeepsErrors() {
	tries := 0
	load := sync.OnceValues(func() (string, error) {
		tries++
		if tries == 1 {
			return "", errors.New("connection reset")
		}
		return "config v1", nil
	})
	for range 3 {
		_, err := load()
		fmt.Println("error:", err)
	}
	fmt.Println("tries:", tries)
	// Output:
	// error: connection reset
	// error: connection reset
	// error: connection reset
	// tries: 1
}

// A goroutine locked to an OS thread of its own, as a thread that a C
// library calls back on would be, sends on a channel like any goroutine.
// There is no loop thread, and no thread-safe variant of the call to pick.
func Example_fromAnotherThread() {
	results := make(chan string)
	go func() {
		runtime.LockOSThread() // this goroutine now has a thread to itself
		defer runtime.UnlockOSThread()
		results <- "ready"
	}()
	fmt.Println("the thread sent", <-results)
	// Output:
	// the thread sent ready
}

// One goroutine owns the map; the others send it functions to run, as
// threads hand callbacks to asyncio's loop with call_soon_threadsafe. A
// function that sends on a reply channel is the counterpart of
// run_coroutine_threadsafe's future.
func Example_ownerGoroutine() {
	calls := make(chan func())
	counts := map[string]int{} // only the owner goroutine touches it
	done := make(chan struct{})
	go func() {
		defer close(done)
		for f := range calls { // run each function, one at a time
			f()
		}
	}()

	var wg sync.WaitGroup
	for _, word := range []string{"go", "py", "go"} {
		wg.Go(func() { calls <- func() { counts[word]++ } })
	}
	wg.Wait()
	reply := make(chan map[string]int)
	calls <- func() { reply <- maps.Clone(counts) }
	fmt.Println(<-reply)
	close(calls)
	<-done
	// Output:
	// map[go:2 py:1]
}
