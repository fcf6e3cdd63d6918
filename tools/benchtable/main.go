// Benchtable turns benchmark results into a markdown table of medians.
//
// Usage:
//
//	benchtable [-o table.md] [results.txt]
//
// It reads text in the Go benchmark format (the output of go test -bench,
// and of any program that prints the same lines) from the file, or from
// standard input, and writes a markdown fragment: a sentence on the machine,
// one row per benchmark with the median of its runs, then the ratios that
// "ratio" configuration lines ask for:
//
//	ratio: LoopSwitch/tasks=100 / PullSwitch <= 1.25
//	ratio: AsyncioSwitch/tasks=100 / LoopSwitch/tasks=100 >= 8
//
// Package benchdata (tools/benchdata) describes the format and writes the
// fragment ([benchdata.Render]). The output depends only on the input, so a
// test can check that a committed table matches its results, as chapter 03's
// TestBenchTable does.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/asyncgo/course/tools/benchdata"
)

func main() {
	out := flag.String("o", "", "write the table to this file instead of standard output")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: benchtable [-o table.md] [results.txt]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if err := run(*out, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
}

func run(out string, args []string) error {
	var (
		table string
		err   error
	)
	switch len(args) {
	case 0:
		var res *benchdata.Results
		if res, err = benchdata.Parse(os.Stdin); err == nil {
			table, err = benchdata.Render(res)
		}
		if err != nil {
			err = fmt.Errorf("standard input: %w", err)
		}
	case 1:
		table, err = benchdata.RenderFile(args[0], benchdata.Render)
	default:
		err = fmt.Errorf("want at most one input file, got %d", len(args))
	}
	if err != nil {
		return err
	}
	if out == "" {
		_, err = io.WriteString(os.Stdout, table)
		return err
	}
	return os.WriteFile(out, []byte(table), 0o644)
}
