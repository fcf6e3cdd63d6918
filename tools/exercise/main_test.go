package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/asyncgo/course/tools/internal/chapter"
	"github.com/asyncgo/course/tools/internal/coursecopy"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestParseTestJSON(t *testing.T) {
	out := `{"Action":"run","Test":"TestA"}
{"Action":"output","Test":"TestA","Output":"--- PASS: TestA\n"}
{"Action":"pass","Test":"TestA"}
{"Action":"run","Test":"TestB"}
{"Action":"run","Test":"TestB/sub"}
{"Action":"fail","Test":"TestB/sub"}
{"Action":"fail","Test":"TestB"}
{"Action":"run","Test":"TestOther"}
{"Action":"pass","Test":"TestOther"}
`
	o := parseTestJSON([]byte(out), []string{"TestA", "TestB"})
	assert.Equal(t, outcome{passed: 1, total: 2, builds: true, output: "--- PASS: TestA\n"}, o)
	assert.Equal(t, "failing (1 of 2 tests pass)", status{started: true, outcome: o}.String())

	broken := parseTestJSON([]byte(`{"Action":"build-output","Output":"x.go:1: syntax error\n"}`+"\n"+`{"Action":"fail"}`), []string{"TestA"})
	assert.False(t, broken.builds, "no test ran: the package does not build")
	assert.Equal(t, "failing (does not build)", status{started: true, outcome: broken}.String())
	assert.Equal(t, "not started", status{}.String())
	assert.Equal(t, "solved", status{started: true, outcome: outcome{passed: 2, total: 2, builds: true}}.String())
}

func TestTitle(t *testing.T) {
	dir := t.TempDir()
	readme := filepath.Join(dir, "README.md")
	require.NoError(t, os.WriteFile(readme, []byte("# X\n\n## Exercise: Zip two sequences\n"), 0o644))
	n := chapter.Name{Number: 1, Slug: "coroutines", Dir: "01-coroutines"}
	assert.Equal(t, "Zip two sequences", title(readme, n))
	assert.Equal(t, "coroutines", title(filepath.Join(dir, "missing.md"), n), "without a titled heading, the slug")
}

// TestSolveInPlace solves every exercise of a copy of the course in place,
// in exercise.go, as a learner who did not make a workbook would: git shows
// only the exercise files changed, make site changes no README and nothing
// in docs/, make exercises still passes, and make progress counts them
// solved.
func TestSolveInPlace(t *testing.T) {
	chapters := []string{"00-introduction", "01-coroutines", "02-await"}
	course := coursecopy.Course(t, filepath.Join("..", ".."), chapters...)
	coursecopy.Run(t, course, "make", "site")
	coursecopy.Run(t, course, "git", "init", "-q")
	coursecopy.Run(t, course, "git", "add", "-A")
	coursecopy.Run(t, course, "git", "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "course")

	progress := coursecopy.Run(t, course, "make", "progress")
	assert.Contains(t, progress, "0 of 3 exercises solved")
	for _, ch := range chapters {
		dir := filepath.Join(course, "chapters", ch)
		b, err := os.ReadFile(filepath.Join(dir, "solution.go"))
		require.NoError(t, err)
		solved := strings.Replace(string(b), "//go:build !learn", "//go:build learn", 1)
		require.NoError(t, os.WriteFile(filepath.Join(dir, "exercise.go"), []byte(solved), 0o644))
	}
	coursecopy.Run(t, course, "make", "site")
	status := coursecopy.Run(t, course, "git", "status", "--porcelain")
	var changed []string
	for line := range strings.Lines(strings.TrimSpace(status)) {
		changed = append(changed, strings.TrimSpace(line))
	}
	assert.Equal(t, []string{
		"M chapters/00-introduction/exercise.go",
		"M chapters/01-coroutines/exercise.go",
		"M chapters/02-await/exercise.go",
	}, changed, "solving the exercises in place and running make site may change the exercise files only")
	coursecopy.Run(t, course, "make", "exercises")
	progress = coursecopy.Run(t, course, "make", "progress")
	assert.Contains(t, progress, "3 of 3 exercises solved")
}

// TestIncompleteSolutionsFail runs three exercises' tests against a
// reference solution with one promise left out, the gaps a review found
// untested: each must fail, in the test that checks that promise.
func TestIncompleteSolutionsFail(t *testing.T) {
	if testing.Short() {
		t.Skip("builds three chapters' tests: skipped with -short")
	}
	tests := []struct {
		chapter, old, new, test string
	}{
		// "If t itself is cancelled, WaitFor cancels f too."
		{"03-event-loop", "\t\tf.Cancel()\n\t\treturn zero, err\n", "\t\treturn zero, err\n", "TestWaitForCancelledCancelsF"},
		// "Yield after each chunk but the last."
		{"06-pitfalls", "\t\tif d > 0 {\n\t\t\tif err := t.Yield()", "\t\tif true {\n\t\t\tif err := t.Yield()", "TestChunkedYieldsBetweenChunks"},
		// When ctx ends during the last call, the error wraps context.Cause.
		{"07-cancellation", "\tif ctx.Err() != nil {\n\t\treturn fmt.Errorf(\"retry: gave up: %w\", context.Cause(ctx))\n\t}\n", "", "TestRetryStopsDuringTheLastCall"},
	}
	root := filepath.Join("..", "..")
	for _, tt := range tests {
		t.Run(tt.chapter, func(t *testing.T) {
			dir := filepath.Join(root, "chapters", tt.chapter)
			b, err := os.ReadFile(filepath.Join(dir, "solution.go"))
			if os.IsNotExist(err) {
				t.Skipf("chapters/%s is not in this copy of the course", tt.chapter)
			}
			require.NoError(t, err)
			require.Contains(t, string(b), tt.old, "the reference solution changed: update this test's edit")
			incomplete := strings.Replace(string(b), tt.old, tt.new, 1)
			abs, err := filepath.Abs(filepath.Join(dir, "solution.go"))
			require.NoError(t, err)
			overlay, err := writeOverlay(abs, []byte(incomplete))
			require.NoError(t, err)
			defer os.RemoveAll(filepath.Dir(overlay))
			ex := &exercise{root: root, rel: "chapters/" + tt.chapter, tests: []string{tt.test}}
			cmd := exec.Command("go", "test", "-count=1", "-overlay", overlay, "-run", ex.runPattern(), "./"+ex.rel+"/")
			cmd.Dir = root
			out, err := cmd.CombinedOutput()
			assert.Error(t, err, "the tests pass against a solution that leaves out what %s checks:\n%s", tt.test, out)
			assert.Contains(t, string(out), "--- FAIL: "+tt.test)
		})
	}
}
