package main

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// A result is every run of one benchmark.
type result struct {
	name   string
	ns     []float64 // ns/op of each run
	allocs []float64 // allocs/op of each run that reported it
}

// A ratio asks for median(num) / median(den), maybe with a target.
type ratio struct {
	num, den string
	op       string // "<=", ">=" or ""
	target   float64
}

var (
	// BenchmarkName-8   1000   123.4 ns/op   0 B/op   0 allocs/op
	benchLine = regexp.MustCompile(`^Benchmark(\S+?)(?:-\d+)?\s+\d+\s+(.*)$`)
	// key: value (lower-case key, as in the Go benchmark format)
	configLine = regexp.MustCompile(`^([a-z][a-z0-9_-]*):\s*(.*)$`)
	// A / B [<= 1.25]
	ratioSpec = regexp.MustCompile(`^(\S+)\s*/\s*(\S+)(?:\s*(<=|>=)\s*([0-9.]+))?$`)
)

// Render reads benchmark results and returns the markdown table.
func Render(r io.Reader) (string, error) {
	var (
		results []*result
		byName  = map[string]*result{}
		config  = map[string]string{}
		ratios  []ratio
	)
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if m := benchLine.FindStringSubmatch(line); m != nil {
			res := byName[m[1]]
			if res == nil {
				res = &result{name: m[1]}
				byName[m[1]] = res
				results = append(results, res)
			}
			if err := res.add(m[2]); err != nil {
				return "", fmt.Errorf("line %d: %w", n, err)
			}
			continue
		}
		m := configLine.FindStringSubmatch(line)
		if m == nil {
			continue // PASS, ok, blank lines, comments
		}
		if m[1] != "ratio" {
			config[m[1]] = m[2]
			continue
		}
		s := ratioSpec.FindStringSubmatch(m[2])
		if s == nil {
			return "", fmt.Errorf("line %d: want \"ratio: A / B [<= or >= target]\", got %q", n, line)
		}
		ra := ratio{num: s[1], den: s[2], op: s[3]}
		if s[4] != "" {
			ra.target, _ = strconv.ParseFloat(s[4], 64) // the pattern admits only numbers
		}
		ratios = append(ratios, ra)
	}
	if err := sc.Err(); err != nil {
		return "", err
	}
	if len(results) == 0 {
		return "", fmt.Errorf("no benchmark results")
	}

	var b strings.Builder
	b.WriteString(machine(config))
	b.WriteString("\n\n| benchmark | median ns/op | runs | allocs/op |\n|---|--:|--:|--:|\n")
	for _, res := range results {
		allocs := "–"
		if len(res.allocs) > 0 {
			allocs = strconv.FormatFloat(median(res.allocs), 'f', -1, 64)
		}
		fmt.Fprintf(&b, "| `%s` | %s | %d | %s |\n", res.name, formatNs(median(res.ns)), len(res.ns), allocs)
	}
	if len(ratios) > 0 {
		b.WriteString("\n| ratio of medians | value | target |\n|---|--:|---|\n")
		for _, ra := range ratios {
			num, den := byName[ra.num], byName[ra.den]
			if num == nil || den == nil {
				return "", fmt.Errorf("ratio %s / %s: no results for %s", ra.num, ra.den, missing(num, ra.num, ra.den))
			}
			v := median(num.ns) / median(den.ns)
			target := "–"
			switch ra.op {
			case "<=":
				target = fmt.Sprintf("at most %g: %s", ra.target, met(v <= ra.target))
			case ">=":
				target = fmt.Sprintf("at least %g: %s", ra.target, met(v >= ra.target))
			}
			fmt.Fprintf(&b, "| `%s` / `%s` | %.2f | %s |\n", ra.num, ra.den, v, target)
		}
	}
	return b.String(), nil
}

// add parses the measurements after the iteration count.
func (res *result) add(fields string) error {
	f := strings.Fields(fields)
	gotNs := false
	for i := 0; i+1 < len(f); i += 2 {
		v, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			return fmt.Errorf("%s: %w", res.name, err)
		}
		switch f[i+1] {
		case "ns/op":
			res.ns, gotNs = append(res.ns, v), true
		case "allocs/op":
			res.allocs = append(res.allocs, v)
		}
	}
	if !gotNs {
		return fmt.Errorf("%s: no ns/op", res.name)
	}
	return nil
}

// machine describes where the results come from, from the config lines.
func machine(c map[string]string) string {
	var parts []string
	for _, k := range []string{"cpu", "cores", "goos", "go", "python", "date"} {
		v := c[k]
		if v == "" {
			continue
		}
		switch k {
		case "cores":
			v += " cores"
		case "goos":
			if c["goarch"] != "" {
				v += "/" + c["goarch"]
			}
		case "python":
			v = "Python " + v
		case "date":
			v = "on " + v
		}
		parts = append(parts, v)
	}
	s := "Medians of every run in the results file"
	if len(parts) > 0 {
		s = "Measured with " + strings.Join(parts, ", ") + ". " + s
	}
	return s + "."
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

func formatNs(v float64) string {
	if v >= 100 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

func met(ok bool) string {
	if ok {
		return "met"
	}
	return "**not met**"
}

func missing(num *result, a, b string) string {
	if num == nil {
		return a
	}
	return b
}
