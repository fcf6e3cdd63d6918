// Command stuck is a small job runner with a bug: its collector takes the
// first result and stops reading, so the other workers wait forever to send
// theirs, and main waits forever for the workers. A goroutine that reads
// commands on standard input keeps the program alive, so the runtime's
// deadlock detector stays silent: the program just hangs, as a server with a
// stuck part does. The commands show what is going on inside:
//
//	goroutines 1   the goroutine profile: each distinct stack once, with a count
//	goroutines 2   every goroutine and its stack, as a crash prints them
//	stack          the stack of the goroutine that runs the commands
//
// Each answer ends with a line "end". SIGQUIT (Ctrl-\ in a terminal) makes
// the runtime print every goroutine's stack and exit.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"sync"
)

func main() {
	runtime.GOMAXPROCS(2) // the same on every machine, for GODEBUG=schedtrace
	go commands(os.Stdin, os.Stdout)

	// region stuck
	results := make(chan int)
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() { results <- work(i) })
	}
	<-results // the bug: the collector takes one result and stops reading
	fmt.Println("collector: took one result, stopped reading")
	wg.Wait() // never returns: three workers wait to send
	// endregion stuck
}

// work stands for a job.
func work(i int) int { return i * i }

// region commands

// commands answers the commands it reads from in, one per line, on out.
func commands(in io.Reader, out io.Writer) {
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		switch sc.Text() {
		case "goroutines 1": // pprof's debug=1: each distinct stack once, with a count
			pprof.Lookup("goroutine").WriteTo(out, 1)
		case "goroutines 2": // debug=2: every goroutine, as a crash prints them
			pprof.Lookup("goroutine").WriteTo(out, 2)
		case "stack":
			out.Write(debug.Stack())
		}
		fmt.Fprintln(out, "end")
	}
}

// endregion commands
