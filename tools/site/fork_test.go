package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/asyncgo/course/tools/internal/coursecopy"
)

// TestRenumberAndRemove moves and deletes chapter directories in a copy of
// the course, as a teacher reshaping a fork does, and builds its site with
// the real theme. Moving a directory is all it takes to reorder the site;
// deleting one that another chapter links to fails the build at the link.
func TestRenumberAndRemove(t *testing.T) {
	course := coursecopy.Course(t, filepath.Join("..", ".."), "00-introduction", "01-coroutines", "02-await")
	chapters, docs := filepath.Join(course, "chapters"), filepath.Join(course, "docs")
	site := func() (int, string) {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), []string{"-chapters", chapters, "-out", docs}, &stdout, &stderr, theme)
		return code, stderr.String()
	}

	// Move coroutines after await: 01-coroutines becomes 11-coroutines.
	if err := os.Rename(filepath.Join(chapters, "01-coroutines"), filepath.Join(chapters, "11-coroutines")); err != nil {
		t.Fatal(err)
	}
	if code, stderr := site(); code != 0 {
		t.Fatalf("building after moving a chapter: exit %d\n%s", code, stderr)
	}
	index := readFile(t, filepath.Join(docs, "index.html"))
	if a, c := strings.Index(index, `href="await/index.html"`), strings.Index(index, `href="coroutines/index.html"`); a < 0 || c < a {
		t.Errorf("the index does not list await before coroutines")
	}
	coroutines := readFile(t, filepath.Join(docs, "coroutines", "index.html"))
	if !strings.Contains(coroutines, `<link rel="prev" href="../await/index.html">`) || strings.Contains(coroutines, `<link rel="next"`) {
		t.Errorf("the moved chapter's prev/next links do not follow the new order")
	}
	if !strings.Contains(coroutines, `<p class="eyebrow">Chapter 11</p>`) {
		t.Errorf("the moved chapter's page does not show its new number")
	}
	intro := readFile(t, filepath.Join(chapters, "00-introduction", "README.md"))
	if !strings.Contains(intro, "(../11-coroutines/README.md)") || strings.Contains(intro, "../01-coroutines/") {
		t.Errorf("the build did not rewrite the introduction's link to the moved chapter")
	}

	// Delete it: the introduction links to it, and await names it as a
	// prerequisite.
	if err := os.RemoveAll(filepath.Join(chapters, "11-coroutines")); err != nil {
		t.Fatal(err)
	}
	code, stderr := site()
	if code != 1 {
		t.Errorf("building after removing a linked chapter: exit %d, want 1", code)
	}
	for _, want := range []string{
		`(?m)^chapters/00-introduction/README\.md:\d+: link to missing chapter "coroutines"`,
		`(?m)^chapters/02-await/README\.md:\d+: prerequisite "coroutines" names no chapter`,
	} {
		if !regexp.MustCompile(want).MatchString(stderr) {
			t.Errorf("stderr does not match %s:\n%s", want, stderr)
		}
	}
}

// TestRemoveImportedChapter deletes chapter 03 from a copy of the course:
// chapter 06 builds on 03's event loop, so -check must name the line of
// 06's Go code that imports it (go vet would only say that no module
// provides the package).
func TestRemoveImportedChapter(t *testing.T) {
	course := coursecopy.Course(t, filepath.Join("..", ".."), "03-event-loop", "06-pitfalls")
	if err := os.RemoveAll(filepath.Join(course, "chapters", "03-event-loop")); err != nil {
		t.Fatal(err)
	}
	out := coursecopy.Fail(t, course, "go", "run", "./tools/site", "-check")
	want := `(?m)^chapters/06-pitfalls/\w+\.go:\d+: imports chapters/03-event-loop, which is not a chapter of the course`
	if !regexp.MustCompile(want).MatchString(out) {
		t.Errorf("-check after removing chapter 03 does not match %s:\n%s", want, out)
	}
}
