// Command race counts with two goroutines and no synchronisation.
// Run it with the race detector: go run -race ./race
package main

import (
	"fmt"
	"sync"
)

func main() {
	n := 0
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			for range 1000 {
				n++ // read n, add one, write n: another goroutine can get in between
			}
		})
	}
	wg.Wait()
	fmt.Println("n =", n) // 2000 only if no increment was lost
}
