package sharing_test

import (
	"testing"
	"time"

	"github.com/asyncgo/course/chapters/internal/pycheck"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestPython(t *testing.T) { pycheck.Check(t, "python") }

// elapsed reports the fake time since the bubble started: every bubble's
// clock starts at midnight UTC, 1 January 2000.
func elapsed() time.Duration {
	return time.Since(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC))
}
