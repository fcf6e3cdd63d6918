package coroutines

import (
	"fmt"
	"iter"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"go.uber.org/goleak"
)

// logged yields vals and records in log when it starts and when it returns,
// so a test can see whether Zip ran it and whether Zip stopped it.
func logged[V any](name string, vals []V, log *[]string) iter.Seq[V] {
	return func(yield func(V) bool) {
		*log = append(*log, name+" starts")
		defer func() { *log = append(*log, name+" returns") }()
		for _, v := range vals {
			if !yield(v) {
				return
			}
		}
	}
}

func TestZip(t *testing.T) {
	tests := []struct {
		name  string
		as    []int
		bs    []string
		limit int // the consumer breaks after this many pairs; 0 means never
		want  []string
	}{
		{"same length", []int{1, 2, 3}, []string{"x", "y", "z"}, 0, []string{"1x", "2y", "3z"}},
		{"first is shorter", []int{1}, []string{"x", "y", "z"}, 0, []string{"1x"}},
		{"second is shorter", []int{1, 2, 3}, []string{"x", "y"}, 0, []string{"1x", "2y"}},
		{"consumer breaks", []int{1, 2, 3}, []string{"x", "y", "z"}, 1, []string{"1x"}},
		{"both empty", nil, nil, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := goleak.IgnoreCurrent()
			var log, got []string
			for a, b := range Zip(logged("as", tt.as, &log), logged("bs", tt.bs, &log)) {
				got = append(got, fmt.Sprint(a, b))
				if len(got) == tt.limit {
					break
				}
			}
			assert.Equal(t, tt.want, got, "one pair per step, until the shorter sequence ends")
			for _, src := range []string{"as", "bs"} {
				if slices.Contains(log, src+" starts") {
					assert.Contains(t, log, src+" returns", "%s started but never returned (log: %s): "+
						"call its stop function on every way out (defer stop())", src, strings.Join(log, ", "))
				}
			}
			assert.NoError(t, goleak.Find(before),
				"Zip left a goroutine behind: defer the stop function of each iter.Pull")
		})
	}
}

// Zip does nothing until someone ranges over it.
func TestZipIsLazy(t *testing.T) {
	var log []string
	pairs := Zip(logged("as", []int{1}, &log), logged("bs", []int{2}, &log))
	assert.Empty(t, log, "Zip ran its sources before anyone ranged over it: "+
		"call iter.Pull inside the function Zip returns, not in Zip itself")
	n := 0
	for range pairs {
		n++
	}
	assert.Equal(t, 1, n, "one pair from two sequences of one value")
}

// Zip walks both sequences in step: for two pairs it takes no more than
// three values from a sequence that could go on for a thousand.
func TestZipWalksInStep(t *testing.T) {
	made := 0
	long := func(yield func(int) bool) {
		for i := range 1000 {
			made++
			if !yield(i) {
				return
			}
		}
	}
	var got []string
	for a, b := range Zip(long, slices.Values([]string{"x", "y"})) {
		got = append(got, fmt.Sprint(a, b))
	}
	assert.Equal(t, []string{"0x", "1y"}, got)
	assert.LessOrEqual(t, made, 3, "Zip took %d values from the long sequence for two pairs: "+
		"pull one value from each sequence per pair (iter.Pull's next), do not collect a sequence first", made)
}
