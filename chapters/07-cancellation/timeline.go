package cancellation

import (
	"fmt"
	"html"
	"io"
	"strings"
	"time"
)

// A Panel is one titled timeline of a picture drawn by WriteSVG.
type Panel struct {
	Title string
	Timeline
}

// Layout of the picture, in SVG user units.
const (
	svgLeft    = 70  // x of time 0
	svgPerSec  = 150 // width of one second
	svgRight   = 190 // room after the last second for labels
	svgLane    = 26  // height of one task's lane
	svgBar     = 16  // height of a bar
	svgHeader  = 44  // room above the lanes of a panel
	svgFooter  = 34  // room below the lanes for the axis
	svgPadding = 10
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
func outcomeColour(s Span) string {
	switch s.Outcome() {
	case "canceled":
		return canceledColour
	case "failed":
		return failedColour
	}
	return runColour
}

// WriteSVG draws the panels one above the other as an SVG timeline: a bar per
// task from its start to its end, the moment the group's context was
// canceled (dashed) and the moment Wait returned (solid). The part of a bar
// after the cancellation is drawn in amber: work nobody wanted any more.
// title and desc become the picture's accessible name and description.
func WriteSVG(w io.Writer, title, desc string, panels []Panel) error {
	secs := 1
	for _, p := range panels {
		for secs*int(time.Second) < int(p.Waited) {
			secs++
		}
	}
	width := svgLeft + secs*svgPerSec + svgRight
	height := svgPadding
	for _, p := range panels {
		height += svgHeader + len(p.Spans)*svgLane + svgFooter
	}

	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-labelledby="title desc" font-family="sans-serif" font-size="13">`+"\n",
		width, height, width, height)
	fmt.Fprintf(&b, "<title id=\"title\">%s</title>\n<desc id=\"desc\">%s</desc>\n", esc(title), esc(desc))
	fmt.Fprintf(&b, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", width, height)
	y := svgPadding
	for _, p := range panels {
		writePanel(&b, p, y, secs)
		y += svgHeader + len(p.Spans)*svgLane + svgFooter
	}
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func writePanel(b *strings.Builder, p Panel, top, secs int) {
	fmt.Fprintf(b, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\" fill=\"%s\">%s</text>\n",
		svgPadding, top+16, inkColour, esc(p.Title))
	lanesTop := top + svgHeader
	lanesBottom := lanesTop + len(p.Spans)*svgLane

	for i, s := range p.Spans {
		y := lanesTop + i*svgLane + (svgLane-svgBar)/2
		fmt.Fprintf(b, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>\n", svgPadding+10, y+12, inkColour, esc(s.Name))
		colour := runColour // a bar that outlives the cancel is amber after it
		if s.End <= p.Canceled {
			colour = outcomeColour(s)
		}
		bar(b, s.Start, min(s.End, p.Canceled), y, colour)
		label := s.Outcome()
		if s.End > p.Canceled {
			bar(b, p.Canceled, s.End, y, overrunColour)
			label += fmt.Sprintf(", %v after the cancel", s.End-p.Canceled)
		}
		fmt.Fprintf(b, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>\n", x(s.End)+6, y+12, inkColour, esc(label))
	}

	// The axis, with a tick every second.
	fmt.Fprintf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"/>\n",
		svgLeft, lanesBottom+4, x(time.Duration(secs)*time.Second), lanesBottom+4, inkColour)
	for s := 0; s <= secs; s++ {
		tx := x(time.Duration(s) * time.Second)
		fmt.Fprintf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"/>\n", tx, lanesBottom+4, tx, lanesBottom+9, inkColour)
		fmt.Fprintf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"%s\">%ds</text>\n", tx, lanesBottom+24, inkColour, s)
	}

	// The two moments that matter: the cancel and the end of Wait.
	cx, wx := x(p.Canceled), x(p.Waited)
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

func bar(b *strings.Builder, from, to time.Duration, y int, colour string) {
	if to <= from {
		return
	}
	fmt.Fprintf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"3\" fill=\"%s\"/>\n",
		x(from), y, x(to)-x(from), svgBar, colour)
}

// x is the horizontal position of time t.
func x(t time.Duration) int {
	return svgLeft + int(t*svgPerSec/time.Second)
}

func esc(s string) string { return html.EscapeString(s) }
