package benchdata

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name       string
		in         string
		benchmarks []*Result
	}{{
		name: "not benchmark lines",
		in: "goos: linux\nKey: capital\n  indented: log\n    bench_test.go:12: a log line\n" +
			"--- BENCH: BenchmarkX\n BenchmarkX 10 100 ns/op\nBenchmarkX\nPASS\n" +
			"ok  \tgithub.com/asyncgo/course/chapters/03-event-loop\t1.2s\n",
	}, {
		name: "-N suffix",
		in: "BenchmarkCPUBound/mode=loop 10 50 ns/op\n" +
			"BenchmarkCPUBound/mode=loop-2 10 25 ns/op\n" +
			"BenchmarkCPUBound/mode=loop 10 52 ns/op\n" +
			"BenchmarkCPUBound/mode=loop-16 10 5 ns/op\n",
		benchmarks: []*Result{
			{Name: "CPUBound/mode=loop", Procs: 1, Runs: 2, Units: []string{"ns/op"}, Values: map[string][]float64{"ns/op": {50, 52}}},
			{Name: "CPUBound/mode=loop", Procs: 2, Runs: 1, Units: []string{"ns/op"}, Values: map[string][]float64{"ns/op": {25}}},
			{Name: "CPUBound/mode=loop", Procs: 16, Runs: 1, Units: []string{"ns/op"}, Values: map[string][]float64{"ns/op": {5}}},
		},
	}, {
		name: "units as written, not tidied",
		in: "BenchmarkLoopSwitch/tasks=100-2   \t12819873\t        94.58 ns/op\t       0 B/op\t       0 allocs/op\n" +
			"BenchmarkLoopSwitch/tasks=100-2 12449187 93.83 ns/op 1e3 B/op 2 allocs/op 7 dials/op\n" +
			"BenchmarkAsyncioTaskMemory 1 1082 bytes/task\n" +
			"BenchmarkSpawn100k-2 1 2650 bytes/goroutine 1334 ns/goroutine 3 MB/s\n",
		benchmarks: []*Result{
			{Name: "LoopSwitch/tasks=100", Procs: 2, Runs: 2, Units: []string{"ns/op", "B/op", "allocs/op", "dials/op"},
				Values: map[string][]float64{"ns/op": {94.58, 93.83}, "B/op": {0, 1000}, "allocs/op": {0, 2}, "dials/op": {7}}},
			{Name: "AsyncioTaskMemory", Procs: 1, Runs: 1, Units: []string{"bytes/task"}, Values: map[string][]float64{"bytes/task": {1082}}},
			{Name: "Spawn100k", Procs: 2, Runs: 1, Units: []string{"bytes/goroutine", "ns/goroutine", "MB/s"},
				Values: map[string][]float64{"bytes/goroutine": {2650}, "ns/goroutine": {1334}, "MB/s": {3}}},
		},
	}, {
		name: "CRLF line ends",
		in:   "cpu: Some CPU\r\nBenchmarkX-2 10 100 ns/op\r\n",
		benchmarks: []*Result{
			{Name: "X", Procs: 2, Runs: 1, Units: []string{"ns/op"}, Values: map[string][]float64{"ns/op": {100}}},
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse(strings.NewReader(tc.in), "bench.txt")
			require.NoError(t, err)
			assert.Equal(t, tc.benchmarks, got.Benchmarks)
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"malformed value", "goos: linux\nBenchmarkX-2 10 1.2.3 ns/op\n", "bench.txt:2: parsing measurement: invalid syntax"},
		{"log line", "BenchmarkX took 3 s\n", "bench.txt:1: parsing iteration count: invalid syntax"},
		{"two errors", "BenchmarkX 10 1 ns/op\n\nBenchmarkX 10 12 ns/op abc B/op\nBenchmarkY 1\n",
			"bench.txt:3: parsing measurement: invalid syntax\nbench.txt:4: missing measurements"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tc.in), "bench.txt")
			assert.EqualError(t, err, tc.want)
		})
	}
}

func TestParseFile(t *testing.T) {
	res, err := ParseFile("testdata/results.txt")
	require.NoError(t, err)
	assert.Len(t, res.Benchmarks, 3)
	_, err = ParseFile("testdata/missing.txt")
	assert.ErrorIs(t, err, os.ErrNotExist)

	bad := filepath.Join(t.TempDir(), "bad.txt")
	require.NoError(t, os.WriteFile(bad, []byte("BenchmarkX 1 x ns/op\n"), 0o644))
	_, err = ParseFile(bad)
	assert.EqualError(t, err, bad+":1: parsing measurement: invalid syntax")
}

func TestConfig(t *testing.T) {
	res, err := ParseFile("testdata/results.txt")
	require.NoError(t, err)
	for key, want := range map[string]string{
		"cpu":    "Example CPU",
		"goos":   "linux",
		"python": "3.11.7", // the last value a benchmark line saw
		"date":   "2026-01-02",
		"nokey":  "",
	} {
		assert.Equal(t, want, res.Get(key), "Get(%q)", key)
	}
	res, err = Parse(strings.NewReader("BenchmarkX 1 1 ns/op\ncpu: after the last benchmark\n"), "x")
	require.NoError(t, err)
	assert.Empty(t, res.Get("cpu"), "a configuration line applies only to the benchmark lines after it")
}

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		xs   []float64
		want float64
	}{
		{[]float64{3}, 3},
		{[]float64{300, 100, 102}, 102},
		{[]float64{90, 80}, 85},
		{[]float64{4, 1, 3, 2}, 2.5},
	} {
		assert.Equal(t, tc.want, Median(tc.xs), "Median(%v)", tc.xs)
	}
	assert.True(t, math.IsNaN(Median(nil)), "Median(nil) is NaN")
	xs := []float64{3, 1, 2}
	Median(xs)
	assert.Equal(t, []float64{3, 1, 2}, xs, "Median reordered its argument")
}

func TestResultsLookups(t *testing.T) {
	res, err := Parse(strings.NewReader(`date: 2026-01-01
date: 2026-01-02
BenchmarkCPUBound/mode=loop 10 50 ns/op
BenchmarkCPUBound/mode=loop-2 10 25 ns/op
BenchmarkCPUBound/mode=loop-2 10 27 ns/op
BenchmarkFanOut/n=10-2 3 500 ns/op 50 ns/request
BenchmarkFanOut/n=10-2 3 600 ns/op 60 ns/request
BenchmarkAsyncio 1 1082 bytes/task
`), "bench.txt")
	require.NoError(t, err)
	assert.Equal(t, "2026-01-02", res.Get("date"), "Get(date): want the last one")
	assert.Equal(t, []string{"ns/op", "ns/request", "bytes/task"}, res.Units())
	for _, tc := range []struct {
		name, unit string
		want       float64
		err        string
	}{
		{"FanOut/n=10", "ns/op", 550, ""},
		{"FanOut/n=10", "ns/request", 55, ""},
		{"FanOut/n=10-2", "ns/op", 550, ""},
		{"Asyncio", "bytes/task", 1082, ""},
		{"CPUBound/mode=loop-1", "ns/op", 50, ""},
		{"CPUBound/mode=loop-2", "ns/op", 26, ""},
		{"CPUBound/mode=loop", "ns/op", 0, "benchmark CPUBound/mode=loop ran at GOMAXPROCS 1, 2: add -N to the name to choose one"},
		{"FanOut/n=10-4", "ns/op", 0, "no results for benchmark FanOut/n=10-4"},
		{"BenchmarkAsyncio", "bytes/task", 0, "no results for benchmark BenchmarkAsyncio"},
		{"Asyncio", "ns/op", 0, "benchmark BenchmarkAsyncio has no ns/op values"},
	} {
		got, err := res.Median(tc.name, tc.unit)
		if tc.err != "" {
			assert.EqualError(t, err, tc.err, "Median(%q, %q)", tc.name, tc.unit)
			continue
		}
		if assert.NoError(t, err, "Median(%q, %q)", tc.name, tc.unit) {
			assert.Equal(t, tc.want, got, "Median(%q, %q)", tc.name, tc.unit)
		}
	}
	var labels, full []string
	for _, b := range res.Benchmarks {
		labels = append(labels, res.Label(b))
		full = append(full, b.FullName())
	}
	assert.Equal(t, []string{"CPUBound/mode=loop-1", "CPUBound/mode=loop-2", "FanOut/n=10", "Asyncio"}, labels)
	assert.Equal(t, []string{"BenchmarkCPUBound/mode=loop", "BenchmarkCPUBound/mode=loop-2", "BenchmarkFanOut/n=10-2", "BenchmarkAsyncio"}, full)
}

// recorder is a testing.TB that records a fatal failure instead of stopping.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Fatalf(string, ...any) { r.failed = true }
func (r *recorder) Helper()               {}

func TestLoad(t *testing.T) {
	assert.Len(t, Load(t, "testdata/results.txt").Benchmarks, 3)
	r := &recorder{TB: t}
	Load(r, "testdata/missing.txt")
	assert.True(t, r.failed, "Load of a missing file did not fail the test")
}
