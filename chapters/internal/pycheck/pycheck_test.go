package pycheck

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestCheck(t *testing.T) {
	Check(t, filepath.Join("testdata", "python"))
}

// TestVirtualClockPython runs virtualclock.py's own tests (virtualclock_test.py).
func TestVirtualClockPython(t *testing.T) {
	py := interpreter(t)
	if py == nil {
		t.Skip("python3 not found; set REQUIRE_PYTHON=1 to make this a failure")
	}
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, py.path, "virtualclock_test.py")
	cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("python3 virtualclock_test.py: %v\n%s", err, out)
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, src string
		want      Listing
		err       string
	}{
		{
			name: "output",
			src:  "print('a')\nprint('b')\n\n# Output:\n# a\n#   b  \n",
			want: Listing{HasOutput: true, Want: []string{"a", "b"}},
		},
		{
			name: "unordered",
			src:  "print(1)\n# Unordered output:\n# 1\n",
			want: Listing{HasOutput: true, Unordered: true, Want: []string{"1"}},
		},
		{
			name: "headers",
			src:  "# needs: Python 3.13\n# not run: needs aiohttp\nimport aiohttp\n",
			want: Listing{NeedMajor: 3, NeedMinor: 13, NotRun: "needs aiohttp"},
		},
		{
			name: "real clock",
			src:  "# real clock: times a thread's real work\nprint(1)\n",
			want: Listing{RealClock: "times a thread's real work"},
		},
		{name: "code after output", src: "# Output:\n# a\nprint('a')\n", err: "x.py:3: code after the output block"},
		{name: "bad needs", src: "# needs: 3.13\n", err: `x.py:1: want "# needs: Python X.Y"`},
		{name: "not run without reason", src: "# not run:\n", err: `x.py:1: "# not run:" needs a reason`},
		{name: "real clock without reason", src: "x = 1\n# real clock:\n", err: `x.py:2: "# real clock:" needs a reason`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "x.py")
			if err := os.WriteFile(path, []byte(tt.src), 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := Parse(path)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("Parse error = %v, want it to contain %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.want.Path = path
			if got.Path != tt.want.Path || got.NotRun != tt.want.NotRun || got.RealClock != tt.want.RealClock ||
				got.NeedMajor != tt.want.NeedMajor ||
				got.NeedMinor != tt.want.NeedMinor || got.HasOutput != tt.want.HasOutput ||
				got.Unordered != tt.want.Unordered || !slices.Equal(got.Want, tt.want.Want) {
				t.Errorf("Parse = %+v, want %+v", *got, tt.want)
			}
		})
	}
}

func TestCompare(t *testing.T) {
	if d := compare([]string{"a", "b"}, []string{"b", "a"}, true); d != "" {
		t.Errorf("unordered compare reported a difference:\n%s", d)
	}
	if d := compare([]string{"a", "b"}, []string{"b", "a"}, false); d == "" {
		t.Error("ordered compare missed a difference")
	}
}
