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
	"path/filepath"
	"slices"
	"strings"
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

// loadPackage parses the Go files of the chapter directory dir. It checks
// that the package is named after the chapter's slug.
func loadPackage(c *course, ch *source) (*goPackage, error) {
	entries, err := os.ReadDir(ch.path)
	if err != nil {
		return nil, err
	}
	want := strings.ReplaceAll(ch.Slug, "-", "")
	pkg := &goPackage{name: want, decls: make(map[string][]declSpan), examples: make(map[string]*doc.Example)}
	fset := token.NewFileSet()
	var tests []*ast.File
	var ps problems
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") {
			continue
		}
		if ok, err := gobuild.Default.MatchFile(ch.path, name); err != nil || !ok {
			continue
		}
		rel := ch.rel + "/" + name
		src, err := os.ReadFile(filepath.Join(ch.path, name))
		if err != nil {
			return nil, err
		}
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
		if err != nil {
			ps.add(rel, &problem{File: rel, Err: err})
			continue
		}
		if got := f.Name.Name; got != want && got != want+"_test" {
			ps.add(rel, problemf(rel, fset.Position(f.Package).Line, "package %s, want %s (the slug without dashes)", got, want))
			continue
		}
		pkg.index(fset, f, rel, src)
		if strings.HasSuffix(name, "_test.go") {
			tests = append(tests, f)
		}
	}
	for _, ex := range doc.Examples(tests...) {
		pkg.examples["Example"+ex.Name] = ex
	}
	return pkg, ps.err()
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
	spans := p.decls[name]
	switch len(spans) {
	case 0:
		return "", fmt.Errorf("%w %q in package %s", errUnknownIdent, name, p.name)
	case 1:
		return dropRegionMarkers(spans[0].text()), nil
	}
	var files []string
	for _, s := range spans {
		files = append(files, s.file)
	}
	slices.Sort(files)
	return "", fmt.Errorf("identifier %q is declared more than once in package %s (%s)", name, p.name, strings.Join(files, ", "))
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
