package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestRender(t *testing.T) {
	f, err := os.Open("testdata/results.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := Render(f)
	if err != nil {
		t.Fatal(err)
	}
	want := "Measured with Example CPU, 2 cores, linux/amd64, go1.26.8, Python 3.11.7, on 2026-01-02. Medians of every run in the results file.\n" +
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
		"| `AsyncioSwitch/tasks=100` / `LoopSwitch/tasks=100` | 8.82 | at least 8: met |\n"
	if got != want {
		t.Errorf("Render:\n%s\nwant:\n%s", got, want)
	}
}

func TestRenderErrors(t *testing.T) {
	for name, in := range map[string]string{
		"no results":    "goos: linux\nPASS\n",
		"bad ratio":     "BenchmarkA 1 2 ns/op\nratio: A divided by B\n",
		"unknown ratio": "BenchmarkA 1 2 ns/op\nratio: A / B\n",
		"no ns/op":      "BenchmarkA 1 2 B/op\n",
	} {
		if _, err := Render(strings.NewReader(in)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// tables lists the directories whose bench.md this tool writes from the
// bench.txt beside it (see the bench target of the Makefile).
var tables = []string{"../../chapters/03-event-loop/testdata"}

// TestCommittedTables checks that each committed table is what Render makes
// of the committed results.
func TestCommittedTables(t *testing.T) {
	for _, dir := range tables {
		txt, md := filepath.Join(dir, "bench.txt"), filepath.Join(dir, "bench.md")
		t.Run(filepath.Base(filepath.Dir(dir)), func(t *testing.T) {
			f, err := os.Open(txt)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			got, err := Render(f)
			if err != nil {
				t.Fatalf("%s: %v", txt, err)
			}
			want, err := os.ReadFile(md)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("%s does not match %s: run make bench, or go run ./tools/benchtable -o %s %s", md, txt, strings.TrimPrefix(md, "../../"), strings.TrimPrefix(txt, "../../"))
			}
		})
	}
}
