//go:build !learn

package pitfalls

import (
	"fmt"
	"time"

	eventloop "github.com/asyncgo/course/chapters/03-event-loop"
)

// Chunked does work that takes d in the task t, like [BlockingWork], but in
// chunks of at most chunk, giving the loop back with [eventloop.Task.Yield]
// after each chunk but the last. It returns the error of Yield (the task was
// cancelled) and an error if chunk is not positive.
func Chunked(t *eventloop.Task, d, chunk time.Duration) error {
	if chunk <= 0 {
		return fmt.Errorf("chunked: chunk is %v, want > 0", chunk)
	}
	for d > 0 {
		step := min(chunk, d)
		t.Busy(step)
		d -= step
		if d > 0 {
			if err := t.Yield(); err != nil {
				return fmt.Errorf("chunked: %w", err)
			}
		}
	}
	return nil
}
