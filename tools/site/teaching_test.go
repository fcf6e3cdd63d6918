package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/asyncgo/course/tools/internal/chapter"
)

// TestTeachingGuideComplete checks that every chapter of the course fills
// in the teaching guide's front matter keys, and lists rows for the cheat
// sheet. The keys are optional for the site tool (a fork may leave them
// out), but this course's own chapters have them all.
func TestTeachingGuideComplete(t *testing.T) {
	chapters := filepath.Join("..", "..", "chapters")
	names, _ := chapter.List(chapters, "chapters")
	if len(names) == 0 {
		t.Skip("no course chapters")
	}
	for _, n := range names {
		readme := "chapters/" + n.Dir + "/README.md"
		b, err := os.ReadFile(filepath.Join(chapters, n.Dir, "README.md"))
		if err != nil {
			t.Errorf("%s: %v", readme, err)
			continue
		}
		fm, err := chapter.ParseFrontMatter(b)
		if err != nil {
			t.Errorf("%s: %v", readme, err)
			continue
		}
		var missing []string
		for _, k := range []struct {
			key   string
			empty bool
		}{
			{"objectives", len(fm.Objectives) == 0}, {"minutes", fm.Minutes == 0},
			{"prerequisites", len(fm.Prerequisites) == 0}, {"misconceptions", len(fm.Misconceptions) == 0},
			{"exercise", fm.Exercise == ""}, {"cheatsheet", len(fm.Cheatsheet) == 0},
		} {
			if k.empty {
				missing = append(missing, k.key)
			}
		}
		if len(missing) > 0 {
			t.Errorf("%s:1: front matter lacks the teaching guide's or cheat sheet's %q (see CONTRIBUTING.md, \"The teaching guide\" and \"The cheat sheet\")", readme, missing)
		}
	}
}
