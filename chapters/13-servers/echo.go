package servers

import (
	"bufio"
	"fmt"
	"net"
	"time"
)

// EchoLines serves one connection: it reads lines and writes each one back,
// until the client closes its side, and then it returns nil. Before each
// line it moves the connection's deadline idle into the future, so a client
// that stays silent, or stops reading the echoes, for idle is dropped: the
// blocked Read or Write returns an error that wraps os.ErrDeadlineExceeded,
// and so does EchoLines. It closes conn before it returns.
func EchoLines(conn net.Conn, idle time.Duration) error {
	defer conn.Close()
	lines := bufio.NewScanner(conn)
	for {
		if err := conn.SetDeadline(time.Now().Add(idle)); err != nil {
			return fmt.Errorf("echo: %w", err)
		}
		if !lines.Scan() {
			break
		}
		if _, err := fmt.Fprintf(conn, "%s\n", lines.Text()); err != nil {
			return fmt.Errorf("echo: %w", err)
		}
	}
	if err := lines.Err(); err != nil {
		return fmt.Errorf("echo: %w", err)
	}
	return nil // the client closed its side
}
