package limits

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// runUnbounded starts one goroutine per job, with no limit at all.
func runUnbounded(ctx context.Context, jobs []Job) {
	var wg sync.WaitGroup
	for _, job := range jobs {
		wg.Go(func() { job(ctx) })
	}
	wg.Wait()
}

// TestUnboundedFanOut: a thousand jobs, a thousand at once. On fake
// time it is quick; against a real server it is a thousand connections.
func TestUnboundedFanOut(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var g Gauge
		runUnbounded(t.Context(), sleepJobs(1000, &g, time.Second))
		if g.Max() != 1000 {
			t.Errorf("%d in flight at most, want 1000", g.Max())
		}
	})
}

// runLeaky is RunChan's loop with a bug: a failing job returns before
// giving its slot back.
func runLeaky(ctx context.Context, sem chan struct{}, jobs []Job) {
	var wg sync.WaitGroup
	for _, job := range jobs {
		sem <- struct{}{}
		wg.Go(func() {
			if err := job(ctx); err != nil {
				return // BUG: the slot is never released; use defer
			}
			<-sem
		})
	}
	wg.Wait()
}

// TestLeakySemaphore: two failures cost two of the three slots for good.
// One more failure and every later acquire would wait for ever.
func TestLeakySemaphore(t *testing.T) {
	fail := func(context.Context) error { return errors.New("boom") }
	ok := func(context.Context) error { return nil }
	sem := make(chan struct{}, 3)
	runLeaky(t.Context(), sem, []Job{ok, fail, ok, fail, ok})
	if len(sem) != 2 {
		t.Errorf("%d slots held after every job returned, want the 2 leaked ones", len(sem))
	}
}

// collectWrong starts one goroutine per number, each sending its square on
// results, and waits for all of them before reading any.
func collectWrong(results chan int, nums []int) []int {
	var wg sync.WaitGroup
	for _, n := range nums {
		wg.Go(func() { results <- n * n }) // waits for a receiver
	}
	wg.Wait() // BUG: the receiver is below; nobody reads yet
	close(results)
	var out []int
	for r := range results {
		out = append(out, r)
	}
	return out
}

// TestCollectWrongDeadlocks: once every goroutine is blocked, nothing can
// ever move again: collectWrong has not returned and never will. The test
// then receives the three squares itself to let everyone finish.
func TestCollectWrongDeadlocks(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		results := make(chan int) // unbuffered
		done := make(chan []int)
		go func() { done <- collectWrong(results, []int{1, 2, 3}) }()
		synctest.Wait() // every goroutine in the bubble is durably blocked
		select {
		case <-done:
			t.Fatal("collectWrong returned; want it stuck")
		default:
		}
		for range 3 { // rescue: be the reader collectWrong lacks
			<-results
		}
		<-done
	})
}

// Example_sendOnClosed: sending on a closed channel panics.
func Example_sendOnClosed() {
	ch := make(chan int, 1)
	close(ch)
	v, ok := <-ch // receiving is fine: the zero value, and ok is false
	fmt.Println("receive:", v, ok)
	defer func() { fmt.Println("send: panic:", recover()) }()
	ch <- 1
	// Output:
	// receive: 0 false
	// send: panic: send on closed channel
}

// TestCloseUnderBlockedSender: closing a channel that a goroutine is
// blocked sending on makes that goroutine panic. (asyncio's shutdown makes
// a waiting put raise QueueShutDown instead.)
func TestCloseUnderBlockedSender(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ch := make(chan int)
		recovered := make(chan any)
		go func() {
			defer func() { recovered <- recover() }()
			ch <- 1
		}()
		synctest.Wait() // the sender is blocked in ch <- 1
		close(ch)
		if r := fmt.Sprint(<-recovered); r != "send on closed channel" {
			t.Errorf("the blocked sender recovered %q, want a panic: send on closed channel", r)
		}
	})
}
