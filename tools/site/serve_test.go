package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testToken is the run token of the live servers of the tests.
const testToken = "test-token"

// A liveFixture is a live server on a copy of the fixture.
type liveFixture struct {
	url      string // http://127.0.0.1:PORT
	host     string // 127.0.0.1:PORT
	site     *liveSite
	rn       *runner
	chapters string // the copy's chapters directory
	out      string // its -out

	mu      sync.Mutex
	started []int // the process groups of the runs, in the order they started
}

// startLive builds a copy of the fixture (or of the chapters directory
// given) and serves it live until the test ends, with the real theme. The
// runner records the runs it starts; configure may change it first.
func startLive(t testing.TB, chapters string, configure func(*runner)) *liveFixture {
	t.Helper()
	if chapters == "" {
		chapters = copyFixture(t)
	}
	f := &liveFixture{chapters: chapters, out: filepath.Join(t.TempDir(), "docs")}
	f.site = newLiveSite(options{chapters: chapters, out: f.out, theme: theme, cacheDir: filepath.Join(t.TempDir(), "cache")}, testToken, io.Discard)
	f.site.rebuild(true)
	require.Nil(t, f.site.problems, "the fixture does not build")
	f.rn = newRunner(f.site.currentCourse, time.Minute)
	f.rn.started = func(pgid int) {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.started = append(f.started, pgid)
	}
	if configure != nil {
		configure(f.rn)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	f.host = ln.Addr().String()
	f.url = "http://" + f.host
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, ln, f.site, f.rn, io.Discard) }()
	t.Cleanup(func() {
		cancel()
		assert.NoError(t, <-done)
		http.DefaultClient.CloseIdleConnections()
	})
	return f
}

// runs returns how many runs have started.
func (f *liveFixture) runs() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.started)
}

// request sends a request to the server, with the run token unless header
// sets X-Course-Token itself, and returns the response with its body read.
func (f *liveFixture) request(t *testing.T, method, path string, body io.Reader, header map[string]string) (*http.Response, []byte) {
	t.Helper()
	return f.requestContext(t, context.Background(), method, path, body, header)
}

func (f *liveFixture) requestContext(t *testing.T, ctx context.Context, method, path string, body io.Reader, header map[string]string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, method, f.url+path, body)
	require.NoError(t, err)
	req.Header.Set(tokenHeader, testToken)
	for k, v := range header {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		return nil, nil
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

// runJSON posts a run request and returns the result.
func (f *liveFixture) runJSON(t *testing.T, req runRequest) runResult {
	t.Helper()
	body, err := json.Marshal(req)
	require.NoError(t, err)
	resp, b := f.request(t, "POST", "/api/run", bytes.NewReader(body), nil)
	require.NotNil(t, resp, "POST /api/run failed")
	require.Equal(t, http.StatusOK, resp.StatusCode, "POST /api/run: %s", b)
	var res runResult
	require.NoError(t, json.Unmarshal(b, &res), "%s", b)
	return res
}

// fixtureFile returns the content of a file of the fixture's first
// chapter, edited by replacing old with new.
func fixtureFile(t *testing.T, name, old, new string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "fixture", "chapters", "01-hello", name))
	require.NoError(t, err)
	require.Contains(t, string(b), old)
	return strings.Replace(string(b), old, new, 1)
}

func TestLiveSiteFiles(t *testing.T) {
	f := startLive(t, "", nil)
	tests := []struct {
		path string
		code int
		body string
	}{
		{"/", 200, "<title>"},
		{"/hello/", 200, "Hello, fixture"},
		{"/hello", 301, ""},
		{"/hello/index.html", 301, ""},
		{"/index.html", 301, ""},
		{"/assets/runner.js", 200, "course-run-token"},
		{"/nope", 404, "<title>"},
		{"/etc/passwd", 404, ""},
		{"/../etc/passwd", 307, ""}, // to the clean path
	}
	for _, tt := range tests {
		resp, body := f.request(t, "GET", tt.path, nil, nil)
		require.NotNil(t, resp)
		assert.Equal(t, tt.code, resp.StatusCode, "GET %s", tt.path)
		assert.Contains(t, string(body), tt.body, "GET %s", tt.path)
	}

	// Served pages carry the token and may call the server; the site
	// written to -out does not.
	_, page := f.request(t, "GET", "/hello/", nil, nil)
	assert.Contains(t, string(page), `<meta name="course-run-token" content="`+testToken+`">`)
	assert.Contains(t, string(page), `form-action 'none'; connect-src 'self'">`)
	onDisk, err := os.ReadFile(filepath.Join(f.out, "hello", "index.html"))
	require.NoError(t, err)
	assert.NotContains(t, string(onDisk), "course-run-token")
	assert.NotContains(t, string(onDisk), "connect-src")
	assert.Equal(t, string(onDisk), strings.Replace(strings.Replace(string(page),
		"\n"+`<meta name="course-run-token" content="`+testToken+`">`, "", 1), "; connect-src 'self'", "", 1),
		"a served page is the page of -out with the token and connect-src")

	resp, _ := f.request(t, "POST", "/hello/", nil, nil)
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode, "the site is read only")

	// Browsers revalidate with the page's entity tag, a hash of its
	// content: two builds in one second still differ.
	resp, _ = f.request(t, "GET", "/hello/", nil, nil)
	etag := resp.Header.Get("ETag")
	require.NotEmpty(t, etag)
	assert.Equal(t, "no-cache", resp.Header.Get("Cache-Control"))
	resp, _ = f.request(t, "GET", "/hello/", nil, map[string]string{"If-None-Match": etag})
	assert.Equal(t, http.StatusNotModified, resp.StatusCode)
	readme := filepath.Join(f.chapters, "01-hello", "README.md")
	writeFile(t, readme, strings.Replace(readFile(t, readme), "Some *prose*", "Some *other prose*", 1))
	f.site.rebuild(false)
	resp, body := f.request(t, "GET", "/hello/", nil, map[string]string{"If-None-Match": etag})
	assert.Equal(t, http.StatusOK, resp.StatusCode, "a page the build changed")
	assert.Contains(t, string(body), "Some <em>other prose</em>")
	assert.NotEqual(t, etag, resp.Header.Get("ETag"))
}

func TestAddRunToken(t *testing.T) {
	assert.Equal(t, "<html><head>\n<meta name=\"course-run-token\" content=\"T\"><title>x</title></head></html>",
		string(addRunToken([]byte("<html><head><title>x</title></head></html>"), "T")), "a page without a policy")
	assert.Equal(t, "<p>no head</p>", string(addRunToken([]byte("<p>no head</p>"), "T")))
}

// TestGuard sends the API requests the server must refuse, and checks that
// each gets its status and a JSON error saying why, and that nothing ran.
func TestGuard(t *testing.T) {
	f := startLive(t, "", nil)
	run := func(body string) io.Reader { return strings.NewReader(body) }
	good := `{"chapter": "hello", "target": "ExampleGreet"}`
	big := `{"chapter": "hello", "target": "ExampleGreet", "files": {"hello_test.go": "` + strings.Repeat("x", 1<<20) + `"}}`
	tests := []struct {
		name   string
		method string
		path   string
		body   io.Reader
		header map[string]string
		status int
		error  string
	}{
		{"no token", "POST", "/api/run", run(good), map[string]string{tokenHeader: ""}, 403, "no run token"},
		{"wrong token", "POST", "/api/run", run(good), map[string]string{tokenHeader: "guess"}, 403, "wrong run token"},
		{"token in the query, not for events", "POST", "/api/run?token=" + testToken, run(good), map[string]string{tokenHeader: ""}, 403, "no run token"},
		{"another host (DNS rebinding)", "POST", "/api/run", run(good), map[string]string{"Host": "attacker.example:80"}, 403, "is not the address this server serves"},
		{"another origin", "POST", "/api/run", run(good), map[string]string{"Origin": "http://attacker.example"}, 403, "is not this server's own"},
		{"a file:// page's origin", "POST", "/api/run", run(good), map[string]string{"Origin": "null"}, 403, "is not this server's own"},
		{"GET", "GET", "/api/run", nil, nil, 405, "use POST"},
		{"PUT", "PUT", "/api/run", run(good), nil, 405, "use POST"},
		{"body over 1 MiB", "POST", "/api/run", run(big), nil, 413, "over 1 MiB"},
		{"not JSON", "POST", "/api/run", run("{"), nil, 400, "not JSON"},
		{"unknown chapter", "POST", "/api/run", run(`{"chapter": "nope", "target": "ExampleGreet"}`), nil, 404, `no chapter "nope"`},
		{"unknown target", "POST", "/api/run", run(`{"chapter": "hello", "target": "ExampleNope"}`), nil, 404, `no Example or Test function "ExampleNope"`},
		{"a function that is no test", "POST", "/api/run", run(`{"chapter": "hello", "target": "Greet"}`), nil, 404, `no Example or Test function "Greet"`},
		{"unknown Python listing", "POST", "/api/run", run(`{"chapter": "hello", "target": "python/nope.py"}`), nil, 404, `no Python listing "python/nope.py"`},
		{"Python listing outside python/", "POST", "/api/run", run(`{"chapter": "hello", "target": "python/../hello.go"}`), nil, 404, "no Python listing"},
		{"no exercise", "POST", "/api/run", run(`{"chapter": "second-step", "target": "exercise"}`), nil, 404, "has no exercise"},
		{"file name with a slash", "POST", "/api/run", run(`{"chapter": "hello", "target": "ExampleGreet", "files": {"python/hello.py": ""}}`), nil, 400, "not a bare file name"},
		{"file name with a backslash", "POST", "/api/run", run(`{"chapter": "hello", "target": "ExampleGreet", "files": {"..\\hello.go": ""}}`), nil, 400, "not a bare file name"},
		{"file name with ..", "POST", "/api/run", run(`{"chapter": "hello", "target": "ExampleGreet", "files": {"..": ""}}`), nil, 400, "not a bare file name"},
		{"file of no chapter", "POST", "/api/run", run(`{"chapter": "hello", "target": "ExampleGreet", "files": {"new.go": ""}}`), nil, 400, `"new.go" is not a file of chapter "hello"`},
		{"file of another chapter", "POST", "/api/run", run(`{"chapter": "hello", "target": "ExampleGreet", "files": {"step.go": ""}}`), nil, 400, `"step.go" is not a file of chapter "hello"`},
		{"a README", "POST", "/api/run", run(`{"chapter": "hello", "target": "ExampleGreet", "files": {"README.md": ""}}`), nil, 400, "not a .go or .py file"},
		{"a Python file for a Go run", "POST", "/api/run", run(`{"chapter": "hello", "target": "ExampleGreet", "files": {"hello.py": ""}}`), nil, 400, `"hello.py" is not a .go file`},
		{"a Go file for a Python run", "POST", "/api/run", run(`{"chapter": "hello", "target": "python/hello.py", "files": {"hello.go": ""}}`), nil, 400, `"hello.go" is not a .py file`},
		{"another file for the exercise", "POST", "/api/run", run(`{"chapter": "hello", "target": "exercise", "files": {"hello.go": ""}}`), nil, 400, "takes only exercise.go"},
		{"file: no token", "GET", "/api/file?chapter=hello&name=hello.go", nil, map[string]string{tokenHeader: ""}, 403, "no run token"},
		{"file: POST", "POST", "/api/file?chapter=hello&name=hello.go", nil, nil, 405, "use GET"},
		{"file: unknown chapter", "GET", "/api/file?chapter=nope&name=hello.go", nil, nil, 404, `no chapter "nope"`},
		{"file: a path", "GET", "/api/file?chapter=hello&name=../../go.mod", nil, nil, 400, "not a bare file name"},
		{"file: not a file of the chapter", "GET", "/api/file?chapter=hello&name=step.go", nil, nil, 400, "not a file of chapter"},
		{"draft: no token", "GET", "/api/draft?chapter=hello", nil, map[string]string{tokenHeader: ""}, 403, "no run token"},
		{"draft: POST", "POST", "/api/draft?chapter=hello&key=hello.go", nil, nil, 405, "use GET, PUT or DELETE"},
		{"draft: a path", "PUT", "/api/draft?chapter=hello&key=../../x.go", run("x"), nil, 400, "is not FILE or FILE@FIRST-LAST"},
		{"draft: not a file of the chapter", "PUT", "/api/draft?chapter=hello&key=new.go", run("x"), nil, 400, "not a file of chapter"},
		{"draft: over 1 MiB", "PUT", "/api/draft?chapter=hello&key=hello.go", run(strings.Repeat("x", 1<<20+1)), nil, 413, "over 1 MiB"},
		{"events: no token", "GET", "/api/events", nil, map[string]string{tokenHeader: ""}, 403, "no run token"},
		{"events: POST", "POST", "/api/events", nil, nil, 405, "use GET"},
		{"no such endpoint", "GET", "/api/nope", nil, nil, 404, "no such endpoint"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := f.request(t, tt.method, tt.path, tt.body, tt.header)
			require.NotNil(t, resp)
			assert.Equal(t, tt.status, resp.StatusCode)
			assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))
			var e struct{ Error string }
			require.NoError(t, json.Unmarshal(body, &e), "the body is not JSON: %s", body)
			assert.Contains(t, e.Error, tt.error)
		})
	}
	assert.Zero(t, f.runs(), "a refused request ran something")
	_, err := os.Stat(filepath.Join(filepath.Dir(f.chapters), draftsDir))
	assert.ErrorIs(t, err, os.ErrNotExist, "a refused draft was written")

	// The Host check covers the pages too; localhost:PORT is the server
	// too.
	resp, _ := f.request(t, "GET", "/", nil, map[string]string{"Host": "attacker.example"})
	assert.Equal(t, http.StatusForbidden, resp.StatusCode, "a page for another host")
	_, port, _ := net.SplitHostPort(f.host)
	resp, _ = f.request(t, "GET", "/", nil, map[string]string{"Host": "localhost:" + port})
	assert.Equal(t, http.StatusOK, resp.StatusCode, "a page for localhost:PORT")
	resp, _ = f.request(t, "GET", "/api/file?chapter=hello&name=hello.go", nil, map[string]string{"Origin": f.url})
	assert.Equal(t, http.StatusOK, resp.StatusCode, "a request from the server's own origin")
}

// TestEvents checks the event stream an open page listens to: the token
// may come in the query (EventSource sets no header).
func TestEvents(t *testing.T) {
	f := startLive(t, "", nil)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "GET", f.url+"/api/events?token="+testToken, nil)
	require.NoError(t, err)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "text/event-stream", resp.Header.Get("Content-Type"))
	events := readEvents(resp.Body)
	e := <-events
	assert.Equal(t, sse{comment: "connected"}, e)

	// A failed build sends its problems; the next good one, reload.
	f.site.events.send(liveEvent{"problems", []string{"chapters/01-hello/README.md:3: bad"}})
	assert.Equal(t, sse{event: "problems", data: `["chapters/01-hello/README.md:3: bad"]`}, <-events)
	f.site.events.send(liveEvent{"reload", []string{"hello/index.html"}})
	assert.Equal(t, sse{event: "reload", data: `["hello/index.html"]`}, <-events)
}

// An sse is one server-sent event, or a comment.
type sse struct{ event, data, comment string }

// readEvents reads the server-sent events of r into a channel, closed at
// the end of r.
func readEvents(r io.Reader) <-chan sse {
	c := make(chan sse, 100)
	go func() {
		defer close(c)
		sc := bufio.NewScanner(r)
		sc.Buffer(nil, 4<<20)
		var e sse
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if e != (sse{}) {
					c <- e
				}
				e = sse{}
			case strings.HasPrefix(line, ": "):
				e.comment = strings.TrimPrefix(line, ": ")
			case strings.HasPrefix(line, "event: "):
				e.event = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				e.data = strings.TrimPrefix(line, "data: ")
			}
		}
	}()
	return c
}

// TestServeCommand runs serve as make serve does, on a copy of the
// fixture, and on a non-loopback address.
func TestServeCommand(t *testing.T) {
	chapters := copyFixture(t)
	out := filepath.Join(t.TempDir(), "docs")
	ctx, cancel := context.WithCancel(context.Background())
	stdout, stderr := newSyncBuffer(), newSyncBuffer()
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "-addr", "127.0.0.1:0", "-chapters", chapters, "-out", out}, stdout, stderr, fixtureTheme())
	}()
	addr := strings.TrimPrefix(stdout.waitFor(t, "Serving http://"), "Serving ")
	resp, err := http.Get(addr + "/")
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	http.DefaultClient.CloseIdleConnections()
	assert.Contains(t, string(body), `<meta name="course-run-token" content="`, "the fixture theme's index, as served")
	_, err = os.Stat(filepath.Join(out, "index.html"))
	assert.NoError(t, err, "serve writes -out, as make site does")
	cancel()
	assert.Equal(t, 0, <-done, "stderr: %s", stderr)
	assert.Empty(t, stderr.String())

	// Another address needs -allow-remote, and gets a warning.
	code := run(context.Background(), []string{"serve", "-addr", "0.0.0.0:0", "-chapters", chapters, "-out", out}, io.Discard, stderr, fixtureTheme())
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr.String(), "-addr 0.0.0.0:0 is not a loopback address")
	ctx, cancel = context.WithCancel(context.Background())
	stdout, stderr = newSyncBuffer(), newSyncBuffer()
	go func() {
		done <- run(ctx, []string{"serve", "-addr", "0.0.0.0:0", "-allow-remote", "-chapters", chapters, "-out", out}, stdout, stderr, fixtureTheme())
	}()
	stdout.waitFor(t, "Serving http://")
	assert.Contains(t, stderr.String(), "WARNING: serving on 0.0.0.0:")
	assert.Contains(t, stderr.String(), "anyone who can reach it can run code on this machine as")
	cancel()
	assert.Equal(t, 0, <-done)
}

// A syncBuffer is a bytes.Buffer safe for concurrent use, which a test can
// wait on.
type syncBuffer struct {
	mu      sync.Mutex
	b       bytes.Buffer
	written chan struct{} // receives after each write, when there is room
}

func newSyncBuffer() *syncBuffer { return &syncBuffer{written: make(chan struct{}, 1)} }

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case s.written <- struct{}{}:
	default:
	}
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitFor waits until a line starting with prefix has been written, and
// returns it without a final "/".
func (s *syncBuffer) waitFor(t *testing.T, prefix string) string {
	t.Helper()
	timeout := time.After(stepTimeout)
	for {
		for line := range strings.SplitSeq(s.String(), "\n") {
			if strings.HasPrefix(line, prefix) {
				return strings.TrimSuffix(line, "/")
			}
		}
		select {
		case <-s.written:
		case <-timeout:
			t.Fatalf("no line %q in %q", prefix, s.String())
		}
	}
}

// waitFor polls cond until it holds: for a state that another process or
// goroutine reaches without saying so.
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(stepTimeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestLiveSiteBeforeFirstGoodBuild serves a fixture whose first build
// fails: every page lists the problems, with the token and the script that
// reloads it when the site builds; the runner waits for a site.
func TestLiveSiteBeforeFirstGoodBuild(t *testing.T) {
	chapters := copyFixture(t)
	readme := filepath.Join(chapters, "01-hello", "README.md")
	writeFile(t, readme, strings.Replace(readFile(t, readme), "<!-- code: Greeter -->", "<!-- code: Nope -->", 1))
	s := newLiveSite(options{chapters: chapters, out: filepath.Join(t.TempDir(), "docs"), theme: theme}, testToken, io.Discard)
	s.rebuild(true)
	require.NotEmpty(t, s.problems)
	rn := newRunner(s.currentCourse, time.Minute)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	f := &liveFixture{url: "http://" + ln.Addr().String(), host: ln.Addr().String(), site: s, rn: rn, chapters: chapters}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, ln, s, rn, io.Discard) }()
	defer func() {
		cancel()
		assert.NoError(t, <-done)
	}()

	resp, body := f.request(t, "GET", "/hello/", nil, nil)
	assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode)
	assert.Contains(t, string(body), `chapters/01-hello/README.md:40: unknown identifier &#34;Nope&#34; in package hello`)
	assert.Contains(t, string(body), `<meta name="course-run-token" content="`+testToken+`">`)
	assert.Contains(t, string(body), `<main class="content no-site">`)
	resp, body = f.request(t, "GET", "/assets/runner.js", nil, nil)
	assert.Equal(t, http.StatusOK, resp.StatusCode, "the theme's assets, for the page")
	assert.Contains(t, string(body), "course-run-token")
	resp, body = f.request(t, "POST", "/api/run", strings.NewReader(`{"chapter": "hello", "target": "ExampleGreet"}`), nil)
	assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode)
	assert.Contains(t, string(body), "the site has not built yet")

	writeFile(t, readme, strings.Replace(readFile(t, readme), "<!-- code: Nope -->", "<!-- code: Greeter -->", 1))
	s.rebuild(false)
	resp, _ = f.request(t, "GET", "/hello/", nil, nil)
	assert.Equal(t, http.StatusOK, resp.StatusCode, "the first good build")
}

// TestDiskTheme: inside the course's repository serve reads the theme from
// tools/site, so that edits of the templates and the style show live; a
// fork of the fixture has none there.
func TestDiskTheme(t *testing.T) {
	if _, err := os.Stat(filepath.Join("..", "..", "chapters")); err != nil {
		t.Skipf("no course chapters: %v", err)
	}
	wd, err := os.Getwd()
	require.NoError(t, err)
	assert.Equal(t, wd, diskTheme(filepath.Join("..", "..", "chapters")))
	assert.Equal(t, "", diskTheme(copyFixture(t)))
}
