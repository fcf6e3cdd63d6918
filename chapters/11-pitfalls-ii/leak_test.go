package pitfallsii

import (
	"runtime"
	"strings"
	"testing"
	"testing/synctest"

	"go.uber.org/goleak"
)

// A goroutine is never garbage collected: it runs until its function returns,
// however unreachable the channel it waits on. Here one waits for a reply that
// never comes. A full collection leaves it where it was, and goleak lists it.
// (The test runs in a synctest bubble so that goleak's retries, which sleep,
// take no real time.)
func TestALeakedGoroutineIsNeverCollected(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		before := goleak.IgnoreCurrent()
		reply := make(chan string)
		go func() {
			<-reply // fire and forget: nobody will ever send
		}()
		synctest.Wait() // the goroutine is now blocked on reply

		runtime.GC()
		err := goleak.Find(before)
		if err == nil {
			t.Fatal("goleak found no leaked goroutine")
		}
		if !strings.Contains(err.Error(), "chan receive") {
			t.Errorf("want a goroutine in chan receive; goleak said:\n%v", err)
		}
		t.Logf("goleak: %v", err)

		close(reply) // let it finish, so this test leaks nothing itself
	})
}
