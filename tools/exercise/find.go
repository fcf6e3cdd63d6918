package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/asyncgo/course/tools/internal/chapter"
)

// The files of an exercise (CONTRIBUTING.md, "Exercises").
const (
	exerciseFile = chapter.ExerciseFile
	solutionFile = chapter.SolutionFile
	testFile     = "exercise_test.go"
	readmeFile   = "README.md"
)

// An exercise is one chapter's exercise.
type exercise struct {
	chapter chapter.Name
	root    string   // the repository root
	dir     string   // the chapter directory
	rel     string   // the chapter directory relative to root, with slashes: "chapters/01-coroutines"
	title   string   // its name on the page: "Zip"
	tests   []string // the Test functions of exercise_test.go
	course  bool     // a solution.go stands beside the stub, which needs -tags learn
}

// find returns the exercises of the chapters in dir, in chapter order.
func find(dir string) ([]*exercise, error) {
	root, _, err := chapter.Module(dir)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil {
		return nil, err
	}
	names, ps := chapter.List(abs, filepath.ToSlash(rel))
	if len(names) == 0 {
		return nil, ps.Err()
	}
	var exs []*exercise
	for _, n := range names {
		ex := &exercise{chapter: n, root: root, dir: filepath.Join(abs, n.Dir), rel: filepath.ToSlash(rel) + "/" + n.Dir}
		if _, err := os.Stat(filepath.Join(ex.dir, exerciseFile)); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if ex.tests, err = testNames(filepath.Join(ex.dir, testFile)); err != nil {
			return nil, err
		}
		if len(ex.tests) == 0 {
			return nil, fmt.Errorf("%s/%s: no Test functions", ex.rel, testFile)
		}
		_, err := os.Stat(filepath.Join(ex.dir, solutionFile))
		ex.course = err == nil
		ex.title = title(filepath.Join(ex.dir, readmeFile), n)
		exs = append(exs, ex)
	}
	if len(exs) == 0 {
		return nil, fmt.Errorf("%s: no chapter has an %s", dir, exerciseFile)
	}
	return exs, nil
}

// testNames returns the names of the Test functions of the Go file name.
func testNames(name string) ([]string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && strings.HasPrefix(fn.Name.Name, "Test") && fn.Name.Name != "TestMain" {
			names = append(names, fn.Name.Name)
		}
	}
	return names, nil
}

// title returns the exercise's name: the text after "## Exercise:" in the
// chapter's README, or the chapter's slug when the heading has none.
func title(readme string, n chapter.Name) string {
	b, err := os.ReadFile(readme)
	if err == nil {
		sc := bufio.NewScanner(bytes.NewReader(b))
		for sc.Scan() {
			if t, ok := strings.CutPrefix(sc.Text(), "## Exercise:"); ok && strings.TrimSpace(t) != "" {
				return strings.TrimSpace(t)
			}
		}
	}
	return n.Slug
}

// runPattern returns the -run pattern that selects exactly the exercise's
// tests.
func (ex *exercise) runPattern() string {
	return "^(" + strings.Join(ex.tests, "|") + ")$"
}

// command returns the command that runs the exercise's tests, for the
// learner to type.
func (ex *exercise) command() string {
	tags := ""
	if ex.course {
		tags = "-tags learn "
	}
	return fmt.Sprintf("go test %s-run '%s' ./%s/", tags, ex.runPattern(), ex.rel)
}

// original returns the stub as it came to the learner: in the course, as
// git's index holds it (chapter.IndexedStub); in a workbook, as its first
// commit holds it. It returns nil when git cannot tell (no git, or not a
// checkout).
func (ex *exercise) original() []byte {
	if ex.course {
		b, ok := chapter.IndexedStub(ex.root, ex.rel)
		if !ok {
			return nil
		}
		return b
	}
	first, err := git(ex.root, "rev-list", "--max-parents=0", "HEAD")
	if err != nil {
		return nil
	}
	rev := strings.TrimSpace(strings.SplitN(string(first), "\n", 2)[0]) + ":" + ex.rel + "/" + exerciseFile
	b, err := git(ex.root, "show", rev)
	if err != nil {
		return nil
	}
	return b
}

// git runs git with args in dir and returns its standard output.
func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}
