// Package pitfalls shows what goes wrong with cooperative multitasking, on
// the event loop of package eventloop, and why Go's runtime does not suffer
// from it.
//
// CPU-bound tasks on one loop take turns: eight of them take as long together
// as one after another ([GatherBusy], [OnLoop]), while goroutines run on every
// processor ([Goroutines]). A task that blocks holds up every other task for
// exactly as long as it blocks ([Stall], [BlockingWork]); handing the call to
// a goroutine with the loop's RunInExecutor fixes it ([OffloadedWork]).
//
// Three traps of the same family come with their fixes: forgetting to wait
// for work you started ([SaveAllForgetful], [SaveAll]), starting one
// goroutine per item without a bound ([ProcessAllUnbounded], [ProcessAll]),
// and a result channel nobody reads to the end ([Squares], [SquaresCtx]).
package pitfalls
