package sharing_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/asyncgo/course/chapters/12-sharing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// loader is the fn the tests give to Do. Each call takes d of fake time
// and returns "v1", "v2"... in the order the calls started, or fails with
// err. A call stops early when its ctx ends, unless stubborn is set; the
// moment its ctx ended is recorded either way.
type loader struct {
	d        time.Duration
	err      error
	stubborn bool

	calls    atomic.Int32
	mu       sync.Mutex
	ctxEnded []time.Duration
}

func (l *loader) load(ctx context.Context) (string, error) {
	n := l.calls.Add(1)
	timer := time.NewTimer(l.d)
	defer timer.Stop()
	for {
		select {
		case <-timer.C:
			if l.err != nil {
				return "", l.err
			}
			return fmt.Sprintf("v%d", n), nil
		case <-ctx.Done():
			l.mu.Lock()
			l.ctxEnded = append(l.ctxEnded, elapsed())
			l.mu.Unlock()
			if !l.stubborn {
				return "", context.Cause(ctx)
			}
			ctx = context.Background() // look no more: wait for the timer
		}
	}
}

// ended returns when the contexts of the calls ended, if any did.
func (l *loader) ended() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var at []string
	for _, d := range l.ctxEnded {
		at = append(at, d.String())
	}
	return at
}

// got is what one Do returned, and when (as fake time since the start).
type got struct {
	Val string
	Err error
	At  string
}

// doAsync calls g.Do in a new goroutine and returns a channel that gets
// what it returned. It returns once that Do is blocked or done, so callers
// started one after the other come to Do in that order.
func doAsync(g *sharing.Group[string, string], ctx context.Context, key string, l *loader) <-chan got {
	ch := make(chan got, 1)
	go func() {
		v, err := g.Do(ctx, key, l.load)
		ch <- got{v, err, elapsed().String()}
	}()
	synctest.Wait()
	return ch
}

// await returns what a Do started by doAsync returned, or fails the test
// when it is still blocked after an hour of fake time.
func await(t *testing.T, ch <-chan got, who string) got {
	t.Helper()
	select {
	case g := <-ch:
		return g
	case <-time.After(time.Hour):
		t.Fatalf("%s: Do still blocked after 1h of fake time: return once the call is done, or at once when ctx is done", who)
		return got{}
	}
}

// bubble runs test in a synctest bubble with a context that is cancelled
// when the test ends; then it lets an hour of fake time pass, so that the
// calls still running can finish even when the test failed half-way.
func bubble(t *testing.T, test func(t *testing.T, ctx context.Context)) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		defer time.Sleep(time.Hour)
		defer cancel()
		test(t, ctx)
	})
}

// Five callers at 0 s and one at 0.5 s, all for the same key, while a call
// of 1 s runs: one call, and every caller gets its value when it returns.
func TestGroupSharesOneCall(t *testing.T) {
	bubble(t, func(t *testing.T, ctx context.Context) {
		var g sharing.Group[string, string]
		l := &loader{d: time.Second}
		var waiting []<-chan got
		for range 5 {
			waiting = append(waiting, doAsync(&g, ctx, "config", l))
		}
		time.Sleep(500 * time.Millisecond)
		waiting = append(waiting, doAsync(&g, ctx, "config", l))
		var results []got
		for i, ch := range waiting {
			results = append(results, await(t, ch, fmt.Sprint("caller ", i)))
		}
		want := got{"v1", nil, "1s"}
		assert.Equal(t, []got{want, want, want, want, want, want}, results,
			"every caller gets the one call's value, at 1s when it returns")
		assert.Equal(t, int32(1), l.calls.Load(),
			"fn must run once for one key: a caller that comes while a call runs waits for it instead of calling fn")
	})
}

// Two keys at once: two calls, side by side.
func TestGroupKeysAreIndependent(t *testing.T) {
	bubble(t, func(t *testing.T, ctx context.Context) {
		var g sharing.Group[string, string]
		a, b := &loader{d: time.Second}, &loader{d: time.Second}
		chA, chB := doAsync(&g, ctx, "a", a), doAsync(&g, ctx, "b", b)
		assert.Equal(t, got{"v1", nil, "1s"}, await(t, chA, "key a"))
		assert.Equal(t, got{"v1", nil, "1s"}, await(t, chB, "key b"),
			"key b must not wait for key a: one call per key, each in its own goroutine")
	})
}

// A failed call fails every waiter with its error, and is not remembered:
// the next Do calls fn again.
func TestGroupSharesTheError(t *testing.T) {
	bubble(t, func(t *testing.T, ctx context.Context) {
		var g sharing.Group[string, string]
		boom := errors.New("connection reset")
		l := &loader{d: time.Second, err: boom}
		var waiting []<-chan got
		for range 3 {
			waiting = append(waiting, doAsync(&g, ctx, "config", l))
		}
		var errs []string
		for i, ch := range waiting {
			errs = append(errs, fmt.Sprint(await(t, ch, fmt.Sprint("caller ", i)).Err))
		}
		assert.Equal(t, []string{"connection reset", "connection reset", "connection reset"}, errs,
			"every waiter gets the call's error")
		l.err = nil // every call has returned: nobody reads err now
		r := await(t, doAsync(&g, ctx, "config", l), "the caller after the failure")
		assert.Equal(t, got{"v2", nil, "2s"}, r,
			"Do after a failed call must call fn again: forget the key once fn returns, error or not")
	})
}

// Once a call has returned, the next Do for its key calls fn again.
func TestGroupForgetsAfterReturn(t *testing.T) {
	bubble(t, func(t *testing.T, ctx context.Context) {
		var g sharing.Group[string, string]
		l := &loader{d: time.Second}
		first, err := g.Do(ctx, "config", l.load)
		require.NoError(t, err)
		second, err := g.Do(ctx, "config", l.load)
		require.NoError(t, err)
		assert.Equal(t, []string{"v1", "v2"}, []string{first, second},
			"the second Do must call fn again: forget the key when fn returns, before you wake the waiters")
	})
}

// One caller gives up at 300 ms: it gets its own ctx's cause at that
// moment; the other gets the value at 1 s, and fn's context never ends.
func TestGroupWaiterGivesUp(t *testing.T) {
	bubble(t, func(t *testing.T, ctx context.Context) {
		var g sharing.Group[string, string]
		l := &loader{d: time.Second}
		tooSlow := errors.New("too slow")
		impatientCtx, cancel := context.WithTimeoutCause(ctx, 300*time.Millisecond, tooSlow)
		defer cancel()
		patient := doAsync(&g, ctx, "config", l)
		impatient := doAsync(&g, impatientCtx, "config", l)

		r := await(t, impatient, "the impatient caller")
		assert.ErrorIs(t, r.Err, tooSlow, "a caller whose ctx ends gets context.Cause(ctx)")
		assert.Equal(t, "300ms", r.At, "a caller whose ctx ends must return at that moment, not when the call is done")
		assert.Equal(t, got{"v1", nil, "1s"}, await(t, patient, "the patient caller"),
			"one caller giving up must not end the call for the others")
		assert.Empty(t, l.ended(), "fn's context ended while a caller still waited: cancel it only when every caller has given up")
	})
}

// The caller who started the call gives up; the one who joined it later
// still gets the value. The usual mistake is to run fn with the first
// caller's ctx.
func TestGroupFirstCallerGivesUp(t *testing.T) {
	bubble(t, func(t *testing.T, ctx context.Context) {
		var g sharing.Group[string, string]
		l := &loader{d: time.Second}
		firstCtx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
		defer cancel()
		first := doAsync(&g, firstCtx, "config", l)
		time.Sleep(100 * time.Millisecond)
		second := doAsync(&g, ctx, "config", l)

		r := await(t, first, "the first caller")
		assert.ErrorIs(t, r.Err, context.DeadlineExceeded, "a caller whose ctx ends gets context.Cause(ctx)")
		assert.Equal(t, "300ms", r.At,
			"the first caller must return when its ctx ends: run fn in a goroutine of its own, not in the caller's")
		assert.Equal(t, got{"v1", nil, "1s"}, await(t, second, "the second caller"),
			"fn must not see the first caller's cancellation: give it context.WithoutCancel(ctx), and cancel it yourself")
	})
}

// Every caller gives up, the last at 400 ms: fn's context ends then.
func TestGroupCancelsWhenEveryoneGivesUp(t *testing.T) {
	bubble(t, func(t *testing.T, ctx context.Context) {
		var g sharing.Group[string, string]
		l := &loader{d: time.Second}
		var waiting []<-chan got
		for _, d := range []time.Duration{200 * time.Millisecond, 400 * time.Millisecond} {
			c, cancel := context.WithTimeout(ctx, d)
			defer cancel()
			waiting = append(waiting, doAsync(&g, c, "config", l))
		}
		for i, ch := range waiting {
			assert.ErrorIs(t, await(t, ch, fmt.Sprint("caller ", i)).Err, context.DeadlineExceeded,
				"caller %d: a caller whose ctx ends gets context.Cause(ctx)", i)
		}
		time.Sleep(time.Second) // the call would have ended by now anyway
		assert.Equal(t, []string{"400ms"}, l.ended(),
			"fn's context must end at 400ms, when the last waiting caller gave up: count the waiters, and cancel when none is left")
	})
}

// After every caller has given up, a new caller starts a new call, even
// when the abandoned one has not returned yet (this fn ignores its ctx).
func TestGroupNewCallAfterEveryoneGaveUp(t *testing.T) {
	bubble(t, func(t *testing.T, ctx context.Context) {
		var g sharing.Group[string, string]
		l := &loader{d: time.Second, stubborn: true}
		c, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
		defer cancel()
		assert.ErrorIs(t, await(t, doAsync(&g, c, "config", l), "the first caller").Err, context.DeadlineExceeded,
			"the caller's ctx ended at 200ms: Do must return context.Cause(ctx) then, even when fn ignores its own ctx")
		time.Sleep(100 * time.Millisecond)
		r := await(t, doAsync(&g, ctx, "config", l), "the caller at 300ms")
		assert.Equal(t, got{"v2", nil, "1.3s"}, r,
			"a caller after everyone gave up must start a new call, not join the abandoned one: forget the key when the last waiter leaves")
	})
}

// With a ctx already done, Do returns its cause and never calls fn.
func TestGroupCtxAlreadyDone(t *testing.T) {
	bubble(t, func(t *testing.T, ctx context.Context) {
		var g sharing.Group[string, string]
		l := &loader{d: time.Second}
		shutdown := errors.New("shutting down")
		c, cancel := context.WithCancelCause(ctx)
		cancel(shutdown)
		r := await(t, doAsync(&g, c, "config", l), "a caller with a done ctx")
		assert.ErrorIs(t, r.Err, shutdown, "Do must return context.Cause(ctx)")
		synctest.Wait()
		assert.Equal(t, int32(0), l.calls.Load(), "fn was called for a caller whose ctx was already done: check ctx before you start a call")
	})
}

// Many callers on four keys, a third of them with a ctx done already: run
// it under -race.
func TestGroupConcurrent(t *testing.T) {
	bubble(t, func(t *testing.T, ctx context.Context) {
		var g sharing.Group[string, string]
		loaders := []*loader{{d: time.Second}, {d: time.Second}, {d: time.Second}, {d: time.Second}}
		var waiting []<-chan got
		for i := range 60 {
			c, cancel := context.WithTimeout(ctx, time.Duration(i%3)*2*time.Second) // 0s: done at once
			defer cancel()
			waiting = append(waiting, doAsync(&g, c, fmt.Sprint("key ", i%4), loaders[i%4]))
		}
		outcomes := map[string]int{}
		for i, ch := range waiting {
			r := await(t, ch, fmt.Sprint("caller ", i))
			outcomes[fmt.Sprintf("%q, %v", r.Val, r.Err)]++
		}
		assert.Equal(t, map[string]int{`"v1", <nil>`: 40, `"", context deadline exceeded`: 20}, outcomes,
			"the 40 callers with time get v1; the 20 whose ctx was done at once get its error")
		var calls []int32
		for _, l := range loaders {
			calls = append(calls, l.calls.Load())
		}
		assert.Equal(t, []int32{1, 1, 1, 1}, calls, "one call for each of the four keys")
	})
}
