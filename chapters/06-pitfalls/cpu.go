package pitfalls

import (
	"fmt"
	"sync"
	"time"

	eventloop "github.com/asyncgo/course/chapters/03-event-loop"
)

// Rounds is the number of [Hash] rounds in one CPU task of the benchmarks:
// a few milliseconds of work on a typical machine.
const Rounds = 2_000_000

// region hash

// Hash runs rounds steps of SplitMix64's mixing function, starting from seed,
// and returns the result. Every step needs the one before and the result is
// returned, so the compiler can neither skip the work nor spread it out: it
// is pure CPU, with no memory traffic and no system calls.
func Hash(seed uint64, rounds int) uint64 {
	h := seed
	for range rounds {
		h += 0x9e3779b97f4a7c15
		h = (h ^ h>>30) * 0xbf58476d1ce4e5b9
		h = (h ^ h>>27) * 0x94d049bb133111eb
		h ^= h >> 31
	}
	return h
}

// endregion hash

// Sequential runs n CPU tasks of the given rounds one after another and
// returns their results combined with XOR.
func Sequential(n, rounds int) uint64 {
	var sum uint64
	for i := range n {
		sum ^= Hash(uint64(i), rounds)
	}
	return sum
}

// Goroutines runs the same n CPU tasks on one goroutine each and returns
// their combined result. With GOMAXPROCS of 2 or more they run in parallel.
func Goroutines(n, rounds int) uint64 {
	results := make([]uint64, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { results[i] = Hash(uint64(i), rounds) })
	}
	wg.Wait()
	return xorAll(results)
}

// OnLoop runs the same n CPU tasks as tasks on a chapter-03 event loop with
// the real clock, gathers them and returns their combined result. The tasks
// never wait, so each runs to the end before the next one starts.
func OnLoop(n, rounds int) (uint64, error) {
	var sum uint64
	l := eventloop.New(eventloop.RealClock())
	err := l.Run(func(t *eventloop.Task) error {
		fs := make([]*eventloop.Future[uint64], n)
		for i := range n {
			fs[i] = eventloop.Spawn(l, fmt.Sprint("cpu ", i), func(*eventloop.Task) (uint64, error) {
				return Hash(uint64(i), rounds), nil
			})
		}
		results, err := eventloop.Gather(t, fs...)
		sum = xorAll(results)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("on loop: %w", err)
	}
	return sum, nil
}

// InExecutor runs the same n CPU tasks on a chapter-03 loop, but every task
// hands its work to a goroutine with [eventloop.RunInExecutor] and awaits the
// result: asyncio's run_in_executor, without a GIL.
func InExecutor(n, rounds int) (uint64, error) {
	var sum uint64
	l := eventloop.New(eventloop.RealClock())
	err := l.Run(func(t *eventloop.Task) error {
		fs := make([]*eventloop.Future[uint64], n)
		for i := range n {
			fs[i] = eventloop.Spawn(l, fmt.Sprint("cpu ", i), func(t *eventloop.Task) (uint64, error) {
				job := eventloop.RunInExecutor(l, fmt.Sprint("hash ", i), 0, func() (uint64, error) {
					return Hash(uint64(i), rounds), nil
				})
				return job.Await(t)
			})
		}
		results, err := eventloop.Gather(t, fs...)
		sum = xorAll(results)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("in executor: %w", err)
	}
	return sum, nil
}

func xorAll(xs []uint64) uint64 {
	var sum uint64
	for _, x := range xs {
		sum ^= x
	}
	return sum
}

// region gatherbusy

// GatherBusy spawns n tasks that each compute for d ([eventloop.Task.Busy]
// stands for the CPU work), gathers them in the task t and returns the loop
// time at which each task finished.
func GatherBusy(t *eventloop.Task, n int, d time.Duration) ([]time.Duration, error) {
	l := t.Loop()
	fs := make([]*eventloop.Future[time.Duration], n)
	for i := range n {
		fs[i] = eventloop.Spawn(l, fmt.Sprint("cpu ", i), func(t *eventloop.Task) (time.Duration, error) {
			t.Busy(d) // no await inside: nothing else runs meanwhile
			return t.Now(), nil
		})
	}
	return eventloop.Gather(t, fs...)
}

// endregion gatherbusy
