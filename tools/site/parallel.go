package main

import (
	"runtime"
	"slices"
	"sync"
)

// The stages of a build that work on many chapters or pages, each on its
// own, share the machine's cores through these two functions. Each call of
// f writes its result to its own index of a slice; the caller goes through
// the results in order afterwards, so that the build's output and problems
// do not depend on what ran first.

// parallel calls f(i) for every i from 0 to n-1, starting them in that
// order, as many at a time as the machine runs goroutines in parallel, and
// returns when all have returned. The calls must not share anything that is
// not safe for concurrent use.
func parallel(n int, f func(i int)) {
	next := make(chan int, n)
	for i := range n {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		// A few long-lived goroutines rather than one per call: their
		// stacks, grown deep by chroma, are grown once.
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	wg.Wait()
}

// parallelBySize is parallel for pieces of work of the given sizes: it
// calls f(i) for every index of sizes, starting the largest first, so that
// the last to finish is a small one.
func parallelBySize(sizes []int, f func(i int)) {
	order := make([]int, len(sizes))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return sizes[j] - sizes[i] })
	parallel(len(order), func(k int) { f(order[k]) })
}
