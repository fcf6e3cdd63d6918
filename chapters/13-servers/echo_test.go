package servers

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A real server on the loopback interface, on a port the system picks: the
// accept loop starts a goroutine for each connection, as asyncio's
// start_server starts a task. The client sends two lines, reads the echoes,
// and closes its side; the server's goroutine sees the end and returns nil.
func Example_echoServer() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	var wg sync.WaitGroup // the accept loop and a goroutine per connection
	served := make(chan error, 1)
	wg.Go(func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return // the listener was closed
			}
			wg.Go(func() { served <- EchoLines(conn, 30*time.Second) })
		}
	})

	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		fmt.Println(err)
		return
	}
	echoes := bufio.NewScanner(conn)
	for _, line := range []string{"hello", "world"} {
		fmt.Fprintln(conn, line)
		echoes.Scan()
		fmt.Println("client got:", echoes.Text())
	}
	conn.Close()
	fmt.Println("server's goroutine returned:", <-served)
	ln.Close()
	wg.Wait()
	// Output:
	// client got: hello
	// client got: world
	// server's goroutine returned: <nil>
}

// A client that goes silent is dropped exactly idle after its last line: the
// deadline is set before each read, so it measures silence, not the length
// of the conversation. On fake time, over net.Pipe (a real socket would not
// let a synctest bubble's clock move).
func TestEchoLinesDropsASilentClient(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		client, server := net.Pipe()
		defer client.Close()
		const idle = 30 * time.Second
		start := time.Now()
		served := make(chan error, 1)
		go func() { served <- EchoLines(server, idle) }()

		echoes := bufio.NewReader(client)
		for range 3 { // a line every 20s: never idle for 30s
			time.Sleep(20 * time.Second)
			fmt.Fprintln(client, "ping")
			line, err := echoes.ReadString('\n')
			require.NoError(t, err)
			assert.Equal(t, "ping\n", line)
		}
		// Then silence.
		err := <-served
		assert.ErrorIs(t, err, os.ErrDeadlineExceeded, "EchoLines must give up on a silent client")
		assert.Equal(t, 60*time.Second+idle, time.Since(start), "dropped idle after the last line (at 60s)")
		_, err = echoes.ReadString('\n')
		assert.ErrorIs(t, err, io.EOF, "EchoLines closes the connection it gives up on")
	})
}

// A client that sends but never reads the echoes is dropped too: the write
// blocks, and the same deadline ends it.
func TestEchoLinesDropsAClientThatDoesNotRead(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		client, server := net.Pipe()
		defer client.Close()
		start := time.Now()
		served := make(chan error, 1)
		go func() { served <- EchoLines(server, 30*time.Second) }()
		fmt.Fprintln(client, "never read back")
		err := <-served
		assert.ErrorIs(t, err, os.ErrDeadlineExceeded, "EchoLines must give up on a client that does not read")
		assert.Equal(t, 30*time.Second, time.Since(start))
	})
}

// conn.Write returns only when the peer has taken the bytes: the
// backpressure that asyncio's writer.drain() gives is built into every
// Write. net.Pipe has no buffer at all, which makes it easy to see; a TCP
// connection's Write returns once the kernel's socket buffer has taken the
// bytes, and blocks when that buffer is full.
func TestWriteWaitsForTheReader(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		client, server := net.Pipe()
		defer client.Close()
		defer server.Close()
		wrote := make(chan error, 1)
		go func() {
			_, err := server.Write([]byte(strings.Repeat("x", 1<<20)))
			wrote <- err
		}()
		synctest.Wait() // the writer is blocked: nobody reads
		select {
		case <-wrote:
			t.Fatal("Write returned before anybody read")
		default:
		}
		n, err := io.ReadFull(client, make([]byte, 1<<20))
		require.NoError(t, err)
		assert.Equal(t, 1<<20, n)
		assert.NoError(t, <-wrote, "Write returns once the reader has taken everything")
	})
}

// EchoLines reports a line too long for its scanner (64 KiB) as an error,
// not as the end of the conversation.
func TestEchoLinesLineTooLong(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		client, server := net.Pipe()
		defer client.Close()
		served := make(chan error, 1)
		go func() { served <- EchoLines(server, time.Minute) }()
		go client.Write([]byte(strings.Repeat("x", 70_000))) // returns when server closes
		err := <-served
		assert.ErrorIs(t, err, bufio.ErrTooLong)
		assert.False(t, errors.Is(err, os.ErrDeadlineExceeded))
	})
}
