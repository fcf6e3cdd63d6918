package eventloop_test

import (
	"bufio"
	"cmp"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/asyncgo/course/chapters/internal/demo"
	"github.com/asyncgo/course/chapters/internal/figure"
	"github.com/asyncgo/course/chapters/internal/golden"
	"github.com/asyncgo/course/chapters/internal/schedtrace"
	"github.com/stretchr/testify/require"
)

// Go's scheduler at work. The program testdata/demos/sched runs goroutines
// under the execution tracer at GOMAXPROCS=2: main, a CPU-bound loop
// ("spin"), a goroutine blocked in read(2), three sleepers ("sleep 1" to
// "sleep 3") and three readers of loopback TCP connections ("net 1" to
// "net 3"). The trace is real time, so no two runs are alike:
//
//   - make sched-trace records one run into testdata/sched.trace, with where
//     and when in testdata/sched-provenance.txt, and redraws the picture.
//   - TestSchedPicture draws that committed trace (testdata/sched.svg) and
//     sums it up (testdata/sched.md), as golden files.
//   - TestSchedFacts runs the program afresh and checks only what every run
//     shows.

// TestSchedFacts builds and runs testdata/demos/sched and checks, from the
// trace it writes, what the scheduler always does with it: both Ps run
// goroutines; the P of the goroutine blocked in read(2) is taken from its
// thread before the call returns; the readers that wait on the network are
// made runnable by the netpoller, not by another goroutine; and the
// CPU-bound loop is preempted.
//
// These are facts of real time, and a machine can be so loaded that the
// runtime's own threads do not run for tens of milliseconds (sysmon, which
// takes Ps and preempts, among them). Then the story does not happen, and
// the test runs the program again, up to three times in all.
func TestSchedFacts(t *testing.T) {
	bin := buildSched(t)
	var problems []string
	for attempt := 1; attempt <= 3; attempt++ {
		problems = schedFacts(runSched(t, bin))
		if len(problems) == 0 {
			return
		}
		t.Logf("run %d of the program: %s", attempt, strings.Join(problems, "; "))
	}
	t.Errorf("three runs of testdata/demos/sched did not show what the scheduler does:\n%s",
		strings.Join(problems, "\n"))
}

// schedFacts returns what tr fails to show of the facts TestSchedFacts checks.
func schedFacts(tr *schedtrace.Trace) []string {
	var problems []string
	if len(tr.Procs) != 2 {
		problems = append(problems, fmt.Sprintf("goroutines ran on Ps %v, want both Ps of GOMAXPROCS=2", tr.Procs))
	}
	if read, ok := blockingRead(tr); !ok {
		problems = append(problems, "no goroutine named read(2) made a system call")
	} else if _, ok := handOff(tr, read); !ok {
		problems = append(problems, fmt.Sprintf("P%d stayed with thread %d for all of read(2), %s long",
			read.P, read.Thread, read.End-read.Start))
	}
	waited := 0
	for _, w := range netWakes(tr) {
		waited++
		if w.By != schedtrace.NoGoroutine {
			problems = append(problems, fmt.Sprintf("%s was woken by goroutine %d, not by the netpoller", w.Name, w.By))
		}
	}
	if waited == 0 {
		problems = append(problems, "no net reader waited on the network")
	}
	if len(preemptions(tr)) == 0 {
		problems = append(problems, "spin was never preempted")
	}
	return problems
}

// blockingRead returns the longest system call of the goroutine named
// read(2).
func blockingRead(tr *schedtrace.Trace) (schedtrace.Syscall, bool) {
	var read schedtrace.Syscall
	found := false
	for _, s := range tr.Syscalls {
		if s.Name == "read(2)" && (!found || s.End-s.Start > read.End-read.Start) {
			read, found = s, true
		}
	}
	return read, found
}

// handOff returns the first time the P of the system call s was taken from
// s's thread while s lasted.
func handOff(tr *schedtrace.Trace, s schedtrace.Syscall) (schedtrace.Steal, bool) {
	for _, st := range tr.Steals {
		if st.P == s.P && st.From == s.Thread && st.At >= s.Start && st.At <= s.End {
			return st, true
		}
	}
	return schedtrace.Steal{}, false
}

// netWakes returns the wakes of the net readers that had waited on the
// network.
func netWakes(tr *schedtrace.Trace) []schedtrace.Wake {
	var wakes []schedtrace.Wake
	for _, w := range tr.Wakes {
		if strings.HasPrefix(w.Name, "net ") && w.Blocked == "network" {
			wakes = append(wakes, w)
		}
	}
	return wakes
}

// preemptions returns the runs of spin that ended in a preemption.
func preemptions(tr *schedtrace.Trace) []schedtrace.Run {
	var runs []schedtrace.Run
	for _, r := range tr.Runs {
		if r.Name == "spin" && r.Ended == "preempted" {
			runs = append(runs, r)
		}
	}
	return runs
}

// buildSched builds testdata/demos/sched with the go command, offline, and
// returns the binary. The build needs the go command, so -short skips it.
func buildSched(t *testing.T) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("testdata/demos/sched reads a pipe with syscall.Read on a file descriptor: Unix only")
	}
	return filepath.Join(demo.Build(t, filepath.Join("testdata", "demos"), "./sched"), "sched")
}

// runSched runs the program bin once and reads the trace it writes. A guard
// of one minute stops a program that hangs; it is no speed check (a run
// takes about 40 ms).
func runSched(t *testing.T, bin string) *schedtrace.Trace {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	out := filepath.Join(t.TempDir(), "sched.trace")
	cmd := exec.CommandContext(ctx, bin, "-trace", out)
	cmd.Env = append(os.Environ(), "GODEBUG=", "GOTRACEBACK=")
	msg, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s:\n%s", bin, msg)
	return readSchedTrace(t, out)
}

func readSchedTrace(t *testing.T, path string) *schedtrace.Trace {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	tr, err := schedtrace.Read(f)
	require.NoError(t, err, path)
	return tr
}

// TestSchedPicture draws the committed trace, testdata/sched.trace, as
// testdata/sched.svg and sums it up as testdata/sched.md (make sched-trace
// records a new trace and rewrites both). It first checks that the trace
// shows everything the picture's key and the chapter's text point at.
func TestSchedPicture(t *testing.T) {
	tr := readSchedTrace(t, "testdata/sched.trace")
	problems := schedFacts(tr)
	if read, ok := blockingRead(tr); ok && len(turnsElsewhere(tr, read)) == 0 {
		problems = append(problems, "no other thread ran a goroutine on the P of read(2) while the call lasted")
	}
	if len(problems) > 0 {
		t.Fatalf("testdata/sched.trace does not show what the chapter points at; record another with make sched-trace:\n%s",
			strings.Join(problems, "\n"))
	}
	prov := readProvenance(t, "testdata/sched-provenance.txt")
	require.Equal(t, fmt.Sprint(tr.GOMAXPROCS), prov["gomaxprocs"],
		"testdata/sched-provenance.txt does not go with testdata/sched.trace: record both with make sched-trace")
	golden.Check(t, "testdata/sched.svg", schedTimeline(tr, prov).SVG())
	golden.Check(t, "testdata/sched.md", []byte(schedSummary(tr)))
}

// readProvenance reads the "key: value" lines of the file at path.
func readProvenance(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	prov := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ":"); ok {
			prov[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	require.NoError(t, sc.Err())
	for _, k := range []string{"date", "go", "goos", "goarch", "cpu", "cores", "gomaxprocs"} {
		require.NotEmpty(t, prov[k], "%s: no %q line", path, k)
	}
	return prov
}

// The colour groups of the picture, and the group of each goroutine.
var schedGroups = []string{"main", "spin", "read(2)", "sleepers", "net readers", "runtime"}

func schedGroup(name string) int {
	switch {
	case name == "main":
		return 0
	case name == "spin":
		return 1
	case name == "read(2)":
		return 2
	case strings.HasPrefix(name, "sleep "):
		return 3
	case strings.HasPrefix(name, "net "):
		return 4
	}
	return 5
}

// label is what the picture calls goroutine name: goroutines of the
// runtime (the tracer's own, say) have none.
func label(name string) string { return cmp.Or(name, "runtime") }

// A threadUse is a moment a thread ran a goroutine or began a system call.
type threadUse struct {
	at     time.Duration
	thread int64
}

func byTime(a, b threadUse) int { return cmp.Compare(a.at, b.at) }

// threadNames numbers the threads M1, M2, ... in the order they first run
// a goroutine or make a system call.
func threadNames(tr *schedtrace.Trace) map[int64]string {
	var uses []threadUse
	for _, r := range tr.Runs {
		uses = append(uses, threadUse{r.Start, r.Thread})
	}
	for _, s := range tr.Syscalls {
		uses = append(uses, threadUse{s.Start, s.Thread})
	}
	slices.SortStableFunc(uses, byTime)
	names := map[int64]string{}
	for _, u := range uses {
		if _, ok := names[u.thread]; !ok {
			names[u.thread] = fmt.Sprintf("M%d", len(names)+1)
		}
	}
	return names
}

// schedTimeline turns tr into the picture: a lane per P, then a lane of the
// system calls; numbered marks where read(2)'s P is taken from its thread,
// where the netpoller makes a net reader runnable, and where spin is
// preempted.
func schedTimeline(tr *schedtrace.Trace, prov map[string]string) figure.SchedTimeline {
	threads := threadNames(tr)
	lane := map[int64]int{}
	tl := figure.SchedTimeline{
		Title:  fmt.Sprintf("Go's scheduler at work: GOMAXPROCS=%d, from an execution trace", tr.GOMAXPROCS),
		Groups: schedGroups,
		End:    tr.End,
		Note: fmt.Sprintf("Recorded by make sched-trace on %s with %s, %s/%s, %s, %s cores. Threads M1, M2, ... are numbered as they appear.",
			prov["date"], prov["go"], prov["goos"], prov["goarch"], prov["cpu"], prov["cores"]),
	}
	for _, p := range tr.Procs {
		lane[p] = len(tl.Lanes)
		tl.Lanes = append(tl.Lanes, figure.SchedLane{Name: fmt.Sprintf("P%d", p)})
	}
	sys := len(tl.Lanes)
	tl.Lanes = append(tl.Lanes, figure.SchedLane{Name: "system calls"})

	uses := make([][]threadUse, len(tl.Lanes)) // per lane: who ran it when
	for _, r := range tr.Runs {
		i, ok := lane[r.P]
		if !ok {
			continue
		}
		tl.Lanes[i].Spans = append(tl.Lanes[i].Spans, figure.SchedSpan{
			Start: r.Start, End: r.End, Group: schedGroup(r.Name), Label: label(r.Name)})
		uses[i] = append(uses[i], threadUse{r.Start, r.Thread})
	}
	for _, s := range tr.Syscalls {
		tl.Lanes[sys].Spans = append(tl.Lanes[sys].Spans, figure.SchedSpan{
			Start: s.Start, End: s.End, Group: schedGroup(s.Name), Label: label(s.Name) + " on " + threads[s.Thread]})
		i, ok := lane[s.P]
		if !ok {
			continue
		}
		end := s.End // the P is held until the call returns or the P is taken
		if st, ok := handOff(tr, s); ok {
			end = st.At
		}
		tl.Lanes[i].Spans = append(tl.Lanes[i].Spans, figure.SchedSpan{
			Start: s.Start, End: end, Group: schedGroup(s.Name), Label: label(s.Name), Held: true})
		uses[i] = append(uses[i], threadUse{s.Start, s.Thread})
	}
	for i, us := range uses {
		slices.SortStableFunc(us, byTime)
		var last int64 = -1
		for _, u := range us {
			if u.thread != last {
				tl.Lanes[i].Threads = append(tl.Lanes[i].Threads, figure.SchedThread{At: u.at, Name: threads[u.thread]})
				last = u.thread
			}
		}
	}

	var marks []figure.SchedMark
	if read, ok := blockingRead(tr); ok {
		if st, ok := handOff(tr, read); ok {
			by := threads[st.By]
			if by == "" { // a thread that never runs goroutines: sysmon
				by = "sysmon"
			}
			text := fmt.Sprintf("%s takes P%d from %s, blocked in read(2)", by, st.P, threads[st.From])
			if r, ok := nextRunOn(tr, st.P, st.At); ok && r.Start < read.End && r.Thread != read.Thread {
				text += fmt.Sprintf(", and %s runs goroutines on it", threads[r.Thread])
			}
			marks = append(marks, figure.SchedMark{Lane: lane[st.P], At: st.At, Text: text})
		}
	}
	for _, w := range netWakes(tr) {
		if r, ok := nextRunOf(tr, w.G, w.At); ok {
			marks = append(marks, figure.SchedMark{Lane: lane[r.P], At: w.At,
				Text: fmt.Sprintf("the netpoller makes %s runnable: its socket has data", w.Name)})
		}
	}
	for _, r := range preemptions(tr) {
		marks = append(marks, figure.SchedMark{Lane: lane[r.P], At: r.End,
			Text: fmt.Sprintf("spin is preempted after running %s on P%d", roughly(r.End-r.Start), r.P)})
	}
	slices.SortStableFunc(marks, func(a, b figure.SchedMark) int { return cmp.Compare(a.At, b.At) })
	tl.Marks = marks
	tl.Zoom = schedZoom(tr)
	return tl
}

// schedZoom returns how much of the start the picture enlarges: until every
// goroutine of the program has started, and blocked if it blocks, and
// read(2)'s P has been taken; a little more, rounded up to 1, 2 or 5 times a
// power of ten; but no more than a quarter of the trace.
func schedZoom(tr *schedtrace.Trace) time.Duration {
	var until time.Duration
	seen := map[int64]bool{}
	for _, r := range tr.Runs {
		if r.Name == "" || seen[r.G] {
			continue
		}
		seen[r.G] = true
		until = max(until, r.Start)
		if r.Ended != "preempted" && r.Ended != "trace end" {
			until = max(until, r.End)
		}
	}
	if read, ok := blockingRead(tr); ok {
		if st, ok := handOff(tr, read); ok {
			until = max(until, st.At)
		}
	}
	until = until * 5 / 4
	for p := time.Microsecond; ; p *= 10 {
		for _, m := range []time.Duration{1, 2, 5} {
			if m*p >= until {
				return min(m*p, tr.End/4)
			}
		}
	}
}

// nextRunOn returns the first run on P p that starts at or after at.
func nextRunOn(tr *schedtrace.Trace, p int64, at time.Duration) (schedtrace.Run, bool) {
	for _, r := range tr.Runs {
		if r.P == p && r.Start >= at {
			return r, true
		}
	}
	return schedtrace.Run{}, false
}

// nextRunOf returns the first run of goroutine g that starts at or after at.
func nextRunOf(tr *schedtrace.Trace, g int64, at time.Duration) (schedtrace.Run, bool) {
	for _, r := range tr.Runs {
		if r.G == g && r.Start >= at {
			return r, true
		}
	}
	return schedtrace.Run{}, false
}

// schedSummary sums the trace up in a few sentences, for the chapter's
// text: the figures it quotes come from the committed trace.
func schedSummary(tr *schedtrace.Trace) string {
	var b strings.Builder
	read, _ := blockingRead(tr)
	st, _ := handOff(tr, read)
	fmt.Fprintf(&b, "In this recording, `read(2)` holds its thread in the kernel for %s. "+
		"Its P, P%d, is taken from that thread %s after the call begins; "+
		"other threads run goroutines on it %s before the call returns.",
		roughly(read.End-read.Start), read.P, roughly(st.At-read.Start), count(len(turnsElsewhere(tr, read))))
	var names []string
	for _, w := range netWakes(tr) {
		names = append(names, "`"+w.Name+"`")
	}
	fmt.Fprintf(&b, " The netpoller makes %s runnable as their data arrives.", joinAnd(names))
	var turns []string
	for _, r := range preemptions(tr) {
		turns = append(turns, roughly(r.End-r.Start))
	}
	fmt.Fprintf(&b, " `spin` is preempted %s, after turns of %s.\n", count(len(turns)), joinAnd(turns))
	return b.String()
}

// turnsElsewhere returns the runs on the P of the system call s, by other
// threads, while s lasted.
func turnsElsewhere(tr *schedtrace.Trace, s schedtrace.Syscall) []schedtrace.Run {
	var runs []schedtrace.Run
	for _, r := range tr.Runs {
		if r.P == s.P && r.Thread != s.Thread && r.Start >= s.Start && r.Start < s.End {
			runs = append(runs, r)
		}
	}
	return runs
}

// roughly formats d for a sentence: whole microseconds under a millisecond,
// else milliseconds with one decimal.
func roughly(d time.Duration) string {
	if d < time.Millisecond {
		return fmt.Sprintf("%d µs", d.Round(time.Microsecond)/time.Microsecond)
	}
	return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
}

// count says how many times: "once", "twice", "3 times".
func count(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return fmt.Sprintf("%d times", n)
}

// joinAnd joins words as English does: "a", "a and b", "a, b and c".
func joinAnd(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
