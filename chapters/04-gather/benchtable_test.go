package gather

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/asyncgo/course/tools/benchdata"
)

// TestBenchTable checks that testdata/bench.md is the table of
// testdata/bench.txt (make bench refreshes both; -update rewrites the table).
func TestBenchTable(t *testing.T) {
	table, err := benchdata.RenderFile("testdata/bench.txt", benchTable)
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "testdata/bench.md", table)
}

// benchTable returns a markdown table with, for each benchmark, the number
// of runs and the median of each unit.
func benchTable(res *benchdata.Results) (string, error) {
	if len(res.Benchmarks) == 0 {
		return "", errors.New("no benchmark results")
	}
	units := res.Units()
	t := benchdata.Table{Columns: []benchdata.Column{{Heading: "benchmark"}, {Heading: "runs", Right: true}}}
	for _, u := range units {
		t.Columns = append(t.Columns, benchdata.Column{Heading: "median " + u, Right: true})
	}
	for _, b := range res.Benchmarks {
		row := []string{res.Label(b), strconv.Itoa(b.Runs)}
		for _, u := range units {
			row = append(row, formatMetric(b.Values[u], u))
		}
		t.Add(row...)
	}
	s := t.String()
	if cpu := res.Get("cpu"); cpu != "" {
		s += fmt.Sprintf("\nMeasured on: %s.\n", cpu)
	}
	return s, nil
}

// formatMetric prints the median of vs: a duration with a unit (2.15 ms),
// anything else with up to four significant digits, and "–" when there are
// no values.
func formatMetric(vs []float64, unit string) string {
	if len(vs) == 0 {
		return "–"
	}
	v := benchdata.Median(vs)
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
	res, err := benchdata.Parse(strings.NewReader(`cpu: Test CPU
BenchmarkX/a-2   10   3000000 ns/op   96.5 dials/op
BenchmarkX/a-2   10   1000000 ns/op   95 dials/op
BenchmarkX/a-2   10   2000000 ns/op   97 dials/op
BenchmarkX/b     10      1500 ns/op
`))
	if err != nil {
		t.Fatal(err)
	}
	got, err := benchTable(res)
	want := `| benchmark | runs | median ns/op | median dials/op |
|---|--:|--:|--:|
| X/a | 3 | 2.00 ms | 96.5 |
| X/b | 1 | 1.50 µs | – |

Measured on: Test CPU.
`
	if err != nil || got != want {
		t.Errorf("benchTable = %v\n%s\nwant:\n%s", err, got, want)
	}
	if _, err := benchTable(&benchdata.Results{}); err == nil {
		t.Error("benchTable of no results: no error")
	}
}
