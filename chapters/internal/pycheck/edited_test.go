package pycheck

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCheckEdited runs Check in runner mode on edited copies of the
// listings of testdata/python.
func TestCheckEdited(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("no python3")
	}
	dir := filepath.Join("testdata", "python")
	orig, err := os.ReadFile(filepath.Join(dir, "hello.py"))
	require.NoError(t, err)
	scratch := t.TempDir()
	write := func(name, text string) {
		require.NoError(t, os.WriteFile(filepath.Join(scratch, name), []byte(text), 0o644))
	}
	write("hello.py", string(orig))                                    // as shown
	write("newer.py", "import sys\nprint('edited')\nsys.exit(3)\n")    // edited: prints something else, fails
	write("skipped.py", "print('runs: the reader asked for it')\n")    // its header said "not run"
	write("mine.py", "print('a listing the chapter does not have')\n") // no output block to compare with
	t.Setenv(RunEnv, scratch)

	t.Run("check", func(t *testing.T) { Check(t, dir) })

	result := func(name string) Result {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(scratch, name+".result.json"))
		require.NoError(t, err, "runner mode writes NAME.result.json for every listing it runs")
		var r Result
		require.NoError(t, json.Unmarshal(b, &r))
		return r
	}
	hello, err := Parse(filepath.Join(dir, "hello.py"))
	require.NoError(t, err)
	assert.Equal(t, Result{Exit: 0, Want: strings.Join(hello.Want, "\n"), HasOutput: true, Matches: true}, result("hello.py"),
		"an unedited listing matches its output block")
	newer, err := Parse(filepath.Join(dir, "newer.py"))
	require.NoError(t, err)
	assert.Equal(t, Result{Exit: 3, Want: strings.Join(newer.Want, "\n"), HasOutput: true, Matches: false}, result("newer.py"),
		"want is the chapter's own output block, not the edit's")
	assert.Equal(t, 0, result("skipped.py").Exit)
	assert.Equal(t, Result{}, result("mine.py"))
}

// TestStream checks that stream passes on what a listing prints, standard
// error included, in order.
func TestStream(t *testing.T) {
	py := interpreter(t)
	if py == nil {
		t.Skip("no python3")
	}
	file := filepath.Join(t.TempDir(), "x.py")
	require.NoError(t, os.WriteFile(file, []byte("import sys\nprint('out')\nprint('err', file=sys.stderr)\nprint('  out again  ')\n"), 0o644))
	var w bytes.Buffer
	lines, exit, err := py.stream(t, file, &w)
	require.NoError(t, err)
	assert.Equal(t, 0, exit)
	assert.Equal(t, "out\nerr\n  out again  \n", w.String())
	assert.Equal(t, []string{"out", "err", "out again"}, lines, "lines are trimmed, as Check compares them")
}
