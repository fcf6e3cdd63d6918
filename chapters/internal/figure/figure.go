// Package figure draws the chapters' pictures as SVG: timelines of what tasks
// did, and charts of benchmark results.
//
// The chapters' tests record what their code did (on a virtual or fake clock,
// so the record is exact) or read the committed benchmark results, draw the
// picture with this package and compare it with the committed file through
// package golden. The output depends only on the figure's fields, so a
// picture always matches the code or the results it shows. Every picture
// carries a <title> and a <desc> (the picture in words) for screen readers.
//
// One type per kind of picture:
//
//   - [TaskTimeline]: tasks of an event loop, running, ready or waiting.
//   - [RequestTimeline]: requests on a shared time axis, in panels.
//   - [GroupTimeline]: the tasks of a group, when its context was canceled
//     and when Wait returned.
//   - [WaveTimeline]: jobs run at most n at a time, coloured by wave.
//   - [SchedTimeline]: Go's scheduler from an execution trace: a lane per P,
//     a lane of system calls, threads, and numbered moments with a key.
//   - [LineChart] and [BarChart]: results on logarithmic axes.
package figure

import (
	"html"
	"math"
	"strconv"
)

// esc escapes text for an SVG element or attribute.
func esc(s string) string { return html.EscapeString(s) }

// num formats a coordinate with at most one decimal: deterministic output.
func num(v float64) string {
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}
