package eventloop

import (
	"errors"
	"iter"
	"time"
)

// A Task is a function running as a coroutine on a [Loop]: it runs until it
// waits, and then the loop runs something else. A task receives its *Task as
// its argument and uses it to wait: [Task.Yield], [Task.Sleep],
// [Future.Await]. Every waiting call returns an error, [ErrCancelled] when the
// task was cancelled while it waited; a task should return when it sees one.
type Task struct {
	// The fields used on every switch come first, to share cache lines.
	loop      *Loop
	next      func() (struct{}, bool) // resume the coroutine (iter.Pull)
	yield     func(struct{}) bool     // inside the coroutine: hand control back
	row       *TaskTrace              // nil unless the loop records a trace
	gen       uint64                  // counts suspensions; see callback
	state     State
	cancelReq bool // cancellation to deliver at the next waiting call
	done      bool

	stop  func()        // end the coroutine early (iter.Pull)
	timer *Timer        // while in Sleep
	since time.Duration // when state began (only kept while tracing)
	name  string
}

// Spawn starts fn as a new task named name on the loop and returns a future
// for its result (asyncio's create_task). The task first runs in a later
// iteration, after the callbacks already scheduled; tasks spawned one after
// the other first run in that order.
//
// Cancelling the future cancels the task: if it has not started, fn never
// runs and the future fails with [ErrCancelled]; otherwise the waiting call fn
// is in (or its next one) returns [ErrCancelled], and the future completes
// with whatever fn returns.
func Spawn[T any](l *Loop, name string, fn func(t *Task) (T, error)) *Future[T] {
	f := &Future[T]{loop: l}
	if l.closed {
		f.done, f.err = true, ErrClosed
		return f
	}
	t := &Task{loop: l, name: name, state: Ready, since: l.clock.Now()}
	f.task = t
	t.next, t.stop = iter.Pull(func(yield func(struct{}) bool) {
		t.yield = yield
		if t.cancelReq { // cancelled before it ever ran
			t.cancelReq = false
			var zero T
			f.complete(zero, ErrCancelled)
			return
		}
		v, err := fn(t)
		f.complete(v, err)
	})
	if l.trace != nil {
		t.row = l.trace.add(name)
	}
	l.tasks = append(l.tasks, t)
	l.live++
	l.ready.push(callback{t: t, gen: t.gen})
	l.steps.spawn(t)
	return f
}

// Name returns the name given to [Spawn].
func (t *Task) Name() string { return t.name }

// Loop returns the loop the task runs on.
func (t *Task) Loop() *Loop { return t.loop }

// Now reports the loop's time.
func (t *Task) Now() time.Duration { return t.loop.clock.Now() }

// Yield gives the loop to the other ready tasks for exactly one iteration
// (asyncio's await asyncio.sleep(0)): the task goes to the back of the ready
// queue.
func (t *Task) Yield() error {
	// This is park, written out: Yield is the loop's hottest path.
	if err := t.interrupted(); err != nil {
		return err
	}
	t.gen++
	t.loop.ready.push(callback{t: t, gen: t.gen})
	t.setState(Ready)
	if !t.yield(struct{}{}) {
		return ErrClosed
	}
	return t.interrupted()
}

// Sleep suspends the task for d. Other tasks run meanwhile. Sleep(0) is
// [Task.Yield].
func (t *Task) Sleep(d time.Duration) error {
	if d <= 0 {
		return t.Yield()
	}
	if err := t.interrupted(); err != nil {
		return err
	}
	t.gen++
	t.timer = t.loop.callLater(d, callback{t: t, gen: t.gen})
	err := t.park(Waiting)
	t.timer = nil
	return err
}

// Busy holds the loop for d without letting any other task run: it stands
// for CPU-bound work or a blocking call inside a task. On the virtual clock it
// advances time by exactly d at once; on the real clock it blocks the loop's
// goroutine for d. Every other task is delayed by d.
func (t *Task) Busy(d time.Duration) {
	t.loop.steps.busy(d)
	t.loop.clock.pass(d)
}

// interrupted returns ErrCancelled, once, if the task has been cancelled.
// (After Run, the loop is closed: the coroutine is stopped, so yield returns
// false at once and the waiting calls return ErrClosed.)
func (t *Task) interrupted() error {
	if t.cancelReq {
		t.cancelReq = false
		return ErrCancelled
	}
	return nil
}

// region park

// park hands control back to the loop, with the task in state s, and returns
// when the loop resumes it. Whoever wakes the task has already scheduled it
// (or will): park itself just switches coroutines.
func (t *Task) park(s State) error {
	t.setState(s)
	if !t.yield(struct{}{}) { // switch to the loop; back when it calls next
		return ErrClosed // the loop stopped the coroutine (Run is over)
	}
	return t.interrupted()
}

// endregion park

// finish marks the task as done.
func (t *Task) finish() {
	if t.done {
		return
	}
	t.setState(Done)
	t.done = true
	t.loop.live--
	t.stop() // already finished: a no-op, but every iter.Pull gets its stop
}

// cancel asks the task to stop: the next waiting call returns ErrCancelled.
// A task that waits is woken now.
func (t *Task) cancel() bool {
	if t.done {
		return false
	}
	t.loop.steps.cancel(t)
	t.cancelReq = true
	if t.state == Waiting {
		if t.timer != nil {
			t.timer.Stop()
		}
		t.gen++ // whatever it waited for no longer wakes it
		t.setState(Ready)
		t.loop.ready.push(callback{t: t, gen: t.gen})
	}
	return true
}

// errAwaitSelf is returned when a task awaits its own future.
var errAwaitSelf = errors.New("eventloop: a task cannot await its own future")
