package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asyncgo/course/tools/internal/coursecopy"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// module writes a go.mod and a chapters directory with the chapters dirs
// under a temporary directory, and returns the chapters directory.
func module(t *testing.T, dirs ...string) string {
	t.Helper()
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("module example.org/their/course // a fork\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, d := range append([]string{"."}, dirs...) {
		if err := os.MkdirAll(filepath.Join(root, "chapters", d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(root, "chapters")
}

func TestRefuses(t *testing.T) {
	chapters := module(t, "03-event-loop", "07-cancellation")
	tests := []struct {
		name, num, slug, title, want string
	}{
		{"number taken", "7", "new-topic", "T", "NUM=7: number 07 is taken by "},
		{"slug taken", "12", "event-loop", "T", `SLUG=event-loop: slug "event-loop" is taken by `},
		{"no number", "", "x", "T", `NUM="": want a chapter number from 0 to 99`},
		{"number too big", "100", "x", "T", `NUM="100": want a chapter number from 0 to 99`},
		{"number not a number", "1a", "x", "T", `NUM="1a"`},
		{"slug with a capital", "12", "My-topic", "T", `SLUG="My-topic": want a kebab-case slug`},
		{"slug with a digit first", "12", "3d", "T", `SLUG="3d"`},
		{"slug with a double dash", "12", "a--b", "T", `SLUG="a--b"`},
		{"slug that is a keyword", "12", "select", "T", `the package name "select" would be a Go keyword or main`},
		{"slug main", "12", "main", "T", `would be a Go keyword or main`},
		{"no title", "12", "x", " ", "TITLE: want the chapter's title"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run([]string{"-chapters", chapters, "-num", tt.num, "-slug", tt.slug, "-title", tt.title}, &stdout, &stderr)
			if code != 1 || !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("exit %d, stderr %q; want 1 and %q", code, stderr.String(), tt.want)
			}
		})
	}
	entries, err := os.ReadDir(chapters)
	if err != nil || len(entries) != 2 {
		t.Errorf("the chapters directory changed: %v %v", entries, err)
	}
}

func TestScaffold(t *testing.T) {
	chapters := module(t, "03-event-loop", "07-cancellation", "11-later")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-chapters", chapters, "-num", "8", "-slug", "my-topic", "-title", `Colons: and "quotes"`}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	dir := filepath.Join(chapters, "08-my-topic")
	for _, f := range []string{"README.md", "doc.go", "sleep.go", "sleep_test.go", "exercise.go", "solution.go", "exercise_test.go", "python/sleep.py"} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(f))); err != nil {
			t.Errorf("no %s: %v", f, err)
		}
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	readme := read("README.md")
	for _, want := range []string{"title: \"Colons: and \\\"quotes\\\"\"\n", "prerequisites:\n  - cancellation\n",
		"\n# Colons: and \"quotes\"\n", "go test -tags learn -run '^TestSleepEach' ./chapters/08-my-topic/", "<summary>Show the reference solution</summary>", "<!-- code: solution.go -->"} {
		if !strings.Contains(readme, want) {
			t.Errorf("README.md lacks %q", want)
		}
	}
	if got := read("doc.go"); !strings.Contains(got, "\npackage mytopic\n") {
		t.Errorf("doc.go does not declare package mytopic:\n%s", got)
	}
	if got := read("sleep_test.go"); !strings.Contains(got, `"example.org/their/course/chapters/internal/pycheck"`) {
		t.Errorf("sleep_test.go does not import pycheck from the module in go.mod:\n%s", got)
	}
	if !strings.HasPrefix(read("exercise.go"), "//go:build learn\n") || !strings.HasPrefix(read("solution.go"), "//go:build !learn\n") {
		t.Errorf("exercise.go and solution.go lack their build tags")
	}
	entries, _ := os.ReadDir(chapters)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left behind %s", e.Name())
		}
	}
}

// TestMakeNewChapter runs make new-chapter on a copy of the repository and
// checks that the chapter builds, passes its tests, has an exercise whose
// tests fail against the stub, fills the teaching guide and cheat sheet, and
// is on a site that -check finds current.
func TestMakeNewChapter(t *testing.T) {
	course := coursecopy.Course(t, filepath.Join("..", ".."), "00-introduction", "01-coroutines", "02-await")
	coursecopy.Run(t, course, "make", "new-chapter", "NUM=12", "SLUG=my-topic", `TITLE=My topic: "a test"`)
	coursecopy.Run(t, course, "go", "test", "-count=1", "./chapters/12-my-topic/")
	out := coursecopy.Run(t, course, "make", "exercises")
	if !strings.Contains(out, "all 4 build and fail their tests") {
		t.Errorf("make exercises:\n%s", out)
	}
	out = coursecopy.Fail(t, course, "go", "test", "-count=1", "-tags", "learn", "./chapters/12-my-topic/")
	if !strings.Contains(out, "--- FAIL: TestSleepEach") {
		t.Errorf("go test -tags learn fails, but not in TestSleepEach:\n%s", out)
	}
	coursecopy.Run(t, course, "go", "run", "./tools/site", "-check")
	// The scaffold fills every key the course's own chapters must have.
	coursecopy.Run(t, course, "go", "test", "-count=1", "-run", "^TestTeachingGuideComplete$", "./tools/site")
	for _, page := range []string{"index.html", "teaching.html", "cheatsheet.html", "await/index.html", "my-topic/index.html"} {
		b, err := os.ReadFile(filepath.Join(course, "docs", filepath.FromSlash(page)))
		if err != nil || !strings.Contains(string(b), "My topic: &#34;a test&#34;") {
			t.Errorf("docs/%s does not show the new chapter: %v", page, err)
		}
	}
	for _, args := range [][]string{
		{"NUM=12", "SLUG=other", "TITLE=Other"},
		{"NUM=13", "SLUG=my-topic", "TITLE=Other"},
		{"NUM=13", "SLUG=other"},
	} {
		out := coursecopy.Fail(t, course, "make", append([]string{"new-chapter"}, args...)...)
		if !strings.Contains(out, "newchapter: ") {
			t.Errorf("make new-chapter %s: %s", strings.Join(args, " "), out)
		}
	}
}
