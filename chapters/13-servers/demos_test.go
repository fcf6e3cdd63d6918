package servers

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/asyncgo/course/chapters/internal/demo"
	"github.com/asyncgo/course/chapters/internal/golden"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The programs in testdata/demos get real signals. The test builds them, runs
// each in a child process, sends it os.Interrupt at a chosen moment, and
// writes down, in the order it saw them, what it did and what the program
// printed. The transcripts are golden files: testdata/graceful.txt,
// abrupt.txt and exit.txt. No signal is ever sent to the test process.

// buildDemos builds the programs in testdata/demos into a temporary
// directory, and returns it. It needs the go command, so -short skips it.
func buildDemos(t *testing.T) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("sends os.Interrupt to a child process, which Windows cannot do")
	}
	return demo.Build(t, filepath.Join("testdata", "demos"), "./...")
}

// A runningDemo is one of the programs, running, and the transcript of the test.
type runningDemo struct {
	t      *testing.T
	cmd    *exec.Cmd
	lines  chan string // what it prints on stdout, line by line
	stderr bytes.Buffer
	log    strings.Builder // the transcript
	addr   string          // where it listens, once it said so
}

// startDemo starts the program bin/name. A guard of one minute kills a
// program that hangs; it is no speed check: every step here is immediate.
func startDemo(t *testing.T, bin, name string) *runningDemo {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	t.Cleanup(cancel)
	d := &runningDemo{t: t, lines: make(chan string)}
	d.cmd = exec.CommandContext(ctx, filepath.Join(bin, name))
	d.cmd.Stderr = &d.stderr
	stdout, err := d.cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, d.cmd.Start())
	go func() {
		defer close(d.lines)
		for sc := bufio.NewScanner(stdout); sc.Scan(); {
			d.lines <- sc.Text()
		}
	}()
	d.did("run ./%s", name)
	return d
}

// did writes a step of the test in the transcript.
func (d *runningDemo) did(format string, args ...any) {
	fmt.Fprintf(&d.log, "test: "+format+"\n", args...)
}

// expect reads the program's next line, which must start with prefix, and
// writes it in the transcript. A line "listening on ADDR" sets d.addr and is
// written with the port replaced by PORT.
func (d *runningDemo) expect(prefix string) {
	d.t.Helper()
	line, ok := <-d.lines
	if !ok {
		d.t.Fatalf("the program ended before printing %q; stderr:\n%s", prefix, d.stderr.String())
	}
	if !strings.HasPrefix(line, prefix) {
		d.t.Fatalf("the program printed %q, want a line starting with %q", line, prefix)
	}
	if addr, ok := strings.CutPrefix(line, "listening on "); ok {
		d.addr = addr
		host, _, _ := net.SplitHostPort(addr)
		line = "listening on " + host + ":PORT"
	}
	fmt.Fprintf(&d.log, "demo: %s\n", line)
}

// wait reads the rest of the program's output, waits for it to exit, and
// writes both, and its exit code, in the transcript.
func (d *runningDemo) wait() {
	d.t.Helper()
	for line := range d.lines {
		fmt.Fprintf(&d.log, "demo: %s\n", line)
	}
	err := d.cmd.Wait()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		d.t.Fatalf("wait: %v", err)
	}
	for line := range strings.Lines(d.stderr.String()) {
		fmt.Fprintf(&d.log, "demo (stderr): %s", line)
	}
	d.did("exit code %d", d.cmd.ProcessState.ExitCode())
}

// upload starts a POST to the program whose body stays open until the test
// closes the returned writer. It delivers the response's status and body,
// or the error.
func (d *runningDemo) upload(client *http.Client) (*io.PipeWriter, <-chan string) {
	body, w := io.Pipe()
	result := make(chan string, 1)
	go func() {
		resp, err := client.Post("http://"+d.addr+"/upload", "text/plain", body)
		if err != nil {
			result <- "the request failed"
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		result <- fmt.Sprintf("%s %q", resp.Status, bytes.TrimSpace(b))
	}()
	d.did("POST /upload, and keep its body open")
	return w, result
}

// response writes in the transcript what the upload got. A guard of one
// minute fails a test that would hang.
func (d *runningDemo) response(reply <-chan string) {
	d.t.Helper()
	select {
	case r := <-reply:
		d.did("the upload's response: %s", r)
	case <-time.After(time.Minute):
		d.t.Fatal("no response to the upload after a minute")
	}
}

// signal sends os.Interrupt (SIGINT, what Ctrl-C sends) to the program.
func (d *runningDemo) signal() {
	d.t.Helper()
	require.NoError(d.t, d.cmd.Process.Signal(os.Interrupt))
	d.did("send os.Interrupt (SIGINT)")
}

// The graceful demo: SIGINT with an upload in flight. The listener closes at
// once, the upload finishes, then the program exits 0.
func TestGracefulShutdownOnASignal(t *testing.T) {
	bin := buildDemos(t)
	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()

	d := startDemo(t, bin, "graceful")
	d.expect("listening on ")
	body, reply := d.upload(client)
	d.expect("handler: upload started")
	d.signal()
	d.expect("signal: interrupt signal received; shutting down")
	d.expect("shutdown: listener closed")
	if conn, err := net.Dial("tcp", d.addr); err == nil {
		conn.Close()
		t.Error("a new connection was accepted after the listener was closed")
	} else {
		assert.ErrorIs(t, err, syscall.ECONNREFUSED)
		d.did("a new connection: refused")
	}
	io.WriteString(body, "hello, world")
	body.Close()
	d.did("send the rest of the body")
	d.expect("handler: stored 12 bytes")
	d.response(reply)
	d.wait()
	assert.Equal(t, 0, d.cmd.ProcessState.ExitCode())
	golden.Check(t, "testdata/graceful.txt", []byte(d.log.String()))
}

// The abrupt demo treats http.ErrServerClosed as a failure: log.Fatal ends
// the program the moment Shutdown begins, the upload in flight is cut off,
// and the deferred cleanup never runs.
func TestAbruptShutdownOnASignal(t *testing.T) {
	bin := buildDemos(t)
	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()

	d := startDemo(t, bin, "abrupt")
	d.expect("listening on ")
	body, reply := d.upload(client)
	d.expect("handler: upload started")
	d.signal()
	d.expect("signal: shutting down")
	d.wait()
	body.Close() // the client's transport stops only once its body ends
	d.response(reply)
	assert.Equal(t, 1, d.cmd.ProcessState.ExitCode())
	assert.NotContains(t, d.log.String(), "deferred cleanup")
	golden.Check(t, "testdata/abrupt.txt", []byte(d.log.String()))
}

// The exit demo: os.Exit skips the deferred Flush, and the report is lost.
func TestExitSkipsDeferredCalls(t *testing.T) {
	bin := buildDemos(t)
	d := startDemo(t, bin, "exit")
	d.wait()
	assert.Equal(t, 1, d.cmd.ProcessState.ExitCode())
	assert.NotContains(t, d.log.String(), "report:", "the buffered report was never flushed")
	golden.Check(t, "testdata/exit.txt", []byte(d.log.String()))
}
