package benefits

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Results are benchmark results read from text in the Go benchmark format
// (the output of go test -bench, and lines printed the same way by other
// programs). Every name is stored without its -GOMAXPROCS suffix.
type Results struct {
	// Config holds the "key: value" lines, such as goos and cpu; the last
	// value of a key wins.
	Config map[string]string
	// Values holds, for each benchmark name and unit, one value per run.
	Values map[string]map[string][]float64
}

var procsSuffix = regexp.MustCompile(`-[0-9]+$`)

// ParseResults reads benchmark results from r. Lines that are neither a
// configuration line nor a benchmark line (PASS, ok, logs) are ignored.
func ParseResults(r io.Reader) (*Results, error) {
	res := &Results{Config: map[string]string{}, Values: map[string]map[string][]float64{}}
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if key, value, ok := strings.Cut(text, ": "); ok && !strings.ContainsAny(key, " \t") && !strings.HasPrefix(key, "Benchmark") {
			res.Config[key] = strings.TrimSpace(value)
			continue
		}
		f := strings.Fields(text)
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") || len(f)%2 != 0 {
			continue
		}
		if _, err := strconv.Atoi(f[1]); err != nil {
			continue // a log line that happens to start with "Benchmark"
		}
		name := procsSuffix.ReplaceAllString(f[0], "")
		for i := 2; i < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return nil, fmt.Errorf("line %d: value %q of %s: %w", line, f[i], name, err)
			}
			if res.Values[name] == nil {
				res.Values[name] = map[string][]float64{}
			}
			res.Values[name][f[i+1]] = append(res.Values[name][f[i+1]], v)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading results: %w", err)
	}
	return res, nil
}

// Median returns the median over the runs of benchmark name in unit.
// It returns an error when there is no such result.
func (r *Results) Median(name, unit string) (float64, error) {
	vs := slices.Clone(r.Values[name][unit])
	if len(vs) == 0 {
		return 0, fmt.Errorf("no result for %s in %s", name, unit)
	}
	slices.Sort(vs)
	if n := len(vs); n%2 == 0 {
		return (vs[n/2-1] + vs[n/2]) / 2, nil
	}
	return vs[len(vs)/2], nil
}

// Runs returns how many values benchmark name has in unit.
func (r *Results) Runs(name, unit string) int { return len(r.Values[name][unit]) }
