package main

import (
	"crypto/sha1"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
)

// exerciseFile is the file of a chapter that holds the learner's stubs
// (CONTRIBUTING.md, "Exercises"), and solutionFile its reference solution.
const (
	exerciseFile = "exercise.go"
	solutionFile = "solution.go"
)

// A learner may solve an exercise in the course itself, editing
// exercise.go in place. The site must still show the stub, and the README
// must not change: so where a chapter has a solution.go beside its
// exercise.go (the course, not a learner's workbook, which has none) and
// the file is in git's index, the build reads the stub as the index holds
// it. An author who changes a stub stages it (git add) for make site to
// show it.

// committedStubs returns the exercise stubs of the chapters as git's index
// holds them, by the chapter's slash path relative to the repository root,
// for the chapters whose stub on disk differs from the index. Outside a git
// checkout, or when git is missing, it returns none: the files on disk are
// all there is.
func committedStubs(root string, chapters []*source) map[string]string {
	var paths []string
	byPath := make(map[string]*source)
	for _, ch := range chapters {
		if _, err := os.Stat(filepath.Join(ch.path, solutionFile)); err != nil {
			continue
		}
		p := ch.rel + "/" + exerciseFile
		paths = append(paths, p)
		byPath[p] = ch
	}
	if len(paths) == 0 {
		return nil
	}
	cmd := exec.Command("git", append([]string{"ls-files", "-s", "-z", "--"}, paths...)...)
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		return nil
	}
	stubs := make(map[string]string)
	for entry := range strings.SplitSeq(strings.TrimSuffix(string(out), "\x00"), "\x00") {
		// "MODE HASH STAGE\tPATH"
		meta, p, ok := strings.Cut(entry, "\t")
		fields := strings.Fields(meta)
		if !ok || len(fields) != 3 || byPath[p] == nil {
			continue
		}
		disk, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p)))
		if err == nil && blobHash(disk) == fields[1] {
			continue // the common case: nothing edited in place
		}
		show := exec.Command("git", "cat-file", "blob", fields[1])
		show.Dir = root
		if b, err := show.Output(); err == nil {
			stubs[path.Dir(p)] = string(b)
		}
	}
	return stubs
}

// blobHash returns the name git gives a file with content b: the SHA-1 of
// "blob LEN\0" and b, in hexadecimal.
func blobHash(b []byte) string {
	h := sha1.New()
	fmt.Fprintf(h, "blob %d\x00", len(b))
	h.Write(b)
	return fmt.Sprintf("%x", h.Sum(nil))
}

// stubText returns the exercise stub of ch to show: the committed one when
// the learner changed exercise.go in place (see committedStubs), else the
// file as it is.
func (c *course) stubText(ch *source, onDisk string) string {
	if s, ok := c.stubs[ch.rel]; ok {
		return strings.ReplaceAll(s, "\r\n", "\n")
	}
	return onDisk
}
