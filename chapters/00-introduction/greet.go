package introduction

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Greet answers like a slow service: it waits d, then returns a greeting for
// name. It gives up early, with the context's error, when ctx is done first.
func Greet(ctx context.Context, name string, d time.Duration) (string, error) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return "hello, " + name, nil
	case <-ctx.Done():
		return "", fmt.Errorf("greet %s: %w", name, context.Cause(ctx))
	}
}

// GreetAll greets every name at the same time and returns the greetings in
// the order of names, like Python's asyncio.gather. All the waits overlap, so
// greeting three names with d = 1s takes 1s, not 3s. It returns the first
// error, if any, after every greeting has finished.
func GreetAll(ctx context.Context, names []string, d time.Duration) ([]string, error) {
	greetings := make([]string, len(names))
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Go(func() {
			greetings[i], errs[i] = Greet(ctx, name, d)
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return greetings, nil
}
