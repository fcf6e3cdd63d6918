package introduction

import (
	"context"
	"fmt"
	"testing"
	"testing/synctest"
	"time"

	"github.com/asyncgo/course/chapters/internal/pycheck"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func ExampleGreetAll() {
	names := []string{"Ada", "Grace", "Guido"}
	greetings, err := GreetAll(context.Background(), names, 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range greetings {
		fmt.Println(g)
	}
	// Output:
	// hello, Ada
	// hello, Grace
	// hello, Guido
}

// TestGreetAllOverlaps runs on synctest's fake clock: time only moves when
// every goroutine in the bubble is durably blocked, so the elapsed time is exact.
func TestGreetAllOverlaps(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		got, err := GreetAll(t.Context(), []string{"a", "b", "c"}, time.Second)
		if err != nil {
			t.Fatal(err)
		}
		if elapsed := time.Since(start); elapsed != time.Second {
			t.Errorf("three greetings of 1s took %v, want exactly 1s", elapsed)
		}
		if want := "hello, c"; got[2] != want {
			t.Errorf("third greeting = %q, want %q", got[2], want)
		}
	})
}

func TestGreetGivesUp(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithTimeout(t.Context(), 500*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err := GreetAll(ctx, []string{"a", "b"}, time.Second)
		require.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Equal(t, 500*time.Millisecond, time.Since(start), "GreetAll gives up exactly at the deadline")
	})
}

func TestPython(t *testing.T) { pycheck.Check(t, "python") }
