package repocopy

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// tree writes files (path: content) under a new temporary directory.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestCopyWithoutGit(t *testing.T) {
	root := tree(t, map[string]string{"go.mod": "module x\n", "a/b.go": "package a\n", ".git/config": "x"})
	if err := os.Chmod(filepath.Join(root, "a", "b.go"), 0o755); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "copy")
	if err := Copy(dst, root); err != nil {
		t.Fatal(err)
	}
	files, err := Files(dst)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a/b.go", "go.mod"}; !slices.Equal(files, want) {
		t.Errorf("copied %q, want %q", files, want)
	}
	if fi, err := os.Stat(filepath.Join(dst, "a", "b.go")); err != nil || fi.Mode().Perm() != 0o755 {
		t.Errorf("the copy does not keep the file mode: %v %v", fi.Mode(), err)
	}
}

func TestCopyGitCheckout(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git:", err)
	}
	root := tree(t, map[string]string{"go.mod": "module x\n", ".gitignore": "/ignored\n", "ignored": "x",
		"tracked.go": "package x\n", "gone.go": "package x\n", "untracked.md": "new\n"})
	for _, args := range [][]string{{"init", "-q"}, {"add", "go.mod", ".gitignore", "tracked.go", "gone.go"}} {
		cmd := exec.Command("git", args...)
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	if err := os.Remove(filepath.Join(root, "gone.go")); err != nil {
		t.Fatal(err)
	}
	files, err := Files(root)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{".gitignore", "go.mod", "tracked.go", "untracked.md"}; !slices.Equal(files, want) {
		t.Errorf("Files = %q, want %q", files, want)
	}
}

func TestCheckOut(t *testing.T) {
	root := tree(t, map[string]string{"go.mod": "module x\n"})
	full := tree(t, map[string]string{"x": "x"})
	tests := []struct{ dst, err string }{
		{filepath.Join(root, "handout"), "is inside the repository"},
		{root, "is inside the repository"},
		{full, "exists and is not empty"},
		{filepath.Join(t.TempDir(), "new"), ""},
		{t.TempDir(), ""},
		{filepath.Dir(root) + string(filepath.Separator) + ".." + filepath.Base(root) + "x", ""},
	}
	for _, tt := range tests {
		err := CheckOut(tt.dst, root)
		if tt.err == "" && err != nil || tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
			t.Errorf("CheckOut(%s) = %v, want %q", tt.dst, err, tt.err)
		}
	}
}
