package figure

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
)

// A Point is one point of a [Series].
type Point struct{ X, Y float64 }

// A Series is one line of a [LineChart].
type Series struct {
	Name   string
	Points []Point
	Dashed bool // a reference line, such as the ideal
}

// A LineChart draws series on logarithmic X and Y axes, with a legend.
type LineChart struct {
	Title, Desc    string // the SVG's <title> and <desc>, for screen readers
	XLabel, YLabel string
	XTick, YTick   func(float64) string // labels of the powers of ten; nil means plain numbers
	Series         []Series
}

// A Bar is one bar of a [BarChart].
type Bar struct {
	Label string
	Value float64
	Text  string // shown after the bar; empty means the value
}

// A BarChart draws horizontal bars on a logarithmic scale.
type BarChart struct {
	Title, Desc string
	XLabel      string
	XTick       func(float64) string
	Bars        []Bar
}

// chartStyle gives the charts their own background and colours, light by
// default and dark when the reader's system is dark. An SVG shown with
// <img> cannot see the page's colours, so it must carry both palettes.
const chartStyle = `<style>
.bg{fill:#ffffff}.fg{fill:#1f2328}.mu{fill:#59636e}.ax{stroke:#59636e}.gr{stroke:#d1d9e0}
.c0{stroke:#0969da;fill:#0969da}.c1{stroke:#bc4c00;fill:#bc4c00}.c2{stroke:#59636e;fill:#59636e}.c3{stroke:#1a7f37;fill:#1a7f37}
path.ln{fill:none}text{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;font-size:13px}.h{font-size:15px;font-weight:600}
@media (prefers-color-scheme:dark){.bg{fill:#0d1117}.fg{fill:#e6edf3}.mu{fill:#9198a1}.ax{stroke:#9198a1}.gr{stroke:#3d444d}
.c0{stroke:#4493f8;fill:#4493f8}.c1{stroke:#f0883e;fill:#f0883e}.c2{stroke:#9198a1;fill:#9198a1}.c3{stroke:#3fb950;fill:#3fb950}}
</style>
`

// logRange returns the powers of ten that enclose every value.
func logRange(values []float64) (lo, hi int, err error) {
	if len(values) == 0 {
		return 0, 0, fmt.Errorf("chart: no values")
	}
	lo, hi = math.MaxInt, math.MinInt
	for _, v := range values {
		if !(v > 0) || math.IsInf(v, 0) {
			return 0, 0, fmt.Errorf("chart: %v cannot go on a logarithmic axis", v)
		}
		lo = min(lo, int(math.Floor(math.Log10(v)+1e-9)))
		hi = max(hi, int(math.Ceil(math.Log10(v)-1e-9)))
	}
	if hi == lo {
		hi++
	}
	return lo, hi, nil
}

// cnum formats a chart coordinate with one decimal, so output is byte-for-byte
// stable.
func cnum(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

func tickText(f func(float64) string, v float64) string {
	if f != nil {
		return f(v)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

func chartHeader(b *bytes.Buffer, w, h int, title, desc string) {
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="title desc">`+"\n", w, h, w, h)
	fmt.Fprintf(b, "<title id=\"title\">%s</title>\n<desc id=\"desc\">%s</desc>\n", esc(title), esc(desc))
	b.WriteString(chartStyle)
	fmt.Fprintf(b, `<rect class="bg" width="%d" height="%d" rx="8"/>`+"\n", w, h)
	fmt.Fprintf(b, `<text class="fg h" x="16" y="26">%s</text>`+"\n", esc(title))
}

// SVG draws the chart. It returns an error when a value cannot go on a
// logarithmic axis (zero, negative, infinite or NaN) or there is none.
func (c LineChart) SVG() ([]byte, error) {
	const w, h, left, right, top, bottom = 640, 400, 72, 24, 44, 56
	var xs, ys []float64
	for _, s := range c.Series {
		for _, p := range s.Points {
			xs, ys = append(xs, p.X), append(ys, p.Y)
		}
	}
	xlo, xhi, err := logRange(xs)
	if err != nil {
		return nil, err
	}
	ylo, yhi, err := logRange(ys)
	if err != nil {
		return nil, err
	}
	pw, ph := float64(w-left-right), float64(h-top-bottom)
	px := func(x float64) float64 { return left + (math.Log10(x)-float64(xlo))/float64(xhi-xlo)*pw }
	py := func(y float64) float64 { return top + ph - (math.Log10(y)-float64(ylo))/float64(yhi-ylo)*ph }

	var b bytes.Buffer
	chartHeader(&b, w, h, c.Title, c.Desc)
	for e := xlo; e <= xhi; e++ {
		v := math.Pow10(e)
		x := cnum(px(v))
		fmt.Fprintf(&b, `<line class="gr" x1="%s" y1="%d" x2="%s" y2="%d"/>`+"\n", x, top, x, h-bottom)
		fmt.Fprintf(&b, `<text class="mu" x="%s" y="%d" text-anchor="middle">%s</text>`+"\n", x, h-bottom+18, esc(tickText(c.XTick, v)))
	}
	for e := ylo; e <= yhi; e++ {
		v := math.Pow10(e)
		y := cnum(py(v))
		fmt.Fprintf(&b, `<line class="gr" x1="%d" y1="%s" x2="%d" y2="%s"/>`+"\n", left, y, w-right, y)
		fmt.Fprintf(&b, `<text class="mu" x="%d" y="%s" text-anchor="end" dominant-baseline="middle">%s</text>`+"\n", left-8, y, esc(tickText(c.YTick, v)))
	}
	fmt.Fprintf(&b, `<path class="ax" fill="none" d="M%d %dV%dH%d"/>`+"\n", left, top, h-bottom, w-right)
	fmt.Fprintf(&b, `<text class="fg" x="%s" y="%d" text-anchor="middle">%s</text>`+"\n", cnum(left+pw/2), h-12, esc(c.XLabel))
	fmt.Fprintf(&b, `<text class="fg" transform="translate(18 %s) rotate(-90)" text-anchor="middle">%s</text>`+"\n", cnum(top+ph/2), esc(c.YLabel))
	for i, s := range c.Series {
		class := fmt.Sprintf("c%d", i%4)
		if s.Dashed {
			class = "c2"
		}
		var d bytes.Buffer
		for j, p := range s.Points {
			cmd := "L"
			if j == 0 {
				cmd = "M"
			}
			fmt.Fprintf(&d, "%s%s %s", cmd, cnum(px(p.X)), cnum(py(p.Y)))
		}
		dash := ""
		if s.Dashed {
			dash = ` stroke-dasharray="6 5"`
		}
		fmt.Fprintf(&b, `<path class="%s ln" stroke-width="2.5"%s d="%s"/>`+"\n", class, dash, d.String())
		if !s.Dashed {
			for _, p := range s.Points {
				fmt.Fprintf(&b, `<circle class="%s" cx="%s" cy="%s" r="4"><title>%s: %s, %s</title></circle>`+"\n",
					class, cnum(px(p.X)), cnum(py(p.Y)), esc(s.Name),
					strconv.FormatFloat(p.X, 'g', 4, 64), strconv.FormatFloat(p.Y, 'g', 4, 64))
			}
		}
		// Legend, top left inside the plot.
		ly := top + 14 + 20*i
		fmt.Fprintf(&b, `<line class="%s" x1="%d" y1="%d" x2="%d" y2="%d" stroke-width="2.5"%s/>`+"\n", class, left+12, ly, left+36, ly, dash)
		fmt.Fprintf(&b, `<text class="fg" x="%d" y="%d" dominant-baseline="middle">%s</text>`+"\n", left+44, ly, esc(s.Name))
	}
	b.WriteString("</svg>\n")
	return b.Bytes(), nil
}

// SVG draws the chart, with a decade of room below the shortest bar. It
// returns an error when a value cannot go on a logarithmic axis or there is
// none.
func (c BarChart) SVG() ([]byte, error) {
	const w, left, right, top, row, bottom = 640, 200, 24, 44, 40, 52
	h := top + row*len(c.Bars) + bottom
	vs := make([]float64, len(c.Bars))
	for i, bar := range c.Bars {
		vs[i] = bar.Value
	}
	lo, hi, err := logRange(vs)
	if err != nil {
		return nil, err
	}
	lo-- // a decade of room, so the shortest bar is not a sliver
	pw := float64(w - left - right)
	px := func(v float64) float64 { return left + (math.Log10(v)-float64(lo))/float64(hi-lo)*pw }

	var b bytes.Buffer
	chartHeader(&b, w, h, c.Title, c.Desc)
	base := h - bottom
	for e := lo; e <= hi; e++ {
		v := math.Pow10(e)
		x := cnum(px(v))
		fmt.Fprintf(&b, `<line class="gr" x1="%s" y1="%d" x2="%s" y2="%d"/>`+"\n", x, top, x, base)
		fmt.Fprintf(&b, `<text class="mu" x="%s" y="%d" text-anchor="middle">%s</text>`+"\n", x, base+18, esc(tickText(c.XTick, v)))
	}
	fmt.Fprintf(&b, `<text class="fg" x="%s" y="%d" text-anchor="middle">%s</text>`+"\n", cnum(left+pw/2), h-10, esc(c.XLabel))
	for i, bar := range c.Bars {
		y := top + row*i + 8
		end := px(bar.Value)
		text := bar.Text
		if text == "" {
			text = strconv.FormatFloat(bar.Value, 'f', -1, 64)
		}
		fmt.Fprintf(&b, `<text class="fg" x="%d" y="%d" text-anchor="end" dominant-baseline="middle">%s</text>`+"\n", left-10, y+12, esc(bar.Label))
		fmt.Fprintf(&b, `<rect class="c%d" x="%d" y="%d" width="%s" height="24" rx="3"><title>%s: %s</title></rect>`+"\n",
			i%4, left, y, cnum(max(end-left, 1)), esc(bar.Label), esc(text))
		if end+8+float64(7*len(text)) < w-right {
			fmt.Fprintf(&b, `<text class="fg" x="%s" y="%d" dominant-baseline="middle">%s</text>`+"\n", cnum(end+8), y+12, esc(text))
		} else {
			fmt.Fprintf(&b, `<text class="bg" x="%s" y="%d" text-anchor="end" dominant-baseline="middle">%s</text>`+"\n", cnum(end-8), y+12, esc(text))
		}
	}
	fmt.Fprintf(&b, `<path class="ax" fill="none" d="M%d %dV%d"/>`+"\n", left, top, base)
	b.WriteString("</svg>\n")
	return b.Bytes(), nil
}
