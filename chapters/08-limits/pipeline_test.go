package limits

import (
	"fmt"
	"testing"
	"testing/synctest"
	"time"

	"github.com/asyncgo/course/chapters/internal/golden"
	"github.com/asyncgo/course/chapters/internal/markdown"
	"github.com/stretchr/testify/assert"
)

// TestBackPressure sends 5 items to a consumer that takes 1 s per item,
// through channels of several sizes, on fake time. The consumer always
// needs 5 s; the buffer decides how long the producer is held back:
// exactly (5-1-buffer) seconds, and not at all once the buffer can take
// everything the consumer has not picked up yet.
// It writes the table testdata/backpressure.md (-update rewrites it).
func TestBackPressure(t *testing.T) {
	const n, per = 5, time.Second
	table := markdown.Table{Columns: []markdown.Column{{Heading: "channel"}, {Heading: "producer done"}, {Heading: "consumer done"}}}
	for _, buffer := range []int{0, 1, 2, 4, 8} {
		synctest.Test(t, func(t *testing.T) {
			got := ProduceConsume(n, buffer, per)
			want := Timing{Produced: time.Duration(max(n-1-buffer, 0)) * per, Consumed: n * per}
			assert.Equal(t, want, got, "buffer %d", buffer)
			kind := fmt.Sprintf("`make(chan int, %d)`", buffer)
			if buffer == 0 {
				kind = "`make(chan int)` (unbuffered)"
			}
			table.Add(kind, got.Produced.String(), got.Consumed.String())
		})
	}
	golden.Check(t, "testdata/backpressure.md", []byte(table.String()))
}
