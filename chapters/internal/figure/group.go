package figure

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// A GroupTask is what one task of a group did, as a [GroupTimeline] draws
// it: when it started and ended, measured from the start of the group, and
// how it ended.
type GroupTask struct {
	Name       string
	Start, End time.Duration
	Outcome    string // "done", "canceled" or "failed"
}

// A GroupPanel is one titled run of a group.
type GroupPanel struct {
	Title    string
	Tasks    []GroupTask   // one lane each, top to bottom
	Canceled time.Duration // when the group's context was canceled
	Waited   time.Duration // when Wait returned
}

// A GroupTimeline draws runs of a group of tasks one above the other: a bar
// per task from its start to its end, the moment the group's context was
// canceled (dashed) and the moment Wait returned (solid). The part of a bar
// after the cancellation is drawn in amber: work nobody wanted any more.
type GroupTimeline struct {
	Title, Desc string // the picture's accessible name and description
	Panels      []GroupPanel
}

// Layout of a GroupTimeline, in SVG user units.
const (
	groupLeft    = 70  // x of time 0
	groupPerSec  = 150 // width of one second
	groupRight   = 190 // room after the last second for labels
	groupLane    = 26  // height of one task's lane
	groupBar     = 16  // height of a bar
	groupHeader  = 44  // room above the lanes of a panel
	groupFooter  = 34  // room below the lanes for the axis
	groupPadding = 10
)

// Colours of the bars, by how the task ended. Ink is for text and lines.
const (
	inkColour      = "#202124"
	runColour      = "#5b8def" // running while the context is live
	overrunColour  = "#e8a317" // still running after the context was canceled
	failedColour   = "#c5221f"
	canceledColour = "#80868b"
)

// outcomeColour is the colour of a bar that ends before the cancel.
func outcomeColour(t GroupTask) string {
	switch t.Outcome {
	case "canceled":
		return canceledColour
	case "failed":
		return failedColour
	}
	return runColour
}

// SVG draws the timeline, with an axis in whole seconds up to the latest
// return of Wait.
func (tl GroupTimeline) SVG() []byte {
	secs := 1
	for _, p := range tl.Panels {
		for secs*int(time.Second) < int(p.Waited) {
			secs++
		}
	}
	width := groupLeft + secs*groupPerSec + groupRight
	height := groupPadding
	for _, p := range tl.Panels {
		height += groupHeader + len(p.Tasks)*groupLane + groupFooter
	}

	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-labelledby="title desc" font-family="sans-serif" font-size="13">`+"\n",
		width, height, width, height)
	fmt.Fprintf(&b, "<title id=\"title\">%s</title>\n<desc id=\"desc\">%s</desc>\n", esc(tl.Title), esc(tl.Desc))
	fmt.Fprintf(&b, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", width, height)
	y := groupPadding
	for _, p := range tl.Panels {
		writeGroupPanel(&b, p, y, secs)
		y += groupHeader + len(p.Tasks)*groupLane + groupFooter
	}
	b.WriteString("</svg>\n")
	return []byte(b.String())
}

func writeGroupPanel(b *strings.Builder, p GroupPanel, top, secs int) {
	fmt.Fprintf(b, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\" fill=\"%s\">%s</text>\n",
		groupPadding, top+16, inkColour, esc(p.Title))
	lanesTop := top + groupHeader
	lanesBottom := lanesTop + len(p.Tasks)*groupLane

	for i, t := range p.Tasks {
		y := lanesTop + i*groupLane + (groupLane-groupBar)/2
		fmt.Fprintf(b, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>\n", groupPadding+10, y+12, inkColour, esc(t.Name))
		colour := runColour // a bar that outlives the cancel is amber after it
		if t.End <= p.Canceled {
			colour = outcomeColour(t)
		}
		groupBarRect(b, t.Start, min(t.End, p.Canceled), y, colour)
		label := t.Outcome
		if t.End > p.Canceled {
			groupBarRect(b, p.Canceled, t.End, y, overrunColour)
			label += fmt.Sprintf(", %v after the cancel", t.End-p.Canceled)
		}
		fmt.Fprintf(b, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>\n", groupX(t.End)+6, y+12, inkColour, esc(label))
	}

	// The axis, with a tick every second.
	fmt.Fprintf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"/>\n",
		groupLeft, lanesBottom+4, groupX(time.Duration(secs)*time.Second), lanesBottom+4, inkColour)
	for s := 0; s <= secs; s++ {
		tx := groupX(time.Duration(s) * time.Second)
		fmt.Fprintf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"/>\n", tx, lanesBottom+4, tx, lanesBottom+9, inkColour)
		fmt.Fprintf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"%s\">%ds</text>\n", tx, lanesBottom+24, inkColour, s)
	}

	// The two moments that matter: the cancel and the end of Wait.
	cx, wx := groupX(p.Canceled), groupX(p.Waited)
	fmt.Fprintf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"5 4\"/>\n",
		cx, lanesTop-8, cx, lanesBottom+4, failedColour)
	fmt.Fprintf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>\n",
		wx, lanesTop-8, wx, lanesBottom+4, inkColour)
	if cx == wx {
		fmt.Fprintf(b, "<text x=\"%d\" y=\"%d\" fill=\"%s\">ctx canceled, Wait returns</text>\n", cx+4, lanesTop-4, inkColour)
		return
	}
	fmt.Fprintf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"%s\">ctx canceled</text>\n", cx-4, lanesTop-4, failedColour)
	fmt.Fprintf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"%s\">Wait returns</text>\n", wx-4, lanesTop-4, inkColour)
}

func groupBarRect(w io.Writer, from, to time.Duration, y int, colour string) {
	if to <= from {
		return
	}
	fmt.Fprintf(w, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"3\" fill=\"%s\"/>\n",
		groupX(from), y, groupX(to)-groupX(from), groupBar, colour)
}

// groupX is the horizontal position of time t.
func groupX(t time.Duration) int {
	return groupLeft + int(t*groupPerSec/time.Second)
}
