package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// An outcome is what running an exercise's tests showed.
type outcome struct {
	passed, total int
	builds        bool   // the package and its tests compiled
	output        string // go test's output, for a report
}

// solved reports whether every test of the exercise passed.
func (o outcome) solved() bool { return o.builds && o.passed == o.total }

// test runs the exercise's tests. stub, when not nil, is the text to test
// in place of exercise.go (given to go test with -overlay); in the course
// the tests build with -tags learn. Go's test cache makes a run of
// unchanged files cost almost nothing.
func (ex *exercise) test(ctx context.Context, stub []byte) (outcome, error) {
	args := []string{"test", "-json", "-run", ex.runPattern()}
	if ex.course {
		args = append(args, "-tags", "learn")
	}
	if stub != nil {
		overlay, err := writeOverlay(filepath.Join(ex.dir, exerciseFile), stub)
		if err != nil {
			return outcome{}, err
		}
		defer os.RemoveAll(filepath.Dir(overlay))
		args = append(args, "-overlay", overlay)
	}
	cmd := exec.CommandContext(ctx, "go", append(args, "./"+ex.rel+"/")...)
	cmd.Dir = ex.root
	out, _ := cmd.Output() // a failing test is an outcome, not an error
	if err := ctx.Err(); err != nil {
		return outcome{}, err
	}
	return parseTestJSON(out, ex.tests), nil
}

// writeOverlay writes content to a new temporary file, and an overlay file
// for go build's -overlay flag that puts it in the place of target. It
// returns the overlay file's path; the caller removes its directory.
func writeOverlay(target string, content []byte) (string, error) {
	dir, err := os.MkdirTemp("", "exercise-overlay-")
	if err != nil {
		return "", err
	}
	replacement := filepath.Join(dir, filepath.Base(target))
	b, err := json.Marshal(map[string]map[string]string{"Replace": {target: replacement}})
	if err == nil {
		err = os.WriteFile(replacement, content, 0o644)
	}
	overlay := filepath.Join(dir, "overlay.json")
	if err == nil {
		err = os.WriteFile(overlay, b, 0o644)
	}
	if err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	return overlay, nil
}

// parseTestJSON reads go test -json's output: how many of tests passed at
// their top level, and whether the package built.
func parseTestJSON(out []byte, tests []string) outcome {
	want := make(map[string]bool)
	for _, t := range tests {
		want[t] = true
	}
	o := outcome{total: len(tests)}
	var text strings.Builder
	ran := false
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	for sc.Scan() {
		var ev struct {
			Action, Test, Output string
		}
		if json.Unmarshal(sc.Bytes(), &ev) != nil {
			continue
		}
		text.WriteString(ev.Output)
		if !want[ev.Test] {
			continue
		}
		switch ev.Action {
		case "run":
			ran = true
		case "pass":
			o.passed++
		}
	}
	o.builds = ran
	o.output = text.String()
	return o
}
