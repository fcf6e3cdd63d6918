package schedtrace

import (
	"bytes"
	"context"
	"io"
	"net"
	"runtime"
	"runtime/trace"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// record runs f under the execution tracer and reads the trace.
func record(t *testing.T, f func(ctx context.Context)) *Trace {
	t.Helper()
	var buf bytes.Buffer
	if err := trace.Start(&buf); err != nil {
		t.Skipf("the execution tracer is busy (go test -trace?): %v", err)
	}
	f(context.Background())
	trace.Stop()
	tr, err := Read(&buf)
	require.NoError(t, err)
	return tr
}

// waitUntil yields until a goroutine running fn (a function name, as a
// stack dump writes it) is in state (as in "[chan receive]") in a dump of
// all goroutines. It never sleeps.
func waitUntil(state, fn string) {
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		for g := range strings.SplitSeq(string(buf[:n]), "\n\n") {
			if strings.Contains(g, "["+state) && strings.Contains(g, fn) {
				return
			}
		}
		runtime.Gosched()
	}
}

// goroutine returns the ID of the goroutine named name in tr.
func goroutine(t *testing.T, tr *Trace, name string) int64 {
	t.Helper()
	for _, r := range tr.Runs {
		if r.Name == name {
			return r.G
		}
	}
	t.Fatalf("no run of a goroutine named %q", name)
	return 0
}

// TestChannelWake: a goroutine that waits on a channel is made runnable by
// the goroutine that sends, and the runs say how they ended.
func TestChannelWake(t *testing.T) {
	tr := record(t, func(ctx context.Context) {
		ch := make(chan int)
		done := make(chan struct{})
		go trace.WithRegion(ctx, "receiver", func() {
			<-ch
			close(done)
		})
		trace.WithRegion(ctx, "sender", func() {
			waitUntil("chan receive", "schedtrace.TestChannelWake.func")
			ch <- 1
		})
		<-done
	})
	receiver, sender := goroutine(t, tr, "receiver"), goroutine(t, tr, "sender")
	assert.Equal(t, "receiver", tr.Name(receiver))
	i := slices.IndexFunc(tr.Wakes, func(w Wake) bool { return w.G == receiver })
	require.GreaterOrEqual(t, i, 0, "the receiver was never woken: %+v", tr.Wakes)
	w := tr.Wakes[i]
	assert.Equal(t, "chan receive", w.Blocked)
	assert.Equal(t, sender, w.By, "the sender wakes the receiver")
	assert.Equal(t, "receiver", w.Name)

	var ended []string
	for _, r := range tr.Runs {
		if r.G == receiver {
			ended = append(ended, r.Ended)
			assert.LessOrEqual(t, r.Start, r.End)
			assert.GreaterOrEqual(t, r.P, int64(0), "a run is on a P")
		}
	}
	assert.Equal(t, []string{"chan receive", "exit"}, ended, "how the receiver's runs ended")
	assert.Positive(t, tr.GOMAXPROCS)
	assert.NotEmpty(t, tr.Procs)
	assert.Positive(t, tr.End)
}

// TestNetworkWake: a goroutine that waits for data on a TCP connection is
// made runnable by the scheduler (the netpoller), not by the goroutine that
// wrote the data; its reads are system calls.
func TestNetworkWake(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	c, err := net.Dial("tcp", ln.Addr().String())
	require.NoError(t, err)
	defer c.Close()
	s, err := ln.Accept()
	require.NoError(t, err)
	defer s.Close()

	tr := record(t, func(ctx context.Context) {
		done := make(chan error)
		go trace.WithRegion(ctx, "reader", func() {
			_, err := io.ReadFull(c, make([]byte, 1))
			done <- err
		})
		trace.WithRegion(ctx, "writer", func() {
			waitUntil("IO wait", "schedtrace.TestNetworkWake.func")
			_, err := s.Write([]byte{1})
			assert.NoError(t, err)
		})
		assert.NoError(t, <-done)
	})
	reader := goroutine(t, tr, "reader")
	i := slices.IndexFunc(tr.Wakes, func(w Wake) bool { return w.G == reader })
	require.GreaterOrEqual(t, i, 0, "the reader was never woken: %+v", tr.Wakes)
	assert.Equal(t, "network", tr.Wakes[i].Blocked)
	assert.Equal(t, NoGoroutine, tr.Wakes[i].By, "the netpoller wakes the reader, not the writer")
	assert.True(t, slices.ContainsFunc(tr.Syscalls, func(s Syscall) bool { return s.G == reader && s.Name == "reader" }),
		"the reader's read is a system call")
}

func TestReadRejectsWhatIsNoTrace(t *testing.T) {
	for name, in := range map[string]string{"empty": "", "text": "go 1.26 trace? no"} {
		_, err := Read(strings.NewReader(in))
		assert.ErrorContains(t, err, "read execution trace", name)
	}
}
