// Studentedition writes a copy of the course for students: the solutions
// removed, the exercise stubs in their place, the site rebuilt without
// solutions, and a STUDENTS.md on how to work through it. The repository it
// is run in is not changed.
//
// Usage:
//
//	go run ./tools/studentedition -out DIR [-root DIR]
//
// make student-edition OUT=DIR runs it. DIR must not exist, or be empty,
// and must lie outside the repository. In the copy, for every chapter:
//
//   - solution.go is deleted;
//   - exercise.go loses its "//go:build learn" line, so the stubs are the
//     default build and go test fails until the exercise is solved (the
//     learn tag changes nothing any more, so commands written with it still
//     work);
//   - the README's <details> blocks that include solution.go are removed.
//
// Then it runs the site tool in the copy, which refreshes the READMEs'
// included code (a listing of the exercise function now shows the stub) and
// rebuilds docs/.
//
// With -workbook (make workbook OUT=DIR) the copy is a learner's own
// workbook: the same copy, made a git repository with a first commit, so
// that the learner's work has a history and make progress can tell a stub
// as it came from one the learner has changed.
package main

import (
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/asyncgo/course/tools/internal/chapter"
	"github.com/asyncgo/course/tools/internal/repocopy"
)

// students is STUDENTS.md, written at the root of the copy.
//
//go:embed STUDENTS.md
var students []byte

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the program behind main, with its surroundings as arguments. It
// returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("studentedition", flag.ContinueOnError)
	flags.SetOutput(stderr)
	var out, root string
	var workbook bool
	flags.StringVar(&out, "out", "", "the `directory` to write the student edition to (OUT)")
	flags.BoolVar(&workbook, "workbook", false, "make the copy a learner's workbook: a git repository with a first commit")
	flags.StringVar(&root, "root", ".", "the course repository's root `directory`")
	flags.Usage = func() {
		fmt.Fprintf(stderr, "usage: go run ./tools/studentedition -out DIR [-root DIR]\n")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if flags.NArg() > 0 || out == "" {
		fmt.Fprintf(stderr, "studentedition: want -out DIR (make student-edition OUT=../handout)\n")
		return 2
	}
	n, err := write(out, root)
	if err == nil && workbook {
		err = commitAll(out)
	}
	if err != nil {
		fmt.Fprintf(stderr, "studentedition: %v\n", err)
		return 1
	}
	what := "the student edition"
	if workbook {
		what = "your workbook"
	}
	fmt.Fprintf(stdout, "wrote %s to %s: %d exercises without their solutions; see %s\n",
		what, out, n, filepath.Join(out, "STUDENTS.md"))
	return 0
}

// write writes the student edition of the course at root to out and
// returns the number of exercises it stripped of their solution.
func write(out, root string) (int, error) {
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		return 0, fmt.Errorf("%s: no go.mod: run this in the repository's root directory: %w", root, err)
	}
	if err := repocopy.Copy(out, root); err != nil {
		return 0, err
	}
	names, ps := chapter.List(filepath.Join(out, "chapters"), "chapters")
	if err := ps.Err(); err != nil {
		return 0, err
	}
	n := 0
	for _, name := range names {
		stripped, err := stripSolution(filepath.Join(out, "chapters", name.Dir))
		if err != nil {
			return 0, err
		}
		if stripped {
			n++
		}
	}
	if err := os.WriteFile(filepath.Join(out, "STUDENTS.md"), students, 0o644); err != nil {
		return 0, err
	}
	cmd := exec.Command("go", "run", "./tools/site", "-chapters", "chapters", "-out", "docs")
	cmd.Dir = out
	if b, err := cmd.CombinedOutput(); err != nil {
		return 0, fmt.Errorf("rebuilding the site in %s: %w\n%s", out, err, b)
	}
	return n, nil
}

// commitAll makes dir a git repository and commits all its files, as the
// learner when git knows who they are, else as "Course workbook".
func commitAll(dir string) error {
	git := func(args ...string) error {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if b, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("git %s in %s: %w\n%s", strings.Join(args, " "), dir, err, b)
		}
		return nil
	}
	if err := git("init", "-q"); err != nil {
		return err
	}
	if err := git("add", "-A"); err != nil {
		return err
	}
	commit := []string{"commit", "-q", "-m", "The workbook as it came: every exercise a stub"}
	who := exec.Command("git", "config", "user.email")
	who.Dir = dir
	if b, err := who.Output(); err != nil || strings.TrimSpace(string(b)) == "" {
		commit = append([]string{"-c", "user.name=Course workbook", "-c", "user.email=workbook@localhost"}, commit...)
	}
	return git(commit...)
}

// stripSolution removes the solution of the chapter in dir, if it has an
// exercise: it deletes solution.go, makes exercise.go the default build and
// removes the README's solution blocks. It reports whether the chapter had
// an exercise.
func stripSolution(dir string) (bool, error) {
	exercise := filepath.Join(dir, "exercise.go")
	src, err := os.ReadFile(exercise)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	stub, err := dropLearnTag(src)
	if err != nil {
		return false, fmt.Errorf("%s: %w", exercise, err)
	}
	if err := os.WriteFile(exercise, stub, 0o644); err != nil {
		return false, err
	}
	if err := os.Remove(filepath.Join(dir, "solution.go")); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return false, err
	}
	readme := filepath.Join(dir, "README.md")
	md, err := os.ReadFile(readme)
	if errors.Is(err, fs.ErrNotExist) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	return true, os.WriteFile(readme, dropSolutionBlocks(md), 0o644)
}

// dropLearnTag returns the stub file src without its "//go:build learn"
// line (and the blank line after it), which must come before the package
// clause.
func dropLearnTag(src []byte) ([]byte, error) {
	lines := strings.SplitAfter(string(src), "\n")
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "package ") {
			break
		}
		if t != "//go:build learn" {
			continue
		}
		rest := lines[i+1:]
		if len(rest) > 0 && strings.TrimSpace(rest[0]) == "" {
			rest = rest[1:]
		}
		return []byte(strings.Join(lines[:i], "") + strings.Join(rest, "")), nil
	}
	return nil, errors.New(`no "//go:build learn" line before the package clause`)
}

// dropSolutionBlocks returns the README md without its <details> blocks
// that include solution.go, and without the blank line after each. The
// directives are found by chapter.Scan, so a directive shown in a fenced
// code block is left alone.
func dropSolutionBlocks(md []byte) []byte {
	lines := strings.SplitAfter(string(md), "\n")
	ds, prose, _ := chapter.Scan("README.md", lines)
	drop := make([]bool, len(lines))
	for _, d := range ds {
		if file, _, _ := strings.Cut(d.Arg, "#"); d.Kind != "code" || file != "solution.go" {
			continue
		}
		start := d.Open
		for start >= 0 && !(prose[start] && strings.HasPrefix(strings.TrimSpace(lines[start]), "<details")) {
			start--
		}
		end := d.Close
		for end < len(lines) && !(prose[end] && strings.Contains(lines[end], "</details>")) {
			end++
		}
		if start < 0 || end == len(lines) {
			continue // not inside a <details> block: leave it
		}
		if end+1 < len(lines) && strings.TrimSpace(lines[end+1]) == "" {
			end++
		}
		for i := start; i <= end; i++ {
			drop[i] = true
		}
	}
	var out strings.Builder
	for i, l := range lines {
		if !drop[i] {
			out.WriteString(l)
		}
	}
	return []byte(out.String())
}
