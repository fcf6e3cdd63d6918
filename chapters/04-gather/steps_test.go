package gather

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

// gatherFails is python/gather_no_cancel.py on chapter 03's loop, with
// three tasks: a returns at 100 ms, b fails at 200 ms, c needs 300 ms. Gather
// returns b's error at once; nothing cancels c, which finishes anyway.
func gatherFails(l *eventloop.Loop, out io.Writer) func(t *eventloop.Task) error {
	return func(t *eventloop.Task) error {
		task := func(name string, d time.Duration, err error) *eventloop.Future[string] {
			return eventloop.Spawn(l, name, func(t *eventloop.Task) (string, error) {
				if err := t.Sleep(d); err != nil {
					return "", err
				}
				if name == "c" {
					fmt.Fprintln(out, "c: finished anyway")
				}
				return name, err
			})
		}
		a := task("a", 100*time.Millisecond, nil)
		b := task("b", 200*time.Millisecond, errors.New("boom"))
		c := task("c", 300*time.Millisecond, nil)
		if _, err := eventloop.Gather(t, a, b, c); err != nil {
			fmt.Fprintf(out, "main: Gather returned %v\n", err)
		}
		fmt.Fprintf(out, "main: c done? %t\n", c.Done())
		v, err := c.Await(t) // it was never cancelled
		fmt.Fprintf(out, "main: c returned %q\n", v)
		return err
	}
}

// TestGatherFailsSteps: on chapter 03's loop, as in asyncio, Gather returns
// the first error as soon as the loop sees it, and the other tasks run on.
// The steps are checked against testdata/steps (go test -run
// TestGatherFailsSteps -update rewrites them).
func TestGatherFailsSteps(t *testing.T) {
	l := eventloop.New(eventloop.VirtualClock())
	steps := l.RecordSteps()
	var out strings.Builder
	require.NoError(t, l.Run(gatherFails(l, io.MultiWriter(&out, steps))))
	assert.Equal(t, strings.Join([]string{
		"main: Gather returned boom",
		"main: c done? false",
		"c: finished anyway",
		`main: c returned "c"`,
	}, "\n")+"\n", out.String(), "the same story as python/gather_no_cancel.py")
	assert.Equal(t, 300*time.Millisecond, l.Now(), "c runs to its end")
	stepper.Check(t, stepper.Stepper{Name: "gather-fails", Title: "Gather over three tasks on chapter 03's loop; b fails"}, steps)
}
