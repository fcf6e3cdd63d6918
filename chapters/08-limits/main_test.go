package limits

import (
	"context"
	"testing"
	"time"

	"github.com/asyncgo/course/chapters/internal/pycheck"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestPython(t *testing.T) { pycheck.Check(t, "python") }

// sleepJob returns a job that counts itself in g and takes d on the clock,
// or less when ctx is done first.
func sleepJob(g *Gauge, d time.Duration) Job {
	return func(ctx context.Context) error {
		g.Enter()
		defer g.Leave()
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
			return nil
		case <-ctx.Done():
			return context.Cause(ctx)
		}
	}
}

// sleepJobs returns n jobs made by sleepJob.
func sleepJobs(n int, g *Gauge, d time.Duration) []Job {
	jobs := make([]Job, n)
	for i := range jobs {
		jobs[i] = sleepJob(g, d)
	}
	return jobs
}
