package coroutines

import (
	"fmt"
	"iter"
	"slices"
	"strings"
	"testing"

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
			if !slices.Equal(got, tt.want) {
				t.Errorf("pairs = %v, want %v", got, tt.want)
			}
			for _, src := range []string{"as", "bs"} {
				if slices.Contains(log, src+" starts") && !slices.Contains(log, src+" returns") {
					t.Errorf("%s started but never returned (log: %s): is it stopped on every way out?",
						src, strings.Join(log, ", "))
				}
			}
			goleak.VerifyNone(t, before)
		})
	}
}

func TestZipIsLazy(t *testing.T) {
	var log []string
	pairs := Zip(logged("as", []int{1}, &log), logged("bs", []int{2}, &log))
	if len(log) != 0 {
		t.Fatalf("Zip ran its sources before anyone ranged over it: %v", log)
	}
	n := 0
	for range pairs {
		n++
	}
	if n != 1 {
		t.Fatalf("got %d pairs, want 1", n)
	}
}
