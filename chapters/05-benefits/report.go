package benefits

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/asyncgo/course/tools/benchdata"
)

// FanOutSizes returns the numbers of requests the fan-out benchmarks make.
func FanOutSizes() []int { return []int{1, 10, 100, 1000} }

// Benchmark names in the results file, without the "Benchmark" prefix.
const (
	fanOutName    = "FanOut/mode=%s/n=%d"
	noLatencyName = "FanOutNoLatency/mode=%s/n=%d"
	transportName = "FanOutTransport/transport=%s"
	goroutineName = "GoroutineMemory"
	spawnName     = "Spawn100k"
	asyncioName   = "AsyncioTaskMemory"
	threadName    = "ThreadStack"
)

// Summary holds the medians the chapter's tables, charts and prose use.
type Summary struct {
	Sequential, Concurrent           []float64         // ns per fan-out, by FanOutSizes()
	SeqPerRequest, ConcPerRequest    []float64         // ns per request without latency, by FanOutSizes()
	DefaultTransport, TunedTransport float64           // ns per 100-request fan-out
	DefaultDials, TunedDials         float64           // new connections per fan-out
	Goroutine, Goroutine100k         float64           // bytes per waiting goroutine, 10,000 and 100,000 of them
	SpawnNs                          float64           // ns per goroutine to start, park and finish 100,000
	AsyncioTask                      float64           // bytes per waiting asyncio task
	ThreadStack                      float64           // bytes of a thread's default stack reservation
	Runs                             map[string][2]int // fewest and most runs behind a median, by table
	CPU, Platform                    string
}

// Speedup returns Sequential[i] / Concurrent[i].
func (s *Summary) Speedup(i int) float64 { return s.Sequential[i] / s.Concurrent[i] }

// Summarize takes the medians the chapter needs out of r.
func Summarize(r *benchdata.Results) (*Summary, error) {
	s := &Summary{Runs: map[string][2]int{}, CPU: r.Get("cpu"), Platform: r.Get("goos") + "/" + r.Get("goarch")}
	var errs []string
	get := func(table, name, unit string) float64 {
		b, err := r.Find(name)
		var v float64
		if err == nil {
			v, err = b.Median(unit)
		}
		if err != nil {
			errs = append(errs, err.Error())
			return math.NaN()
		}
		n, mm := len(b.Values[unit]), s.Runs[table]
		if mm[0] == 0 || n < mm[0] {
			mm[0] = n
		}
		mm[1] = max(mm[1], n)
		s.Runs[table] = mm
		return v
	}
	for _, n := range FanOutSizes() {
		s.Sequential = append(s.Sequential, get("fanout", fmt.Sprintf(fanOutName, "sequential", n), "ns/op"))
		s.Concurrent = append(s.Concurrent, get("fanout", fmt.Sprintf(fanOutName, "concurrent", n), "ns/op"))
		s.SeqPerRequest = append(s.SeqPerRequest, get("nolatency", fmt.Sprintf(noLatencyName, "sequential", n), "ns/request"))
		s.ConcPerRequest = append(s.ConcPerRequest, get("nolatency", fmt.Sprintf(noLatencyName, "concurrent", n), "ns/request"))
	}
	s.DefaultTransport = get("transport", fmt.Sprintf(transportName, "default"), "ns/op")
	s.TunedTransport = get("transport", fmt.Sprintf(transportName, "tuned"), "ns/op")
	s.DefaultDials = get("transport", fmt.Sprintf(transportName, "default"), "dials/op")
	s.TunedDials = get("transport", fmt.Sprintf(transportName, "tuned"), "dials/op")
	s.Goroutine = get("memory", goroutineName, "bytes/goroutine")
	s.Goroutine100k = get("spawn", spawnName, "bytes/goroutine")
	s.SpawnNs = get("spawn", spawnName, "ns/goroutine")
	s.AsyncioTask = get("memory", asyncioName, "bytes/task")
	s.ThreadStack = get("memory", threadName, "bytes/thread")
	if len(errs) > 0 {
		return nil, fmt.Errorf("summarize results: %s", strings.Join(errs, "; "))
	}
	return s, nil
}

// Render turns results into the chapter's generated files, keyed by their
// path relative to the chapter directory: markdown tables (testdata/*.md)
// and SVG charts (testdata/*.svg).
func Render(r *benchdata.Results) (map[string][]byte, error) {
	s, err := Summarize(r)
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{
		"testdata/fanout.md":    s.fanOutTable(),
		"testdata/nolatency.md": s.noLatencyTable(),
		"testdata/transport.md": s.transportTable(),
		"testdata/memory.md":    s.memoryTable(),
		"testdata/spawn.md":     s.spawnTable(),
	}
	charts := map[string]interface{ SVG() ([]byte, error) }{
		"testdata/speedup.svg":   s.speedupChart(),
		"testdata/nolatency.svg": s.noLatencyChart(),
		"testdata/memory.svg":    s.memoryChart(),
	}
	for name, c := range charts {
		svg, err := c.SVG()
		if err != nil {
			return nil, fmt.Errorf("render %s: %w", name, err)
		}
		files[name] = svg
	}
	return files, nil
}

// duration formats nanoseconds with three significant digits.
func duration(ns float64) string {
	switch {
	case ns < 1e3:
		return sig3(ns) + " ns"
	case ns < 1e6:
		return sig3(ns/1e3) + " µs"
	case ns < 1e9:
		return sig3(ns/1e6) + " ms"
	}
	return sig3(ns/1e9) + " s"
}

// sig3 formats v with three significant digits, without an exponent.
func sig3(v float64) string {
	digits := 2
	switch {
	case v >= 100:
		digits = 0
	case v >= 10:
		digits = 1
	}
	return strconv.FormatFloat(v, 'f', digits, 64)
}

// times formats a ratio such as a speedup.
func times(v float64) string {
	if v >= 10 {
		return strconv.FormatFloat(v, 'f', 0, 64) + "×"
	}
	return strconv.FormatFloat(v, 'f', 1, 64) + "×"
}

// thousands formats a whole number with comma separators.
func thousands(v float64) string {
	s := strconv.FormatFloat(math.Round(v), 'f', 0, 64)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

func (s *Summary) footer(b *bytes.Buffer, table string, what string) {
	runs := strconv.Itoa(s.Runs[table][1])
	if mm := s.Runs[table]; mm[0] != mm[1] {
		runs = fmt.Sprintf("%d to %d", mm[0], mm[1])
	}
	fmt.Fprintf(b, "\n<small>%s Medians of %s runs from `testdata/bench.txt` (refreshed by `make bench`), on %s, %s.</small>\n",
		what, runs, s.CPU, s.Platform)
}

func (s *Summary) fanOutTable() []byte {
	var b bytes.Buffer
	b.WriteString("| requests | sequential | concurrent | speedup | ideal |\n|---:|---:|---:|---:|---:|\n")
	for i, n := range FanOutSizes() {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", thousands(float64(n)), duration(s.Sequential[i]), duration(s.Concurrent[i]), times(s.Speedup(i)), thousands(float64(n))+"×")
	}
	s.footer(&b, "fanout", "Time for the whole fan-out; every request waits 50 ms on the server.")
	return b.Bytes()
}

func (s *Summary) noLatencyTable() []byte {
	var b bytes.Buffer
	b.WriteString("| requests | sequential, per request | concurrent, per request | concurrent ÷ sequential |\n|---:|---:|---:|---:|\n")
	for i, n := range FanOutSizes() {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", thousands(float64(n)), duration(s.SeqPerRequest[i]), duration(s.ConcPerRequest[i]), times(s.ConcPerRequest[i]/s.SeqPerRequest[i]))
	}
	s.footer(&b, "nolatency", "The server answers at once; time per request is the fan-out's time divided by the requests.")
	return b.Bytes()
}

func (s *Summary) transportTable() []byte {
	var b bytes.Buffer
	b.WriteString("| transport | time for 100 concurrent requests | new connections per fan-out |\n|---|---:|---:|\n")
	fmt.Fprintf(&b, "| `http.DefaultTransport` (keeps 2 idle connections per host) | %s | %s |\n", duration(s.DefaultTransport), thousands(s.DefaultDials))
	fmt.Fprintf(&b, "| `NewTransport(100)` (keeps 100) | %s | %s |\n", duration(s.TunedTransport), thousands(s.TunedDials))
	s.footer(&b, "transport", "Every request waits 50 ms on the server.")
	return b.Bytes()
}

func (s *Summary) memoryTable() []byte {
	var b bytes.Buffer
	b.WriteString("| one waiting … | bytes | compared with a goroutine | measured by |\n|---|---:|---:|---|\n")
	fmt.Fprintf(&b, "| asyncio task (awaiting an `Event`) | %s | %s | `tracemalloc`, `python/task_memory.py` |\n", thousands(s.AsyncioTask), times(s.AsyncioTask/s.Goroutine))
	fmt.Fprintf(&b, "| goroutine (blocked on a channel) | %s | 1× | `runtime.MemStats`, `GoroutineMemory` in a fresh process |\n", thousands(s.Goroutine))
	fmt.Fprintf(&b, "| OS thread: default stack reservation | %s | %s | the `RLIMIT_STACK` soft limit (`ulimit -s`), which glibc uses as the default thread stack size |\n", thousands(s.ThreadStack), times(s.ThreadStack/s.Goroutine))
	s.footer(&b, "memory", "10,000 goroutines or tasks, memory grown divided by 10,000.")
	return b.Bytes()
}

func (s *Summary) spawnTable() []byte {
	var b bytes.Buffer
	b.WriteString("| goroutines | memory per goroutine while all wait | time per goroutine to start, wait and finish | time for all |\n|---:|---:|---:|---:|\n")
	fmt.Fprintf(&b, "| 100,000 | %s bytes | %s | %s |\n", thousands(s.Goroutine100k), duration(s.SpawnNs), duration(s.SpawnNs*100_000))
	s.footer(&b, "spawn", "Each run in a fresh process: memory measured on the first 100,000 goroutines, time on a second 100,000, which reuse the first ones' descriptors.")
	return b.Bytes()
}

func powLabel(unit string) func(float64) string {
	return func(v float64) string {
		switch {
		case v >= 1e9:
			return strconv.FormatFloat(v/1e9, 'f', -1, 64) + " G" + unit
		case v >= 1e6:
			return strconv.FormatFloat(v/1e6, 'f', -1, 64) + " M" + unit
		case v >= 1e3:
			return strconv.FormatFloat(v/1e3, 'f', -1, 64) + " k" + unit
		}
		return strconv.FormatFloat(v, 'f', -1, 64) + " " + unit
	}
}

func (s *Summary) speedupChart() LineChart {
	measured, ideal := Series{Name: "measured: sequential time ÷ concurrent time"}, Series{Name: "ideal: n requests, n× faster", Dashed: true}
	for i, n := range FanOutSizes() {
		measured.Points = append(measured.Points, Point{float64(n), s.Speedup(i)})
		ideal.Points = append(ideal.Points, Point{float64(n), float64(n)})
	}
	return LineChart{
		Title:  "Fan-out speedup against the number of requests (50 ms each)",
		Desc:   fmt.Sprintf("Log-log chart of the measured speedup beside the ideal line: %s at 10 requests, %s at 100, %s at 1,000.", times(s.Speedup(1)), times(s.Speedup(2)), times(s.Speedup(3))),
		XLabel: "requests (n)", YLabel: "speedup",
		XTick:  thousands,
		YTick:  func(v float64) string { return thousands(v) + "×" },
		Series: []Series{ideal, measured},
	}
}

func (s *Summary) noLatencyChart() LineChart {
	seq, conc := Series{Name: "sequential"}, Series{Name: "concurrent"}
	for i, n := range FanOutSizes() {
		seq.Points = append(seq.Points, Point{float64(n), s.SeqPerRequest[i]})
		conc.Points = append(conc.Points, Point{float64(n), s.ConcPerRequest[i]})
	}
	return LineChart{
		Title:  "Time per request when the server answers at once",
		Desc:   fmt.Sprintf("Log-log chart of time per request. At 100 requests: sequential %s, concurrent %s.", duration(s.SeqPerRequest[2]), duration(s.ConcPerRequest[2])),
		XLabel: "requests (n)", YLabel: "time per request",
		XTick:  thousands,
		YTick:  func(v float64) string { return duration(v) },
		Series: []Series{seq, conc},
	}
}

func (s *Summary) memoryChart() BarChart {
	return BarChart{
		Title: "Memory of one waiting task (log scale)",
		Desc: fmt.Sprintf("Bar chart on a logarithmic scale: an asyncio task %s bytes, a goroutine %s bytes, an OS thread's default stack reservation %s bytes.",
			thousands(s.AsyncioTask), thousands(s.Goroutine), thousands(s.ThreadStack)),
		XLabel: "bytes",
		XTick:  powLabel("B"),
		Bars: []Bar{
			{Label: "asyncio task", Value: s.AsyncioTask, Text: thousands(s.AsyncioTask) + " B"},
			{Label: "goroutine", Value: s.Goroutine, Text: thousands(s.Goroutine) + " B"},
			{Label: "OS thread (stack reserved)", Value: s.ThreadStack, Text: thousands(s.ThreadStack) + " B"},
		},
	}
}
