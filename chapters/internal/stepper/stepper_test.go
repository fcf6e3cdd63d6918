package stepper

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// sample is a small log with every kind of step and most kinds of events,
// and names that need escaping.
const sample = `{"steps": [
  {"iteration": 0, "kind": "start", "time": "0s", "events": [{"kind": "spawn", "name": "main"}],
   "ready": ["main"], "pending": 0, "timers": []},
  {"iteration": 1, "kind": "task", "runs": "main", "time": "50ms", "events": [
     {"kind": "start"}, {"kind": "spawn", "name": "<a & b>"}, {"kind": "print", "text": "say \"hi\""},
     {"kind": "busy", "at": "50ms"}, {"kind": "timer", "name": "timer callback", "at": "1s"},
     {"kind": "await", "name": "<a & b>"}],
   "ready": ["<a & b>"], "pending": 0, "timers": [{"at": "1s", "name": "timer callback"}]},
  {"iteration": 2, "kind": "task", "runs": "<a & b>", "time": "50ms", "events": [
     {"kind": "start"}, {"kind": "sleep", "at": "1h"}],
   "ready": [], "pending": 0, "timers": [{"at": "1s", "name": "timer callback"}, {"at": "1h", "name": "<a & b>"}]},
  {"iteration": 3, "kind": "wait", "time": "1s", "events": [
     {"kind": "wait", "at": "1s"}, {"kind": "due", "name": "timer callback", "at": "1s"}],
   "ready": ["timer callback"], "pending": 1, "timers": [{"at": "1h", "name": "<a & b>"}]},
  {"iteration": 3, "kind": "callback", "runs": "timer callback", "time": "1s", "events": [
     {"kind": "cancel", "name": "<a & b>", "text": "waiting"}],
   "ready": ["<a & b>"], "pending": 0, "timers": []},
  {"iteration": 4, "kind": "task", "runs": "<a & b>", "time": "1s", "events": [
     {"kind": "resume", "text": "eventloop: cancelled"}, {"kind": "complete", "name": "<a & b>", "text": "eventloop: cancelled"},
     {"kind": "schedule", "name": "main"}, {"kind": "return", "name": "<a & b>"}],
   "ready": ["main"], "pending": 0, "timers": []},
  {"iteration": 5, "kind": "task", "runs": "main", "time": "1s", "events": [
     {"kind": "resume"}, {"kind": "spawn", "name": "late"}, {"kind": "complete", "name": "main"}, {"kind": "return", "name": "main"}],
   "ready": ["late"], "pending": 0, "timers": []},
  {"iteration": 5, "kind": "shutdown", "time": "1s", "events": [{"kind": "cancel", "name": "late", "text": "ready"}],
   "ready": ["late"], "pending": 0, "timers": []},
  {"iteration": 6, "kind": "task", "runs": "late", "time": "1s", "events": [
     {"kind": "start", "text": "eventloop: cancelled"}, {"kind": "complete", "name": "late", "text": "eventloop: cancelled"},
     {"kind": "return", "name": "late"}],
   "ready": [], "pending": 0, "timers": []},
  {"iteration": 6, "kind": "end", "time": "1s", "events": [{"kind": "return", "name": "Run"}],
   "ready": [], "pending": 0, "timers": []}
]}`

func TestSentences(t *testing.T) {
	l, err := Parse([]byte(sample))
	require.NoError(t, err)
	got, err := l.Sentences()
	require.NoError(t, err)
	assert.Equal(t, []string{
		"Run spawns <code>main</code>.",
		"<code>main</code> starts, spawns <code>&lt;a &amp; b&gt;</code>, prints <q data-out>say &#34;hi&#34;</q>, " +
			"holds the loop for 50ms (Task.Busy), so the clock moves to 50ms and nothing else runs meanwhile, " +
			"sets a timer for 1s (CallLater), then waits for <code>&lt;a &amp; b&gt;</code>.",
		"<code>&lt;a &amp; b&gt;</code> starts, then sleeps until 1h: its timer joins the heap.",
		"Nothing is ready, so the loop waits for the earliest timer: the clock jumps to 1s. " +
			"<code>timer callback</code>, due at 1s, joins the ready queue.",
		"<code>timer callback</code> runs, then cancels <code>&lt;a &amp; b&gt;</code> (it was sleeping: its timer leaves the heap, and it joins the ready queue).",
		"<code>&lt;a &amp; b&gt;</code> resumes: its Sleep returns ErrCancelled, then returns ErrCancelled: its future fails with it, which schedules <code>main</code>.",
		"<code>main</code> resumes: its Await of <code>&lt;a &amp; b&gt;</code> returns ErrCancelled, spawns <code>late</code>, then returns: its future is done.",
		"<code>main</code> has returned. Run cancels <code>late</code> (it is in the ready queue already: its waiting call will return ErrCancelled).",
		"<code>late</code> was cancelled before it ever ran: it never runs its function, and its future fails with ErrCancelled.",
		"Every task has finished. Run returns nil.",
	}, got)
}

// The markup is well formed, carries what stepper.js reads, and has no
// blank line (which would end markdown's HTML block) and no style attribute.
func TestHTML(t *testing.T) {
	l, err := Parse([]byte(sample))
	require.NoError(t, err)
	page, err := Stepper{Name: "sample", Title: "A <sample>"}.HTML(l)
	require.NoError(t, err)
	assert.NotContains(t, string(page), "\n\n")
	assert.NotContains(t, string(page), "style=")
	assert.Contains(t, string(page), `<figure class="stepper" id="stepper-sample" data-stepper>`)
	assert.Contains(t, string(page), `<figcaption class="stepper-title">A &lt;sample&gt;</figcaption>`)
	assert.Equal(t, len(l.Steps), strings.Count(string(page), "<li data-step "), "one <li data-step> per step")
	assert.Contains(t, string(page), `<span data-ready data-pending="1"><code>timer callback</code></span>`)
	assert.Contains(t, string(page), `<code data-at="1h">&lt;a &amp; b&gt;</code> at 1h`)
	assert.Contains(t, string(page), `data-kind="task" data-iteration="2" data-time="50ms" data-runs="&lt;a &amp; b&gt;"`)
	assert.NoError(t, balanced(string(page)), "every element is closed, in order")
}

var tagRE = regexp.MustCompile(`<(/?)([a-z][a-z0-9]*)[^>]*>`)

// balanced checks that the elements of page are closed in order (the
// fragment has no void elements).
func balanced(page string) error {
	var open []string
	for _, m := range tagRE.FindAllStringSubmatch(page, -1) {
		if m[1] == "" {
			open = append(open, m[2])
			continue
		}
		if len(open) == 0 || open[len(open)-1] != m[2] {
			return fmt.Errorf("</%s> closes %v", m[2], open)
		}
		open = open[:len(open)-1]
	}
	if len(open) > 0 {
		return fmt.Errorf("not closed: %v", open)
	}
	return nil
}

func TestHTMLBadName(t *testing.T) {
	l, err := Parse([]byte(sample))
	require.NoError(t, err)
	for _, name := range []string{"", "a b", `a"b`, "a/b"} {
		_, err := Stepper{Name: name}.HTML(l)
		assert.Error(t, err, "name %q", name)
	}
}

func TestParse(t *testing.T) {
	_, err := Parse([]byte(`{"steps": [{"iteration": 0, "kind": "start", "color": "red"}]}`))
	assert.ErrorContains(t, err, `unknown field "color"`, "a field the package does not know must fail: the loop changed")
	_, err = Parse([]byte(`{"steps": []}`))
	assert.ErrorContains(t, err, "no steps")
}

func TestUnknownKind(t *testing.T) {
	l := &Log{Steps: []Step{{Kind: "dance", Time: "0s"}}}
	_, err := l.Sentences()
	assert.ErrorContains(t, err, `unknown kind of step "dance"`)
}

// JSON writes the log in a stable layout that Parse reads back unchanged.
func TestJSON(t *testing.T) {
	l, err := Parse([]byte(sample))
	require.NoError(t, err)
	again, err := Parse(l.JSON())
	require.NoError(t, err)
	assert.Equal(t, l, again)
	assert.Contains(t, string(l.JSON()), "\n     {\"kind\":\"spawn\",\"name\":\"main\"}\n", "one event per line")
}
