package pitfallsii

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asyncgo/course/chapters/internal/demo"
	"github.com/asyncgo/course/chapters/internal/golden"
	"github.com/asyncgo/course/chapters/internal/markdown"
)

// TestGoLines builds the same program, testdata/golines/main.go, as four
// modules that differ only in the go line of go.mod, runs each, and writes
// what they print as the table testdata/golines.md.
func TestGoLines(t *testing.T) {
	goCmd := demo.GoCommand(t)
	src, err := os.ReadFile(filepath.Join("testdata", "golines", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	keys := []string{"closures print", "cap(t.C)", "Stop after it fired", "receive after Reset", "GODEBUG defaults"}
	table := markdown.Table{Columns: []markdown.Column{{Heading: "`go` line in go.mod"}}}
	for _, k := range keys {
		table.Columns = append(table.Columns, markdown.Column{Heading: k})
	}
	for _, version := range []string{"1.21", "1.22", "1.23", "1.25"} {
		dir := t.TempDir()
		gomod := fmt.Sprintf("module golines\n\ngo %s\n", version)
		if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "main.go"), src, 0o644); err != nil {
			t.Fatal(err)
		}
		demo.MustRun(t, dir, goCmd, "build", "-o", "golines", ".")
		out := demo.MustRun(t, dir, filepath.Join(dir, "golines")).Stdout
		got := map[string]string{}
		for line := range strings.Lines(out) {
			if k, v, ok := strings.Cut(strings.TrimSpace(line), ": "); ok {
				got[k] = v
			}
		}
		row := []string{"`go " + version + "`"}
		for _, k := range keys {
			v, ok := got[k]
			if !ok {
				t.Fatalf("go %s: the program printed no %q line:\n%s", version, k, out)
			}
			row = append(row, v)
		}
		table.Add(row...)
	}
	golden.Check(t, filepath.Join("testdata", "golines.md"), []byte(table.String()))
}
