package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/asyncgo/course/tools/internal/chapter"
	"github.com/asyncgo/course/tools/internal/problem"
)

// A course is the input of a build: the repository that holds the chapters,
// and the chapters in order; and what the build keeps while it lasts.
type course struct {
	root     string             // absolute path of the repository root (the directory with go.mod)
	module   string             // the module path, from go.mod
	chapters []*source          // ordered by number
	bySlug   map[string]*source // every chapter by slug

	stubs     map[string]string // exercise stubs edited in place, as committed (stubs.go)
	templates templates         // the page templates (layout.go)
	config    *config           // the site configuration (config.go)
	theme     fs.FS             // the templates, assets and configuration

	highlighted *highlightCache // the code blocks highlighted so far (see highlight.go)
}

// A source is one chapter directory as read from disk. It carries the
// template data (*Chapter) that later stages fill in.
type source struct {
	*Chapter
	name   chapter.Name
	path   string // absolute path of the chapter directory
	rel    string // slash-separated path relative to the repository root: "chapters/01-coroutines"
	readme []byte // README.md as it is on disk
}

// loadCourse reads every chapter directory under dir, checks its name and
// front matter, and returns the chapters ordered by number. It reports every
// problem it finds, not just the first.
func loadCourse(dir string) (*course, error) {
	root, module, err := chapter.Module(dir)
	if err != nil {
		return nil, err
	}
	abs, _ := filepath.Abs(dir) // chapter.Module succeeded, so Abs does too
	relDir := relSlash(root, abs)
	names, ps := chapter.List(abs, relDir)
	c := &course{root: root, module: module, bySlug: make(map[string]*source), highlighted: newHighlightCache(nil)}
	found := make([]*source, len(names))
	for i, n := range names {
		rel := relDir + "/" + n.Dir
		found[i] = &source{
			Chapter: &Chapter{
				Number:     n.Number,
				Dir:        n.Dir,
				Slug:       n.Slug,
				URL:        n.Slug + "/index.html",
				RunCommand: "go test ./" + rel + "/",
				Source:     rel + "/README.md",
			},
			name: n,
			path: filepath.Join(abs, n.Dir),
			rel:  rel,
		}
	}
	// Read the chapters in parallel.
	errs := make([]error, len(found))
	inParallel(make([]int, len(found)), func(i int) { errs[i] = found[i].load() })
	for i, src := range found {
		if errs[i] != nil {
			ps.Add(src.Source, errs[i])
			continue
		}
		c.chapters = append(c.chapters, src)
		c.bySlug[src.Slug] = src
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
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
	fm, err := chapter.ParseFrontMatter(b)
	if err != nil {
		line := 1
		if le, ok := errors.AsType[*chapter.LineError](err); ok {
			line = le.Line
		}
		return &problem.Problem{File: s.Source, Line: line, Err: err}
	}
	s.Title, s.Summary, s.Part = fm.Title, fm.Summary, fm.Part
	for _, r := range fm.Cheatsheet {
		py, _ := inlineCode(r.Python) // chapter.ParseFrontMatter checked both
		g, _ := inlineCode(r.Go)
		row := CheatRow{Python: py, Go: g, Anchor: r.Anchor, URL: s.URL, line: r.Line}
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

// linkPrerequisites points every prerequisite written as a slug to its
// chapter. A slug that names no chapter (removed, or mistyped) is a problem
// at the line of the front matter that names it. The build reports these
// with the links of the rendered READMEs, so that removing a chapter lists
// every place that named it.
func (c *course) linkPrerequisites() problem.List {
	var ps problem.List
	for _, ch := range c.chapters {
		for i, p := range ch.Prerequisites {
			if !chapter.IsSlug(p.Text) {
				continue
			}
			other, ok := c.bySlug[p.Text]
			if !ok {
				ps = append(ps, problem.Errorf(ch.Source, chapter.FrontMatterLine(ch.readme, p.Text),
					"prerequisite %q names no chapter (a chapter slug, or text with a space)", p.Text))
				continue
			}
			ch.Prerequisites[i].Chapter = other.Chapter
		}
	}
	return ps
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
