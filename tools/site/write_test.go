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

func TestDiffFiles(t *testing.T) {
	a := map[string][]byte{"same": []byte("x"), "changed": []byte("1"), "only/a": nil}
	b := map[string][]byte{"same": []byte("x"), "changed": []byte("2"), "only-b": nil}
	if diff, want := diffFiles(a, b), []string{"changed", "only-b", "only/a"}; !reflect.DeepEqual(diff, want) {
		t.Errorf("diffFiles = %q, want %q", diff, want)
	}
	missing, err := readTree(filepath.Join(t.TempDir(), "missing"))
	if err != nil || len(missing) != 0 {
		t.Errorf("readTree of a missing directory = %q, %v; want nothing", missing, err)
	}
}
