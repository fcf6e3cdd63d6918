package servers

import (
	"context"
	"errors"
	"net"
	"net/http"
	"sync"
	"testing"
)

// pipeListener is an in-memory network for the tests that run in a synctest
// bubble. A goroutine that waits on a real socket is not durably blocked, so
// the bubble's clock could not move while one waits; net.Pipe's connections
// are made of channels, and waiting on them is durable. Each dial makes a
// net.Pipe and hands its server end to Accept.
type pipeListener struct {
	conns     chan net.Conn
	closed    chan struct{}
	closeOnce sync.Once

	mu     sync.Mutex
	made   []net.Conn   // both ends of every connection, for the cleanup
	Client *http.Client // an HTTP client whose connections go to this listener
}

// newPipeListener returns a listener whose Client dials it. When the test
// ends, it closes the listener and every connection it made, so that the
// goroutines of a server that went wrong unwind instead of deadlocking the
// bubble.
func newPipeListener(t *testing.T) *pipeListener {
	l := &pipeListener{conns: make(chan net.Conn), closed: make(chan struct{})}
	l.Client = &http.Client{Transport: &http.Transport{DialContext: l.DialContext}}
	t.Cleanup(l.closeAll)
	return l
}

// closeAll closes the listener, the client's idle connections and every
// connection the listener made.
func (l *pipeListener) closeAll() {
	l.Close()
	l.Client.CloseIdleConnections()
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, c := range l.made {
		c.Close()
	}
}

// errRefused is what a dial to a closed pipeListener returns, as a dial to a
// closed port is refused.
var errRefused = errors.New("pipe: connection refused")

// Accept waits for a dial, or for Close.
func (l *pipeListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.closed:
		return nil, net.ErrClosed
	}
}

// Close makes Accept return net.ErrClosed and every later dial errRefused.
func (l *pipeListener) Close() error {
	l.closeOnce.Do(func() { close(l.closed) })
	return nil
}

func (l *pipeListener) Addr() net.Addr { return pipeAddr{} }

// DialContext connects to l: it waits for Accept, and fails once l is closed.
func (l *pipeListener) DialContext(ctx context.Context, _, _ string) (net.Conn, error) {
	select {
	case <-l.closed:
		return nil, errRefused
	default:
	}
	client, server := net.Pipe()
	l.mu.Lock()
	l.made = append(l.made, client, server)
	l.mu.Unlock()
	select {
	case l.conns <- server:
		return client, nil
	case <-l.closed:
		return nil, errRefused
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

type pipeAddr struct{}

func (pipeAddr) Network() string { return "pipe" }
func (pipeAddr) String() string  { return "pipe" }
