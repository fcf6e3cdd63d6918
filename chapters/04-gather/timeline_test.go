package gather

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files (timeline.svg, testdata/bench.md)")

// span is one request on a timeline, in fake time since the run began.
type span struct {
	label      string
	start, end time.Duration
}

// recordSpans runs fetch over threeURLs inside the caller's synctest
// bubble and returns when each request started and ended.
func recordSpans(t *testing.T, fetch func(context.Context, *http.Client, []string) ([]string, error)) []span {
	t.Helper()
	begin := time.Now()
	var mu sync.Mutex
	spans := make([]span, len(threeURLs))
	routes := threeRoutes()
	for i, url := range threeURLs {
		r := routes[url]
		routes[url] = func(req *http.Request) (*http.Response, error) {
			start := time.Since(begin)
			resp, err := r(req)
			mu.Lock()
			defer mu.Unlock()
			spans[i] = span{strings.TrimPrefix(url, "http://"), start, time.Since(begin)}
			return resp, err
		}
	}
	if _, err := fetch(t.Context(), mockClient(routes), threeURLs); err != nil {
		t.Fatal(err)
	}
	synctest.Wait()
	mu.Lock()
	defer mu.Unlock()
	return spans
}

// TestTimelineSVG draws the page's picture from measured fake time and
// checks it against timeline.svg (go test -run TimelineSVG -update rewrites it).
func TestTimelineSVG(t *testing.T) {
	var concurrent, sequential []span
	synctest.Test(t, func(t *testing.T) { concurrent = recordSpans(t, Gather) })
	synctest.Test(t, func(t *testing.T) { sequential = recordSpans(t, FetchSequential) })
	got := timelineSVG([]panel{
		{"Gather: three requests at once", concurrent},
		{"FetchSequential: one after the other", sequential},
	})
	checkGolden(t, "timeline.svg", got)
}

type panel struct {
	title string
	spans []span
}

// timelineSVG draws each panel as one bar per request on a shared time axis.
func timelineSVG(panels []panel) string {
	const (
		left, pxPerSec, row, barH = 170, 70, 24, 16
		seconds                   = 6
	)
	height := 30 + len(panels)*(30+3*row) + 30
	width := left + seconds*pxPerSec + 30
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="title desc" font-family="sans-serif" font-size="13">`+"\n", width, height, width, height)
	fmt.Fprintf(&b, "<title id=\"title\">Three requests of 1 s, 2 s and 3 s: concurrently and sequentially</title>\n")
	fmt.Fprintf(&b, "<desc id=\"desc\">Measured on fake time. %s</desc>\n", describe(panels))
	fmt.Fprintf(&b, `<rect width="%d" height="%d" rx="6" fill="#ffffff" stroke="#cccccc"/>`+"\n", width, height)
	for s := 0; s <= seconds; s++ { // the time axis, under the bars
		x := left + s*pxPerSec
		fmt.Fprintf(&b, `<line x1="%d" y1="32" x2="%d" y2="%d" stroke="#dddddd"/>`+"\n", x, x, height-40)
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle" fill="#555555">%d s</text>`+"\n", x, height-25, s)
	}
	y := 30
	for _, p := range panels {
		end := p.spans[0].end
		for _, s := range p.spans {
			end = max(end, s.end)
		}
		fmt.Fprintf(&b, `<text x="10" y="%d" font-weight="bold" fill="#222222">%s (done at %v)</text>`+"\n", y, p.title, end)
		y += 10
		for _, s := range p.spans {
			x0 := left + int(s.start.Seconds()*pxPerSec)
			w := int((s.end - s.start).Seconds() * pxPerSec)
			fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" fill="#222222">%s</text>`+"\n", left-8, y+barH-3, s.label)
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" rx="3" fill="#3b6ea8"/>`+"\n", x0, y, w, barH)
			fmt.Fprintf(&b, `<text x="%d" y="%d" fill="#ffffff">%v</text>`+"\n", x0+5, y+barH-3, s.end-s.start)
			y += row
		}
		y += 20
	}
	b.WriteString("</svg>\n")
	return b.String()
}

// describe states the timeline in words, for the SVG's <desc>.
func describe(panels []panel) string {
	var parts []string
	for _, p := range panels {
		var ss []string
		for _, s := range p.spans {
			ss = append(ss, fmt.Sprintf("%s from %v to %v", s.label, s.start, s.end))
		}
		parts = append(parts, p.title+": "+strings.Join(ss, ", ")+".")
	}
	return strings.Join(parts, " ")
}

// checkGolden compares got with the file at path, or rewrites it with -update.
func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run %s -update to create it)", err, t.Name())
	}
	if string(want) != got {
		t.Errorf("%s is stale: run go test -run %s -update\n--- got:\n%s", path, t.Name(), got)
	}
}
