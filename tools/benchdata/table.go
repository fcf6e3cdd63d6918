package benchdata

import (
	"errors"
	"fmt"
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

// Render returns the markdown summary of r that the benchtable command
// writes. It holds a sentence on where the results come from (from the
// configuration lines cpu, cores, goos and goarch, go, python and date);
// a table with, for each benchmark, its median ns/op, its number of runs and
// its median allocs/op; then a table of ratios.
//
// Each configuration line "ratio" asks for the ratio of two benchmarks'
// median ns/op, optionally with a target it must be at most (<=) or at least
// (>=). The benchmarks are named as [Results.Find] takes them:
//
//	ratio: LoopSwitch/tasks=100 / PullSwitch <= 1.25
//	ratio: AsyncioSwitch/tasks=100 / LoopSwitch/tasks=100 >= 8
//
// Every run must report ns/op. The summary depends only on r, so a test can
// check that a committed summary matches its results.
func Render(r *Results) (string, error) {
	if len(r.Benchmarks) == 0 {
		return "", errors.New("no benchmark results")
	}
	t := Table{Columns: []Column{
		{Heading: "benchmark"},
		{Heading: "median ns/op", Right: true},
		{Heading: "runs", Right: true},
		{Heading: "allocs/op", Right: true},
	}}
	for _, b := range r.Benchmarks {
		ns := b.Values["ns/op"]
		if len(ns) != b.Runs {
			return "", fmt.Errorf("benchmark %s: %d of its %d runs report no ns/op", b.FullName(), b.Runs-len(ns), b.Runs)
		}
		allocs := "–"
		if a := b.Values["allocs/op"]; len(a) > 0 {
			allocs = strconv.FormatFloat(Median(a), 'f', -1, 64)
		}
		t.Add("`"+r.Label(b)+"`", formatNs(Median(ns)), strconv.Itoa(len(ns)), allocs)
	}
	ratios := Table{Columns: []Column{
		{Heading: "ratio of medians"},
		{Heading: "value", Right: true},
		{Heading: "target"},
	}}
	for _, c := range r.Config {
		if c.Key != "ratio" {
			continue
		}
		row, err := ratio(r, c.Value)
		if err != nil {
			return "", fmt.Errorf("line %d: %w", c.Line, err)
		}
		ratios.Add(row...)
	}
	s := machine(r) + "\n\n" + t.String()
	if len(ratios.Rows) > 0 {
		s += "\n" + ratios.String()
	}
	return s, nil
}

// ratio returns the row of the ratio that spec, "A / B [<= or >= target]",
// asks for.
func ratio(r *Results, spec string) ([]string, error) {
	f := strings.Fields(spec)
	bad := fmt.Errorf("want \"ratio: A / B [<= or >= target]\", got %q", "ratio: "+spec)
	if (len(f) != 3 && len(f) != 5) || f[1] != "/" {
		return nil, bad
	}
	num, err := r.Median(f[0], "ns/op")
	if err != nil {
		return nil, fmt.Errorf("ratio %s / %s: %w", f[0], f[2], err)
	}
	den, err := r.Median(f[2], "ns/op")
	if err != nil {
		return nil, fmt.Errorf("ratio %s / %s: %w", f[0], f[2], err)
	}
	v := num / den
	target := "–"
	if len(f) == 5 {
		want, err := strconv.ParseFloat(f[4], 64)
		if err != nil {
			return nil, bad
		}
		switch f[3] {
		case "<=":
			target = fmt.Sprintf("at most %g: %s", want, met(v <= want))
		case ">=":
			target = fmt.Sprintf("at least %g: %s", want, met(v >= want))
		default:
			return nil, bad
		}
	}
	return []string{"`" + f[0] + "` / `" + f[2] + "`", strconv.FormatFloat(v, 'f', 2, 64), target}, nil
}

// machine describes where the results come from, from the configuration.
func machine(r *Results) string {
	var parts []string
	for _, k := range []string{"cpu", "cores", "goos", "go", "python", "date"} {
		v := r.Get(k)
		if v == "" {
			continue
		}
		switch k {
		case "cores":
			v += " cores"
		case "goos":
			if arch := r.Get("goarch"); arch != "" {
				v += "/" + arch
			}
		case "python":
			v = "Python " + v
		case "date":
			v = "on " + v
		}
		parts = append(parts, v)
	}
	s := "Medians of every run in the results file"
	if len(parts) > 0 {
		s = "Measured with " + strings.Join(parts, ", ") + ". " + s
	}
	return s + "."
}

// formatNs formats nanoseconds: whole from 100 on, else with one decimal.
func formatNs(v float64) string {
	if v >= 100 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

func met(ok bool) string {
	if ok {
		return "met"
	}
	return "**not met**"
}
