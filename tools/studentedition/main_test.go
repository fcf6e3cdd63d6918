package main

import (
	"bytes"
	"crypto/sha256"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asyncgo/course/tools/internal/coursecopy"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestDropLearnTag(t *testing.T) {
	got, err := dropLearnTag([]byte("// Copyright line.\n\n//go:build learn\n\npackage x\n\n//go:build learn\n"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "// Copyright line.\n\npackage x\n\n//go:build learn\n"; string(got) != want {
		t.Errorf("dropLearnTag = %q, want %q", got, want)
	}
	if _, err := dropLearnTag([]byte("package x\n\n//go:build learn\n")); err == nil {
		t.Errorf("dropLearnTag of a file without the tag before the package clause: no error")
	}
}

func TestDropSolutionBlocks(t *testing.T) {
	md := "## Exercise\n\n<!-- code: TestX -->\n<!-- /code -->\n\n" +
		"<details><summary>Solution</summary>\n\n<!-- code: solution.go -->\n```go\nfunc X() {}\n```\n<!-- /code -->\n\n</details>\n\n" +
		"<details><summary>A hint</summary>\n\nUse a channel.\n\n</details>\n\n" +
		"````markdown\n<details><summary>Solution</summary>\n\n<!-- code: solution.go -->\n```go\n```\n<!-- /code -->\n\n</details>\n````\n\n" +
		"## Further reading\n"
	want := "## Exercise\n\n<!-- code: TestX -->\n<!-- /code -->\n\n" +
		"<details><summary>A hint</summary>\n\nUse a channel.\n\n</details>\n\n" +
		"````markdown\n<details><summary>Solution</summary>\n\n<!-- code: solution.go -->\n```go\n```\n<!-- /code -->\n\n</details>\n````\n\n" +
		"## Further reading\n"
	if got := string(dropSolutionBlocks([]byte(md))); got != want {
		t.Errorf("dropSolutionBlocks =\n%s\nwant\n%s", got, want)
	}
}

func TestRefuses(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("module x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	full := t.TempDir()
	if err := os.WriteFile(filepath.Join(full, "x"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"-root", root}, 2, "want -out DIR"},
		{[]string{"-root", root, "-out", filepath.Join(root, "handout")}, 1, "is inside the repository"},
		{[]string{"-root", root, "-out", full}, 1, "exists and is not empty"},
		{[]string{"-root", t.TempDir(), "-out", filepath.Join(t.TempDir(), "h")}, 1, "no go.mod"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(tt.args, &stdout, &stderr); code != tt.code || !strings.Contains(stderr.String(), tt.want) {
			t.Errorf("run %q: exit %d, %q; want %d and %q", tt.args, code, stderr.String(), tt.code, tt.want)
		}
	}
}

// hashes returns the SHA-256 of every file under root, .git excluded.
func hashes(t *testing.T, root string) map[string][32]byte {
	t.Helper()
	m := make(map[string][32]byte)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		m[p] = sha256.Sum256(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestMakeStudentEdition runs make student-edition on a copy of the
// repository and works through the handout as a student would.
func TestMakeStudentEdition(t *testing.T) {
	course := coursecopy.Course(t, filepath.Join("..", ".."), "00-introduction", "01-coroutines", "02-await")
	coursecopy.Run(t, course, "make", "site")
	before := hashes(t, course)
	out := filepath.Join(t.TempDir(), "handout")
	coursecopy.Run(t, course, "make", "student-edition", "OUT="+out)

	after := hashes(t, course)
	if len(after) != len(before) {
		t.Errorf("the repository has %d files after, %d before", len(after), len(before))
	}
	for p, h := range before {
		if after[p] != h {
			t.Errorf("make student-edition changed %s", p)
		}
	}

	if _, err := os.Stat(filepath.Join(out, "STUDENTS.md")); err != nil {
		t.Error(err)
	}
	for _, ch := range []string{"00-introduction", "01-coroutines", "02-await"} {
		dir := filepath.Join(out, "chapters", ch)
		if _, err := os.Stat(filepath.Join(dir, "solution.go")); err == nil {
			t.Errorf("%s: solution.go is still there", ch)
		}
		b, err := os.ReadFile(filepath.Join(dir, "exercise.go"))
		if err != nil || bytes.Contains(b, []byte("//go:build")) {
			t.Errorf("%s: exercise.go still has a build tag: %v", ch, err)
		}
		b, err = os.ReadFile(filepath.Join(dir, "README.md"))
		if err != nil || bytes.Contains(b, []byte("reference solution</summary>")) || bytes.Contains(b, []byte("code: solution.go")) {
			t.Errorf("%s: README.md still shows the solution: %v", ch, err)
		}
	}
	err := filepath.WalkDir(filepath.Join(out, "docs"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if bytes.Contains(b, []byte(">Show the reference solution<")) || bytes.Contains(b, []byte(">Solution<")) {
			t.Errorf("%s shows a solution", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}

	// The handout builds and vets; the site is current; each exercise fails
	// until solved, while the chapter's own tests pass.
	coursecopy.Run(t, out, "go", "vet", "./...")
	coursecopy.Run(t, out, "go", "run", "./tools/site", "-check")
	coursecopy.Run(t, out, "make", "exercises")
	got := coursecopy.Fail(t, out, "go", "test", "-count=1", "./chapters/00-introduction/")
	if !strings.Contains(got, "--- FAIL: TestGreetEach") || strings.Contains(got, "--- FAIL: TestGreetAll") {
		t.Errorf("go test in the handout should fail in the exercise only:\n%s", got)
	}
	coursecopy.Run(t, out, "go", "test", "-count=1", "-run", "TestGreetAll|ExampleGreetAll", "./chapters/00-introduction/")

	// A second edition into the same place is refused.
	if msg := coursecopy.Fail(t, course, "make", "student-edition", "OUT="+out); !strings.Contains(msg, "exists and is not empty") {
		t.Errorf("a second make student-edition into %s: %s", out, msg)
	}
}

// TestMakeWorkbook makes a learner's workbook from a copy of the course and
// works through it as a learner would: every exercise fails until solved,
// make progress follows along, and the workbook's own site shows the
// learner's code.
func TestMakeWorkbook(t *testing.T) {
	chapters := []string{"00-introduction", "01-coroutines", "02-await"}
	course := coursecopy.Course(t, filepath.Join("..", ".."), chapters...)
	out := filepath.Join(t.TempDir(), "workbook")
	coursecopy.Run(t, course, "make", "workbook", "OUT="+out)

	if got := strings.TrimSpace(coursecopy.Run(t, out, "git", "status", "--porcelain")); got != "" {
		t.Errorf("the workbook is not a git repository with everything committed:\n%s", got)
	}
	coursecopy.Run(t, out, "go", "vet", "./...")
	for _, ch := range chapters {
		coursecopy.Fail(t, out, "go", "test", "-count=1", "./chapters/"+ch+"/")
	}
	progress := coursecopy.Run(t, out, "make", "progress")
	if strings.Count(progress, "not started") != len(chapters) || !strings.Contains(progress, "0 of 3 exercises solved") {
		t.Errorf("make progress in a new workbook:\n%s", progress)
	}

	// Solve every exercise with the reference solution.
	for _, ch := range chapters {
		b, err := os.ReadFile(filepath.Join(course, "chapters", ch, "solution.go"))
		if err != nil {
			t.Fatal(err)
		}
		solved := strings.Replace(string(b), "//go:build !learn\n\n", "", 1)
		if err := os.WriteFile(filepath.Join(out, "chapters", ch, "exercise.go"), []byte(solved), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	progress = coursecopy.Run(t, out, "make", "progress")
	if strings.Count(progress, "solved") != len(chapters)+1 || !strings.Contains(progress, "3 of 3 exercises solved") {
		t.Errorf("make progress with every exercise solved:\n%s", progress)
	}
	coursecopy.Run(t, out, "go", "test", "-count=1", "./chapters/...")
	coursecopy.Run(t, out, "make", "site")
	page, err := os.ReadFile(filepath.Join(out, "docs", "introduction", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(page, []byte("// TODO")) {
		t.Errorf("the workbook's site still shows the stub after make site")
	}
}
