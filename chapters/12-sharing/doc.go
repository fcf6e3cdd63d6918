// Package sharing shows how goroutines share state and signal each other:
// the Go counterparts of asyncio's Lock, Event, Condition and Barrier, of
// asyncio.as_completed, of one Task awaited by many coroutines, of a rate
// limiter, and of the calls that bridge threads and an event loop.
//
// [Account] guards its state with a [sync.Mutex]. [Progress] signals a
// change to any number of waiters by closing a channel, and lets each
// waiter give up with its context, which [sync.Cond] cannot. [AsCompleted]
// delivers results in the order they complete. [Paced] starts calls at the
// pace of a [golang.org/x/time/rate.Limiter]. [Group] runs one call per key
// for many callers, each of whom may stop waiting without cancelling the
// call for the others.
package sharing
