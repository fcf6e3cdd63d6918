package sharing_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/asyncgo/course/chapters/internal/demo"
	"github.com/stretchr/testify/assert"
	"golang.org/x/sync/singleflight"
	"golang.org/x/time/rate"
)

// TestCopiedMutex: testdata/copylock has a method with a value receiver,
// so every call locks a copy of the mutex and counts on a copy of n. The
// program prints n = 0, and go vet's copylocks check says why.
func TestCopiedMutex(t *testing.T) {
	goCmd := demo.GoCommand(t)
	dir := t.TempDir()
	demo.CopyDir(t, dir, "testdata/copylock")
	run := demo.MustRun(t, dir, goCmd, "run", ".")
	assert.Equal(t, "n = 0\n", run.Stdout, "three increments on copies: the counter itself never changes")

	vet := demo.Run(t, dir, nil, goCmd, "vet", ".")
	assert.NotEqual(t, 0, vet.Code, "go vet must fail")
	assert.Contains(t, vet.Stderr, "main.go:16:9: Inc passes lock by value: copylock.Counter contains sync.Mutex")
}

// queue hands items to consumers that wait on a sync.Cond.
type queue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []string
}

func newQueue() *queue {
	q := &queue{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *queue) put(item string) {
	q.mu.Lock()
	q.items = append(q.items, item)
	q.mu.Unlock()
	q.cond.Broadcast()
}

// getIf waits with an if: BUG. After the wake-up another consumer may
// have taken the item already, and the queue is empty again.
func (q *queue) getIf() (string, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) == 0 {
		q.cond.Wait()
	}
	if len(q.items) == 0 {
		return "", false // woken, and nothing there
	}
	item := q.items[0]
	q.items = q.items[1:]
	return item, true
}

// get waits in a loop: it checks the condition again after every wake-up.
func (q *queue) get() string {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.cond.Wait()
	}
	item := q.items[0]
	q.items = q.items[1:]
	return item
}

// TestCondWaitWithIf: two consumers wait, one item comes, Broadcast wakes
// both. With an if, the one that comes second finds nothing and returns
// empty-handed; with a loop, it waits again for the next item.
func TestCondWaitWithIf(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q := newQueue()
		var emptyHanded atomic.Int32
		var wg sync.WaitGroup
		for range 2 {
			wg.Go(func() {
				if _, ok := q.getIf(); !ok {
					emptyHanded.Add(1)
				}
			})
		}
		synctest.Wait() // both consumers are in Cond.Wait
		q.put("job 1")
		wg.Wait()
		assert.Equal(t, int32(1), emptyHanded.Load(), "one consumer woke to an empty queue")
	})
	synctest.Test(t, func(t *testing.T) {
		q := newQueue()
		got := make(chan string, 2)
		for range 2 {
			go func() { got <- q.get() }()
		}
		synctest.Wait()
		q.put("job 1")
		synctest.Wait() // one consumer has its item; the other waits again
		assert.Len(t, got, 1)
		q.put("job 2")
		assert.ElementsMatch(t, []string{"job 1", "job 2"}, []string{<-got, <-got})
	})
}

// ledger is Account with a bug.
type ledger struct {
	mu      sync.Mutex
	balance int
}

// withdraw unlocks by hand, and forgets to on the early return: BUG.
func (l *ledger) withdraw(amount int) error {
	l.mu.Lock()
	if l.balance < amount {
		return errors.New("insufficient funds") // BUG: still locked
	}
	l.balance -= amount
	l.mu.Unlock()
	return nil
}

// TestForgottenUnlock: after one refused withdrawal the mutex stays locked
// for good, and the next Lock would wait for ever. A goroutine waiting for
// a mutex is not durably blocked, so not even a synctest bubble could
// report it: the test would hang until -timeout. TryLock looks without
// waiting.
func TestForgottenUnlock(t *testing.T) {
	l := &ledger{balance: 10}
	assert.Error(t, l.withdraw(20))
	assert.False(t, l.mu.TryLock(), "the mutex is still locked after withdraw returned")
}

// TestSingleflightSharesACancellation: the function passed to Do uses the
// context of the caller that happened to come first. When that caller
// gives up, the call fails, and every caller who joined it gets the
// cancellation. context.WithoutCancel keeps the call alive.
func TestSingleflightSharesACancellation(t *testing.T) {
	load := func(ctx context.Context) (any, error) {
		select {
		case <-time.After(time.Second):
			return "config v1", nil
		case <-ctx.Done():
			return nil, context.Cause(ctx)
		}
	}
	for _, tt := range []struct {
		name   string
		detach func(context.Context) context.Context
		want   outcome
	}{
		{"the first caller's ctx", func(ctx context.Context) context.Context { return ctx },
			outcome{nil, context.DeadlineExceeded, true}},
		{"context.WithoutCancel", context.WithoutCancel,
			outcome{"config v1", nil, true}},
	} {
		synctest.Test(t, func(t *testing.T) {
			var g singleflight.Group
			ctx, cancel := context.WithTimeout(t.Context(), 300*time.Millisecond)
			defer cancel()
			first := g.DoChan("config", func() (any, error) { return load(tt.detach(ctx)) })
			second := g.DoChan("config", func() (any, error) { return load(t.Context()) })
			<-first
			assert.Equal(t, tt.want, outcome(<-second), "with %s, the patient second caller got", tt.name)
		})
	}
}

// sendWithLimiterPerCall makes a limiter for every call: BUG. Each new
// limiter starts with a full bucket, so nothing is ever held back.
func sendWithLimiterPerCall(ctx context.Context, calls []func(context.Context) error) {
	var wg sync.WaitGroup
	for _, call := range calls {
		lim := rate.NewLimiter(4, 3) // BUG: make one, outside the loop, and share it
		if lim.Wait(ctx) != nil {
			break
		}
		wg.Go(func() { call(ctx) })
	}
	wg.Wait()
}

// TestLimiterPerCall: with a limiter per call, all six requests go out at
// once; Paced with one shared limiter spreads them out (TestPacedStartTimes).
func TestLimiterPerCall(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var tl timeline
		sendWithLimiterPerCall(t.Context(), tl.requests(6, time.Second))
		assert.Equal(t, make([]time.Duration, 6), tl.starts(), "all six start at 0s")
	})
}
