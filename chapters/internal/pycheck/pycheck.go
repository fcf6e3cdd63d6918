// Package pycheck runs a chapter's Python listings and checks what they print.
//
// Every listing in a chapter's python/ directory ends with its expected output,
// written as a comment block in the style of a Go example:
//
//	asyncio.run(main())
//
//	# Output:
//	# started
//	# done
//
// "# Unordered output:" compares the lines as a multiset instead.
//
// # The virtual clock
//
// Check runs a listing as "python3 virtualclock.py listing.py" in the
// listing's directory. virtualclock.py, embedded in this package and written
// to a temporary directory, runs the listing as __main__ exactly as "python3
// listing.py" would (same __file__, sys.argv and sys.path[0]), but on a
// virtual clock: the asyncio event loops the
// listing makes on the main thread (asyncio.run, asyncio.Runner,
// asyncio.new_event_loop) jump to the next timer when nothing is ready and
// nothing can become ready by itself (no thread working for the loop, no
// pipe from another process, no socket other than loopback ones). Otherwise
// they wait for real. Running code takes no virtual time; time.sleep on the
// main thread moves the clock on without waiting; time.monotonic and
// time.perf_counter read the same clock on the main thread. So timer-driven
// listings finish at once and print the same lines on an idle or a loaded
// machine. The file's doc comment gives the exact rules, and what in asyncio
// they rely on. A listing must print the same lines on the virtual clock as
// with plain python3 on a real clock, which is how learners run it.
//
// # Headers
//
// Three header comments change how a listing is treated:
//
//	# needs: Python 3.13      (checked only when the local python3 is at least 3.13)
//	# not run: <reason>       (shown on the site, never run)
//	# real clock: <reason>    (run with plain python3, on the real clock)
//
// When python3 is missing the checks are skipped; with REQUIRE_PYTHON=1 in the
// environment a missing python3 fails the test instead.
package pycheck

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// virtualClock is the bootstrap that runs a listing on the virtual clock.
//
//go:embed virtualclock.py
var virtualClock []byte

// Listing is a parsed Python listing: its header directives and expected output.
type Listing struct {
	Path      string // file path as given
	NotRun    string // reason from a "# not run:" header, or ""
	RealClock string // reason from a "# real clock:" header, or ""
	NeedMajor int    // from a "# needs: Python X.Y" header, or 0
	NeedMinor int
	Want      []string // expected output lines, trimmed
	Unordered bool     // "# Unordered output:"
	HasOutput bool     // the file has an output block
}

// Parse reads the listing at path.
func Parse(path string) (*Listing, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	l := &Listing{Path: path}
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	outAt := -1
	for i, line := range lines {
		t := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(t, "# not run:"):
			l.NotRun = strings.TrimSpace(strings.TrimPrefix(t, "# not run:"))
			if l.NotRun == "" {
				return nil, fmt.Errorf("%s:%d: \"# not run:\" needs a reason", path, i+1)
			}
		case strings.HasPrefix(t, "# real clock:"):
			l.RealClock = strings.TrimSpace(strings.TrimPrefix(t, "# real clock:"))
			if l.RealClock == "" {
				return nil, fmt.Errorf("%s:%d: \"# real clock:\" needs a reason", path, i+1)
			}
		case strings.HasPrefix(t, "# needs:"):
			v := strings.TrimSpace(strings.TrimPrefix(t, "# needs:"))
			if _, err := fmt.Sscanf(v, "Python %d.%d", &l.NeedMajor, &l.NeedMinor); err != nil {
				return nil, fmt.Errorf("%s:%d: want \"# needs: Python X.Y\", got %q", path, i+1, t)
			}
		case t == "# Output:" || t == "# Unordered output:":
			outAt = i
			l.Unordered = t == "# Unordered output:"
		}
	}
	if outAt < 0 {
		return l, nil
	}
	l.HasOutput = true
	for i, line := range lines[outAt+1:] {
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		if !strings.HasPrefix(t, "#") {
			return nil, fmt.Errorf("%s:%d: code after the output block; the output block must end the file", path, outAt+2+i)
		}
		if w := strings.TrimSpace(strings.TrimPrefix(t, "#")); w != "" {
			l.Want = append(l.Want, w) // blank lines are not compared
		}
	}
	return l, nil
}

// Check runs every listing in dir (usually "python") as a subtest of t.
// Listings with no output block fail: every run listing states what it prints.
//
// With the environment variable PYCHECK_RUN set, Check runs a reader's
// edited listings instead (see RunEnv).
func Check(t *testing.T, dir string) {
	t.Helper()
	if scratch := os.Getenv(RunEnv); scratch != "" {
		checkEdited(t, dir, scratch)
		return
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.py"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no Python listings in %s", dir)
	}
	py := interpreter(t)
	if py != nil {
		py.clock = filepath.Join(t.TempDir(), "virtualclock.py")
		if err := os.WriteFile(py.clock, virtualClock, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			l, err := Parse(f)
			if err != nil {
				t.Fatal(err)
			}
			if l.NotRun != "" {
				t.Skipf("%s: not run: %s", f, l.NotRun)
			}
			if !l.HasOutput {
				t.Fatalf("%s: no \"# Output:\" block at the end of the file", f)
			}
			if py == nil {
				t.Skip("python3 not found; set REQUIRE_PYTHON=1 to make this a failure")
			}
			if !py.atLeast(l.NeedMajor, l.NeedMinor) {
				t.Skipf("%s needs Python %d.%d; python3 here is %d.%d", f, l.NeedMajor, l.NeedMinor, py.major, py.minor)
			}
			got, err := py.run(t, f, l.RealClock == "")
			if err != nil {
				t.Fatalf("python3 %s: %v\n%s", f, err, strings.Join(got, "\n"))
			}
			if diff := compare(l.Want, got, l.Unordered); diff != "" {
				t.Errorf("%s printed something else than its output block:\n%s", f, diff)
			}
		})
	}
}

type python struct {
	path         string
	major, minor int
	clock        string // path of virtualclock.py
}

func (p *python) atLeast(major, minor int) bool {
	return p.major > major || p.major == major && p.minor >= minor
}

// interpreter finds python3 and its version; nil means "skip".
func interpreter(t *testing.T) *python {
	t.Helper()
	path, err := exec.LookPath("python3")
	if err != nil {
		if os.Getenv("REQUIRE_PYTHON") == "1" {
			t.Fatal("python3 not found and REQUIRE_PYTHON=1")
		}
		return nil
	}
	// The interpreter's own path, not python3's: a version manager's shim (pyenv's
	// is a shell script) would add a tenth of a second to every listing.
	out, err := exec.Command(path, "-c", "import sys; print(*sys.version_info[:2]); print(sys.executable)").Output()
	if err != nil {
		t.Fatalf("python3 version: %v", err)
	}
	p := &python{path: path}
	version, exe, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	if _, err := fmt.Sscan(version, &p.major, &p.minor); err != nil {
		t.Fatalf("python3 version %q: %v", out, err)
	}
	if exe = strings.TrimSpace(exe); filepath.IsAbs(exe) {
		p.path = exe
	}
	return p
}

// run runs the listing, on the virtual clock when virtual is true, and returns
// its output lines, trimmed, without blank lines. The time limit is a guard
// against a hung interpreter, not a speed check.
func (p *python) run(t *testing.T, file string, virtual bool) ([]string, error) {
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	args := []string{filepath.Base(file)}
	if virtual {
		args = append([]string{p.clock}, args...)
	}
	cmd := exec.CommandContext(ctx, p.path, args...)
	cmd.Dir = filepath.Dir(file)
	cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1", "PYTHONIOENCODING=utf-8")
	out, err := cmd.CombinedOutput()
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if s := strings.TrimSpace(sc.Text()); s != "" {
			lines = append(lines, s)
		}
	}
	return lines, err
}

// compare returns "" when got matches want, else a readable report.
func compare(want, got []string, unordered bool) string {
	w, g := slices.Clone(want), slices.Clone(got)
	if unordered {
		slices.Sort(w)
		slices.Sort(g)
	}
	if slices.Equal(w, g) {
		return ""
	}
	return fmt.Sprintf("got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
}
