package eventloop_test

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/asyncgo/course/chapters/internal/benchdata"
	"github.com/asyncgo/course/chapters/internal/golden"
	"github.com/asyncgo/course/chapters/internal/markdown"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBenchTable checks that testdata/bench.md, which the README includes, is
// the table of testdata/bench.txt (make bench refreshes both; go test -run
// TestBenchTable -update rewrites the table).
func TestBenchTable(t *testing.T) {
	table, err := benchTable(benchdata.Load(t, "testdata/bench.txt"), switchRatios)
	require.NoError(t, err)
	golden.Check(t, "testdata/bench.md", []byte(table))
}

// A ratio of two benchmarks' median ns/op, with the bound it must meet.
type ratio struct {
	num, den string  // benchmark names, as Results.Find takes them
	op       string  // "<=" or ">="
	target   float64 // the bound
}

// switchRatios are the two figures the chapter's text reads: the loop's cost
// over the raw coroutine switch, and asyncio's over the loop's.
var switchRatios = []ratio{
	{"LoopSwitch/tasks=100", "PullSwitch", "<=", 1.25},
	{"AsyncioSwitch/tasks=100", "LoopSwitch/tasks=100", ">=", 8},
}

// benchTable returns the markdown summary of res: a sentence on where the
// results come from (the configuration lines cpu, cores, goos and goarch,
// go, python and date); a table with, for each benchmark, its median ns/op,
// its number of runs and its median allocs/op; then a table of the ratios,
// each marked met or not met.
func benchTable(res *benchdata.Results, ratios []ratio) (string, error) {
	if len(res.Benchmarks) == 0 {
		return "", errors.New("no benchmark results")
	}
	t := markdown.Table{Columns: []markdown.Column{
		{Heading: "benchmark"},
		{Heading: "median ns/op", Right: true},
		{Heading: "runs", Right: true},
		{Heading: "allocs/op", Right: true},
	}}
	for _, b := range res.Benchmarks {
		ns := b.Values["ns/op"]
		if len(ns) != b.Runs {
			return "", fmt.Errorf("benchmark %s: %d of its %d runs report no ns/op", b.FullName(), b.Runs-len(ns), b.Runs)
		}
		allocs := "–"
		if a := b.Values["allocs/op"]; len(a) > 0 {
			allocs = strconv.FormatFloat(benchdata.Median(a), 'f', -1, 64)
		}
		t.Add("`"+res.Label(b)+"`", formatNs(benchdata.Median(ns)), strconv.Itoa(len(ns)), allocs)
	}
	rt := markdown.Table{Columns: []markdown.Column{
		{Heading: "ratio of medians"},
		{Heading: "value", Right: true},
		{Heading: "target"},
	}}
	for _, r := range ratios {
		v, err := r.value(res)
		if err != nil {
			return "", err
		}
		var target string
		switch r.op {
		case "<=":
			target = fmt.Sprintf("at most %g: %s", r.target, met(v <= r.target))
		case ">=":
			target = fmt.Sprintf("at least %g: %s", r.target, met(v >= r.target))
		default:
			return "", fmt.Errorf("ratio %s / %s: want <= or >=, got %q", r.num, r.den, r.op)
		}
		rt.Add("`"+r.num+"` / `"+r.den+"`", strconv.FormatFloat(v, 'f', 2, 64), target)
	}
	s := machine(res) + "\n\n" + t.String()
	if len(rt.Rows) > 0 {
		s += "\n" + rt.String()
	}
	return s, nil
}

// value returns the ratio of the two medians.
func (r ratio) value(res *benchdata.Results) (float64, error) {
	num, err := res.Median(r.num, "ns/op")
	if err != nil {
		return 0, fmt.Errorf("ratio %s / %s: %w", r.num, r.den, err)
	}
	den, err := res.Median(r.den, "ns/op")
	if err != nil {
		return 0, fmt.Errorf("ratio %s / %s: %w", r.num, r.den, err)
	}
	return num / den, nil
}

// machine describes where the results come from, from the configuration.
func machine(res *benchdata.Results) string {
	var parts []string
	for _, k := range []string{"cpu", "cores", "goos", "go", "python", "date"} {
		v := res.Get(k)
		if v == "" {
			continue
		}
		switch k {
		case "cores":
			v += " cores"
		case "goos":
			if arch := res.Get("goarch"); arch != "" {
				v += "/" + arch
			}
		case "python":
			v = "Python " + v
		case "date":
			v = "on " + v
		}
		parts = append(parts, v)
	}
	s := "Medians of every run in the results file"
	if len(parts) > 0 {
		s = "Measured with " + strings.Join(parts, ", ") + ". " + s
	}
	return s + "."
}

// formatNs formats nanoseconds: whole from 100 on, else with one decimal.
func formatNs(v float64) string {
	if v >= 100 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

func met(ok bool) string {
	if ok {
		return "met"
	}
	return "**not met**"
}

func TestBenchTableFormat(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		ratios   []ratio
		want     string
	}{{
		name: "configuration and ratios",
		in: "date: 2026-01-02\ncores: 2\ngo: go1.26.8\ngoos: linux\ngoarch: amd64\ncpu: Example CPU\n" +
			"BenchmarkLoopSwitch/tasks=100-2 10 100.0 ns/op 0 B/op 0 allocs/op\n" +
			"BenchmarkLoopSwitch/tasks=100-2 10 300.0 ns/op 0 B/op 0 allocs/op\n" +
			"BenchmarkLoopSwitch/tasks=100-2 10 102.0 ns/op 0 B/op 0 allocs/op\n" +
			"BenchmarkPullSwitch-2 10 80.0 ns/op 0 B/op 0 allocs/op\n" +
			"BenchmarkPullSwitch-2 10 90.0 ns/op 0 B/op 0 allocs/op\n" +
			"python: 3.11.7\nBenchmarkAsyncioSwitch/tasks=100 300000 900.0 ns/op\n",
		ratios: switchRatios,
		want: "Measured with Example CPU, 2 cores, linux/amd64, go1.26.8, Python 3.11.7, on 2026-01-02. Medians of every run in the results file.\n" +
			"\n" +
			"| benchmark | median ns/op | runs | allocs/op |\n" +
			"|---|--:|--:|--:|\n" +
			"| `LoopSwitch/tasks=100` | 102 | 3 | 0 |\n" +
			"| `PullSwitch` | 85.0 | 2 | 0 |\n" +
			"| `AsyncioSwitch/tasks=100` | 900 | 1 | – |\n" +
			"\n" +
			"| ratio of medians | value | target |\n" +
			"|---|--:|---|\n" +
			"| `LoopSwitch/tasks=100` / `PullSwitch` | 1.20 | at most 1.25: met |\n" +
			"| `AsyncioSwitch/tasks=100` / `LoopSwitch/tasks=100` | 8.82 | at least 8: met |\n",
	}, {
		name:   "no configuration, two GOMAXPROCS, a target not met",
		in:     "BenchmarkA/x=1 1 2 ns/op\nBenchmarkA/x=1-2 1 3 ns/op\n",
		ratios: []ratio{{"A/x=1-2", "A/x=1-1", "<=", 1}},
		want: "Medians of every run in the results file.\n" +
			"\n" +
			"| benchmark | median ns/op | runs | allocs/op |\n" +
			"|---|--:|--:|--:|\n" +
			"| `A/x=1-1` | 2.0 | 1 | – |\n" +
			"| `A/x=1-2` | 3.0 | 1 | – |\n" +
			"\n" +
			"| ratio of medians | value | target |\n" +
			"|---|--:|---|\n" +
			"| `A/x=1-2` / `A/x=1-1` | 1.50 | at most 1: **not met** |\n",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := benchdata.Parse(strings.NewReader(tc.in), "bench.txt")
			require.NoError(t, err)
			got, err := benchTable(res, tc.ratios)
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
	for _, tc := range []struct {
		name, in string
		ratios   []ratio
		want     string
	}{
		{"no results", "goos: linux\nPASS\n", nil, "no benchmark results"},
		{"unknown benchmark", "BenchmarkA 1 2 ns/op\n", []ratio{{"A", "B", "<=", 1}}, "ratio A / B: no results for benchmark B"},
		{"bad operator", "BenchmarkA 1 2 ns/op\n", []ratio{{"A", "A", "<", 2}}, `ratio A / A: want <= or >=, got "<"`},
		{"no ns/op", "BenchmarkA 1 2 ns/op\nBenchmarkA 1 2 B/op\n", nil, "benchmark BenchmarkA: 1 of its 2 runs report no ns/op"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := benchdata.Parse(strings.NewReader(tc.in), "bench.txt")
			require.NoError(t, err)
			_, err = benchTable(res, tc.ratios)
			assert.EqualError(t, err, tc.want)
		})
	}
}

// TestProseMatchesResults checks every statement the README makes about the
// measured switches against testdata/bench.txt, so that a new run of make
// bench cannot leave the text saying what the figures no longer show.
func TestProseMatchesResults(t *testing.T) {
	res := benchdata.Load(t, "testdata/bench.txt")
	median := func(name string) float64 {
		t.Helper()
		v, err := res.Median(name, "ns/op")
		require.NoError(t, err)
		return v
	}
	loop := map[int]float64{}
	for _, n := range []int{1, 100, 10000} {
		name := fmt.Sprintf("LoopSwitch/tasks=%d", n)
		loop[n] = median(name)
		b, err := res.Find(name)
		require.NoError(t, err)
		assert.Equal(t, make([]float64, b.Runs), b.Values["allocs/op"],
			"the README says the loop allocates nothing per switch; %s allocates", name)
		asyncio := median(fmt.Sprintf("AsyncioSwitch/tasks=%d", n))
		assert.GreaterOrEqual(t, asyncio/loop[n], 4.0,
			"the README says an asyncio switch costs many times more than one on the loop (at least 4 times, at %d tasks)", n)
	}
	pull, channel := median("PullSwitch"), median("ChannelHandoff")
	for _, n := range []int{1, 100} {
		assert.True(t, loop[n] > pull && loop[n] < 1.5*pull,
			"the README says the loop's bookkeeping adds a fraction to the iter.Pull switch (%d tasks: %.1f ns against %.1f ns)", n, loop[n], pull)
		assert.Less(t, loop[n], channel,
			"the README says that with %d tasks a switch on the loop costs less than a channel hand-off", n)
		assert.Greater(t, loop[10000], 2*loop[n],
			"the README says a switch costs more than twice as much at 10,000 tasks as at %d", n)
	}
}
