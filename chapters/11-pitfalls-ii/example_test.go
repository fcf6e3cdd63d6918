package pitfallsii

import (
	"fmt"
	"strings"
	"sync"
)

// A panic can only be recovered in the goroutine where it happens. The
// deferred function recovers it there and turns it into an error, which the
// goroutine hands over like any other result.
func Example_recoverInTheGoroutine() {
	errc := make(chan error, 1)
	go func() {
		defer func() {
			if v := recover(); v != nil {
				errc <- fmt.Errorf("worker: %v", v)
			}
		}()
		fields := strings.Split("ann", ",") // a record without an email field
		fmt.Println("email:", fields[1])    // panics: index out of range
		errc <- nil
	}()
	fmt.Println(<-errc)
	// Output: worker: runtime error: index out of range [1] with length 1
}

// Go's answer to asyncio's set of background tasks: a goroutine is never
// garbage collected, so nothing needs to hold on to it, but something has to
// wait for it. Without wg.Wait, main could return, and end the program,
// before the emails are sent.
func Example_waitForBackgroundWork() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var sent []string
	for _, to := range []string{"ann", "bob", "cy"} {
		wg.Go(func() {
			mu.Lock()
			defer mu.Unlock()
			sent = append(sent, "mail to "+to)
		})
	}
	wg.Wait()
	for _, s := range sent {
		fmt.Println(s)
	}
	// Unordered output:
	// mail to ann
	// mail to bob
	// mail to cy
}
