package chapter

import (
	"errors"
	"fmt"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"go.abhg.dev/goldmark/frontmatter"
	"gopkg.in/yaml.v3"
)

// FrontMatter is the YAML block at the top of a chapter's README.md, between
// two "---" lines. Title and summary are required; the other keys are
// optional: part groups the chapters on the index, cheatsheet feeds the
// cheat sheet, and the rest feed the teaching guide.
type FrontMatter struct {
	Title          string     `yaml:"title"`
	Summary        string     `yaml:"summary"`
	Part           string     `yaml:"part"`           // the part of the course the chapter opens or continues
	Objectives     []string   `yaml:"objectives"`     // what a learner can do afterwards
	Minutes        int        `yaml:"minutes"`        // class time, exercise included
	Prerequisites  []string   `yaml:"prerequisites"`  // chapter slugs, or text with a space
	Misconceptions []string   `yaml:"misconceptions"` // mistaken beliefs to watch for
	Exercise       string     `yaml:"exercise"`       // the exercise in one line
	Cheatsheet     []CheatRow `yaml:"cheatsheet"`     // asyncio beside Go, one row per concept
}

// A CheatRow is one row of a chapter's cheatsheet front matter: an asyncio
// concept and its Go counterpart, each one line in which `backticks` mark
// code, and optionally the id of the heading that teaches it.
type CheatRow struct {
	Python string `yaml:"python"`
	Go     string `yaml:"go"`
	Anchor string `yaml:"anchor"`
	Line   int    `yaml:"-"` // the row's line in the README
}

// UnmarshalYAML decodes a row and remembers its line, so that problems can
// name it.
func (r *CheatRow) UnmarshalYAML(n *yaml.Node) error {
	type plain CheatRow // without this method
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	*r = CheatRow(p)
	r.Line = n.Line
	return nil
}

// A LineError is a problem of the front matter at a line of the README.
type LineError struct {
	Line int
	Err  error
}

// Error returns the message, without the line.
func (e *LineError) Error() string { return e.Err.Error() }

// Unwrap returns the problem.
func (e *LineError) Unwrap() error { return e.Err }

// ParseFrontMatter returns the front matter of a README. Title, summary,
// part and exercise must each be one line; the items of the lists one
// non-empty line each. An error about one cheat sheet row is a *LineError.
func ParseFrontMatter(readme []byte) (*FrontMatter, error) {
	lines := strings.SplitAfter(string(readme), "\n")
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "---" {
		return nil, errors.New(`missing front matter: README.md must start with a "---" line`)
	}
	if FrontMatterEnd(lines) == 0 {
		return nil, errors.New(`malformed front matter: no closing "---" line`)
	}
	ctx := parser.NewContext()
	md := goldmark.New(goldmark.WithExtensions(&frontmatter.Extender{}))
	md.Parser().Parse(text.NewReader(readme), parser.WithContext(ctx))
	data := frontmatter.Get(ctx)
	if data == nil {
		return nil, errors.New("malformed front matter")
	}
	var fm FrontMatter
	if err := data.Decode(&fm); err != nil {
		return nil, fmt.Errorf("malformed front matter: %w", err)
	}
	fm.Title, fm.Summary = strings.TrimSpace(fm.Title), strings.TrimSpace(fm.Summary)
	fm.Exercise, fm.Part = strings.TrimSpace(fm.Exercise), strings.TrimSpace(fm.Part)
	switch {
	case fm.Title == "":
		return nil, errors.New("front matter has no title")
	case fm.Summary == "":
		return nil, errors.New("front matter has no summary")
	case fm.Minutes < 0:
		return nil, errors.New("front matter minutes must not be negative")
	}
	for _, f := range []struct{ key, value string }{
		{"title", fm.Title}, {"summary", fm.Summary}, {"exercise", fm.Exercise}, {"part", fm.Part},
	} {
		if strings.Contains(f.value, "\n") {
			return nil, fmt.Errorf("front matter %s must be one line", f.key)
		}
	}
	for i := range fm.Cheatsheet {
		if err := fm.Cheatsheet[i].check(i + 1); err != nil {
			return nil, err
		}
	}
	for _, list := range []struct {
		key   string
		items []string
	}{{"objectives", fm.Objectives}, {"prerequisites", fm.Prerequisites}, {"misconceptions", fm.Misconceptions}} {
		for i, item := range list.items {
			item = strings.TrimSpace(item)
			if item == "" || strings.Contains(item, "\n") {
				return nil, fmt.Errorf("front matter %s: item %d must be one non-empty line", list.key, i+1)
			}
			list.items[i] = item
		}
	}
	return &fm, nil
}

// check trims row n of the cheat sheet and checks it; it turns the row's
// line from a line of the YAML into a line of the README.
func (r *CheatRow) check(n int) error {
	r.Line++ // the opening "---" line comes before the YAML
	r.Python, r.Go = strings.TrimSpace(r.Python), strings.TrimSpace(r.Go)
	r.Anchor = strings.TrimPrefix(strings.TrimSpace(r.Anchor), "#")
	for _, cell := range []struct{ key, value string }{{"python", r.Python}, {"go", r.Go}} {
		if cell.value == "" {
			return &LineError{r.Line, fmt.Errorf("front matter cheatsheet: row %d has no %q (every row needs python and go)", n, cell.key)}
		}
		if strings.Contains(cell.value, "\n") {
			return &LineError{r.Line, fmt.Errorf("front matter cheatsheet: row %d: %s must be one line", n, cell.key)}
		}
		if _, err := SplitCode(cell.value); err != nil {
			return &LineError{r.Line, fmt.Errorf("front matter cheatsheet: row %d: %s: %w", n, cell.key, err)}
		}
	}
	if strings.ContainsAny(r.Anchor, " \t\n#") {
		return &LineError{r.Line, fmt.Errorf("front matter cheatsheet: row %d: anchor %q is not a heading id", n, r.Anchor)}
	}
	return nil
}

// A Span is a piece of one line of cheat sheet text: plain text, or code
// (written between backticks).
type Span struct {
	Text string
	Code bool
}

// SplitCode splits one line of cheat sheet text into plain text and code:
// each `backtick` pair marks code, and nothing else is markup. An odd number
// of backticks, or an empty pair, is an error.
func SplitCode(s string) ([]Span, error) {
	parts := strings.Split(s, "`")
	if len(parts)%2 == 0 {
		return nil, errors.New("unbalanced backtick: `code` needs a closing one")
	}
	var spans []Span
	for i, p := range parts {
		switch {
		case i%2 == 0 && p == "":
		case i%2 == 0:
			spans = append(spans, Span{Text: p})
		case p == "":
			return nil, errors.New("empty `` code span")
		default:
			spans = append(spans, Span{Text: p, Code: true})
		}
	}
	return spans, nil
}

// FrontMatterEnd returns the index of the first line after the front
// matter of a README split into lines, or 0 when it has none (or no
// closing "---").
func FrontMatterEnd(lines []string) int {
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

// FrontMatterLine returns the 1-based line of the front matter of readme
// that holds s, or 1.
func FrontMatterLine(readme []byte, s string) int {
	for i, l := range strings.Split(string(readme), "\n") {
		if i > 0 && strings.TrimSpace(l) == "---" {
			break
		}
		if strings.Contains(l, s) {
			return i + 1
		}
	}
	return 1
}
