package pitfalls

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestBenchTable checks that testdata/bench.md is the table of
// testdata/bench.txt (make bench refreshes both; -update rewrites the table).
func TestBenchTable(t *testing.T) {
	txt, err := os.ReadFile("testdata/bench.txt")
	if err != nil {
		t.Fatal(err)
	}
	table, err := benchTable(string(txt))
	if err != nil {
		t.Fatalf("testdata/bench.txt: %v", err)
	}
	checkGolden(t, "testdata/bench.md", []byte(table))
}

// cpuBoundLine matches "BenchmarkCPUBound/mode=loop-2   20   52000000 ns/op";
// go test leaves the -N (GOMAXPROCS) suffix out when N is 1.
var cpuBoundLine = regexp.MustCompile(`^BenchmarkCPUBound/mode=(\w+)(?:-(\d+))?\s+\d+\s+(\S+) ns/op`)

// benchTable turns the output of
//
//	go test -run '^$' -bench CPUBound -cpu 1,2 -count 5
//
// into a markdown table: for every mode and GOMAXPROCS, the number of runs,
// the median time for the eight tasks and the speedup over the sequential
// mode at the same GOMAXPROCS (the ratio of the medians).
func benchTable(txt string) (string, error) {
	type key struct {
		mode  string
		procs int
	}
	var keys []key
	runs := map[key][]float64{}
	var cpu string
	sc := bufio.NewScanner(strings.NewReader(txt))
	for sc.Scan() {
		line := sc.Text()
		if c, ok := strings.CutPrefix(line, "cpu: "); ok {
			cpu = c
		}
		m := cpuBoundLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		k := key{mode: m[1], procs: 1}
		if m[2] != "" {
			k.procs, _ = strconv.Atoi(m[2]) // the pattern admits digits only
		}
		ns, err := strconv.ParseFloat(m[3], 64)
		if err != nil {
			return "", fmt.Errorf("%q: %v", line, err)
		}
		if _, ok := runs[k]; !ok {
			keys = append(keys, k)
		}
		runs[k] = append(runs[k], ns)
	}
	if len(keys) == 0 {
		return "", fmt.Errorf("no BenchmarkCPUBound results")
	}
	slices.SortStableFunc(keys, func(a, b key) int { return a.procs - b.procs })

	var b strings.Builder
	b.WriteString("| mode | GOMAXPROCS | runs | median time for 8 tasks | speedup over sequential |\n")
	b.WriteString("|---|--:|--:|--:|--:|\n")
	for _, k := range keys {
		med := median(runs[k])
		seq, ok := runs[key{"sequential", k.procs}]
		if !ok {
			return "", fmt.Errorf("no mode=sequential results at GOMAXPROCS=%d", k.procs)
		}
		fmt.Fprintf(&b, "| %s | %d | %d | %.1f ms | %.2fx |\n", k.mode, k.procs, len(runs[k]), med/1e6, median(seq)/med)
	}
	if cpu != "" {
		fmt.Fprintf(&b, "\nMeasured on %s with `go test -run '^$' -bench CPUBound -cpu 1,2 -count 5`"+
			" (testdata/bench.txt); yours will differ.\n", cpu)
	}
	return b.String(), nil
}

func median(xs []float64) float64 {
	s := slices.Sorted(slices.Values(xs))
	if n := len(s); n%2 == 0 {
		return (s[n/2-1] + s[n/2]) / 2
	}
	return s[len(s)/2]
}

func TestBenchTableFormat(t *testing.T) {
	got, err := benchTable(`cpu: Test CPU
BenchmarkCPUBound/mode=sequential     10   40000000 ns/op
BenchmarkCPUBound/mode=sequential     10   44000000 ns/op
BenchmarkCPUBound/mode=goroutines     10   42000000 ns/op
BenchmarkCPUBound/mode=sequential-2   10   40000000 ns/op
BenchmarkCPUBound/mode=goroutines-2   10   20000000 ns/op
BenchmarkCPUBound/mode=goroutines-2   10   21000000 ns/op
BenchmarkCPUBound/mode=goroutines-2   10   25000000 ns/op
PASS
`)
	want := "| mode | GOMAXPROCS | runs | median time for 8 tasks | speedup over sequential |\n" +
		"|---|--:|--:|--:|--:|\n" +
		"| sequential | 1 | 2 | 42.0 ms | 1.00x |\n" +
		"| goroutines | 1 | 1 | 42.0 ms | 1.00x |\n" +
		"| sequential | 2 | 1 | 40.0 ms | 1.00x |\n" +
		"| goroutines | 2 | 3 | 21.0 ms | 1.90x |\n" +
		"\nMeasured on Test CPU with `go test -run '^$' -bench CPUBound -cpu 1,2 -count 5` (testdata/bench.txt); yours will differ.\n"
	if err != nil || got != want {
		t.Errorf("benchTable = %v\n%s\nwant:\n%s", err, got, want)
	}
	if _, err := benchTable("PASS\n"); err == nil {
		t.Error("benchTable of no results: no error")
	}
}
