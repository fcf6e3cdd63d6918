package chapter

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/asyncgo/course/tools/internal/problem"
)

// A Directive is one include directive of a README: an opening comment such
// as <!-- code: Countdown -->, the filled-in text, and the closing comment
// <!-- /code -->. CONTRIBUTING.md lists the kinds and their arguments.
type Directive struct {
	Kind  string // "code", "output", "example" or "include"
	Arg   string // "Countdown", "python/coro.py", "loop.go#run", ...
	Open  int    // index in the README's lines of the opening comment
	Close int    // index of the closing comment
}

// Line returns the 1-based line number of the opening comment.
func (d Directive) Line() int { return d.Open + 1 }

// A Comment is a directive comment: an opening one (Kind and Arg; Kind
// "compare" has no Arg), or a closing one (Closing, with the Kind it
// closes).
type Comment struct {
	Kind    string
	Arg     string
	Closing bool
}

// Patterns of the directive comments. A directive comment is alone on its
// line (leading and trailing space aside).
var (
	openPattern    = regexp.MustCompile(`^<!--\s*(code|output|example|include):\s*(\S.*?)\s*-->$`)
	closePattern   = regexp.MustCompile(`^<!--\s*/(code|output|example|include|compare)\s*-->$`)
	comparePattern = regexp.MustCompile(`^<!--\s*compare\s*-->$`)
	// declNamePattern matches the argument of a code directive that names
	// a declaration: Name or Type.Method.
	declNamePattern = regexp.MustCompile(`^[\pL_][\pL\pN_]*(?:\.[\pL_][\pL\pN_]*)?$`)
	// regionMarker matches "// region NAME", "# endregion NAME" and so on.
	regionMarker = regexp.MustCompile(`^\s*(?://|#)\s*(region|endregion)\s+(\S+)\s*$`)
)

// ErrUnterminated is the error of a directive without its closing comment.
var ErrUnterminated = errors.New("unterminated directive")

// ParseComment reports whether the trimmed text s is a directive comment,
// and which.
func ParseComment(s string) (Comment, bool) {
	if m := openPattern.FindStringSubmatch(s); m != nil {
		return Comment{Kind: m[1], Arg: m[2]}, true
	}
	if comparePattern.MatchString(s) {
		return Comment{Kind: "compare"}, true
	}
	if m := closePattern.FindStringSubmatch(s); m != nil {
		return Comment{Kind: m[1], Closing: true}, true
	}
	return Comment{}, false
}

// IsDeclName reports whether the argument of a code directive has the shape
// of a declaration's name (Name or Type.Method) rather than of a path. A
// path is an argument that contains "/" or "#", ends in ".go" or ".py", or
// names a file of the chapter: isFile tells that last one.
func IsDeclName(arg string, isFile func(string) bool) bool {
	return !strings.ContainsAny(arg, "/#") && !strings.HasSuffix(arg, ".go") && !strings.HasSuffix(arg, ".py") &&
		declNamePattern.MatchString(arg) && !isFile(arg)
}

// Scan finds the directives of a README split into lines; file names it in
// problems. It skips the front matter and fenced code blocks (so that a
// chapter can show the directive syntax in a code block), and reports in
// prose which lines the author writes: neither front matter, nor code
// blocks, nor filled-in text.
func Scan(file string, lines []string) (ds []Directive, prose []bool, ps problem.List) {
	prose = make([]bool, len(lines))
	compareOpen, inCompare := -1, 0
	fence := ""
	for i := FrontMatterEnd(lines); i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		if fence != "" {
			if strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
				fence = ""
			}
			continue
		}
		if f := FenceOf(t); f != "" {
			fence = f
			continue
		}
		prose[i] = true
		c, ok := ParseComment(t)
		switch {
		case !ok:
		case !c.Closing && c.Kind != "compare":
			d := Directive{Kind: c.Kind, Arg: c.Arg, Open: i, Close: -1}
			for j := i + 1; j < len(lines); j++ {
				if next, ok := ParseComment(strings.TrimSpace(lines[j])); ok {
					if next.Closing && next.Kind == d.Kind {
						d.Close = j
					}
					break
				}
			}
			if d.Close < 0 {
				ps = append(ps, problem.Errorf(file, d.Line(), "%w: <!-- %s: %s --> has no <!-- /%s --> before the next directive", ErrUnterminated, d.Kind, d.Arg, d.Kind))
				continue
			}
			ds = append(ds, d)
			inCompare++
			i = d.Close
		case c.Kind == "compare" && !c.Closing:
			if compareOpen >= 0 {
				ps = append(ps, problem.Errorf(file, compareOpen+1, "%w: <!-- compare --> has no <!-- /compare --> before the next <!-- compare -->", ErrUnterminated))
			}
			compareOpen, inCompare = i, 0
		case c.Kind != "compare":
			ps = append(ps, problem.Errorf(file, i+1, "<!-- /%s --> without an opening <!-- %s: ... -->", c.Kind, c.Kind))
		case compareOpen < 0:
			ps = append(ps, problem.Errorf(file, i+1, "<!-- /compare --> without an opening <!-- compare -->"))
		case inCompare == 0:
			ps = append(ps, problem.Errorf(file, compareOpen+1, "<!-- compare --> holds no listing directive"))
			compareOpen = -1
		default:
			compareOpen = -1
		}
	}
	if compareOpen >= 0 {
		ps = append(ps, problem.Errorf(file, compareOpen+1, "%w: <!-- compare --> has no <!-- /compare -->", ErrUnterminated))
	}
	return ds, prose, ps
}

// FenceOf returns the fence ("```", "~~~~", ...) that the trimmed line t
// opens, or "" if t does not open a fenced code block.
func FenceOf(t string) string {
	for _, c := range []string{"`", "~"} {
		n := len(t) - len(strings.TrimLeft(t, c))
		if n >= 3 && !(c == "`" && strings.Contains(t[n:], "`")) {
			return t[:n]
		}
	}
	return ""
}

// IsRegionMarker reports whether line is a region or endregion marker:
// "// region NAME", "# endregion NAME" and so on.
func IsRegionMarker(line string) bool { return regionMarker.MatchString(line) }

// A Region is the text of a named region of a file, as a listing shows it,
// and where it stands in the file.
type Region struct {
	Text        string // without markers, blank lines at the ends, or the common indentation
	First, Last int    // the 1-based lines of the file that Text shows
	Indent      string // the indentation removed from every non-blank line
}

// FindRegion returns the lines of text between "// region name" and
// "// endregion name" (or the "#" forms), without the markers of this or any
// other region, without blank lines at its start and end (so that a blank
// line may keep a marker apart from the doc comment below it), and with
// their common indentation removed.
func FindRegion(text, name string) (Region, error) {
	lines := strings.SplitAfter(text, "\n")
	start := -1
	for i, l := range lines {
		m := regionMarker.FindStringSubmatch(l)
		if m == nil || m[2] != name {
			continue
		}
		switch {
		case m[1] == "region" && start >= 0:
			return Region{}, fmt.Errorf("region %q opens twice", name)
		case m[1] == "region":
			start = i + 1
		case start < 0:
			return Region{}, fmt.Errorf("endregion %q before its region", name)
		default:
			// The indexes of the region's first and last lines that show.
			first, last := start, i-1
			for first <= last && hidden(lines[first]) {
				first++
			}
			for last >= first && hidden(lines[last]) {
				last--
			}
			text, indent := dedent(DropRegionMarkers(strings.Join(lines[first:last+1], "")))
			return Region{Text: text, First: first + 1, Last: last + 1, Indent: indent}, nil
		}
	}
	if start >= 0 {
		return Region{}, fmt.Errorf("region %q has no endregion", name)
	}
	return Region{}, fmt.Errorf("no region %q", name)
}

// hidden reports whether a line at the start or the end of a region is
// left out of its listing: a blank line or a region marker.
func hidden(line string) bool {
	return strings.TrimSpace(line) == "" || regionMarker.MatchString(line)
}

// ExtractRegion returns the text of the region called name, as FindRegion
// does.
func ExtractRegion(text, name string) (string, error) {
	r, err := FindRegion(text, name)
	return r.Text, err
}

// DropRegionMarkers removes every region and endregion marker line.
func DropRegionMarkers(text string) string {
	lines := strings.SplitAfter(text, "\n")
	kept := lines[:0]
	for _, l := range lines {
		if !regionMarker.MatchString(l) {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "")
}

// dedent removes the indentation common to every non-blank line, and
// returns it.
func dedent(text string) (string, string) {
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
		return text, ""
	}
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, prefix)
	}
	return strings.Join(lines, ""), prefix
}
