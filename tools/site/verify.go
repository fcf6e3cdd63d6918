package main

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"

	"github.com/asyncgo/course/tools/internal/chapter"
	"github.com/asyncgo/course/tools/internal/problem"
)

// This file is the verify stage: before anything is written, go test runs
// the Example functions and the Python listings whose output the site
// shows, so that the site cannot show an output the code no longer
// prints. It runs one go test -json over every chapter that shows an
// output, with -run naming just those: go test's cache makes a chapter
// that did not change cost nothing, and -p runs the chapters in parallel.
// Python listings run through each chapter's TestPython
// (chapters/internal/pycheck, the one owner of their format), as
// TestPython/name.py.

// An outputCheck is an output the site shows, which go test checks: an
// Example's verified output, or a Python listing, which ends with its
// expected output.
type outputCheck struct {
	ch    *source
	name  string // "ExampleCountdown", or "python/sleepers.py"
	lines []int  // the README lines of the directives that show it
}

// key names the check across builds: "chapters/01-hello:ExampleGreet".
func (k *outputCheck) key() string { return k.ch.rel + ":" + k.name }

// python reports whether the check is a Python listing.
func (k *outputCheck) python() bool { return strings.HasPrefix(k.name, "python/") }

// testName returns the name go test gives the check's test:
// "ExampleGreet", or "TestPython/hello.py".
func (k *outputCheck) testName() string {
	if k.python() {
		return "TestPython/" + strings.TrimPrefix(k.name, "python/")
	}
	return k.name
}

// problemf returns a problem at every README line that shows the check's
// output.
func (k *outputCheck) problemf(format string, args ...any) problem.List {
	var ps problem.List
	for _, l := range k.lines {
		ps = append(ps, problem.Errorf(k.ch.Source, l, format, args...))
	}
	return ps
}

// verified is the result of the verify stage.
type verified struct {
	ps      problem.List
	notices []string // what the stage did not check, and why: one line each
	passed  []string // the keys of the checks that passed (see outputCheck.key)
}

// verify is the stage between include and render: it has go test run the
// outputs the chapters show (outputChecks), except those whose keys are in
// done (outputs a live server verified since the code last changed), and
// reports each one that fails at the README lines of the directives that
// show it. Without python3 it checks no Python listing and says so in a
// notice; with REQUIRE_PYTHON=1 in the environment, that is a problem.
// verify writes nothing; go test fills its own cache.
func verify(c *course, inc *included, done map[string]bool) *verified {
	v := new(verified)
	var checks []*outputCheck
	for _, k := range outputChecks(c, inc) {
		if !done[k.key()] {
			checks = append(checks, k)
		}
	}
	if i := slices.IndexFunc(checks, (*outputCheck).python); i >= 0 {
		if _, err := exec.LookPath("python3"); err != nil {
			if os.Getenv("REQUIRE_PYTHON") == "1" {
				v.ps = append(v.ps, checks[i].problemf("python3 not found, and REQUIRE_PYTHON=1: the Python listings' output cannot be checked")...)
				return v
			}
			v.notices = append(v.notices, "python3 not found: the Python listings' output is not checked (REQUIRE_PYTHON=1 makes this a failure)")
			checks = slices.DeleteFunc(checks, (*outputCheck).python)
		}
	}
	if len(checks) == 0 {
		return v
	}
	events, stderr, err := goTestJSON(c.root, checks)
	if err != nil {
		v.ps = append(v.ps, checks[0].problemf("go test: %v", err)...)
		return v
	}
	v.ps, v.passed = judge(c.module, checks, events, stderr)
	return v
}

// outputChecks returns the outputs the chapters show, in the order of the
// chapters and their READMEs: the Examples named by output and example
// directives and by code directives that show an Example with its output
// comment, and the Python listings shown whole (a region of one shows no
// output). The lines are those of the README on disk: a build that fails
// writes nothing, so that is the README the author reads.
func outputChecks(c *course, inc *included) []*outputCheck {
	var checks []*outputCheck
	for i, ch := range c.chapters {
		byName := make(map[string]*outputCheck)
		ds, _, _ := chapter.Scan(ch.Source, splitLines(string(ch.readme))) // the include stage reported any problems
		for _, d := range ds {
			name := ""
			switch d.Kind {
			case "output", "example":
				name = d.Arg
			case "code":
				src := inc.sources[i][d.Kind+": "+d.Arg]
				switch {
				case src == nil:
				case strings.HasPrefix(src.run, "Example"):
					name = src.run
				case strings.HasPrefix(src.run, "python/") && src.first == 0:
					name = src.run
				}
			}
			if name == "" {
				continue
			}
			k := byName[name]
			if k == nil {
				k = &outputCheck{ch: ch, name: name}
				byName[name] = k
				checks = append(checks, k)
			}
			k.lines = append(k.lines, d.Line())
		}
	}
	return checks
}

// goTestJSON runs go test -json in root on the chapters of checks, with
// -run selecting the checks' tests, and returns its events and what it
// wrote to standard error. A test that fails is an event, not an error.
func goTestJSON(root string, checks []*outputCheck) ([]testEvent, string, error) {
	var pkgs, tops, subs []string
	for _, k := range checks {
		pkgs = append(pkgs, "./"+k.ch.rel)
		top, sub, _ := strings.Cut(k.testName(), "/")
		tops = append(tops, regexp.QuoteMeta(top))
		if sub != "" {
			subs = append(subs, regexp.QuoteMeta(sub))
		}
	}
	// One pattern for every package: an Example of one chapter that has
	// the name of another's is checked too, which does no harm. The
	// pattern's second part selects subtests only: Examples have none.
	run := "^(" + strings.Join(uniqueSorted(tops), "|") + ")$"
	if len(subs) > 0 {
		run += "/^(" + strings.Join(uniqueSorted(subs), "|") + ")$"
	}
	args := append([]string{"test", "-json", "-run", run}, uniqueInOrder(pkgs)...)
	cmd := exec.Command("go", args...)
	cmd.Dir = root
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if _, failed := err.(*exec.ExitError); failed {
		err = nil // tests failed, or a package did not build: the events say which
	}
	if err != nil {
		return nil, "", err
	}
	var events []testEvent
	sc := bufio.NewScanner(&stdout)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var e testEvent
		if json.Unmarshal(sc.Bytes(), &e) == nil {
			events = append(events, e)
		}
	}
	if len(events) == 0 && stderr.Len() > 0 {
		return nil, "", fmt.Errorf("%s", strings.TrimSpace(stderr.String()))
	}
	return events, stderr.String(), nil
}

// A testRecord gathers the events of one test: its last action and its
// output without the framing lines.
type testRecord struct {
	action string
	output strings.Builder
}

// A packageRecord gathers the events of one package.
type packageRecord struct {
	action      string
	failedBuild string
	output      strings.Builder // the package's own output, without framing lines
	tests       map[string]*testRecord
}

// judge reads the events of go test and returns a problem for every check
// that failed or did not run, and the keys of those that passed. module is
// the course's module path.
func judge(module string, checks []*outputCheck, events []testEvent, stderr string) (problem.List, []string) {
	pkgs := make(map[string]*packageRecord)
	builds := make(map[string][]string) // build output by import path
	for _, e := range events {
		switch e.Action {
		case "build-output":
			builds[e.ImportPath] = append(builds[e.ImportPath], strings.TrimSuffix(e.Output, "\n"))
			continue
		case "build-fail":
			continue
		}
		p := pkgs[e.Package]
		if p == nil {
			p = &packageRecord{tests: make(map[string]*testRecord)}
			pkgs[e.Package] = p
		}
		if e.Test == "" {
			switch e.Action {
			case "output":
				if !isFraming(e.Output) {
					p.output.WriteString(e.Output)
				}
			case "pass", "fail", "skip":
				p.action, p.failedBuild = e.Action, e.FailedBuild
			}
			continue
		}
		t := p.tests[e.Test]
		if t == nil {
			t = new(testRecord)
			p.tests[e.Test] = t
		}
		switch e.Action {
		case "output":
			if !isFraming(e.Output) {
				t.output.WriteString(e.Output)
			}
		case "pass", "fail", "skip":
			t.action = e.Action
		}
	}
	var ps problem.List
	var passed []string
	reported := make(map[string]bool) // packages whose build or run failed, reported once
	for _, k := range checks {
		importPath := module + "/" + k.ch.rel
		p := pkgs[importPath]
		switch {
		case p == nil:
			ps = append(ps, k.problemf("go test did not test %s: %s", k.ch.rel, firstLines(stderr, 5))...)
			continue
		case p.failedBuild != "":
			if !reported[importPath] {
				reported[importPath] = true
				ps = append(ps, buildProblems(k, builds[p.failedBuild])...)
			}
			continue
		}
		t := p.tests[k.testName()]
		output := ""
		if t != nil {
			// A test that crashes the test binary (a panic) leaves what it
			// printed to the package.
			output = cmp.Or(t.output.String(), p.output.String())
		}
		switch {
		case t == nil && k.python() && p.tests["TestPython"] == nil && p.action != "fail":
			ps = append(ps, k.problemf("%s shows its output, but no test of %s runs it: add func TestPython(t *testing.T) { pycheck.Check(t, \"python\") }", k.name, k.ch.rel)...)
		case t == nil && failedTest(p):
			// The test binary stopped at an earlier failure, reported with
			// its own check.
		case t == nil:
			reported[importPath] = true
			ps = append(ps, k.problemf("go test did not run %s: %s", k.testName(), firstLines(p.output.String(), 5))...)
		case t.action == "fail" && k.python():
			ps = append(ps, k.problemf("%s: %s", k.name, dedent(output))...)
		case t.action == "fail":
			ps = append(ps, k.problemf("%s", exampleFailure(k.name, output))...)
		default:
			passed = append(passed, k.key())
		}
	}
	// A package can fail after the tests it ran passed: goleak, in
	// TestMain, reports goroutines they leaked.
	for _, k := range checks {
		importPath := module + "/" + k.ch.rel
		if p := pkgs[importPath]; p != nil && p.action == "fail" && p.failedBuild == "" && !reported[importPath] {
			reported[importPath] = true
			if failedTest(p) {
				continue // reported with its check
			}
			ps = append(ps, k.problemf("go test %s failed after the outputs it checked passed: %s", k.ch.rel, firstLines(p.output.String(), 10))...)
			passed = slices.DeleteFunc(passed, func(key string) bool { return strings.HasPrefix(key, k.ch.rel+":") })
		}
	}
	return ps, passed
}

// failedTest reports whether one of the tests of p failed.
func failedTest(p *packageRecord) bool {
	for _, t := range p.tests {
		if t.action == "fail" {
			return true
		}
	}
	return false
}

// buildProblems returns the problems of a chapter whose tests do not
// build: each compiler message at its own file and line, or, when there
// is none, the build's output at the lines of k.
func buildProblems(k *outputCheck, output []string) problem.List {
	var ps problem.List
	for _, l := range output {
		if m := compilerLine.FindStringSubmatch(l); m != nil {
			line := 0
			fmt.Sscan(m[2], &line)
			ps = append(ps, problem.Errorf(m[1], line, "%s", m[3]))
		}
	}
	if len(ps) == 0 {
		ps = k.problemf("the tests of %s do not build: %s", k.ch.rel, firstLines(strings.Join(output, "\n"), 10))
	}
	return ps
}

// exampleFailure says what went wrong with the Example called name, from
// what go test printed for it: what it printed against its output comment
// (a short line diff), or, when it did not finish (a panic), that.
func exampleFailure(name, output string) string {
	rest, ok := strings.CutPrefix(output, "got:\n")
	i, comment := strings.LastIndex(rest, "\nwant:\n"), "// Output:"
	if j := strings.LastIndex(rest, "\nwant (unordered):\n"); j > i {
		i, comment = j, "// Unordered output:"
	}
	if !ok || i < 0 {
		return fmt.Sprintf("%s failed: %s", name, firstLines(output, 10))
	}
	got := strings.TrimSpace(rest[:i])
	want := strings.TrimSpace(rest[i+len("\nwant:\n"):])
	if comment == "// Unordered output:" {
		want = strings.TrimSpace(rest[i+len("\nwant (unordered):\n"):])
	}
	gotLines, wantLines := strings.Split(got, "\n"), strings.Split(want, "\n")
	if comment == "// Unordered output:" {
		slices.Sort(gotLines)
		slices.Sort(wantLines)
	}
	missing, extra := lineDiff(wantLines, gotLines)
	return fmt.Sprintf("%s printed %s; its %s comment says %s", name,
		quoteLines(extra, "less"), comment, quoteLines(missing, "nothing more"))
}

// firstLines returns the first n non-blank lines of s, joined by " | ".
func firstLines(s string, n int) string {
	var lines []string
	for l := range strings.SplitSeq(s, "\n") {
		if t := strings.TrimSpace(l); t != "" {
			lines = append(lines, t)
		}
	}
	if len(lines) > n {
		lines = append(lines[:n], fmt.Sprintf("(%d more lines)", len(lines)-n))
	}
	if len(lines) == 0 {
		return "(no output)"
	}
	return strings.Join(lines, " | ")
}

// logPrefix matches the "file.go:123: " a test's log line starts with.
var logPrefix = regexp.MustCompile(`^\s*\S+\.go:\d+: `)

// dedent returns a test's log output as one message: the file and line of
// its first line dropped, and every line's indentation.
func dedent(s string) string {
	var lines []string
	for i, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		if i == 0 {
			l = logPrefix.ReplaceAllString(l, "")
		}
		if t := strings.TrimSpace(l); t != "" {
			lines = append(lines, t)
		}
	}
	return strings.Join(lines, "\n\t")
}

// uniqueSorted returns the distinct strings of s, sorted.
func uniqueSorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return slices.Compact(s)
}

// uniqueInOrder returns the distinct strings of s in the order they first
// occur.
func uniqueInOrder(s []string) []string {
	seen := make(map[string]bool)
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
