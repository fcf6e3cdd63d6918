// Command busy keeps more goroutines ready to run than there are Ps: six
// goroutines spin on the CPU for a tenth of a second at GOMAXPROCS=2, so
// about four of them wait in run queues at any moment. See the queues with
//
//	GODEBUG=schedtrace=10 go run ./busy
//
// and who waited for a P, and how long, with
//
//	go run ./busy -trace busy.trace
//	go tool trace -pprof=sched busy.trace > sched.pprof
//	go tool pprof -top sched.pprof
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/trace"
	"sync"
	"time"
)

func main() {
	out := flag.String("trace", "", "write an execution trace to this `file`")
	flag.Parse()
	runtime.GOMAXPROCS(2)
	if *out != "" {
		f, err := os.Create(*out)
		if err == nil {
			err = trace.Start(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "busy:", err)
			os.Exit(1)
		}
		defer f.Close()
		defer trace.Stop()
	}
	spin(6, 100*time.Millisecond)
	fmt.Println("done")
}

// spin runs n goroutines that each keep the CPU busy for d.
func spin(n int, d time.Duration) {
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for start := time.Now(); time.Since(start) < d; {
			}
		})
	}
	wg.Wait()
}
