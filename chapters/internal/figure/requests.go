package figure

import (
	"fmt"
	"strings"
	"time"
)

// A Request is one request on a [RequestTimeline]: when it started and
// ended, measured from the start of its panel's run.
type Request struct {
	Label      string
	Start, End time.Duration
}

// A RequestPanel is one titled run of requests.
type RequestPanel struct {
	Title    string
	Requests []Request // one bar each, top to bottom
}

// A RequestTimeline draws runs of requests one above the other on a shared
// time axis in whole seconds, one bar per request with its duration in it,
// so that runs of the same requests can be compared at a glance.
type RequestTimeline struct {
	Title  string
	Note   string // the first sentence of the description, before the bars in words
	Panels []RequestPanel
}

// SVG draws the timeline. Each panel's title is followed by the time its
// last request ended.
func (tl RequestTimeline) SVG() []byte {
	const left, pxPerSec, row, barH = 170, 70, 24, 16
	var end time.Duration
	rows := 0
	for _, p := range tl.Panels {
		rows += len(p.Requests)
		for _, r := range p.Requests {
			end = max(end, r.End)
		}
	}
	seconds := int((end + time.Second - 1) / time.Second)
	height := 30 + len(tl.Panels)*30 + rows*row + 30
	width := left + seconds*pxPerSec + 30
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="title desc" font-family="sans-serif" font-size="13">`+"\n", width, height, width, height)
	fmt.Fprintf(&b, "<title id=\"title\">%s</title>\n", esc(tl.Title))
	fmt.Fprintf(&b, "<desc id=\"desc\">%s</desc>\n", esc(strings.TrimSpace(tl.Note+" "+tl.describe())))
	fmt.Fprintf(&b, `<rect width="%d" height="%d" rx="6" fill="#ffffff" stroke="#cccccc"/>`+"\n", width, height)
	for s := 0; s <= seconds; s++ { // the time axis, under the bars
		x := left + s*pxPerSec
		fmt.Fprintf(&b, `<line x1="%d" y1="32" x2="%d" y2="%d" stroke="#dddddd"/>`+"\n", x, x, height-40)
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle" fill="#555555">%d s</text>`+"\n", x, height-25, s)
	}
	y := 30
	for _, p := range tl.Panels {
		var done time.Duration
		for _, r := range p.Requests {
			done = max(done, r.End)
		}
		fmt.Fprintf(&b, `<text x="10" y="%d" font-weight="bold" fill="#222222">%s (done at %v)</text>`+"\n", y, esc(p.Title), done)
		y += 10
		for _, r := range p.Requests {
			x0 := left + int(r.Start.Seconds()*pxPerSec)
			w := int((r.End - r.Start).Seconds() * pxPerSec)
			fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" fill="#222222">%s</text>`+"\n", left-8, y+barH-3, esc(r.Label))
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" rx="3" fill="#3b6ea8"/>`+"\n", x0, y, w, barH)
			fmt.Fprintf(&b, `<text x="%d" y="%d" fill="#ffffff">%v</text>`+"\n", x0+5, y+barH-3, r.End-r.Start)
			y += row
		}
		y += 20
	}
	b.WriteString("</svg>\n")
	return []byte(b.String())
}

// describe states the timeline in words, for the SVG's <desc>.
func (tl RequestTimeline) describe() string {
	var parts []string
	for _, p := range tl.Panels {
		var rs []string
		for _, r := range p.Requests {
			rs = append(rs, fmt.Sprintf("%s from %v to %v", r.Label, r.Start, r.End))
		}
		parts = append(parts, p.Title+": "+strings.Join(rs, ", ")+".")
	}
	return strings.Join(parts, " ")
}
