//go:build learn

package introduction

import (
	"context"
	"time"
)

// GreetEach greets the names one after another, in order, and returns the
// greetings. It stops at the first error and returns it.
func GreetEach(ctx context.Context, names []string, d time.Duration) ([]string, error) {
	// TODO: call Greet for each name in turn.
	return nil, nil
}
