// Command deadlock sends on a channel that nobody receives from.
package main

import "fmt"

func main() {
	results := make(chan int)
	results <- 42 // blocks forever: no other goroutine exists to receive
	fmt.Println(<-results)
}
