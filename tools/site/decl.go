package main

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	gobuild "go/build"
	"go/doc"
	"go/parser"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/asyncgo/course/tools/internal/chapter"
	"github.com/asyncgo/course/tools/internal/problem"
)

// Errors of declaration lookup, wrapped with the name that failed.
var (
	errUnknownIdent   = errors.New("unknown identifier")
	errUnknownExample = errors.New("unknown example")
	errNoOutput       = errors.New("has no // Output: comment")
)

// A goPackage indexes the Go declarations of one chapter directory: its
// package and its external test package, as `go test` builds them with no
// build tags (so solution.go counts and exercise.go, tagged learn, does not).
type goPackage struct {
	name     string                // package name, without _test
	decls    map[string][]declSpan // by name: "Countdown", "Loop.Run", "ExampleLoop"
	examples map[string]*doc.Example
	tests    map[string]bool // the Test functions: "TestLoop"
}

// A declSpan locates one declaration in a file: from the start of its doc
// comment to the end of the declaration, plus a trailing line comment.
type declSpan struct {
	file       string // slash path relative to the repository root
	src        []byte // the whole file
	start, end int
}

// text returns the declaration exactly as it is in the source, ending in a
// newline.
func (d declSpan) text() string {
	return strings.TrimRight(string(d.src[d.start:d.end]), " \t\n") + "\n"
}

// lines returns the 1-based lines of the file that the declaration takes.
func (d declSpan) lines() (first, last int) {
	first = bytes.Count(d.src[:d.start], []byte("\n")) + 1
	return first, first + strings.Count(d.text(), "\n") - 1
}

// loadPackage parses every Go file of the chapter ch. It indexes the
// declarations of the files that go test builds with no build tags, and
// checks every file, whatever its build tags, against the rules of a
// chapter's code: the package is named after the slug, no region marker
// touches a doc comment (go doc would print it), and an import of another
// chapter names one that exists and comes earlier. It returns no package
// when a file does not parse or belongs to another package.
func (c *course) loadPackage(ch *source) (*goPackage, problem.List) {
	entries, err := os.ReadDir(ch.path)
	if err != nil {
		return nil, problem.List{{File: ch.rel, Err: err}}
	}
	want := ch.name.Package()
	pkg := &goPackage{name: want, decls: make(map[string][]declSpan), examples: make(map[string]*doc.Example),
		tests: make(map[string]bool)}
	fset := token.NewFileSet()
	var tests []*ast.File
	var ps problem.List
	broken := false // a file does not parse, or is of another package
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") {
			continue
		}
		rel := ch.rel + "/" + name
		src, err := os.ReadFile(filepath.Join(ch.path, name))
		if err != nil {
			return nil, problem.List{{File: rel, Err: err}}
		}
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
		if err != nil {
			ps.Add(rel, &problem.Problem{File: rel, Err: err})
			broken = true
			continue
		}
		if got := f.Name.Name; got != want && got != want+"_test" {
			ps = append(ps, problem.Errorf(rel, fset.Position(f.Package).Line, "package %s, want %s (the slug without dashes)", got, want))
			broken = true
			continue
		}
		ps = append(ps, checkRegionMarkers(fset, f, rel)...)
		ps = append(ps, c.checkImports(fset, f, ch, rel)...)
		if ok, err := gobuild.Default.MatchFile(ch.path, name); err != nil || !ok {
			continue
		}
		pkg.index(fset, f, rel, src)
		if strings.HasSuffix(name, "_test.go") {
			tests = append(tests, f)
		}
	}
	if broken {
		return nil, ps
	}
	for _, ex := range doc.Examples(tests...) {
		pkg.examples["Example"+ex.Name] = ex
	}
	return pkg, ps
}

// checkRegionMarkers reports every region marker that is part of a doc
// comment of f: a "// region X" line directly above a declaration's doc
// comment joins it, and go doc prints it.
func checkRegionMarkers(fset *token.FileSet, f *ast.File, rel string) problem.List {
	var ps problem.List
	check := func(doc *ast.CommentGroup, what string) {
		if doc == nil {
			return
		}
		for _, cm := range doc.List {
			if chapter.IsRegionMarker(cm.Text) {
				ps = append(ps, problem.Errorf(rel, fset.Position(cm.Pos()).Line,
					"%q is part of the doc comment of %s: put a blank line between the marker and the comment", cm.Text, what))
			}
		}
	}
	check(f.Doc, "package "+f.Name.Name)
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			check(d.Doc, d.Name.Name)
		case *ast.GenDecl:
			if len(d.Specs) == 0 {
				continue
			}
			check(d.Doc, specName(d.Specs[0]))
			for _, spec := range d.Specs {
				switch spec := spec.(type) {
				case *ast.TypeSpec:
					check(spec.Doc, spec.Name.Name)
				case *ast.ValueSpec:
					check(spec.Doc, spec.Names[0].Name)
				}
			}
		}
	}
	return ps
}

// specName returns the name a spec declares (the first, for several).
func specName(spec ast.Spec) string {
	switch spec := spec.(type) {
	case *ast.TypeSpec:
		return spec.Name.Name
	case *ast.ValueSpec:
		return spec.Names[0].Name
	case *ast.ImportSpec:
		return "the import " + spec.Path.Value
	}
	return "?"
}

// checkImports reports every import of f, a file of chapter ch, that names
// a chapter which does not exist (it was removed or renumbered) or which
// comes after ch: a chapter may build on earlier chapters only, so that
// the course can be read in order and a chapter removed from its end.
// Imports of chapters/internal, the helpers of the chapters' tests, are
// fine.
func (c *course) checkImports(fset *token.FileSet, f *ast.File, ch *source, rel string) problem.List {
	prefix := c.module + "/" + path.Dir(ch.rel) + "/"
	var ps problem.List
	for _, imp := range f.Imports {
		p, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			continue // the parser accepted it, so it cannot fail
		}
		rest, ok := strings.CutPrefix(p, prefix)
		if !ok {
			continue
		}
		dir, _, _ := strings.Cut(rest, "/")
		if chapter.Skipped(dir) {
			continue
		}
		line := fset.Position(imp.Pos()).Line
		name, err := chapter.ParseDir(dir)
		var target *source
		if err == nil {
			target = c.bySlug[name.Slug]
		}
		switch {
		case target == ch: // an external test package imports its own chapter
		case target == nil:
			ps = append(ps, problem.Errorf(rel, line, "imports %s, which is not a chapter of the course (was it removed or renamed?)", path.Dir(ch.rel)+"/"+dir))
		case target.Dir != dir:
			ps = append(ps, problem.Errorf(rel, line, "imports %s, which is now %s: change the import path", path.Dir(ch.rel)+"/"+dir, target.rel))
		case target.Number >= ch.Number:
			ps = append(ps, problem.Errorf(rel, line, "imports %s, which comes after %s: a chapter may import only earlier chapters", target.rel, ch.rel))
		}
	}
	return ps
}

// index records every top-level declaration of f.
func (p *goPackage) index(fset *token.FileSet, f *ast.File, rel string, src []byte) {
	tf := fset.File(f.Pos())
	span := func(doc *ast.CommentGroup, node ast.Node) declSpan {
		start := node.Pos()
		if doc != nil {
			start = doc.Pos()
		}
		s, e := tf.Offset(start), tf.Offset(node.End())
		s = bytes.LastIndexByte(src[:s], '\n') + 1 // from the start of the line
		// Keep a comment that ends the declaration's last line.
		if nl := bytes.IndexByte(src[e:], '\n'); nl >= 0 {
			if rest := bytes.TrimSpace(src[e : e+nl]); bytes.HasPrefix(rest, []byte("//")) {
				e += nl
			}
		}
		return declSpan{file: rel, src: src, start: s, end: e}
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			name := d.Name.Name
			if d.Recv != nil && len(d.Recv.List) == 1 {
				name = receiverName(d.Recv.List[0].Type) + "." + name
			}
			p.decls[name] = append(p.decls[name], span(d.Doc, d))
			if isTest(d) && strings.HasSuffix(rel, "_test.go") {
				p.tests[name] = true
			}
		case *ast.GenDecl:
			if d.Tok == token.IMPORT {
				continue
			}
			s := span(d.Doc, d)
			for _, spec := range d.Specs {
				switch spec := spec.(type) {
				case *ast.TypeSpec:
					p.decls[spec.Name.Name] = append(p.decls[spec.Name.Name], s)
				case *ast.ValueSpec:
					for _, n := range spec.Names {
						if n.Name != "_" {
							p.decls[n.Name] = append(p.decls[n.Name], s)
						}
					}
				}
			}
		}
	}
}

// isTest reports whether f is a Test function as go test finds them:
// TestXxx(t *testing.T), with Xxx not starting with a lower-case letter.
func isTest(f *ast.FuncDecl) bool {
	rest, ok := strings.CutPrefix(f.Name.Name, "Test")
	if !ok || f.Recv != nil || f.Type.Params.NumFields() != 1 || rest != "" && unicode.IsLower(rune(rest[0])) {
		return false
	}
	star, ok := f.Type.Params.List[0].Type.(*ast.StarExpr)
	if !ok {
		return false
	}
	sel, ok := star.X.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "T"
}

// receiverName returns the type name of a method receiver: "T" for T, *T,
// T[K] and *T[K, V].
func receiverName(x ast.Expr) string {
	for {
		switch t := x.(type) {
		case *ast.StarExpr:
			x = t.X
		case *ast.ParenExpr:
			x = t.X
		case *ast.IndexExpr:
			x = t.X
		case *ast.IndexListExpr:
			x = t.X
		case *ast.Ident:
			return t.Name
		default:
			return "?"
		}
	}
}

// decl returns the source of the declaration called name: a function, a
// method as "Type.Method", a type, or the const or var group that declares
// name. Region markers inside it are dropped.
func (p *goPackage) decl(name string) (string, error) {
	d, err := p.span(name)
	if err != nil {
		return "", err
	}
	return chapter.DropRegionMarkers(d.text()), nil
}

// span returns where the declaration called name is.
func (p *goPackage) span(name string) (declSpan, error) {
	spans := p.decls[name]
	switch len(spans) {
	case 0:
		return declSpan{}, fmt.Errorf("%w %q in package %s", errUnknownIdent, name, p.name)
	case 1:
		return spans[0], nil
	}
	var files []string
	for _, s := range spans {
		files = append(files, s.file)
	}
	slices.Sort(files)
	return declSpan{}, fmt.Errorf("identifier %q is declared more than once in package %s (%s)", name, p.name, strings.Join(files, ", "))
}

// output returns the verified output of the Example function called name.
func (p *goPackage) output(name string) (string, error) {
	ex, ok := p.examples[name]
	if !ok {
		return "", fmt.Errorf("%w %q in package %s (Example functions live in _test.go files)", errUnknownExample, name, p.name)
	}
	if ex.Output == "" && !ex.EmptyOutput {
		return "", fmt.Errorf("example %q %w, so go test does not check what it prints", name, errNoOutput)
	}
	return ex.Output, nil
}
