package pitfalls

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	eventloop "github.com/asyncgo/course/chapters/03-event-loop"
	"github.com/asyncgo/course/chapters/internal/stepper"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// politeChunks is the polite coroutine of python/cpu_gather.py on chapter
// 03's loop: tasks a, b and c each compute in two chunks of 10 ms
// ([eventloop.Task.Busy]) and give the loop back between them with Yield;
// main gathers them. Each task prints its name and the chunk it finished.
func politeChunks(l *eventloop.Loop, out io.Writer) func(t *eventloop.Task) error {
	return func(t *eventloop.Task) error {
		var fs []*eventloop.Future[struct{}]
		for _, name := range []string{"a", "b", "c"} {
			fs = append(fs, eventloop.Spawn(l, name, func(t *eventloop.Task) (struct{}, error) {
				for part := 1; part <= 2; part++ {
					t.Busy(10 * time.Millisecond) // a chunk of CPU work
					fmt.Fprintf(out, "%v: %s%d\n", t.Now(), t.Name(), part)
					if part < 2 {
						if err := t.Yield(); err != nil {
							return struct{}{}, err
						}
					}
				}
				return struct{}{}, nil
			}))
		}
		_, err := eventloop.Gather(t, fs...)
		return err
	}
}

// TestChunkSteps: split into chunks, the CPU tasks take turns (a1 b1 c1 a2
// b2 c2, as in Python), and the whole still takes as long as the work. The
// test checks the timeline and the steps against testdata (go test -run
// TestChunkSteps -update rewrites them).
func TestChunkSteps(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	steps := l.RecordSteps()
	var out strings.Builder
	require.NoError(t, l.Run(politeChunks(l, io.MultiWriter(&out, steps))))
	assert.Equal(t, "10ms: a1\n20ms: b1\n30ms: c1\n40ms: a2\n50ms: b2\n60ms: c2\n", out.String(),
		"the tasks take turns, one chunk each, and finish after 60 ms of work in all")

	checkTimeline(t, "testdata/chunks.svg", "Three CPU tasks in two 10 ms chunks, yielding between them", l.Record())
	stepper.Check(t, stepper.Stepper{Name: "chunks", Title: "Three CPU tasks in two chunks each, yielding between the chunks"}, steps)
}
