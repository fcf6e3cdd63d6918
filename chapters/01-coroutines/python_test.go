package coroutines

import (
	"testing"

	"github.com/asyncgo/course/tools/pycheck"
)

func TestPython(t *testing.T) { pycheck.Check(t, "python") }
