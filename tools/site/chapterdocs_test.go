package main

import (
	"go/ast"
	gobuild "go/build"
	"go/doc"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/asyncgo/course/tools/internal/chapter"
)

// TestChapterPackageDocs reads every chapter package of the course as
// go doc does: each has a doc.go holding its package doc, which names no
// chapter number (chapters get renumbered); no doc comment carries a region
// marker; and no chapter exports the machinery that draws its figures or
// writes its reports (that lives in chapters/internal, used by tests): a
// chapter exports what it teaches.
func TestChapterPackageDocs(t *testing.T) {
	root := filepath.Join("..", "..")
	names, ps := chapter.List(filepath.Join(root, "chapters"), "chapters")
	if len(names) == 0 {
		t.Skipf("no course chapters: %v", ps.Err())
	}
	chapterNumber := regexp.MustCompile(`(?i)\bchapters? [0-9]{2}\b`)
	machinery := regexp.MustCompile(`^(Render|Summarize|Summary|BarChart|LineChart|Series|Point|Bar|TimelineSVG|WriteSVG|Panel|SVG)$`)
	for _, n := range names {
		dir := filepath.Join(root, "chapters", n.Dir)
		if _, err := os.Stat(filepath.Join(dir, "doc.go")); err != nil {
			t.Errorf("chapters/%s has no doc.go: %v", n.Dir, err)
		}
		fset := token.NewFileSet()
		var files []*ast.File
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			name := e.Name()
			if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
				continue
			}
			if ok, err := gobuild.Default.MatchFile(dir, name); err != nil || !ok {
				continue
			}
			f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, f)
		}
		pkg, err := doc.NewFromFiles(fset, files, "example.com/"+n.Dir)
		if err != nil {
			t.Fatal(err)
		}
		if pkg.Doc == "" {
			t.Errorf("chapters/%s: no package doc", n.Dir)
		}
		if m := chapterNumber.FindString(pkg.Doc); m != "" {
			t.Errorf("chapters/%s: the package doc names %q; name no chapter number, so that renumbering keeps it right", n.Dir, m)
		}
		var text strings.Builder
		text.WriteString(pkg.Doc)
		exported := func(name, d string) {
			text.WriteString(d)
			if machinery.MatchString(name) {
				t.Errorf("chapters/%s exports %s: figure and report code belongs in chapters/internal", n.Dir, name)
			}
		}
		for _, f := range pkg.Funcs {
			exported(f.Name, f.Doc)
		}
		for _, ty := range pkg.Types {
			exported(ty.Name, ty.Doc)
			for _, f := range append(ty.Funcs, ty.Methods...) {
				exported(f.Name, f.Doc)
			}
		}
		for _, v := range append(pkg.Vars, pkg.Consts...) {
			text.WriteString(v.Doc)
		}
		if strings.Contains(text.String(), "region ") || strings.Contains(text.String(), "endregion") {
			t.Errorf("chapters/%s: go doc shows a region marker", n.Dir)
		}
	}
}
