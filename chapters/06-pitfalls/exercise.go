//go:build learn

package pitfalls

import (
	"time"

	eventloop "github.com/asyncgo/course/chapters/03-event-loop"
)

// Chunked does work that takes d in the task t, like [BlockingWork], but in
// chunks of at most chunk, giving the loop back with [eventloop.Task.Yield]
// after each chunk but the last. It returns the error of Yield (the task was
// cancelled) and an error if chunk is not positive.
func Chunked(t *eventloop.Task, d, chunk time.Duration) error {
	// TODO: call t.Busy for one chunk at a time (the last one may be
	// shorter) and t.Yield between the chunks.
	return nil
}
