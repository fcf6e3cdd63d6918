package main

import (
	"bytes"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asyncgo/course/tools/internal/coursecopy"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestRewriteImports(t *testing.T) {
	src := `package x

import (
	"fmt"

	"github.com/asyncgo/course/chapters/internal/pycheck"
	pc "github.com/asyncgo/course/chapters/internal/pycheck"
	"github.com/asyncgo/coursework/other"
	"go.uber.org/goleak"
	_ "github.com/asyncgo/course"
)

// Text that names github.com/asyncgo/course stays as it is.
var _ = fmt.Sprint(pycheck.Check, pc.Check, goleak.Find)
`
	// The paths change in place; gofmt then sorts the block by path.
	want := `package x

import (
	"fmt"

	"github.com/asyncgo/coursework/other"
	"go.uber.org/goleak"
	_ "zz.example/course"
	"zz.example/course/chapters/internal/pycheck"
	pc "zz.example/course/chapters/internal/pycheck"
)

// Text that names github.com/asyncgo/course stays as it is.
var _ = fmt.Sprint(pycheck.Check, pc.Check, goleak.Find)
`
	got, err := rewriteImports("x.go", []byte(src), "github.com/asyncgo/course", "zz.example/course")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("rewriteImports =\n%s\nwant\n%s", got, want)
	}
	if _, err := rewriteImports("bad.go", []byte("package x\nimport \"a"), "a", "b"); err == nil || !strings.Contains(err.Error(), "bad.go") {
		t.Errorf("a file that does not parse: %v", err)
	}
}

func TestRenameSkipsNestedModules(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"go.mod":                      "module github.com/asyncgo/course\n\ngo 1.26\n",
		"a/a.go":                      "package a\n",
		"b/b.go":                      "package b\n\nimport _ \"github.com/asyncgo/course/a\"\n",
		"b/testdata/fixture/go.mod":   "module github.com/asyncgo/course\n",
		"b/testdata/fixture/f/f.go":   "package f\n\nimport _ \"github.com/asyncgo/course/a\"\n",
		"_scratch/s.go":               "package s\n\nimport _ \"github.com/asyncgo/course/a\"\n",
		"c/testdata/loose/loose_x.go": "package loose\n\nimport _ \"github.com/asyncgo/course/a\"\n",
	}
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-root", root, "-module", "example.org/their/course"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for name, renamed := range map[string]bool{"go.mod": true, "b/b.go": true, "c/testdata/loose/loose_x.go": true,
		"b/testdata/fixture/go.mod": false, "b/testdata/fixture/f/f.go": false, "_scratch/s.go": false} {
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(string(b), "example.org/their/course"); got != renamed {
			t.Errorf("%s renamed: %v, want %v:\n%s", name, got, renamed, b)
		}
	}
	if code := run([]string{"-root", root, "-module", "bad path"}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "invalid -module") {
		t.Errorf("an invalid path: exit %d, %s", code, stderr.String())
	}
	if code := run([]string{"-root", root}, &stdout, &stderr); code != 2 {
		t.Errorf("no -module: exit %d, want 2", code)
	}
}

// TestMakeRenameModule runs make rename-module on a copy of the repository:
// it renames, rebuilds the site, builds and runs the copy's tests.
func TestMakeRenameModule(t *testing.T) {
	course := coursecopy.Course(t, filepath.Join("..", ".."), "00-introduction", "01-coroutines", "02-await")
	coursecopy.Run(t, course, "make", "rename-module", "MODULE=example.org/their/course")
	gomod, err := os.ReadFile(filepath.Join(course, "go.mod"))
	if err != nil || !strings.HasPrefix(string(gomod), "module example.org/their/course\n") {
		t.Errorf("go.mod: %v\n%s", err, gomod)
	}
	files, err := goFiles(course)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		pf, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, spec := range pf.Imports {
			if strings.HasPrefix(spec.Path.Value, `"github.com/asyncgo/course/`) {
				t.Errorf("%s still imports %s", f, spec.Path.Value)
			}
		}
	}
	coursecopy.Run(t, course, "go", "run", "./tools/site", "-check")
	coursecopy.Run(t, course, "gofmt", "-l", ".")
}
