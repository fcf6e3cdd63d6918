package servers

import (
	"os"
	"testing"

	"github.com/asyncgo/course/chapters/internal/pycheck"
	"go.uber.org/goleak"
)

// TestMain runs the package's tests, or, when SERVERS_CHILD is set, plays a
// child process for the os/exec examples: the test binary runs itself
// again, so the examples need no other program.
func TestMain(m *testing.M) {
	if mode := os.Getenv("SERVERS_CHILD"); mode != "" {
		os.Exit(child(mode))
	}
	goleak.VerifyTestMain(m)
}

func TestPython(t *testing.T) { pycheck.Check(t, "python") }
