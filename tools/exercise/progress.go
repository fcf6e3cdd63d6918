package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/fsnotify/fsnotify"
	"golang.org/x/sync/errgroup"
)

// A status is one line of make progress.
type status struct {
	ex      *exercise
	started bool
	outcome outcome
}

// String returns the status as make progress shows it: "solved",
// "failing (k of n tests pass)" or "not started".
func (s status) String() string {
	switch {
	case !s.started:
		return "not started"
	case s.outcome.solved():
		return "solved"
	case !s.outcome.builds:
		return "failing (does not build)"
	}
	return fmt.Sprintf("failing (%d of %d tests pass)", s.outcome.passed, s.outcome.total)
}

// draftPath returns where make serve keeps the learner's in-page draft of
// the exercise: .course-drafts/SLUG/exercise.go under the repository root
// (git ignores it).
func (ex *exercise) draftPath() string {
	return filepath.Join(ex.root, ".course-drafts", ex.chapter.Slug, exerciseFile)
}

// work returns the learner's work on the exercise: the in-page draft when
// there is one (in the course), else exercise.go; and whether it is a
// draft, which go test must be given as an overlay.
func (ex *exercise) work() ([]byte, bool, error) {
	if ex.course {
		if b, err := os.ReadFile(ex.draftPath()); err == nil {
			return b, true, nil
		}
	}
	b, err := os.ReadFile(filepath.Join(ex.dir, exerciseFile))
	return b, false, err
}

// check returns the exercise's status.
func (ex *exercise) check(ctx context.Context) (status, error) {
	work, draft, err := ex.work()
	if err != nil {
		return status{}, err
	}
	s := status{ex: ex}
	if orig := ex.original(); orig != nil && bytes.Equal(bytes.TrimSpace(orig), bytes.TrimSpace(work)) {
		return s, nil
	}
	s.started = true
	var overlay []byte
	if draft {
		overlay = work
	}
	s.outcome, err = ex.test(ctx, overlay)
	return s, err
}

// progress prints the status of every exercise, then a total. The
// chapters' tests run two at a time: each go test already uses every core
// to build.
func progress(ctx context.Context, exs []*exercise, w io.Writer) error {
	statuses := make([]status, len(exs))
	var g errgroup.Group
	g.SetLimit(2)
	for i, ex := range exs {
		g.Go(func() (err error) {
			statuses[i], err = ex.check(ctx)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	solved := 0
	for _, s := range statuses {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", s.ex.chapter.Dir, s.ex.title, s)
		if s.started && s.outcome.solved() {
			solved++
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "%d of %d exercises solved\n", solved, len(exs))
	return nil
}

// watchAndRerun runs an exercise again, and prints its line, whenever a Go
// file of its chapter (or its in-page draft) is saved, until ctx is done.
// Editors save in bursts (write, rename, chmod): events for one chapter
// within 200 ms run it once.
func watchAndRerun(ctx context.Context, exs []*exercise, w io.Writer) error {
	watcher, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer watcher.Close()
	byDir := make(map[string]*exercise)
	for _, ex := range exs {
		byDir[ex.dir] = ex
		if err := watcher.Add(ex.dir); err != nil {
			return err
		}
		if ex.course {
			drafts := filepath.Dir(ex.draftPath())
			if err := os.MkdirAll(drafts, 0o755); err == nil {
				byDir[drafts] = ex
				_ = watcher.Add(drafts) // drafts are optional
			}
		}
	}
	fmt.Fprintln(w, "watching the exercises: save a file to run its chapter's exercise again (Ctrl+C to stop)")
	const settle = 200 * time.Millisecond
	due := make(map[*exercise]time.Time)
	tick := time.NewTicker(settle / 4)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-watcher.Errors:
			return err
		case ev := <-watcher.Events:
			ex := byDir[filepath.Dir(ev.Name)]
			if ex != nil && strings.HasSuffix(ev.Name, ".go") && ev.Op&(fsnotify.Write|fsnotify.Create|fsnotify.Rename) != 0 {
				due[ex] = time.Now().Add(settle)
			}
		case now := <-tick.C:
			for ex, at := range due {
				if now.Before(at) {
					continue
				}
				delete(due, ex)
				s, err := ex.check(ctx)
				if err != nil {
					if ctx.Err() != nil {
						return nil
					}
					return err
				}
				fmt.Fprintf(w, "%s  %s  %s: %s\n", now.Format("15:04:05"), ex.chapter.Dir, ex.title, s)
				if s.started && !s.outcome.solved() {
					fmt.Fprintf(w, "    %s   shows why\n", ex.command())
				}
			}
		}
	}
}
