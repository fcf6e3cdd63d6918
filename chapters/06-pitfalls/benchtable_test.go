package pitfalls

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/asyncgo/course/chapters/internal/benchdata"
	"github.com/asyncgo/course/chapters/internal/golden"
	"github.com/asyncgo/course/chapters/internal/markdown"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBenchTable checks that testdata/bench.md is the table of
// testdata/bench.txt (make bench refreshes both; -update rewrites the table).
func TestBenchTable(t *testing.T) {
	table, err := benchTable(benchdata.Load(t, "testdata/bench.txt"))
	require.NoError(t, err)
	golden.Check(t, "testdata/bench.md", []byte(table))
}

// benchTable turns the results of
//
//	go test -run '^$' -bench CPUBound -cpu 1,2 -count 5
//
// into a markdown table: for every mode and GOMAXPROCS, the number of runs,
// the median time for the eight tasks and the speedup over the sequential
// mode at the same GOMAXPROCS (the ratio of the medians).
func benchTable(res *benchdata.Results) (string, error) {
	var cpuBound []*benchdata.Result
	for _, b := range res.Benchmarks {
		if strings.HasPrefix(b.Name, "CPUBound/mode=") {
			cpuBound = append(cpuBound, b)
		}
	}
	if len(cpuBound) == 0 {
		return "", errors.New("no BenchmarkCPUBound results")
	}
	slices.SortStableFunc(cpuBound, func(a, b *benchdata.Result) int { return cmp.Compare(a.Procs, b.Procs) })

	t := markdown.Table{Columns: []markdown.Column{
		{Heading: "mode"},
		{Heading: "GOMAXPROCS", Right: true},
		{Heading: "runs", Right: true},
		{Heading: "median time for 8 tasks", Right: true},
		{Heading: "speedup over sequential", Right: true},
	}}
	for _, b := range cpuBound {
		med, err := b.Median("ns/op")
		if err != nil {
			return "", err
		}
		seq, err := res.Median("CPUBound/mode=sequential-"+strconv.Itoa(b.Procs), "ns/op")
		if err != nil {
			return "", err
		}
		t.Add(strings.TrimPrefix(b.Name, "CPUBound/mode="), strconv.Itoa(b.Procs), strconv.Itoa(b.Runs),
			fmt.Sprintf("%.1f ms", med/1e6), fmt.Sprintf("%.2fx", seq/med))
	}
	s := t.String()
	if cpu := res.Get("cpu"); cpu != "" {
		s += fmt.Sprintf("\nMeasured on %s with `go test -run '^$' -bench CPUBound -cpu 1,2 -count 5`"+
			" (testdata/bench.txt); yours will differ.\n", cpu)
	}
	return s, nil
}

func TestBenchTableFormat(t *testing.T) {
	res, err := benchdata.Parse(strings.NewReader(`cpu: Test CPU
BenchmarkCPUBound/mode=sequential     10   40000000 ns/op
BenchmarkCPUBound/mode=sequential     10   44000000 ns/op
BenchmarkCPUBound/mode=goroutines     10   42000000 ns/op
BenchmarkCPUBound/mode=sequential-2   10   40000000 ns/op
BenchmarkCPUBound/mode=goroutines-2   10   20000000 ns/op
BenchmarkCPUBound/mode=goroutines-2   10   21000000 ns/op
BenchmarkCPUBound/mode=goroutines-2   10   25000000 ns/op
PASS
`), "bench.txt")
	require.NoError(t, err)
	got, err := benchTable(res)
	want := "| mode | GOMAXPROCS | runs | median time for 8 tasks | speedup over sequential |\n" +
		"|---|--:|--:|--:|--:|\n" +
		"| sequential | 1 | 2 | 42.0 ms | 1.00x |\n" +
		"| goroutines | 1 | 1 | 42.0 ms | 1.00x |\n" +
		"| sequential | 2 | 1 | 40.0 ms | 1.00x |\n" +
		"| goroutines | 2 | 3 | 21.0 ms | 1.90x |\n" +
		"\nMeasured on Test CPU with `go test -run '^$' -bench CPUBound -cpu 1,2 -count 5` (testdata/bench.txt); yours will differ.\n"
	require.NoError(t, err)
	assert.Equal(t, want, got)
	for in, want := range map[string]string{
		"PASS\n": "no BenchmarkCPUBound results",
		"BenchmarkCPUBound/mode=loop-2 10 1 ns/op\n": "no results for benchmark CPUBound/mode=sequential-2",
	} {
		res, err := benchdata.Parse(strings.NewReader(in), "bench.txt")
		require.NoError(t, err)
		_, err = benchTable(res)
		assert.EqualError(t, err, want, "benchTable(%q)", in)
	}
}

// TestProseMatchesResults checks what the README says of the CPU-bound
// benchmark against testdata/bench.txt, so that a new run of make bench
// cannot leave the text saying what the figures no longer show.
func TestProseMatchesResults(t *testing.T) {
	res := benchdata.Load(t, "testdata/bench.txt")
	speedup := func(mode string, procs int) float64 {
		t.Helper()
		seq, err := res.Median(fmt.Sprintf("CPUBound/mode=sequential-%d", procs), "ns/op")
		require.NoError(t, err)
		v, err := res.Median(fmt.Sprintf("CPUBound/mode=%s-%d", mode, procs), "ns/op")
		require.NoError(t, err)
		return seq / v
	}
	const noise = 1.05 // within 5% of the sequential time is no gain
	for _, mode := range []string{"loop", "executor", "goroutines"} {
		assert.Less(t, speedup(mode, 1), noise,
			"the README says that with one P no mode beats the sequential one; %s does", mode)
	}
	assert.Less(t, speedup("loop", 2), noise,
		"the README says that with two Ps the loop still does not beat the sequential mode")
	for _, mode := range []string{"executor", "goroutines"} {
		s := speedup(mode, 2)
		assert.True(t, s > 1.5 && s < 2*noise,
			"the README says that with two Ps %s finishes sooner, by at most a factor of two; its speedup is %.2f", mode, s)
	}
}
