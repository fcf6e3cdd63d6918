package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/asyncgo/course/tools/internal/chapter"
	"github.com/asyncgo/course/tools/internal/problem"
)

// This file implements the include directives of CONTRIBUTING.md: it finds
// them in a README, generates the text each one stands for, and writes that
// text between the opening and the closing comment ("refreshing" the README).

// Errors of directives, wrapped with details.
var (
	errMissingFile = errors.New("missing file")
	errLeavesRepo  = errors.New("leaves the repository")
)

// splitLines splits s into lines, each without its newline.
func splitLines(s string) []string { return strings.Split(s, "\n") }

// refresh returns the README of ch with the filled-in text of every
// directive generated afresh and every link to another chapter carrying that
// chapter's current number, and where each listing comes from, by
// directive ("code: Countdown"). stale lists what differed from the README
// on disk; ps lists the directives that could not be resolved.
func (c *course) refresh(ch *source) (out []byte, sources map[string]*listingSource, stale, ps problem.List) {
	file := ch.Source
	lines := splitLines(string(ch.readme))
	ds, prose, ps := chapter.Scan(file, lines)
	pkg, pkgPs := c.loadPackage(ch)
	ps = append(ps, pkgPs...)
	loadPkg := func() (*goPackage, error) {
		if pkg == nil {
			return nil, fmt.Errorf("the Go package of %s does not load", ch.rel)
		}
		return pkg, nil
	}
	sources = make(map[string]*listingSource)
	var b strings.Builder
	next := 0 // next line of the README to copy
	emit := func(upto int) {
		for ; next < upto; next++ {
			l := lines[next]
			if prose[next] {
				l = c.renumberLinks(file, next+1, l, &stale)
			}
			b.WriteString(l)
			if next+1 < len(lines) {
				b.WriteByte('\n')
			}
		}
	}
	for _, d := range ds {
		emit(d.Open + 1)
		old := strings.Join(lines[d.Open+1:d.Close], "\n")
		body, src, err := c.generate(ch, d, loadPkg)
		if src != nil {
			sources[d.Kind+": "+d.Arg] = src
		}
		if err != nil {
			ps = append(ps, &problem.Problem{File: file, Line: d.Line(), Err: err})
			body = old // keep what is there
		} else if strings.Contains("\n"+body+"\n", "\n"+strings.TrimSpace(lines[d.Close])+"\n") {
			ps = append(ps, problem.Errorf(file, d.Line(), "the included text contains the closing comment %s", strings.TrimSpace(lines[d.Close])))
			body = old
		}
		if body != old {
			stale = append(stale, problem.Errorf(file, d.Line(), "filled-in text of <!-- %s: %s --> is stale", d.Kind, d.Arg))
		}
		if body != "" {
			b.WriteString(body)
			b.WriteByte('\n')
		}
		next = d.Close
	}
	emit(len(lines))
	return []byte(b.String()), sources, stale, ps
}

// renumberLinks rewrites the number of every link to another chapter in
// line to that chapter's current number. A link to a slug that does not
// exist is left alone: rendering reports it.
func (c *course) renumberLinks(file string, lineNo int, line string, stale *problem.List) string {
	return chapter.RewriteLinks(line, func(number, slug string) (string, bool) {
		target, ok := c.bySlug[slug]
		if !ok || fmt.Sprintf("%02d", target.Number) == number {
			return "", false
		}
		*stale = append(*stale, problem.Errorf(file, lineNo, "link to chapter %q has number %s, want %02d", slug, number, target.Number))
		return target.Dir, true
	})
}

// A listingSource says where a listing on a chapter's page comes from: for
// its caption, and for the runner of make serve, which runs the reader's
// edit of it (runner.go).
type listingSource struct {
	caption     string // "countdown.go · Countdown", "python/sleepers.py", "loop.go · lines 12-30"
	file        string // the file, relative to the chapter directory: "countdown.go"
	first, last int    // the lines of file that the listing shows, or 0, 0 for the whole file
	indent      string // the indentation the listing lost (a region inside a function)
	run         string // what Run runs: "ExampleX", "TestX", "exercise", "python/x.py"; or ""
}

// generate returns the filled-in text of directive d, without a final
// newline, and where the listing it makes comes from (nil for output and
// include directives).
func (c *course) generate(ch *source, d chapter.Directive, loadPkg func() (*goPackage, error)) (string, *listingSource, error) {
	switch d.Kind {
	case "code":
		lang, code, src, err := c.listing(ch, d.Arg, loadPkg)
		if err != nil {
			return "", nil, err
		}
		return fenced(lang, code), src, nil
	case "output", "example":
		pkg, err := loadPkg()
		if err != nil {
			return "", nil, err
		}
		out, err := pkg.output(d.Arg)
		if err != nil {
			return "", nil, err
		}
		if d.Kind == "output" {
			return fenced("output", out), nil, nil
		}
		code, src, err := declListing(pkg, d.Arg)
		if err != nil {
			return "", nil, err
		}
		return fenced("go", code) + "\n" + fenced("output", out), src, nil
	case "include":
		text, err := c.readText(ch, d.Arg)
		if err != nil {
			return "", nil, err
		}
		return "\n" + strings.TrimRight(text, "\n") + "\n", nil, nil
	}
	return "", nil, fmt.Errorf("unknown directive %q", d.Kind) // unreachable: openPattern lists the kinds
}

// listing resolves the argument of a code directive to a language, the code
// to show and where it comes from. An argument is a path when it contains
// "/" or "#", ends in ".go" or ".py", or names a file of the chapter;
// otherwise it names a Go declaration.
func (c *course) listing(ch *source, arg string, loadPkg func() (*goPackage, error)) (lang, code string, src *listingSource, err error) {
	isFile := func(name string) bool {
		fi, err := os.Stat(filepath.Join(ch.path, name))
		return err == nil && fi.Mode().IsRegular()
	}
	if chapter.IsDeclName(arg, isFile) {
		pkg, err := loadPkg()
		if err != nil {
			return "", "", nil, err
		}
		code, src, err := declListing(pkg, arg)
		return "go", code, src, err
	}
	file, region, _ := strings.Cut(arg, "#")
	text, err := c.readText(ch, file)
	if err != nil {
		return "", "", nil, err
	}
	src = &listingSource{caption: file, file: file}
	switch {
	case strings.HasPrefix(file, "python/") && path.Ext(file) == ".py":
		src.run = file
	case file == exerciseFile:
		src.run = "exercise"
	}
	if region == "" {
		return languageOf(file), chapter.DropRegionMarkers(text), src, nil
	}
	r, err := chapter.FindRegion(text, region)
	if err != nil {
		return "", "", nil, fmt.Errorf("%s: %w", file, err)
	}
	src.first, src.last, src.indent = r.First, r.Last, r.Indent
	src.caption = fmt.Sprintf("%s · lines %d–%d", file, r.First, r.Last)
	if src.run == "exercise" {
		src.run = "" // a part of the stub: Check runs the whole of it
	}
	return languageOf(file), r.Text, src, nil
}

// declListing returns the Go declaration called name in pkg and where it
// comes from. An Example with verified output and a Test function are
// runnable.
func declListing(pkg *goPackage, name string) (string, *listingSource, error) {
	code, err := pkg.decl(name)
	if err != nil {
		return "", nil, err
	}
	d, _ := pkg.span(name) // decl found it
	src := &listingSource{file: path.Base(d.file)}
	src.first, src.last = d.lines()
	src.caption = src.file + " · " + name
	if _, err := pkg.output(name); err == nil || pkg.tests[name] {
		src.run = name
	}
	return code, src, nil
}

// languageOf returns the language of a listing from its file name.
func languageOf(name string) string {
	switch path.Ext(name) {
	case ".go":
		return "go"
	case ".py":
		return "python"
	}
	return "text"
}

// readText reads the text file at the slash path p, relative to the chapter
// directory. The exercise stub is read as committed when a learner changed
// it in place (stubs.go).
func (c *course) readText(ch *source, p string) (string, error) {
	abs, err := c.resolvePath(ch, p)
	if err != nil {
		return "", err
	}
	b, err := os.ReadFile(abs)
	if err != nil {
		return "", err
	}
	if !utf8.Valid(b) || strings.ContainsRune(string(b), 0) {
		return "", fmt.Errorf("%q is not a text file", p)
	}
	text := strings.ReplaceAll(string(b), "\r\n", "\n")
	if p == exerciseFile {
		text = c.stubText(ch, text)
	}
	return text, nil
}

// resolvePath returns the absolute path of the regular file at the slash
// path p, relative to the chapter directory. The path may not leave the
// repository, neither by ".." nor through a symbolic link.
func (c *course) resolvePath(ch *source, p string) (string, error) {
	if p == "" || path.IsAbs(p) || filepath.IsAbs(p) {
		return "", fmt.Errorf("path %q must be relative to the chapter directory", p)
	}
	abs := filepath.Join(ch.path, filepath.FromSlash(p))
	if !within(c.root, abs) {
		return "", fmt.Errorf("path %q %w", p, errLeavesRepo)
	}
	real, err := filepath.EvalSymlinks(abs)
	if errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("%w %q in %s", errMissingFile, p, ch.rel)
	}
	if err != nil {
		return "", err
	}
	realRoot, err := filepath.EvalSymlinks(c.root)
	if err != nil {
		return "", err
	}
	if !within(realRoot, real) {
		return "", fmt.Errorf("path %q %w through a symbolic link", p, errLeavesRepo)
	}
	fi, err := os.Stat(real)
	if err != nil {
		return "", err
	}
	if !fi.Mode().IsRegular() {
		return "", fmt.Errorf("%q is not a regular file", p)
	}
	return abs, nil
}

// within reports whether path p is dir or inside it.
func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// fenced returns code as a fenced code block with the given info string.
// The fence is longer than any run of backticks in the code.
func fenced(info, code string) string {
	longest, run := 0, 0
	for _, r := range code {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", max(3, longest+1))
	code = strings.TrimRight(code, "\n")
	if code == "" {
		return fence + info + "\n" + fence
	}
	return fence + info + "\n" + code + "\n" + fence
}
