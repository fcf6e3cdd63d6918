// Package coursecopy gives the tests of the teacher's kit a copy of the
// course to run make targets on, so that the repository itself is never
// touched.
package coursecopy

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/asyncgo/course/tools/internal/chapter"
	"github.com/asyncgo/course/tools/internal/repocopy"
)

// nestedEnv is set in the environment of the commands Command returns.
// Course skips the test when it is set: make rename-module runs the copy's
// tests, which would otherwise copy the repository again, and again.
const nestedEnv = "COURSE_COPY_NESTED"

// Course copies the course repository at root into a temporary directory
// of t and returns the copy's root; the tests of the make targets run on
// it, so the repository is never touched. The copy keeps only the chapters
// named in keep ("00-introduction"), which must link only to each other,
// and the chapters' shared test helpers (chapters/internal),
// and has no docs/: a test builds the site when it needs one. Where a
// chapter has a reference solution, its exercise.go is the stub as git's
// index holds it: a learner who solved an exercise in place (which the
// course allows) must not change what the kit's tests see.
//
// Copying and building a course takes seconds, so Course skips the test
// with -short, and in the tests that a copy runs itself.
func Course(t testing.TB, root string, keep ...string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("copies and builds the course: skipped with -short")
	}
	if os.Getenv(nestedEnv) != "" {
		t.Skip("running in a copy of the repository made by another test")
	}
	dst := filepath.Join(t.TempDir(), "course")
	if err := repocopy.Copy(dst, root); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(filepath.Join(dst, "chapters"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "internal" && !slices.Contains(keep, e.Name()) {
			if err := os.RemoveAll(filepath.Join(dst, "chapters", e.Name())); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := os.RemoveAll(filepath.Join(dst, "docs")); err != nil {
		t.Fatal(err)
	}
	committedStubs(t, dst, root)
	return dst
}

// committedStubs puts in the copy dst, for every chapter with a
// solution.go, the exercise.go that git's index holds in root. Outside a
// git checkout there is nothing to restore.
func committedStubs(t testing.TB, dst, root string) {
	t.Helper()
	solutions, err := filepath.Glob(filepath.Join(dst, "chapters", "*", chapter.SolutionFile))
	if err != nil {
		t.Fatal(err)
	}
	for _, sol := range solutions {
		stub, ok := chapter.IndexedStub(root, "chapters/"+filepath.Base(filepath.Dir(sol)))
		if !ok {
			continue // not a git checkout, or the stub is not tracked yet
		}
		if err := os.WriteFile(filepath.Join(filepath.Dir(sol), chapter.ExerciseFile), stub, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Command returns the command name with args, to run in dir, a copy made
// by Course. Its environment marks it as nested (see Course).
func Command(dir, name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), nestedEnv+"=1")
	return cmd
}

// Run runs the command name with args in dir, a copy made by Course, and
// returns its combined output. It fails the test when the command fails.
func Run(t testing.TB, dir, name string, args ...string) string {
	t.Helper()
	out, err := Command(dir, name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// Fail runs the command name with args in dir, a copy made by Course, and
// returns its combined output. It fails the test when the command succeeds.
func Fail(t testing.TB, dir, name string, args ...string) string {
	t.Helper()
	out, err := Command(dir, name, args...).CombinedOutput()
	if err == nil {
		t.Fatalf("%s %s succeeded, want a failure\n%s", name, strings.Join(args, " "), out)
	}
	return string(out)
}
