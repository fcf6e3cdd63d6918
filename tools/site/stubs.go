package main

import (
	"strings"

	"github.com/asyncgo/course/tools/internal/chapter"
)

// exerciseFile is the file of a chapter that holds the learner's stubs.
const exerciseFile = chapter.ExerciseFile

// committedStubs returns the exercise stubs that a learner changed in
// place, as git's index holds them, by the chapter's slash path relative to
// the repository root (chapter.CommittedStubs), so that the site shows the
// stub and no README changes.
func committedStubs(root string, chapters []*source) map[string]string {
	dirs := make([]string, len(chapters))
	for i, ch := range chapters {
		dirs[i] = ch.rel
	}
	stubs := make(map[string]string)
	for dir, b := range chapter.CommittedStubs(root, dirs) {
		stubs[dir] = string(b)
	}
	return stubs
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
