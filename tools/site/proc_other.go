//go:build !unix

package main

import (
	"os"
	"os/exec"
)

// inOwnProcessGroup does nothing where there are no Unix process groups.
func inOwnProcessGroup(*exec.Cmd) {}

// killProcessGroup kills the process pid. Where there are no Unix process
// groups, the processes it started may outlive it.
func killProcessGroup(pid int) error {
	p, err := os.FindProcess(pid)
	if err != nil {
		return err
	}
	err = p.Kill()
	if err == os.ErrProcessDone {
		return nil
	}
	return err
}
