package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// verifyFixture builds a copy of the fixture, edited by mutate, as far as
// the include stage and runs the verify stage on it.
func verifyFixture(t *testing.T, mutate func(chapters string), done map[string]bool) *verified {
	t.Helper()
	chapters := copyFixture(t)
	if mutate != nil {
		mutate(chapters)
	}
	c, err := load(chapters, fixtureTheme())
	require.NoError(t, err)
	inc := include(c)
	require.NoError(t, inc.ps.Err())
	return verify(c, inc, done)
}

// showWholeListing makes the fixture show python/hello.py whole, with its
// output block, instead of a region of it.
func showWholeListing(t *testing.T) func(string) {
	return func(chapters string) {
		readme := filepath.Join(chapters, "01-hello", "README.md")
		writeFile(t, readme, strings.Replace(readFile(t, readme), "code: python/hello.py#greet", "code: python/hello.py", 1))
	}
}

func TestVerifyFixture(t *testing.T) {
	v := verifyFixture(t, nil, nil)
	require.NoError(t, v.ps.Err())
	assert.Empty(t, v.notices)
	assert.ElementsMatch(t, []string{"chapters/01-hello:ExampleGreet", "chapters/01-hello:ExampleGreeter_Greet"}, v.passed,
		"the outputs the fixture shows")

	// Outputs already verified are not checked again.
	v = verifyFixture(t, func(chapters string) {
		test := filepath.Join(chapters, "01-hello", "hello_test.go")
		writeFile(t, test, strings.Replace(readFile(t, test), `hello.Greet("Ada")`, `hello.Greet("Bob")`, 1))
	}, map[string]bool{"chapters/01-hello:ExampleGreet": true, "chapters/01-hello:ExampleGreeter_Greet": true})
	require.NoError(t, v.ps.Err(), "verify checked an output it was told was verified")
	assert.Empty(t, v.passed)
}

func TestVerifyPythonListingWithoutTest(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("no python3: the verify stage checks no Python listing")
	}
	v := verifyFixture(t, showWholeListing(t), nil)
	require.Error(t, v.ps.Err())
	assert.Contains(t, v.ps.Err().Error(),
		`chapters/01-hello/README.md:20: python/hello.py shows its output, but no test of chapters/01-hello runs it: add func TestPython`)
}

func TestVerifyWithoutPython(t *testing.T) {
	goPath, err := exec.LookPath("go")
	require.NoError(t, err)
	bin := t.TempDir()
	require.NoError(t, os.Symlink(goPath, filepath.Join(bin, "go")))
	t.Setenv("PATH", bin)
	t.Setenv("REQUIRE_PYTHON", "")

	v := verifyFixture(t, showWholeListing(t), nil)
	require.NoError(t, v.ps.Err(), "without python3, the Python listings are not checked")
	assert.Equal(t, []string{"python3 not found: the Python listings' output is not checked (REQUIRE_PYTHON=1 makes this a failure)"}, v.notices)
	assert.Len(t, v.passed, 2, "the Examples are still checked")

	t.Setenv("REQUIRE_PYTHON", "1")
	v = verifyFixture(t, showWholeListing(t), nil)
	require.Error(t, v.ps.Err(), "REQUIRE_PYTHON=1 and no python3 must fail")
	assert.Contains(t, v.ps.Err().Error(), "chapters/01-hello/README.md:20: python3 not found, and REQUIRE_PYTHON=1")
}

// realCourse loads the course's own chapters, for the tests that run its
// Python listings. It skips the test without python3, or outside the
// course.
func realCourse(t *testing.T) *course {
	t.Helper()
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("no python3")
	}
	chapters := filepath.Join("..", "..", "chapters")
	if _, err := os.Stat(chapters); err != nil {
		t.Skipf("no course chapters: %v", err)
	}
	c, err := load(chapters, theme)
	require.NoError(t, err)
	return c
}

// TestVerifyRealPythonListing checks one Python listing of the course
// through its chapter's TestPython.
func TestVerifyRealPythonListing(t *testing.T) {
	c := realCourse(t)
	inc := include(c)
	require.NoError(t, inc.ps.Err())
	checks := outputChecks(c, inc)
	i := slices.IndexFunc(checks, (*outputCheck).python)
	require.GreaterOrEqual(t, i, 0, "the course shows no Python listing whole")
	done := make(map[string]bool)
	for _, k := range checks {
		done[k.key()] = k != checks[i]
	}
	v := verify(c, inc, done)
	require.NoError(t, v.ps.Err())
	assert.Equal(t, []string{checks[i].key()}, v.passed)
}

// TestJudgePythonFailure feeds judge the events of a Python listing that
// printed something else, as go test -json reports pycheck's failure.
func TestJudgePythonFailure(t *testing.T) {
	ch := &source{Chapter: &Chapter{Source: "chapters/01-x/README.md"}, rel: "chapters/01-x"}
	k := &outputCheck{ch: ch, name: "python/a.py", lines: []int{12}}
	pkg := "example.com/m/chapters/01-x"
	events := []testEvent{
		{Action: "run", Package: pkg, Test: "TestPython"},
		{Action: "run", Package: pkg, Test: "TestPython/a.py"},
		{Action: "output", Package: pkg, Test: "TestPython/a.py", Output: "=== RUN   TestPython/a.py\n"},
		{Action: "output", Package: pkg, Test: "TestPython/a.py", Output: "    pycheck.go:127: python/a.py printed something else than its output block:\n"},
		{Action: "output", Package: pkg, Test: "TestPython/a.py", Output: "        got:\n"},
		{Action: "output", Package: pkg, Test: "TestPython/a.py", Output: "        \tb\n"},
		{Action: "output", Package: pkg, Test: "TestPython/a.py", Output: "    --- FAIL: TestPython/a.py (0.05s)\n"},
		{Action: "fail", Package: pkg, Test: "TestPython/a.py"},
		{Action: "fail", Package: pkg, Test: "TestPython"},
		{Action: "output", Package: pkg, Output: "FAIL\n"},
		{Action: "fail", Package: pkg},
	}
	ps, passed := judge("example.com/m", []*outputCheck{k}, events, "")
	assert.Empty(t, passed)
	require.Len(t, ps, 1)
	assert.Equal(t, "chapters/01-x/README.md:12: python/a.py: python/a.py printed something else than its output block:\n\tgot:\n\tb", ps[0].Error())
}

func TestLineDiff(t *testing.T) {
	tests := []struct {
		want, got      string
		missing, extra []string
	}{
		{"a\nb\nc", "a\nb\nc", nil, nil},
		{"a\nb\nc", "a\nx\nc", []string{"b"}, []string{"x"}},
		{"a\nb", "a\nb\nc", nil, []string{"c"}},
		{"a\nb\nc", "b", []string{"a", "c"}, nil},
		{"", "a", []string{""}, []string{"a"}},
	}
	for _, tt := range tests {
		missing, extra := lineDiff(strings.Split(tt.want, "\n"), strings.Split(tt.got, "\n"))
		assert.Equal(t, tt.missing, missing, "lines of %q missing from %q", tt.want, tt.got)
		assert.Equal(t, tt.extra, extra, "lines of %q not in %q", tt.got, tt.want)
	}
	assert.Equal(t, `"a", "b", "c", and 2 more lines`, quoteLines([]string{"a", "b", "c", "d", "e"}, "none"))
	assert.Equal(t, "none", quoteLines(nil, "none"))
}
