package golden

import (
	"os"
	"path/filepath"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true }
func (r *recorder) Fatal(...any)          { r.failed = true }
func (r *recorder) Helper()               {}

func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "want.txt")
	if err := os.WriteFile(path, []byte("a\nb\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	Check(t, path, []byte("a\nb\n"))

	r := &recorder{TB: t}
	Check(r, path, []byte("a\nc\n"))
	if !r.failed {
		t.Error("Check passed with a different text")
	}
	r = &recorder{TB: t}
	Check(r, filepath.Join(t.TempDir(), "missing.txt"), []byte("a"))
	if !r.failed {
		t.Error("Check passed with a missing golden file")
	}
}

func TestUpdate(t *testing.T) {
	*update = true
	defer func() { *update = false }()
	path := filepath.Join(t.TempDir(), "sub", "want.txt")
	Check(t, path, []byte("new\n"))
	b, err := os.ReadFile(path)
	if err != nil || string(b) != "new\n" {
		t.Fatalf("after Check with -update, %s holds %q (%v)", path, b, err)
	}
}
