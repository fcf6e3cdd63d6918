package figure

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// A SchedSpan is a stretch of time on a [SchedLane]: a goroutine running on
// a P or in a system call, or a P held by a thread blocked in a system call.
type SchedSpan struct {
	Start, End time.Duration
	Group      int    // the colour: an index into SchedTimeline.Groups
	Label      string // written inside the bar when it fits
	Held       bool   // a P held by a thread in a system call: an outlined bar
}

// A SchedThread says which thread runs a lane from At on.
type SchedThread struct {
	At   time.Duration
	Name string
}

// A SchedLane is one lane of a [SchedTimeline]: a P, or the goroutines in
// system calls. Spans that overlap (system calls on different threads) are
// drawn on rows of their own within the lane.
type SchedLane struct {
	Name    string
	Spans   []SchedSpan
	Threads []SchedThread // in time order; written under the lane where the thread changes
}

// A SchedMark is a numbered moment on a lane, explained in the key under the
// picture.
type SchedMark struct {
	Lane int // an index into SchedTimeline.Lanes
	At   time.Duration
	Text string // the key's entry, after the mark's number and time
}

// A SchedTimeline draws what Go's scheduler did, from an execution trace:
// one lane per P with a bar for each run of a goroutine, coloured by group,
// a lane for goroutines in system calls, the threads that ran each lane, and
// numbered marks for the moments the key under the picture explains. A
// second panel can enlarge the start, where runs of a few microseconds
// crowd together.
type SchedTimeline struct {
	Title  string
	Groups []string      // names of the colour groups, for the legend (at most 6)
	Lanes  []SchedLane   // top to bottom
	Marks  []SchedMark   // numbered in this order, which should be time order
	End    time.Duration // the right edge, if later than every span's end
	Zoom   time.Duration // if positive, a second panel shows 0 to Zoom, with the marks up to Zoom
	Note   string        // a last line in small print, such as where the trace comes from
}

// Layout of a SchedTimeline, in pixels.
const (
	schedWidth  = 760
	schedLabelW = 116 // lane names on the left
	schedRight  = 20
	schedTop    = 44 // title
	schedMarkH  = 18 // room above a lane's bars for marks
	schedBarH   = 18 // a bar
	schedRowGap = 3  // between the rows of a lane
	schedThrH   = 26 // room under a lane's bars for thread names, on two levels
	schedAxisH  = 30
	schedKeyH   = 18 // one entry of the key
)

// schedStyle gives the picture its background and colours, light by default
// and dark when the reader's system is dark, like the charts' style.
const schedStyle = `<style>
.bg{fill:#ffffff}.fg{fill:#1f2328}.mu{fill:#59636e}.ax{stroke:#59636e}.gr{stroke:#d1d9e0}.ln{stroke:#1f2328}.zm{fill:#59636e;fill-opacity:0.1}
.g0{fill:#8250df;stroke:#8250df}.g1{fill:#bc4c00;stroke:#bc4c00}.g2{fill:#cf222e;stroke:#cf222e}
.g3{fill:#1a7f37;stroke:#1a7f37}.g4{fill:#0969da;stroke:#0969da}.g5{fill:#818b98;stroke:#818b98}
rect.held{fill:none;stroke-width:1.5}.in{fill:#ffffff}
text{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;font-size:13px}.h{font-size:15px;font-weight:600}.s{font-size:11px}.b{font-weight:600}
@media (prefers-color-scheme:dark){.bg{fill:#0d1117}.fg{fill:#e6edf3}.mu{fill:#9198a1}.ax{stroke:#9198a1}.gr{stroke:#3d444d}.ln{stroke:#e6edf3}.zm{fill:#9198a1}
.g0{fill:#ab7df8;stroke:#ab7df8}.g1{fill:#f0883e;stroke:#f0883e}.g2{fill:#ff7b72;stroke:#ff7b72}
.g3{fill:#3fb950;stroke:#3fb950}.g4{fill:#4493f8;stroke:#4493f8}.g5{fill:#656c76;stroke:#656c76}.in{fill:#0d1117}}
</style>
`

// schedCanvas draws a SchedTimeline: b is the SVG so far, rows the row of
// each span of each lane (overlapping spans get rows of their own).
type schedCanvas struct {
	tl   SchedTimeline
	b    bytes.Buffer
	rows [][]int // lane -> span -> row
	nrow []int   // lane -> number of rows
}

func (c *schedCanvas) p(format string, args ...any) { fmt.Fprintf(&c.b, format, args...) }

// SVG draws the timeline. Every bar is at least a pixel wide, so a run of a
// few microseconds still shows; marks that would overlap are set side by
// side, each with a line down to its moment.
func (tl SchedTimeline) SVG() []byte {
	end := tl.End
	for _, l := range tl.Lanes {
		for _, s := range l.Spans {
			end = max(end, s.End)
		}
	}
	if end <= 0 {
		end = time.Millisecond
	}
	c := &schedCanvas{tl: tl}
	for _, l := range tl.Lanes {
		rows, n := packRows(l.Spans)
		c.rows, c.nrow = append(c.rows, rows), append(c.nrow, n)
	}
	panelH := c.panelHeight()
	zoom := tl.Zoom > 0 && tl.Zoom < end
	legendY := schedTop + panelH + 30
	if zoom {
		legendY += 24 + panelH
	}
	legendRows := c.legendRows()
	keyY := legendY + 18*legendRows + 16
	note := wrapText(tl.Note, float64(schedWidth-32), 6.2)
	height := keyY + len(tl.Marks)*schedKeyH + 16*len(note) + 8

	c.p(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="title desc">`+"\n",
		schedWidth, height, schedWidth, height)
	c.p("<title id=\"title\">%s</title>\n<desc id=\"desc\">%s</desc>\n", esc(tl.Title), esc(tl.describe(end)))
	c.b.WriteString(schedStyle)
	c.p(`<rect class="bg" width="%d" height="%d" rx="8"/>`+"\n", schedWidth, height)
	c.p(`<text class="fg h" x="16" y="26">%s</text>`+"\n", esc(tl.Title))

	top := schedTop
	if zoom {
		c.panel(top, end, tl.Zoom, func(m SchedMark) bool { return m.At > tl.Zoom })
		top += panelH + 24
		c.p(`<text class="mu" x="16" y="%d">The first %s, enlarged:</text>`+"\n", top-4, fmtMillis(tl.Zoom))
		c.panel(top, tl.Zoom, 0, func(m SchedMark) bool { return m.At <= tl.Zoom })
	} else {
		c.panel(top, end, 0, func(SchedMark) bool { return true })
	}
	c.legend(legendY)
	for i, m := range tl.Marks {
		y := keyY + i*schedKeyH
		c.p(`<text class="fg" x="16" y="%d"><tspan class="b">%d</tspan>  %s: %s</text>`+"\n", y, i+1, esc(fmtMillis(m.At)), esc(m.Text))
	}
	for i, line := range note {
		c.p(`<text class="mu s" x="16" y="%d">%s</text>`+"\n", keyY+len(tl.Marks)*schedKeyH+4+16*i, esc(line))
	}
	c.b.WriteString("</svg>\n")
	return c.b.Bytes()
}

// packRows gives each span the first row where it overlaps no span before
// it; held spans are drawn over the first row, and never move a span.
func packRows(spans []SchedSpan) (rows []int, n int) {
	var ends []time.Duration // row -> end of its last span
	rows = make([]int, len(spans))
	for i, s := range spans {
		if s.Held {
			continue
		}
		r := 0
		for r < len(ends) && ends[r] > s.Start {
			r++
		}
		if r == len(ends) {
			ends = append(ends, 0)
		}
		ends[r] = max(ends[r], s.End)
		rows[i] = r
	}
	return rows, max(len(ends), 1)
}

func (c *schedCanvas) laneHeight(i int) int {
	return schedMarkH + c.nrow[i]*schedBarH + (c.nrow[i]-1)*schedRowGap + schedThrH
}

func (c *schedCanvas) panelHeight() int {
	h := schedAxisH
	for i := range c.tl.Lanes {
		h += c.laneHeight(i)
	}
	return h
}

// panel draws the lanes from time 0 to end, starting at y = top. If shade
// is positive, the time from 0 to shade is shaded (it is enlarged in
// another panel). It draws the marks for which show is true.
func (c *schedCanvas) panel(top int, end, shade time.Duration, show func(SchedMark) bool) {
	x0, x1 := float64(schedLabelW), float64(schedWidth-schedRight)
	x := func(d time.Duration) float64 { return x0 + (x1-x0)*float64(min(d, end))/float64(end) }
	axisY := top + c.panelHeight() - schedAxisH + 4
	if shade > 0 {
		c.p(`<rect class="zm" x="%s" y="%d" width="%s" height="%d"/>`+"\n", num(x0), top, num(max(x(shade)-x0, 2)), axisY-top)
	}
	step := tickStep(end)
	for t := time.Duration(0); t <= end; t += step {
		c.p(`<line class="gr" x1="%s" y1="%d" x2="%s" y2="%d"/>`+"\n", num(x(t)), top, num(x(t)), axisY)
		c.p(`<text class="mu" x="%s" y="%d" text-anchor="middle">%s</text>`+"\n", num(x(t)), axisY+18, t)
	}
	c.p(`<line class="ax" x1="%s" y1="%d" x2="%s" y2="%d"/>`+"\n", num(x0), axisY, num(x1), axisY)

	laneTop := make([]int, len(c.tl.Lanes))
	y := top
	for i, l := range c.tl.Lanes {
		laneTop[i] = y
		barsY := y + schedMarkH
		c.p(`<text class="fg" x="16" y="%d">%s</text>`+"\n", barsY+13, esc(l.Name))
		c.p(`<line class="gr" x1="%s" y1="%d" x2="%s" y2="%d"/>`+"\n", num(x0), barsY+schedBarH/2, num(x1), barsY+schedBarH/2)
		for j, s := range l.Spans {
			if s.Start >= end {
				continue
			}
			a, w := x(s.Start), max(x(s.End)-x(s.Start), 1)
			by := barsY + c.rows[i][j]*(schedBarH+schedRowGap)
			class := fmt.Sprintf("g%d", s.Group%6)
			if s.Held {
				c.p(`<rect class="%s held" x="%s" y="%d" width="%s" height="%d" rx="2"/>`+"\n", class, num(a), barsY+2, num(w), schedBarH-4)
				continue
			}
			c.p(`<rect class="%s" x="%s" y="%d" width="%s" height="%d" rx="2"/>`+"\n", class, num(a), by, num(w), schedBarH)
			if s.Label != "" && w >= textWidth(s.Label, 7)+8 {
				c.p(`<text class="in" x="%s" y="%d">%s</text>`+"\n", num(a+4), by+13, esc(s.Label))
			}
		}
		thrY := barsY + c.nrow[i]*schedBarH + (c.nrow[i]-1)*schedRowGap
		// A thread's name where the lane changes thread, on the first of two
		// levels where it overlaps no other name; none if it fits on neither.
		free := [2]float64{x0, x0}
		for _, th := range l.Threads {
			tx := x(th.At)
			level := 0
			if tx < free[0] {
				level = 1
			}
			if th.At >= end || tx < free[level] {
				continue
			}
			ty := thrY + 11*level
			c.p(`<line class="ax" x1="%s" y1="%d" x2="%s" y2="%d"/>`+"\n", num(tx), thrY, num(tx), ty+5)
			c.p(`<text class="mu s" x="%s" y="%d">%s</text>`+"\n", num(tx+2), ty+13, esc(th.Name))
			free[level] = tx + textWidth(th.Name, 6.5) + 8
		}
		y += c.laneHeight(i)
	}

	// Marks: a numbered circle above the lane, with a line down to its moment.
	free := map[int]float64{}
	for i, m := range c.tl.Marks {
		if m.Lane < 0 || m.Lane >= len(c.tl.Lanes) || !show(m) {
			continue
		}
		mx := x(m.At)
		cx := max(mx, free[m.Lane])
		free[m.Lane] = cx + 17
		cy := laneTop[m.Lane] + 8
		c.p(`<line class="ln" x1="%s" y1="%d" x2="%s" y2="%d" stroke-width="1"/>`+"\n", num(cx), cy+7, num(mx), cy+schedMarkH+schedBarH-8)
		c.p(`<circle class="bg ln" cx="%s" cy="%d" r="7.5" stroke-width="1.2"/>`+"\n", num(cx), cy)
		c.p(`<text class="fg s" x="%s" y="%d" text-anchor="middle">%d</text>`+"\n", num(cx), cy+4, i+1)
	}
}

// legendItems returns the legend's entries: the groups, then the outlined
// bar. Their widths decide where the legend wraps.
func (c *schedCanvas) legendItems() []string {
	return append(append([]string{}, c.tl.Groups...), "P held by a thread in a system call")
}

func legendWidth(item string) float64 { return 19 + textWidth(item, 7.5) + 16 }

func (c *schedCanvas) legendRows() int {
	rows, lx := 1, float64(schedLabelW)
	for _, it := range c.legendItems() {
		if lx+legendWidth(it) > schedWidth-schedRight {
			rows, lx = rows+1, float64(schedLabelW)
		}
		lx += legendWidth(it)
	}
	return rows
}

// legend draws the groups' colours and the outlined bar, wrapping to a new
// line when the width runs out.
func (c *schedCanvas) legend(y int) {
	lx := float64(schedLabelW)
	for i, it := range c.legendItems() {
		if lx+legendWidth(it) > schedWidth-schedRight {
			lx, y = float64(schedLabelW), y+18
		}
		if i < len(c.tl.Groups) {
			c.p(`<rect class="g%d" x="%s" y="%d" width="14" height="14" rx="2"/>`+"\n", i%6, num(lx), y-11)
		} else {
			c.p(`<rect class="g2 held" x="%s" y="%d" width="14" height="10" rx="2"/>`+"\n", num(lx), y-9)
		}
		c.p(`<text class="fg" x="%s" y="%d">%s</text>`+"\n", num(lx+19), y, esc(it))
		lx += legendWidth(it)
	}
}

// wrapText splits s into lines at most width pixels wide, at perChar
// pixels a character, breaking between words.
func wrapText(s string, width, perChar float64) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && textWidth(line+" "+w, perChar) > width {
			lines, line = append(lines, line), ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// textWidth estimates the width of s in pixels, at perChar pixels a
// character: enough to decide whether a label fits.
func textWidth(s string, perChar float64) float64 { return perChar * float64(len([]rune(s))) }

// fmtMillis formats d in milliseconds with three significant digits at
// most: "0.672 ms", "1.5 ms", "11.2 ms".
func fmtMillis(d time.Duration) string {
	ms := float64(d) / float64(time.Millisecond)
	prec := 2
	switch {
	case ms >= 100:
		prec = 0
	case ms >= 10:
		prec = 1
	case ms < 1:
		prec = 3
	}
	s := strconv.FormatFloat(ms, 'f', prec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s + " ms"
}

// describe tells the timeline in words, for the SVG's <desc>: the lanes
// with their longer spans (at least a fiftieth of the whole), then the
// marks.
func (tl SchedTimeline) describe(end time.Duration) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Time from 0 to %s.", fmtMillis(end))
	if tl.Zoom > 0 && tl.Zoom < end {
		fmt.Fprintf(&b, " A second panel enlarges the first %s.", fmtMillis(tl.Zoom))
	}
	for _, l := range tl.Lanes {
		var long []string
		short := 0
		for _, s := range l.Spans {
			if s.End-s.Start < end/50 {
				if !s.Held {
					short++
				}
				continue
			}
			what := s.Label
			if s.Held {
				what = "held by the thread of " + s.Label
			}
			long = append(long, fmt.Sprintf("%s from %s to %s", what, fmtMillis(s.Start), fmtMillis(s.End)))
		}
		fmt.Fprintf(&b, " %s: ", l.Name)
		if len(long) > 0 {
			b.WriteString(strings.Join(long, ", "))
		} else {
			b.WriteString("nothing long")
		}
		switch {
		case short == 1:
			b.WriteString("; 1 shorter bar")
		case short > 1:
			fmt.Fprintf(&b, "; %d shorter bars", short)
		}
		b.WriteByte('.')
	}
	for i, m := range tl.Marks {
		fmt.Fprintf(&b, " %d, at %s: %s.", i+1, fmtMillis(m.At), strings.TrimSuffix(m.Text, "."))
	}
	return b.String()
}
