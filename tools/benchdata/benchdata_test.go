package benchdata

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name       string
		in         string
		config     []Config
		benchmarks []*Result
	}{{
		name: "config lines",
		in: "goos: linux\ncpu: Intel(R) Xeon(R) Processor @ 2.00GHz\n" +
			"ratio: A / B\nratio:\tC / D  \nempty: \n",
		config: []Config{
			{Key: "goos", Value: "linux", Line: 1},
			{Key: "cpu", Value: "Intel(R) Xeon(R) Processor @ 2.00GHz", Line: 2},
			{Key: "ratio", Value: "A / B", Line: 3},
			{Key: "ratio", Value: "C / D", Line: 4},
			{Key: "empty", Value: "", Line: 5},
		},
	}, {
		name: "not config lines",
		in: "Key: capital\nmy key: space\nkey:no space\n  indented: log\n" +
			"    bench_test.go:12: a log line\n--- BENCH: BenchmarkX\n1st: digit\nPASS\n" +
			"ok  \tgithub.com/asyncgo/course/chapters/03-event-loop\t1.2s\n",
	}, {
		name: "-N suffix",
		in: "BenchmarkCPUBound/mode=loop 10 50 ns/op\n" +
			"BenchmarkCPUBound/mode=loop-2 10 25 ns/op\n" +
			"BenchmarkCPUBound/mode=loop 10 52 ns/op\n" +
			"BenchmarkCPUBound/mode=loop-16 10 5 ns/op\n" +
			"BenchmarkDelta/d=x- 10 1 ns/op\n",
		benchmarks: []*Result{
			{Name: "CPUBound/mode=loop", Procs: 1, Runs: 2, Units: []string{"ns/op"}, Values: map[string][]float64{"ns/op": {50, 52}}},
			{Name: "CPUBound/mode=loop", Procs: 2, Runs: 1, Units: []string{"ns/op"}, Values: map[string][]float64{"ns/op": {25}}},
			{Name: "CPUBound/mode=loop", Procs: 16, Runs: 1, Units: []string{"ns/op"}, Values: map[string][]float64{"ns/op": {5}}},
			{Name: "Delta/d=x-", Procs: 1, Runs: 1, Units: []string{"ns/op"}, Values: map[string][]float64{"ns/op": {1}}},
		},
	}, {
		name: "multiple units",
		in: "BenchmarkLoopSwitch/tasks=100-2   \t12819873\t        94.58 ns/op\t       0 B/op\t       0 allocs/op\n" +
			"BenchmarkLoopSwitch/tasks=100-2 12449187 93.83 ns/op 1e3 B/op 2 allocs/op 7 dials/op\n" +
			"BenchmarkAsyncioTaskMemory 1 1082 bytes/task\n",
		benchmarks: []*Result{
			{Name: "LoopSwitch/tasks=100", Procs: 2, Runs: 2, Units: []string{"ns/op", "B/op", "allocs/op", "dials/op"},
				Values: map[string][]float64{"ns/op": {94.58, 93.83}, "B/op": {0, 1000}, "allocs/op": {0, 2}, "dials/op": {7}}},
			{Name: "AsyncioTaskMemory", Procs: 1, Runs: 1, Units: []string{"bytes/task"}, Values: map[string][]float64{"bytes/task": {1082}}},
		},
	}, {
		name: "log lines starting with Benchmark",
		in: "BenchmarkLogLine started\n" +
			"BenchmarkX took 3 s\n" +
			"BenchmarkX 3.5 100 ns/op\n" +
			"BenchmarkX 10 100 ns/op 5\n" +
			"Benchmarking 10 100 ns/op\n" +
			" BenchmarkX 10 100 ns/op\n" +
			"BenchmarkY 10 100 ns/op\n",
		benchmarks: []*Result{
			{Name: "Y", Procs: 1, Runs: 1, Units: []string{"ns/op"}, Values: map[string][]float64{"ns/op": {100}}},
		},
	}, {
		name: "CRLF line ends",
		in:   "cpu: Some CPU\r\nBenchmarkX-2 10 100 ns/op\r\n",
		config: []Config{
			{Key: "cpu", Value: "Some CPU", Line: 1},
		},
		benchmarks: []*Result{
			{Name: "X", Procs: 2, Runs: 1, Units: []string{"ns/op"}, Values: map[string][]float64{"ns/op": {100}}},
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse(strings.NewReader(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Config, tc.config) {
				t.Errorf("Config = %+v\nwant %+v", got.Config, tc.config)
			}
			if !reflect.DeepEqual(got.Benchmarks, tc.benchmarks) {
				t.Errorf("Benchmarks:")
				for _, b := range got.Benchmarks {
					t.Errorf("got  %+v", *b)
				}
				for _, b := range tc.benchmarks {
					t.Errorf("want %+v", *b)
				}
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"malformed value", "goos: linux\nBenchmarkX-2 10 1.2.3 ns/op\n", `line 2: BenchmarkX-2: ns/op: strconv.ParseFloat: parsing "1.2.3": invalid syntax`},
		{"malformed second value", "BenchmarkX 10 1 ns/op\n\nBenchmarkX 10 12 ns/op abc B/op\n", `line 3: BenchmarkX: B/op: strconv.ParseFloat: parsing "abc": invalid syntax`},
		{"line too long", "BenchmarkX 10 1 ns/op " + strings.Repeat("x", 70_000) + "\n", "read benchmark results: bufio.Scanner: token too long"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tc.in))
			if err == nil || err.Error() != tc.want {
				t.Errorf("Parse: %v\nwant error %q", err, tc.want)
			}
		})
	}
}

func TestParseFile(t *testing.T) {
	res, err := ParseFile("testdata/results.txt")
	if err != nil {
		t.Fatal(err)
	}
	if got := len(res.Benchmarks); got != 3 {
		t.Errorf("%d benchmarks, want 3", got)
	}
	if _, err := ParseFile("testdata/missing.txt"); err == nil {
		t.Error("ParseFile of a missing file: no error")
	}
	bad := filepath.Join(t.TempDir(), "bad.txt")
	if err := os.WriteFile(bad, []byte("BenchmarkX 1 x ns/op\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	want := bad + `: line 1: BenchmarkX: ns/op: strconv.ParseFloat: parsing "x": invalid syntax`
	if _, err := ParseFile(bad); err == nil || err.Error() != want {
		t.Errorf("ParseFile: %v\nwant error %q", err, want)
	}
}

func TestRenderFile(t *testing.T) {
	got, err := RenderFile("testdata/results.txt", func(res *Results) (string, error) {
		return fmt.Sprintf("%d benchmarks", len(res.Benchmarks)), nil
	})
	if err != nil || got != "3 benchmarks" {
		t.Errorf("RenderFile = %q, %v; want 3 benchmarks", got, err)
	}
	_, err = RenderFile("testdata/results.txt", func(*Results) (string, error) { return "", errors.New("no table") })
	if want := "testdata/results.txt: no table"; err == nil || err.Error() != want {
		t.Errorf("RenderFile: %v, want error %q", err, want)
	}
	if _, err := RenderFile("testdata/missing.txt", Render); err == nil {
		t.Error("RenderFile of a missing file: no error")
	}
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
		if got := Median(tc.xs); got != tc.want {
			t.Errorf("Median(%v) = %v, want %v", tc.xs, got, tc.want)
		}
	}
	if got := Median(nil); !math.IsNaN(got) {
		t.Errorf("Median(nil) = %v, want NaN", got)
	}
	xs := []float64{3, 1, 2}
	Median(xs)
	if !reflect.DeepEqual(xs, []float64{3, 1, 2}) {
		t.Errorf("Median reordered its argument: %v", xs)
	}
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
`))
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Get("date"); got != "2026-01-02" {
		t.Errorf("Get(date) = %q, want the last one", got)
	}
	if got := res.Get("cpu"); got != "" {
		t.Errorf("Get(cpu) = %q, want none", got)
	}
	if got, want := res.Units(), []string{"ns/op", "ns/request", "bytes/task"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Units() = %q, want %q", got, want)
	}
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
			if err == nil || err.Error() != tc.err {
				t.Errorf("Median(%q, %q) = %v, %v; want error %q", tc.name, tc.unit, got, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("Median(%q, %q) = %v, %v; want %v", tc.name, tc.unit, got, err, tc.want)
		}
	}
	var labels, full []string
	for _, b := range res.Benchmarks {
		labels = append(labels, res.Label(b))
		full = append(full, b.FullName())
	}
	if want := []string{"CPUBound/mode=loop-1", "CPUBound/mode=loop-2", "FanOut/n=10", "Asyncio"}; !reflect.DeepEqual(labels, want) {
		t.Errorf("labels %q, want %q", labels, want)
	}
	if want := []string{"BenchmarkCPUBound/mode=loop", "BenchmarkCPUBound/mode=loop-2", "BenchmarkFanOut/n=10-2", "BenchmarkAsyncio"}; !reflect.DeepEqual(full, want) {
		t.Errorf("full names %q, want %q", full, want)
	}
}
