package main

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
)

// The template data of the pages. The templates in templates/
// read these types; their field names are a contract with them.

// Site is the whole course. Its text comes from the site configuration
// (course.json, see config.go).
type Site struct {
	Title       string     // the course title
	Description string     // one sentence about the course
	Author      string     // the author line, or ""
	Repository  string     // the repository's http(s) address, or ""
	Licence     string     // the licence line
	Chapters    []*Chapter // in order
	Parts       []Part     // the chapters, in order, grouped by part
	Minutes     int        // the sum of the chapters' Minutes
	Cheatsheet  []CheatRow // every chapter's cheat sheet rows, in chapter order
}

// Part is a run of consecutive chapters of the same part of the course.
// A chapter without a part of its own continues the part before it; the
// chapters before the first part (all of them, when no chapter names one)
// form a part without a title.
type Part struct {
	Title    string     // front matter part, or "" for untitled
	Chapters []*Chapter // in order; never empty
}

// CheatRow is one row of the cheat sheet: an asyncio concept beside its Go
// counterpart, from the front matter key cheatsheet of the chapter that
// teaches it.
type CheatRow struct {
	Python  template.HTML // one line of escaped text; `backticks` became <code>
	Go      template.HTML // the same, for Go
	Anchor  string        // a heading id on the chapter's page, or ""
	URL     string        // the chapter's URL, with #Anchor when there is one
	Chapter *Chapter      // the chapter; set on the rows of Site.Cheatsheet
	line    int           // the row's line in the README, for problems
}

// Chapter is one chapter's page.
type Chapter struct {
	Number     int           // 1
	Dir        string        // "01-coroutines"
	Slug       string        // "coroutines"
	Title      string        // front matter title
	Summary    string        // front matter summary
	URL        string        // "coroutines/index.html", relative to the site root
	Body       template.HTML // the rendered README, without its leading h1
	TOC        []Heading     // the h2 and h3 headings of Body
	Prev, Next *Chapter      // nil at the ends
	RunCommand string        // "go test ./chapters/01-coroutines/"
	Source     string        // "chapters/01-coroutines/README.md"
	Part       string        // front matter part: the part it opens or continues, or ""
	Cheatsheet []CheatRow    // front matter cheatsheet: the asyncio concepts it teaches

	// The teaching guide, from the optional front matter keys of the same
	// names; empty when absent.
	Objectives     []string       // what a learner can do after the chapter
	Minutes        int            // the class time it takes, exercise included
	Prerequisites  []Prerequisite // chapters or knowledge it builds on
	Misconceptions []string       // mistaken beliefs to watch for
	Exercise       string         // the exercise, in one line
}

// Num returns the chapter's number as every page shows it: two digits,
// "03", as in its directory's name.
func (ch *Chapter) Num() string { return fmt.Sprintf("%02d", ch.Number) }

// Time returns the class time of the chapter in words ("90 minutes"), or
// "" when its front matter gives none.
func (ch *Chapter) Time() string { return minutes(ch.Minutes) }

// Time returns the class time of the whole course in words ("about 21
// hours"), or "" when no chapter gives one.
func (s *Site) Time() string {
	if s.Minutes < 120 {
		return minutes(s.Minutes)
	}
	return fmt.Sprintf("about %d hours", (s.Minutes+30)/60)
}

// minutes returns n minutes in words, or "" for none.
func minutes(n int) string {
	switch n {
	case 0:
		return ""
	case 1:
		return "1 minute"
	}
	return fmt.Sprintf("%d minutes", n)
}

// Prerequisite is one entry of a chapter's prerequisites: another chapter
// (named by its slug in the front matter), or a line of text.
type Prerequisite struct {
	Chapter *Chapter // the chapter, or nil for text
	Text    string   // the text; for a chapter, its slug
}

// Heading is an entry of a chapter's table of contents.
type Heading struct {
	Level    int    // 2 or 3
	ID, Text string // the heading's id and its plain text
}

// Page is what a template renders: one page of the site.
type Page struct {
	Site    *Site
	Chapter *Chapter // nil on index, teaching, cheatsheet, print and 404
	Kind    string   // "index", "chapter", "teaching", "cheatsheet", "print" or "404"
	Title   string   // the <title> text
	Root    string   // the way from the page to the site root: "" or "../"
}

// templates holds one template set per page kind, each parsed from
// templates/layout.html and templates/KIND.html.
type templates map[string]*template.Template

// loadTemplates parses the templates of theme, one set per kind of page.
func loadTemplates(theme fs.FS) (templates, error) {
	ts := make(templates)
	for _, kind := range []string{"index", "chapter", "teaching", "cheatsheet", "print", "404"} {
		t, err := template.New(kind).Option("missingkey=error").ParseFS(theme, "templates/layout.html", "templates/"+kind+".html")
		if err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		ts[kind] = t
	}
	return ts, nil
}

// execute renders page with the template set of its kind.
func (ts templates) execute(p *Page) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(p.bodySize() + 64<<10) // and the rest of the page
	if err := ts[p.Kind].ExecuteTemplate(&buf, "layout", p); err != nil {
		return nil, fmt.Errorf("templates: %s page: %w", p.Kind, err)
	}
	return buf.Bytes(), nil
}

// pages returns every HTML page of the site by path. printSite is the site
// with each chapter's body rendered for the print page.
func (ts templates) pages(s, printSite *Site) (map[string][]byte, error) {
	list := []*Page{
		{Site: s, Kind: "index", Title: s.Title, Root: ""},
		{Site: s, Kind: "teaching", Title: "Teaching guide · " + s.Title, Root: ""},
		{Site: s, Kind: "cheatsheet", Title: "Cheat sheet · " + s.Title, Root: ""},
		{Site: printSite, Kind: "print", Title: "All chapters · " + s.Title, Root: ""},
		{Site: s, Kind: "404", Title: "Page not found · " + s.Title, Root: ""},
	}
	paths := []string{"index.html", "teaching.html", "cheatsheet.html", "print.html", "404.html"}
	for _, ch := range s.Chapters {
		list = append(list, &Page{Site: s, Chapter: ch, Kind: "chapter", Title: ch.Title + " · " + s.Title, Root: "../"})
		paths = append(paths, ch.URL)
	}
	// Execute the templates in parallel, the largest page (print) first.
	sizes := make([]int, len(list))
	for i, p := range list {
		sizes[i] = p.bodySize()
	}
	htmls, errs := make([][]byte, len(list)), make([]error, len(list))
	inParallel(sizes, func(i int) { htmls[i], errs[i] = ts.execute(list[i]) })
	out := make(map[string][]byte)
	for i := range list {
		if errs[i] != nil {
			return nil, errs[i]
		}
		out[paths[i]] = htmls[i]
	}
	return out, nil
}

// bodySize returns the size of the chapter bodies page p shows: most of the
// page, on a chapter page and on the print page.
func (p *Page) bodySize() int {
	n := 0
	for _, ch := range p.Site.Chapters {
		if p.Kind == "print" || p.Chapter == ch {
			n += len(ch.Body)
		}
	}
	return n
}

// groupParts returns chapters grouped into parts; see Part.
func groupParts(chapters []*Chapter) []Part {
	var parts []Part
	for _, ch := range chapters {
		if len(parts) == 0 || ch.Part != "" && ch.Part != parts[len(parts)-1].Title {
			parts = append(parts, Part{Title: ch.Part})
		}
		last := &parts[len(parts)-1]
		last.Chapters = append(last.Chapters, ch)
	}
	return parts
}
