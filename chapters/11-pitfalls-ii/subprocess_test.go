package pitfallsii

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// goTool returns the go command for the tests that build and run small
// programs. They take a second or two, so -short skips them. (go test puts
// the go command of its own GOROOT first in PATH.)
func goTool(t *testing.T) string {
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

// childEnv is the environment of the child go commands and programs: this
// process's, without the settings that would change what the demos do, plus
// settings that keep the builds local and offline. The demos have no
// dependencies, so they never need the network.
func childEnv() []string {
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

// result is what a child process did.
type result struct {
	stdout, stderr string
	code           int // exit code
}

// run runs name with args in dir, with extra settings added to childEnv. A child that fails to start, or that is
// still running after a minute (a guard against a hung child, not a speed
// check), fails the test.
func run(t *testing.T, dir string, extra []string, name string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(childEnv(), extra...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	res := result{stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		t.Fatalf("%s %s: still running after a minute\n%s%s", name, strings.Join(args, " "), res.stdout, res.stderr)
	case errors.As(err, &exit):
		res.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return res
}

// mustRun is run for commands that must succeed, such as builds.
func mustRun(t *testing.T, dir, name string, args ...string) result {
	t.Helper()
	res := run(t, dir, nil, name, args...)
	if res.code != 0 {
		t.Fatalf("%s %s: exit code %d\n%s%s", name, strings.Join(args, " "), res.code, res.stdout, res.stderr)
	}
	return res
}

// copyDir copies the files under src into dst.
func copyDir(t *testing.T, dst, src string) {
	t.Helper()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatalf("copy %s: %v", src, err)
	}
}
