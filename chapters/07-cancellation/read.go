package cancellation

import (
	"context"
	"net"
	"time"
)

// Read reads from conn into p like conn.Read, but gives up when ctx is done:
// net.Conn takes no context, so context.AfterFunc sets a read deadline in the
// past the moment ctx is done, which makes the blocked Read return. The
// returned error is then ctx.Err(); the connection keeps that deadline.
func Read(ctx context.Context, conn net.Conn, p []byte) (int, error) {
	stop := context.AfterFunc(ctx, func() {
		conn.SetReadDeadline(time.Now()) // a deadline now: the blocked Read returns
	})
	defer stop()
	n, err := conn.Read(p)
	if err != nil && ctx.Err() != nil {
		return n, ctx.Err()
	}
	return n, err
}
