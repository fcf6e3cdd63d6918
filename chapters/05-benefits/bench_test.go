package benefits_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/asyncgo/course/chapters/05-benefits"
)

// fanOutSizes are the numbers of requests the fan-out benchmarks make.
var fanOutSizes = []int{1, 10, 100, 1000}

// fetcher is a fan-out strategy: benefits.FetchSequential or FetchConcurrent.
type fetcher func(context.Context, *http.Client, []string) ([]string, error)

// benchFanOut times fan-outs of 1 to 1,000 requests to a local server
// whose handler waits delay, one after another and all at once.
func benchFanOut(b *testing.B, delay time.Duration) {
	stop := make(chan struct{})
	srv := httptest.NewServer(benefits.LatencyHandler(delay, stop))
	defer srv.Close()
	defer close(stop)
	for _, mode := range []struct {
		name  string
		fetch fetcher
	}{{"sequential", benefits.FetchSequential}, {"concurrent", benefits.FetchConcurrent}} {
		b.Run("mode="+mode.name, func(b *testing.B) {
			for _, n := range fanOutSizes {
				b.Run(fmt.Sprint("n=", n), func(b *testing.B) {
					tr := benefits.NewTransport(n)
					defer tr.CloseIdleConnections()
					c, us := &http.Client{Transport: tr}, urls(srv.URL, n)
					warm := us[:1] // open the connections before the clock starts
					if mode.name == "concurrent" {
						warm = us
					}
					if _, err := mode.fetch(b.Context(), c, warm); err != nil {
						b.Fatal(err)
					}
					for b.Loop() {
						if _, err := mode.fetch(b.Context(), c, us); err != nil {
							b.Fatal(err)
						}
					}
					b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/request")
				})
			}
		})
	}
}

// BenchmarkFanOut: every request waits 50 ms on the server.
func BenchmarkFanOut(b *testing.B) { benchFanOut(b, 50*time.Millisecond) }

// BenchmarkFanOutNoLatency: the server answers at once.
func BenchmarkFanOutNoLatency(b *testing.B) { benchFanOut(b, 0) }

// BenchmarkFanOutTransport runs a concurrent fan-out of 100 requests of
// 50 ms with the default transport and a tuned one, and counts the
// connections each opens per fan-out.
func BenchmarkFanOutTransport(b *testing.B) {
	const n = 100
	stop := make(chan struct{})
	srv := httptest.NewServer(benefits.LatencyHandler(50*time.Millisecond, stop))
	defer srv.Close()
	defer close(stop)
	for _, tc := range []struct {
		name      string
		transport func() *http.Transport
	}{
		{"default", func() *http.Transport { return http.DefaultTransport.(*http.Transport).Clone() }},
		{"tuned", func() *http.Transport { return benefits.NewTransport(n) }},
	} {
		b.Run("transport="+tc.name, func(b *testing.B) {
			tr := tc.transport()
			defer tr.CloseIdleConnections()
			var dials atomic.Int64
			countDials(tr, &dials)
			c, us := &http.Client{Transport: tr}, urls(srv.URL, n)
			if _, err := benefits.FetchConcurrent(b.Context(), c, us); err != nil {
				b.Fatal(err)
			}
			dials.Store(0)
			for b.Loop() {
				if _, err := benefits.FetchConcurrent(b.Context(), c, us); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(dials.Load())/float64(b.N), "dials/op")
		})
	}
}

const parkChildEnv = "BENEFITS_PARK_CHILD"

// TestParkChild is the fresh process that BenchmarkGoroutineMemory and
// BenchmarkSpawn100k measure in; in a normal test run it is skipped.
// It weighs n new goroutines, then times starting and releasing n more.
func TestParkChild(t *testing.T) {
	n, err := strconv.Atoi(os.Getenv(parkChildEnv))
	if err != nil {
		t.Skip("runs only as the child process of the Park benchmarks")
	}
	bytes := benefits.GoroutineMemory(n)
	start := time.Now()
	release := benefits.Park(n)
	release()
	fmt.Printf("park-child %f bytes/goroutine %f ns/goroutine\n", bytes, float64(time.Since(start).Nanoseconds())/float64(n))
}

// benchPark runs TestParkChild with n goroutines in a fresh copy of the
// test binary, once per iteration, and reports its medians. A fresh
// process matters: once goroutines have exited, the runtime reuses their
// descriptors, and a second measurement would leave them out.
func benchPark(b *testing.B, n int) (bytes, ns float64) {
	var bs, ts []float64
	for b.Loop() {
		cmd := exec.Command(os.Args[0], "-test.run=^TestParkChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), parkChildEnv+"="+strconv.Itoa(n))
		out, err := cmd.Output()
		if err != nil {
			b.Fatalf("child process: %v\n%s", err, out)
		}
		_, line, _ := strings.Cut(string(out), "park-child ")
		var by, t float64
		if _, err := fmt.Sscanf(line, "%f bytes/goroutine %f ns/goroutine", &by, &t); err != nil {
			b.Fatalf("child process printed %q: %v", out, err)
		}
		bs, ts = append(bs, by), append(ts, t)
	}
	b.ReportMetric(0, "ns/op") // the time of a whole child process means nothing
	slices.Sort(bs)
	slices.Sort(ts)
	return bs[len(bs)/2], ts[len(ts)/2]
}

// BenchmarkGoroutineMemory reports the memory one goroutine blocked on a
// channel holds, measured with 10,000 of them.
func BenchmarkGoroutineMemory(b *testing.B) {
	bytes, _ := benchPark(b, 10_000)
	b.ReportMetric(bytes, "bytes/goroutine")
}

// BenchmarkSpawn100k starts 100,000 goroutines that wait, then releases
// them: the memory each holds while they all wait, and the time per
// goroutine to start, park and finish.
func BenchmarkSpawn100k(b *testing.B) {
	bytes, ns := benchPark(b, 100_000)
	b.ReportMetric(bytes, "bytes/goroutine")
	b.ReportMetric(ns, "ns/goroutine")
}
