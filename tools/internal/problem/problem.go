// Package problem reports what is wrong with the course's input the way the
// tools print it: FILE:LINE: message, every problem at once, sorted.
package problem

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// A Problem is one thing wrong with the input: a directive that does not
// resolve, a broken link, a bad chapter directory. File is slash-separated
// and relative to the repository root; Line is 1-based, or 0 when the
// problem belongs to the whole file.
type Problem struct {
	File string
	Line int
	Err  error
}

// Error returns "FILE:LINE: message", or "FILE: message" without a line.
func (p *Problem) Error() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", p.File, p.Line, p.Err)
	}
	return fmt.Sprintf("%s: %v", p.File, p.Err)
}

// Unwrap returns the error the problem reports.
func (p *Problem) Unwrap() error { return p.Err }

// Errorf returns a problem at file:line with a formatted message. Like
// fmt.Errorf, it wraps an error given with %w.
func Errorf(file string, line int, format string, args ...any) *Problem {
	return &Problem{File: file, Line: line, Err: fmt.Errorf(format, args...)}
}

// A List collects problems, so that one run reports them all rather than
// only the first.
type List []*Problem

// Add appends err to l. An error that is or wraps a *Problem is kept as
// that problem; any other becomes a problem of file with no line. A nil err
// adds nothing.
func (l *List) Add(file string, err error) {
	if err == nil {
		return
	}
	if p, ok := errors.AsType[*Problem](err); ok {
		*l = append(*l, p)
		return
	}
	*l = append(*l, &Problem{File: file, Err: err})
}

// Err returns nil when l is empty, and otherwise a *ListError holding the
// problems sorted by file, line and message, without repeats.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	sorted := slices.Clone(l)
	slices.SortStableFunc(sorted, func(a, b *Problem) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Err.Error(), b.Err.Error()))
	})
	sorted = slices.CompactFunc(sorted, func(a, b *Problem) bool { return a.Error() == b.Error() })
	return &ListError{Problems: sorted}
}

// A ListError is the error of a run that found problems: one per line.
type ListError struct{ Problems []*Problem }

// Error returns the problems, one per line.
func (e *ListError) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Error())
	}
	return b.String()
}

// Unwrap lets errors.Is and errors.As look at every problem.
func (e *ListError) Unwrap() []error {
	errs := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		errs[i] = p
	}
	return errs
}
