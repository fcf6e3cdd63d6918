package cancellation

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"golang.org/x/sync/errgroup"
)

// errgroup (golang.org/x/sync v0.25.0) does not recover panics: a panic in
// one task kills the whole program, and Wait never returns. The test runs the
// group in a child process, because the panic would kill this one too.
func TestPanicIsNotRecovered(t *testing.T) {
	if os.Getenv("CANCELLATION_PANIC_CHILD") == "1" {
		g, ctx := errgroup.WithContext(context.Background())
		g.Go(func() error { <-ctx.Done(); return ctx.Err() })
		g.Go(func() error { panic("task b exploded") })
		err := g.Wait()
		fmt.Println("Wait returned:", err) // never printed
		return
	}

	cmd := exec.Command(os.Args[0], "-test.run=^TestPanicIsNotRecovered$")
	cmd.Env = append(os.Environ(), "CANCELLATION_PANIC_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("the child survived a panic in a group:\n%s", out)
	}
	if !strings.Contains(string(out), "panic: task b exploded") || strings.Contains(string(out), "Wait returned") {
		t.Errorf("want the child to die of the panic before Wait returns; it printed:\n%s", out)
	}
}
