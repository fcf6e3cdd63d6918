package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"go.abhg.dev/goldmark/frontmatter"
	"gopkg.in/yaml.v3"
)

// A course is the input of a build: the repository that holds the chapters,
// and the chapters in order; and what the build keeps while it lasts.
type course struct {
	root     string             // absolute path of the repository root (the directory with go.mod)
	chapters []*source          // ordered by number
	bySlug   map[string]*source // every chapter by slug

	highlighted *highlightCache // the code blocks highlighted so far (see highlight.go)
}

// A source is one chapter directory as read from disk. It carries the
// template data (*Chapter) that later stages fill in.
type source struct {
	*Chapter
	path   string // absolute path of the chapter directory
	rel    string // slash-separated path relative to the repository root: "chapters/01-coroutines"
	readme []byte // README.md as it is on disk
}

// chapterDirPattern is the shape of a chapter directory name: NN-slug.
var chapterDirPattern = regexp.MustCompile(`^([0-9]{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$`)

// findRoot returns the repository root: the nearest directory at or above dir
// that holds a go.mod file.
func findRoot(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := abs; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("%s: no go.mod in this directory or any above it", dir)
		}
	}
}

// loadCourse reads every chapter directory under dir, checks its name and
// front matter, and returns the chapters ordered by number. It reports every
// problem it finds, not just the first.
func loadCourse(dir string) (*course, error) {
	root, err := findRoot(dir)
	if err != nil {
		return nil, err
	}
	abs, _ := filepath.Abs(dir) // findRoot succeeded, so Abs does too
	relDir := relSlash(root, abs)
	entries, err := os.ReadDir(abs)
	if err != nil {
		return nil, err
	}
	c := &course{root: root, bySlug: make(map[string]*source), highlighted: new(highlightCache)}
	var ps problems
	byNumber := make(map[int]*source)
	// The chapter directories to read, in order.
	var found []*source
	for _, e := range entries { // os.ReadDir sorts by name
		// internal holds the helpers shared by the chapters' tests.
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") || e.Name() == "internal" {
			continue
		}
		rel := relDir + "/" + e.Name()
		m := chapterDirPattern.FindStringSubmatch(e.Name())
		if m == nil {
			ps.add(rel, errors.New(`chapter directory name does not match NN-slug (two digits, a dash, a kebab-case slug)`))
			continue
		}
		n, _ := strconv.Atoi(m[1])
		src := &source{
			Chapter: &Chapter{
				Number:     n,
				Dir:        e.Name(),
				Slug:       m[2],
				URL:        m[2] + "/index.html",
				RunCommand: "go test ./" + rel + "/",
				Source:     rel + "/README.md",
			},
			path: filepath.Join(abs, e.Name()),
			rel:  rel,
		}
		if other, ok := byNumber[n]; ok {
			ps.add(rel, fmt.Errorf("chapter number %02d is also used by %s", n, other.rel))
			continue
		}
		if other, ok := c.bySlug[src.Slug]; ok {
			ps.add(rel, fmt.Errorf("chapter slug %q is also used by %s", src.Slug, other.rel))
			continue
		}
		byNumber[n] = src
		c.bySlug[src.Slug] = src
		found = append(found, src)
	}
	// Read the chapters in parallel.
	errs := make([]error, len(found))
	parallel(len(found), func(i int) { errs[i] = found[i].load() })
	for i, src := range found {
		if errs[i] != nil {
			ps.add(src.Source, errs[i])
			continue
		}
		c.chapters = append(c.chapters, src)
	}
	if len(entries) == 0 || (len(c.chapters) == 0 && len(ps) == 0) {
		ps.add(relDir, errors.New("no chapters: expected directories named NN-slug"))
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	slices.SortFunc(c.chapters, func(a, b *source) int { return a.Number - b.Number })
	for i, ch := range c.chapters {
		if i > 0 {
			ch.Prev = c.chapters[i-1].Chapter
		}
		if i+1 < len(c.chapters) {
			ch.Next = c.chapters[i+1].Chapter
		}
	}
	return c, nil
}

// frontMatter is the YAML block at the top of a chapter's README.md. Title
// and summary are required; the other keys are optional: part groups the
// chapters on the index, cheatsheet feeds the cheat sheet, and the rest feed
// the teaching guide.
type frontMatter struct {
	Title          string     `yaml:"title"`
	Summary        string     `yaml:"summary"`
	Part           string     `yaml:"part"`           // the part of the course the chapter opens or continues
	Objectives     []string   `yaml:"objectives"`     // what a learner can do afterwards
	Minutes        int        `yaml:"minutes"`        // class time, exercise included
	Prerequisites  []string   `yaml:"prerequisites"`  // chapter slugs, or text with a space
	Misconceptions []string   `yaml:"misconceptions"` // mistaken beliefs to watch for
	Exercise       string     `yaml:"exercise"`       // the exercise in one line
	Cheatsheet     []cheatRow `yaml:"cheatsheet"`     // asyncio beside Go, one row per concept
}

// A cheatRow is one row of a chapter's cheatsheet front matter: an asyncio
// concept and its Go counterpart, each one line in which `backticks` mark
// code, and optionally the id of the heading that teaches it.
type cheatRow struct {
	Python string `yaml:"python"`
	Go     string `yaml:"go"`
	Anchor string `yaml:"anchor"`
	line   int    // the row's line in the front matter, counted from the line after the opening "---"
}

// UnmarshalYAML decodes a row and remembers its line, so that problems can
// name it.
func (r *cheatRow) UnmarshalYAML(n *yaml.Node) error {
	type plain cheatRow // without this method
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	*r = cheatRow(p)
	r.line = n.Line
	return nil
}

// A lineError is a problem of the front matter at a line of the README.
type lineError struct {
	line int
	err  error
}

func (e *lineError) Error() string { return e.err.Error() }
func (e *lineError) Unwrap() error { return e.err }

// load reads the chapter's README.md and its front matter.
func (s *source) load() error {
	b, err := os.ReadFile(filepath.Join(s.path, "README.md"))
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%w: every chapter directory needs a README.md", errMissingFile)
	}
	if err != nil {
		return err
	}
	s.readme = b
	fm, err := parseFrontMatter(b)
	if err != nil {
		line := 1
		if le, ok := errors.AsType[*lineError](err); ok {
			line = le.line
		}
		return &problem{File: s.Source, Line: line, Err: err}
	}
	s.Title, s.Summary, s.Part = fm.Title, fm.Summary, fm.Part
	for _, r := range fm.Cheatsheet {
		py, _ := inlineCode(r.Python) // parseFrontMatter checked both
		g, _ := inlineCode(r.Go)
		row := CheatRow{Python: py, Go: g, Anchor: r.Anchor, URL: s.URL, line: r.line}
		if r.Anchor != "" {
			row.URL += "#" + r.Anchor
		}
		s.Cheatsheet = append(s.Cheatsheet, row)
	}
	s.Objectives, s.Minutes, s.Misconceptions, s.Exercise = fm.Objectives, fm.Minutes, fm.Misconceptions, fm.Exercise
	for _, p := range fm.Prerequisites {
		s.Prerequisites = append(s.Prerequisites, Prerequisite{Text: p})
	}
	return nil
}

// slugPattern is the shape of a chapter slug: kebab-case.
var slugPattern = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// linkPrerequisites points every prerequisite written as a slug to its
// chapter. A slug that names no chapter (removed, or mistyped) is a problem
// at the line of the front matter that names it. The build reports these
// with the links of the rendered READMEs, so that removing a chapter lists
// every place that named it.
func (c *course) linkPrerequisites() problems {
	var ps problems
	for _, ch := range c.chapters {
		for i, p := range ch.Prerequisites {
			if !slugPattern.MatchString(p.Text) {
				continue
			}
			other, ok := c.bySlug[p.Text]
			if !ok {
				ps = append(ps, problemf(ch.Source, frontMatterLine(ch.readme, p.Text),
					"prerequisite %q names no chapter (a chapter slug, or text with a space)", p.Text))
				continue
			}
			ch.Prerequisites[i].Chapter = other.Chapter
		}
	}
	return ps
}

// frontMatterLine returns the line of the front matter of readme that holds
// s, or 1.
func frontMatterLine(readme []byte, s string) int {
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

// parseFrontMatter returns the front matter of a README: a YAML block
// between two "---" lines at the very top. Title and summary are required
// and must each be one line.
func parseFrontMatter(readme []byte) (*frontMatter, error) {
	lines := strings.SplitAfter(string(readme), "\n")
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "---" {
		return nil, errors.New(`missing front matter: README.md must start with a "---" line`)
	}
	closed := false
	for _, l := range lines[1:] {
		if strings.TrimSpace(l) == "---" {
			closed = true
			break
		}
	}
	if !closed {
		return nil, errors.New(`malformed front matter: no closing "---" line`)
	}
	ctx := parser.NewContext()
	md := goldmark.New(goldmark.WithExtensions(&frontmatter.Extender{}))
	md.Parser().Parse(text.NewReader(readme), parser.WithContext(ctx))
	data := frontmatter.Get(ctx)
	if data == nil {
		return nil, errors.New("malformed front matter")
	}
	var fm frontMatter
	if err := data.Decode(&fm); err != nil {
		return nil, fmt.Errorf("malformed front matter: %w", err)
	}
	fm.Title, fm.Summary = strings.TrimSpace(fm.Title), strings.TrimSpace(fm.Summary)
	switch {
	case fm.Title == "":
		return nil, errors.New("front matter has no title")
	case fm.Summary == "":
		return nil, errors.New("front matter has no summary")
	case strings.Contains(fm.Title, "\n"):
		return nil, errors.New("front matter title must be one line")
	case strings.Contains(fm.Summary, "\n"):
		return nil, errors.New("front matter summary must be one line")
	case fm.Minutes < 0:
		return nil, errors.New("front matter minutes must not be negative")
	}
	fm.Exercise, fm.Part = strings.TrimSpace(fm.Exercise), strings.TrimSpace(fm.Part)
	if strings.Contains(fm.Exercise, "\n") {
		return nil, errors.New("front matter exercise must be one line")
	}
	if strings.Contains(fm.Part, "\n") {
		return nil, errors.New("front matter part must be one line")
	}
	for i := range fm.Cheatsheet {
		r := &fm.Cheatsheet[i]
		r.line++ // the opening "---" line comes before the YAML
		r.Python, r.Go = strings.TrimSpace(r.Python), strings.TrimSpace(r.Go)
		r.Anchor = strings.TrimPrefix(strings.TrimSpace(r.Anchor), "#")
		for _, cell := range []struct{ key, value string }{{"python", r.Python}, {"go", r.Go}} {
			if cell.value == "" {
				return nil, &lineError{r.line, fmt.Errorf("front matter cheatsheet: row %d has no %q (every row needs python and go)", i+1, cell.key)}
			}
			if strings.Contains(cell.value, "\n") {
				return nil, &lineError{r.line, fmt.Errorf("front matter cheatsheet: row %d: %s must be one line", i+1, cell.key)}
			}
			if _, err := inlineCode(cell.value); err != nil {
				return nil, &lineError{r.line, fmt.Errorf("front matter cheatsheet: row %d: %s: %w", i+1, cell.key, err)}
			}
		}
		if strings.ContainsAny(r.Anchor, " \t\n#") {
			return nil, &lineError{r.line, fmt.Errorf("front matter cheatsheet: row %d: anchor %q is not a heading id", i+1, r.Anchor)}
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

// relSlash returns target relative to base with forward slashes, for
// messages and URLs.
func relSlash(base, target string) string {
	rel, err := filepath.Rel(base, target)
	if err != nil {
		return filepath.ToSlash(target)
	}
	return filepath.ToSlash(rel)
}

// lineOf returns the 1-based line number of byte offset off in b.
func lineOf(b []byte, off int) int {
	off = min(max(off, 0), len(b))
	return bytes.Count(b[:off], []byte("\n")) + 1
}
