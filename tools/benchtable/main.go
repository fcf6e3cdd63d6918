// Benchtable turns benchmark results into a markdown table of medians.
//
// Usage:
//
//	benchtable [-o table.md] [results.txt]
//
// It reads text in the Go benchmark format (the output of go test -bench,
// and of any program that prints the same lines) from the file, or from
// standard input, and writes a markdown fragment: one row per benchmark with
// the median of its runs, then the ratios asked for.
//
// Besides benchmark lines, the input may hold configuration lines "key: value".
// goos, goarch, cpu (written by go test) and date, go, python, cores describe
// the machine in the table's first sentence. Each "ratio" line asks for a
// ratio of two medians, optionally with a target:
//
//	ratio: LoopSwitch/tasks=100 / PullSwitch <= 1.25
//	ratio: AsyncioSwitch/tasks=100 / LoopSwitch/tasks=100 >= 8
//
// Benchmark names are written without the "Benchmark" prefix and without the
// -N (GOMAXPROCS) suffix go test adds. The output depends only on the input,
// so a test can check that a committed table matches its results.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
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
	var in io.Reader = os.Stdin
	name := "standard input"
	switch len(args) {
	case 0:
	case 1:
		f, err := os.Open(args[0])
		if err != nil {
			return err
		}
		defer f.Close()
		in, name = f, args[0]
	default:
		return fmt.Errorf("want at most one input file, got %d", len(args))
	}
	table, err := Render(in)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if out == "" {
		_, err = io.WriteString(os.Stdout, table)
		return err
	}
	return os.WriteFile(out, []byte(table), 0o644)
}
