package demo

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestBuildAndRun builds a tiny module that exits with a code of its own
// and prints to both streams, and runs it.
func TestBuildAndRun(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/hello\n\ngo 1.26\n")
	write("main.go", "package main\n\nimport (\"fmt\"; \"os\")\n\nfunc main() { fmt.Println(\"out\", os.Getenv(\"EXTRA\")); fmt.Fprintln(os.Stderr, \"err\"); os.Exit(3) }\n")
	bin := Build(t, dir, ".")
	name := "hello"
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	res := Run(t, dir, []string{"EXTRA=x"}, filepath.Join(bin, name))
	if res.Code != 3 || strings.TrimSpace(res.Stdout) != "out x" || strings.TrimSpace(res.Stderr) != "err" {
		t.Errorf("Run = %+v, want exit code 3, \"out x\" and \"err\"", res)
	}
	for _, kv := range Env() {
		if strings.HasPrefix(kv, "GOFLAGS=") && kv != "GOFLAGS=" {
			t.Errorf("Env keeps %s", kv)
		}
	}
}
