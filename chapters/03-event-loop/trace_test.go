package eventloop_test

import (
	"fmt"
	"io"
	"path/filepath"
	"testing"
	"time"

	"github.com/asyncgo/course/chapters/03-event-loop"
	"github.com/asyncgo/course/chapters/internal/figure"
	"github.com/asyncgo/course/chapters/internal/golden"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A program is what a scenario runs on the loop l: its main task. Its tasks
// print to out, which the step log records.
type program func(l *eventloop.Loop, out io.Writer) func(t *eventloop.Task) error

// record runs the program p on a loop with a virtual clock and returns the
// trace and the steps the loop recorded.
func record(t *testing.T, p program) (*eventloop.Trace, *eventloop.StepLog) {
	t.Helper()
	l := eventloop.New(eventloop.VirtualClock())
	steps := l.RecordSteps()
	run(t, l, p(l, steps))
	return l.Record(), steps
}

// threeSleepers is the chapter's first picture: three tasks sleeping 3 s,
// 1 s and 2 s at the same time, gathered by main (the chapter's Example).
func threeSleepers(l *eventloop.Loop, out io.Writer) func(t *eventloop.Task) error {
	return func(t *eventloop.Task) error {
		var fs []*eventloop.Future[string]
		for _, d := range []time.Duration{3 * time.Second, time.Second, 2 * time.Second} {
			fs = append(fs, eventloop.Spawn(l, "sleep "+d.String(), func(t *eventloop.Task) (string, error) {
				if err := t.Sleep(d); err != nil {
					return "", err
				}
				fmt.Fprintf(out, "%v: %s woke up\n", t.Now(), t.Name())
				return t.Name(), nil
			}))
		}
		names, err := eventloop.Gather(t, fs...)
		fmt.Fprintf(out, "%v: gathered %q\n", t.Now(), names)
		return err
	}
}

// ticker ticks every 100 ms, three times.
func ticker(out io.Writer) func(t *eventloop.Task) (int, error) {
	return func(t *eventloop.Task) (int, error) {
		for i := range 3 {
			if err := t.Sleep(100 * time.Millisecond); err != nil {
				return i, err
			}
			fmt.Fprintf(out, "%v: tick\n", t.Now())
		}
		return 3, nil
	}
}

// blockingCall: a task holds the loop for 250 ms; the ticker is ready at
// 100 ms but runs only at 300 ms.
func blockingCall(l *eventloop.Loop, out io.Writer) func(t *eventloop.Task) error {
	return func(t *eventloop.Task) error {
		tick := eventloop.Spawn(l, "ticker", ticker(out))
		eventloop.Spawn(l, "blocker", func(t *eventloop.Task) (int, error) {
			if err := t.Sleep(50 * time.Millisecond); err != nil {
				return 0, err
			}
			t.Busy(250 * time.Millisecond)
			return 0, nil
		})
		_, err := tick.Await(t)
		return err
	}
}

// executor: the same 250 ms of work handed to a goroutine; the ticker keeps
// its rhythm.
func executor(l *eventloop.Loop, out io.Writer) func(t *eventloop.Task) error {
	return func(t *eventloop.Task) error {
		tick := eventloop.Spawn(l, "ticker", ticker(out))
		eventloop.Spawn(l, "offloader", func(t *eventloop.Task) (int, error) {
			if err := t.Sleep(50 * time.Millisecond); err != nil {
				return 0, err
			}
			return eventloop.RunInExecutor(l, "executor job", 250*time.Millisecond, func() (int, error) {
				return 42, nil
			}).Await(t)
		})
		_, err := tick.Await(t)
		return err
	}
}

// timeline turns a recorded trace into the picture the chapter shows.
func timeline(title string, tr *eventloop.Trace) figure.TaskTimeline {
	tl := figure.TaskTimeline{Title: title, End: tr.End}
	for _, task := range tr.Tasks {
		row := figure.TaskRow{Name: task.Name, Finished: task.Finished}
		for _, s := range task.Spans {
			row.Spans = append(row.Spans, figure.TaskSpan{State: figure.TaskState(s.State.String()), Start: s.Start, End: s.End})
		}
		tl.Rows = append(tl.Rows, row)
	}
	return tl
}

// TestTimelineSVG draws the chapter's three pictures from the traces the
// loop records (go test -run TestTimelineSVG -update redraws them; then look
// at the pictures).
func TestTimelineSVG(t *testing.T) {
	for _, tc := range []struct {
		name, title string
		program     program
	}{
		{"three-sleepers", "Three tasks sleep 3 s, 1 s and 2 s at once: all done at 3 s", threeSleepers},
		{"blocking-call", "A 250 ms blocking call holds up the ticker", blockingCall},
		{"executor", "The same work in RunInExecutor: the ticker keeps time", executor},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr, _ := record(t, tc.program)
			svg := timeline(tc.title, tr).SVG()
			golden.Check(t, filepath.Join("testdata", tc.name+".svg"), svg)
		})
	}
}

// The trace itself: what the picture is drawn from.
func TestTraceThreeSleepers(t *testing.T) {
	tr, _ := record(t, threeSleepers)
	want := map[string][]eventloop.Span{
		"main": { // zero-length Ready spans are not kept
			{State: eventloop.Running, Start: 0, End: 0},
			{State: eventloop.Waiting, Start: 0, End: 3 * time.Second},
			{State: eventloop.Running, Start: 3 * time.Second, End: 3 * time.Second},
		},
		"sleep 1s": {
			{State: eventloop.Running, Start: 0, End: 0},
			{State: eventloop.Waiting, Start: 0, End: time.Second},
			{State: eventloop.Running, Start: time.Second, End: time.Second},
		},
	}
	require.Equal(t, 3*time.Second, tr.End, "the trace ends when the last task returns")
	require.Len(t, tr.Tasks, 4, "main and the three sleepers")
	for _, row := range tr.Tasks {
		assert.True(t, row.Finished, "%s: not finished", row.Name)
		if w, ok := want[row.Name]; ok {
			assert.Equal(t, w, row.Spans, "%s: spans", row.Name)
		}
	}
}
