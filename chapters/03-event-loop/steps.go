package eventloop

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// A StepLog records what a loop does, one step at a time, so that a reader
// can replay it: at the start of an iteration, the loop's own work (it waits
// for the next timer and moves the timers that are due to the ready queue),
// then each callback or task it runs, in a step of its own. After every step
// it notes the clock, the ready queue and the timers. [Loop.RecordSteps]
// makes a loop keep one.
//
// A StepLog is an [io.Writer]: text that the loop's tasks and callbacks write
// to it is recorded, line by line, as output of the step that wrote it.
//
// The log is meant for the virtual clock, on which every run of a program
// gives the same steps at the same times.
type StepLog struct {
	Steps []Step // in the order they happened

	loop    *Loop
	open    bool           // the last of Steps is still being recorded
	running *Task          // the task whose step is open, if any
	labels  []string       // names of function callbacks; callback.gen-1 indexes it
	now     map[entry]bool // the ready entries of the iteration in progress
	partial []byte         // output not yet ended by a newline
	iter    int            // the iteration in progress
	done    bool           // Run has returned
}

// A Step is one step of a loop, as recorded in a [StepLog]: what happened in
// it, and the state of the loop when it was over.
type Step struct {
	Iteration int           // the loop's iteration, from 1; 0 before the first, the last one for shutdown and end
	Kind      StepKind      // what the loop did
	Runs      string        // the task or callback that ran, for TaskStep and CallbackStep
	Events    []Event       // what happened, in order
	Time      time.Duration // the loop's time at the end of the step
	Ready     []string      // the ready queue at the end of the step, first to run first
	Pending   int           // how many of Ready still run in this iteration; the others wait for the next
	Timers    []StepTimer   // the timers at the end of the step, earliest first
}

// A StepKind says what the loop did in a [Step].
type StepKind uint8

// The kinds of steps.
const (
	StartStep    StepKind = iota // before the first iteration: Run spawns main
	WaitStep                     // an iteration begins: the loop waits for a timer, due timers join the ready queue
	TaskStep                     // a task runs until it waits or returns
	CallbackStep                 // a callback runs
	ShutdownStep                 // main has returned: Run cancels the tasks left
	EndStep                      // Run returns
)

var stepKindNames = [...]string{"start", "wait", "task", "callback", "shutdown", "end"}

// String returns "start", "wait", "task", "callback", "shutdown" or "end".
func (k StepKind) String() string {
	if int(k) < len(stepKindNames) {
		return stepKindNames[k]
	}
	return fmt.Sprintf("StepKind(%d)", k)
}

// A StepTimer is a timer as a [Step] shows it: when it is due and what it
// runs (a task's name for a sleeping task).
type StepTimer struct {
	At   time.Duration
	Name string
}

// An Event is one thing that happened in a [Step]. Which fields are set
// depends on its Kind; see the constants.
type Event struct {
	Kind EventKind
	Name string        // the task, future or callback concerned
	At   time.Duration // a time or a duration
	Text string        // a line of output, an error, a state
}

// An EventKind says what an [Event] is.
type EventKind uint8

// The kinds of events. Name, At and Text are empty unless said otherwise.
const (
	SpawnEvent    EventKind = iota // a task is spawned: Name is the task; it joins the ready queue
	StartEvent                     // the task of the step runs for the first time; Text is "eventloop: cancelled" if it was cancelled before, and then it never runs its function
	ResumeEvent                    // the task of the step resumes: the call it waited in returns; Text is the error it returns, if any
	PrintEvent                     // a line is written to the StepLog: Text is the line
	SleepEvent                     // the task sleeps: At is when its timer is due
	YieldEvent                     // the task yields: it goes to the back of the ready queue
	AwaitEvent                     // the task waits for a future: Name is the future (a task's future is named after the task)
	BusyEvent                      // the task holds the loop for At (Task.Busy): the clock moves on
	ReturnEvent                    // the task returns (Name is the task), or Run returns (Name is "Run", Text its error)
	CompleteEvent                  // a future completes: Name is the future, Text its error
	ScheduleEvent                  // a callback or task joins the ready queue: Name is what
	CancelEvent                    // a task is cancelled: Name is the task, Text its state before ("ready", "running" or "waiting"); a waiting task joins the ready queue
	TimerEvent                     // a timer is set: At is when it is due, Name is what it runs
	WaitEvent                      // nothing is ready: the loop waits until At, the next timer
	DueEvent                       // a timer is due (At is its deadline): Name joins the ready queue
	StopEvent                      // Run stops a task for good: Name is the task; its waiting call returns ErrClosed
)

var eventKindNames = [...]string{"spawn", "start", "resume", "print", "sleep", "yield", "await", "busy",
	"return", "complete", "schedule", "cancel", "timer", "wait", "due", "stop"}

// String returns the kind's name: "spawn", "start", "resume" and so on, as
// in the names of the constants.
func (k EventKind) String() string {
	if int(k) < len(eventKindNames) {
		return eventKindNames[k]
	}
	return fmt.Sprintf("EventKind(%d)", k)
}

// RecordSteps makes the loop record a [StepLog] and returns it. Call it
// before spawning any task and before [Loop.Run]; the log is complete when
// Run returns. It also turns on the [Trace] of [Loop.Record], from which the
// log learns when tasks change state.
func (l *Loop) RecordSteps() *StepLog {
	if l.steps == nil {
		l.Record()
		l.steps = &StepLog{loop: l, now: make(map[entry]bool)}
		l.steps.begin(StartStep, "")
	}
	return l.steps
}

// Write records p as output of the step in progress, one [PrintEvent] per
// line. A line without its newline waits for the rest. It never fails.
func (s *StepLog) Write(p []byte) (int, error) {
	s.partial = append(s.partial, p...)
	for {
		i := bytes.IndexByte(s.partial, '\n')
		if i < 0 {
			break
		}
		s.add(Event{Kind: PrintEvent, Text: string(s.partial[:i])})
		s.partial = s.partial[i+1:]
	}
	return len(p), nil
}

// MarshalJSON encodes the log as {"steps": [...]}, with lower-case field
// names, kinds by name, and times and durations as Go writes them ("1.5s").
func (s *StepLog) MarshalJSON() ([]byte, error) {
	type jsonTimer struct {
		At   string `json:"at"`
		Name string `json:"name"`
	}
	type jsonEvent struct {
		Kind string `json:"kind"`
		Name string `json:"name,omitempty"`
		At   string `json:"at,omitempty"`
		Text string `json:"text,omitempty"`
	}
	type jsonStep struct {
		Iteration int         `json:"iteration"`
		Kind      string      `json:"kind"`
		Runs      string      `json:"runs,omitempty"`
		Events    []jsonEvent `json:"events"`
		Time      string      `json:"time"`
		Ready     []string    `json:"ready"`
		Pending   int         `json:"pending"`
		Timers    []jsonTimer `json:"timers"`
	}
	steps := make([]jsonStep, len(s.Steps))
	for i, st := range s.Steps {
		js := jsonStep{Iteration: st.Iteration, Kind: st.Kind.String(), Runs: st.Runs, Time: st.Time.String(),
			Events: []jsonEvent{}, Ready: append([]string{}, st.Ready...), Pending: st.Pending, Timers: []jsonTimer{}}
		for _, e := range st.Events {
			je := jsonEvent{Kind: e.Kind.String(), Name: e.Name, Text: e.Text}
			if e.Kind.timed() {
				je.At = e.At.String()
			}
			js.Events = append(js.Events, je)
		}
		for _, tm := range st.Timers {
			js.Timers = append(js.Timers, jsonTimer{At: tm.At.String(), Name: tm.Name})
		}
		steps[i] = js
	}
	return json.Marshal(struct {
		Steps []jsonStep `json:"steps"`
	}{steps})
}

// timed reports whether an event of kind k has a time in At.
func (k EventKind) timed() bool {
	switch k {
	case SleepEvent, BusyEvent, TimerEvent, WaitEvent, DueEvent:
		return true
	}
	return false
}

// entry identifies an entry of the ready queue: a task's entry by the task
// and its gen, a function's by its label (every function callback scheduled
// while recording gets a label of its own).
type entry struct {
	t   *Task
	gen uint64
}

// The hooks below are called by the loop. Each begins with a nil check, so
// that a loop that records nothing pays one comparison, inlined.

// begin opens a step of kind k, in which runs runs.
func (s *StepLog) begin(k StepKind, runs string) {
	s.Steps = append(s.Steps, Step{Iteration: s.iter, Kind: k, Runs: runs})
	s.open = true
}

// add records e in the step in progress. Outside the steps of tasks and
// callbacks, only the loop's own work at the start of an iteration makes
// events, so with no step open add opens a wait step; after Run has
// returned, e goes to the last step.
func (s *StepLog) add(e Event) {
	if !s.open && !s.done {
		s.begin(WaitStep, "")
	}
	st := &s.Steps[len(s.Steps)-1]
	st.Events = append(st.Events, e)
}

// end closes the step in progress: it notes the time, the ready queue and
// the timers. A wait or shutdown step in which nothing happened is dropped.
func (s *StepLog) end() {
	if !s.open {
		return
	}
	if len(s.partial) > 0 { // output without a final newline belongs to this step
		s.add(Event{Kind: PrintEvent, Text: string(s.partial)})
		s.partial = nil
	}
	l := s.loop
	st := &s.Steps[len(s.Steps)-1]
	if len(st.Events) == 0 && (st.Kind == WaitStep || st.Kind == ShutdownStep) {
		s.Steps = s.Steps[:len(s.Steps)-1]
		s.open = false
		return
	}
	st.Time = l.clock.Now()
	st.Ready, st.Pending = s.readyNames()
	st.Timers = s.timers()
	s.open, s.running = false, nil
}

// readyNames returns the names in the ready queue, first to run first, and
// how many of them belong to the iteration in progress.
func (s *StepLog) readyNames() ([]string, int) {
	q := &s.loop.ready
	names := []string{}
	pending := 0
	for i := range q.n {
		c := q.buf[(q.head+i)&(len(q.buf)-1)]
		if c.t != nil && (c.gen != c.t.gen || c.t.done) {
			continue // stale: the loop will skip it
		}
		if s.now[entryOf(c)] {
			pending++
		}
		names = append(names, s.label(c))
	}
	return names, pending
}

// timers returns the loop's timers, earliest first.
func (s *StepLog) timers() []StepTimer {
	tms := slices.Clone(s.loop.timers)
	slices.SortFunc(tms, func(a, b *Timer) int {
		return cmp.Or(cmp.Compare(a.when, b.when), cmp.Compare(a.seq, b.seq))
	})
	out := []StepTimer{}
	for _, tm := range tms {
		out = append(out, StepTimer{At: tm.when, Name: s.label(tm.cb)})
	}
	return out
}

func entryOf(c callback) entry {
	return entry{t: c.t, gen: c.gen}
}

// label names a callback: a task by its name, a function by the label it
// got when it was scheduled.
func (s *StepLog) label(c callback) string {
	if c.t != nil {
		return c.t.name
	}
	if c.gen > 0 && int(c.gen) <= len(s.labels) {
		return s.labels[c.gen-1]
	}
	return "callback"
}

// newLabel records name as the label of a new function callback and
// returns the value for its gen field.
func (s *StepLog) newLabel(name string) uint64 {
	s.labels = append(s.labels, name)
	return uint64(len(s.labels))
}

// startRun ends the start step: Run has spawned main.
func (s *StepLog) startRun() {
	if s != nil && s.open && s.Steps[len(s.Steps)-1].Kind == StartStep {
		s.end()
	}
}

// endWait is called when the loop has done its own work at the start of an
// iteration and is about to run the callbacks that are ready. The step of
// that work is kept if anything happened: if the loop had nothing ready it
// waited, and the clock may have jumped.
func (s *StepLog) endWait() {
	if s != nil {
		s.recordWait()
	}
}

func (s *StepLog) recordWait() {
	s.iter++
	var last *Step
	if n := len(s.Steps); n > 0 && !s.open {
		last = &s.Steps[n-1]
	} else if n > 1 {
		last = &s.Steps[n-2]
	}
	if last != nil && len(last.Ready) == 0 { // nothing was ready: the loop waited
		if !s.open {
			s.begin(WaitStep, "")
		}
		st := &s.Steps[len(s.Steps)-1]
		st.Events = slices.Insert(st.Events, 0, Event{Kind: WaitEvent, At: s.loop.clock.Now()})
	}
	if s.open {
		s.Steps[len(s.Steps)-1].Iteration = s.iter
	}
	clear(s.now)
	q := &s.loop.ready
	for i := range q.n {
		s.now[entryOf(q.buf[(q.head+i)&(len(q.buf)-1)])] = true
	}
	s.end()
}

// due records that the timer tm is due and its callback joins the ready
// queue.
func (s *StepLog) due(tm *Timer) {
	if s != nil {
		s.add(Event{Kind: DueEvent, Name: s.label(tm.cb), At: tm.when})
	}
}

// beginCallback opens the step of the function callback c.
func (s *StepLog) beginCallback(c callback) {
	if s != nil {
		s.begin(CallbackStep, s.label(c))
	}
}

// endStep closes the step of a callback.
func (s *StepLog) endStep() {
	if s != nil {
		s.end()
	}
}

// taskState is called, while the loop traces, when the task t moves to
// state st: the loop resumes t (st is Running), or the running task gives
// the loop back (it yields, waits or is done).
func (s *StepLog) taskState(t *Task, st State) {
	if st == Running {
		s.begin(TaskStep, t.name)
		s.running = t
		e := Event{Kind: ResumeEvent}
		if t.yield == nil {
			e.Kind = StartEvent
		}
		if t.cancelReq {
			e.Text = ErrCancelled.Error()
		}
		s.add(e)
		return
	}
	if t != s.running {
		return // a task woken or stopped by someone else
	}
	switch st {
	case Ready:
		s.add(Event{Kind: YieldEvent})
	case Waiting:
		if t.timer != nil {
			s.add(Event{Kind: SleepEvent, At: t.timer.when})
		} // Await recorded what it waits for
	case Done:
		s.add(Event{Kind: ReturnEvent, Name: t.name})
	}
	s.end()
}

// spawn records that the task t was spawned.
func (s *StepLog) spawn(t *Task) {
	if s != nil {
		s.add(Event{Kind: SpawnEvent, Name: t.name})
	}
}

// await records that the running task waits for the future named name.
func (s *StepLog) await(name string) {
	if s != nil {
		s.add(Event{Kind: AwaitEvent, Name: name})
	}
}

// busy records that the running task holds the loop for d.
func (s *StepLog) busy(d time.Duration) {
	if s != nil {
		s.add(Event{Kind: BusyEvent, At: d})
	}
}

// complete records that the future named name completes with err, and that
// its waiters join the ready queue: it labels the function callbacks among
// them, in place, before the loop schedules them.
func (s *StepLog) complete(name string, err error, waiters []callback) {
	if s != nil {
		s.recordComplete(name, err, waiters)
	}
}

func (s *StepLog) recordComplete(name string, err error, waiters []callback) {
	e := Event{Kind: CompleteEvent, Name: name}
	if err != nil {
		e.Text = err.Error()
	}
	s.add(e)
	for i, w := range waiters {
		if w.t == nil {
			waiters[i].gen = s.newLabel("done-callback of " + name)
		} else if w.gen != w.t.gen || w.t.done {
			continue // stale: schedule drops it
		}
		s.add(Event{Kind: ScheduleEvent, Name: s.label(waiters[i])})
	}
}

// callSoon labels a function callback scheduled with CallSoon, and records
// that it joins the ready queue. It returns the value for its gen field.
func (s *StepLog) callSoon() uint64 {
	if s == nil {
		return 0
	}
	return s.recordCallSoon()
}

func (s *StepLog) recordCallSoon() uint64 {
	gen := s.newLabel("callback")
	s.add(Event{Kind: ScheduleEvent, Name: "callback"})
	return gen
}

// timer records the timer tm just set, and labels its function callback.
// A sleeping task's timer is recorded as a SleepEvent instead.
func (s *StepLog) timer(tm *Timer) {
	if s != nil && tm.cb.t == nil {
		s.recordTimer(tm)
	}
}

func (s *StepLog) recordTimer(tm *Timer) {
	tm.cb.gen = s.newLabel("timer callback")
	s.add(Event{Kind: TimerEvent, Name: "timer callback", At: tm.when})
}

// cancel records that the task t is being cancelled (before its state
// changes).
func (s *StepLog) cancel(t *Task) {
	if s != nil {
		s.add(Event{Kind: CancelEvent, Name: t.name, Text: t.state.String()})
	}
}

// stop records that Run stops the task t for good.
func (s *StepLog) stop(t *Task) {
	if s != nil {
		s.add(Event{Kind: StopEvent, Name: t.name})
	}
}

// beginShutdown opens the step in which Run cancels the tasks left.
func (s *StepLog) beginShutdown() {
	if s != nil {
		s.begin(ShutdownStep, "")
	}
}

// beginEnd opens the last step, in which Run stops the tasks still waiting
// and returns.
func (s *StepLog) beginEnd() {
	if s != nil {
		s.begin(EndStep, "")
	}
}

// finish closes the last step: Run returns err.
func (s *StepLog) finish(err error) {
	if s == nil {
		return
	}
	e := Event{Kind: ReturnEvent, Name: "Run"}
	if err != nil {
		e.Text = err.Error()
	}
	s.add(e)
	s.end()
	s.done = true
}
