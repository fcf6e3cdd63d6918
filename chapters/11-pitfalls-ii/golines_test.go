package pitfallsii

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGoLines builds the same program, testdata/golines/main.go, as four
// modules that differ only in the go line of go.mod, runs each, and writes
// what they print as the table testdata/golines.md.
func TestGoLines(t *testing.T) {
	goCmd := goTool(t)
	src, err := os.ReadFile(filepath.Join("testdata", "golines", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	keys := []string{"closures print", "cap(t.C)", "Stop after it fired", "receive after Reset", "GODEBUG defaults"}
	var table strings.Builder
	table.WriteString("| `go` line in go.mod | " + strings.Join(keys, " | ") + " |\n")
	table.WriteString("|---" + strings.Repeat("|---", len(keys)) + "|\n")
	for _, version := range []string{"1.21", "1.22", "1.23", "1.25"} {
		dir := t.TempDir()
		gomod := fmt.Sprintf("module golines\n\ngo %s\n", version)
		if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "main.go"), src, 0o644); err != nil {
			t.Fatal(err)
		}
		mustRun(t, dir, goCmd, "build", "-o", "golines", ".")
		out := mustRun(t, dir, filepath.Join(dir, "golines")).stdout
		got := map[string]string{}
		for line := range strings.Lines(out) {
			if k, v, ok := strings.Cut(strings.TrimSpace(line), ": "); ok {
				got[k] = v
			}
		}
		fmt.Fprintf(&table, "| `go %s` |", version)
		for _, k := range keys {
			v, ok := got[k]
			if !ok {
				t.Fatalf("go %s: the program printed no %q line:\n%s", version, k, out)
			}
			fmt.Fprintf(&table, " %s |", v)
		}
		table.WriteString("\n")
	}
	checkGolden(t, filepath.Join("testdata", "golines.md"), table.String())
}
