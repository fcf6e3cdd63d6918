package introduction

import (
	"slices"
	"testing"
	"testing/synctest"
	"time"
)

func TestGreetEach(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		got, err := GreetEach(t.Context(), []string{"a", "b", "c"}, time.Second)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"hello, a", "hello, b", "hello, c"}
		if !slices.Equal(got, want) {
			t.Errorf("GreetEach = %q, want %q", got, want)
		}
		if elapsed := time.Since(start); elapsed != 3*time.Second {
			t.Errorf("three greetings one after another took %v, want exactly 3s", elapsed)
		}
	})
}
