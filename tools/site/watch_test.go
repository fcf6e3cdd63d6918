package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// watch starts watching the chapters of the live site until the test
// ends.
func (f *liveFixture) watch(t testing.TB) *watcher {
	t.Helper()
	w, err := newWatcher(f.site, "")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	watching := make(chan error, 1)
	go func() { watching <- w.run(ctx) }()
	t.Cleanup(func() {
		cancel()
		assert.NoError(t, <-watching)
	})
	return w
}

// nextEvent returns the next event of the live site, failing the test
// when none comes in time.
func nextEvent(t *testing.T, events <-chan liveEvent) liveEvent {
	t.Helper()
	select {
	case e := <-events:
		return e
	case <-time.After(stepTimeout):
		t.Fatal("no event from the live site")
		return liveEvent{}
	}
}

// TestLiveRebuilds edits the chapters of a live site on disk: the site
// rebuilds and tells the open pages to reload; a broken build sends its
// problems and keeps serving the last good site.
func TestLiveRebuilds(t *testing.T) {
	f := startLive(t, "", nil)
	w := f.watch(t)
	events, unsubscribe := f.site.events.subscribe()
	defer unsubscribe()
	readme := filepath.Join(f.chapters, "01-hello", "README.md")
	orig := readFile(t, readme)
	page := func() string {
		_, b := f.request(t, "GET", "/hello/", nil, nil)
		return string(b)
	}

	writeFile(t, readme, strings.Replace(orig, "Some *prose*", "Some *new prose*", 1))
	e := nextEvent(t, events)
	assert.Equal(t, "reload", e.name)
	assert.Contains(t, e.data, "hello/index.html")
	assert.Contains(t, page(), "Some <em>new prose</em>")
	waitFor(t, "-out written after a good build", func() bool {
		b, _ := os.ReadFile(filepath.Join(f.out, "hello", "index.html"))
		return strings.Contains(string(b), "Some <em>new prose</em>")
	})
	assert.NotEmpty(t, f.site.verified, "a README's change keeps the outputs verified")

	broken := strings.Replace(orig, "<!-- code: Greeter -->", "<!-- code: Nope -->", 1)
	writeFile(t, readme, broken)
	e = nextEvent(t, events)
	require.Equal(t, "problems", e.name)
	assert.Contains(t, e.data, `chapters/01-hello/README.md:40: unknown identifier "Nope" in package hello`)
	assert.Contains(t, page(), "Some <em>new prose</em>", "a failed build keeps the last good site")
	b, err := json.Marshal(e.data)
	require.NoError(t, err)
	assert.Contains(t, string(b), "README.md:40")

	writeFile(t, readme, orig)
	e = nextEvent(t, events)
	assert.Equal(t, "reload", e.name, "the next good build clears the problems")
	assert.Contains(t, page(), "Some <em>prose</em>")

	// A change of code the README shows: the site refreshes the README,
	// and verifies the outputs again.
	code := filepath.Join(f.chapters, "01-hello", "hello.go")
	writeFile(t, code, strings.Replace(readFile(t, code), "// Greet returns a greeting for name.", "// Greet returns a warm greeting for name.", 1))
	e = nextEvent(t, events)
	assert.Equal(t, "reload", e.name)
	waitFor(t, "the README's filled-in text refreshed", func() bool {
		b, _ := os.ReadFile(readme)
		return strings.Contains(string(b), "// Greet returns a warm greeting for name.")
	})
	assert.Contains(t, page(), "Greet returns a warm greeting")

	// A new directory in a chapter is watched too.
	dir := filepath.Join(f.chapters, "01-hello", "more")
	require.NoError(t, os.Mkdir(dir, 0o755))
	waitFor(t, "the watcher to watch "+dir, func() bool { return slices.Contains(w.fs.WatchList(), dir) })
}

func TestWatcherSources(t *testing.T) {
	w := &watcher{chapters: "/r/chapters", theme: "/r/tools/site", root: "/r"}
	tests := []struct {
		path     string
		ok, code bool
	}{
		{"/r/chapters/01-a/README.md", true, false},
		{"/r/chapters/01-a/a.go", true, true},
		{"/r/chapters/01-a/python/a.py", true, true},
		{"/r/chapters/01-a/picture.svg", true, true},
		{"/r/chapters/internal/pycheck/pycheck.go", true, true},
		{"/r/chapters/01-a/.a.go.swp", false, false},
		{"/r/chapters/01-a/a.go~", false, false},
		{"/r/chapters/01-a/4913", false, false},
		{"/r/chapters/01-a/python/__pycache__/a.pyc", false, false},
		{"/r/go.mod", true, true},
		{"/r/go.sum", true, true},
		{"/r/README.md", false, false},
		{"/r/tools/site/course.json", true, false},
		{"/r/tools/site/main.go", false, false},
		{"/r/tools/site/templates/layout.html", true, false},
		{"/r/tools/site/assets/runner.js", true, false},
		{"/r/docs/index.html", false, false},
	}
	for _, tt := range tests {
		ok, code := w.source(filepath.FromSlash(tt.path))
		assert.Equal(t, tt.ok, ok, "%s is a source", tt.path)
		assert.Equal(t, tt.code, code, "%s is code", tt.path)
	}
}
