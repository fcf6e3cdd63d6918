package limits

import (
	"context"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/asyncgo/course/chapters/internal/figure"
	"github.com/asyncgo/course/chapters/internal/golden"
	"github.com/stretchr/testify/assert"
)

// TestTimelineSVG records when each of ten 1 s jobs ran under RunChan with
// a limit of 3, on fake time, and draws timeline.svg from that record
// (-update rewrites it).
func TestTimelineSVG(t *testing.T) {
	var spans []figure.Job
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		var mu sync.Mutex
		jobs := make([]Job, 10)
		for i := range jobs {
			jobs[i] = func(ctx context.Context) error {
				s := figure.Job{ID: i, Start: time.Since(start)}
				time.Sleep(time.Second)
				s.End = time.Since(start)
				mu.Lock()
				defer mu.Unlock()
				spans = append(spans, s)
				return nil
			}
		}
		if err := RunChan(t.Context(), jobs, 3); err != nil {
			t.Fatal(err)
		}
	})
	byJob := make([]figure.Job, len(spans))
	for _, s := range spans {
		byJob[s.ID] = s
	}
	for i, s := range byJob {
		wave := time.Duration(i/3) * time.Second // jobs 0-2, 3-5, 6-8, 9
		assert.Equal(t, figure.Job{ID: i, Start: wave, End: wave + time.Second}, s, "job %d", i)
	}
	tl := figure.WaveTimeline{Title: "Ten jobs of 1 s, at most 3 at a time: four waves, 4 s", Jobs: byJob}
	golden.Check(t, "timeline.svg", tl.SVG())
}
