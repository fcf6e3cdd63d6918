// Exercise runs the chapters' exercises: it shows a learner's progress, and
// checks that the committed stubs still leave their tests failing.
//
// Usage:
//
//	go run ./tools/exercise progress [-watch] [-chapters DIR]
//	go run ./tools/exercise stubs [-chapters DIR]
//
// progress (make progress) prints one line per chapter with an exercise:
// its name, and "solved", "failing (k of n tests pass)" or "not started",
// then a total. With -watch (make progress WATCH=1) it then waits, and runs
// a chapter's exercise again whenever one of its files is saved, like
// rustlings' watch mode, until interrupted.
//
// It works in the course and in a learner's workbook (make workbook). In
// the course, an exercise's stub is exercise.go, built with -tags learn
// beside the reference solution; a learner who does the exercise in the
// page (make serve) has a draft in .course-drafts/, which counts instead.
// In a workbook, exercise.go is the default build and there is no
// solution. An exercise is "not started" while the learner's file is the
// stub as it came: in the course, as git's index holds it; in a workbook,
// as its first commit holds it.
//
// stubs (make exercises, part of make test) checks, for every chapter of
// the course, that the stubs build and that the exercise's tests fail
// against them. It looks at the stubs as committed, so a learner who has
// solved an exercise in place does not make it fail.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is the program behind main, with its surroundings as arguments. It
// returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || (args[0] != "progress" && args[0] != "stubs") {
		fmt.Fprintln(stderr, "usage: go run ./tools/exercise progress [-watch] [-chapters DIR]")
		fmt.Fprintln(stderr, "       go run ./tools/exercise stubs [-chapters DIR]")
		return 2
	}
	cmd := args[0]
	flags := flag.NewFlagSet("exercise "+cmd, flag.ContinueOnError)
	flags.SetOutput(stderr)
	chapters := flags.String("chapters", "chapters", "the chapters `directory`")
	watch := false
	if cmd == "progress" {
		flags.BoolVar(&watch, "watch", false, "run an exercise again whenever one of its chapter's files is saved")
	}
	if err := flags.Parse(args[1:]); err != nil {
		return 2
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "exercise %s: unexpected argument %q\n", cmd, flags.Arg(0))
		return 2
	}
	exs, err := find(*chapters)
	if err != nil {
		fmt.Fprintf(stderr, "exercise %s: %v\n", cmd, err)
		return 1
	}
	if cmd == "stubs" {
		return checkStubs(ctx, exs, stdout, stderr)
	}
	if err := progress(ctx, exs, stdout); err != nil {
		fmt.Fprintf(stderr, "exercise progress: %v\n", err)
		return 1
	}
	if watch {
		if err := watchAndRerun(ctx, exs, stdout); err != nil {
			fmt.Fprintf(stderr, "exercise progress -watch: %v\n", err)
			return 1
		}
	}
	return 0
}
