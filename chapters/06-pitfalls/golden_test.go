package pitfalls

import (
	"bytes"
	"flag"
	"os"
	"testing"

	eventloop "github.com/asyncgo/course/chapters/03-event-loop"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ (timelines and bench.md)")

// checkGolden compares got with the file at path, or rewrites it with -update.
func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run '%s' -update to create it)", err, t.Name())
	}
	if !bytes.Equal(want, got) {
		t.Errorf("%s is stale: run go test -run '%s' -update\n--- got:\n%s", path, t.Name(), got)
	}
}

// checkTimeline draws tr with chapter 03's renderer and checks it against
// the golden SVG at path.
func checkTimeline(t *testing.T, path string, tr *eventloop.Trace) {
	t.Helper()
	var b bytes.Buffer
	if err := tr.SVG(&b); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, path, b.Bytes())
}
