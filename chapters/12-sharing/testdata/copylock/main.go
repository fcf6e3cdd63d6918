// Command copylock counts with a method on a value receiver: every call
// works on a copy of the counter, its mutex included. go vet reports it.
package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	n  int
}

// Inc has a value receiver: c is a copy, so is c.mu, and the increment is lost.
func (c Counter) Inc() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
}

func main() {
	var c Counter
	for range 3 {
		c.Inc()
	}
	fmt.Println("n =", c.n)
}
