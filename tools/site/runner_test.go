package main

import (
	"bytes"
	"context"
	"encoding/json"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ptr returns a pointer to v.
func ptr[T any](v T) *T { return &v }

func TestRunExample(t *testing.T) {
	f := startLive(t, "", nil)
	before := tree(t, filepath.Dir(f.chapters))

	res := f.runJSON(t, runRequest{Chapter: "hello", Target: "ExampleGreet"})
	assert.Equal(t, 0, res.Exit)
	assert.True(t, res.Passed)
	assert.Equal(t, "hello, Ada\n", res.Output, "the Example's output alone, without go test's framing")
	assert.Equal(t, ptr("hello, Ada\n"), res.Want, "the verified output")
	assert.Equal(t, ptr(true), res.Matches)

	res = f.runJSON(t, runRequest{Chapter: "hello", Target: "ExampleGreet",
		Files: map[string]string{"hello_test.go": fixtureFile(t, "hello_test.go", `hello.Greet("Ada")`, `hello.Greet("Bob")`)}})
	assert.Equal(t, 0, res.Exit)
	assert.True(t, res.Passed, "an Example that prints something else still ran")
	assert.Equal(t, "hello, Bob\n", res.Output)
	assert.Equal(t, ptr("hello, Ada\n"), res.Want, "the verified output, not the edit's")
	assert.Equal(t, ptr(false), res.Matches)

	// An unordered output is compared as sorted lines.
	res = f.runJSON(t, runRequest{Chapter: "hello", Target: "ExampleGreeter_Greet"})
	assert.Equal(t, "hi Grace\nhi Guido\n", res.Output)
	assert.Equal(t, ptr(true), res.Matches)

	// An edit that does not compile: the compiler says where, in the file.
	res = f.runJSON(t, runRequest{Chapter: "hello", Target: "ExampleGreet",
		Files: map[string]string{"hello_test.go": fixtureFile(t, "hello_test.go", `hello.Greet("Ada")`, `hello.Greet(1)`)}})
	assert.NotEqual(t, 0, res.Exit)
	assert.False(t, res.Passed)
	assert.Contains(t, res.Output, "chapters/01-hello/hello_test.go:11:26: cannot use 1")
	assert.Equal(t, ptr(false), res.Matches)

	// An Example may call the rest of its chapter, edited too.
	res = f.runJSON(t, runRequest{Chapter: "hello", Target: "ExampleGreet",
		Files: map[string]string{"hello.go": fixtureFile(t, "hello.go", `const Greeting = "hello"`, `const Greeting = "bonjour"`)}})
	assert.Equal(t, "bonjour, Ada\n", res.Output)

	assert.Equal(t, before, tree(t, filepath.Dir(f.chapters)), "a run changed the files of the course")
}

func TestRunTestAndExercise(t *testing.T) {
	f := startLive(t, "", nil)
	before := tree(t, filepath.Dir(f.chapters))

	res := f.runJSON(t, runRequest{Chapter: "hello", Target: "TestGreet"})
	assert.True(t, res.Passed, res.Output)
	assert.Contains(t, res.Output, "--- PASS: TestGreet")
	assert.NotContains(t, res.Output, "=== RUN")
	assert.Nil(t, res.Want, "a Test function has no verified output")
	assert.Nil(t, res.Matches)

	res = f.runJSON(t, runRequest{Chapter: "hello", Target: "TestGreet",
		Files: map[string]string{"hello_test.go": fixtureFile(t, "hello_test.go", `got != "hello,  Ada"`, `got != "hi"`)}})
	assert.False(t, res.Passed)
	assert.Equal(t, 1, res.Exit)
	assert.Contains(t, res.Output, "--- FAIL: TestGreet")
	assert.Contains(t, res.Output, `Greet = "hello,  Ada"`)

	// Check runs the exercise's tests on the stub as the reader sent it:
	// first the stub itself, then a solution.
	stub := fixtureFile(t, "exercise.go", "", "")
	res = f.runJSON(t, runRequest{Chapter: "hello", Target: "exercise", Files: map[string]string{"exercise.go": stub}})
	assert.False(t, res.Passed)
	assert.Contains(t, res.Output, "--- FAIL: TestShout")
	assert.Contains(t, res.Output, "--- FAIL: TestShoutKeepsPunctuation")
	assert.Contains(t, res.Output, "return the name in capitals")

	solved := strings.Replace(stub, "// TODO\n\treturn \"\"", "return strings.ToUpper(name)", 1)
	solved = strings.Replace(solved, "package hello\n", "package hello\n\nimport \"strings\"\n", 1)
	res = f.runJSON(t, runRequest{Chapter: "hello", Target: "exercise", Files: map[string]string{"exercise.go": solved}})
	assert.True(t, res.Passed, res.Output)
	assert.Contains(t, res.Output, "--- PASS: TestShout ")
	assert.Contains(t, res.Output, "--- PASS: TestShoutKeepsPunctuation")

	assert.Equal(t, before, tree(t, filepath.Dir(f.chapters)), "a run changed the files of the course")
}

// TestRunStreams reads a run as server-sent events: the output as it
// comes, then the result.
func TestRunStreams(t *testing.T) {
	f := startLive(t, "", nil)
	resp := f.postStream(t, context.Background(), runRequest{Chapter: "hello", Target: "ExampleGreet"})
	defer resp.Body.Close()
	assert.Equal(t, "text/event-stream", resp.Header.Get("Content-Type"))
	var output string
	var res *runResult
	for e := range readEvents(resp.Body) {
		switch e.event {
		case "output":
			require.Nil(t, res, "output after the result")
			var text string
			require.NoError(t, json.Unmarshal([]byte(e.data), &text))
			output += text
		case "result":
			res = new(runResult)
			require.NoError(t, json.Unmarshal([]byte(e.data), res))
		}
	}
	require.NotNil(t, res, "no result event")
	assert.Equal(t, "hello, Ada\n", output)
	assert.Equal(t, output, res.Output)
	assert.Equal(t, ptr(true), res.Matches)
}

// postStream posts a run request that asks for server-sent events, and
// returns the response as it starts.
func (f *liveFixture) postStream(t *testing.T, ctx context.Context, run runRequest) *http.Response {
	t.Helper()
	body, err := json.Marshal(run)
	require.NoError(t, err)
	req, err := http.NewRequestWithContext(ctx, "POST", f.url+"/api/run", bytes.NewReader(body))
	require.NoError(t, err)
	req.Header.Set(tokenHeader, testToken)
	req.Header.Set("Accept", "text/event-stream")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	return resp
}

func TestGetFile(t *testing.T) {
	f := startLive(t, "", nil)
	resp, body := f.request(t, "GET", "/api/file?chapter=hello&name=hello.go", nil, nil)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, fixtureFile(t, "hello.go", "", ""), string(body))
	resp, body = f.request(t, "GET", "/api/file?chapter=hello&name=hello.py", nil, nil)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	want, err := os.ReadFile(filepath.Join("testdata", "fixture", "chapters", "01-hello", "python", "hello.py"))
	require.NoError(t, err)
	assert.Equal(t, string(want), string(body), "a bare .py name is a file of python/")
}

// TestDrafts keeps a draft, reads it back, and deletes it; the drafts go to
// .course-drafts at the repository root, nowhere else.
func TestDrafts(t *testing.T) {
	f := startLive(t, "", nil)
	root := filepath.Dir(f.chapters)
	before := tree(t, root)
	resp, _ := f.request(t, "PUT", "/api/draft?chapter=hello&key=exercise.go", strings.NewReader("package hello // mine\n"), nil)
	require.Equal(t, http.StatusNoContent, resp.StatusCode)
	resp, _ = f.request(t, "PUT", "/api/draft?chapter=hello&key=hello.py@5-6", strings.NewReader("async def greet(name): pass\n"), nil)
	require.Equal(t, http.StatusNoContent, resp.StatusCode)

	b, err := os.ReadFile(filepath.Join(root, draftsDir, "hello", "exercise.go"))
	require.NoError(t, err)
	assert.Equal(t, "package hello // mine\n", string(b), "the exercise's draft is a Go file")
	resp, body := f.request(t, "GET", "/api/draft?chapter=hello", nil, nil)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var got struct{ Drafts map[string]draft }
	require.NoError(t, json.Unmarshal(body, &got))
	assert.Equal(t, []string{"exercise.go", "hello.py@5-6"}, slices.Sorted(maps.Keys(got.Drafts)))
	assert.Equal(t, "package hello // mine\n", got.Drafts["exercise.go"].Text)
	assert.NotZero(t, got.Drafts["exercise.go"].Saved)

	resp, _ = f.request(t, "DELETE", "/api/draft?chapter=hello&key=exercise.go", nil, nil)
	require.Equal(t, http.StatusNoContent, resp.StatusCode)
	_, body = f.request(t, "GET", "/api/draft?chapter=hello", nil, nil)
	assert.JSONEq(t, `{"drafts": {"hello.py@5-6": {"text": "async def greet(name): pass\n", "saved": `+strconv.FormatInt(got.Drafts["hello.py@5-6"].Saved, 10)+`}}}`, string(body))

	after := tree(t, root)
	for p := range after {
		if strings.HasPrefix(p, draftsDir+"/") {
			delete(after, p)
		}
	}
	assert.Equal(t, before, after, "drafts were written outside "+draftsDir)
}

// TestRunPythonListing runs a Python listing of the course, as shown and
// edited, through its chapter's TestPython.
func TestRunPythonListing(t *testing.T) {
	c := realCourse(t)
	ch := c.chapters[0]
	listings, err := filepath.Glob(filepath.Join(ch.path, "python", "*.py"))
	require.NoError(t, err)
	require.NotEmpty(t, listings, "%s has no Python listing", ch.rel)
	name := filepath.Base(listings[0])
	before := tree(t, ch.path)
	rn := newRunner(func() *course { return c }, stepTimeout)

	res := runDirect(t, rn, runRequest{Chapter: ch.Slug, Target: "python/" + name})
	assert.Equal(t, 0, res.Exit, res.Output)
	assert.True(t, res.Passed)
	require.NotNil(t, res.Want, "python/%s has an output block", name)
	assert.Equal(t, ptr(true), res.Matches, "python/%s as shown prints its output block:\n%s", name, res.Output)
	assert.NotContains(t, res.Output, "=== RUN")

	orig, err := os.ReadFile(listings[0])
	require.NoError(t, err)
	edited := strings.Replace(string(orig), "\n# Output:", "\nprint('an edit')\nraise SystemExit(3)\n\n# Output:", 1)
	res = runDirect(t, rn, runRequest{Chapter: ch.Slug, Target: "python/" + name, Files: map[string]string{name: edited}})
	assert.Equal(t, 3, res.Exit, "python3's exit status")
	assert.False(t, res.Passed)
	assert.Contains(t, res.Output, "an edit\n")
	assert.Equal(t, ptr(false), res.Matches)
	assert.Equal(t, before, tree(t, ch.path), "a run changed the files of %s", ch.rel)
}

// runDirect runs a request through the runner's handler, without a server.
func runDirect(t testing.TB, rn *runner, req runRequest) runResult {
	t.Helper()
	body, err := json.Marshal(req)
	require.NoError(t, err)
	r, err := http.NewRequest("POST", "/api/run", bytes.NewReader(body))
	require.NoError(t, err)
	w := newRecorder()
	rn.serveRun(w, r)
	require.Equal(t, http.StatusOK, w.status, "%s", w.body.String())
	var res runResult
	require.NoError(t, json.Unmarshal(w.body.Bytes(), &res))
	return res
}

// A recorder is a minimal http.ResponseWriter.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func newRecorder() *recorder { return &recorder{header: make(http.Header), status: http.StatusOK} }

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) Write(b []byte) (int, error) { return r.body.Write(b) }
func (r *recorder) WriteHeader(status int)      { r.status = status }

// tree returns every file under dir, by slash path.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files, err := readTree(dir)
	require.NoError(t, err)
	return files
}

func TestOutputMatches(t *testing.T) {
	assert.True(t, outputMatches("a\nb\n", "a\nb", false))
	assert.True(t, outputMatches("  a\nb  \n\n", "a\nb\n", false), "spaces at both ends do not count")
	assert.False(t, outputMatches("b\na\n", "a\nb\n", false))
	assert.True(t, outputMatches("b\na\n", "a\nb\n", true))
	assert.False(t, outputMatches("a\na\n", "a\nb\n", true))
}

func TestRunOutputCap(t *testing.T) {
	o := &runOutput{max: 10}
	var sent string
	o.emit = func(s string) { sent += s }
	assert.False(t, o.add("12345", true))
	assert.True(t, o.add("6789é1234", true), "the output is full")
	assert.True(t, o.add("more", true))
	assert.Equal(t, "123456789\n[output cut at 10 bytes: the run was stopped]\n", o.shown.String(), "cut before the é, not inside it")
	assert.Equal(t, o.shown.String(), sent)
	assert.Equal(t, "123456789", o.printed.String())
}

// TestRunRemovesItsScratch checks that a run makes its scratch directory
// in the temporary directory and leaves nothing there.
func TestRunRemovesItsScratch(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	during := make(chan []string, 1)
	f := startLive(t, "", func(rn *runner) {
		record := rn.started
		rn.started = func(pgid int) {
			record(pgid)
			dirs, _ := filepath.Glob(filepath.Join(tmp, "course-run-*"))
			during <- dirs
		}
	})
	res := f.runJSON(t, runRequest{Chapter: "hello", Target: "ExampleGreet",
		Files: map[string]string{"hello_test.go": fixtureFile(t, "hello_test.go", `hello.Greet("Ada")`, `hello.Greet("Bob")`)}})
	require.Equal(t, "hello, Bob\n", res.Output)
	assert.Len(t, <-during, 1, "the run's scratch directory, while it ran")
	left, err := filepath.Glob(filepath.Join(tmp, "course-run-*"))
	require.NoError(t, err)
	assert.Empty(t, left, "the run's scratch directory is still there")
}
