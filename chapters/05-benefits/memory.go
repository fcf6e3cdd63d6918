package benefits

import (
	"runtime"
	"sync"
)

// Park starts n goroutines that each block on a receive from one channel,
// and returns once all of them have started. Calling release closes the
// channel and waits until every goroutine has returned.
func Park(n int) (release func()) {
	ch := make(chan struct{})
	var started, done sync.WaitGroup
	started.Add(n)
	done.Add(n)
	for range n {
		go func() {
			defer done.Done()
			started.Done()
			<-ch // blocked: the goroutine holds only its stack and descriptor
		}()
	}
	started.Wait()
	return func() {
		close(ch)
		done.Wait()
	}
}

// GoroutineMemory parks n goroutines and returns the memory each one holds
// while it waits: the growth of stack memory plus live heap
// (runtime.MemStats StackInuse + HeapAlloc), divided by n.
//
// Call it in a fresh process for the full cost. The runtime keeps the
// descriptors of exited goroutines for reuse, so in a process that has
// already run many goroutines the next ones cost only their stacks.
func GoroutineMemory(n int) float64 {
	var before, during runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	release := Park(n)
	runtime.GC() // count only what is still reachable
	runtime.ReadMemStats(&during)
	release()
	grown := int64(during.StackInuse+during.HeapAlloc) - int64(before.StackInuse+before.HeapAlloc)
	return float64(grown) / float64(n)
}
