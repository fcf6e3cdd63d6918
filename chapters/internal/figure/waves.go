package figure

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// A Job is one job on a [WaveTimeline]: when it started and ended, measured
// from the start of the run.
type Job struct {
	ID         int
	Start, End time.Duration
}

// A WaveTimeline draws jobs that ran at most n at a time: one bar per job
// on a time axis in whole seconds, coloured by wave (the jobs that started at
// the same moment).
type WaveTimeline struct {
	Title string
	Jobs  []Job // one row each, top to bottom
}

// SVG draws the timeline. The picture carries its own background, so it
// reads the same on a light or a dark page.
func (tl WaveTimeline) SVG() []byte {
	const left, top, pxPerSec, row, barH = 64, 56, 120, 22, 16
	var end time.Duration
	var starts []time.Duration
	for _, j := range tl.Jobs {
		end = max(end, j.End)
		if !slices.Contains(starts, j.Start) {
			starts = append(starts, j.Start)
		}
	}
	slices.Sort(starts)
	secs := int((end + time.Second - 1) / time.Second)
	width := left + secs*pxPerSec + 24
	height := top + len(tl.Jobs)*row + 40
	fill := []string{"#3b6ea8", "#c2703d"} // waves alternate: blue, orange

	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="title desc" font-family="sans-serif" font-size="13">`+"\n", width, height, width, height)
	fmt.Fprintf(&b, "<title id=\"title\">%s</title>\n", esc(tl.Title))
	fmt.Fprintf(&b, "<desc id=\"desc\">%s</desc>\n", esc(tl.describe(starts)))
	fmt.Fprintf(&b, `<rect width="%d" height="%d" rx="6" fill="#fafafa" stroke="#bbbbbb"/>`+"\n", width, height)
	fmt.Fprintf(&b, `<text x="12" y="22" font-weight="bold" fill="#222222">%s</text>`+"\n", esc(tl.Title))
	x := func(d time.Duration) int { return left + int(d*pxPerSec/time.Second) }
	bottom := top + len(tl.Jobs)*row
	for s := 0; s <= secs; s++ {
		xs := left + s*pxPerSec
		fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#d0d0d0"/>`+"\n", xs, top-8, xs, bottom)
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle" fill="#444444">%d s</text>`+"\n", xs, bottom+18, s)
	}
	for w, st := range starts {
		fmt.Fprintf(&b, `<text x="%d" y="%d" fill="#444444">wave %d</text>`+"\n", x(st)+6, top-12, w+1)
	}
	for i, j := range tl.Jobs {
		y := top + i*row
		w := slices.Index(starts, j.Start)
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" fill="#222222">job %d</text>`+"\n", left-8, y+barH-3, j.ID)
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" rx="3" fill="%s"/>`+"\n", x(j.Start)+1, y, x(j.End)-x(j.Start)-2, barH, fill[w%len(fill)])
	}
	b.WriteString("</svg>\n")
	return []byte(b.String())
}

// describe says in words what the picture shows.
func (tl WaveTimeline) describe(starts []time.Duration) string {
	var parts []string
	for w, st := range starts {
		var jobs []string
		for _, j := range tl.Jobs {
			if j.Start == st {
				jobs = append(jobs, fmt.Sprint(j.ID))
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
