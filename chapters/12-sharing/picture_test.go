package sharing_test

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// lane is one group of bars in the picture: a label and its spans.
type lane struct {
	label string
	spans []span
}

// drawLanes draws each lane as a heading and one bar per span, sorted by
// start, on a shared time axis in quarter seconds. The picture has its own
// background, and a title and description for screen readers.
func drawLanes(title string, lanes []lane) string {
	const left, pxPerSec, row, barH, head = 96, 240, 20, 14, 34
	var end time.Duration
	for _, l := range lanes {
		for _, s := range l.spans {
			end = max(end, s.end)
		}
	}
	quarters := int((end + 249*time.Millisecond) / (250 * time.Millisecond))
	width := left + quarters*pxPerSec/4 + 32
	height := 44
	for _, l := range lanes {
		height += head + len(l.spans)*row
	}
	height += 30
	x := func(d time.Duration) int { return left + int(d*pxPerSec/time.Second) }
	fill := []string{"#3b6ea8", "#c2703d"}

	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="title desc" font-family="sans-serif" font-size="13">`+"\n", width, height, width, height)
	fmt.Fprintf(&b, "<title id=\"title\">%s</title>\n", title)
	fmt.Fprintf(&b, "<desc id=\"desc\">%s</desc>\n", describeLanes(lanes))
	fmt.Fprintf(&b, `<rect width="%d" height="%d" rx="6" fill="#fafafa" stroke="#bbbbbb"/>`+"\n", width, height)
	fmt.Fprintf(&b, `<text x="12" y="24" font-weight="bold" fill="#222222">%s</text>`+"\n", title)
	top, bottom := 44, height-30
	for q := 0; q <= quarters; q++ {
		xq := x(time.Duration(q) * 250 * time.Millisecond)
		stroke := "#e4e4e4"
		if q%4 == 0 {
			stroke = "#c0c0c0"
		}
		fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s"/>`+"\n", xq, top, xq, bottom, stroke)
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle" fill="#444444">%v</text>`+"\n", xq, bottom+18, time.Duration(q)*250*time.Millisecond)
	}
	y := top
	for i, l := range lanes {
		fmt.Fprintf(&b, `<text x="12" y="%d" font-weight="bold" fill="#222222">%s</text>`+"\n", y+head-12, l.label)
		y += head
		spans := slices.Clone(l.spans)
		slices.SortStableFunc(spans, func(a, b span) int { return int(a.start - b.start) })
		for j, s := range spans {
			fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" fill="#222222">request %d</text>`+"\n", left-8, y+barH-2, j)
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" rx="3" fill="%s"/>`+"\n", x(s.start)+1, y, x(s.end)-x(s.start)-2, barH, fill[i%len(fill)])
			y += row
		}
	}
	b.WriteString("</svg>\n")
	return b.String()
}

// describeLanes says in words what the picture shows.
func describeLanes(lanes []lane) string {
	var parts []string
	for _, l := range lanes {
		var starts []time.Duration
		var end time.Duration
		for _, s := range l.spans {
			starts = append(starts, s.start)
			end = max(end, s.end)
		}
		slices.Sort(starts)
		parts = append(parts, fmt.Sprintf("%s: the requests start at %s; at most %d in flight; all done at %v.",
			l.label, joinDurations(starts), mostInFlight(l.spans), end))
	}
	return strings.Join(parts, " ")
}
