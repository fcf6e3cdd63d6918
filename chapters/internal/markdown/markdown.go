// Package markdown writes the markdown fragments that chapters include from
// testdata/ with <!-- include: testdata/x.md -->: tables of results, and
// numbers written the way the prose writes them.
//
// The chapters' tests build the fragments and compare them with the committed
// files through package golden, so a fragment always matches the code or the
// results file it comes from.
package markdown

import (
	"math"
	"strconv"
	"strings"
)

// A Table is a markdown table.
type Table struct {
	Columns []Column
	Rows    [][]string // one cell for each column
}

// A Column is a table's column: its heading, and whether its cells are
// aligned to the right, as numbers are.
type Column struct {
	Heading string
	Right   bool
}

// Add appends a row.
func (t *Table) Add(cells ...string) { t.Rows = append(t.Rows, cells) }

// String returns the table in markdown: a heading row, a delimiter row
// ("---" for a column aligned to the left, "--:" to the right) and the rows,
// each line ended by a newline. A "|" in a cell is escaped.
func (t *Table) String() string {
	var b strings.Builder
	row := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + strings.ReplaceAll(c, "|", `\|`) + " |")
		}
		b.WriteString("\n")
	}
	headings := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		headings[i] = c.Heading
	}
	row(headings)
	b.WriteString("|")
	for _, c := range t.Columns {
		if c.Right {
			b.WriteString("--:|")
		} else {
			b.WriteString("---|")
		}
	}
	b.WriteString("\n")
	for _, r := range t.Rows {
		row(r)
	}
	return b.String()
}

// Thousands formats v rounded to a whole number, with commas between groups
// of three digits: 8388608 is "8,388,608".
func Thousands(v float64) string {
	s := strconv.FormatFloat(math.Round(v), 'f', 0, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// List joins words as prose does: "a", "a and b", "a, b and c".
func List(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
