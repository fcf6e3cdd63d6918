// Command sched runs a few goroutines under the execution tracer, at
// GOMAXPROCS=2, and writes the trace to a file, so that you can watch Go's
// scheduler at work: goroutines that sleep, one that blocks its thread in a
// read(2) system call, a CPU-bound loop with no function call in it, and
// three goroutines that wait for data on loopback TCP connections.
//
//	go run ./sched -trace sched.trace
//	go tool trace sched.trace
//
// Each goroutine runs its work in a trace region (runtime/trace.WithRegion)
// named after its part: "spin", "read(2)", "sleep 1", "net 1", and so on.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"runtime"
	"runtime/trace"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

func main() {
	out := flag.String("trace", "sched.trace", "write the execution trace to this `file`")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "sched:", err)
		os.Exit(1)
	}
}

// run sets up the connections and the pipe, then traces work.
func run(out string) error {
	runtime.GOMAXPROCS(2)

	// Three loopback TCP connections: the sleepers write to the server
	// ends, the readers wait on the client ends.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	defer ln.Close()
	var servers, clients []net.Conn
	for range 3 {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			return err
		}
		defer c.Close()
		s, err := ln.Accept()
		if err != nil {
			return err
		}
		defer s.Close()
		clients, servers = append(clients, c), append(servers, s)
	}

	// A pipe, read with read(2) on a blocking descriptor: Fd puts it in
	// blocking mode, so the read holds its thread in the kernel.
	r, w, err := os.Pipe()
	if err != nil {
		return err
	}
	defer r.Close()
	defer w.Close()
	fd := int(r.Fd())

	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := trace.Start(f); err != nil {
		f.Close()
		return err
	}
	werr := work(fd, w, clients, servers)
	trace.Stop()
	if err := f.Close(); err != nil {
		return err
	}
	if werr != nil {
		return werr
	}
	fmt.Printf("gomaxprocs: %d\n", runtime.GOMAXPROCS(0)) // for the record
	return nil
}

// region work

// work is what the trace shows. Every goroutine names its part with a region.
func work(fd int, pipe io.Writer, clients, servers []net.Conn) error {
	ctx := context.Background()
	defer trace.StartRegion(ctx, "main").End()
	var wg sync.WaitGroup
	errs := make(chan error, 8)

	// One CPU-bound loop, with no function call in it, until main says stop.
	var stop atomic.Bool
	spun := make(chan int)
	go trace.WithRegion(ctx, "spin", func() {
		n := 0
		for !stop.Load() {
			n++
		}
		spun <- n
	})

	// One goroutine blocks its thread in read(2) until main writes to the pipe.
	wg.Go(func() {
		trace.WithRegion(ctx, "read(2)", func() {
			_, err := syscall.Read(fd, make([]byte, 1))
			errs <- err
		})
	})

	// Three readers wait for a byte on loopback: the netpoller wakes them.
	// Three sleepers wake at 10, 20 and 30 ms and send each reader its byte.
	for i := range 3 {
		wg.Go(func() {
			trace.WithRegion(ctx, fmt.Sprint("net ", i+1), func() {
				_, err := io.ReadFull(clients[i], make([]byte, 1))
				errs <- err
			})
		})
		wg.Go(func() {
			trace.WithRegion(ctx, fmt.Sprint("sleep ", i+1), func() {
				time.Sleep(time.Duration(i+1) * 10 * time.Millisecond)
				_, err := servers[i].Write([]byte{1})
				errs <- err
			})
		})
	}

	// Main sleeps 40 ms, then writes to the pipe, waits for the others and
	// stops the loop.
	time.Sleep(40 * time.Millisecond)
	_, err := pipe.Write([]byte{1})
	errs <- err
	wg.Wait()
	stop.Store(true)
	<-spun
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// endregion work
