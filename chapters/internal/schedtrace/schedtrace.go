// Package schedtrace reads a Go execution trace (what runtime/trace writes)
// with golang.org/x/exp/trace, and tells what the scheduler did: which
// goroutine ran on which P and on which thread, when, and how each run
// ended; the system calls; the Ps taken from threads blocked in a system
// call; and who made each waiting goroutine runnable again.
//
// The chapters' tests use it to draw the scheduler at work and to check
// facts about it. It follows the trace's state transitions only, which is
// all the pictures need; go tool trace shows the rest.
package schedtrace

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"golang.org/x/exp/trace"
)

// NoGoroutine is the ID in [Wake.By] when no goroutine made the goroutine
// runnable: the scheduler itself did, for a timer or the netpoller.
const NoGoroutine = int64(trace.NoGoroutine)

// A Trace is what the scheduler did, in time order. Times are measured from
// the trace's first event.
type Trace struct {
	GOMAXPROCS int           // the last value the trace reports; 0 if none
	Procs      []int64       // the IDs of the Ps that ran goroutines, in order
	Runs       []Run         // in order of their start
	Syscalls   []Syscall     // in order of their start
	Steals     []Steal       // in time order
	Wakes      []Wake        // in time order
	End        time.Duration // the time of the last event

	names map[int64]string
}

// A Run is a stretch of time a goroutine ran on a P, on one thread.
type Run struct {
	G          int64
	Name       string // see [Trace.Name]
	P, Thread  int64
	Start, End time.Duration
	// Ended says what ended the run: the reason the goroutine blocked
	// ("sleep", "network", "chan receive", ...), "preempted", "syscall",
	// "exit", or "trace end".
	Ended string
}

// A Syscall is a system call made by a goroutine. Its thread stays in the
// kernel until the call returns; P is the P the thread held when the call
// began (the runtime may take it away meanwhile: see [Steal]).
type Syscall struct {
	G          int64
	Name       string
	P, Thread  int64
	Start, End time.Duration
}

// A Steal is a P taken from a thread that held it, blocked in a system call,
// by another thread (sysmon's retake, usually), so that the P can run other
// goroutines.
type Steal struct {
	P        int64
	From, By int64 // threads
	At       time.Duration
}

// A Wake is a waiting goroutine made runnable.
type Wake struct {
	G       int64
	Name    string
	Blocked string // why it was waiting: "sleep", "network", "chan receive", ...
	// By is the goroutine that woke it (by sending on a channel, say), or
	// NoGoroutine when the scheduler did: a timer, or the netpoller when
	// Blocked is "network".
	By        int64
	P, Thread int64 // where the wake happened; P is -1 outside a P (sysmon)
	At        time.Duration
}

// Name returns the name of goroutine g: the type of the first trace region
// it began (runtime/trace.WithRegion), or "" if it began none.
func (tr *Trace) Name(g int64) string { return tr.names[g] }

// Read reads the execution trace r.
func Read(r io.Reader) (*Trace, error) {
	tr, err := read(r)
	if err != nil {
		return nil, fmt.Errorf("read execution trace: %w", err)
	}
	return tr, nil
}

// reader is the state of Read between events.
type reader struct {
	tr       Trace
	origin   trace.Time
	started  bool
	running  map[int64]int // goroutine -> index of its open run in tr.Runs
	syscall  map[int64]int // goroutine -> index of its open system call
	blocked  map[int64]string
	procUser map[int64]int64 // P -> the thread running it
	names    map[int64]string
}

func read(r io.Reader) (*Trace, error) {
	st := &reader{
		running:  map[int64]int{},
		syscall:  map[int64]int{},
		blocked:  map[int64]string{},
		procUser: map[int64]int64{},
		names:    map[int64]string{},
	}
	rd, err := trace.NewReader(r)
	if err != nil {
		return nil, err
	}
	for {
		ev, err := rd.ReadEvent()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		st.event(ev)
	}
	if !st.started {
		return nil, errors.New("no events")
	}
	return st.finish(), nil
}

func (rd *reader) event(ev trace.Event) {
	if !rd.started {
		rd.origin, rd.started = ev.Time(), true
	}
	at := ev.Time().Sub(rd.origin)
	rd.tr.End = max(rd.tr.End, at)
	switch ev.Kind() {
	case trace.EventMetric:
		if m := ev.Metric(); m.Name == "/sched/gomaxprocs:threads" {
			rd.tr.GOMAXPROCS = int(m.Value.Uint64())
		}
	case trace.EventRegionBegin:
		g := int64(ev.Goroutine())
		if _, ok := rd.names[g]; !ok {
			rd.names[g] = ev.Region().Type
		}
	case trace.EventStateTransition:
		st := ev.StateTransition()
		switch st.Resource.Kind {
		case trace.ResourceGoroutine:
			rd.goroutine(ev, st, at)
		case trace.ResourceProc:
			rd.proc(ev, st, at)
		}
	}
}

// goroutine follows a goroutine's change of state.
func (rd *reader) goroutine(ev trace.Event, st trace.StateTransition, at time.Duration) {
	g := int64(st.Resource.Goroutine())
	from, to := st.Goroutine()
	if from == trace.GoRunning {
		if i, ok := rd.running[g]; ok {
			run := &rd.tr.Runs[i]
			run.End = at
			switch to {
			case trace.GoSyscall:
				run.Ended = "syscall"
			case trace.GoNotExist:
				run.Ended = "exit"
			default:
				run.Ended = st.Reason
			}
			delete(rd.running, g)
		}
	}
	if from == trace.GoSyscall {
		if i, ok := rd.syscall[g]; ok {
			rd.tr.Syscalls[i].End = at
			delete(rd.syscall, g)
		}
	}
	switch to {
	case trace.GoRunning:
		rd.running[g] = len(rd.tr.Runs)
		rd.tr.Runs = append(rd.tr.Runs, Run{G: g, P: int64(ev.Proc()), Thread: int64(ev.Thread()), Start: at})
	case trace.GoSyscall:
		rd.syscall[g] = len(rd.tr.Syscalls)
		rd.tr.Syscalls = append(rd.tr.Syscalls, Syscall{G: g, P: int64(ev.Proc()), Thread: int64(ev.Thread()), Start: at})
	case trace.GoWaiting:
		rd.blocked[g] = st.Reason
	case trace.GoRunnable:
		if from == trace.GoWaiting {
			rd.tr.Wakes = append(rd.tr.Wakes, Wake{
				G: g, Blocked: rd.blocked[g], By: int64(ev.Goroutine()),
				P: int64(ev.Proc()), Thread: int64(ev.Thread()), At: at,
			})
		}
	}
}

// proc follows a P's change of state. A P that stops on a thread other than
// the one running it was taken from that thread.
func (rd *reader) proc(ev trace.Event, st trace.StateTransition, at time.Duration) {
	p := int64(st.Resource.Proc())
	from, to := st.Proc()
	switch {
	case to == trace.ProcRunning:
		rd.procUser[p] = int64(ev.Thread())
	case from == trace.ProcRunning && to == trace.ProcIdle:
		if user, ok := rd.procUser[p]; ok && user != int64(ev.Thread()) {
			rd.tr.Steals = append(rd.tr.Steals, Steal{P: p, From: user, By: int64(ev.Thread()), At: at})
		}
		delete(rd.procUser, p)
	}
}

// finish ends what is still open at the end of the trace and names the
// goroutines.
func (rd *reader) finish() *Trace {
	tr := &rd.tr
	for _, i := range rd.running {
		tr.Runs[i].End, tr.Runs[i].Ended = tr.End, "trace end"
	}
	for _, i := range rd.syscall {
		tr.Syscalls[i].End = tr.End
	}
	for i := range tr.Runs {
		tr.Runs[i].Name = rd.names[tr.Runs[i].G]
		if !slices.Contains(tr.Procs, tr.Runs[i].P) {
			tr.Procs = append(tr.Procs, tr.Runs[i].P)
		}
	}
	slices.Sort(tr.Procs)
	for i := range tr.Syscalls {
		tr.Syscalls[i].Name = rd.names[tr.Syscalls[i].G]
	}
	for i := range tr.Wakes {
		tr.Wakes[i].Name = rd.names[tr.Wakes[i].G]
	}
	tr.names = rd.names
	return tr
}
