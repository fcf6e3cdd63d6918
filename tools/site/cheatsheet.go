package main

import (
	"html/template"
	"strings"

	"github.com/asyncgo/course/tools/internal/chapter"
	"github.com/asyncgo/course/tools/internal/problem"
)

// The cheat sheet (cheatsheet.html) puts every asyncio concept of the course
// beside its Go counterpart, one row each, linked to the chapter that teaches
// it. Each chapter declares its own rows in its front matter (the key
// cheatsheet, a list of python/go pairs with an optional anchor), so the
// sheet follows the chapters when they are renumbered, removed or added in a
// fork. The build gathers the rows in chapter order.

// inlineCode turns one line of cheat sheet text into HTML: the text is
// escaped, and each `backtick` pair becomes a <code> element (see
// chapter.SplitCode for the rules).
func inlineCode(s string) (template.HTML, error) {
	spans, err := chapter.SplitCode(s)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, sp := range spans {
		if sp.Code {
			b.WriteString("<code>" + template.HTMLEscapeString(sp.Text) + "</code>")
		} else {
			b.WriteString(template.HTMLEscapeString(sp.Text))
		}
	}
	return template.HTML(b.String()), nil
}

// gatherCheatsheet returns the cheat sheet rows of chapters, in chapter
// order and in the order each chapter lists them, with their chapter set.
func gatherCheatsheet(chapters []*Chapter) []CheatRow {
	var rows []CheatRow
	for _, ch := range chapters {
		for _, r := range ch.Cheatsheet {
			r.Chapter = ch
			rows = append(rows, r)
		}
	}
	return rows
}

// checkCheatsheetAnchors reports every cheat sheet row of ch whose anchor is
// not the id of a heading of the chapter's page. ids are those heading ids.
func checkCheatsheetAnchors(ch *source, ids map[string]bool) problem.List {
	var ps problem.List
	for i, r := range ch.Cheatsheet {
		if r.Anchor != "" && !ids[r.Anchor] {
			ps = append(ps, problem.Errorf(ch.Source, r.line,
				"front matter cheatsheet: row %d: anchor %q is not the id of a heading of this chapter", i+1, r.Anchor))
		}
	}
	return ps
}
