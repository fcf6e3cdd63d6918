package pitfallsii

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/asyncgo/course/chapters/internal/demo"
	"github.com/asyncgo/course/chapters/internal/golden"
	"github.com/asyncgo/course/chapters/internal/markdown"
)

// needCgo skips the test when the race detector cannot be used: except on
// macOS, -race needs cgo and a C compiler.
func needCgo(t *testing.T, goCmd string) {
	t.Helper()
	if runtime.GOOS == "darwin" {
		return // on macOS, -race works without cgo (src/cmd/go/internal/work/init.go)
	}
	out := demo.MustRun(t, ".", goCmd, "env", "CGO_ENABLED", "CC").Stdout
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 2 || lines[0] != "1" {
		t.Skip("the race detector needs cgo: CGO_ENABLED is not 1")
	}
	cc := strings.Fields(lines[1])
	if len(cc) == 0 {
		t.Skip("the race detector needs a C compiler: go env CC is empty")
	}
	if _, err := exec.LookPath(cc[0]); err != nil {
		t.Skipf("the race detector needs a C compiler: %v", err)
	}
}

// A failingDemo is one run of a program from testdata/demos and what it must report.
type failingDemo struct {
	table    string   // the golden table in testdata that shows this run
	build    string   // how the binary was built, for the table
	env      string   // an environment setting for the run, or ""
	bin      string   // binary in bin/
	args     []string // its arguments
	wantCode int      // exit code
	wantLine string   // the first line of the report
}

// TestDemos builds the buggy programs in testdata/demos in a temporary copy,
// runs them, and checks what the runtime reports: the race detector's
// warning, the crash of a panicking goroutine, and the three ways a deadlock
// shows up (or does not). It writes the results as the tables
// testdata/race.md, crash.md and deadlock.md.
func TestDemos(t *testing.T) {
	goCmd := demo.GoCommand(t)
	needCgo(t, goCmd)
	dir := t.TempDir()
	demo.CopyDir(t, dir, filepath.Join("testdata", "demos"))
	demo.MustRun(t, dir, goCmd, "build", "-race", "-o", "bin/", "./race")
	demo.MustRun(t, dir, goCmd, "build", "-o", "bin/", "./crash", "./deadlock")
	demo.MustRun(t, dir, goCmd, "test", "-c", "-o", "bin/bubble.test", "./bubble")

	demos := []failingDemo{{
		table: "race.md", build: "go build -race ./race", bin: "race",
		wantCode: 66, wantLine: "WARNING: DATA RACE",
	}, {
		table: "race.md", build: "go build -race ./race", env: "GOMAXPROCS=1", bin: "race",
		wantCode: 66, wantLine: "WARNING: DATA RACE",
	}, {
		table: "crash.md", build: "go build ./crash", bin: "crash",
		wantCode: 2, wantLine: "panic: runtime error: integer divide by zero [recovered, repanicked]",
	}, {
		table: "deadlock.md", build: "go build ./deadlock", bin: "deadlock",
		wantCode: 2, wantLine: "fatal error: all goroutines are asleep - deadlock!",
	}, {
		table: "deadlock.md", build: "go test -c ./bubble", bin: "bubble.test",
		args:     []string{"-test.run=^TestSendWithoutReceiver$", "-test.timeout=100ms"},
		wantCode: 2, wantLine: "panic: test timed out after 100ms",
	}, {
		table: "deadlock.md", build: "go test -c ./bubble", bin: "bubble.test",
		args:     []string{"-test.run=^TestSendWithoutReceiver$", "-test.timeout=0"},
		wantCode: 2, wantLine: "fatal error: all goroutines are asleep - deadlock!",
	}, {
		table: "deadlock.md", build: "go test -c ./bubble", bin: "bubble.test",
		args:     []string{"-test.run=^TestSendWithoutReceiverInBubble$"},
		wantCode: 2, wantLine: "panic: deadlock: all goroutines in bubble are blocked [recovered, repanicked]",
	}}

	tables := map[string]*markdown.Table{}
	for _, d := range demos {
		shown := strings.Join(append([]string{"./" + d.bin}, d.args...), " ")
		var extra []string
		if d.env != "" {
			shown = d.env + " " + shown
			extra = []string{d.env}
		}
		res := demo.Run(t, dir, extra, filepath.Join(dir, "bin", d.bin), d.args...)
		line := firstReportLine(res.Stdout + "\n" + res.Stderr)
		if res.Code != d.wantCode || line != d.wantLine {
			t.Errorf("%s: exit code %d, report %q; want exit code %d, report %q\n%s%s",
				shown, res.Code, line, d.wantCode, d.wantLine, res.Stdout, res.Stderr)
		}
		if d.bin == "crash" && strings.Contains(res.Stdout, "main") {
			t.Errorf("%s: main went on after the panic:\n%s", shown, res.Stdout)
		}
		table := tables[d.table]
		if table == nil {
			table = &markdown.Table{Columns: []markdown.Column{
				{Heading: "built with"}, {Heading: "run as"}, {Heading: "exit code", Right: true}, {Heading: "what the runtime reports"},
			}}
			tables[d.table] = table
		}
		table.Add("`"+d.build+"`", "`"+shown+"`", strconv.Itoa(res.Code), "`"+line+"`")
	}
	for file, table := range tables {
		golden.Check(t, filepath.Join("testdata", file), []byte(table.String()))
	}
}

// firstReportLine returns the first line of out in which the race detector
// or the runtime reports a failure.
func firstReportLine(out string) string {
	for line := range strings.Lines(out) {
		line = strings.TrimSpace(line)
		for _, p := range []string{"WARNING: DATA RACE", "panic: ", "fatal error: "} {
			if strings.HasPrefix(line, p) {
				return line
			}
		}
	}
	return ""
}
