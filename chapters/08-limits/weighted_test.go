package limits

import (
	"context"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"golang.org/x/sync/semaphore"
)

// TestWeightedIsFIFO: with 1 token free, a waiting Acquire(3) keeps a later
// Acquire(1) waiting behind it, and TryAcquire(1) fails.
func TestWeightedIsFIFO(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, start := t.Context(), time.Now()
		sem := semaphore.NewWeighted(3)
		var mu sync.Mutex
		got := map[string]time.Duration{} // when each one got its tokens
		acquire := func(name string, n int64, hold time.Duration) {
			if err := sem.Acquire(ctx, n); err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			got[name] = time.Since(start)
			mu.Unlock()
			time.Sleep(hold)
			sem.Release(n)
		}

		if err := sem.Acquire(ctx, 2); err != nil { // we hold 2 of 3
			t.Fatal(err)
		}
		go acquire("big", 3, time.Second)
		synctest.Wait() // big waits: only 1 token is free
		go acquire("small", 1, 0)
		synctest.Wait() // small waits too, behind big, though 1 token is free
		if sem.TryAcquire(1) {
			t.Error("TryAcquire(1) succeeded while others wait; want false")
		}
		time.Sleep(time.Second)
		sem.Release(2) // at 1s: big gets all 3 tokens
		time.Sleep(2 * time.Second)

		mu.Lock()
		defer mu.Unlock()
		if got["big"] != time.Second || got["small"] != 2*time.Second {
			t.Errorf("big got in at %v, small at %v; want 1s and 2s", got["big"], got["small"])
		}
	})
}

// TestWeightedTooLarge: an Acquire larger than the semaphore waits until
// its ctx is done, but it does not queue, so it holds nobody up.
func TestWeightedTooLarge(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		sem := semaphore.NewWeighted(3)
		errc := make(chan error)
		go func() { errc <- sem.Acquire(ctx, 4) }()
		synctest.Wait()
		if !sem.TryAcquire(1) {
			t.Error("TryAcquire(1) failed beside a doomed Acquire(4); want true")
		}
		start := time.Now()
		assert.ErrorIs(t, <-errc, context.DeadlineExceeded, "Acquire(4) of 3")
		assert.Equal(t, time.Second, time.Since(start), "Acquire(4) of 3 gives up at the deadline")
	})
}
