package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestWriteSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "docs")
	first := map[string][]byte{"index.html": []byte("1"), "a/b.html": []byte("b"), "search-index.js": nil}
	if err := writeSite(first, out); err != nil {
		t.Fatal(err)
	}
	second := map[string][]byte{"index.html": []byte("2"), "search-index.js": nil}
	if err := writeSite(second, out); err != nil {
		t.Fatal(err)
	}
	got, err := readTree(out)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, map[string][]byte{"index.html": []byte("2"), "search-index.js": {}}) {
		t.Errorf("site after the second write = %q", got)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("temporary directories left behind: %v", entries)
	}
	if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o755 {
		t.Errorf("site directory mode: %v %v", fi.Mode(), err)
	}
}

func TestWriteSiteRefusesOtherDirectories(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module x\n")
	err := writeSite(map[string][]byte{"index.html": nil}, dir)
	if err == nil || !strings.Contains(err.Error(), "does not look like a generated site") {
		t.Fatalf("writeSite over a source directory: %v", err)
	}
	if readFile(t, filepath.Join(dir, "go.mod")) != "module x\n" {
		t.Errorf("the directory changed")
	}
}

func TestDiffDirs(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(a, "same"), "x")
	writeFile(t, filepath.Join(b, "same"), "x")
	writeFile(t, filepath.Join(a, "changed"), "1")
	writeFile(t, filepath.Join(b, "changed"), "2")
	writeFile(t, filepath.Join(a, "only/a"), "")
	writeFile(t, filepath.Join(b, "only-b"), "")
	diff, err := diffDirs(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"changed", "only-b", "only/a"}; !reflect.DeepEqual(diff, want) {
		t.Errorf("diffDirs = %q, want %q", diff, want)
	}
	if diff, err := diffDirs(a, filepath.Join(b, "missing")); err != nil || len(diff) != 3 {
		t.Errorf("diffDirs with a missing directory = %q, %v", diff, err)
	}
}
