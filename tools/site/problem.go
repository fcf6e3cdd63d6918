package main

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// A problem is one thing wrong with the input: a directive that does not
// resolve, a broken link, a bad chapter directory. File is slash-separated
// and relative to the repository root; Line is 1-based, or 0 when the problem
// belongs to the whole file.
type problem struct {
	File string
	Line int
	Err  error
}

func (p *problem) Error() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", p.File, p.Line, p.Err)
	}
	return fmt.Sprintf("%s: %v", p.File, p.Err)
}

func (p *problem) Unwrap() error { return p.Err }

// problemf returns a problem at file:line with a formatted message. Like
// fmt.Errorf, it wraps an error given with %w.
func problemf(file string, line int, format string, args ...any) *problem {
	return &problem{File: file, Line: line, Err: fmt.Errorf(format, args...)}
}

// problems collects every problem of a build, so that one run reports them
// all rather than only the first.
type problems []*problem

// add appends err to ps. A *problem is kept as it is; any other error
// becomes a problem of file with no line.
func (ps *problems) add(file string, err error) {
	if err == nil {
		return
	}
	if p, ok := errors.AsType[*problem](err); ok {
		*ps = append(*ps, p)
		return
	}
	*ps = append(*ps, &problem{File: file, Err: err})
}

// err returns nil when there are no problems, and otherwise an error listing
// them all, sorted by file, line and message, one per line.
func (ps problems) err() error {
	if len(ps) == 0 {
		return nil
	}
	sorted := slices.Clone(ps)
	slices.SortStableFunc(sorted, func(a, b *problem) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Err.Error(), b.Err.Error()))
	})
	sorted = slices.CompactFunc(sorted, func(a, b *problem) bool { return a.Error() == b.Error() })
	return &problemList{sorted}
}

// A problemList is the error of a build that found problems.
type problemList struct{ list []*problem }

func (l *problemList) Error() string {
	var b strings.Builder
	for i, p := range l.list {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Error())
	}
	return b.String()
}

// Unwrap lets errors.Is and errors.As look at every problem.
func (l *problemList) Unwrap() []error {
	errs := make([]error, len(l.list))
	for i, p := range l.list {
		errs[i] = p
	}
	return errs
}
