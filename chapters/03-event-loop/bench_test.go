package eventloop_test

import (
	"fmt"
	"iter"
	"testing"

	"github.com/asyncgo/course/chapters/03-event-loop"
)

// BenchmarkLoopSwitch measures one task switch on the loop: a task yields
// (asyncio's await asyncio.sleep(0)), the loop takes the next ready task and
// resumes it. b.N switches are spread over the tasks; ns/op is per switch.
// The loop runs on the real clock, which it reads only when timers are set.
func BenchmarkLoopSwitch(b *testing.B) {
	for _, n := range []int{1, 100, 10000} {
		b.Run(fmt.Sprintf("tasks=%d", n), func(b *testing.B) {
			l := eventloop.New(eventloop.RealClock())
			fs := make([]*eventloop.Future[struct{}], n)
			for i := range fs {
				k := b.N / n // task i yields k or k+1 times: b.N in all
				if i < b.N%n {
					k++
				}
				fs[i] = eventloop.Spawn(l, "worker", func(t *eventloop.Task) (struct{}, error) {
					for range k {
						if err := t.Yield(); err != nil {
							return struct{}{}, err
						}
					}
					return struct{}{}, nil
				})
			}
			b.ReportAllocs()
			b.ResetTimer()
			err := l.Run(func(t *eventloop.Task) error {
				for _, f := range fs {
					if _, err := f.Await(t); err != nil {
						return err
					}
				}
				return nil
			})
			b.StopTimer()
			if err != nil {
				b.Fatal(err)
			}
		})
	}
}

// BenchmarkPullSwitch measures one next() of a raw iter.Pull coroutine: a
// switch into the coroutine and back, the floor for any loop built on it.
func BenchmarkPullSwitch(b *testing.B) {
	next, stop := iter.Pull(func(yield func(struct{}) bool) {
		for yield(struct{}{}) {
		}
	})
	defer stop()
	b.ReportAllocs()
	for b.Loop() {
		next()
	}
}

// BenchmarkChannelHandoff measures one one-way hand-off between two
// goroutines over unbuffered channels: main sends a ping, the echo goroutine
// sends a pong back; each op is one of the two.
func BenchmarkChannelHandoff(b *testing.B) {
	ping, pong := make(chan struct{}), make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range ping {
			pong <- struct{}{}
		}
	}()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i%2 == 0 {
			ping <- struct{}{}
		} else {
			<-pong
		}
		i++
	}
	if i%2 == 1 { // the last ping's pong is still on its way
		<-pong
	}
	close(ping)
	<-done
}
