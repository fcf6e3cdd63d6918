package benefits_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/asyncgo/course/chapters/05-benefits"
	"github.com/asyncgo/course/tools/benchdata"
)

var update = flag.Bool("update", false, "rewrite the generated tables and charts in testdata/ from testdata/bench.txt")

func readResults(t *testing.T) *benchdata.Results {
	t.Helper()
	r, err := benchdata.ParseFile(filepath.Join("testdata", "bench.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestGenerated renders the tables and charts from testdata/bench.txt and
// compares them with the committed files; -update rewrites them.
func TestGenerated(t *testing.T) {
	files, err := benefits.Render(readResults(t))
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range files {
		if *update {
			if err := os.WriteFile(name, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(name)
		if err != nil {
			t.Fatalf("%v (run go test -run TestGenerated -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run go test -run TestGenerated -update ./chapters/05-benefits/", name)
		}
	}
}

// TestResultsBackTheProse checks every relation the README states against
// the committed results, so a new run of make bench cannot leave the text
// saying something the figures no longer show.
func TestResultsBackTheProse(t *testing.T) {
	s, err := benefits.Summarize(readResults(t))
	if err != nil {
		t.Fatal(err)
	}
	check := func(ok bool, claim string) {
		t.Helper()
		if !ok {
			t.Errorf("the README says %s; testdata/bench.txt does not show it", claim)
		}
	}
	check(s.Speedup(1) >= 9 && s.Speedup(2) >= 90, "10 and 100 requests ran within 10% of the ideal speedup")
	check(s.Speedup(3) >= 200 && s.Speedup(3)/1000 < s.Speedup(2)/100, "at 1,000 requests the speedup is in the hundreds and further from the ideal")
	check(s.ConcPerRequest[2] > s.SeqPerRequest[2] && s.ConcPerRequest[3] > s.SeqPerRequest[3], "without latency, 100 and 1,000 concurrent requests each took longer than sequential ones")
	check(s.DefaultDials >= 90 && s.TunedDials == 0, "the default transport dials most connections again, the tuned one none")
	check(s.Goroutine > 2*s.AsyncioTask, "a waiting goroutine weighs more than twice a waiting asyncio task")
	check(s.Goroutine > 2048 && s.Goroutine < 4096, "a goroutine is its 2 KiB stack plus less than 2 KiB more")
	check(s.Goroutine100k < 1.1*s.Goroutine, "100,000 goroutines cost no more each than 10,000")
	check(s.ThreadStack > 2000*s.Goroutine, "a goroutine and an asyncio task are thousands of times smaller than a thread's default stack")
}

func TestChartsAreDeterministicAndAccessible(t *testing.T) {
	c := benefits.LineChart{Title: "T <1>", Desc: "D", Series: []benefits.Series{{Name: "s", Points: []benefits.Point{{1, 1}, {10, 9}}}}}
	a, err := c.SVG()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := c.SVG()
	if !bytes.Equal(a, b) {
		t.Error("two renderings differ")
	}
	for _, want := range []string{"<title id=\"title\">T &lt;1&gt;</title>", "<desc id=\"desc\">D</desc>", "prefers-color-scheme:dark"} {
		if !bytes.Contains(a, []byte(want)) {
			t.Errorf("chart lacks %q", want)
		}
	}
	if _, err := (benefits.BarChart{Bars: []benefits.Bar{{Label: "zero", Value: 0}}}).SVG(); err == nil {
		t.Error("a zero on a log scale gave no error")
	}
}
