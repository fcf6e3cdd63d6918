//go:build !learn

package introduction

import (
	"context"
	"time"
)

// GreetEach greets the names one after another, in order, and returns the
// greetings. It stops at the first error and returns it.
func GreetEach(ctx context.Context, names []string, d time.Duration) ([]string, error) {
	greetings := make([]string, 0, len(names))
	for _, name := range names {
		g, err := Greet(ctx, name, d)
		if err != nil {
			return nil, err
		}
		greetings = append(greetings, g)
	}
	return greetings, nil
}
