package cancellation

import (
	"errors"
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

// cancelWorker is python/cancel.py on chapter 03's loop: main cancels a
// worker that sleeps; the worker's Sleep returns ErrCancelled, it cleans up
// and returns the error, and main sees it.
func cancelWorker(l *eventloop.Loop, out io.Writer) func(t *eventloop.Task) error {
	return func(t *eventloop.Task) error {
		worker := eventloop.Spawn(l, "worker", func(t *eventloop.Task) (struct{}, error) {
			err := t.Sleep(time.Second) // ErrCancelled comes back here
			fmt.Fprintln(out, "worker: cleaning up")
			return struct{}{}, err
		})
		if err := t.Sleep(100 * time.Millisecond); err != nil { // let the worker reach its Sleep
			return err
		}
		worker.Cancel()
		fmt.Fprintf(out, "main: cancel requested; done: %t\n", worker.Done())
		_, err := worker.Await(t)
		fmt.Fprintf(out, "main: worker cancelled: %t\n", errors.Is(err, eventloop.ErrCancelled))
		return nil
	}
}

// TestCancelSteps: a cancellation on chapter 03's loop is a request, as in
// asyncio. The worker is not done when Cancel returns; it sees ErrCancelled
// the next time it runs, cleans up, and main gets the error. The steps are
// checked against testdata/steps (go test -run TestCancelSteps -update
// rewrites them).
func TestCancelSteps(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	steps := l.RecordSteps()
	var out strings.Builder
	require.NoError(t, l.Run(cancelWorker(l, io.MultiWriter(&out, steps))))
	assert.Equal(t, "main: cancel requested; done: false\nworker: cleaning up\nmain: worker cancelled: true\n", out.String(),
		"the same story as python/cancel.py")
	assert.Equal(t, 100*time.Millisecond, l.Now(), "the worker stops at the cancellation, not after its second of sleep")
	stepper.Check(t, stepper.Stepper{Name: "cancel", Title: "main cancels a sleeping worker on chapter 03's loop"}, steps)
}
