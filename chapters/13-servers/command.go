package servers

import (
	"context"
	"os"
	"os/exec"
	"time"
)

// GracefulCommand is exec.CommandContext with a gentler end. When ctx is
// done, it first asks the process to stop with os.Interrupt (SIGINT), and
// kills it only if it is still running grace later. Wait then returns the
// process's own error if it failed or was killed, and ctx.Err() if it
// stopped cleanly after the interrupt. grace also bounds how long Wait
// waits for the process's output pipes to close after it exits: a
// grandchild that inherited them cannot hold Wait forever.
//
// On Windows a process cannot be sent os.Interrupt: the interrupt fails, and
// the process is killed after grace.
func GracefulCommand(ctx context.Context, grace time.Duration, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = grace
	return cmd
}
