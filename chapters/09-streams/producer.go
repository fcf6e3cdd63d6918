package streams

import "context"

// LeakyProduce starts a goroutine that sends 1, 2, ..., n on the returned
// channel and then closes it. It is the wrong way: if the consumer stops
// reading before the end, the goroutine waits on its send forever.
func LeakyProduce(n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 1; i <= n; i++ {
			out <- i // blocks until someone receives; nobody may ever do
		}
	}()
	return out
}

// Produce starts a goroutine that sends 1, 2, ..., n on the returned channel
// and then closes it. The goroutine also stops, and closes the channel, when
// ctx is done: a consumer that quits early cancels ctx, and nothing leaks.
func Produce(ctx context.Context, n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out) // the sender closes, never the receiver
		for i := 1; i <= n; i++ {
			select {
			case out <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}
