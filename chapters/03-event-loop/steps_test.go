package eventloop_test

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/asyncgo/course/chapters/03-event-loop"
	"github.com/asyncgo/course/chapters/internal/stepper"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// futureTimer: a timer's callback completes a plain future; the future's
// done-callback and the task awaiting it run in the next iteration, as in
// python/future_timer.py.
func futureTimer(l *eventloop.Loop, out io.Writer) func(t *eventloop.Task) error {
	return func(t *eventloop.Task) error {
		f := eventloop.NewFuture[string](l)
		f.OnDone(func() {
			v, _ := f.Result()
			fmt.Fprintf(out, "the done-callback sees %q\n", v)
		})
		l.CallLater(200*time.Millisecond, func() {
			fmt.Fprintln(out, "the timer's callback sets the result")
			f.SetResult("ready")
			fmt.Fprintln(out, "SetResult has returned: nothing else has run yet")
		})
		v, err := f.Await(t)
		fmt.Fprintf(out, "main awaited %q\n", v)
		return err
	}
}

// The Go scenario prints the lines of python/future_timer.py, in the same
// order, with Go's names and quotes.
func TestFutureTimerLikePython(t *testing.T) {
	var out strings.Builder
	l := eventloop.New(eventloop.VirtualClock())
	run(t, l, futureTimer(l, &out))
	assert.Equal(t, strings.Join([]string{
		"the timer's callback sets the result",
		"SetResult has returned: nothing else has run yet",
		`the done-callback sees "ready"`,
		`main awaited "ready"`,
	}, "\n")+"\n", out.String())
}

// TestSteps records the chapter's scenarios step by step and checks the
// steps and the steppers made from them against the golden files in
// testdata/steps (go test -run TestSteps -update rewrites them; then read
// the diff).
func TestSteps(t *testing.T) {
	for _, tc := range []struct {
		stepper.Stepper
		program program
	}{
		{stepper.Stepper{Name: "three-sleepers", Title: "Three tasks sleep 3 s, 1 s and 2 s, and main gathers them"}, threeSleepers},
		{stepper.Stepper{Name: "future-timer", Title: "A timer's callback completes a future; its waiters run one iteration later"}, futureTimer},
		{stepper.Stepper{Name: "blocking-call", Title: "A 250 ms blocking call holds up the ticker"}, blockingCall},
	} {
		t.Run(tc.Name, func(t *testing.T) {
			_, steps := record(t, tc.program)
			stepper.Check(t, tc.Stepper, steps)
		})
	}
}

// summary is a step in one line: iteration, kind, who ran, event kinds,
// time, ready queue (a bar where the next iteration begins) and timers.
func summary(s eventloop.Step) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d %s", s.Iteration, s.Kind)
	if s.Runs != "" {
		fmt.Fprintf(&b, " %q", s.Runs)
	}
	b.WriteString(":")
	for _, e := range s.Events {
		b.WriteString(" " + e.Kind.String())
	}
	ready := slices.Clone(s.Ready)
	ready = slices.Insert(ready, s.Pending, "|")
	fmt.Fprintf(&b, " @%v ready%v timers%d", s.Time, ready, len(s.Timers))
	return b.String()
}

func summaries(steps []eventloop.Step) []string {
	var out []string
	for _, s := range steps {
		out = append(out, summary(s))
	}
	return out
}

// The steps of a task that yields: the ready queue shows which entries run
// in the iteration in progress (before the bar) and which in the next.
func TestStepsYield(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	steps := l.RecordSteps()
	var fs []*eventloop.Future[int]
	for _, name := range []string{"a", "b"} {
		fs = append(fs, eventloop.Spawn(l, name, func(t *eventloop.Task) (int, error) { return 0, t.Yield() }))
	}
	run(t, l, func(t *eventloop.Task) error {
		_, err := eventloop.Gather(t, fs...)
		return err
	})
	assert.Equal(t, []string{
		"0 start: spawn spawn spawn @0s ready[| a b main] timers0",
		`1 task "a": start yield @0s ready[b main | a] timers0`,
		`1 task "b": start yield @0s ready[main | a b] timers0`,
		`1 task "main": start await @0s ready[| a b] timers0`,
		`2 task "a": resume complete schedule return @0s ready[b | done-callback of a] timers0`,
		`2 task "b": resume complete schedule return @0s ready[| done-callback of a done-callback of b] timers0`,
		`3 callback "done-callback of a": @0s ready[done-callback of b |] timers0`,
		`3 callback "done-callback of b": complete schedule @0s ready[| main] timers0`,
		`4 task "main": resume complete return @0s ready[|] timers0`,
		"4 end: return @0s ready[|] timers0",
	}, summaries(steps.Steps), "a yield puts the task behind the entries of this iteration: it runs again in the next one")
}

// When main returns, Run cancels the tasks left (a shutdown step), runs the
// loop until they finish, and stops for good a task that waits again with
// nothing to wake it (the end step).
func TestStepsShutdownAndEnd(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	steps := l.RecordSteps()
	run(t, l, func(t *eventloop.Task) error {
		eventloop.Spawn(l, "stubborn", func(t *eventloop.Task) (int, error) {
			_ = t.Sleep(time.Hour)                         // cancelled at shutdown
			_, err := eventloop.NewFuture[int](l).Await(t) // nothing completes it
			fmt.Fprintf(steps, "stubborn: %v\n", err)      // ErrClosed, in the end step
			return 0, err
		})
		return t.Yield()
	})
	got := summaries(steps.Steps)
	assert.Equal(t, []string{
		"0 start: spawn @0s ready[| main] timers0",
		`1 task "main": start spawn yield @0s ready[| stubborn main] timers0`,
		`2 task "stubborn": start sleep @0s ready[main |] timers1`,
		`2 task "main": resume complete return @0s ready[|] timers1`,
		"2 shutdown: cancel @0s ready[| stubborn] timers0",
		`3 task "stubborn": resume await @0s ready[|] timers0`,
		"3 end: stop print complete return @0s ready[|] timers0",
	}, got, "steps")
	end := steps.Steps[len(steps.Steps)-1]
	assert.Equal(t, eventloop.Event{Kind: eventloop.PrintEvent, Text: "stubborn: eventloop: loop closed"}, end.Events[1])
	assert.Equal(t, eventloop.Event{Kind: eventloop.ReturnEvent, Name: "Run"}, end.Events[3], "Run returns main's nil error")
}

// A deadlock ends the log with Run's error.
func TestStepsDeadlock(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	steps := l.RecordSteps()
	err := l.Run(func(t *eventloop.Task) error {
		_, err := eventloop.NewFuture[int](l).Await(t)
		return err
	})
	require.ErrorIs(t, err, eventloop.ErrDeadlock)
	end := steps.Steps[len(steps.Steps)-1]
	assert.Equal(t, eventloop.EndStep, end.Kind)
	assert.Equal(t, eventloop.Event{Kind: eventloop.ReturnEvent, Name: "Run", Text: err.Error()}, end.Events[len(end.Events)-1])
}

// Output is recorded line by line in the step that wrote it; a line without
// its newline is kept for the end of the step.
func TestStepsOutput(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	steps := l.RecordSteps()
	run(t, l, func(t *eventloop.Task) error {
		fmt.Fprint(steps, "one\ntw")
		fmt.Fprint(steps, "o\nthree")
		return nil
	})
	var got []string
	for _, e := range steps.Steps[1].Events {
		if e.Kind == eventloop.PrintEvent {
			got = append(got, e.Text)
		}
	}
	assert.Equal(t, []string{"one", "two", "three"}, got)
}

// Recording steps changes nothing the program can see: the same output,
// the same trace.
func TestStepsChangeNothing(t *testing.T) {
	for _, p := range []program{threeSleepers, futureTimer, blockingCall, executor} {
		plain := eventloop.New(eventloop.VirtualClock())
		tr := plain.Record()
		var out1 strings.Builder
		run(t, plain, p(plain, &out1))

		recorded := eventloop.New(eventloop.VirtualClock())
		steps := recorded.RecordSteps()
		var out2 strings.Builder
		run(t, recorded, p(recorded, io.MultiWriter(&out2, steps)))

		assert.Equal(t, out1.String(), out2.String(), "output")
		assert.Equal(t, tr, recorded.Record(), "trace")
	}
}
