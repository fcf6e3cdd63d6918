//go:build unix

package main

import (
	"errors"
	"os/exec"
	"syscall"
)

// inOwnProcessGroup makes cmd start a process group of its own, which
// everything it starts joins (go test's compiler and test binary, and the
// processes the reader's code starts), so that killProcessGroup stops them
// all.
func inOwnProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}

// killProcessGroup kills every process of the group whose leader is pid.
// A group with no process left is not an error.
func killProcessGroup(pid int) error {
	err := syscall.Kill(-pid, syscall.SIGKILL)
	if errors.Is(err, syscall.ESRCH) {
		return nil
	}
	return err
}
