package streams

import (
	"context"
	"strings"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"go.uber.org/goleak"
)

// TestLeakyProducerLeaks reads two values and walks away. The producer
// goroutine is left blocked on its send, and goleak.Find reports it.
func TestLeakyProducerLeaks(t *testing.T) {
	before := goleak.IgnoreCurrent()
	ch := LeakyProduce(10)
	<-ch
	<-ch
	// The consumer quits here. Nobody will ever receive the third value.

	err := goleak.Find(before) // retries for about half a second, then reports
	if err == nil {
		t.Fatal("goleak.Find found no leak; want the producer blocked on its send")
	}
	if !strings.Contains(err.Error(), "streams.LeakyProduce") || !strings.Contains(err.Error(), "chan send") {
		t.Errorf("want a goroutine of LeakyProduce in state chan send, got:\n%v", err)
	}

	for range ch { // undo the leak, so the rest of the package stays clean
	}
	if err := goleak.Find(before); err != nil {
		t.Errorf("after draining the channel: %v", err)
	}
}

// TestProduceCancelLeaksNothing is the fix: the consumer cancels the context
// when it quits. The producer returns and closes its channel.
func TestProduceCancelLeaksNothing(t *testing.T) {
	before := goleak.IgnoreCurrent()
	ctx, cancel := context.WithCancel(t.Context())
	ch := Produce(ctx, 10)
	<-ch
	<-ch
	cancel() // the consumer quits, and says so

	if err := goleak.Find(before); err != nil {
		t.Errorf("the producer is still running after cancel: %v", err)
	}
}

// TestProduceCancelInBubble checks the same fix inside a synctest bubble,
// where there is no waiting at all: synctest.Wait returns once the producer
// has returned or is blocked. It has returned, so its channel is closed.
// (Had it stayed blocked, synctest.Test would fail: a goroutine of the bubble
// outlived the test function.)
func TestProduceCancelInBubble(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		ch := Produce(ctx, 10)
		if got := <-ch; got != 1 {
			t.Errorf("first value = %d, want 1", got)
		}
		cancel()
		synctest.Wait()
		if v, ok := <-ch; ok {
			t.Errorf("after cancel the channel still gives %d; want it closed", v)
		}
	})
}

func TestProduceAll(t *testing.T) {
	var got []int
	for n := range Produce(t.Context(), 4) {
		got = append(got, n)
	}
	assert.Equal(t, []int{1, 2, 3, 4}, got, "Produce(4)")
}
