package gather

import (
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

// benchTable returns a markdown table with, for each benchmark, the number
// of runs and the median of each unit.
func benchTable(res *benchdata.Results) (string, error) {
	if len(res.Benchmarks) == 0 {
		return "", errors.New("no benchmark results")
	}
	units := res.Units()
	t := markdown.Table{Columns: []markdown.Column{{Heading: "benchmark"}, {Heading: "runs", Right: true}}}
	for _, u := range units {
		t.Columns = append(t.Columns, markdown.Column{Heading: "median " + u, Right: true})
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
`), "bench.txt")
	require.NoError(t, err)
	got, err := benchTable(res)
	want := `| benchmark | runs | median ns/op | median dials/op |
|---|--:|--:|--:|
| X/a | 3 | 2.00 ms | 96.5 |
| X/b | 1 | 1.50 µs | – |

Measured on: Test CPU.
`
	require.NoError(t, err)
	assert.Equal(t, want, got)
	_, err = benchTable(&benchdata.Results{})
	assert.Error(t, err, "benchTable of no results")
}

// TestBenchSummary checks testdata/bench-summary.md, the README's sentences
// on the transport benchmark, against testdata/bench.txt: the figures they
// quote come from the results (make bench refreshes both; -update rewrites
// the sentences).
func TestBenchSummary(t *testing.T) {
	text, err := benchSummary(benchdata.Load(t, "testdata/bench.txt"))
	require.NoError(t, err)
	golden.Check(t, "testdata/bench-summary.md", []byte(text))
}

// benchSummary says what the runs of BenchmarkFanOutTransport show: how much
// longer a round takes with the default transport, and how many connections
// each transport dialled per round, run by run (dials/op of a run is the
// mean over its rounds).
func benchSummary(res *benchdata.Results) (string, error) {
	def, err := res.Find("FanOutTransport/transport=default")
	if err != nil {
		return "", err
	}
	tuned, err := res.Find("FanOutTransport/transport=tuned")
	if err != nil {
		return "", err
	}
	defNs, err := def.Median("ns/op")
	if err != nil {
		return "", err
	}
	tunedNs, err := tuned.Median("ns/op")
	if err != nil {
		return "", err
	}
	defDials, tunedDials := def.Values["dials/op"], tuned.Values["dials/op"]
	if len(defDials) == 0 || len(tunedDials) == 0 {
		return "", errors.New("FanOutTransport: no dials/op values")
	}
	lo, hi := slices.Min(defDials), slices.Max(defDials)
	text := fmt.Sprintf("In these committed results, a round takes a median of %s with the tuned transport and %s with "+
		"the default one, %.1f times as long. The default transport dialled %s to %s new connections per round in its %d runs "+
		"(each run's figure is the mean over its rounds). ",
		formatMetric(tuned.Values["ns/op"], "ns/op"), formatMetric(def.Values["ns/op"], "ns/op"), defNs/tunedNs,
		dials(lo), dials(hi), len(defDials))
	var others []string
	for _, v := range tunedDials {
		if v != 0 {
			others = append(others, dials(v))
		}
	}
	switch {
	case len(others) == 0:
		text += fmt.Sprintf("The tuned one dialled no new connection after warming up, in each of its %d runs.", len(tunedDials))
	case len(others) == len(tunedDials):
		text += fmt.Sprintf("The tuned one dialled %s per round after warming up.", markdown.List(others))
	default:
		text += fmt.Sprintf("The tuned one dialled no new connection in %d of its %d runs, and %s per round in the other %d: "+
			"its median is %s, but it still dialled now and then.",
			len(tunedDials)-len(others), len(tunedDials), markdown.List(others), len(others), dials(benchdata.Median(tunedDials)))
	}
	return text + "\n", nil
}

// dials formats a number of dials per round with up to three significant
// digits.
func dials(v float64) string { return strconv.FormatFloat(v, 'g', 3, 64) }

func TestBenchSummaryCases(t *testing.T) {
	const base = "BenchmarkFanOutTransport/transport=default-2 20 8000000 ns/op 97 dials/op\n" +
		"BenchmarkFanOutTransport/transport=default-2 20 8000000 ns/op 96.5 dials/op\n"
	for _, tc := range []struct {
		name, tuned, want string
	}{
		{"never", "BenchmarkFanOutTransport/transport=tuned-2 20 2000000 ns/op 0 dials/op\n",
			"The tuned one dialled no new connection after warming up, in each of its 1 runs.\n"},
		{"always", "BenchmarkFanOutTransport/transport=tuned-2 20 2000000 ns/op 0.5 dials/op\n",
			"The tuned one dialled 0.5 per round after warming up.\n"},
		{"sometimes", "BenchmarkFanOutTransport/transport=tuned-2 20 2000000 ns/op 0 dials/op\n" +
			"BenchmarkFanOutTransport/transport=tuned-2 20 2000000 ns/op 0 dials/op\n" +
			"BenchmarkFanOutTransport/transport=tuned-2 20 2000000 ns/op 1.25 dials/op\n",
			"The tuned one dialled no new connection in 2 of its 3 runs, and 1.25 per round in the other 1: " +
				"its median is 0, but it still dialled now and then.\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := benchdata.Parse(strings.NewReader(base+tc.tuned), "bench.txt")
			require.NoError(t, err)
			got, err := benchSummary(res)
			require.NoError(t, err)
			assert.Equal(t, "In these committed results, a round takes a median of 2.00 ms with the tuned transport and 8.00 ms with "+
				"the default one, 4.0 times as long. The default transport dialled 96.5 to 97 new connections per round in its 2 runs "+
				"(each run's figure is the mean over its rounds). "+tc.want, got)
		})
	}
	res, err := benchdata.Parse(strings.NewReader(base), "bench.txt")
	require.NoError(t, err)
	_, err = benchSummary(res)
	assert.EqualError(t, err, "no results for benchmark FanOutTransport/transport=tuned")
}
