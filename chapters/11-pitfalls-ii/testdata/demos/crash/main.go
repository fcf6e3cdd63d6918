// Command crash shows that a panic in one goroutine ends the whole program,
// and that a recover in main cannot stop it.
package main

import (
	"fmt"
	"sync"
)

func average(xs []int) int {
	sum := 0
	for _, x := range xs {
		sum += x
	}
	return sum / len(xs) // an empty batch divides by zero
}

func main() {
	defer func() {
		if v := recover(); v != nil {
			fmt.Println("main recovered:", v) // never runs: the panic is in another goroutine
		}
	}()
	batches := [][]int{{1, 2, 3}, {}, {4, 5}}
	var wg sync.WaitGroup
	for _, b := range batches {
		wg.Go(func() { fmt.Println("average:", average(b)) })
	}
	wg.Wait()
	fmt.Println("main: done") // never runs either
}
