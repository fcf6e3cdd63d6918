package limits

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Span is one job on a timeline: when it started and ended, measured from
// the start of the run.
type Span struct {
	Job        int
	Start, End time.Duration
}

// TimelineSVG draws spans as one bar per job on a time axis in whole
// seconds, coloured by wave (jobs that started at the same moment). The
// picture carries its own background, so it reads the same on a light or a
// dark page, and a title and description for screen readers.
func TimelineSVG(title string, spans []Span) string {
	const (
		left, top, pxPerSec, row, barH = 64, 56, 120, 22, 16
	)
	var end time.Duration
	var starts []time.Duration
	for _, s := range spans {
		end = max(end, s.End)
		if !slices.Contains(starts, s.Start) {
			starts = append(starts, s.Start)
		}
	}
	slices.Sort(starts)
	secs := int((end + time.Second - 1) / time.Second)
	width := left + secs*pxPerSec + 24
	height := top + len(spans)*row + 40
	fill := []string{"#3b6ea8", "#c2703d"} // waves alternate: blue, orange

	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="title desc" font-family="sans-serif" font-size="13">`+"\n", width, height, width, height)
	fmt.Fprintf(&b, "<title id=\"title\">%s</title>\n", title)
	fmt.Fprintf(&b, "<desc id=\"desc\">%s</desc>\n", describeSpans(spans, starts))
	fmt.Fprintf(&b, `<rect width="%d" height="%d" rx="6" fill="#fafafa" stroke="#bbbbbb"/>`+"\n", width, height)
	fmt.Fprintf(&b, `<text x="12" y="22" font-weight="bold" fill="#222222">%s</text>`+"\n", title)
	x := func(d time.Duration) int { return left + int(d*pxPerSec/time.Second) }
	bottom := top + len(spans)*row
	for s := 0; s <= secs; s++ {
		xs := left + s*pxPerSec
		fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#d0d0d0"/>`+"\n", xs, top-8, xs, bottom)
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle" fill="#444444">%d s</text>`+"\n", xs, bottom+18, s)
	}
	for w, st := range starts {
		fmt.Fprintf(&b, `<text x="%d" y="%d" fill="#444444">wave %d</text>`+"\n", x(st)+6, top-12, w+1)
	}
	for i, s := range spans {
		y := top + i*row
		w := slices.Index(starts, s.Start)
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" fill="#222222">job %d</text>`+"\n", left-8, y+barH-3, s.Job)
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" rx="3" fill="%s"/>`+"\n", x(s.Start)+1, y, x(s.End)-x(s.Start)-2, barH, fill[w%len(fill)])
	}
	b.WriteString("</svg>\n")
	return b.String()
}

// describeSpans says in words what the picture shows.
func describeSpans(spans []Span, starts []time.Duration) string {
	var parts []string
	for w, st := range starts {
		var jobs []string
		for _, s := range spans {
			if s.Start == st {
				jobs = append(jobs, fmt.Sprint(s.Job))
			}
		}
		noun := "jobs"
		if len(jobs) == 1 {
			noun = "job"
		}
		parts = append(parts, fmt.Sprintf("wave %d starts at %v: %s %s", w+1, st, noun, strings.Join(jobs, ", ")))
	}
	return strings.Join(parts, "; ") + "."
}
