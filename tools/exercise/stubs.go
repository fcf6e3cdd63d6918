package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
)

// checkStubs checks the exercises of the course: the committed stub of
// each builds, passes go vet, and leaves the exercise's tests failing, so
// that a learner starts from a red test. It writes one line per problem and
// returns the exit status. A workbook's exercises (no solution.go) are
// the learner's own and are not checked.
func checkStubs(ctx context.Context, exs []*exercise, stdout, stderr io.Writer) int {
	bad, checked := 0, 0
	for _, ex := range exs {
		if !ex.course {
			continue
		}
		checked++
		stub := ex.original()
		if stub == nil { // no git: the file on disk is the stub
			b, err := os.ReadFile(filepath.Join(ex.dir, exerciseFile))
			if err != nil {
				fmt.Fprintf(stderr, "%s: %v\n", ex.rel, err)
				return 1
			}
			stub = b
		}
		if msg, err := ex.vet(ctx, stub); err != nil {
			fmt.Fprintf(stderr, "%s/%s: the stub as committed does not pass go vet -tags learn:\n%s\n", ex.rel, exerciseFile, msg)
			bad++
			continue
		}
		o, err := ex.test(ctx, stub)
		switch {
		case err != nil:
			fmt.Fprintf(stderr, "%s: %v\n", ex.rel, err)
			return 1
		case !o.builds:
			fmt.Fprintf(stderr, "%s/%s: the exercise's tests do not build against the stub as committed:\n%s\n", ex.rel, exerciseFile, o.output)
			bad++
		case o.solved():
			fmt.Fprintf(stderr, "%s/%s: all %d exercise tests pass against the stub as committed, so a learner would start from a solved exercise: "+
				"a stub must leave at least one test failing. (This looks only at the committed file: work of yours in exercise.go is not the cause.)\n",
				ex.rel, exerciseFile, o.total)
			bad++
		}
	}
	if bad > 0 {
		return 1
	}
	fmt.Fprintf(stdout, "exercise stubs: all %d build and fail their tests, as committed stubs should\n", checked)
	return 0
}

// vet runs go vet -tags learn on the chapter with stub in exercise.go's
// place, and returns what it printed when it fails.
func (ex *exercise) vet(ctx context.Context, stub []byte) (string, error) {
	overlay, err := writeOverlay(filepath.Join(ex.dir, exerciseFile), stub)
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(filepath.Dir(overlay))
	cmd := exec.CommandContext(ctx, "go", "vet", "-tags", "learn", "-overlay", overlay, "./"+ex.rel+"/")
	cmd.Dir = ex.root
	out, err := cmd.CombinedOutput()
	return string(out), err
}
