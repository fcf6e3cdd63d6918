// Package benchdata reads the benchmark results that chapters record in
// testdata/bench.txt, so that their tests can turn them into tables and check
// the prose that quotes them.
//
// The results are in the Go benchmark format: what go test -bench prints,
// and what any other program may print to sit beside it (the course's Python
// benchmarks do). golang.org/x/perf/benchfmt reads it; this package gathers
// the runs of each benchmark and takes their medians. Two kinds of lines carry
// data: a configuration line "key: value" ("cpu: Intel(R) Xeon(R)
// Processor"), which applies to the benchmark lines after it, and a benchmark
// line, which reports one run:
//
//	BenchmarkLoopSwitch/tasks=100-2   12819873   94.58 ns/op   0 B/op   0 allocs/op
//
// go test adds the -N suffix, the GOMAXPROCS of the run, unless N is 1. Every
// other line (PASS, ok, logs, blank lines) is skipped. The format is specified
// in the Go proposal "Go benchmark data format"
// (design/14313-benchmark-format.md in golang.org/x/proposal).
package benchdata

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/perf/benchfmt"
)

// Results holds everything read from one input.
type Results struct {
	// Benchmarks holds one Result for each benchmark name and GOMAXPROCS,
	// in the order in which they first appear.
	Benchmarks []*Result
	config     map[string]string
}

// A Result gathers the runs of one benchmark at one GOMAXPROCS.
type Result struct {
	// Name is the benchmark's name without the "Benchmark" prefix and
	// without the -N suffix: "LoopSwitch/tasks=100".
	Name string
	// Procs is N, from the -N suffix: the GOMAXPROCS of the runs. It is 1
	// when the name has no suffix, as go test leaves it out when N is 1.
	Procs int
	// Runs is the number of benchmark lines read.
	Runs int
	// Units lists the units reported, in the order they first appear, as
	// written in the input ("ns/op", not benchfmt's tidied "sec/op").
	Units []string
	// Values holds, for each unit, the value of every run that reported
	// it, in input order.
	Values map[string][]float64
}

// Parse reads benchmark results from r; name (a file name) starts the
// position of any error. It returns an error when r cannot be read or a line
// that starts with "Benchmark" is not a well-formed benchmark line; input
// without benchmark lines gives Results without Benchmarks.
func Parse(r io.Reader, name string) (*Results, error) {
	res := &Results{config: map[string]string{}}
	index := map[string]*Result{} // by full name, -N suffix included
	br := benchfmt.NewReader(r, name)
	var errs []error
	for br.Scan() {
		switch rec := br.Result().(type) {
		case *benchfmt.SyntaxError:
			errs = append(errs, rec)
		case *benchfmt.Result:
			for _, c := range rec.Config {
				if c.File && res.config[c.Key] != string(c.Value) {
					res.config[c.Key] = string(c.Value)
				}
			}
			b := index[string(rec.Name)]
			if b == nil {
				n, procs := splitProcs(rec.Name)
				b = &Result{Name: n, Procs: procs, Values: map[string][]float64{}}
				index[rec.Name.String()] = b
				res.Benchmarks = append(res.Benchmarks, b)
			}
			b.Runs++
			for _, v := range rec.Values {
				unit, value := v.Unit, v.Value
				if v.OrigUnit != "" { // benchfmt tidied it: ns/op became sec/op
					unit, value = v.OrigUnit, v.OrigValue
				}
				vs, seen := b.Values[unit]
				if !seen {
					b.Units = append(b.Units, unit)
				}
				b.Values[unit] = append(vs, value)
			}
		}
	}
	if err := br.Err(); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return res, nil
}

// ParseFile reads the benchmark results in the named file.
func ParseFile(name string) (*Results, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Parse(f, name)
}

// Load reads the benchmark results in the named file for a test, and fails
// the test when the file cannot be read or parsed.
func Load(t testing.TB, name string) *Results {
	t.Helper()
	res, err := ParseFile(name)
	if err != nil {
		t.Fatalf("read the benchmark results: %v (make bench records them)", err)
	}
	return res
}

// splitProcs splits the -N suffix off a benchmark name. A name without one
// ran at GOMAXPROCS 1.
func splitProcs(name benchfmt.Name) (string, int) {
	_, parts := name.Parts()
	if n := len(parts); n > 0 && strings.HasPrefix(string(parts[n-1]), "-") {
		procs, err := strconv.Atoi(string(parts[n-1][1:]))
		if err == nil && procs > 0 {
			full := name.String()
			return full[:len(full)-len(parts[n-1])], procs
		}
	}
	return name.String(), 1
}

// Get returns the value of the configuration key as the last benchmark line
// saw it, or "" when no benchmark line had it.
func (r *Results) Get(key string) string { return r.config[key] }

// Units returns the units reported by any benchmark, in the order they first
// appear.
func (r *Results) Units() []string {
	var units []string
	for _, b := range r.Benchmarks {
		for _, u := range b.Units {
			if !slices.Contains(units, u) {
				units = append(units, u)
			}
		}
	}
	return units
}

// Find returns the benchmark called name, written without the "Benchmark"
// prefix. A benchmark that ran at several GOMAXPROCS must be named with the
// -N suffix, -1 included, to choose one: "CPUBound/mode=loop-2".
func (r *Results) Find(name string) (*Result, error) {
	var found []*Result
	for _, b := range r.Benchmarks {
		if b.Name == name {
			found = append(found, b)
		}
	}
	if len(found) == 0 {
		base, procs := splitProcs(benchfmt.Name(name))
		for _, b := range r.Benchmarks {
			if b.Name == base && b.Procs == procs && base != name {
				found = append(found, b)
			}
		}
	}
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("no results for benchmark %s", name)
	case 1:
		return found[0], nil
	}
	procs := make([]string, len(found))
	for i, b := range found {
		procs[i] = strconv.Itoa(b.Procs)
	}
	return nil, fmt.Errorf("benchmark %s ran at GOMAXPROCS %s: add -N to the name to choose one", name, strings.Join(procs, ", "))
}

// Median returns the median of the values of unit of the benchmark that
// [Results.Find] finds by name.
func (r *Results) Median(name, unit string) (float64, error) {
	b, err := r.Find(name)
	if err != nil {
		return 0, err
	}
	return b.Median(unit)
}

// Label returns the shortest name of b that [Results.Find] accepts: its
// Name, with the -N suffix when the benchmark ran at several GOMAXPROCS.
func (r *Results) Label(b *Result) string {
	for _, o := range r.Benchmarks {
		if o != b && o.Name == b.Name {
			return b.Name + "-" + strconv.Itoa(b.Procs)
		}
	}
	return b.Name
}

// FullName returns the name as go test writes it: "Benchmark", the Name,
// and the -N suffix unless Procs is 1.
func (b *Result) FullName() string {
	if b.Procs == 1 {
		return "Benchmark" + b.Name
	}
	return "Benchmark" + b.Name + "-" + strconv.Itoa(b.Procs)
}

// Median returns the median of the values of unit. It returns an error when
// no run reported unit.
func (b *Result) Median(unit string) (float64, error) {
	vs := b.Values[unit]
	if len(vs) == 0 {
		return 0, fmt.Errorf("benchmark %s has no %s values", b.FullName(), unit)
	}
	return Median(vs), nil
}

// Median returns the median of xs: its middle value once sorted, or the mean
// of its two middle values when their number is even. It returns NaN when xs
// is empty.
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Sorted(slices.Values(xs))
	n := len(s)
	if n%2 == 0 {
		return (s[n/2-1] + s[n/2]) / 2
	}
	return s[n/2]
}
