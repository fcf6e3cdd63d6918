package main

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/user"
	"path/filepath"
	"time"

	"github.com/asyncgo/course/tools/internal/chapter"
)

// This file is the command serve: a live notebook of the course on a
// loopback address. It builds the site in memory and serves the last good
// build (live.go), rebuilds it when its sources change (watch.go), and
// runs the listings a reader edits (runner.go, drafts.go), behind a guard
// (guard.go).

// serveOptions are serve's own flags.
type serveOptions struct {
	addr        string        // -addr
	allowRemote bool          // -allow-remote
	runTimeout  time.Duration // -run-timeout
}

// buildAndServe builds the site and serves it live on so.addr until ctx is
// done. An address that is not a loopback one needs so.allowRemote, and
// gets a warning. Inside the course's repository the theme is read from
// tools/site on disk, so that edits of the templates and the style show
// live; elsewhere it is o.theme.
func buildAndServe(ctx context.Context, o options, so serveOptions, stdout, stderr io.Writer) error {
	host, _, err := net.SplitHostPort(so.addr)
	if err != nil {
		return err
	}
	ip := net.ParseIP(host)
	loopback := host == "localhost" || ip != nil && ip.IsLoopback()
	if !loopback && !so.allowRemote {
		return fmt.Errorf("-addr %s is not a loopback address: serve runs the code its pages send it, so it listens on this machine only; -allow-remote serves it to others", so.addr)
	}
	themeDir := diskTheme(o.chapters)
	if themeDir != "" {
		o.theme = os.DirFS(themeDir)
	}
	ln, err := net.Listen("tcp", so.addr)
	if err != nil {
		return err
	}
	if !loopback {
		who := "you"
		if u, err := user.Current(); err == nil {
			who = u.Username
		}
		_, port, _ := net.SplitHostPort(ln.Addr().String())
		fmt.Fprintf(stderr, "WARNING: serving on %s, not a loopback address: anyone who can reach it can run code on this machine as %s.\n", net.JoinHostPort(host, port), who)
	}
	s := newLiveSite(o, rand.Text(), stdout)
	s.rebuild(true)
	w, err := newWatcher(s, themeDir)
	if err != nil {
		ln.Close()
		return err
	}
	watching := make(chan error, 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() { watching <- w.run(ctx) }()
	err = serve(ctx, ln, s, newRunner(s.currentCourse, so.runTimeout), stdout)
	cancel()
	return errors.Join(err, <-watching)
}

// diskTheme returns the directory of the site tool in the repository that
// holds the chapters directory, when it has the theme (templates, assets
// and course.json), or "".
func diskTheme(chapters string) string {
	root, _, err := chapter.Module(chapters)
	if err != nil {
		return ""
	}
	dir := filepath.Join(root, "tools", "site")
	for _, p := range []string{"templates/layout.html", "assets/style.css", "course.json"} {
		if _, err := fs.Stat(os.DirFS(dir), p); err != nil {
			return ""
		}
	}
	return dir
}

// serve serves the live site s and its runner rn on ln until ctx is done,
// then shuts the server down: requests in flight, runs and event streams
// included, end with ctx.
func serve(ctx context.Context, ln net.Listener, s *liveSite, rn *runner, stdout io.Writer) error {
	srv := &http.Server{
		Handler:           newGuard(ln.Addr(), s.token).wrap(s.mux(rn)),
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	srv.RegisterOnShutdown(s.events.close)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	fmt.Fprintf(stdout, "Serving http://%s/\n", ln.Addr())
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := srv.Shutdown(shutdown)
	if serveErr := <-errc; !errors.Is(serveErr, http.ErrServerClosed) {
		return serveErr
	}
	return err
}

// mux routes the requests of the live server: the API, and the site.
func (s *liveSite) mux(rn *runner) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/api/run", rn.serveRun)
	mux.HandleFunc("/api/file", rn.serveFile)
	mux.HandleFunc("/api/draft", rn.serveDraft)
	mux.HandleFunc("/api/events", s.serveEvents)
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such endpoint: "+r.URL.Path)
	})
	mux.HandleFunc("/", s.serveFiles)
	return mux
}
