package pitfallsii

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/asyncgo/course/chapters/internal/demo"
	"github.com/asyncgo/course/chapters/internal/golden"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Seeing inside a running program. testdata/demos/stuck hangs with three
// workers blocked on a send that nobody receives; testdata/demos/busy keeps
// more goroutines ready to run than there are Ps. The tests run them, look
// inside with each tool, and keep what the tools print, with what varies from
// run to run (addresses, goroutine numbers, offsets, durations) normalised,
// as golden files: testdata/goroutines-1.txt, goroutines-2.txt, stack.txt,
// sigquit.txt and schedtrace.txt.

// buildInspectDemos builds stuck and busy with -trimpath (so that file names
// in stacks are short and the same on every machine) and returns the
// directory of the binaries.
func buildInspectDemos(t *testing.T) string {
	t.Helper()
	goCmd := demo.GoCommand(t)
	if runtime.GOOS == "windows" {
		t.Skip("sends SIGQUIT to a child process, which Windows cannot do")
	}
	dir := t.TempDir()
	demo.CopyDir(t, dir, filepath.Join("testdata", "demos"))
	demo.MustRun(t, dir, goCmd, "build", "-trimpath", "-o", "bin/", "./stuck", "./busy")
	return filepath.Join(dir, "bin")
}

// A stuckProgram is testdata/demos/stuck, running, with a pipe to the
// commands it reads and what it writes.
type stuckProgram struct {
	t          *testing.T
	cmd        *exec.Cmd
	stdin      io.WriteCloser
	lines      chan string    // standard output, line by line
	stderr     syncBuffer     // standard error, all of it
	sched      chan schedLine // its GODEBUG=schedtrace lines, while the test keeps up
	stderrDone chan struct{}
}

// syncBuffer is a bytes.Buffer that a child process writes while the test
// reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startStuck starts bin/stuck with GODEBUG=schedtrace=10, and waits until it
// says its collector stopped reading. A guard of one minute stops it if the
// test goes wrong; it is no speed check.
func startStuck(t *testing.T, bin string) *stuckProgram {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	t.Cleanup(cancel)
	p := &stuckProgram{t: t, lines: make(chan string), sched: make(chan schedLine, 64), stderrDone: make(chan struct{})}
	p.cmd = exec.CommandContext(ctx, filepath.Join(bin, "stuck"))
	// The program sets GOMAXPROCS=2 itself, but the first schedtrace line
	// comes before it does: set it in the environment as well.
	p.cmd.Env = append(demo.Env(), "GODEBUG=schedtrace=10", "GOMAXPROCS=2")
	var err error
	p.stdin, err = p.cmd.StdinPipe()
	require.NoError(t, err)
	stdout, err := p.cmd.StdoutPipe()
	require.NoError(t, err)
	stderr, err := p.cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, p.cmd.Start())
	go func() {
		defer close(p.lines)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			p.lines <- sc.Text()
		}
	}()
	go func() {
		defer close(p.stderrDone)
		defer close(p.sched)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			_, _ = p.stderr.Write([]byte(sc.Text() + "\n"))
			if l, ok := parseSched(sc.Text()); ok {
				select {
				case p.sched <- l:
				default: // the test is not reading: drop the line
				}
			}
		}
	}()
	t.Cleanup(func() { // stop it if the test failed before SIGQUIT did
		if p.cmd.ProcessState == nil {
			_ = p.cmd.Process.Kill()
			p.wait()
		}
	})
	p.expect("collector: took one result, stopped reading")
	return p
}

// wait reads what is left of the program's output and waits for it to end.
func (p *stuckProgram) wait() error {
	for range p.lines {
	}
	<-p.stderrDone
	return p.cmd.Wait()
}

// expect reads the next line and checks that it is want.
func (p *stuckProgram) expect(want string) {
	p.t.Helper()
	line, ok := <-p.lines
	require.True(p.t, ok, "stuck ended before it printed %q:\n%s", want, p.stderr.String())
	require.Equal(p.t, want, line)
}

// ask sends the program a command and returns its answer, up to the line
// "end".
func (p *stuckProgram) ask(command string) string {
	p.t.Helper()
	_, err := io.WriteString(p.stdin, command+"\n")
	require.NoError(p.t, err)
	var b strings.Builder
	for line := range p.lines {
		if line == "end" {
			return b.String()
		}
		b.WriteString(line + "\n")
	}
	p.t.Fatalf("stuck ended while answering %q:\n%s", command, p.stderr.String())
	return ""
}

// TestInspectStuck looks inside testdata/demos/stuck while it hangs: the
// goroutine profile at both levels of detail, debug.Stack,
// GODEBUG=schedtrace and a SIGQUIT dump.
func TestInspectStuck(t *testing.T) {
	bin := buildInspectDemos(t)
	p := startStuck(t, bin)

	// The workers may not have reached their send yet, nor main its Wait:
	// ask again until the profile shows them there. Every answer takes a
	// round trip to the program; nothing sleeps.
	settled := func(profile string) bool {
		return strings.Contains(profile, "3 @ …\n#\tmain.main.func1\t") &&
			strings.Contains(profile, "#\tsync.(*WaitGroup).Wait\t")
	}
	profile := normaliseProfile(p.ask("goroutines 1"))
	for !settled(profile) {
		profile = normaliseProfile(p.ask("goroutines 1"))
	}
	golden.Check(t, "testdata/goroutines-1.txt", []byte(profile))

	dump := normaliseStacks(p.ask("goroutines 2"))
	assert.Equal(t, 3, strings.Count(dump, "[chan send]:\nmain.main.func1()"), "three workers wait to send:\n%s", dump)
	assert.Contains(t, dump, "goroutine N [sync.WaitGroup.Wait]:", "main waits for them")
	golden.Check(t, "testdata/goroutines-2.txt", []byte(dump))

	golden.Check(t, "testdata/stack.txt", []byte(normaliseStacks(p.ask("stack"))))

	// A program that hangs is an idle one: every P idle, every run queue
	// empty (the goroutine reading commands waits in a system call, which
	// holds no P for long).
	var stuck schedLine
	for line := range p.sched {
		if line.idle == line.procs && line.queued == 0 {
			stuck = line
			break
		}
	}
	require.Equal(t, 2, stuck.procs, "no SCHED line with every P idle:\n%s", p.stderr.String())

	require.NoError(t, p.cmd.Process.Signal(syscall.SIGQUIT))
	err := p.wait()
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit, "stuck must die of SIGQUIT")
	assert.Equal(t, 2, exit.ExitCode(), "a SIGQUIT dump exits with code 2")
	stderr := p.stderr.String()
	i := strings.Index(stderr, "SIGQUIT: quit")
	require.GreaterOrEqual(t, i, 0, "no SIGQUIT dump on stderr:\n%s", stderr)
	dump = outlineDump(stderr[i:])
	for _, want := range []string{"main.commands(...)", "main.main()", "main.main.func1()"} {
		assert.Contains(t, dump, want, "the SIGQUIT dump shows every goroutine of the program")
	}
	golden.Check(t, "testdata/sigquit.txt", []byte(dump))

	busy := busySchedLine(t, bin)
	golden.Check(t, "testdata/schedtrace.txt", []byte("stuck: "+stuck.normalised(true)+"\nbusy:  "+busy.normalised(false)+"\n"))
}

// schedLine is a line of GODEBUG=schedtrace output.
type schedLine struct {
	text   string
	procs  int // gomaxprocs
	idle   int // idleprocs
	queued int // goroutines in the run queues: the global one and each P's
}

var schedRE = regexp.MustCompile(`^SCHED \d+ms: gomaxprocs=(\d+) idleprocs=(\d+) .* runqueue=(\d+) \[([ \d]*)\]`)

// parseSched parses a line of schedtrace output.
func parseSched(line string) (schedLine, bool) {
	m := schedRE.FindStringSubmatch(line)
	if m == nil {
		return schedLine{}, false
	}
	l := schedLine{text: line}
	l.procs, _ = strconv.Atoi(m[1])
	l.idle, _ = strconv.Atoi(m[2])
	l.queued, _ = strconv.Atoi(m[3])
	for f := range strings.FieldsSeq(m[4]) {
		n, _ := strconv.Atoi(f)
		l.queued += n
	}
	return l, true
}

// normalised returns the line with the numbers that vary from run to run
// replaced by "…": all but gomaxprocs and idleprocs, and the lengths of the
// run queues too unless keepQueues.
func (l schedLine) normalised(keepQueues bool) string {
	s := schedTimeRE.ReplaceAllString(l.text, "SCHED …ms:")
	s = schedCountRE.ReplaceAllString(s, "$1=…")
	s = schedTicksRE.ReplaceAllString(s, "schedticks=[ … ]")
	if !keepQueues {
		s = schedQueuesRE.ReplaceAllString(s, "runqueue=… [ … ]")
	}
	return s
}

var (
	schedTimeRE   = regexp.MustCompile(`^SCHED \d+ms:`)
	schedCountRE  = regexp.MustCompile(`\b(threads|spinningthreads|needspinning|idlethreads)=\d+`)
	schedTicksRE  = regexp.MustCompile(`schedticks=\[[ \d]*\]`)
	schedQueuesRE = regexp.MustCompile(`runqueue=\d+ \[[ \d]*\]`)
)

// busySchedLine runs bin/busy with GODEBUG=schedtrace=10 and returns a line
// that shows it busy: no P idle, goroutines waiting in the run queues. Every
// line must show GOMAXPROCS=2.
func busySchedLine(t *testing.T, bin string) schedLine {
	t.Helper()
	res := demo.Run(t, ".", []string{"GODEBUG=schedtrace=10", "GOMAXPROCS=2"}, filepath.Join(bin, "busy"))
	require.Equal(t, 0, res.Code, "busy:\n%s", res.Stderr)
	var busy *schedLine
	for line := range strings.Lines(res.Stderr) {
		l, ok := parseSched(strings.TrimSpace(line))
		if !ok {
			continue
		}
		assert.Equal(t, 2, l.procs, "busy sets GOMAXPROCS=2: %s", line)
		if busy == nil && l.procs == 2 && l.idle == 0 && l.queued > 0 {
			busy = &l
		}
	}
	require.NotNil(t, busy, "no SCHED line of busy shows goroutines waiting for a P:\n%s", res.Stderr)
	return *busy
}

// TestSchedulerLatencyProfile records an execution trace of
// testdata/demos/busy and reads it with go tool trace -pprof=sched, the
// scheduler latency profile: the time goroutines spent ready to run but
// waiting for a P. Most of it goes to the spinning goroutines, main.spin.func1.
func TestSchedulerLatencyProfile(t *testing.T) {
	bin := buildInspectDemos(t)
	goCmd := demo.GoCommand(t)
	dir := t.TempDir()
	res := demo.Run(t, dir, nil, filepath.Join(bin, "busy"), "-trace", "busy.trace")
	require.Equal(t, 0, res.Code, "busy -trace:\n%s", res.Stderr)
	profile := demo.MustRun(t, dir, goCmd, "tool", "trace", "-pprof=sched", "busy.trace").Stdout
	require.NoError(t, os.WriteFile(filepath.Join(dir, "sched.pprof"), []byte(profile), 0o644))
	top := demo.MustRun(t, dir, goCmd, "tool", "pprof", "-top", "sched.pprof").Stdout
	share := -1.0
	for line := range strings.Lines(top) {
		f := strings.Fields(line)
		if len(f) == 6 && f[5] == "main.spin.func1" {
			share, _ = strconv.ParseFloat(strings.TrimSuffix(f[4], "%"), 64)
		}
	}
	assert.GreaterOrEqual(t, share, 50.0,
		"the spinning goroutines, main.spin.func1, should account for most of the time spent waiting for a P:\n%s", top)
}

// Normalising what the tools print. Addresses, goroutine numbers, offsets
// into functions, argument values and wait durations change from run to run;
// the line numbers of the Go distribution's own files change between Go
// versions. The rest stays.
var (
	recordRE   = regexp.MustCompile(`^#\t0x[0-9a-f]+\t(\S+?)\+0x[0-9a-f]+\t+(\S+)$`)
	headerRE   = regexp.MustCompile(`^goroutine \d+ (?:gp=\S+ m=\S+ (?:mp=\S+ )?)?\[([^,\]]*)(?:,[^\]]*)?\]:$`)
	callRE     = regexp.MustCompile(`^(.*)\(([^()]+)\)$`)
	fileRE     = regexp.MustCompile(`^\t(\S+?)(:\d+)(?: \+0x[0-9a-f]+)?(?: fp=\S+ sp=\S+ pc=\S+)?$`)
	createdRE  = regexp.MustCompile(` in goroutine \d+$`)
	sigquitPC  = regexp.MustCompile(`^PC=\S+ m=\S+ sigcode=\S+`)
	ownFileDir = "demos/"
)

// shortFile keeps the line number of the program's own files only.
func shortFile(path, line string) string {
	if strings.HasPrefix(path, ownFileDir) {
		return path + line
	}
	return path
}

// normaliseProfile normalises a goroutine profile written with debug=1: a
// header, then one record per distinct stack, "count @ addresses" and a
// line per frame. The records come sorted by count, and by address within a
// count, so they are sorted again by count and text.
func normaliseProfile(s string) string {
	blocks := strings.Split(strings.TrimSpace(s), "\n\n")
	header, _, _ := strings.Cut(blocks[0], "\n")
	blocks[0] = strings.TrimPrefix(blocks[0], header+"\n")
	type record struct {
		count int
		text  string
	}
	var records []record
	for _, b := range blocks {
		var lines []string
		count := 0
		for line := range strings.Lines(b) {
			line = strings.TrimRight(line, "\n")
			if n, _, ok := strings.Cut(line, " @ "); ok && count == 0 {
				count, _ = strconv.Atoi(n)
				lines = append(lines, n+" @ …")
			} else if m := recordRE.FindStringSubmatch(line); m != nil {
				file, ln, _ := strings.Cut(m[2], ":")
				lines = append(lines, "#\t"+m[1]+"\t"+shortFile(file, ":"+ln))
			} else {
				lines = append(lines, line)
			}
		}
		records = append(records, record{count, strings.Join(lines, "\n")})
	}
	slices.SortStableFunc(records, func(a, b record) int {
		return cmp.Or(cmp.Compare(b.count, a.count), strings.Compare(a.text, b.text))
	})
	out := []string{header}
	for _, r := range records {
		out = append(out, r.text)
	}
	return strings.Join(out, "\n\n") + "\n"
}

// normaliseStacks normalises stacks as a crash, debug=2 or debug.Stack
// print them.
func normaliseStacks(s string) string {
	var out []string
	for line := range strings.Lines(strings.TrimSpace(s)) {
		out = append(out, normaliseStackLine(strings.TrimRight(line, "\n")))
	}
	return strings.Join(out, "\n") + "\n"
}

func normaliseStackLine(line string) string {
	if m := headerRE.FindStringSubmatch(line); m != nil {
		return "goroutine N [" + m[1] + "]:"
	}
	if m := fileRE.FindStringSubmatch(line); m != nil {
		return "\t" + shortFile(m[1], m[2])
	}
	if strings.HasPrefix(line, "created by ") {
		return createdRE.ReplaceAllString(line, " in goroutine N")
	}
	if m := callRE.FindStringSubmatch(line); m != nil && m[2] != "..." {
		return m[1] + "(...)"
	}
	return line
}

// outlineDump keeps, of a SIGQUIT dump, its first lines, and the goroutines
// that run code of package main, in the order of their numbers (the dump
// starts with whichever goroutine the signal interrupted): their header and
// their frames in main, with "..." for the frames between. The runtime's own
// goroutines are left out.
func outlineDump(s string) string {
	var out []string
	goroutines := strings.Split(strings.TrimSpace(s), "\n\n")
	for line := range strings.Lines(goroutines[0]) {
		line = strings.TrimRight(line, "\n")
		if sigquitPC.MatchString(line) {
			line = "PC=… m=… sigcode=…"
		}
		out = append(out, line)
	}
	type block struct {
		id   int
		text string
	}
	var blocks []block
	for _, g := range goroutines[1:] {
		if !strings.Contains(g, "\nmain.") {
			continue
		}
		var id int
		if f := strings.Fields(g); len(f) > 1 && f[0] == "goroutine" {
			id, _ = strconv.Atoi(f[1])
		}
		lines := strings.Split(normaliseStacks(g), "\n")
		text := []string{lines[0]}
		elided := false
		for i := 1; i+1 < len(lines); i += 2 {
			if strings.HasPrefix(lines[i], "main.") {
				text = append(text, lines[i], lines[i+1])
				elided = false
			} else if !elided {
				text = append(text, "...")
				elided = true
			}
		}
		blocks = append(blocks, block{id, strings.Join(text, "\n")})
	}
	slices.SortStableFunc(blocks, func(a, b block) int { return cmp.Compare(a.id, b.id) })
	for _, b := range blocks {
		out = append(out, "", b.text)
	}
	out = append(out, "", "(The runtime's own goroutines are left out here.)")
	return strings.Join(out, "\n") + "\n"
}
