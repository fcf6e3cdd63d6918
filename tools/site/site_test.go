package main

import (
	"bytes"
	"context"
	"flag"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

// update rewrites the golden files (and refreshes the fixture's READMEs)
// instead of comparing with them: go test ./tools/site -update.
var update = flag.Bool("update", false, "rewrite testdata/golden and refresh the fixture READMEs")

// TestMain checks for leaked goroutines. chroma's regular expression
// engine, regexp2, keeps one clock goroutine for its match timeouts: not a
// leak of ours.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m, goleak.IgnoreAnyFunction("github.com/dlclark/regexp2/v2.runClock"))
}

// fixtureTheme is a small stand-in for templates/ and assets/, so that the
// golden files follow the pipeline, not the look of the site.
func fixtureTheme() fs.FS { return os.DirFS(filepath.Join("testdata", "theme")) }

// copyFixture copies testdata/fixture into a temporary directory and returns
// the path of its chapters directory.
func copyFixture(t testing.TB) string {
	t.Helper()
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(filepath.Join("testdata", "fixture"))); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dst, "chapters")
}

// buildForBrowserTest builds the site of the chapters directory into out
// with the real theme, refreshing the READMEs in memory only. The browser
// tests call it.
func buildForBrowserTest(chapters, out string) error {
	res, err := build(options{chapters: chapters, out: out, theme: theme})
	if err != nil {
		return err
	}
	return writeSite(res.files, out)
}

// TestGolden builds the fixture and compares every file of the site with
// testdata/golden.
func TestGolden(t *testing.T) {
	golden := filepath.Join("testdata", "golden")
	if *update {
		res, err := build(options{chapters: filepath.Join("testdata", "fixture", "chapters"), out: "unused", theme: fixtureTheme()})
		if err != nil {
			t.Fatal(err)
		}
		if err := writeReadmes(res.readmes); err != nil {
			t.Fatal(err)
		}
	}
	res, err := build(options{chapters: copyFixture(t), out: "out", theme: fixtureTheme()})
	if err != nil {
		t.Fatal(err)
	}
	files := res.files
	if *update {
		if err := os.RemoveAll(golden); err != nil {
			t.Fatal(err)
		}
		if err := writeFiles(golden, files); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := readTree(golden)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range diffFiles(files, want) {
		t.Errorf("%s differs from testdata/golden (run go test ./tools/site -update and review the diff)", p)
	}
}

// TestFixtureReadmesCurrent checks that the fixture's READMEs hold the
// filled-in text the tool generates, with -check.
func TestFixtureReadmesCurrent(t *testing.T) {
	res, err := build(options{chapters: copyFixture(t), out: "out", theme: fixtureTheme()})
	if err != nil {
		t.Fatal(err)
	}
	if err := res.stale.Err(); err != nil {
		t.Fatalf("the fixture READMEs are stale (go test ./tools/site -update refreshes them):\n%v", err)
	}
}

// TestDeterministic builds twice and expects the same bytes.
func TestDeterministic(t *testing.T) {
	chapters := copyFixture(t)
	var sites [2]map[string][]byte
	for i := range sites {
		res, err := build(options{chapters: chapters, out: "out", theme: theme})
		if err != nil {
			t.Fatal(err)
		}
		sites[i] = res.files
	}
	for _, p := range diffFiles(sites[0], sites[1]) {
		t.Errorf("%s differs between two builds", p)
	}
}

// TestDocsUpToDate builds the real course and compares it with docs/; it
// also checks that every chapter README's filled-in text is current.
func TestDocsUpToDate(t *testing.T) {
	chapters := filepath.Join("..", "..", "chapters")
	if _, err := os.Stat(chapters); err != nil {
		t.Skipf("no course chapters: %v", err)
	}
	docs := filepath.Join("..", "..", "docs")
	if _, err := checkBuild(options{chapters: chapters, out: docs, theme: theme}, io.Discard); err != nil {
		t.Fatalf("docs/ or a README is stale: run \"make site\"; the build reports:\n%v", err)
	}
}

func BenchmarkBuild(b *testing.B) {
	chapters := filepath.Join("..", "..", "chapters")
	if _, err := os.Stat(chapters); err != nil {
		b.Skipf("no course chapters: %v", err)
	}
	// cache=off highlights every block, as the first build on a machine
	// does; cache=warm finds them all in the disk cache, as make site does
	// when the code has not changed since the last build.
	for _, warm := range []bool{false, true} {
		name := "cache=off"
		if warm {
			name = "cache=warm"
		}
		b.Run(name, func(b *testing.B) {
			o := options{chapters: chapters, out: filepath.Join(b.TempDir(), "docs"), theme: theme}
			if warm {
				o.cacheDir = b.TempDir()
				res, err := build(o)
				if err != nil {
					b.Fatal(err)
				}
				if err := res.saveHighlights(); err != nil {
					b.Fatal(err)
				}
			}
			for b.Loop() {
				res, err := build(o)
				if err != nil {
					b.Fatal(err)
				}
				if err := writeSite(res.files, o.out); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// runSite runs the program with args and returns its exit status and
// output.
func runSite(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, &out, &errOut, fixtureTheme())
	return code, out.String(), errOut.String()
}

// TestRunGenerateAndCheck runs the program as make site and CI do.
func TestRunGenerateAndCheck(t *testing.T) {
	chapters := copyFixture(t)
	out := filepath.Join(t.TempDir(), "docs")
	if code, _, stderr := runSite(t, "-chapters", chapters, "-out", out, "-check"); code != 1 || !strings.Contains(stderr, "/ is stale: run \"make site\"") {
		t.Errorf("-check before any build: exit %d, stderr %q; want 1 and a stale site", code, stderr)
	}
	if code, stdout, stderr := runSite(t, "-chapters", chapters, "-out", out); code != 0 {
		t.Fatalf("build: exit %d\n%s%s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "hello", "index.html")); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := runSite(t, "-chapters", chapters, "-out", out, "-check"); code != 0 {
		t.Errorf("-check after a build: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, _, _ := runSite(t, "-nope"); code != 2 {
		t.Errorf("unknown flag: exit %d, want 2", code)
	}
	if code, _, _ := runSite(t, "serve", "-addr", "192.0.2.1:80", "-chapters", chapters, "-out", out); code != 1 {
		t.Errorf("serve on a non-loopback address: exit %d, want 1", code)
	}
}

// TestRunRefreshesReadmes checks that a build fills in a directive, and that
// -check reports the stale README without touching it.
func TestRunRefreshesReadmes(t *testing.T) {
	chapters := copyFixture(t)
	readme := filepath.Join(chapters, "02-second-step", "README.md")
	b, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	emptied := strings.Replace(string(b), "| 1 | 10 ns |\n", "", 1)
	writeFile(t, readme, emptied)
	out := filepath.Join(t.TempDir(), "docs")
	code, _, stderr := runSite(t, "-chapters", chapters, "-out", out, "-check")
	if code != 1 || !strings.Contains(stderr, `chapters/02-second-step/README.md:24: filled-in text of <!-- include: testdata/bench.md --> is stale: run "make site"`) {
		t.Errorf("-check: exit %d, stderr:\n%s", code, stderr)
	}
	if got := readFile(t, readme); got != emptied {
		t.Errorf("-check changed the README")
	}
	if code, _, stderr := runSite(t, "-chapters", chapters, "-out", out); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	if got := readFile(t, readme); got != string(b) {
		t.Errorf("the build did not refresh the README; got\n%s", got)
	}
}

func writeFile(t testing.TB, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
