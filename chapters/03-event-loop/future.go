package eventloop

import "errors"

// A Future is a result that will exist later: a value of type T or an error.
// [Spawn] returns one for a task's result; [NewFuture] makes one that code on
// the loop completes with [Future.SetResult] or [Future.SetError].
//
// Completing a future never runs anything inline: the tasks awaiting it and
// the callbacks registered with [Future.OnDone] are scheduled, and run in a
// later iteration of the loop (asyncio's futures do the same).
type Future[T any] struct {
	loop    *Loop
	task    *Task  // the task computing the result; nil for NewFuture
	label   string // names a plain future in the step log
	done    bool
	val     T
	err     error
	waiters []callback
}

// NewFuture returns a pending future on the loop l.
func NewFuture[T any](l *Loop) *Future[T] {
	return &Future[T]{loop: l}
}

// name names f in the step log: a task's future by the task's name.
func (f *Future[T]) name() string {
	switch {
	case f.task != nil:
		return f.task.name
	case f.label != "":
		return f.label
	}
	return "a future"
}

// Done reports whether f has completed.
func (f *Future[T]) Done() bool { return f.done }

// Result returns f's value and error. Before f completes it returns the zero
// value and a nil error; use [Future.Done] to tell.
func (f *Future[T]) Result() (T, error) { return f.val, f.err }

// SetResult completes f with the value v and schedules everything waiting
// for it. It reports false, and does nothing, if f has already completed or
// belongs to a task (a task's future completes when the task returns).
func (f *Future[T]) SetResult(v T) bool {
	if f.task != nil {
		return false
	}
	return f.complete(v, nil)
}

// SetError completes f with the error err, like [Future.SetResult].
func (f *Future[T]) SetError(err error) bool {
	if f.task != nil {
		return false
	}
	var zero T
	return f.complete(zero, err)
}

// Cancel cancels f (asyncio's Future.cancel and Task.cancel). A plain future
// completes at once with [ErrCancelled]. A task's future asks the task to stop:
// the call it is waiting in returns ErrCancelled in a later iteration, and the
// future completes when the task returns. Cancel reports false if f has
// already completed.
func (f *Future[T]) Cancel() bool {
	if f.done {
		return false
	}
	if f.task != nil {
		return f.task.cancel()
	}
	var zero T
	return f.complete(zero, ErrCancelled)
}

// OnDone schedules fn to run on the loop once f has completed (asyncio's
// add_done_callback). If f has already completed, fn is scheduled at once;
// either way it never runs inline.
func (f *Future[T]) OnDone(fn func()) {
	if f.done {
		f.loop.CallSoon(fn)
		return
	}
	f.waiters = append(f.waiters, callback{fn: fn})
}

// region await

// Await suspends the task t until f completes and returns f's result. If f
// has already completed, Await returns at once without giving up the loop
// (as awaiting a done asyncio future does). If t is cancelled while it waits,
// Await returns [ErrCancelled] and f is left alone.
func (f *Future[T]) Await(t *Task) (T, error) {
	if !f.done {
		var zero T
		if f.task == t {
			return zero, errAwaitSelf
		}
		if err := t.interrupted(); err != nil {
			return zero, err
		}
		t.gen++
		f.waiters = append(f.waiters, callback{t: t, gen: t.gen})
		t.loop.steps.await(f.name()) // for the step log
		if err := t.park(Waiting); err != nil {
			return zero, err
		}
	}
	return f.val, f.err
}

// complete sets the result and schedules the waiters: never inline.
func (f *Future[T]) complete(v T, err error) bool {
	if f.done {
		return false
	}
	f.done, f.val, f.err = true, v, err
	f.loop.steps.complete(f.name(), err, f.waiters) // for the step log
	for _, w := range f.waiters {
		f.loop.schedule(w)
	}
	f.waiters = nil
	return true
}

// endregion await

// Gather waits until every future in fs has completed and returns their
// values in argument order, whatever order they finish in (asyncio.gather).
//
// If a future fails, Gather returns its error as soon as the loop sees it;
// the other futures are not cancelled and keep running, as in asyncio.gather
// without return_exceptions. If the task t is cancelled while it waits, Gather
// cancels every future in fs and returns [ErrCancelled].
func Gather[T any](t *Task, fs ...*Future[T]) ([]T, error) {
	all := &Future[[]T]{loop: t.loop, label: "Gather"}
	left := len(fs)
	if left == 0 {
		return []T{}, nil
	}
	for _, f := range fs {
		f.OnDone(func() {
			if all.done {
				return
			}
			if f.err != nil {
				all.complete(nil, f.err)
				return
			}
			if left--; left == 0 {
				vals := make([]T, len(fs))
				for i, f := range fs {
					vals[i] = f.val
				}
				all.complete(vals, nil)
			}
		})
	}
	vals, err := all.Await(t)
	if !all.done && errors.Is(err, ErrCancelled) {
		for _, f := range fs {
			f.Cancel()
		}
	}
	return vals, err
}
