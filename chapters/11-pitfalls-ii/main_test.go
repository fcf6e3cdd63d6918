package pitfallsii

import (
	"testing"

	"github.com/asyncgo/course/chapters/internal/pycheck"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestPython(t *testing.T) { pycheck.Check(t, "python") }
