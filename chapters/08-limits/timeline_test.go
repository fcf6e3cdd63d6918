package limits

import (
	"context"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// TestTimelineSVG records when each of ten 1 s jobs ran under RunChan with
// a limit of 3, on fake time, and draws timeline.svg from that record
// (-update rewrites it).
func TestTimelineSVG(t *testing.T) {
	var spans []Span
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		var mu sync.Mutex
		jobs := make([]Job, 10)
		for i := range jobs {
			jobs[i] = func(ctx context.Context) error {
				s := Span{Job: i, Start: time.Since(start)}
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
	byJob := make([]Span, len(spans))
	for _, s := range spans {
		byJob[s.Job] = s
	}
	for i, s := range byJob {
		wave := time.Duration(i/3) * time.Second // jobs 0-2, 3-5, 6-8, 9
		if s.Start != wave || s.End != wave+time.Second {
			t.Errorf("job %d ran %v to %v, want %v to %v", i, s.Start, s.End, wave, wave+time.Second)
		}
	}
	svg := TimelineSVG("Ten jobs of 1 s, at most 3 at a time: four waves, 4 s", byJob)
	checkGolden(t, "timeline.svg", svg)
}
