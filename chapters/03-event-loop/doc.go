// Package eventloop is an event loop in the spirit of Python's asyncio, built
// on the coroutines behind [iter.Pull], with one thread of control.
//
// A [Loop] keeps a FIFO queue of ready callbacks and a heap of timers. Each
// iteration, like asyncio's BaseEventLoop._run_once, it waits until something
// is ready, moves the timers that are due to the ready queue, and runs exactly
// the callbacks that were ready at that moment; anything they schedule runs in
// the next iteration.
//
// A [Task] is a coroutine: a function running on its own [iter.Pull]
// coroutine that hands control back to the loop whenever it waits. It waits by
// calling [Task.Yield], [Task.Sleep] or [Future.Await]; the loop resumes it when
// the timer fires or the future completes. Only one task runs at a time, and it
// runs until it waits: a task that computes for a long time, or calls
// [Task.Busy], holds up every other task.
//
// [Spawn] starts a task and returns a [Future] for its result. [Gather] awaits
// several futures and returns their results in argument order. Cancelling a
// task's future ([Future.Cancel]) makes the call the task is waiting in return
// [ErrCancelled]; the task decides what to do about it, as in asyncio.
//
// The loop reads time from a [Clock]. [RealClock] follows the wall clock;
// [VirtualClock] jumps straight to the next timer whenever nothing is ready, so
// a program that sleeps for an hour runs in microseconds, and always in the
// same order. With [Loop.Record] the loop keeps a [Trace] of when every task
// ran and waited; with [Loop.RecordSteps], a [StepLog] of every step it took,
// with its ready queue and timers after each.
//
// A Loop is not safe for concurrent use. Call its methods, and those of its
// tasks and futures, only from the loop's own tasks and callbacks (or before
// [Loop.Run]; [RunInExecutor] only from a running loop). The only code that
// runs on another goroutine is the function given to [RunInExecutor]; its
// result comes back to the loop through the future.
//
// The package is deliberately small. It has no I/O polling (no selector), no
// call_soon_threadsafe, and no task groups; the chapter's text lists what is
// simplified next to asyncio.
package eventloop
