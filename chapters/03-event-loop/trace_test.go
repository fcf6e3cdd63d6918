package eventloop_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/asyncgo/course/chapters/03-event-loop"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// threeSleepers is the chapter's first picture: three tasks sleeping 3 s,
// 1 s and 2 s at the same time, gathered by main.
func threeSleepers(t *testing.T) *eventloop.Trace {
	l := eventloop.New(eventloop.VirtualClock())
	tr := l.Record()
	tr.Title = "Three tasks sleep 3 s, 1 s and 2 s at once: all done at 3 s"
	run(t, l, func(t *eventloop.Task) error {
		var fs []*eventloop.Future[time.Duration]
		for _, d := range []time.Duration{3 * time.Second, time.Second, 2 * time.Second} {
			fs = append(fs, eventloop.Spawn(l, "sleep "+d.String(), func(t *eventloop.Task) (time.Duration, error) {
				return d, t.Sleep(d)
			}))
		}
		_, err := eventloop.Gather(t, fs...)
		return err
	})
	return tr
}

// ticker ticks every 100 ms, three times.
func ticker(t *eventloop.Task) (int, error) {
	for i := range 3 {
		if err := t.Sleep(100 * time.Millisecond); err != nil {
			return i, err
		}
	}
	return 3, nil
}

// blockingCall: a task holds the loop for 250 ms; the ticker is ready at
// 100 ms but runs only at 300 ms.
func blockingCall(t *testing.T) *eventloop.Trace {
	l := eventloop.New(eventloop.VirtualClock())
	tr := l.Record()
	tr.Title = "A 250 ms blocking call holds up the ticker"
	run(t, l, func(t *eventloop.Task) error {
		tick := eventloop.Spawn(l, "ticker", ticker)
		eventloop.Spawn(l, "blocker", func(t *eventloop.Task) (int, error) {
			if err := t.Sleep(50 * time.Millisecond); err != nil {
				return 0, err
			}
			t.Busy(250 * time.Millisecond)
			return 0, nil
		})
		_, err := tick.Await(t)
		return err
	})
	return tr
}

// executor: the same 250 ms of work handed to a goroutine; the ticker keeps
// its rhythm.
func executor(t *testing.T) *eventloop.Trace {
	l := eventloop.New(eventloop.VirtualClock())
	tr := l.Record()
	tr.Title = "The same work in RunInExecutor: the ticker keeps time"
	run(t, l, func(t *eventloop.Task) error {
		tick := eventloop.Spawn(l, "ticker", ticker)
		eventloop.Spawn(l, "offloader", func(t *eventloop.Task) (int, error) {
			if err := t.Sleep(50 * time.Millisecond); err != nil {
				return 0, err
			}
			return eventloop.RunInExecutor(l, "executor job", 250*time.Millisecond, func() (int, error) {
				return 42, nil
			}).Await(t)
		})
		_, err := tick.Await(t)
		return err
	})
	return tr
}

func TestTimelineSVG(t *testing.T) {
	for name, make := range map[string]func(*testing.T) *eventloop.Trace{
		"three-sleepers": threeSleepers,
		"blocking-call":  blockingCall,
		"executor":       executor,
	} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := make(t).SVG(&buf); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", name+".svg")
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s is stale: run go test ./chapters/03-event-loop/ -run TestTimelineSVG -update, then look at the picture", golden)
			}
			for _, must := range []string{"<title", "<desc", `role="img"`, "currentColor", "prefers-color-scheme:dark"} {
				if !strings.Contains(buf.String(), must) {
					t.Errorf("%s lacks %s", golden, must)
				}
			}
		})
	}
}

// The trace itself: what the picture is drawn from.
func TestTraceThreeSleepers(t *testing.T) {
	tr := threeSleepers(t)
	want := map[string][]eventloop.Span{
		"main": { // zero-length Ready spans are not kept
			{State: eventloop.Running, Start: 0, End: 0},
			{State: eventloop.Waiting, Start: 0, End: 3 * time.Second},
			{State: eventloop.Running, Start: 3 * time.Second, End: 3 * time.Second},
		},
		"sleep 1s": {
			{State: eventloop.Running, Start: 0, End: 0},
			{State: eventloop.Waiting, Start: 0, End: time.Second},
			{State: eventloop.Running, Start: time.Second, End: time.Second},
		},
	}
	if tr.End != 3*time.Second || len(tr.Tasks) != 4 {
		t.Fatalf("trace ends at %v with %d tasks, want 3s and 4", tr.End, len(tr.Tasks))
	}
	for _, row := range tr.Tasks {
		if !row.Finished {
			t.Errorf("%s: not finished", row.Name)
		}
		if w, ok := want[row.Name]; ok && !slices.Equal(row.Spans, w) {
			t.Errorf("%s: spans %v, want %v", row.Name, row.Spans, w)
		}
	}
}
