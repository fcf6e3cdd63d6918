package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestStubEditedInPlace solves the fixture's exercise in place, in a git
// checkout of the fixture, as a learner might: the build still shows the
// stub as committed, and no README changes.
func TestStubEditedInPlace(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	chapters := copyFixture(t)
	root := filepath.Dir(chapters)
	for _, args := range [][]string{
		{"init", "-q"}, {"add", "."},
		{"-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "fixture"},
	} {
		cmd := exec.Command("git", args...)
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	exercise := filepath.Join(chapters, "01-hello", exerciseFile)
	writeFile(t, exercise, strings.Replace(readFile(t, exercise), "\t// TODO\n\treturn \"\"", "\treturn \"SOLVED\"", 1))

	res, err := build(options{chapters: chapters, out: "out", theme: fixtureTheme()})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.readmes) > 0 || len(res.stale) > 0 {
		t.Errorf("solving the exercise in place changes a README: %v", res.stale.Err())
	}
	page := string(res.files["hello/index.html"])
	if strings.Contains(page, "SOLVED") || !strings.Contains(page, "TODO") {
		t.Errorf("the page does not show the committed stub")
	}
}
