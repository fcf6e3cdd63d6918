package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDiskCache builds the fixture three times with a disk cache: the
// first build highlights every block and saves them; the second finds them
// all and highlights nothing; after a change to one listing, the third
// highlights that block alone, and saving drops the block it replaced. The
// site is the same with the cache as without.
func TestDiskCache(t *testing.T) {
	chapters := copyFixture(t)
	o := options{chapters: chapters, out: "out", theme: fixtureTheme(), cacheDir: filepath.Join(t.TempDir(), "cache")}
	build1 := func() *result {
		t.Helper()
		res, err := build(o)
		if err != nil {
			t.Fatal(err)
		}
		if err := res.saveHighlights(); err != nil {
			t.Fatal(err)
		}
		return res
	}
	entries := func() int {
		t.Helper()
		es, err := os.ReadDir(o.cacheDir)
		if err != nil {
			t.Fatal(err)
		}
		return len(es)
	}

	first := build1()
	n := len(first.highlights.fresh)
	if n == 0 || entries() != n {
		t.Fatalf("the first build highlighted %d blocks and the cache holds %d files", n, entries())
	}
	second := build1()
	if len(second.highlights.fresh) != 0 {
		t.Errorf("the second build highlighted %d blocks, want none: all are in the cache", len(second.highlights.fresh))
	}
	for _, p := range diffFiles(first.files, second.files) {
		t.Errorf("%s differs between a build without cached blocks and one with", p)
	}

	hello := filepath.Join(chapters, "01-hello", "hello.go")
	writeFile(t, hello, strings.Replace(readFile(t, hello), `return g.Prefix + " " + name`, `return g.Prefix + " " + name // changed`, 1))
	third := build1()
	if len(third.highlights.fresh) != 1 {
		t.Errorf("after changing one declaration, the build highlighted %d blocks, want 1", len(third.highlights.fresh))
	}
	if entries() != n {
		t.Errorf("the cache holds %d files after the change, want %d: the replaced block's file should be gone", entries(), n)
	}
}
