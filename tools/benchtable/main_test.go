package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asyncgo/course/tools/benchdata"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestRun(t *testing.T) {
	in := filepath.Join("..", "benchdata", "testdata", "results.txt")
	res, err := benchdata.ParseFile(in)
	if err != nil {
		t.Fatal(err)
	}
	want, err := benchdata.Render(res)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "bench.md")
	if err := run(out, []string{in}); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("benchtable -o wrote:\n%s\nwant benchdata.Render's:\n%s", got, want)
	}
}

func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, []byte("PASS\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"two inputs", []string{"a.txt", "b.txt"}, "want at most one input file, got 2"},
		{"missing input", []string{filepath.Join(dir, "missing.txt")}, "missing.txt"},
		{"no results", []string{empty}, empty + ": no benchmark results"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := run(filepath.Join(dir, "out.md"), tc.args)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("run(%q) = %v, want an error with %q", tc.args, err, tc.want)
			}
		})
	}
}
