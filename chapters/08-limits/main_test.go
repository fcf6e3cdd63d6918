package limits

import (
	"context"
	"flag"
	"os"
	"testing"
	"time"

	"github.com/asyncgo/course/chapters/internal/pycheck"
	"go.uber.org/goleak"
)

var update = flag.Bool("update", false, "rewrite the golden files (timeline.svg, testdata/backpressure.md)")

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

// checkGolden compares got with the file at path, or rewrites it with -update.
func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run %s -update to create it)", err, t.Name())
	}
	if string(want) != got {
		t.Errorf("%s is stale: run go test -run %s -update\n--- got:\n%s", path, t.Name(), got)
	}
}
