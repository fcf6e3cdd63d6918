package gather

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
	checkGolden(t, "testdata/bench.md", table)
}

// benchLine matches "BenchmarkName-8   100   123 ns/op   4.5 dials/op".
var benchLine = regexp.MustCompile(`^Benchmark(\S+?)(?:-\d+)?\s+\d+\s+(.*)$`)

// benchTable turns Go benchmark output into a markdown table with, for
// each benchmark, the number of runs and the median of each metric.
func benchTable(txt string) (string, error) {
	type bench struct {
		name    string
		metrics map[string][]float64
	}
	var benches []*bench
	var units []string
	var cpu string
	sc := bufio.NewScanner(strings.NewReader(txt))
	for sc.Scan() {
		line := sc.Text()
		if c, ok := strings.CutPrefix(line, "cpu: "); ok {
			cpu = c
		}
		m := benchLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		i := slices.IndexFunc(benches, func(b *bench) bool { return b.name == m[1] })
		if i < 0 {
			benches = append(benches, &bench{name: m[1], metrics: map[string][]float64{}})
			i = len(benches) - 1
		}
		f := strings.Fields(m[2])
		for j := 0; j+1 < len(f); j += 2 {
			v, err := strconv.ParseFloat(f[j], 64)
			if err != nil {
				return "", fmt.Errorf("%q: %v", line, err)
			}
			if !slices.Contains(units, f[j+1]) {
				units = append(units, f[j+1])
			}
			benches[i].metrics[f[j+1]] = append(benches[i].metrics[f[j+1]], v)
		}
	}
	if len(benches) == 0 {
		return "", fmt.Errorf("no benchmark results")
	}
	var b strings.Builder
	b.WriteString("| benchmark | runs |")
	for _, u := range units {
		fmt.Fprintf(&b, " median %s |", u)
	}
	b.WriteString("\n|---|--:|" + strings.Repeat("--:|", len(units)) + "\n")
	for _, bn := range benches {
		fmt.Fprintf(&b, "| %s | %d |", bn.name, len(bn.metrics[units[0]]))
		for _, u := range units {
			fmt.Fprintf(&b, " %s |", formatMetric(median(bn.metrics[u]), u))
		}
		b.WriteString("\n")
	}
	if cpu != "" {
		fmt.Fprintf(&b, "\nMeasured on: %s.\n", cpu)
	}
	return b.String(), nil
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(xs))
	if n := len(s); n%2 == 0 {
		return (s[n/2-1] + s[n/2]) / 2
	}
	return s[len(s)/2]
}

// formatMetric prints durations with a unit (2.15 ms) and the rest with
// up to four significant digits.
func formatMetric(v float64, unit string) string {
	if unit != "ns/op" {
		return strconv.FormatFloat(v, 'g', 4, 64)
	}
	switch {
	case v >= 1e6:
		return fmt.Sprintf("%.2f ms", v/1e6)
	case v >= 1e3:
		return fmt.Sprintf("%.2f µs", v/1e3)
	}
	return fmt.Sprintf("%.0f ns", v)
}

func TestBenchTableFormat(t *testing.T) {
	got, err := benchTable(`cpu: Test CPU
BenchmarkX/a-2   10   3000000 ns/op   96.5 dials/op
BenchmarkX/a-2   10   1000000 ns/op   95 dials/op
BenchmarkX/a-2   10   2000000 ns/op   97 dials/op
BenchmarkX/b     10      1500 ns/op   0 dials/op
`)
	want := `| benchmark | runs | median ns/op | median dials/op |
|---|--:|--:|--:|
| X/a | 3 | 2.00 ms | 96.5 |
| X/b | 1 | 1.50 µs | 0 |

Measured on: Test CPU.
`
	if err != nil || got != want {
		t.Errorf("benchTable = %v\n%s\nwant:\n%s", err, got, want)
	}
}
