package benchdata

import (
	"os"
	"strings"
	"testing"
)

func TestTable(t *testing.T) {
	tab := Table{Columns: []Column{{Heading: "mode"}, {Heading: "median", Right: true}}}
	tab.Add("loop", "1.0 ms")
	tab.Add("a|b", "2.0 ms")
	want := "| mode | median |\n" +
		"|---|--:|\n" +
		"| loop | 1.0 ms |\n" +
		`| a\|b | 2.0 ms |` + "\n"
	if got := tab.String(); got != want {
		t.Errorf("String:\n%s\nwant:\n%s", got, want)
	}
}

func TestRender(t *testing.T) {
	results, err := os.ReadFile("testdata/results.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, in, want string
	}{{
		name: "testdata/results.txt",
		in:   string(results),
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
		name: "no configuration, two GOMAXPROCS, a target not met",
		in:   "BenchmarkA/x=1 1 2 ns/op\nBenchmarkA/x=1-2 1 3 ns/op\nratio: A/x=1-2 / A/x=1-1 <= 1\n",
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
	}, {
		name: "no ratios",
		in:   "cpu: Some CPU\nBenchmarkA 1 2000 ns/op 3 allocs/op\n",
		want: "Measured with Some CPU. Medians of every run in the results file.\n" +
			"\n" +
			"| benchmark | median ns/op | runs | allocs/op |\n" +
			"|---|--:|--:|--:|\n" +
			"| `A` | 2000 | 1 | 3 |\n",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Parse(strings.NewReader(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			got, err := Render(res)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("Render:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestRenderErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"no results", "goos: linux\nPASS\n", "no benchmark results"},
		{"bad ratio", "BenchmarkA 1 2 ns/op\nratio: A divided by B\n", `line 2: want "ratio: A / B [<= or >= target]", got "ratio: A divided by B"`},
		{"bad operator", "BenchmarkA 1 2 ns/op\nratio: A / A < 2\n", `line 2: want "ratio: A / B [<= or >= target]", got "ratio: A / A < 2"`},
		{"bad target", "BenchmarkA 1 2 ns/op\nratio: A / A <= two\n", `line 2: want "ratio: A / B [<= or >= target]", got "ratio: A / A <= two"`},
		{"unknown ratio", "BenchmarkA 1 2 ns/op\n\nratio: A / B\n", "line 3: ratio A / B: no results for benchmark B"},
		{"no ns/op", "BenchmarkA 1 2 ns/op\nBenchmarkA 1 2 B/op\n", "benchmark BenchmarkA: 1 of its 2 runs report no ns/op"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Parse(strings.NewReader(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := Render(res); err == nil || err.Error() != tc.want {
				t.Errorf("Render: %v\nwant error %q", err, tc.want)
			}
		})
	}
}
