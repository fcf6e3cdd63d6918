package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"maps"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// This file is the runner of the live server (make serve): POST /api/run
// runs a listing as the reader edited it, on the chapter's real package,
// and GET /api/file gives the page the file a listing comes from, so that
// it can splice the reader's edit into it. CONTRIBUTING.md ("The live
// notebook") describes the interface.
//
// A run is go test on the chapter, with the reader's files overlaid
// (go test -overlay): no file of the repository is ever written. The
// overlay and the scratch files live in a temporary directory that is
// removed after the run.
//
//   - An Example runs from a scratch test file added to its package, a
//     TestXxx that calls it: go test prints a passing Example's output
//     nowhere, and this way its output streams as it comes. The runner
//     compares it with the Example's // Output: comment itself, as the
//     testing package does.
//   - A Test function runs as itself; the exercise's Check runs the Test
//     functions of exercise_test.go with -tags learn, so that the stub
//     (exercise.go), as the reader edited it, replaces the solution.
//   - A Python listing runs through its chapter's TestPython, in
//     chapters/internal/pycheck's runner mode, on a scratch copy of the
//     chapter's python directory (see pycheckRunEnv).
//
// Each run is a process group of its own, killed as a whole when the run
// takes longer than the run timeout, when the reader goes away, or when
// its output passes the cap; and after it ends, so that nothing it started
// is left behind. At most as many runs as the machine has cores go at
// once; the others wait for a slot, as long as their reader waits: a
// buffered channel used as a semaphore, as in the chapter on limits.

// Limits of the runner.
const (
	maxRequestBody = 1 << 20 // bytes of a request's body
	maxRunOutput   = 1 << 20 // bytes of a run's output

	// runTestName and runTestFile are the scratch test that runs an
	// Example.
	runTestName = "TestZZCourseRun"
	runTestFile = "zz_course_run_test.go"
)

// pycheckRunEnv is the environment variable that puts
// chapters/internal/pycheck in runner mode (its RunEnv), and
// pycheckResult what it writes for each listing it runs (its Result).
// The site tool cannot import the package (it is internal to the
// chapters), so the two sides of this contract name each other.
const pycheckRunEnv = "PYCHECK_RUN"

// pycheckResult is chapters/internal/pycheck's Result.
type pycheckResult struct {
	Exit      int    `json:"exit"`
	Want      string `json:"want"`
	HasOutput bool   `json:"has_output"`
	Matches   bool   `json:"matches"`
}

// A runRequest is the body of POST /api/run.
type runRequest struct {
	Chapter string            `json:"chapter"` // the chapter's slug
	Target  string            `json:"target"`  // "ExampleX", "TestX", "exercise" or "python/x.py"
	Files   map[string]string `json:"files"`   // the reader's files, by bare name
}

// A runResult is the answer of POST /api/run, and its last event when it
// streams.
type runResult struct {
	Exit      int     `json:"exit"`              // go test's exit status, or python3's; -1 when the run was stopped
	Passed    bool    `json:"passed"`            // the run ended with status 0
	Output    string  `json:"output"`            // what the run printed, with the runner's notes
	Want      *string `json:"want,omitempty"`    // the verified output, where the target has one
	Matches   *bool   `json:"matches,omitempty"` // whether the output matches it
	ElapsedMS int64   `json:"elapsed_ms"`        // how long the run took, waiting for a slot not counted
}

// A runner runs the reader's code for the live server.
type runner struct {
	course    func() *course // the chapters of the last good build, or nil
	timeout   time.Duration  // a run is stopped after this long
	maxOutput int            // and when its output passes this many bytes
	slots     chan struct{}  // one token per run in progress

	// Hooks for tests: started is called with the process group of each
	// run when it starts, queued when a run has to wait for a slot, and
	// gaveUp when a run that waited for one stops waiting, its reader gone.
	started func(pgid int)
	queued  func()
	gaveUp  func()
}

// newRunner returns a runner of the chapters course returns, which stops
// a run after timeout.
func newRunner(course func() *course, timeout time.Duration) *runner {
	return &runner{course: course, timeout: timeout, maxOutput: maxRunOutput, slots: make(chan struct{}, runtime.NumCPU())}
}

// A runKind says what a run runs.
type runKind int

const (
	runExample runKind = iota
	runTest
	runExercise
	runPython
)

// A job is one run, prepared from a request.
type job struct {
	kind    runKind
	ch      *source
	root    string            // the repository root, where go test runs
	args    []string          // go test's arguments, without the package
	files   map[string]string // the reader's files: absolute path of the file they replace -> content
	example string            // for runExample: the Example function
	pkg     string            // for runExample: the package of its file ("hello_test")
	want    *string           // for runExample: its verified output, if any
	unorder bool              // for runExample: compared as sorted lines
	listing string            // for runPython: the listing's file name

	scratch string            // the temporary directory, set up by setUp
	env     []string          // added to go test's environment by setUp
	paths   *strings.Replacer // turns the scratch files' paths in messages into those of the files they replace
}

// A statusError is an error that answers a request with its status.
type statusError struct {
	status int
	msg    string
}

func (e *statusError) Error() string { return e.msg }

// refusef returns a statusError.
func refusef(status int, format string, args ...any) error {
	return &statusError{status, fmt.Sprintf(format, args...)}
}

// prepare checks req against the chapters of c and returns the job it
// asks for. The errors are statusErrors: 404 for an unknown chapter or
// target, 400 for a file that is not one of the chapter's.
func prepare(c *course, req runRequest) (*job, error) {
	ch := c.bySlug[req.Chapter]
	if ch == nil {
		return nil, refusef(http.StatusNotFound, "no chapter %q", req.Chapter)
	}
	j := &job{ch: ch, root: c.root, files: make(map[string]string)}
	allowed := func(name string) error { // a file the target's run may overlay
		if path.Ext(name) != ".go" {
			return fmt.Errorf("%q is not a .go file", name)
		}
		return nil
	}
	switch target := req.Target; {
	case target == "exercise":
		tests, err := exerciseTests(ch)
		if err != nil {
			return nil, err
		}
		j.kind = runExercise
		j.args = []string{"-tags", "learn", "-run", "^(" + strings.Join(tests, "|") + ")$"}
		allowed = func(name string) error {
			if name != exerciseFile {
				return fmt.Errorf("the exercise's run takes only %s, not %q", exerciseFile, name)
			}
			return nil
		}
	case strings.HasPrefix(target, "python/"):
		name := strings.TrimPrefix(target, "python/")
		if _, err := chapterFile(ch, name); err != nil || path.Ext(name) != ".py" {
			return nil, refusef(http.StatusNotFound, "no Python listing %q in chapter %q", target, ch.Slug)
		}
		j.kind, j.listing = runPython, name
		j.args = []string{"-count=1", "-run", "^TestPython$/^" + regexp.QuoteMeta(name) + "$"}
		allowed = func(name string) error {
			if path.Ext(name) != ".py" {
				return fmt.Errorf("%q is not a .py file: a Python listing's run takes Python files", name)
			}
			return nil
		}
	default:
		pkg, ps := c.loadPackage(ch)
		if pkg == nil {
			return nil, refusef(http.StatusInternalServerError, "the Go package of %s does not load: %v", ch.rel, ps.Err())
		}
		ex := pkg.examples[target]
		switch {
		case ex != nil && len(pkg.decls[target]) == 1:
			clause, err := packageClause(filepath.Join(c.root, filepath.FromSlash(pkg.decls[target][0].file)))
			if err != nil {
				return nil, refusef(http.StatusInternalServerError, "%v", err)
			}
			j.kind, j.example, j.pkg, j.unorder = runExample, target, clause, ex.Unordered
			if ex.Output != "" || ex.EmptyOutput {
				j.want = &ex.Output
			}
			j.args = []string{"-run", "^" + runTestName + "$"}
		case pkg.tests[target]:
			j.kind = runTest
			j.args = []string{"-run", "^" + regexp.QuoteMeta(target) + "$"}
		default:
			return nil, refusef(http.StatusNotFound, "no Example or Test function %q in chapter %q", target, ch.Slug)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(req.Files)) {
		p, err := chapterFile(ch, name)
		if err == nil {
			err = allowed(name)
		}
		if err != nil {
			return nil, refusef(http.StatusBadRequest, "files: %v", err)
		}
		j.files[p] = req.Files[name]
	}
	return j, nil
}

// chapterFile returns the path of the file that the bare name stands for
// in chapter ch: a .go file of the chapter's directory or a .py file of its
// python directory. Any other name is an error.
func chapterFile(ch *source, name string) (string, error) {
	if name == "" || strings.ContainsAny(name, `/\`) || strings.Contains(name, "..") {
		return "", fmt.Errorf("%q is not a bare file name (no path separator, no \"..\")", name)
	}
	var p string
	switch path.Ext(name) {
	case ".go":
		p = filepath.Join(ch.path, name)
	case ".py":
		p = filepath.Join(ch.path, "python", name)
	default:
		return "", fmt.Errorf("%q is not a .go or .py file of chapter %q", name, ch.Slug)
	}
	if fi, err := os.Lstat(p); err != nil || !fi.Mode().IsRegular() {
		return "", fmt.Errorf("%q is not a file of chapter %q", name, ch.Slug)
	}
	return p, nil
}

// exerciseTests returns the Test functions of the chapter's
// exercise_test.go, which the exercise's Check runs.
func exerciseTests(ch *source) ([]string, error) {
	if _, err := chapterFile(ch, exerciseFile); err != nil {
		return nil, refusef(http.StatusNotFound, "chapter %q has no exercise", ch.Slug)
	}
	file := filepath.Join(ch.path, "exercise_test.go")
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.SkipObjectResolution)
	if errors.Is(err, os.ErrNotExist) {
		return nil, refusef(http.StatusNotFound, "chapter %q has no exercise_test.go", ch.Slug)
	}
	if err != nil {
		return nil, refusef(http.StatusInternalServerError, "%v", err)
	}
	var tests []string
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && isTest(fn) {
			tests = append(tests, fn.Name.Name)
		}
	}
	if len(tests) == 0 {
		return nil, refusef(http.StatusNotFound, "chapter %q: exercise_test.go has no Test function", ch.Slug)
	}
	return tests, nil
}

// packageClause returns the package name of the Go file at path.
func packageClause(path string) (string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.PackageClauseOnly)
	if err != nil {
		return "", err
	}
	return f.Name.Name, nil
}

// setUp writes the job's scratch files into a new temporary directory:
// the reader's files, the scratch test of an Example, and go test's
// overlay; or, for a Python listing, a copy of the chapter's python
// directory with the reader's files in it.
func (j *job) setUp() error {
	var err error
	if j.scratch, err = os.MkdirTemp("", "course-run-"); err != nil {
		return err
	}
	if j.kind == runPython {
		return j.setUpPython()
	}
	overlay := make(map[string]string)
	write := func(replaced, content string) error {
		p := filepath.Join(j.scratch, fmt.Sprintf("%d-%s", len(overlay), filepath.Base(replaced)))
		overlay[replaced] = p
		return os.WriteFile(p, []byte(content), 0o644)
	}
	for _, p := range slices.Sorted(maps.Keys(j.files)) {
		if err := write(p, j.files[p]); err != nil {
			return err
		}
	}
	if j.kind == runExample {
		test := fmt.Sprintf("package %s\n\nimport \"testing\"\n\n// %s runs %s, so that what it prints streams.\nfunc %s(*testing.T) { %s() }\n",
			j.pkg, runTestName, j.example, runTestName, j.example)
		if err := write(filepath.Join(j.ch.path, runTestFile), test); err != nil {
			return err
		}
	}
	if len(overlay) == 0 {
		return nil
	}
	var pairs []string
	for replaced, p := range overlay {
		rel, err := filepath.Rel(j.root, replaced)
		if err != nil {
			rel = replaced
		}
		pairs = append(pairs, p, filepath.ToSlash(rel))
	}
	j.paths = strings.NewReplacer(pairs...)
	b, err := json.Marshal(map[string]any{"Replace": overlay})
	if err != nil {
		return err
	}
	name := filepath.Join(j.scratch, "overlay.json")
	j.args = append(j.args, "-overlay", name)
	return os.WriteFile(name, b, 0o644)
}

// setUpPython copies the chapter's python directory into the scratch
// directory and writes the reader's files over the copies.
func (j *job) setUpPython() error {
	dir := filepath.Join(j.scratch, "python")
	if err := os.Mkdir(dir, 0o755); err != nil {
		return err
	}
	entries, err := os.ReadDir(filepath.Join(j.ch.path, "python"))
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(j.ch.path, "python", e.Name()))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			return err
		}
	}
	for p, content := range j.files {
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(p)), []byte(content), 0o644); err != nil {
			return err
		}
	}
	j.env = append(j.env, pycheckRunEnv+"="+dir)
	rel, err := filepath.Rel(j.root, filepath.Join(j.ch.path, "python"))
	if err != nil {
		return err
	}
	j.paths = strings.NewReplacer(dir+string(filepath.Separator), filepath.ToSlash(rel)+"/")
	return nil
}

// acquire waits for a run slot, as long as ctx lasts. It reports whether
// it got one; release gives it back.
func (rn *runner) acquire(ctx context.Context) bool {
	select {
	case rn.slots <- struct{}{}:
		return true
	default:
	}
	if rn.queued != nil {
		rn.queued()
	}
	select {
	case rn.slots <- struct{}{}:
		return true
	case <-ctx.Done():
		if rn.gaveUp != nil {
			rn.gaveUp()
		}
		return false
	}
}

// release gives back a slot that acquire took.
func (rn *runner) release() { <-rn.slots }

// runOutput is the output of a run as the reader sees it, capped.
type runOutput struct {
	max     int
	emit    func(text string) // called with each piece as it comes, or nil
	shown   strings.Builder   // what the reader sees
	printed strings.Builder   // what the target itself printed: an Example's output
	full    bool
}

// add appends text to the output, and to what the target printed when
// printed is set. It reports whether the output is full: then it has
// been cut at the cap, with a note.
func (o *runOutput) add(text string, printed bool) bool {
	if o.full || text == "" {
		return o.full
	}
	if room := o.max - o.shown.Len(); len(text) > room {
		for room > 0 && !utf8.RuneStart(text[room]) {
			room--
		}
		text, o.full = text[:room], true
	}
	o.shown.WriteString(text)
	if printed {
		o.printed.WriteString(text)
	}
	o.send(text)
	if o.full {
		o.note("output cut at " + byteSize(o.max) + ": the run was stopped")
	}
	return o.full
}

// note adds a note of the runner's own to the output, on a line of its
// own.
func (o *runOutput) note(msg string) {
	text := "[" + msg + "]\n"
	if s := o.shown.String(); s != "" && !strings.HasSuffix(s, "\n") {
		text = "\n" + text
	}
	o.shown.WriteString(text)
	o.send(text)
}

func (o *runOutput) send(text string) {
	if o.emit != nil {
		o.emit(text)
	}
}

// show returns the part of a go test event that the reader sees, and
// whether it is output of the target itself: the compiler's messages, the
// output of the tests, and the package's own output (a panic, goleak's
// report), without the testing package's framing. Test and exercise runs
// keep the result lines ("--- FAIL: TestX").
func (j *job) show(e testEvent) (text string, printed bool) {
	switch {
	case e.Action == "build-output":
		return e.Output, false
	case e.Action != "output":
		return "", false
	case e.Test == "":
		if isFraming(e.Output) {
			return "", false
		}
		return e.Output, false
	case (j.kind == runTest || j.kind == runExercise) && isResult(e.Output):
		return e.Output, true
	case isFraming(e.Output):
		return "", false
	}
	return e.Output, true
}

// isResult reports whether output is a test's result line: "--- FAIL:
// TestX (0.01s)".
func isResult(output string) bool {
	t := strings.TrimSpace(output)
	return strings.HasPrefix(t, "--- PASS: ") || strings.HasPrefix(t, "--- FAIL: ") || strings.HasPrefix(t, "--- SKIP: ")
}

// run runs the job, set up, and returns its result. emit, when not nil,
// is called with the output as it comes. The run stops when ctx is done.
func (rn *runner) run(ctx context.Context, j *job, emit func(string)) *runResult {
	out := &runOutput{max: rn.maxOutput, emit: emit}
	start := time.Now()
	res := &runResult{Exit: -1}
	finish := func() *runResult {
		res.Output, res.ElapsedMS = out.shown.String(), time.Since(start).Milliseconds()
		return res
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		out.note("the run did not start: " + err.Error())
		return finish()
	}
	defer pr.Close()
	cmd := exec.Command("go", append(append([]string{"test", "-json"}, j.args...), "./"+j.ch.rel)...)
	cmd.Dir = j.root
	cmd.Env = append(os.Environ(), j.env...)
	cmd.Stdout, cmd.Stderr = pw, pw // one pipe: go's own errors come in order with the events
	inOwnProcessGroup(cmd)
	err = cmd.Start()
	pw.Close() // the processes of the run hold it open
	if err != nil {
		out.note("the run did not start: " + err.Error())
		return finish()
	}
	pgid := cmd.Process.Pid
	if rn.started != nil {
		rn.started(pgid)
	}
	var once sync.Once
	stopped := ""
	stop := func(why string) {
		once.Do(func() {
			stopped = why
			_ = killProcessGroup(pgid) // nothing more can be done
		})
	}
	read := make(chan struct{})
	go func() {
		defer close(read)
		r := bufio.NewReaderSize(pr, 64<<10)
		for {
			line, err := r.ReadString('\n')
			if line != "" {
				text, printed := line, false
				var e testEvent
				if strings.HasPrefix(line, "{") && json.Unmarshal([]byte(line), &e) == nil {
					text, printed = j.show(e)
				}
				if j.paths != nil {
					text = j.paths.Replace(text)
				}
				if out.add(text, printed) {
					stop("")
				}
			}
			if err != nil {
				return // io.EOF: every process of the run has exited
			}
		}
	}()
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	timer := time.NewTimer(rn.timeout)
	defer timer.Stop()
	select {
	case err = <-waited:
	case <-timer.C:
		stop(fmt.Sprintf("stopped after %v: the run timeout (serve -run-timeout)", rn.timeout))
		err = <-waited
	case <-ctx.Done():
		stop("stopped: the page went away")
		err = <-waited
	}
	_ = killProcessGroup(pgid) // whatever the run left behind
	<-read
	if stopped != "" {
		out.note(stopped)
	}
	if ee, ok := errors.AsType[*exec.ExitError](err); ok {
		res.Exit = ee.ExitCode()
	} else if err == nil {
		res.Exit = 0
	}
	if out.full || stopped != "" {
		res.Exit = -1
	}
	res.Passed = res.Exit == 0
	switch j.kind {
	case runExample:
		if j.want != nil {
			m := outputMatches(out.printed.String(), *j.want, j.unorder)
			res.Want, res.Matches = j.want, &m
		}
	case runPython:
		j.pythonResult(res)
	}
	return finish()
}

// pythonResult fills in res from the result file pycheck wrote for the
// listing, if it wrote one: python3's exit status, the verified output
// and whether the listing printed it.
func (j *job) pythonResult(res *runResult) {
	b, err := os.ReadFile(filepath.Join(j.scratch, "python", j.listing+".result.json"))
	if err != nil {
		return // it did not run: the output says why
	}
	var r pycheckResult
	if json.Unmarshal(b, &r) != nil {
		return
	}
	if res.Exit == 0 {
		res.Exit = r.Exit
	}
	res.Passed = res.Exit == 0
	if r.HasOutput {
		res.Want, res.Matches = &r.Want, &r.Matches
	}
}

// byteSize formats a size: "1 MiB", "64 KiB", "10 bytes".
func byteSize(n int) string {
	switch {
	case n > 0 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n > 0 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// outputMatches reports whether an Example that printed got passes with
// the output comment want, as the testing package compares them: spaces
// at both ends trimmed, and, for an unordered output, the lines sorted.
func outputMatches(got, want string, unordered bool) bool {
	got, want = strings.TrimSpace(got), strings.TrimSpace(want)
	if !unordered {
		return got == want
	}
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	slices.Sort(g)
	slices.Sort(w)
	return slices.Equal(g, w)
}

// serveRun answers POST /api/run.
func (rn *runner) serveRun(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeError(w, http.StatusMethodNotAllowed, "use POST to run a listing")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRequestBody))
	if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
		writeError(w, http.StatusRequestEntityTooLarge, "the request is over "+byteSize(maxRequestBody))
		return
	}
	var req runRequest
	if err == nil {
		err = json.Unmarshal(body, &req)
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, "the request is not JSON: "+err.Error())
		return
	}
	c := rn.course()
	if c == nil {
		writeError(w, http.StatusServiceUnavailable, errNotBuilt)
		return
	}
	j, err := prepare(c, req)
	if se, ok := errors.AsType[*statusError](err); ok {
		writeError(w, se.status, se.msg)
		return
	}
	if !rn.acquire(r.Context()) {
		return // the reader went away while the run waited
	}
	defer rn.release()
	err = j.setUp()
	defer os.RemoveAll(j.scratch)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "setting up the run: "+err.Error())
		return
	}
	if !strings.Contains(r.Header.Get("Accept"), "text/event-stream") {
		writeJSON(w, http.StatusOK, rn.run(r.Context(), j, nil))
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	rc := http.NewResponseController(w)
	_ = rc.Flush()
	res := rn.run(r.Context(), j, func(text string) {
		writeEvent(w, "output", text)
		_ = rc.Flush() // the reader went away: the run stops with r's context
	})
	writeEvent(w, "result", res)
	_ = rc.Flush()
}

// errNotBuilt is the error of a request that needs the site before its
// first good build.
const errNotBuilt = "the site has not built yet: fix the problems make serve reports"

// chapter returns the chapters of the last good build and the chapter
// called slug. When there is none, it writes the error and returns a nil
// chapter.
func (rn *runner) chapter(w http.ResponseWriter, slug string) (*course, *source) {
	c := rn.course()
	if c == nil {
		writeError(w, http.StatusServiceUnavailable, errNotBuilt)
		return nil, nil
	}
	ch := c.bySlug[slug]
	if ch == nil {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no chapter %q", slug))
	}
	return c, ch
}

// writeEvent writes a server-sent event whose data is v as JSON, which is
// one line.
func writeEvent(w io.Writer, event string, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		b = []byte(`null`)
	}
	fmt.Fprintf(w, "event: %s\ndata: %s\n\n", event, b)
}

// serveFile answers GET /api/file?chapter=SLUG&name=FILE: the text of a
// file of the chapter, as the page's listings show it (the exercise stub
// as committed, when a learner edited it in place).
func (rn *runner) serveFile(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", http.MethodGet)
		writeError(w, http.StatusMethodNotAllowed, "use GET to read a file")
		return
	}
	c, ch := rn.chapter(w, r.URL.Query().Get("chapter"))
	if ch == nil {
		return
	}
	name := r.URL.Query().Get("name")
	if _, err := chapterFile(ch, name); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	rel := name
	if path.Ext(name) == ".py" {
		rel = "python/" + name
	}
	text, err := c.readText(ch, rel)
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = io.WriteString(w, text)
}
