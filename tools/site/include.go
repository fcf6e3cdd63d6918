package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"
)

// This file implements the include directives of CONTRIBUTING.md: it finds
// them in a README, generates the text each one stands for, and writes that
// text between the opening and the closing comment ("refreshing" the README).

// A directive is one include directive of a README: an opening comment such
// as <!-- code: Countdown -->, the filled-in text, and the closing comment.
type directive struct {
	kind  string // "code", "output", "example" or "include"
	arg   string // "Countdown", "python/coro.py", "loop.go#run", ...
	open  int    // index in the README's lines of the opening comment
	close int    // index of the closing comment
}

// line returns the 1-based line number of the opening comment.
func (d directive) line() int { return d.open + 1 }

// Patterns of the directive comments. A directive comment is alone on its
// line (leading and trailing space aside).
var (
	openPattern    = regexp.MustCompile(`^<!--\s*(code|output|example|include):\s*(\S.*?)\s*-->$`)
	closePattern   = regexp.MustCompile(`^<!--\s*/(code|output|example|include|compare)\s*-->$`)
	comparePattern = regexp.MustCompile(`^<!--\s*compare\s*-->$`)
	// declNamePattern matches the argument of a code directive that names a
	// declaration: Name or Type.Method.
	declNamePattern = regexp.MustCompile(`^[\pL_][\pL\pN_]*(?:\.[\pL_][\pL\pN_]*)?$`)
	// regionMarker matches "// region NAME", "# endregion NAME" and so on.
	regionMarker = regexp.MustCompile(`^\s*(?://|#)\s*(region|endregion)\s+(\S+)\s*$`)
	// chapterLink matches the start of a relative link to another chapter,
	// inline ("](../03-event-loop/...") or in a link reference definition
	// ("]: ../03-event-loop/..."). Group 2 is the number, group 3 the slug.
	chapterLink = regexp.MustCompile(`(\]\(\s*<?|\]:\s*<?)\.\./([0-9]{2})-([a-z0-9]+(?:-[a-z0-9]+)*)([/)>#\s]|$)`)
)

// Errors of directives, wrapped with details.
var (
	errUnterminated = errors.New("unterminated directive")
	errMissingFile  = errors.New("missing file")
	errLeavesRepo   = errors.New("leaves the repository")
)

// splitLines splits s into lines, each without its newline.
func splitLines(s string) []string { return strings.Split(s, "\n") }

// frontMatterEnd returns the index of the first line after the front matter.
func frontMatterEnd(lines []string) int {
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "---" {
		return 0
	}
	for i := 1; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == "---" {
			return i + 1
		}
	}
	return 0
}

// scanDirectives finds the directives of a README split into lines. It
// skips the front matter and fenced code blocks (so a chapter can show the
// directive syntax in a code block), and reports in prose which lines are
// written by the author: neither front matter nor filled-in text.
func scanDirectives(file string, lines []string) (ds []directive, prose []bool, ps problems) {
	prose = make([]bool, len(lines))
	compareOpen, inCompare := -1, 0
	fence := ""
	for i := frontMatterEnd(lines); i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		if fence != "" {
			if strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
				fence = ""
			}
			continue
		}
		if f := fenceOf(t); f != "" {
			fence = f
			continue
		}
		prose[i] = true
		if m := openPattern.FindStringSubmatch(t); m != nil {
			d := directive{kind: m[1], arg: m[2], open: i, close: -1}
			for j := i + 1; j < len(lines); j++ {
				u := strings.TrimSpace(lines[j])
				if c := closePattern.FindStringSubmatch(u); c != nil && c[1] == d.kind {
					d.close = j
					break
				}
				if openPattern.MatchString(u) || comparePattern.MatchString(u) || closePattern.MatchString(u) {
					break
				}
			}
			if d.close < 0 {
				ps = append(ps, problemf(file, d.line(), "%w: <!-- %s: %s --> has no <!-- /%s --> before the next directive", errUnterminated, d.kind, d.arg, d.kind))
				continue
			}
			ds = append(ds, d)
			inCompare++
			i = d.close
			continue
		}
		if comparePattern.MatchString(t) {
			if compareOpen >= 0 {
				ps = append(ps, problemf(file, compareOpen+1, "%w: <!-- compare --> has no <!-- /compare --> before the next <!-- compare -->", errUnterminated))
			}
			compareOpen, inCompare = i, 0
			continue
		}
		if m := closePattern.FindStringSubmatch(t); m != nil {
			switch {
			case m[1] != "compare":
				ps = append(ps, problemf(file, i+1, "<!-- /%s --> without an opening <!-- %s: ... -->", m[1], m[1]))
			case compareOpen < 0:
				ps = append(ps, problemf(file, i+1, "<!-- /compare --> without an opening <!-- compare -->"))
			case inCompare == 0:
				ps = append(ps, problemf(file, compareOpen+1, "<!-- compare --> holds no listing directive"))
				compareOpen = -1
			default:
				compareOpen = -1
			}
		}
	}
	if compareOpen >= 0 {
		ps = append(ps, problemf(file, compareOpen+1, "%w: <!-- compare --> has no <!-- /compare -->", errUnterminated))
	}
	return ds, prose, ps
}

// fenceOf returns the fence ("```", "~~~~", ...) that the trimmed line t
// opens, or "" if t does not open a fenced code block.
func fenceOf(t string) string {
	for _, c := range []string{"`", "~"} {
		n := len(t) - len(strings.TrimLeft(t, c))
		if n >= 3 && !(c == "`" && strings.Contains(t[n:], "`")) {
			return t[:n]
		}
	}
	return ""
}

// refresh returns the README of ch with the filled-in text of every
// directive generated afresh and every link to another chapter carrying that
// chapter's current number. stale lists what differed from the README on
// disk; ps lists the directives that could not be resolved.
func (c *course) refresh(ch *source) (out []byte, stale, ps problems) {
	file := ch.Source
	lines := splitLines(string(ch.readme))
	ds, prose, ps := scanDirectives(file, lines)
	var pkg *goPackage
	var pkgErr error
	pkgOnce := false
	loadPkg := func() (*goPackage, error) {
		if !pkgOnce {
			pkgOnce = true
			pkg, pkgErr = loadPackage(c, ch)
			if pkgErr != nil {
				ps.add(file, pkgErr)
				pkgErr = fmt.Errorf("the Go package of %s does not load", ch.rel)
			}
		}
		return pkg, pkgErr
	}
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
		emit(d.open + 1)
		old := strings.Join(lines[d.open+1:d.close], "\n")
		body, err := c.generate(ch, d, loadPkg)
		if err != nil {
			ps = append(ps, &problem{File: file, Line: d.line(), Err: err})
			body = old // keep what is there
		} else if strings.Contains("\n"+body+"\n", "\n"+strings.TrimSpace(lines[d.close])+"\n") {
			ps = append(ps, problemf(file, d.line(), "the included text contains the closing comment %s", strings.TrimSpace(lines[d.close])))
			body = old
		}
		if body != old {
			stale = append(stale, problemf(file, d.line(), "filled-in text of <!-- %s: %s --> is stale", d.kind, d.arg))
		}
		if body != "" {
			b.WriteString(body)
			b.WriteByte('\n')
		}
		next = d.close
	}
	emit(len(lines))
	return []byte(b.String()), stale, ps
}

// renumberLinks rewrites the number of every link to another chapter in
// line to that chapter's current number. A link to a slug that does not
// exist is left alone: rendering reports it.
func (c *course) renumberLinks(file string, lineNo int, line string, stale *problems) string {
	return chapterLink.ReplaceAllStringFunc(line, func(m string) string {
		sm := chapterLink.FindStringSubmatch(m)
		target, ok := c.bySlug[sm[3]]
		if !ok || fmt.Sprintf("%02d", target.Number) == sm[2] {
			return m
		}
		*stale = append(*stale, problemf(file, lineNo, "link to chapter %q has number %s, want %02d", sm[3], sm[2], target.Number))
		return sm[1] + "../" + target.Dir + sm[4]
	})
}

// generate returns the filled-in text of directive d, without a final
// newline.
func (c *course) generate(ch *source, d directive, loadPkg func() (*goPackage, error)) (string, error) {
	switch d.kind {
	case "code":
		lang, code, err := c.listing(ch, d.arg, loadPkg)
		if err != nil {
			return "", err
		}
		return fenced(lang, code), nil
	case "output", "example":
		pkg, err := loadPkg()
		if err != nil {
			return "", err
		}
		out, err := pkg.output(d.arg)
		if err != nil {
			return "", err
		}
		if d.kind == "output" {
			return fenced("output", out), nil
		}
		code, err := pkg.decl(d.arg)
		if err != nil {
			return "", err
		}
		return fenced("go", code) + "\n" + fenced("output", out), nil
	case "include":
		text, err := c.readText(ch, d.arg)
		if err != nil {
			return "", err
		}
		return "\n" + strings.TrimRight(text, "\n") + "\n", nil
	}
	return "", fmt.Errorf("unknown directive %q", d.kind) // unreachable: openPattern lists the kinds
}

// listing resolves the argument of a code directive to a language and the
// code to show. An argument is a path when it contains "/" or "#", ends in
// ".go" or ".py", or names a file of the chapter; otherwise it names a Go
// declaration.
func (c *course) listing(ch *source, arg string, loadPkg func() (*goPackage, error)) (lang, code string, err error) {
	isPath := strings.ContainsAny(arg, "/#") || strings.HasSuffix(arg, ".go") || strings.HasSuffix(arg, ".py") ||
		!declNamePattern.MatchString(arg)
	if !isPath {
		if fi, err := os.Stat(filepath.Join(ch.path, arg)); err == nil && fi.Mode().IsRegular() {
			isPath = true
		}
	}
	if !isPath {
		pkg, err := loadPkg()
		if err != nil {
			return "", "", err
		}
		code, err := pkg.decl(arg)
		return "go", code, err
	}
	file, region, _ := strings.Cut(arg, "#")
	text, err := c.readText(ch, file)
	if err != nil {
		return "", "", err
	}
	if region != "" {
		text, err = extractRegion(text, region)
		if err != nil {
			return "", "", fmt.Errorf("%s: %w", file, err)
		}
	} else {
		text = dropRegionMarkers(text)
	}
	return languageOf(file), text, nil
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
// directory.
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
	return strings.ReplaceAll(string(b), "\r\n", "\n"), nil
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

// extractRegion returns the lines of text between "// region name" and
// "// endregion name" (or the "#" forms), without the markers of this or any
// other region, without blank lines at its start and end (so that a blank
// line may keep a marker apart from the doc comment below it), and with
// their common indentation removed.
func extractRegion(text, name string) (string, error) {
	lines := strings.SplitAfter(text, "\n")
	start := -1
	for i, l := range lines {
		m := regionMarker.FindStringSubmatch(l)
		if m == nil || m[2] != name {
			continue
		}
		switch {
		case m[1] == "region" && start >= 0:
			return "", fmt.Errorf("region %q opens twice", name)
		case m[1] == "region":
			start = i + 1
		case start < 0:
			return "", fmt.Errorf("endregion %q before its region", name)
		default:
			return dedent(trimBlankLines(dropRegionMarkers(strings.Join(lines[start:i], "")))), nil
		}
	}
	if start >= 0 {
		return "", fmt.Errorf("region %q has no endregion", name)
	}
	return "", fmt.Errorf("no region %q", name)
}

// dropRegionMarkers removes every region and endregion marker line.
func dropRegionMarkers(text string) string {
	lines := strings.SplitAfter(text, "\n")
	kept := lines[:0]
	for _, l := range lines {
		if !regionMarker.MatchString(l) {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "")
}

// trimBlankLines removes the blank lines at the start and the end of text,
// keeping the newline of its last line.
func trimBlankLines(text string) string {
	lines := strings.SplitAfter(text, "\n")
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "")
}

// dedent removes the indentation common to every non-blank line.
func dedent(text string) string {
	lines := strings.SplitAfter(text, "\n")
	prefix, first := "", true
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		indent := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		if first {
			prefix, first = indent, false
			continue
		}
		for !strings.HasPrefix(indent, prefix) {
			prefix = prefix[:len(prefix)-1]
		}
	}
	if prefix == "" {
		return text
	}
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, prefix)
	}
	return strings.Join(lines, "")
}
