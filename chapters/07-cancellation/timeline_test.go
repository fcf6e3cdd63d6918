package cancellation

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"testing"
	"testing/synctest"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files timeline.svg and testdata/timelines.md")

// groupScenarios runs the chapter's two groups on fake time: b fails at 1s,
// and c either watches its context or ignores it.
func groupScenarios(t *testing.T) []Panel {
	errBoom := errors.New("b: boom")
	var panels []Panel
	for _, c := range []struct {
		title string
		c     Task
	}{
		{"Every task watches ctx", Cooperative("c", 3*time.Second)},
		{"c ignores ctx (time.Sleep)", Deaf("c", 3*time.Second)},
	} {
		synctest.Test(t, func(t *testing.T) {
			tl := RunGroup(t.Context(), []Task{
				Cooperative("a", 3*time.Second),
				Failing("b", time.Second, errBoom),
				c.c,
			})
			panels = append(panels, Panel{fmt.Sprintf("%s: the group ends at %v", c.title, tl.Waited), tl})
		})
	}
	return panels
}

// TestTimelineGolden draws the two groups and checks the picture and the
// text trace against the committed files (go test -update rewrites them).
func TestTimelineGolden(t *testing.T) {
	panels := groupScenarios(t)

	var svg bytes.Buffer
	err := WriteSVG(&svg, "An errgroup where task b fails at 1 second",
		"Top: tasks a, b and c start at 0; b fails at 1 s, the group's context is canceled, "+
			"a and c stop at 1 s and Wait returns at 1 s. Bottom: the same, but c sleeps with time.Sleep "+
			"and ignores its context; it runs on until 3 s and Wait returns at 3 s.", panels)
	if err != nil {
		t.Fatal(err)
	}
	var md bytes.Buffer
	for _, p := range panels {
		fmt.Fprintf(&md, "```text\n%s\n%s```\n\n", p.Title, p.Timeline)
	}
	golden(t, "timeline.svg", svg.Bytes())
	golden(t, "testdata/timelines.md", bytes.TrimSuffix(md.Bytes(), []byte("\n")))
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale; run go test -run TestTimelineGolden -update ./chapters/07-cancellation/ and look at the diff\ngot:\n%s", path, got)
	}
}
