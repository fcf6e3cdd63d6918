package benefits_test

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/asyncgo/course/chapters/internal/benchdata"
	"github.com/asyncgo/course/chapters/internal/figure"
	"github.com/asyncgo/course/chapters/internal/golden"
	"github.com/asyncgo/course/chapters/internal/markdown"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The chapter's tables, charts and the sentences that quote the results are
// generated from testdata/bench.txt, which make bench records. TestGenerated
// compares them with the committed files (go test -run TestGenerated -update
// rewrites them); TestResultsBackTheProse checks the README's own sentences.

// summarized reads testdata/bench.txt and takes the medians the chapter uses.
func summarized(t *testing.T) *summary {
	t.Helper()
	s, err := summarize(benchdata.Load(t, "testdata/bench.txt"))
	require.NoError(t, err)
	return s
}

// TestGenerated renders the tables, charts and sentences from
// testdata/bench.txt and compares them with the committed files.
func TestGenerated(t *testing.T) {
	s := summarized(t)
	files := map[string]string{
		"testdata/fanout.md":            s.fanOutTable(),
		"testdata/nolatency.md":         s.noLatencyTable(),
		"testdata/nolatency-summary.md": s.noLatencySummary(),
		"testdata/transport.md":         s.transportTable(),
		"testdata/memory.md":            s.memoryTable(),
		"testdata/spawn.md":             s.spawnTable(),
	}
	for name, text := range files {
		golden.Check(t, name, []byte(text))
	}
	charts := map[string]interface{ SVG() ([]byte, error) }{
		"testdata/speedup.svg":   s.speedupChart(),
		"testdata/nolatency.svg": s.noLatencyChart(),
		"testdata/memory.svg":    s.memoryChart(),
	}
	for name, c := range charts {
		svg, err := c.SVG()
		require.NoError(t, err, name)
		golden.Check(t, name, svg)
	}
}

// TestResultsBackTheProse checks every relation the README states against
// the committed results, so a new run of make bench cannot leave the text
// saying something the figures no longer show.
func TestResultsBackTheProse(t *testing.T) {
	s := summarized(t)
	check := func(ok bool, claim string) {
		t.Helper()
		if !ok {
			t.Errorf("the README says %s; testdata/bench.txt does not show it", claim)
		}
	}
	for i, n := range fanOutSizes[:3] {
		check(s.speedup(i) >= 0.9*float64(n), fmt.Sprintf("the speedup at %d requests is within 10%% of the ideal", n))
	}
	check(s.speedup(3) >= 200 && s.speedup(3) < 900, "at 1,000 requests the speedup is in the hundreds and further from the ideal")
	for i, n := range fanOutSizes {
		check(s.concPerRequest[i] > s.seqPerRequest[i],
			fmt.Sprintf("without latency, each of %d concurrent requests took longer than a sequential one (in the chart's alt text too)", n))
	}
	check(len(s.procs) == 1 && s.procs[2], "the benchmarks ran on two cores (GOMAXPROCS 2)")
	check(s.defaultTransport < 1.2*s.tunedTransport, "with 50 ms of latency the default transport's extra dials hide in the wait")
	check(s.defaultDials >= 90 && s.tunedDials == 0, "the default transport dials most connections again, the tuned one none (medians, in the table)")
	check(s.goroutine > 2*s.asyncioTask, "a waiting goroutine weighs more than twice a waiting asyncio task")
	check(s.goroutine > 2048 && s.goroutine < 4096, "a goroutine is its 2 KiB stack plus less than 2 KiB more")
	check(s.asyncioTask < 4096, "an asyncio task holds a few kilobytes or less")
	check(s.goroutine100k < 1.1*s.goroutine, "100,000 goroutines cost no more each than 10,000")
	check(s.threadStack > 2000*s.goroutine && s.threadStack >= 1<<20,
		"a goroutine and an asyncio task are thousands of times smaller than a thread's default stack, which is megabytes")
}

// Benchmark names in the results file, without the "Benchmark" prefix.
const (
	fanOutName    = "FanOut/mode=%s/n=%d"
	noLatencyName = "FanOutNoLatency/mode=%s/n=%d"
	transportName = "FanOutTransport/transport=%s"
)

// summary holds the medians the chapter's tables, charts and prose use.
type summary struct {
	sequential, concurrent           []float64         // ns per fan-out, by fanOutSizes
	seqPerRequest, concPerRequest    []float64         // ns per request without latency, by fanOutSizes
	defaultTransport, tunedTransport float64           // ns per 100-request fan-out
	defaultDials, tunedDials         float64           // new connections per fan-out
	goroutine, goroutine100k         float64           // bytes per waiting goroutine, 10,000 and 100,000 of them
	spawnNs                          float64           // ns per goroutine to start, park and finish 100,000
	asyncioTask                      float64           // bytes per waiting asyncio task
	threadStack                      float64           // bytes of a thread's default stack reservation
	runs                             map[string][2]int // fewest and most runs behind a median, by table
	procs                            map[int]bool      // the GOMAXPROCS of the Go benchmarks
	cpu, platform                    string
}

// speedup returns sequential[i] / concurrent[i].
func (s *summary) speedup(i int) float64 { return s.sequential[i] / s.concurrent[i] }

// summarize takes the medians the chapter needs out of r.
func summarize(r *benchdata.Results) (*summary, error) {
	s := &summary{runs: map[string][2]int{}, procs: map[int]bool{}, cpu: r.Get("cpu"), platform: r.Get("goos") + "/" + r.Get("goarch")}
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
		n, mm := len(b.Values[unit]), s.runs[table]
		if mm[0] == 0 || n < mm[0] {
			mm[0] = n
		}
		mm[1] = max(mm[1], n)
		s.runs[table] = mm
		if !strings.HasPrefix(name, "Asyncio") { // Python's results have no -N suffix
			s.procs[b.Procs] = true
		}
		return v
	}
	for _, n := range fanOutSizes {
		s.sequential = append(s.sequential, get("fanout", fmt.Sprintf(fanOutName, "sequential", n), "ns/op"))
		s.concurrent = append(s.concurrent, get("fanout", fmt.Sprintf(fanOutName, "concurrent", n), "ns/op"))
		s.seqPerRequest = append(s.seqPerRequest, get("nolatency", fmt.Sprintf(noLatencyName, "sequential", n), "ns/request"))
		s.concPerRequest = append(s.concPerRequest, get("nolatency", fmt.Sprintf(noLatencyName, "concurrent", n), "ns/request"))
	}
	s.defaultTransport = get("transport", fmt.Sprintf(transportName, "default"), "ns/op")
	s.tunedTransport = get("transport", fmt.Sprintf(transportName, "tuned"), "ns/op")
	s.defaultDials = get("transport", fmt.Sprintf(transportName, "default"), "dials/op")
	s.tunedDials = get("transport", fmt.Sprintf(transportName, "tuned"), "dials/op")
	s.goroutine = get("memory", "GoroutineMemory", "bytes/goroutine")
	s.goroutine100k = get("spawn", "Spawn100k", "bytes/goroutine")
	s.spawnNs = get("spawn", "Spawn100k", "ns/goroutine")
	s.asyncioTask = get("memory", "AsyncioTaskMemory", "bytes/task")
	s.threadStack = get("memory", "ThreadStack", "bytes/thread")
	if len(errs) > 0 {
		return nil, fmt.Errorf("summarize results: %s", strings.Join(errs, "; "))
	}
	return s, nil
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

var thousands = markdown.Thousands

// table writes t followed by the note under every table of the chapter:
// what it shows, how many runs its medians come from, and where.
func (s *summary) table(t markdown.Table, name, what string) string {
	runs := strconv.Itoa(s.runs[name][1])
	if mm := s.runs[name]; mm[0] != mm[1] {
		runs = fmt.Sprintf("%d to %d", mm[0], mm[1])
	}
	return t.String() + fmt.Sprintf("\n<small>%s Medians of %s runs from `testdata/bench.txt` (refreshed by `make bench`), on %s, %s.</small>\n",
		what, runs, s.cpu, s.platform)
}

// right returns columns aligned to the right, as numbers are.
func right(headings ...string) []markdown.Column {
	cs := make([]markdown.Column, len(headings))
	for i, h := range headings {
		cs[i] = markdown.Column{Heading: h, Right: true}
	}
	return cs
}

func (s *summary) fanOutTable() string {
	t := markdown.Table{Columns: right("requests", "sequential", "concurrent", "speedup", "ideal")}
	for i, n := range fanOutSizes {
		t.Add(thousands(float64(n)), duration(s.sequential[i]), duration(s.concurrent[i]), times(s.speedup(i)), thousands(float64(n))+"×")
	}
	return s.table(t, "fanout", "Time for the whole fan-out; every request waits 50 ms on the server.")
}

func (s *summary) noLatencyTable() string {
	t := markdown.Table{Columns: right("requests", "sequential, per request", "concurrent, per request", "concurrent ÷ sequential")}
	for i, n := range fanOutSizes {
		t.Add(thousands(float64(n)), duration(s.seqPerRequest[i]), duration(s.concPerRequest[i]), times(s.concPerRequest[i]/s.seqPerRequest[i]))
	}
	return s.table(t, "nolatency", "The server answers at once; time per request is the fan-out's time divided by the requests.")
}

// noLatencySummary says at which sizes a request took longer concurrently
// than sequentially, and how much longer.
func (s *summary) noLatencySummary() string {
	var slower, faster, slowerBy, fasterBy []string
	for i, n := range fanOutSizes {
		r := s.concPerRequest[i] / s.seqPerRequest[i]
		if r > 1 {
			slower, slowerBy = append(slower, thousands(float64(n))), append(slowerBy, times(r))
		} else {
			faster, fasterBy = append(faster, thousands(float64(n))), append(fasterBy, times(r))
		}
	}
	switch {
	case len(faster) == 0:
		return fmt.Sprintf("At every size measured, from %s to %s requests, each request took longer concurrently than one "+
			"after another: %s as long.\n", slower[0], slower[len(slower)-1], markdown.List(slowerBy))
	case len(slower) == 0:
		return fmt.Sprintf("At no size measured, from %s to %s requests, did a request take longer concurrently than one "+
			"after another: %s as long.\n", faster[0], faster[len(faster)-1], markdown.List(fasterBy))
	}
	return fmt.Sprintf("At %s requests each request took longer concurrently than one after another (%s as long); "+
		"at %s it did not (%s).\n", markdown.List(slower), markdown.List(slowerBy), markdown.List(faster), markdown.List(fasterBy))
}

func (s *summary) transportTable() string {
	t := markdown.Table{Columns: append([]markdown.Column{{Heading: "transport"}}, right("time for 100 concurrent requests", "new connections per fan-out")...)}
	t.Add("`http.DefaultTransport` (keeps 2 idle connections per host)", duration(s.defaultTransport), thousands(s.defaultDials))
	t.Add("`NewTransport(100)` (keeps 100)", duration(s.tunedTransport), thousands(s.tunedDials))
	return s.table(t, "transport", "Every request waits 50 ms on the server.")
}

func (s *summary) memoryTable() string {
	t := markdown.Table{Columns: []markdown.Column{{Heading: "one waiting …"}, {Heading: "bytes", Right: true}, {Heading: "compared with a goroutine", Right: true}, {Heading: "measured by"}}}
	t.Add("asyncio task (awaiting an `Event`)", thousands(s.asyncioTask), times(s.asyncioTask/s.goroutine), "`tracemalloc`, `python/task_memory.py`")
	t.Add("goroutine (blocked on a channel)", thousands(s.goroutine), "1×", "`runtime.MemStats`, `GoroutineMemory` in a fresh process")
	t.Add("OS thread: default stack reservation", thousands(s.threadStack), times(s.threadStack/s.goroutine), "the `RLIMIT_STACK` soft limit (`ulimit -s`), which glibc uses as the default thread stack size")
	return s.table(t, "memory", "10,000 goroutines or tasks, memory grown divided by 10,000.")
}

func (s *summary) spawnTable() string {
	t := markdown.Table{Columns: right("goroutines", "memory per goroutine while all wait", "time per goroutine to start, wait and finish", "time for all")}
	t.Add("100,000", thousands(s.goroutine100k)+" bytes", duration(s.spawnNs), duration(s.spawnNs*100_000))
	return s.table(t, "spawn", "Each run in a fresh process: memory measured on the first 100,000 goroutines, time on a second 100,000, which reuse the first ones' descriptors.")
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

func (s *summary) speedupChart() figure.LineChart {
	measured, ideal := figure.Series{Name: "measured: sequential time ÷ concurrent time"}, figure.Series{Name: "ideal: n requests, n× faster", Dashed: true}
	for i, n := range fanOutSizes {
		measured.Points = append(measured.Points, figure.Point{X: float64(n), Y: s.speedup(i)})
		ideal.Points = append(ideal.Points, figure.Point{X: float64(n), Y: float64(n)})
	}
	return figure.LineChart{
		Title:  "Fan-out speedup against the number of requests (50 ms each)",
		Desc:   fmt.Sprintf("Log-log chart of the measured speedup beside the ideal line: %s at 10 requests, %s at 100, %s at 1,000.", times(s.speedup(1)), times(s.speedup(2)), times(s.speedup(3))),
		XLabel: "requests (n)", YLabel: "speedup",
		XTick:  thousands,
		YTick:  func(v float64) string { return thousands(v) + "×" },
		Series: []figure.Series{ideal, measured},
	}
}

func (s *summary) noLatencyChart() figure.LineChart {
	seq, conc := figure.Series{Name: "sequential"}, figure.Series{Name: "concurrent"}
	for i, n := range fanOutSizes {
		seq.Points = append(seq.Points, figure.Point{X: float64(n), Y: s.seqPerRequest[i]})
		conc.Points = append(conc.Points, figure.Point{X: float64(n), Y: s.concPerRequest[i]})
	}
	return figure.LineChart{
		Title:  "Time per request when the server answers at once",
		Desc:   fmt.Sprintf("Log-log chart of time per request. At 100 requests: sequential %s, concurrent %s.", duration(s.seqPerRequest[2]), duration(s.concPerRequest[2])),
		XLabel: "requests (n)", YLabel: "time per request",
		XTick:  thousands,
		YTick:  func(v float64) string { return duration(v) },
		Series: []figure.Series{seq, conc},
	}
}

func (s *summary) memoryChart() figure.BarChart {
	return figure.BarChart{
		Title: "Memory of one waiting task (log scale)",
		Desc: fmt.Sprintf("Bar chart on a logarithmic scale: an asyncio task %s bytes, a goroutine %s bytes, an OS thread's default stack reservation %s bytes.",
			thousands(s.asyncioTask), thousands(s.goroutine), thousands(s.threadStack)),
		XLabel: "bytes",
		XTick:  powLabel("B"),
		Bars: []figure.Bar{
			{Label: "asyncio task", Value: s.asyncioTask, Text: thousands(s.asyncioTask) + " B"},
			{Label: "goroutine", Value: s.goroutine, Text: thousands(s.goroutine) + " B"},
			{Label: "OS thread (stack reserved)", Value: s.threadStack, Text: thousands(s.threadStack) + " B"},
		},
	}
}

func TestNoLatencySummary(t *testing.T) {
	for _, tc := range []struct {
		conc []float64
		want string
	}{
		{[]float64{13, 11, 11, 13}, "At every size measured, from 1 to 1,000 requests, each request took longer concurrently than one after another: 1.3×, 1.1×, 1.1× and 1.3× as long.\n"},
		{[]float64{9, 8, 11, 13}, "At 100 and 1,000 requests each request took longer concurrently than one after another (1.1× and 1.3× as long); at 1 and 10 it did not (0.9× and 0.8×).\n"},
		{[]float64{9, 8, 7, 6}, "At no size measured, from 1 to 1,000 requests, did a request take longer concurrently than one after another: 0.9×, 0.8×, 0.7× and 0.6× as long.\n"},
	} {
		s := &summary{seqPerRequest: []float64{10, 10, 10, 10}, concPerRequest: tc.conc}
		assert.Equal(t, tc.want, s.noLatencySummary())
	}
}
