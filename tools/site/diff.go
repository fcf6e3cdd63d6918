package main

import (
	"fmt"
	"strings"
)

// lineDiff returns the lines of want that got lacks and the lines of got
// that want lacks, in order: the two sides of a line diff (by the longest
// common subsequence of lines). Outputs are short, so the quadratic table
// is fine.
func lineDiff(want, got []string) (missing, extra []string) {
	n, m := len(want), len(got)
	// lcs[i][j] is the length of the longest common subsequence of
	// want[i:] and got[j:].
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if want[i] == got[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case want[i] == got[j]:
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			missing = append(missing, want[i])
			i++
		default:
			extra = append(extra, got[j])
			j++
		}
	}
	return append(missing, want[i:]...), append(extra, got[j:]...)
}

// quoteLines returns lines as a short list of quoted strings: at most
// three, then how many more; or none.
func quoteLines(lines []string, none string) string {
	if len(lines) == 0 {
		return none
	}
	const most = 3
	var q []string
	for i, l := range lines {
		if i == most {
			q = append(q, fmt.Sprintf("and %d more lines", len(lines)-most))
			break
		}
		q = append(q, fmt.Sprintf("%q", l))
	}
	return strings.Join(q, ", ")
}
