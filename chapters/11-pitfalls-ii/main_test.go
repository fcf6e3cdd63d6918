package pitfallsii

import (
	"flag"
	"testing"

	"github.com/asyncgo/course/chapters/internal/pycheck"
	"go.uber.org/goleak"
)

var update = flag.Bool("update", false, "rewrite the golden tables in testdata/ (race.md, crash.md, deadlock.md, golines.md)")

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestPython(t *testing.T) { pycheck.Check(t, "python") }
