package sharing_test

import (
	"context"
	"fmt"
	"testing"
	"testing/synctest"
	"time"

	"github.com/asyncgo/course/chapters/12-sharing"
	"github.com/stretchr/testify/assert"
)

// fetch returns a call that takes d on the clock, or less when ctx ends.
func fetch(name string, d time.Duration) func(context.Context) (string, error) {
	return func(ctx context.Context) (string, error) {
		select {
		case <-time.After(d):
			return name, nil
		case <-ctx.Done():
			return "", context.Cause(ctx)
		}
	}
}

// TestAsCompletedOrder: three calls of 3 s, 1 s and 2 s. Their results
// come in the order they complete, each at the moment it completes: on
// fake time that order and those moments are exact.
func TestAsCompletedOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var got []string
		for r := range sharing.AsCompleted(t.Context(),
			fetch("a", 3*time.Second), fetch("b", time.Second), fetch("c", 2*time.Second)) {
			got = append(got, fmt.Sprintf("%s (call %d) at %v", r.Value, r.Index, elapsed()))
		}
		assert.Equal(t, []string{"b (call 1) at 1s", "c (call 2) at 2s", "a (call 0) at 3s"}, got)
	})
}

// The reader takes the first result, cancels and stops reading. The other
// calls stop, and their results go into the channel's buffer, so no
// goroutine is left blocked: the bubble would report it.
func TestAsCompletedReaderStopsEarly(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		results := sharing.AsCompleted(ctx, fetch("a", time.Hour), fetch("b", time.Second), fetch("c", time.Hour))
		first := <-results
		cancel()
		assert.Equal(t, "b", first.Value)
		synctest.Wait() // every goroutine has returned, none blocked on a send
	})
}

func TestAsCompletedNothing(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		_, ok := <-sharing.AsCompleted[int](t.Context())
		assert.False(t, ok, "with no calls the channel is closed at once")
	})
}
