package main

// Benchmarks of the live notebook on the course's own chapters (issue 10's
// targets, medians of 5 on 2 cores): a saved README to the page reloaded
// (<= 0.5 s), Run of an unedited Example with a warm cache (<= 1 s), Run of
// an edited Example (<= 3 s).
//
//	go test -run '^$' -bench 'Reload|RunExample|RunEditedExample' -benchtime 5x -count 5 ./tools/site

import (
	"fmt"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/asyncgo/course/tools/internal/repocopy"
)

// benchCourse returns the course's own chapters directory, or skips.
func benchCourse(b *testing.B) string {
	b.Helper()
	chapters := filepath.Join("..", "..", "chapters")
	if _, err := os.Stat(chapters); err != nil {
		b.Skipf("no course chapters: %v", err)
	}
	return chapters
}

// copyCourse copies the course repository (repocopy: the files git would
// commit) into a temporary directory, which a benchmark may edit, and
// returns the copy's chapters directory.
func copyCourse(b *testing.B) string {
	b.Helper()
	dst := filepath.Join(b.TempDir(), "course")
	if err := repocopy.Copy(dst, filepath.Dir(benchCourse(b))); err != nil {
		b.Fatal(err)
	}
	return filepath.Join(dst, "chapters")
}

// BenchmarkReload measures a README saved on disk to the open page
// reloaded (its load event), through a live server and Chromium.
func BenchmarkReload(b *testing.B) {
	chapters := copyCourse(b)
	browser := newBrowser(b)
	f := startLive(b, chapters, nil) // builds and verifies the copy: a minute or two, once
	f.watch(b)
	tb := openTab(b, browser, false, func(*url.URL) bool { return true })
	c := f.site.currentCourse()
	ch := c.chapters[0]
	readme := filepath.Join(ch.path, "README.md")
	orig, err := os.ReadFile(readme)
	if err != nil {
		b.Fatal(err)
	}
	tb.navigate(b, f.url+"/"+ch.Slug+"/")
	loaded := make(chan struct{}, 1)
	if err := chromedp.Listen(tb.ctx, func(ev any) {
		if _, ok := ev.(*page.EventLoadEventFired); ok {
			select {
			case loaded <- struct{}{}:
			default:
			}
		}
	}); err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		i++
		edited := strings.Replace(string(orig), "\n## ", fmt.Sprintf("\nA sentence added by BenchmarkReload, %d.\n\n## ", i), 1)
		if err := os.WriteFile(readme, []byte(edited), 0o644); err != nil {
			b.Fatal(err)
		}
		<-loaded
	}
	b.StopTimer()
	if !eval[bool](b, tb, fmt.Sprintf(`document.body.textContent.includes("added by BenchmarkReload, %d.")`, i)) {
		b.Errorf("the page did not show the last edit: %q", eval[string](b, tb, `(document.body.textContent.match(/.{0,40}BenchmarkReload.{0,40}/) || ["none"])[0]`))
	}
}

// benchExample returns the chapter and the first Example with an output
// of the course's first chapter that has one, and the text of its file.
func benchExample(b *testing.B, c *course) (*source, string, string) {
	b.Helper()
	for _, ch := range c.chapters {
		pkg, _ := c.loadPackage(ch)
		if pkg == nil {
			continue
		}
		for _, name := range slices.Sorted(maps.Keys(pkg.examples)) {
			if ex := pkg.examples[name]; ex.Output != "" && len(pkg.decls[name]) == 1 {
				text, err := os.ReadFile(filepath.Join(c.root, filepath.FromSlash(pkg.decls[name][0].file)))
				if err != nil {
					b.Fatal(err)
				}
				return ch, name, string(text)
			}
		}
	}
	b.Skip("the course has no Example with an output")
	return nil, "", ""
}

// benchRun runs req through the runner's handler b.N times; edit, when not
// nil, returns the request of iteration i.
func benchRun(b *testing.B, rn *runner, req runRequest, edit func(i int) runRequest) {
	b.Helper()
	check := func(res runResult) {
		if !res.Passed {
			b.Fatalf("the run failed: %s", res.Output)
		}
	}
	check(runDirect(b, rn, req)) // warm the cache
	i := 0
	for b.Loop() {
		i++
		r := req
		if edit != nil {
			r = edit(i)
		}
		check(runDirect(b, rn, r))
	}
}

// BenchmarkRunExample measures Run of an unedited Example, the cache warm.
func BenchmarkRunExample(b *testing.B) {
	c, err := load(benchCourse(b), theme)
	if err != nil {
		b.Fatal(err)
	}
	ch, name, _ := benchExample(b, c)
	b.Logf("%s: %s", ch.rel, name)
	rn := newRunner(func() *course { return c }, stepTimeout)
	benchRun(b, rn, runRequest{Chapter: ch.Slug, Target: name}, nil)
}

// BenchmarkRunEditedExample measures Run of an Example whose file the
// reader edited: a new edit of the code each time (a comment alone would
// compile to the same package, and go test would answer from its cache),
// so go test compiles, links and runs.
func BenchmarkRunEditedExample(b *testing.B) {
	c, err := load(benchCourse(b), theme)
	if err != nil {
		b.Fatal(err)
	}
	ch, name, text := benchExample(b, c)
	b.Logf("%s: %s", ch.rel, name)
	rn := newRunner(func() *course { return c }, stepTimeout)
	pkg, _ := c.loadPackage(ch)
	base := filepath.Base(pkg.decls[name][0].file)
	edit := func(i int) runRequest {
		return runRequest{Chapter: ch.Slug, Target: name,
			Files: map[string]string{base: text + fmt.Sprintf("\n// benchEdit%d changes the compiled code, so go test compiles, links and runs.\nvar benchEdit%d = %d\n", i, i, i)}}
	}
	benchRun(b, rn, edit(0), edit)
}
