package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestTeachingGuideComplete checks that every chapter of the course fills
// in the teaching guide's front matter keys, and lists rows for the cheat
// sheet. The keys are optional for the site tool (a fork may leave them
// out), but this course's own chapters have them all.
func TestTeachingGuideComplete(t *testing.T) {
	chapters := filepath.Join("..", "..", "chapters")
	entries, err := os.ReadDir(chapters)
	if err != nil {
		t.Skipf("no course chapters: %v", err)
	}
	for _, e := range entries {
		if !e.IsDir() || !chapterDirPattern.MatchString(e.Name()) {
			continue
		}
		readme := "chapters/" + e.Name() + "/README.md"
		b, err := os.ReadFile(filepath.Join(chapters, e.Name(), "README.md"))
		if err != nil {
			t.Errorf("%s: %v", readme, err)
			continue
		}
		fm, err := parseFrontMatter(b)
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
