// Package bubble holds the same deadlock twice, as tests: once plain, once
// inside a synctest bubble.
package bubble

import (
	"testing"
	"testing/synctest"
)

func TestSendWithoutReceiver(t *testing.T) {
	results := make(chan int)
	results <- 42 // blocks forever
	t.Log(<-results)
}

func TestSendWithoutReceiverInBubble(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		results := make(chan int)
		results <- 42 // blocks forever; the bubble notices
		t.Log(<-results)
	})
}
