package eventloop

import (
	"container/heap"
	"errors"
	"fmt"
	"sync"
	"time"
)

// ErrCancelled is returned by a task's waiting call ([Task.Yield],
// [Task.Sleep], [Future.Await], [Gather]) after its future was cancelled, and
// is the error of a cancelled plain [Future]. Test for it with errors.Is.
var ErrCancelled = errors.New("eventloop: cancelled")

// ErrClosed is returned by a task's waiting call when [Loop.Run] has returned
// and is stopping the task for good.
var ErrClosed = errors.New("eventloop: loop closed")

// ErrDeadlock is returned (wrapped) by [Loop.Run] when the main task waits and
// nothing can ever wake it: no callback is ready, no timer is set and no
// executor job is running.
var ErrDeadlock = errors.New("eventloop: deadlock")

// A Loop runs tasks and callbacks one at a time. Callbacks run on the
// goroutine that calls [Loop.Run]; each task runs on a goroutine of its own,
// the [iter.Pull] coroutine behind it, to which the loop hands control
// directly and which hands it back when the task waits. So a Loop has one
// thread of control: never do two of its tasks or callbacks run at once.
// Create one with [New].
type Loop struct {
	clock  *Clock
	ready  queue     // callbacks to run, first in first out
	timers timerHeap // callbacks to run later, by (deadline, sequence number)
	seq    uint64    // next timer's sequence number
	tasks  []*Task   // every task spawned, for shutdown
	live   int       // tasks not yet finished
	trace  *Trace    // nil unless Record was called
	steps  *StepLog  // nil unless RecordSteps was called
	ran    bool      // Run was called
	closed bool      // Run has returned or is stopping the last tasks

	// Executor jobs on the real clock finish on other goroutines: they leave
	// their completion in inbox and wake the loop through wake.
	jobs     sync.WaitGroup
	mu       sync.Mutex
	inbox    []func()
	wake     chan struct{}
	inflight int // real-clock jobs whose completion the loop has not seen
}

// New returns a loop that reads time from c. A nil c means [RealClock].
func New(c *Clock) *Loop {
	if c == nil {
		c = RealClock()
	}
	return &Loop{clock: c, wake: make(chan struct{}, 1)}
}

// Now reports the loop's time: the time since Run started.
func (l *Loop) Now() time.Duration { return l.clock.Now() }

// Run runs main as a task named "main", and the loop with it, until main
// returns. It returns main's error.
//
// Like asyncio.run, when main has returned Run cancels every task still
// pending and keeps running the loop until they have finished; a task that
// still waits when nothing more can happen is stopped for good: its waiting
// call returns [ErrClosed]. Before returning, Run waits for the goroutines of
// [RunInExecutor] jobs. So no goroutine started by the loop outlives Run.
//
// If main waits and nothing can ever wake it, Run returns an error wrapping
// [ErrDeadlock] (asyncio would wait forever). A panic in a task is not
// recovered: it comes out of Run. A loop runs once; a second Run returns an
// error.
func (l *Loop) Run(main func(t *Task) error) (err error) {
	if l.ran {
		return errors.New("eventloop: Run called twice on the same loop")
	}
	l.ran = true
	l.clock.reset()
	f := Spawn(l, "main", func(t *Task) (struct{}, error) {
		return struct{}{}, main(t)
	})
	l.steps.startRun()
	defer func() { l.close(err) }()
	for !f.done {
		if err := l.runOnce(); err != nil {
			return fmt.Errorf("run: main waits at %v: %w", l.Now(), err)
		}
	}
	l.shutdown()
	return f.err
}

// region runOnce

// runOnce runs one iteration of the loop, like asyncio's _run_once.
func (l *Loop) runOnce() error {
	// 1. Nothing ready: wait for the next timer (the virtual clock jumps to
	// it) or, on the real clock, for an executor job to finish.
	if l.ready.n == 0 {
		switch {
		case len(l.timers) > 0:
			l.clock.wait(l.timers[0].when, l.wake)
		case l.inflight > 0:
			l.clock.wait(forever, l.wake)
		default:
			return ErrDeadlock
		}
	}
	// 2. Executor jobs that finished: complete their futures.
	if l.inflight > 0 {
		l.poll()
	}
	// 3. Timers that are due join the ready queue, earliest first.
	if len(l.timers) > 0 {
		now := l.clock.Now()
		for len(l.timers) > 0 && l.timers[0].when <= now {
			l.due(heap.Pop(&l.timers).(*Timer))
		}
	}
	l.steps.endWait() // for the step log: the loop's own work is done
	// 4. Run exactly the callbacks that are ready now. What they schedule
	// waits for the next iteration.
	for n := l.ready.n; n > 0; n-- {
		c := l.ready.pop()
		if c.t == nil {
			l.steps.beginCallback(c)
			c.fn()
			l.steps.endStep()
			continue
		}
		t := c.t
		if c.gen != t.gen {
			continue // stale: the task was cancelled or woken another way
		}
		t.setState(Running)
		if _, ok := t.next(); !ok { // resume t until it waits again or returns
			t.finish()
		}
	}
	return nil
}

// endregion runOnce

// CallSoon schedules fn to run on the loop in a later iteration, after the
// callbacks already scheduled (asyncio's loop.call_soon).
func (l *Loop) CallSoon(fn func()) {
	l.ready.push(callback{fn: fn, gen: l.steps.callSoon()})
}

// CallLater schedules fn to run on the loop once d has passed (asyncio's
// loop.call_later). Timers with the same deadline run in the order they were
// scheduled. The returned [Timer] can be stopped.
func (l *Loop) CallLater(d time.Duration, fn func()) *Timer {
	return l.callLater(d, callback{fn: fn})
}

func (l *Loop) callLater(d time.Duration, c callback) *Timer {
	tm := &Timer{loop: l, when: l.clock.Now() + max(d, 0), seq: l.seq, cb: c}
	l.seq++
	l.steps.timer(tm)
	heap.Push(&l.timers, tm)
	return tm
}

// due moves the callback of the timer tm, which is due, to the ready queue.
func (l *Loop) due(tm *Timer) {
	if tm.cb.t != nil {
		tm.cb.t.readySince(tm.when) // for the trace: ready since it was due
	}
	l.steps.due(tm)
	l.schedule(tm.cb)
}

// schedule appends c to the ready queue; a task it wakes becomes Ready.
func (l *Loop) schedule(c callback) {
	if c.t != nil {
		if c.gen != c.t.gen || c.t.done {
			return // stale: the task was cancelled or woken another way
		}
		c.t.setState(Ready)
	}
	l.ready.push(c)
}

// poll completes the executor jobs that have finished (real clock).
func (l *Loop) poll() {
	l.mu.Lock()
	done := l.inbox
	l.inbox = nil
	l.mu.Unlock()
	for _, finish := range done {
		l.inflight--
		finish()
	}
}

// post is called by an executor goroutine to hand a completion to the loop,
// the way asyncio's call_soon_threadsafe writes to the loop's self-pipe.
func (l *Loop) post(finish func()) {
	l.mu.Lock()
	l.inbox = append(l.inbox, finish)
	l.mu.Unlock()
	select {
	case l.wake <- struct{}{}:
	default: // a wake-up is already pending
	}
}

// shutdown cancels the tasks left when main returns and runs the loop until
// they finish or nothing more can happen.
func (l *Loop) shutdown() {
	l.steps.beginShutdown()
	for _, t := range l.tasks {
		if !t.done {
			t.cancel()
		}
	}
	l.steps.endStep() // dropped if no task was left
	for l.live > 0 {
		if err := l.runOnce(); err != nil {
			return // the rest wait for something that never comes; close stops them
		}
	}
}

// close stops every task still suspended (its waiting call returns ErrClosed),
// waits for executor goroutines and ends the trace and the step log: Run
// returns err.
func (l *Loop) close(err error) {
	l.closed = true
	l.steps.beginEnd()
	for _, t := range l.tasks {
		if !t.done {
			l.steps.stop(t)
			t.stop()
			t.finish()
		}
	}
	l.jobs.Wait()
	l.mu.Lock()
	l.inbox = nil
	l.mu.Unlock()
	if l.trace != nil {
		l.trace.End = max(l.trace.End, l.clock.Now())
	}
	l.steps.finish(err)
}

// callback is one entry of the ready queue: a task to resume (t != nil) or a
// function to call.
type callback struct {
	t   *Task
	gen uint64 // t.gen when t was scheduled; a different value means stale
	fn  func()
}

// queue is a FIFO ring buffer of callbacks. It allocates only to grow.
type queue struct {
	buf  []callback // len is 0 or a power of two
	head int
	n    int
}

func (q *queue) push(c callback) {
	if q.n == len(q.buf) {
		q.grow()
	}
	q.buf[(q.head+q.n)&(len(q.buf)-1)] = c
	q.n++
}

func (q *queue) pop() callback {
	c := q.buf[q.head]
	q.buf[q.head] = callback{} // let the garbage collector have it
	q.head = (q.head + 1) & (len(q.buf) - 1)
	q.n--
	return c
}

func (q *queue) grow() {
	buf := make([]callback, max(16, 2*len(q.buf)))
	for i := range q.n {
		buf[i] = q.buf[(q.head+i)&(len(q.buf)-1)]
	}
	q.buf, q.head = buf, 0
}

// A Timer is a callback scheduled by [Loop.CallLater].
type Timer struct {
	loop  *Loop
	when  time.Duration
	seq   uint64 // breaks ties between equal deadlines: first scheduled, first run
	cb    callback
	index int // position in the heap, -1 once it has fired or been stopped
}

// Stop removes the timer from the loop. It reports whether that prevented
// the callback from running (false if it has already run or been stopped).
func (tm *Timer) Stop() bool {
	if tm.index < 0 {
		return false
	}
	heap.Remove(&tm.loop.timers, tm.index)
	return true
}

// timerHeap implements heap.Interface: the earliest deadline first and, for
// equal deadlines, the lowest sequence number. CPython's heap compares the
// deadline only, so its order for equal deadlines is not defined.
type timerHeap []*Timer

func (h timerHeap) Len() int { return len(h) }

func (h timerHeap) Less(i, j int) bool {
	if h[i].when != h[j].when {
		return h[i].when < h[j].when
	}
	return h[i].seq < h[j].seq
}

func (h timerHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index, h[j].index = i, j
}

func (h *timerHeap) Push(x any) {
	tm := x.(*Timer)
	tm.index = len(*h)
	*h = append(*h, tm)
}

func (h *timerHeap) Pop() any {
	old := *h
	tm := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	tm.index = -1
	return tm
}
