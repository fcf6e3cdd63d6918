// Package demo runs, from a chapter's tests, the small programs the chapter
// keeps under testdata/ (a module of their own, with no dependencies): it
// finds the go command, builds the programs offline with this toolchain,
// and runs child processes with a guard against one that hangs.
//
// Building takes a second or two, so the tests that do it are skipped with
// -short.
package demo

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// GoCommand returns the go command that runs the tests (go test puts the
// go command of its own GOROOT first in PATH). It skips the test with
// -short, and when there is no go command.
func GoCommand(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs programs with the go command; skipped in -short mode")
	}
	path, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command in PATH: %v", err)
	}
	return path
}

// Env returns the environment of child go commands and programs: this
// process's, without the settings that would change what a demo does, plus
// settings that keep builds local and offline. The demos have no
// dependencies, so they never need the network.
func Env() []string {
	drop := map[string]bool{
		"GOFLAGS": true, "GODEBUG": true, "GOTOOLCHAIN": true, "GOWORK": true,
		"GOPROXY": true, "GORACE": true, "GOTRACEBACK": true, "GOEXPERIMENT": true,
	}
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if !drop[k] {
			env = append(env, kv)
		}
	}
	return append(env, "GOFLAGS=", "GOTOOLCHAIN=local", "GOWORK=off", "GOPROXY=off")
}

// A Result is what a child process did.
type Result struct {
	Stdout, Stderr string
	Code           int // exit code
}

// Run runs name with args in dir, with extra settings added to [Env]. A
// child that fails to start, or that is still running after a minute (a
// guard against a hung child, not a speed check), fails the test.
func Run(t testing.TB, dir string, extra []string, name string, args ...string) Result {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(Env(), extra...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	res := Result{Stdout: stdout.String(), Stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		t.Fatalf("%s %s: still running after a minute\n%s%s", name, strings.Join(args, " "), res.Stdout, res.Stderr)
	case errors.As(err, &exit):
		res.Code = exit.ExitCode()
	case err != nil:
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return res
}

// MustRun is [Run] for commands that must succeed, such as builds.
func MustRun(t testing.TB, dir, name string, args ...string) Result {
	t.Helper()
	res := Run(t, dir, nil, name, args...)
	if res.Code != 0 {
		t.Fatalf("%s %s: exit code %d\n%s%s", name, strings.Join(args, " "), res.Code, res.Stdout, res.Stderr)
	}
	return res
}

// Build builds the packages of the module in dir (such as "./..." or
// "./sched") with the build flags given before them, into a new temporary
// directory, and returns that directory. It skips the test as
// [GoCommand] does.
func Build(t testing.TB, dir string, args ...string) string {
	t.Helper()
	goCmd := GoCommand(t)
	bin := t.TempDir()
	MustRun(t, dir, goCmd, append([]string{"build", "-o", bin + string(filepath.Separator)}, args...)...)
	return bin
}

// CopyDir copies the files under src into dst, for a test that builds or
// changes a demo without touching testdata.
func CopyDir(t testing.TB, dst, src string) {
	t.Helper()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatalf("copy %s: %v", src, err)
	}
}
