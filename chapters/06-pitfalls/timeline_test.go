package pitfalls

import (
	"testing"

	eventloop "github.com/asyncgo/course/chapters/03-event-loop"
	"github.com/asyncgo/course/chapters/internal/figure"
	"github.com/asyncgo/course/chapters/internal/golden"
)

// checkTimeline draws the trace tr, under title, and checks it against the
// golden SVG at path (go test -run <the test> -update redraws it).
func checkTimeline(t *testing.T, path, title string, tr *eventloop.Trace) {
	t.Helper()
	tl := figure.TaskTimeline{Title: title, End: tr.End}
	for _, task := range tr.Tasks {
		row := figure.TaskRow{Name: task.Name, Finished: task.Finished}
		for _, s := range task.Spans {
			row.Spans = append(row.Spans, figure.TaskSpan{State: figure.TaskState(s.State.String()), Start: s.Start, End: s.End})
		}
		tl.Rows = append(tl.Rows, row)
	}
	golden.Check(t, path, tl.SVG())
}
