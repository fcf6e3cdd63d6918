package sharing_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/asyncgo/course/chapters/12-sharing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Eight goroutines deposit and withdraw at once; under -race the detector
// would report any access the mutex does not guard.
func TestAccountConcurrent(t *testing.T) {
	var a sharing.Account
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 1000 {
				a.Deposit(2)
				_ = a.Withdraw(1)
			}
		})
	}
	wg.Wait()
	assert.Equal(t, 8000, a.Balance(), "every deposit of 2 and withdrawal of 1 must count")
}

func TestAccountRefuses(t *testing.T) {
	var a sharing.Account
	a.Deposit(10)
	require.EqualError(t, a.Withdraw(11), "withdraw 11: balance is only 10")
	assert.Equal(t, 10, a.Balance(), "a refused withdrawal changes nothing")
}

// Ten watchers wait for targets 1 to 10; one unit of work a second wakes
// each of them exactly when its target is reached.
func TestProgressWakesEachWatcherOnTime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := sharing.NewProgress()
		woke := make([]time.Duration, 10)
		var wg sync.WaitGroup
		for i := range woke {
			wg.Go(func() {
				_, err := p.WaitFor(t.Context(), i+1)
				assert.NoError(t, err)
				woke[i] = elapsed()
			})
		}
		for range 10 {
			time.Sleep(time.Second)
			p.Add(1)
		}
		wg.Wait()
		for i, at := range woke {
			assert.Equal(t, time.Duration(i+1)*time.Second, at, "watcher %d woke late or early", i+1)
		}
	})
}

// A watcher whose context ends returns at that moment, with the cause.
func TestProgressWatcherGivesUp(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := sharing.NewProgress()
		tooSlow := errors.New("too slow")
		ctx, cancel := context.WithTimeoutCause(t.Context(), 3*time.Second, tooSlow)
		defer cancel()
		go func() {
			time.Sleep(time.Second)
			p.Add(1)
		}()
		done, err := p.WaitFor(ctx, 2)
		assert.ErrorIs(t, err, tooSlow)
		assert.Equal(t, 1, done, "WaitFor reports the count it last saw")
		assert.Equal(t, 3*time.Second, elapsed())
	})
}

// condProgress is Progress written with sync.Cond, for comparison. It
// works, but a waiter has no way to give up.
type condProgress struct {
	mu   sync.Mutex
	cond *sync.Cond // cond.L is &mu
	done int
}

func newCondProgress() *condProgress {
	p := &condProgress{}
	p.cond = sync.NewCond(&p.mu)
	return p
}

func (p *condProgress) Add(n int) {
	p.mu.Lock()
	p.done += n
	p.mu.Unlock()
	p.cond.Broadcast() // wake every waiter; each checks its own target
}

func (p *condProgress) WaitFor(target int) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	for p.done < target { // always in a loop: see "What can go wrong"
		p.cond.Wait() // unlocks mu, sleeps, locks mu again
	}
	return p.done
}

// TestCondCannotGiveUp: a goroutine in Cond.Wait stays there when its
// context ends; only a Broadcast or Signal can wake it.
func TestCondCannotGiveUp(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := newCondProgress()
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		returned := make(chan int)
		go func() { returned <- p.WaitFor(1) }() // no ctx to pass: WaitFor cannot take one
		<-ctx.Done()
		synctest.Wait()
		select {
		case <-returned:
			t.Fatal("Cond.Wait returned without a Broadcast")
		default: // still in Cond.Wait, a second after the deadline
		}
		p.Add(1)
		assert.Equal(t, 1, <-returned)
	})
}
