package coroutines

import (
	"testing"

	"github.com/asyncgo/course/chapters/internal/pycheck"
)

func TestPython(t *testing.T) { pycheck.Check(t, "python") }
