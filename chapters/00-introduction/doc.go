// Package introduction is the course's opening program: one small concurrent
// program, in Python and in Go, to show how the chapters work.
package introduction
