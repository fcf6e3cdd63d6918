package cancellation

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"
)

// A Task is one named job of a group. Run receives the group's context.
type Task struct {
	Name string
	Run  func(ctx context.Context) error
}

// Cooperative returns a task that works for d and stops early when its
// context is done, returning the context's error.
func Cooperative(name string, d time.Duration) Task {
	return Task{name, func(ctx context.Context) error { return Sleep(ctx, d) }}
}

// Failing returns a task that works for d and then fails with err (or stops
// early, like Cooperative, if its context is done first).
func Failing(name string, d time.Duration, err error) Task {
	return Task{name, func(ctx context.Context) error {
		if e := Sleep(ctx, d); e != nil {
			return e
		}
		return err
	}}
}

// Deaf returns a task that works for d with time.Sleep and never looks at
// its context: cancelling the group does not shorten it.
func Deaf(name string, d time.Duration) Task {
	return Task{name, func(context.Context) error {
		time.Sleep(d)
		return nil
	}}
}

// A Span is what one task of a group did: when it started and ended,
// measured from the start of the group, and the error it returned.
type Span struct {
	Name       string
	Start, End time.Duration
	Err        error
}

// Outcome says how the span ended: "done", "canceled" or "failed".
func (s Span) Outcome() string {
	switch {
	case s.Err == nil:
		return "done"
	case errors.Is(s.Err, context.Canceled):
		return "canceled"
	default:
		return "failed"
	}
}

// A Timeline records one run of RunGroup. Times are measured from the start
// of the group; run it on fake time (testing/synctest) to get exact numbers.
type Timeline struct {
	Spans    []Span        // one per task, in the order of the tasks
	Canceled time.Duration // when the group's context was canceled
	Waited   time.Duration // when Wait returned
	Err      error         // what Wait returned
	Cause    error         // context.Cause of the group's context after Wait
}

// RunGroup runs the tasks in an errgroup.WithContext and records when each
// one started and ended, when the group's context was canceled and when Wait
// returned. The first task to fail cancels the context of the others; Wait
// still waits for every task, however long one takes to notice.
func RunGroup(ctx context.Context, tasks []Task) Timeline {
	start := time.Now()
	since := func() time.Duration { return time.Since(start) }

	g, gctx := errgroup.WithContext(ctx)
	canceled := make(chan time.Duration, 1)
	context.AfterFunc(gctx, func() { canceled <- since() })

	spans := make([]Span, len(tasks))
	for i, task := range tasks {
		g.Go(func() error {
			spans[i] = Span{Name: task.Name, Start: since()}
			err := task.Run(gctx)
			spans[i].End, spans[i].Err = since(), err
			return err
		})
	}
	err := g.Wait() // Wait cancels gctx too, so the AfterFunc always runs
	return Timeline{
		Spans:    spans,
		Waited:   since(),
		Canceled: <-canceled,
		Err:      err,
		Cause:    context.Cause(gctx),
	}
}

// String formats the timeline as a small table, one line per task, then
// when the context was canceled and what Wait returned.
func (tl Timeline) String() string {
	var b strings.Builder
	for _, s := range tl.Spans {
		fmt.Fprintf(&b, "%-2s %4v → %-4v %s", s.Name, s.Start, s.End, s.Outcome())
		if s.Err != nil {
			fmt.Fprintf(&b, ": %v", s.Err)
		}
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "context canceled at %v, cause: %v\n", tl.Canceled, tl.Cause)
	fmt.Fprintf(&b, "Wait returned at %v: %v\n", tl.Waited, tl.Err)
	return b.String()
}
