// Command exit writes its report through a buffer that a deferred call
// flushes, then fails with os.Exit, which runs no deferred call: the report
// is lost.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
)

func main() {
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush() // never runs: os.Exit does not return
	fmt.Fprintln(out, "report: 3 records checked")
	if err := save(); err != nil {
		fmt.Fprintln(os.Stderr, "exit:", err)
		os.Exit(1)
	}
}

func save() error { return errors.New("save: disk full") }
