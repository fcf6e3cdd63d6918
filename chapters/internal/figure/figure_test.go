package figure

import (
	"encoding/xml"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// svger is what every figure is: something that draws itself.
type svger interface{ SVG() ([]byte, error) }

// noErr adapts the timelines, which cannot fail, to svger.
type noErr func() []byte

func (f noErr) SVG() ([]byte, error) { return f(), nil }

// figures returns one small figure of each kind, each with "<a & b>" in its
// title and in a label.
func figures() map[string]svger {
	const s = time.Second
	return map[string]svger{
		"TaskTimeline": noErr(TaskTimeline{Title: "<a & b>", Rows: []TaskRow{
			{Name: "<a & b>", Finished: true, Spans: []TaskSpan{{Running, 0, 0}, {Waiting, 0, s}, {Ready, s, 2 * s}, {Running, 2 * s, 2 * s}}},
		}}.SVG),
		"RequestTimeline": noErr(RequestTimeline{Title: "<a & b>", Note: "On fake time.", Panels: []RequestPanel{
			{Title: "p", Requests: []Request{{"<a & b>", 0, s}, {"c", s, 3 * s}}},
		}}.SVG),
		"GroupTimeline": noErr(GroupTimeline{Title: "<a & b>", Desc: "d", Panels: []GroupPanel{
			{Title: "p", Canceled: s, Waited: 2 * s, Tasks: []GroupTask{{"<a & b>", 0, s, "failed"}, {"c", 0, 2 * s, "done"}}},
		}}.SVG),
		"WaveTimeline": noErr(WaveTimeline{Title: "<a & b>", Jobs: []Job{{0, 0, s}, {1, 0, s}, {2, s, 2 * s}}}.SVG),
		"LineChart": LineChart{Title: "<a & b>", Desc: "d", Series: []Series{
			{Name: "<a & b>", Points: []Point{{1, 1}, {10, 9}}}, {Name: "ideal", Dashed: true, Points: []Point{{1, 1}, {10, 10}}},
		}},
		"BarChart": BarChart{Title: "<a & b>", Desc: "d", Bars: []Bar{{Label: "<a & b>", Value: 1000}, {Label: "c", Value: 8e6}}},
		"SchedTimeline": noErr(SchedTimeline{Title: "<a & b>", Groups: []string{"<a & b>"}, Zoom: s / 2, Note: "n",
			Lanes: []SchedLane{{Name: "P0", Spans: []SchedSpan{{0, s, 0, "<a & b>", false}, {s, 2 * s, 0, "c", true}},
				Threads: []SchedThread{{0, "M1"}, {s, "M2"}}}},
			Marks: []SchedMark{{0, s / 4, "<a & b>"}, {0, s, "late"}}}.SVG),
	}
}

// TestFiguresAreDeterministicAndAccessible draws every kind of figure twice
// and checks that the drawings are equal, well-formed XML, named and
// described for screen readers, and that text is escaped.
func TestFiguresAreDeterministicAndAccessible(t *testing.T) {
	for name, f := range figures() {
		t.Run(name, func(t *testing.T) {
			a, err := f.SVG()
			require.NoError(t, err)
			b, err := f.SVG()
			require.NoError(t, err)
			assert.Equal(t, string(a), string(b), "two drawings of the same figure differ")
			svg := string(a)
			for _, want := range []string{`role="img"`, "<title", "<desc", "&lt;a &amp; b&gt;"} {
				assert.Contains(t, svg, want)
			}
			assert.NotContains(t, svg, "<a & b>", "text is not escaped")
			d := xml.NewDecoder(strings.NewReader(svg))
			for {
				_, err := d.Token()
				if err != nil {
					assert.ErrorContains(t, err, "EOF", "the SVG is not well-formed XML")
					break
				}
			}
		})
	}
}

func TestTaskTimeline(t *testing.T) {
	svg := string(TaskTimeline{Rows: []TaskRow{{Name: "main", Spans: []TaskSpan{{Waiting, 0, 3 * time.Second}}}}}.SVG())
	assert.Contains(t, svg, "<title id=\"timeline-title\">Event loop timeline</title>", "an empty title gets the default one")
	assert.Contains(t, svg, "<desc id=\"timeline-desc\">One row per task, time from 0s to 3s. main: waiting from 0s to 3s.</desc>")
	assert.Contains(t, svg, "prefers-color-scheme:dark", "the timeline carries a dark palette")
}

func TestTickStep(t *testing.T) {
	for end, want := range map[time.Duration]time.Duration{
		8: 1, 9: 2, 3 * time.Second: 500 * time.Millisecond, 500 * time.Millisecond: 100 * time.Millisecond,
	} {
		assert.Equal(t, want, tickStep(end), "tickStep(%v)", end)
	}
}

func TestChartsRejectWhatALogAxisCannotShow(t *testing.T) {
	for name, f := range map[string]svger{
		"zero bar":       BarChart{Bars: []Bar{{Label: "zero", Value: 0}}},
		"no bars":        BarChart{},
		"negative point": LineChart{Series: []Series{{Points: []Point{{1, -1}}}}},
		"no points":      LineChart{},
	} {
		_, err := f.SVG()
		assert.Error(t, err, name)
	}
}

func TestSchedTimeline(t *testing.T) {
	const ms = time.Millisecond
	tl := SchedTimeline{
		Title:  "t",
		Groups: []string{"spin", "read"},
		Lanes: []SchedLane{
			{Name: "P0", Spans: []SchedSpan{{0, 40 * ms, 0, "spin", false}}},
			{Name: "system calls", Spans: []SchedSpan{{ms, 30 * ms, 1, "read", false}, {2 * ms, 2500 * time.Microsecond, 1, "", false}}},
		},
		Marks: []SchedMark{{0, 10 * ms, "spin is preempted"}},
		Note:  strings.Repeat("word ", 40),
	}
	svg := string(tl.SVG())
	assert.Contains(t, svg, "<desc id=\"desc\">Time from 0 to 40 ms. P0: spin from 0 ms to 40 ms. "+
		"system calls: read from 1 ms to 30 ms; 1 shorter bar. 1, at 10 ms: spin is preempted.</desc>")
	assert.Contains(t, svg, ">spin</text>", "a label that fits is written in its bar")
	assert.Contains(t, svg, "prefers-color-scheme:dark", "the picture carries a dark palette")
	assert.NotContains(t, svg, "enlarged", "no second panel without Zoom")
	assert.Equal(t, 2, strings.Count(svg, `class="mu s"`), "the long note wraps onto two lines")
}

func TestPackRows(t *testing.T) {
	const ms = time.Millisecond
	rows, n := packRows([]SchedSpan{
		{Start: 0, End: 10 * ms}, {Start: ms, End: 2 * ms}, {Start: 2 * ms, End: 3 * ms},
		{Start: 3 * ms, End: 4 * ms, Held: true}, {Start: 5 * ms, End: 12 * ms}, {Start: 11 * ms, End: 13 * ms},
	})
	assert.Equal(t, []int{0, 1, 1, 0, 1, 0}, rows, "each span on the first row where it overlaps nothing; held spans on the first")
	assert.Equal(t, 2, n)
}

func TestFmtMillis(t *testing.T) {
	for d, want := range map[time.Duration]string{
		153 * time.Microsecond: "0.153 ms", 1500 * time.Microsecond: "1.5 ms", 11240 * time.Microsecond: "11.2 ms",
		40 * time.Millisecond: "40 ms", 123456 * time.Microsecond: "123 ms",
	} {
		assert.Equal(t, want, fmtMillis(d), "fmtMillis(%v)", time.Duration(d))
	}
}
