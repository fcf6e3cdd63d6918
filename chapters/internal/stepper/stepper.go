// Package stepper turns the steps that the course's event loop (package
// eventloop) records in its StepLog, encoded as JSON, into what a chapter
// page shows: a stepper that replays the run one step at a time.
//
// A chapter's test records a scenario and calls [Check], which compares two
// golden files through package golden:
//
//   - testdata/steps/NAME.json: the steps themselves, one event per line, so
//     that a change in the loop's behaviour fails the test with a readable
//     diff;
//   - testdata/steps/NAME.md: the stepper's HTML, which the README includes
//     with <!-- include: testdata/steps/NAME.md -->.
//
// The HTML reads well on its own (on GitHub, or with scripts off): a caption
// and, folded in a <details>, every step in words with the ready queue and
// the timers after it. The site's stepper.js finds the root element (it has
// the attribute data-stepper), reads the steps from the markup and builds the
// controls: see "The site's markup" in CONTRIBUTING.md. The fragment has no
// blank line, so that markdown keeps it as one block of HTML, and no style
// attribute or script, which the pages' Content-Security-Policy forbids.
//
// This package reads the JSON and does not import the loop's chapter, so
// that no helper depends on a chapter's number.
package stepper

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/asyncgo/course/chapters/internal/golden"
)

// A Log is a recorded run: the JSON that the loop's StepLog writes.
type Log struct {
	Steps []Step `json:"steps"`
}

// A Step is one step of the loop: what happened, and the loop afterwards.
// Times are Go durations as text ("1.5s").
type Step struct {
	Iteration int      `json:"iteration"`
	Kind      string   `json:"kind"` // start, wait, task, callback, shutdown or end
	Runs      string   `json:"runs,omitempty"`
	Events    []Event  `json:"events"`
	Time      string   `json:"time"`
	Ready     []string `json:"ready"`
	Pending   int      `json:"pending"` // how many of Ready run in this iteration
	Timers    []Timer  `json:"timers"`
}

// An Event is one thing that happened in a step; the loop's EventKind
// constants say what each kind means and which fields it sets.
type Event struct {
	Kind string `json:"kind"`
	Name string `json:"name,omitempty"`
	At   string `json:"at,omitempty"`
	Text string `json:"text,omitempty"`
}

// A Timer is a timer of the loop: when it is due and what it runs.
type Timer struct {
	At   string `json:"at"`
	Name string `json:"name"`
}

// Parse reads a log. A field it does not know is an error: the loop has
// changed, and this package must learn the change.
func Parse(data []byte) (*Log, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var l Log
	if err := dec.Decode(&l); err != nil {
		return nil, fmt.Errorf("parse the step log: %w", err)
	}
	if len(l.Steps) == 0 {
		return nil, fmt.Errorf("parse the step log: no steps")
	}
	return &l, nil
}

// A Stepper is one scenario on a chapter page.
type Stepper struct {
	Name  string // names the files (testdata/steps/NAME.json and .md) and the element's id
	Title string // the caption, plain text: what the reader steps through
}

// Check encodes the recorded log (the loop's StepLog) and compares it with
// testdata/steps/NAME.json, then builds the stepper's HTML from it and
// compares that with testdata/steps/NAME.md. With -update it writes both.
func Check(t testing.TB, s Stepper, log json.Marshaler) {
	t.Helper()
	raw, err := log.MarshalJSON()
	if err != nil {
		t.Fatalf("encoding the steps of %s: %v", s.Name, err)
	}
	l, err := Parse(raw)
	if err != nil {
		t.Fatalf("%s: %v", s.Name, err)
	}
	dir := filepath.Join("testdata", "steps")
	golden.Check(t, filepath.Join(dir, s.Name+".json"), l.JSON())
	html, err := s.HTML(l)
	if err != nil {
		t.Fatalf("%s: %v", s.Name, err)
	}
	golden.Check(t, filepath.Join(dir, s.Name+".md"), html)
}

// JSON encodes the log for its golden file: one step after the other, each
// event and the ready queue and timers on a line of their own.
func (l *Log) JSON() []byte {
	var b bytes.Buffer
	q := func(v any) string {
		j, _ := json.Marshal(v) // strings, ints, and structs of them: cannot fail
		return string(j)
	}
	b.WriteString("{\"steps\": [\n")
	for i, s := range l.Steps {
		fmt.Fprintf(&b, "  {\"iteration\": %d, \"kind\": %s", s.Iteration, q(s.Kind))
		if s.Runs != "" {
			fmt.Fprintf(&b, ", \"runs\": %s", q(s.Runs))
		}
		fmt.Fprintf(&b, ", \"time\": %s,\n   \"events\": [", q(s.Time))
		for j, e := range s.Events {
			if j > 0 {
				b.WriteString(",")
			}
			b.WriteString("\n     " + q(e))
		}
		if len(s.Events) > 0 {
			b.WriteString("\n   ")
		}
		ready := s.Ready
		if ready == nil {
			ready = []string{}
		}
		timers := s.Timers
		if timers == nil {
			timers = []Timer{}
		}
		fmt.Fprintf(&b, "],\n   \"ready\": %s, \"pending\": %d,\n   \"timers\": %s}", q(ready), s.Pending, q(timers))
		if i < len(l.Steps)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("]}\n")
	return b.Bytes()
}
