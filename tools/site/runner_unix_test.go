//go:build unix

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hangingExample is the fixture's hello_test.go with an ExampleGreet that
// starts a child process (sleep), says so, and never returns.
func hangingExample(t *testing.T) string {
	t.Helper()
	src := fixtureFile(t, "hello_test.go", `	fmt.Println(hello.Greet("Ada"))
	// Output: hello, Ada`, `	cmd := exec.Command("sleep", "600")
	if err := cmd.Start(); err != nil {
		panic(err)
	}
	fmt.Println("started", cmd.Process.Pid)
	time.Sleep(time.Hour)
	// Output: hello, Ada`)
	return strings.Replace(src, "import (\n", "import (\n\t\"os/exec\"\n\t\"time\"\n", 1)
}

// groupAlive reports whether a process of the group pgid is alive: not a
// zombie, which only waits for its parent (or init) to collect it.
func groupAlive(t *testing.T, pgid int) bool {
	t.Helper()
	if runtime.GOOS != "linux" {
		return syscall.Kill(-pgid, 0) == nil
	}
	stats, err := filepath.Glob("/proc/[0-9]*/stat")
	require.NoError(t, err)
	for _, p := range stats {
		b, err := os.ReadFile(p)
		if err != nil {
			continue // it exited
		}
		// pid (comm) state ppid pgrp ...: comm may hold spaces and parentheses.
		fields := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
		if len(fields) > 2 && fields[0] != "Z" && fields[2] == strconv.Itoa(pgid) {
			return true
		}
	}
	return false
}

// waitGroupGone waits until no process of the group pgid is alive. SIGKILL
// is delivered at once, but a process takes a moment to exit.
func waitGroupGone(t *testing.T, pgid int) {
	t.Helper()
	waitFor(t, "the processes of the run to exit", func() bool { return !groupAlive(t, pgid) })
}

// TestRunStoppedKillsItsGroup stops a run whose Example started a child
// process and hangs: when the page goes away, then at the run timeout. No
// process of the run's group may be left.
func TestRunStoppedKillsItsGroup(t *testing.T) {
	f := startLive(t, "", nil)
	files := map[string]string{"hello_test.go": hangingExample(t)}

	t.Run("the page goes away", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		resp := f.postStream(t, ctx, runRequest{Chapter: "hello", Target: "ExampleGreet", Files: files})
		defer resp.Body.Close()
		var output string
		for e := range readEvents(resp.Body) {
			var text string
			require.NoError(t, json.Unmarshal([]byte(e.data), &text))
			output += text
			if strings.Contains(output, "started") {
				break
			}
		}
		require.Contains(t, output, "started", "the Example did not start its child")
		pid, err := strconv.Atoi(strings.Fields(strings.TrimSpace(output))[1])
		require.NoError(t, err)
		f.mu.Lock()
		pgid := f.started[len(f.started)-1]
		f.mu.Unlock()
		require.Equal(t, pgid, syscallGetpgid(t, pid), "the child is in the run's process group")
		cancel()
		waitGroupGone(t, pgid)
	})

	t.Run("timeout", func(t *testing.T) {
		f.idle()
		f.rn.timeout = 5 * time.Second // the package compiled in the subtest before
		start := time.Now()
		res := f.runJSON(t, runRequest{Chapter: "hello", Target: "ExampleGreet", Files: files})
		assert.GreaterOrEqual(t, time.Since(start), f.rn.timeout)
		assert.Equal(t, -1, res.Exit)
		assert.False(t, res.Passed)
		assert.Contains(t, res.Output, "[stopped after 5s: the run timeout (serve -run-timeout)]")
		assert.Equal(t, ptr(false), res.Matches)
		f.mu.Lock()
		pgid := f.started[len(f.started)-1]
		f.mu.Unlock()
		waitGroupGone(t, pgid)
	})
}

// idle waits until no run is in progress, by taking every slot of the
// runner (and giving them back): the runs that held them are done, and
// they happened before what the test does next.
func (f *liveFixture) idle() {
	for range cap(f.rn.slots) {
		f.rn.slots <- struct{}{}
	}
	for range cap(f.rn.slots) {
		<-f.rn.slots
	}
}

// syscallGetpgid returns the process group of pid.
func syscallGetpgid(t *testing.T, pid int) int {
	t.Helper()
	pgid, err := syscall.Getpgid(pid)
	require.NoError(t, err)
	return pgid
}

// TestRunOutputIsCapped runs an Example that prints without end: the run
// stops at 1 MiB of output, with a note.
func TestRunOutputIsCapped(t *testing.T) {
	f := startLive(t, "", nil)
	src := fixtureFile(t, "hello_test.go", `	fmt.Println(hello.Greet("Ada"))
	// Output: hello, Ada`, `	for i := 0; ; i++ {
		fmt.Println(i, hello.Greet("Ada"))
	}
	// Output: hello, Ada`)
	res := f.runJSON(t, runRequest{Chapter: "hello", Target: "ExampleGreet", Files: map[string]string{"hello_test.go": src}})
	assert.Equal(t, -1, res.Exit)
	assert.False(t, res.Passed)
	note := "\n[output cut at 1 MiB: the run was stopped]\n"
	assert.True(t, strings.HasSuffix(res.Output, note), "the output ends with %q", res.Output[max(0, len(res.Output)-100):])
	assert.Equal(t, maxRunOutput, len(res.Output)-len(note))
	f.mu.Lock()
	pgid := f.started[0]
	f.mu.Unlock()
	waitGroupGone(t, pgid)
}

// TestRunsWaitForASlot runs with one slot: a second run waits until the
// first is done, and a run whose page goes away while it waits never
// starts.
func TestRunsWaitForASlot(t *testing.T) {
	started, queued, gaveUp := make(chan int, 10), make(chan struct{}, 10), make(chan struct{}, 10)
	f := startLive(t, "", func(rn *runner) {
		rn.slots = make(chan struct{}, 1)
		record := rn.started
		rn.started = func(pgid int) { record(pgid); started <- pgid }
		rn.queued = func() { queued <- struct{}{} }
		rn.gaveUp = func() { gaveUp <- struct{}{} }
	})
	hanging, err := json.Marshal(runRequest{Chapter: "hello", Target: "ExampleGreet", Files: map[string]string{"hello_test.go": hangingExample(t)}})
	require.NoError(t, err)
	quick, err := json.Marshal(runRequest{Chapter: "hello", Target: "ExampleGreet"})
	require.NoError(t, err)

	// The first run takes the slot, and holds it until its page goes away.
	firstCtx, stopFirst := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { f.requestContext(t, firstCtx, "POST", "/api/run", bytes.NewReader(hanging), nil) })
	first := <-started

	// A run that waits, and whose page goes away, never starts.
	goneCtx, gone := context.WithCancel(context.Background())
	wg.Go(func() { f.requestContext(t, goneCtx, "POST", "/api/run", bytes.NewReader(quick), nil) })
	<-queued
	gone()
	<-gaveUp

	// A run that waits starts when the first is done.
	second := make(chan runResult, 1)
	wg.Go(func() { second <- f.runJSON(t, runRequest{Chapter: "hello", Target: "ExampleGreet"}) })
	<-queued
	assert.Equal(t, 1, f.runs(), "a run started while the only slot was taken")
	stopFirst()
	res := <-second
	assert.Equal(t, "hello, Ada\n", res.Output)
	wg.Wait()
	assert.Equal(t, 2, f.runs(), "the run whose page went away while it waited started anyway")
	waitGroupGone(t, first)
}
