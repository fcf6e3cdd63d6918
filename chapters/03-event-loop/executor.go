package eventloop

import "time"

// RunInExecutor runs fn on a new goroutine, off the loop, and returns a future
// for its result (asyncio's loop.run_in_executor and asyncio.to_thread). The
// loop keeps running other tasks meanwhile; a task awaits the future to get
// the result. Use it for blocking calls and CPU-bound work that would
// otherwise hold up every task. Call it from a task or callback of the
// running loop, not before [Loop.Run]. fn must not touch the loop, its tasks
// or its futures: it runs on another goroutine.
//
// When the future completes depends on the clock, because fn runs in real
// time:
//
//   - On the real clock, it completes as soon as the loop sees that fn has
//     returned: the goroutine hands the result to the loop and wakes it if it
//     sleeps. d is ignored.
//   - On a virtual clock, fn's real duration means nothing, so the caller
//     states it: the future completes at exactly d after the call, in virtual
//     time. If fn has not really returned by then, the loop waits for it with
//     its virtual time stopped. The outcome (the order of events and their
//     virtual times) never depends on how fast fn really is.
//
// The name labels the job's row in a [Trace]. [Loop.Run] waits for every
// job's goroutine before it returns.
func RunInExecutor[T any](l *Loop, name string, d time.Duration, fn func() (T, error)) *Future[T] {
	f := NewFuture[T](l)
	if l.closed {
		f.done, f.err = true, ErrClosed
		return f
	}
	var row *TaskTrace
	start := l.clock.Now()
	if l.trace != nil {
		row = l.trace.add(name)
	}
	var (
		v    T
		err  error
		end  time.Duration
		done = make(chan struct{})
	)
	finish := func() {
		if row != nil {
			row.Spans = append(row.Spans, Span{State: Running, Start: start, End: end})
			row.Finished = true
			l.trace.End = max(l.trace.End, end)
		}
		f.complete(v, err)
	}
	virtual := l.clock.virtual
	if virtual {
		end = start + max(d, 0)
		l.callLater(d, callback{fn: func() {
			<-done // virtual time stands still until fn has really returned
			finish()
		}})
	} else {
		l.inflight++
	}
	l.jobs.Add(1)
	go func() {
		defer l.jobs.Done()
		v, err = fn()
		if !virtual {
			end = time.Since(l.clock.start) // read-only here: Run set start before any task ran
			l.post(finish)
		}
		close(done)
	}()
	return f
}
