package figure

import (
	"bytes"
	"fmt"
	"strings"
	"time"
)

// A TaskState is what a task was doing during a [TaskSpan].
type TaskState string

// The states a [TaskTimeline] draws.
const (
	Running TaskState = "running" // running on the loop: a filled bar
	Ready   TaskState = "ready"   // ready, but the loop ran something else: an outlined bar
	Waiting TaskState = "waiting" // waiting for a timer or a future: a dashed line
)

// A TaskSpan is a stretch of time a task spent in one state.
type TaskSpan struct {
	State      TaskState
	Start, End time.Duration
}

// A TaskRow is the history of one task: its spans in time order.
type TaskRow struct {
	Name     string
	Spans    []TaskSpan
	Finished bool // the task returned: its end time is written after the row
}

// A TaskTimeline is what the tasks of an event loop did: one row per task,
// time on the x-axis.
type TaskTimeline struct {
	Title string        // shown above the timeline; empty means "Event loop timeline"
	Rows  []TaskRow     // one row each, top to bottom
	End   time.Duration // the right edge, if later than every span's end
}

// Layout of a TaskTimeline, in pixels.
const (
	taskWidth  = 720
	taskLabelW = 140 // task names on the left
	taskRight  = 64  // room for "done" labels on the right
	taskTop    = 44  // title
	taskRowH   = 26
)

// taskStyle makes the picture readable in light and dark themes. Everything
// is drawn in currentColor; the picture carries its own background, so its
// contrast does not depend on the page around it.
const taskStyle = `svg{color:#1f2328}.bg{fill:#ffffff}` +
	`@media (prefers-color-scheme:dark){svg{color:#e6edf3}.bg{fill:#0d1117}}`

// SVG draws the timeline: a filled bar where a task ran, an outlined bar
// where it was ready but the loop ran something else, and a dashed line where
// it waited. A running span of zero length (common on a virtual clock) is
// drawn as a thin bar.
func (tl TaskTimeline) SVG() []byte {
	end := tl.End
	for _, row := range tl.Rows {
		for _, s := range row.Spans {
			end = max(end, s.End)
		}
	}
	if end <= 0 {
		end = time.Second
	}
	step := tickStep(end)
	x0, x1 := float64(taskLabelW), float64(taskWidth-taskRight)
	x := func(d time.Duration) float64 { return x0 + (x1-x0)*float64(d)/float64(end) }
	yAxis := taskTop + len(tl.Rows)*taskRowH + 6
	height := yAxis + 62
	title := tl.Title
	if title == "" {
		title = "Event loop timeline"
	}

	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-labelledby="timeline-title timeline-desc" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="13">`+"\n",
		taskWidth, height, taskWidth, height)
	p("<title id=\"timeline-title\">%s</title>\n", esc(title))
	p("<desc id=\"timeline-desc\">%s</desc>\n", esc(tl.describe(end)))
	p("<style>%s</style>\n", taskStyle)
	p(`<rect class="bg" width="%d" height="%d" rx="8"/>`+"\n", taskWidth, height)
	p(`<g fill="currentColor" stroke="currentColor" stroke-width="0">` + "\n")
	p(`<text x="16" y="26" font-weight="600" font-size="15">%s</text>`+"\n", esc(title))

	// Grid lines and the time axis.
	for t := time.Duration(0); t <= end; t += step {
		p(`<line x1="%s" y1="%d" x2="%s" y2="%d" stroke-width="1" stroke-opacity="0.18"/>`+"\n",
			num(x(t)), taskTop, num(x(t)), yAxis)
		p(`<line x1="%s" y1="%d" x2="%s" y2="%d" stroke-width="1"/>`+"\n", num(x(t)), yAxis, num(x(t)), yAxis+5)
		p(`<text x="%s" y="%d" text-anchor="middle" font-size="12">%s</text>`+"\n", num(x(t)), yAxis+19, t)
	}
	p(`<line x1="%s" y1="%d" x2="%s" y2="%d" stroke-width="1"/>`+"\n", num(x0), yAxis, num(x1), yAxis)

	// One row per task.
	for i, row := range tl.Rows {
		top := taskTop + i*taskRowH
		cy := float64(top) + taskRowH/2
		if i%2 == 0 {
			p(`<rect x="8" y="%d" width="%d" height="%d" rx="3" fill-opacity="0.06"/>`+"\n", top, taskWidth-16, taskRowH)
		}
		p(`<text x="16" y="%s">%s</text>`+"\n", num(cy+4.5), esc(row.Name))
		last := time.Duration(0)
		for _, s := range row.Spans {
			a, z := x(s.Start), x(s.End)
			last = max(last, s.End)
			switch s.State {
			case Running:
				p(`<rect x="%s" y="%s" width="%s" height="14" rx="2"/>`+"\n", num(a), num(cy-7), num(max(z-a, 3)))
			case Ready:
				p(`<rect x="%s" y="%s" width="%s" height="10" rx="2" fill="none" stroke-width="1.5"/>`+"\n", num(a), num(cy-5), num(max(z-a, 1)))
			case Waiting:
				p(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke-width="2" stroke-dasharray="5 4" stroke-opacity="0.75"/>`+"\n", num(a), num(cy), num(z), num(cy))
			}
		}
		if row.Finished {
			p(`<text x="%s" y="%s" font-size="12">%s</text>`+"\n", num(x(last)+7), num(cy+4), last)
		}
	}

	// The legend.
	ly := float64(yAxis + 44)
	p(`<rect x="%s" y="%s" width="22" height="14" rx="2"/>`+"\n", num(x0), num(ly-11))
	p(`<text x="%s" y="%s" font-size="12">running</text>`+"\n", num(x0+28), num(ly))
	p(`<rect x="%s" y="%s" width="22" height="10" rx="2" fill="none" stroke-width="1.5"/>`+"\n", num(x0+110), num(ly-9))
	p(`<text x="%s" y="%s" font-size="12">ready, not running</text>`+"\n", num(x0+138), num(ly))
	p(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke-width="2" stroke-dasharray="5 4" stroke-opacity="0.75"/>`+"\n", num(x0+280), num(ly-4), num(x0+302), num(ly-4))
	p(`<text x="%s" y="%s" font-size="12">waiting</text>`+"\n", num(x0+308), num(ly))
	p("</g>\n</svg>\n")
	return b.Bytes()
}

// describe tells the timeline in words, for the SVG's <desc>.
func (tl TaskTimeline) describe(end time.Duration) string {
	var b strings.Builder
	fmt.Fprintf(&b, "One row per task, time from 0s to %v.", end)
	for _, row := range tl.Rows {
		fmt.Fprintf(&b, " %s:", row.Name)
		for i, s := range row.Spans {
			if i > 0 {
				b.WriteByte(',')
			}
			if s.Start == s.End {
				fmt.Fprintf(&b, " %s at %v", s.State, s.Start)
			} else {
				fmt.Fprintf(&b, " %s from %v to %v", s.State, s.Start, s.End)
			}
		}
		if row.Finished && len(row.Spans) > 0 {
			fmt.Fprintf(&b, "; done at %v", row.Spans[len(row.Spans)-1].End)
		}
		b.WriteByte('.')
	}
	return b.String()
}

// tickStep returns the smallest of 1, 2, 5 times a power of ten (in
// nanoseconds) that puts at most 8 ticks on the axis.
func tickStep(end time.Duration) time.Duration {
	for p := time.Duration(1); ; p *= 10 {
		for _, m := range []time.Duration{1, 2, 5} {
			if end/(m*p) <= 8 {
				return m * p
			}
		}
	}
}
