package introduction

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Three one-second greetings, one after another: exactly 3s of fake time,
// and the greetings in the order of the names.
func TestGreetEach(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		got, err := GreetEach(t.Context(), []string{"a", "b", "c"}, time.Second)
		require.NoError(t, err)
		assert.Equal(t, []string{"hello, a", "hello, b", "hello, c"}, got,
			"GreetEach must return one greeting per name, in the order of names: append each result of Greet")
		assert.Equal(t, 3*time.Second, time.Since(start),
			"three greetings one after another take 3s: call Greet for each name in turn, without goroutines")
	})
}

// The context gives up at 1.5s, during the second greeting: GreetEach
// returns that error then, without trying the third name.
func TestGreetEachStopsAtTheFirstError(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithTimeout(t.Context(), 1500*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err := GreetEach(ctx, []string{"a", "b", "c"}, time.Second)
		require.ErrorIs(t, err, context.DeadlineExceeded,
			"ctx gives up at 1.5s, during the second greeting: pass ctx to Greet and return its error")
		assert.ErrorContains(t, err, "greet b",
			"the first error is the second greeting's: return it as soon as Greet fails")
		assert.Equal(t, 1500*time.Millisecond, time.Since(start),
			"GreetEach must return as soon as a greeting fails")
	})
}
