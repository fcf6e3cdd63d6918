package cancellation

import (
	"context"
	"time"
)

// Sleep waits for d, or less if ctx is done first. It returns nil after a
// full wait and ctx.Err() after an early one, so the caller can tell a
// deadline (context.DeadlineExceeded) from a cancellation
// (context.Canceled); context.Cause(ctx) tells why. The timer is stopped on
// the early way out.
func Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// region loops

// CountIgnoring does n steps of d each and never looks at ctx: it is given a
// context and takes no notice. Cancelling ctx changes nothing; it returns n
// after n*d.
func CountIgnoring(ctx context.Context, n int, d time.Duration) int {
	done := 0
	for range n {
		time.Sleep(d) // deaf to ctx
		done++
	}
	return done
}

// CountChecking does n steps of d each and checks ctx between steps. It
// stops at the first check after ctx is done, so it can overrun the
// deadline by up to one step. It returns how many steps it finished.
func CountChecking(ctx context.Context, n int, d time.Duration) (int, error) {
	done := 0
	for range n {
		if err := ctx.Err(); err != nil {
			return done, err
		}
		time.Sleep(d) // still deaf while it sleeps
		done++
	}
	return done, nil
}

// CountSelecting does n steps of d each and waits for each step in a select
// with ctx.Done() (through Sleep), so it stops the moment ctx is done.
func CountSelecting(ctx context.Context, n int, d time.Duration) (int, error) {
	done := 0
	for range n {
		if err := Sleep(ctx, d); err != nil {
			return done, err
		}
		done++
	}
	return done, nil
}

// endregion loops
