package testingasync

import (
	"context"
	"time"
)

// Heartbeat calls beat every interval, first one interval from now, until ctx
// is done. beat receives the number of the beat, starting at 1. Heartbeat
// returns how many beats it sent.
//
// It is the kind of ticker-driven code whose tests tend to sleep and flake;
// the chapter tests it on fake time instead.
func Heartbeat(ctx context.Context, interval time.Duration, beat func(n int)) int {
	tick := time.NewTicker(interval)
	defer tick.Stop()
	n := 0
	for {
		select {
		case <-ctx.Done():
			return n
		case <-tick.C:
			n++
			beat(n)
		}
	}
}
