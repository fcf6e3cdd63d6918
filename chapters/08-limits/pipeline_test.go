package limits

import (
	"fmt"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

// TestBackPressure sends 5 items to a consumer that takes 1 s per item,
// through channels of several sizes, on fake time. The consumer always
// needs 5 s; the buffer decides how long the producer is held back:
// exactly (5-1-buffer) seconds, and not at all once the buffer can take
// everything the consumer has not picked up yet.
// It writes the table testdata/backpressure.md (-update rewrites it).
func TestBackPressure(t *testing.T) {
	const n, per = 5, time.Second
	var b strings.Builder
	b.WriteString("| channel | producer done | consumer done |\n|---|---|---|\n")
	for _, buffer := range []int{0, 1, 2, 4, 8} {
		synctest.Test(t, func(t *testing.T) {
			got := ProduceConsume(n, buffer, per)
			want := Timing{Produced: time.Duration(max(n-1-buffer, 0)) * per, Consumed: n * per}
			if got != want {
				t.Errorf("buffer %d: %+v, want %+v", buffer, got, want)
			}
			kind := fmt.Sprintf("`make(chan int, %d)`", buffer)
			if buffer == 0 {
				kind = "`make(chan int)` (unbuffered)"
			}
			fmt.Fprintf(&b, "| %s | %v | %v |\n", kind, got.Produced, got.Consumed)
		})
	}
	checkGolden(t, "testdata/backpressure.md", b.String())
}
