package eventloop

import (
	"fmt"
	"time"
)

// A State is what a task is doing at some moment, as recorded in a [Trace].
type State uint8

// The states of a task.
const (
	Ready   State = iota // in the ready queue: it could run, but the loop runs something else
	Running              // running on the loop; no other task runs
	Waiting              // suspended until a timer fires or a future completes
	Done                 // returned; no spans are recorded in this state
)

var stateNames = [...]string{"ready", "running", "waiting", "done"}

// String returns "ready", "running", "waiting" or "done".
func (s State) String() string {
	if int(s) < len(stateNames) {
		return stateNames[s]
	}
	return fmt.Sprintf("State(%d)", s)
}

// A Span is a stretch of time a task spent in one state. On a virtual clock a
// task often runs for no time at all: its Running span has Start == End.
type Span struct {
	State      State
	Start, End time.Duration
}

// A TaskTrace is the history of one task (or one executor job): its spans in
// time order.
type TaskTrace struct {
	Name     string
	Spans    []Span
	Finished bool // the task returned before the trace ended
}

// A Trace records, for every task of a loop, when it ran and when it waited.
// [Loop.Record] makes the loop fill one in; a timeline drawn from it shows
// the loop at work.
type Trace struct {
	Tasks []*TaskTrace  // one each, in the order the tasks were spawned
	End   time.Duration // when the trace ends: the last change of state
}

// Record makes the loop record a trace of its tasks and returns it. Call it
// before [Loop.Run]; the trace is complete when Run returns.
func (l *Loop) Record() *Trace {
	if l.trace == nil {
		l.trace = &Trace{}
	}
	return l.trace
}

func (tr *Trace) add(name string) *TaskTrace {
	row := &TaskTrace{Name: name}
	tr.Tasks = append(tr.Tasks, row)
	return row
}

// setState moves the task to state s. It is on the hot path of every switch,
// so it stays small enough to inline; the tracing work is in traceState.
func (t *Task) setState(s State) {
	if t.row != nil {
		t.traceState(s, t.loop.clock.Now())
	}
	t.state = s
}

// readySince records, while tracing, that the task became ready at the
// deadline of its timer: if the loop was held past it, the trace shows the
// task ready, not waiting, since then.
func (t *Task) readySince(deadline time.Duration) {
	if t.row != nil && t.state == Waiting {
		t.traceState(Ready, deadline)
		t.state = Ready
	}
}

// traceState closes the span of the task's current state. Zero-length spans
// are kept only for Running (the task ran, if only for an instant); adjacent
// spans of one state are merged. The state changed at time now.
func (t *Task) traceState(s State, now time.Duration) {
	t.row.record(t.state, t.since, now)
	t.since = now
	t.loop.trace.End = max(t.loop.trace.End, now)
	if s == Done {
		t.row.Finished = true
	}
	if t.loop.steps != nil {
		t.loop.steps.taskState(t, s)
	}
}

func (row *TaskTrace) record(s State, start, end time.Duration) {
	if s == Done || (start == end && s != Running) {
		return
	}
	if n := len(row.Spans); n > 0 && row.Spans[n-1].State == s && row.Spans[n-1].End == start {
		row.Spans[n-1].End = end
		return
	}
	row.Spans = append(row.Spans, Span{State: s, Start: start, End: end})
}
