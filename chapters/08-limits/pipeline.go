package limits

import "time"

// Timing says when the producer and the consumer of a run had finished,
// measured from its start.
type Timing struct {
	Produced, Consumed time.Duration
}

// ProduceConsume sends n items through a channel with room for buffer
// items to one consumer that spends per on each item. The producer is as
// fast as can be; the channel makes it wait whenever the buffer is full.
// A buffer below 0 counts as 0: an unbuffered channel.
func ProduceConsume(n, buffer int, per time.Duration) Timing {
	start := time.Now()
	items := make(chan int, max(buffer, 0))
	consumed := make(chan time.Duration)
	go func() {
		for range items { // ends when items is closed and drained
			time.Sleep(per) // the slow work on one item
		}
		consumed <- time.Since(start)
	}()
	for i := range n {
		items <- i // waits while the buffer is full: back-pressure
	}
	close(items) // no more items; the consumer still gets those buffered
	produced := time.Since(start)
	return Timing{Produced: produced, Consumed: <-consumed}
}
