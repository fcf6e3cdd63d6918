package cancellation

import (
	"bytes"
	"errors"
	"fmt"
	"testing"
	"testing/synctest"
	"time"

	"github.com/asyncgo/course/chapters/internal/figure"
	"github.com/asyncgo/course/chapters/internal/golden"
)

// A run is one titled run of RunGroup.
type run struct {
	title string
	tl    Timeline
}

// groupScenarios runs the chapter's two groups on fake time: b fails at 1s,
// and c either watches its context or ignores it.
func groupScenarios(t *testing.T) []run {
	errBoom := errors.New("b: boom")
	var runs []run
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
			runs = append(runs, run{fmt.Sprintf("%s: the group ends at %v", c.title, tl.Waited), tl})
		})
	}
	return runs
}

// TestTimelineGolden draws the two groups and checks the picture and the
// text trace against the committed files (go test -run TestTimelineGolden
// -update rewrites them; then look at the diff).
func TestTimelineGolden(t *testing.T) {
	runs := groupScenarios(t)

	fig := figure.GroupTimeline{
		Title: "An errgroup where task b fails at 1 second",
		Desc: "Top: tasks a, b and c start at 0; b fails at 1 s, the group's context is canceled, " +
			"a and c stop at 1 s and Wait returns at 1 s. Bottom: the same, but c sleeps with time.Sleep " +
			"and ignores its context; it runs on until 3 s and Wait returns at 3 s.",
	}
	var md bytes.Buffer
	for _, r := range runs {
		p := figure.GroupPanel{Title: r.title, Canceled: r.tl.Canceled, Waited: r.tl.Waited}
		for _, s := range r.tl.Spans {
			p.Tasks = append(p.Tasks, figure.GroupTask{Name: s.Name, Start: s.Start, End: s.End, Outcome: s.Outcome()})
		}
		fig.Panels = append(fig.Panels, p)
		fmt.Fprintf(&md, "```text\n%s\n%s```\n\n", r.title, r.tl)
	}
	golden.Check(t, "timeline.svg", fig.SVG())
	golden.Check(t, "testdata/timelines.md", bytes.TrimSuffix(md.Bytes(), []byte("\n")))
}
