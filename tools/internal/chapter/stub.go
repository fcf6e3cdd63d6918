package chapter

import (
	"crypto/sha1"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
)

// The files of a chapter's exercise (CONTRIBUTING.md, "Exercises"): the
// learner's stubs, built with -tags learn, and the reference solution.
const (
	ExerciseFile = "exercise.go"
	SolutionFile = "solution.go"
)

// A learner may solve an exercise in the course itself, editing
// exercise.go in place. What the course shows and checks must still be the
// stub, so where a chapter has a solution.go beside its exercise.go (the
// course, not a learner's workbook, which has none), the stub is the file
// as git's index holds it. An author who changes a stub stages it (git add).

// CommittedStubs returns the exercise stubs of the chapters in dirs (slash
// paths relative to the repository root, "chapters/01-coroutines") as
// git's index holds them, by chapter directory, for the chapters that have
// a solution.go and whose exercise.go on disk differs from the index. A
// chapter missing from the map has its stub on disk. Outside a git
// checkout, or when git is missing, it returns none. It runs git once, and
// once more for each stub that differs.
func CommittedStubs(root string, dirs []string) map[string][]byte {
	var paths []string
	for _, dir := range dirs {
		if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(dir), SolutionFile)); err == nil {
			paths = append(paths, dir+"/"+ExerciseFile)
		}
	}
	if len(paths) == 0 {
		return nil
	}
	out, err := git(root, append([]string{"ls-files", "-s", "-z", "--"}, paths...)...)
	if err != nil {
		return nil
	}
	stubs := make(map[string][]byte)
	for entry := range strings.SplitSeq(strings.TrimSuffix(string(out), "\x00"), "\x00") {
		// "MODE HASH STAGE\tPATH"
		meta, p, ok := strings.Cut(entry, "\t")
		fields := strings.Fields(meta)
		if !ok || len(fields) != 3 {
			continue
		}
		disk, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p)))
		if err == nil && blobHash(disk) == fields[1] {
			continue // the common case: nothing edited in place
		}
		if b, err := git(root, "cat-file", "blob", fields[1]); err == nil {
			stubs[path.Dir(p)] = b
		}
	}
	return stubs
}

// IndexedStub returns the exercise stub of the chapter in dir (a slash
// path relative to the repository root) as git's index holds it, and
// whether git holds it: outside a git checkout, without git, or for a stub
// not yet tracked, it returns false.
func IndexedStub(root, dir string) ([]byte, bool) {
	b, err := git(root, "show", ":"+dir+"/"+ExerciseFile)
	return b, err == nil
}

// blobHash returns the name git gives a file with content b: the SHA-1 of
// "blob LEN\0" and b, in hexadecimal.
func blobHash(b []byte) string {
	h := sha1.New()
	fmt.Fprintf(h, "blob %d\x00", len(b))
	h.Write(b)
	return fmt.Sprintf("%x", h.Sum(nil))
}

// git runs git with args in dir and returns its standard output.
func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	return cmd.Output()
}
