package bubble

import (
	"os"
	"os/exec"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestPasses(t *testing.T) {
	ran := false
	Test(t, "never shown", func(t *testing.T) { ran = true })
	assert.True(t, ran, "Test must run f")
}

// The deadlocks run in a child process: they fail their test, and they
// leave goroutines blocked for good.
const childEnv = "BUBBLE_TEST_CHILD"

func TestDeadlocks(t *testing.T) {
	if os.Getenv(childEnv) != "" {
		t.Skip("in the child")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestChild", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), childEnv+"=1")
	out, err := cmd.CombinedOutput()
	require.Error(t, err, "the child's tests must fail:\n%s", out)
	assert.Contains(t, string(out), "synctest: deadlock: main bubble goroutine has exited but blocked goroutines remain\n"+
		"        hint for a goroutine left behind\n")
	assert.Contains(t, string(out), "synctest: deadlock: all goroutines in bubble are blocked\n"+
		"        hint for a blocked test\n")
	assert.Contains(t, string(out), "--- PASS: TestChildRunsOn", "the other tests must still run")
	assert.NotContains(t, string(out), "goroutine 1 [", "no goroutine dump")
}

func TestChildLeftBehind(t *testing.T) {
	if os.Getenv(childEnv) == "" {
		t.Skip("only in the child of TestDeadlocks")
	}
	Test(t, "hint for a goroutine left behind", func(t *testing.T) {
		c := make(chan int)
		go func() { c <- 1 }()
	})
}

func TestChildBlocked(t *testing.T) {
	if os.Getenv(childEnv) == "" {
		t.Skip("only in the child of TestDeadlocks")
	}
	Test(t, "hint for a blocked test", func(t *testing.T) {
		<-make(chan int)
	})
}

func TestChildRunsOn(t *testing.T) {
	if os.Getenv(childEnv) == "" {
		t.Skip("only in the child of TestDeadlocks")
	}
}
