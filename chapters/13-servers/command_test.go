package servers

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"time"
)

// child is the test binary playing a child process, in one of three modes:
// "sleep" sleeps for an hour; "polite" stops cleanly on os.Interrupt;
// "stubborn" ignores os.Interrupt. Each prints a line once it is ready for
// the signal. It returns the exit code.
func child(mode string) int {
	switch mode {
	case "sleep":
		fmt.Println("child: sleeping for an hour")
		time.Sleep(time.Hour)
	case "polite":
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		fmt.Println("child: working until interrupted")
		<-ctx.Done()
		fmt.Println("child: interrupted, cleaning up")
	case "stubborn":
		signal.Ignore(os.Interrupt)
		fmt.Println("child: ignoring interrupts")
		time.Sleep(time.Hour)
	default:
		fmt.Fprintln(os.Stderr, "child: unknown mode", mode)
		return 2
	}
	return 0
}

// childCommand runs this test binary as a child in the given mode, through
// newCmd (exec.CommandContext, or GracefulCommand with its grace bound). It
// starts it, prints its first line, cancels ctx, and prints the rest of
// its output and what Wait returned.
func childCommand(mode string, newCmd func(ctx context.Context, name string) *exec.Cmd) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cmd := newCmd(ctx, os.Args[0])
	cmd.Env = append(os.Environ(), "SERVERS_CHILD="+mode)
	out, err := cmd.StdoutPipe()
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := cmd.Start(); err != nil {
		fmt.Println(err)
		return
	}
	lines := bufio.NewScanner(out)
	lines.Scan()
	fmt.Println(lines.Text()) // the child is ready
	cancel()
	for lines.Scan() {
		fmt.Println(lines.Text())
	}
	fmt.Println("Wait:", cmd.Wait())
}

// exec.CommandContext kills the child when the context is done: os.Process.Kill,
// SIGKILL on Unix, which no process can catch. (The child is this test
// binary, run again; see TestMain.)
func Example_commandContext() {
	childCommand("sleep", func(ctx context.Context, name string) *exec.Cmd {
		return exec.CommandContext(ctx, name)
	})
	childCommand("polite", func(ctx context.Context, name string) *exec.Cmd {
		return exec.CommandContext(ctx, name)
	})
	// Output:
	// child: sleeping for an hour
	// Wait: signal: killed
	// child: working until interrupted
	// Wait: signal: killed
}

// GracefulCommand asks first: a child that handles os.Interrupt gets to
// clean up and exit, and Wait reports that the context ended it; a child
// that ignores the interrupt is killed grace later.
func ExampleGracefulCommand() {
	childCommand("polite", func(ctx context.Context, name string) *exec.Cmd {
		return GracefulCommand(ctx, 10*time.Second, name)
	})
	childCommand("stubborn", func(ctx context.Context, name string) *exec.Cmd {
		return GracefulCommand(ctx, 100*time.Millisecond, name)
	})
	// Output:
	// child: working until interrupted
	// child: interrupted, cleaning up
	// Wait: context canceled
	// child: ignoring interrupts
	// Wait: signal: killed
}
