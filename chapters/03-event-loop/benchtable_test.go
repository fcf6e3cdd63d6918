package eventloop_test

import (
	"os"
	"testing"

	"github.com/asyncgo/course/tools/benchdata"
)

// TestBenchTable checks that testdata/bench.md, which the README includes, is
// what tools/benchtable makes of testdata/bench.txt (make bench refreshes both).
func TestBenchTable(t *testing.T) {
	got, err := benchdata.RenderFile("testdata/bench.txt", benchdata.Render)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/bench.md")
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("testdata/bench.md does not match testdata/bench.txt: run make bench, or "+
			"go run ./tools/benchtable -o chapters/03-event-loop/testdata/bench.md chapters/03-event-loop/testdata/bench.txt\n--- got:\n%s", got)
	}
}
