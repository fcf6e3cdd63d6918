package pycheck

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// RunEnv is the environment variable that puts Check in runner mode.
//
// The site tool's runner (make serve) runs a reader's edit of a listing
// through the chapter's TestPython, so that this package stays the one
// owner of the listings' format. It copies the chapter's python directory
// to a scratch directory, puts the edit there, and runs
//
//	PYCHECK_RUN=SCRATCH go test -json -count=1 -run '^TestPython$/^name\.py$'
//
// With RunEnv set, Check runs the listings of that directory instead of
// dir's, whatever their headers say (the reader asked to run them), with
// plain python3 on the real clock, as a reader runs them. It writes what a
// listing prints, standard error included, to standard output as it
// arrives, so that go test streams it; and it writes NAME.result.json
// beside the listing (see Result). A listing that prints something else
// than its output block does not fail the test: the result says so.
//
// The site tool cannot import this package (it is internal to the
// chapters), so it names the variable and Result's fields itself
// (pycheckRunEnv and pycheckResult in tools/site/runner.go): change both
// sides together.
const RunEnv = "PYCHECK_RUN"

// A Result is what runner mode writes for each listing it runs.
type Result struct {
	Exit int `json:"exit"` // python3's exit status; -1 when it did not exit by itself
	// Want is the output block of the chapter's own listing of the same
	// name (in dir): the output the site shows as verified, one trimmed
	// line each. It is empty when that listing has no output block.
	Want      string `json:"want,omitempty"`
	HasOutput bool   `json:"has_output"`
	Matches   bool   `json:"matches"` // what the listing printed matches Want, as Check compares them
}

// checkEdited is Check in runner mode: it runs the listings in scratch,
// comparing them with the output blocks of the listings of the same names
// in dir.
func checkEdited(t *testing.T, dir, scratch string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(scratch, "*.py"))
	if err != nil {
		t.Fatal(err)
	}
	py := interpreter(t)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			if py == nil {
				t.Fatal("python3 not found: install Python 3 to run the Python listings")
			}
			var res Result
			orig, err := Parse(filepath.Join(dir, filepath.Base(f)))
			if err == nil && orig.HasOutput {
				res.Want, res.HasOutput = strings.Join(orig.Want, "\n"), true
			}
			got, exit, err := py.stream(t, f, os.Stdout)
			if err != nil {
				t.Fatalf("python3 %s: %v", f, err)
			}
			res.Exit = exit
			if res.HasOutput {
				res.Matches = compare(orig.Want, got, orig.Unordered) == ""
			}
			b, err := json.Marshal(res)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(f+".result.json", b, 0o644); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// stream runs the listing file with plain python3, writing what it prints
// to w as it arrives, and returns its output lines as run does, and its
// exit status (-1 when it was killed). The time limit is a guard against a
// hung interpreter; the site tool's runner has its own.
func (p *python) stream(t *testing.T, file string, w io.Writer) (lines []string, exit int, err error) {
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, p.path, filepath.Base(file))
	cmd.Dir = filepath.Dir(file)
	cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1", "PYTHONIOENCODING=utf-8", "PYTHONUNBUFFERED=1")
	var out bytes.Buffer
	both := io.MultiWriter(w, &out) // one writer for both: os/exec then gives them one pipe, in order
	cmd.Stdout, cmd.Stderr = both, both
	err = cmd.Run()
	if ee, ok := errors.AsType[*exec.ExitError](err); ok {
		exit, err = ee.ExitCode(), nil
	}
	sc := bufio.NewScanner(&out)
	for sc.Scan() {
		if s := strings.TrimSpace(sc.Text()); s != "" {
			lines = append(lines, s)
		}
	}
	return lines, exit, err
}
