package sharing_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"golang.org/x/sync/singleflight"
)

// outcome is what one call of singleflight's Do returned.
type outcome struct {
	Val    any
	Err    error
	Shared bool
}

// TestSingleflightSharesOneCall: five callers ask for the same key while
// the first call runs. The function runs once; all five get its value,
// with shared set, at the moment it returns.
func TestSingleflightSharesOneCall(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var g singleflight.Group
		var calls atomic.Int32
		load := func() (any, error) {
			calls.Add(1)
			time.Sleep(time.Second) // a slow read
			return "config v1", nil
		}
		got := make([]outcome, 5)
		var wg sync.WaitGroup
		for i := range got {
			wg.Go(func() {
				v, err, shared := g.Do("config", load)
				got[i] = outcome{v, err, shared}
			})
		}
		wg.Wait()
		assert.Equal(t, int32(1), calls.Load(), "one call for five callers")
		for _, o := range got {
			assert.Equal(t, outcome{"config v1", nil, true}, o)
		}
		assert.Equal(t, time.Second, elapsed())
	})
}

// TestSingleflightSharesTheError: a failed call fails every waiter, and is
// not remembered: the next Do calls the function again.
func TestSingleflightSharesTheError(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var g singleflight.Group
		var calls atomic.Int32
		load := func() (any, error) {
			if calls.Add(1) == 1 {
				time.Sleep(time.Second)
				return nil, errors.New("connection reset")
			}
			return "config v1", nil
		}
		errs := make([]error, 3)
		var wg sync.WaitGroup
		for i := range errs {
			wg.Go(func() { _, errs[i], _ = g.Do("config", load) })
		}
		wg.Wait()
		for _, err := range errs {
			assert.EqualError(t, err, "connection reset", "every waiter gets the one call's error")
		}
		v, err, _ := g.Do("config", load) // the key was forgotten when the call ended
		assert.NoError(t, err)
		assert.Equal(t, "config v1", v)
		assert.Equal(t, int32(2), calls.Load())
	})
}

// TestSingleflightForget: Forget, while a call runs, lets the next caller
// start a second call; those who joined the first one still get its value.
func TestSingleflightForget(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var g singleflight.Group
		var calls atomic.Int32
		load := func() (any, error) {
			n := calls.Add(1)
			time.Sleep(time.Second)
			return n, nil
		}
		got := make([]any, 3)
		var wg sync.WaitGroup
		wg.Go(func() { got[0], _, _ = g.Do("config", load) })
		wg.Go(func() { got[1], _, _ = g.Do("config", load) })
		time.Sleep(500 * time.Millisecond)
		g.Forget("config") // say the config changed: don't hand out the old read
		wg.Go(func() { got[2], _, _ = g.Do("config", load) })
		wg.Wait()
		assert.Equal(t, []any{int32(1), int32(1), int32(2)}, got)
		assert.Equal(t, 1500*time.Millisecond, elapsed(), "the second call started at 0.5 s")
	})
}

// TestSingleflightWaiterGivesUp: Do has no context. With DoChan a caller
// can stop waiting when its own context ends; the call goes on, and the
// other callers get its value.
func TestSingleflightWaiterGivesUp(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var g singleflight.Group
		load := func() (any, error) {
			time.Sleep(time.Second)
			return "config v1", nil
		}
		patient := g.DoChan("config", load)

		ctx, cancel := context.WithTimeout(t.Context(), 300*time.Millisecond)
		defer cancel()
		select {
		case <-g.DoChan("config", load): // this channel has room: nothing blocks on it
			t.Fatal("the impatient caller got a result before its deadline")
		case <-ctx.Done():
			assert.Equal(t, 300*time.Millisecond, elapsed(), "gave up at its deadline")
		}
		r := <-patient
		assert.Equal(t, singleflight.Result{Val: "config v1", Shared: true}, r)
		assert.Equal(t, time.Second, elapsed(), "the call ran to the end")
	})
}
