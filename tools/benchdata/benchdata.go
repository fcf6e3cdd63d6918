// Package benchdata reads benchmark results in the Go benchmark format and
// summarises them.
//
// The format is what go test -bench prints, and what any other program may
// print to sit beside it (the course's Python benchmarks do). Two kinds of
// lines carry data; every other line (PASS, ok, logs, blank lines) is skipped.
//
// A configuration line "key: value" describes the runs, such as
// "goos: linux" or "cpu: Intel(R) Xeon(R) Processor". The key starts the
// line with a lower-case letter and holds no upper-case letter and no space;
// one or more spaces or tabs follow its colon.
//
// A benchmark line reports one run of one benchmark:
//
//	BenchmarkName[-N]   iterations   value unit   [value unit]...
//
// such as
//
//	BenchmarkLoopSwitch/tasks=100-2   12819873   94.58 ns/op   0 B/op   0 allocs/op
//
// The name starts the line: "Benchmark", then an upper-case letter or
// nothing, then the rest of the name, which holds the sub-benchmarks
// ("/tasks=100"). go test adds the -N suffix, the GOMAXPROCS of the run,
// unless N is 1; so a name that itself ends in a dash and digits
// ("/delta=-5") reads as if it had a suffix. The fields are separated by
// white space: the name, the iteration count (a whole number), then one or
// more pairs of a value (a number) and its unit. A line that starts like a
// benchmark line but whose second field is not a whole number is a log line
// and is skipped.
//
// The format is specified in the Go proposal "Go benchmark data format"
// (design/14313-benchmark-format.md in golang.org/x/proposal).
//
// [Parse] gathers the runs of each benchmark into a [Result]; [Median] and
// [Results.Median] summarise them; [Render] writes the markdown summary that
// the benchtable command (tools/benchtable) writes, and [Table] helps write
// other markdown tables.
package benchdata

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Results holds everything read from one input.
type Results struct {
	// Config holds the configuration lines in input order, repeated keys
	// included.
	Config []Config
	// Benchmarks holds one Result for each benchmark name and GOMAXPROCS,
	// in the order in which they first appear.
	Benchmarks []*Result
}

// A Config is one configuration line "Key: Value".
type Config struct {
	Key, Value string
	Line       int // line number in the input, from 1
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
	// Units lists the units reported, in the order they first appear.
	Units []string
	// Values holds, for each unit, the value of every run that reported
	// it, in input order.
	Values map[string][]float64
}

// FullName returns the name as go test writes it: "Benchmark", the Name,
// and the -N suffix unless Procs is 1.
func (r *Result) FullName() string {
	if r.Procs == 1 {
		return "Benchmark" + r.Name
	}
	return "Benchmark" + r.Name + "-" + strconv.Itoa(r.Procs)
}

// Median returns the median of the values of unit. It returns an error when
// no run reported unit.
func (r *Result) Median(unit string) (float64, error) {
	vs := r.Values[unit]
	if len(vs) == 0 {
		return 0, fmt.Errorf("benchmark %s has no %s values", r.FullName(), unit)
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

// Parse reads benchmark results from r. It returns an error when r cannot be
// read or a benchmark line holds a value that is not a number; input
// without benchmark lines gives Results without Benchmarks.
func Parse(r io.Reader) (*Results, error) {
	type key struct {
		name  string
		procs int
	}
	res := &Results{}
	index := map[key]*Result{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if k, v, ok := configLine(line); ok {
			res.Config = append(res.Config, Config{Key: k, Value: v, Line: n})
			continue
		}
		f, ok := benchmarkFields(line)
		if !ok {
			continue
		}
		values := make([]float64, 0, len(f)/2-1)
		for i := 2; i < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return nil, fmt.Errorf("line %d: %s: %s: %w", n, f[0], f[i+1], err)
			}
			values = append(values, v)
		}
		name, procs := splitProcs(strings.TrimPrefix(f[0], "Benchmark"))
		b := index[key{name, procs}]
		if b == nil {
			b = &Result{Name: name, Procs: procs, Values: map[string][]float64{}}
			index[key{name, procs}] = b
			res.Benchmarks = append(res.Benchmarks, b)
		}
		b.Runs++
		for i, v := range values {
			unit := f[3+2*i]
			if _, seen := b.Values[unit]; !seen {
				b.Units = append(b.Units, unit)
			}
			b.Values[unit] = append(b.Values[unit], v)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read benchmark results: %w", err)
	}
	return res, nil
}

// ParseFile reads the benchmark results in the named file. Its errors start
// with the file's name.
func ParseFile(name string) (*Results, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	res, err := Parse(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return res, nil
}

// RenderFile reads the benchmark results in the named file and returns what
// render, such as [Render], makes of them. Its errors start with the file's
// name.
func RenderFile(name string, render func(*Results) (string, error)) (string, error) {
	res, err := ParseFile(name)
	if err != nil {
		return "", err
	}
	out, err := render(res)
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// configLine returns the key and value of a configuration line, its value
// trimmed of spaces.
func configLine(line string) (key, value string, ok bool) {
	key, value, ok = strings.Cut(line, ":")
	if !ok || value == "" || (value[0] != ' ' && value[0] != '\t') {
		return "", "", false
	}
	if first, _ := utf8.DecodeRuneInString(key); !unicode.IsLower(first) {
		return "", "", false
	}
	if strings.ContainsFunc(key, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsUpper(r) }) {
		return "", "", false
	}
	return key, strings.TrimSpace(value), true
}

// benchmarkFields returns the fields of a benchmark line: the name, the
// iteration count, then pairs of value and unit.
func benchmarkFields(line string) ([]string, bool) {
	rest, ok := strings.CutPrefix(line, "Benchmark")
	if !ok {
		return nil, false
	}
	if r, _ := utf8.DecodeRuneInString(rest); rest != "" && !unicode.IsUpper(r) && !unicode.IsSpace(r) {
		return nil, false // "Benchmarking ...", not a benchmark
	}
	f := strings.Fields(line)
	if len(f) < 4 || len(f)%2 != 0 {
		return nil, false
	}
	if _, err := strconv.ParseUint(f[1], 10, 64); err != nil {
		return nil, false // a log line that happens to start with "Benchmark"
	}
	return f, true
}

// splitProcs splits the -N suffix off a benchmark name. A name without one
// ran at GOMAXPROCS 1.
func splitProcs(name string) (string, int) {
	i := strings.LastIndexByte(name, '-')
	if i < 0 || i == len(name)-1 || strings.ContainsFunc(name[i+1:], func(r rune) bool { return r < '0' || r > '9' }) {
		return name, 1
	}
	n, err := strconv.Atoi(name[i+1:])
	if err != nil || n == 0 {
		return name, 1
	}
	return name[:i], n
}

// Get returns the value of the last configuration line with key, or "" when
// there is none.
func (r *Results) Get(key string) string {
	for _, c := range slices.Backward(r.Config) {
		if c.Key == key {
			return c.Value
		}
	}
	return ""
}

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
		base, procs := splitProcs(name)
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
