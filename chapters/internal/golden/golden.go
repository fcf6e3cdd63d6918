// Package golden compares what a test produces with a file committed under
// testdata/, and rewrites that file when the test runs with -update.
//
// Every package whose tests keep golden files imports it, so the flag is the
// same everywhere and make golden can refresh them all:
//
//	go test ./chapters/04-gather/ -run TestTimeline -update
package golden

import (
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
)

var update = flag.Bool("update", false, "rewrite the golden files with what the tests produce")

// Updating reports whether the test binary runs with -update.
func Updating() bool { return *update }

// Check compares got with the golden file at path. With -update it writes
// got to path instead (making its directory), and the test passes. A
// mismatch or a missing file fails the test with a line diff and the
// command that refreshes the file.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("%s does not exist: run go test with -update to write it (make golden refreshes every golden file)", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	assert.Equal(t, string(want), string(got),
		"%s is stale: if the change is intended, run go test with -update (make golden refreshes every golden file)", path)
}
