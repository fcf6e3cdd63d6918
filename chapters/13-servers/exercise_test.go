package servers

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The tests run Serve in a synctest bubble, on fake time, over pipeListener:
// an in-memory network (see pipenet_test.go). Every wait is guarded by an
// hour of fake time, so a Serve that never returns fails with a message
// instead of hanging.

// job is a test handler that works for d and then answers "done", unless its
// request's context is done first: then it takes cleanup to tidy up, and
// returns without an answer. It records when its context was canceled, as a
// duration since it was made. It also stops when the test ends (quit), so
// that a wrong Serve cannot leave it blocked in the bubble.
type job struct {
	made        time.Time
	quit        <-chan struct{}
	d, cleanup  time.Duration
	started     chan struct{} // closed when the handler starts
	returned    chan struct{} // closed when it returns
	canceledAt  time.Duration // when its request's context was done, if it was
	wasCanceled bool
}

func newJob(t *testing.T, d, cleanup time.Duration) *job {
	return &job{made: time.Now(), quit: t.Context().Done(), d: d, cleanup: cleanup,
		started: make(chan struct{}), returned: make(chan struct{})}
}

func (j *job) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	close(j.started) // one request per job
	defer close(j.returned)
	select {
	case <-time.After(j.d):
		io.WriteString(w, "done")
	case <-r.Context().Done():
		j.canceledAt, j.wasCanceled = time.Since(j.made), true
		select {
		case <-time.After(j.cleanup):
		case <-j.quit:
		}
	case <-j.quit:
	}
}

// A reply is what a client got.
type reply struct {
	body string
	err  error
}

// get sends a GET for path to ln in a new goroutine, and delivers its reply.
func get(t *testing.T, ln *pipeListener, path string) <-chan reply {
	replies := make(chan reply, 1)
	go func() {
		req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, "http://pipe/"+path, nil)
		resp, err := ln.Client.Do(req)
		if err != nil {
			replies <- reply{err: err}
			return
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		replies <- reply{body: string(body), err: err}
	}()
	return replies
}

// A served is what Serve returned, and when.
type served struct {
	cutOff int
	err    error
	at     time.Duration
}

// startServe runs Serve in a new goroutine and delivers what it returned.
// If Serve is still running when the test ends, the cleanup closes every
// connection and waits up to an hour of fake time for it to return, so that
// a wrong Serve fails its test and not, with a deadlock, the whole run.
func startServe(t *testing.T, ctx context.Context, ln net.Listener, h http.Handler, grace time.Duration) <-chan served {
	epoch := time.Now()
	result := make(chan served, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		n, err := Serve(ctx, ln, h, grace)
		result <- served{n, err, time.Since(epoch)}
	}()
	t.Cleanup(func() {
		if pl, ok := ln.(*pipeListener); ok {
			pl.closeAll()
		}
		select {
		case <-done:
		case <-time.After(time.Hour):
			t.Error("Serve was still running an hour of fake time after the test ended, with every connection closed")
		}
	})
	return result
}

// A rig is Serve at work: on an in-memory listener, with a grace period of
// 5s, routing a request for /name to jobs[name].
type rig struct {
	ln      *pipeListener
	cancel  context.CancelFunc // ends Serve's ctx
	result  <-chan served
	replies map[string]<-chan reply
}

// startRig starts Serve at time 0, sends one request to each job, and
// waits until every one has reached its handler.
func startRig(t *testing.T, jobs map[string]*job) *rig {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	t.Cleanup(cancel)
	r := &rig{ln: newPipeListener(t), cancel: cancel, replies: map[string]<-chan reply{}}
	handler := http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		jobs[req.URL.Path[1:]].ServeHTTP(w, req)
	})
	r.result = startServe(t, ctx, r.ln, handler, 5*time.Second)
	for name, j := range jobs {
		r.replies[name] = get(t, r.ln, name)
		await(t, j.started, "the request to reach the handler: serve ln with h (http.Server{Handler: h}.Serve(ln), in a goroutine)")
	}
	return r
}

// await returns the next value from c, or fails the test after an hour of
// fake time, saying what it was waiting for.
func await[T any](t *testing.T, c <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-c:
		return v
	case <-time.After(time.Hour):
		t.Fatalf("still waiting after 1h of fake time for %s", what)
		var zero T
		return zero
	}
}

// Before ctx is done, Serve serves; after, with nothing in flight, it
// returns 0 and nil at once.
func TestServeUntilCtxIsDone(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		quick := newJob(t, time.Second, 0)
		r := startRig(t, map[string]*job{"quick": quick})
		rep := await(t, r.replies["quick"], "the reply to a request")
		require.NoError(t, rep.err, "a request sent before ctx is done must be served")
		assert.Equal(t, "done", rep.body, "the reply to a request sent before ctx is done")

		synctest.Wait()
		select {
		case res := <-r.result:
			t.Fatalf("Serve returned (%d, %v) before ctx was done: it must serve until ctx is done", res.cutOff, res.err)
		default:
		}

		time.Sleep(time.Second)
		r.cancel() // at 2s
		res := await(t, r.result, "Serve to return after ctx was done, with no request in flight: call Shutdown when ctx is done")
		assert.NotErrorIs(t, res.err, http.ErrServerClosed,
			"Serve returned http.ErrServerClosed: that is what srv.Serve returns once Shutdown has begun; it is not a failure: return nil")
		assert.NoError(t, res.err, "nothing was in flight when ctx was done: a clean shutdown returns nil")
		assert.Zero(t, res.cutOff, "nothing was in flight when ctx was done: nothing was cut off")
		assert.Equal(t, 2*time.Second, res.at, "Serve must return as soon as ctx is done when nothing is in flight")
	})
}

// A request in flight when ctx is done gets to finish, with its context
// intact; Serve returns once it has.
func TestServeDrainsRequestsInFlight(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		slow := newJob(t, 3*time.Second, 0)
		r := startRig(t, map[string]*job{"slow": slow})
		time.Sleep(time.Second)
		r.cancel() // at 1s, with the request in flight until 3s

		rep := await(t, r.replies["slow"], "the reply to the request in flight")
		require.NoError(t, rep.err, "the request in flight when ctx was done failed: it must get up to grace to finish. "+
			"Give Shutdown a context of its own with the grace period (ctx is already done: context.WithoutCancel(ctx))")
		<-slow.returned
		assert.False(t, slow.wasCanceled,
			"the request's context was canceled at %v, when ctx was done: requests in flight must keep their contexts; do not derive them from ctx (BaseContext)", slow.canceledAt)
		assert.Equal(t, "done", rep.body, "the reply to the request in flight")

		res := await(t, r.result, "Serve to return after the last request finished")
		assert.NotErrorIs(t, res.err, context.Canceled,
			"Shutdown returned context.Canceled: its context was ctx, which is already done; give it a context of its own with the grace period (context.WithoutCancel(ctx))")
		assert.NoError(t, res.err, "every request finished within the grace period: a clean shutdown returns nil")
		assert.Zero(t, res.cutOff, "every request finished within the grace period: nothing was cut off")
		assert.GreaterOrEqual(t, res.at, 3*time.Second,
			"Serve returned while the request was still in flight (it finished at 3s): wait for Shutdown to return, not for srv.Serve, which returns at once")
		assert.LessOrEqual(t, res.at, 4*time.Second,
			"Serve returned long after the last request finished at 3s (Shutdown notices within 500ms)")
	})
}

// Once ctx is done, the listener is closed: new connections are refused,
// while a request in flight is still being served.
func TestServeRefusesNewConnections(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := startRig(t, map[string]*job{"slow": newJob(t, 3*time.Second, 0)})
		r.cancel() // at 0s, with the request in flight until 3s
		synctest.Wait()

		dialCtx, stop := context.WithTimeout(t.Context(), time.Second)
		defer stop()
		conn, err := r.ln.DialContext(dialCtx, "tcp", "pipe")
		if err == nil {
			conn.Close()
		}
		assert.ErrorIs(t, err, errRefused, "a new connection after ctx was done must be refused: Shutdown closes the listener")

		rep := await(t, r.replies["slow"], "the reply to the request in flight")
		assert.NoError(t, rep.err, "the request in flight when ctx was done must still be answered")
		await(t, r.result, "Serve to return after the request in flight finished")
	})
}

// When the grace period runs out, the requests still running are cut off:
// their contexts are canceled, Serve counts them and says why.
func TestServeCutsOffAfterGrace(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		jobs := map[string]*job{
			"quick":   newJob(t, 2*time.Second, 0),
			"stuck-1": newJob(t, 24*time.Hour, 0),
			"stuck-2": newJob(t, 24*time.Hour, 0),
		}
		r := startRig(t, jobs)
		time.Sleep(time.Second)
		r.cancel() // at 1s: the grace period ends at 6s

		res := await(t, r.result, "Serve to return: the grace period ended at 6s. "+
			"Give Shutdown a context with the grace period as its deadline; when it returns context.DeadlineExceeded, Close the server")
		assert.Equal(t, 2, res.cutOff, "two requests were still running when the grace period ended")
		assert.ErrorIs(t, res.err, context.DeadlineExceeded, "requests were cut off: the error must wrap Shutdown's context.DeadlineExceeded")
		assert.Equal(t, 6*time.Second, res.at, "Serve must return when the grace period ends: 1s (ctx done) + 5s")

		q := await(t, r.replies["quick"], "the reply to the quick request")
		assert.NoError(t, q.err, "the quick request finished within the grace period")
		assert.Equal(t, "done", q.body, "the reply to the quick request")
		for _, name := range []string{"stuck-1", "stuck-2"} {
			j := jobs[name]
			select {
			case <-j.returned:
			default:
				t.Fatalf("%s: the handler was still running when Serve returned: after the grace period, Close the server, and wait for the handlers", name)
			}
			assert.True(t, j.wasCanceled && j.canceledAt == 6*time.Second,
				"%s: its request's context must be canceled when the grace period ends (6s); canceled: %v, at %v: Close the server then", name, j.wasCanceled, j.canceledAt)
			assert.Error(t, (<-r.replies[name]).err, "%s: the client of a request cut off gets an error", name)
		}
	})
}

// Serve returns only after every handler has returned, even one that takes
// time to stop after its context is canceled.
func TestServeWaitsForHandlers(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		slowToStop := newJob(t, 24*time.Hour, time.Second) // one more second once canceled
		r := startRig(t, map[string]*job{"slow-to-stop": slowToStop})
		time.Sleep(time.Second)
		r.cancel() // at 1s: cut off at 6s, the handler returns at 7s

		res := await(t, r.result, "Serve to return after the handler it cut off returned")
		select {
		case <-slowToStop.returned:
		default:
			t.Fatalf("Serve returned at %v while the handler it cut off was still running: Close does not wait; wait for the handlers (or connections) to finish", res.at)
		}
		assert.Equal(t, 7*time.Second, res.at, "the handler returned at 7s (cut off at 6s, then 1s to stop): Serve must return then")
		assert.Equal(t, 1, res.cutOff, "one request was cut off")
		<-r.replies["slow-to-stop"]
	})
}

// failingListener's Accept fails at once, as a listener out of file
// descriptors would, for good.
type failingListener struct{}

var errAccept = errors.New("accept: too many open files")

func (failingListener) Accept() (net.Conn, error) { return nil, errAccept }
func (failingListener) Close() error              { return nil }
func (failingListener) Addr() net.Addr            { return pipeAddr{} }

// A failure to accept before ctx is done ends Serve with that failure.
func TestServeReportsAcceptFailure(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		result := startServe(t, t.Context(), failingListener{}, http.NotFoundHandler(), 5*time.Second)
		res := await(t, result, "Serve to return after accepting failed (ctx is never done): when srv.Serve returns, Serve must return too")
		assert.ErrorIs(t, res.err, errAccept, "accepting failed: Serve must return an error that wraps srv.Serve's error")
		assert.Zero(t, res.at, "accepting failed at once: Serve must not wait for ctx")
	})
}
