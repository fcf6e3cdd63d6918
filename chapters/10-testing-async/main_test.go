package testingasync_test

import (
	"testing"

	"github.com/asyncgo/course/chapters/internal/pycheck"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// This package's tests do not use testify: its assert package imports
// net/http, which links cgo into the test binary, and the runtime's deadlock
// detector, which TestHowFailuresLook shows at work, is off in cgo programs
// (the demo would hang instead of crashing).

func TestPython(t *testing.T) { pycheck.Check(t, "python") }
