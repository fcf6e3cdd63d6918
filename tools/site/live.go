package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/asyncgo/course/tools/internal/problem"
)

// This file is the site that serve shows: the last good build, in memory,
// rebuilt when the chapters or the theme change (watch.go). Its pages
// carry the run token (<meta name="course-run-token">) and allow requests
// to the server itself (connect-src 'self' in their Content-Security-
// Policy); the site written to -out never does. After each good build it
// writes the READMEs and -out, as make site does; a failed build keeps the
// last good site and sends its problems to the open pages, whose script
// shows them over the page (assets/runner.js).

// A liveSite is the site a live server serves.
type liveSite struct {
	o     options   // how to build it; o.out is written after each good build
	token string    // the run token of the pages
	log   io.Writer // where each build says what it did

	mu       sync.Mutex
	files    map[string][]byte // the last good site, as built and written to o.out
	served   map[string][]byte // the same as served: the HTML pages carry the token
	etags    map[string]string // the entity tag of each file served
	course   *course           // its chapters
	problems []string          // the last build's problems, or none when it was good
	verified map[string]bool   // outputs verified since the chapters' code last changed
	written  map[string]string // the READMEs the site wrote, by path, as written

	events *hub
}

// newLiveSite returns a live site, built from o, not built yet.
func newLiveSite(o options, token string, log io.Writer) *liveSite {
	return &liveSite{o: o, token: token, log: log, written: make(map[string]string), events: newHub()}
}

// rebuild builds the site. When codeChanged is set, something other than
// a README changed since the last build, so the outputs verified before
// are verified again. After a good build it serves the new site, tells the
// open pages which files changed, and then writes the READMEs that changed
// and o.out; after a failed one, it keeps the last good site and sends the
// pages the problems.
func (s *liveSite) rebuild(codeChanged bool) {
	s.mu.Lock()
	if codeChanged || s.verified == nil {
		s.verified = make(map[string]bool)
	}
	o := s.o
	o.verify, o.verified = true, maps.Clone(s.verified)
	old := s.files
	s.mu.Unlock()

	start := time.Now()
	res, err := build(o)
	if res != nil {
		printNotices(s.log, res.notices)
	}
	if err != nil {
		s.fail(err)
		return
	}
	changed := diffFiles(res.files, old)
	s.mu.Lock()
	for _, k := range res.verified {
		s.verified[k] = true
	}
	for name, b := range res.readmes {
		s.written[name] = string(b) // before the write, which the watcher sees
	}
	wasFailing := s.problems != nil
	s.files, s.course, s.problems = res.files, res.course, nil
	s.served, s.etags = withRunToken(res.files, s.token)
	s.mu.Unlock()
	if len(changed) > 0 || wasFailing {
		s.events.send(liveEvent{"reload", changed})
	}
	// The pages reload from memory meanwhile.
	err = writeReadmes(res.readmes)
	if err == nil && len(changed) > 0 {
		err = writeSite(res.files, o.out)
	}
	if err != nil {
		s.fail(err)
		return
	}
	if err := res.saveHighlights(); err != nil {
		fmt.Fprintf(s.log, "note: the cache of highlighted code was not saved (the next build will take longer): %v\n", err)
	}
	if len(changed) > 0 {
		fmt.Fprintf(s.log, "built in %v: wrote %s, %d files changed\n", time.Since(start).Round(time.Millisecond), o.out, len(changed))
	}
}

// fail records the problems of a build, or of writing its result, and
// sends them to the open pages.
func (s *liveSite) fail(err error) {
	problems := problemLines(err)
	s.mu.Lock()
	s.problems = problems
	s.mu.Unlock()
	s.events.send(liveEvent{"problems", problems})
	fmt.Fprintf(s.log, "%v\nthe build failed: still serving the last good site\n", err)
}

// ownWrite reports whether the file name holds what the site last wrote
// to it: a README it refreshed.
func (s *liveSite) ownWrite(name string, content []byte) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	w, ok := s.written[name]
	return ok && w == string(content)
}

// currentCourse returns the chapters of the last good build, or nil.
func (s *liveSite) currentCourse() *course {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.course
}

// problemLines returns the lines of a build's error: one per problem.
func problemLines(err error) []string {
	if l, ok := errors.AsType[*problem.ListError](err); ok {
		lines := make([]string, len(l.Problems))
		for i, p := range l.Problems {
			lines[i] = p.Error()
		}
		return lines
	}
	return []string{err.Error()}
}

// cspMeta starts the Content-Security-Policy of a page, up to its policy.
var cspMeta = []byte(`<meta http-equiv="Content-Security-Policy" content="`)

// withRunToken returns files with every HTML page carrying the run token
// (see addRunToken), and the entity tag of each file: a hash of its
// content. Browsers revalidate a page with its tag: a modification time
// would tell two builds of the same second apart.
func withRunToken(files map[string][]byte, token string) (map[string][]byte, map[string]string) {
	served, etags := make(map[string][]byte, len(files)), make(map[string]string, len(files))
	for p, b := range files {
		if path.Ext(p) == ".html" {
			b = addRunToken(b, token)
		}
		sum := sha256.Sum256(b)
		served[p], etags[p] = b, `"`+hex.EncodeToString(sum[:12])+`"`
	}
	return served, etags
}

// addRunToken returns page with <meta name="course-run-token"> after its
// Content-Security-Policy, which it extends with connect-src 'self' so
// that the page's script may call the server. A page without a policy gets
// the token at the start of its head.
func addRunToken(page []byte, token string) []byte {
	meta := `<meta name="course-run-token" content="` + template.HTMLEscapeString(token) + `">`
	var b bytes.Buffer
	i := bytes.Index(page, cspMeta)
	if i < 0 {
		h := bytes.Index(page, []byte("<head>"))
		if h < 0 {
			return page
		}
		h += len("<head>")
		b.Write(page[:h])
		b.WriteString("\n" + meta)
		b.Write(page[h:])
		return b.Bytes()
	}
	start := i + len(cspMeta)
	end := bytes.IndexByte(page[start:], '"')
	closeTag := bytes.IndexByte(page[start:], '>')
	if end < 0 || closeTag < end {
		return page
	}
	end += start
	closeTag += start + 1
	b.Write(page[:end])
	b.WriteString("; connect-src 'self'")
	b.Write(page[end:closeTag])
	b.WriteString("\n" + meta)
	b.Write(page[closeTag:])
	return b.Bytes()
}

// serveFiles serves the site from memory: a directory's index.html for
// the directory, a redirect from .../index.html to the directory, and
// 404.html with status 404 for a path that names no file. Before the first
// good build, it serves a page that lists the problems instead.
func (s *liveSite) serveFiles(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "the site is read only", http.StatusMethodNotAllowed)
		return
	}
	s.mu.Lock()
	files, etags, problems := s.served, s.etags, s.problems
	s.mu.Unlock()
	p := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if files == nil {
		s.serveNoSite(w, r, p, problems)
		return
	}
	switch {
	case strings.HasSuffix(r.URL.Path, "/index.html"):
		http.Redirect(w, r, "./", http.StatusMovedPermanently)
		return
	case p == "":
		p = "index.html"
	case files[p] == nil && files[p+"/index.html"] != nil:
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, path.Base(p)+"/", http.StatusMovedPermanently)
			return
		}
		p += "/index.html"
	}
	b, ok := files[p]
	if !ok {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write(files["404.html"])
		return
	}
	serveBytes(w, r, p, etags[p], b)
}

// serveBytes serves b as the file p, with the entity tag etag (or none),
// which browsers revalidate before every use, so that a reload shows the
// new build.
func serveBytes(w http.ResponseWriter, r *http.Request, p, etag string, b []byte) {
	ctype := mime.TypeByExtension(path.Ext(p))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-cache")
	if etag != "" {
		w.Header().Set("ETag", etag)
	}
	http.ServeContent(w, r, p, time.Time{}, bytes.NewReader(b))
}

// noSitePage is what serve shows before its first good build: the
// problems, and the script that reloads the page when the site builds.
var noSitePage = template.Must(template.New("").Parse(`<!doctype html>
<html lang="en" data-root="/">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'; connect-src 'self'">
<meta name="course-run-token" content="{{.Token}}">
<title>The site did not build</title>
<link rel="stylesheet" href="/assets/style.css">
<link rel="stylesheet" href="/assets/runner.css">
<script src="/assets/runner.js" defer></script>
</head>
<body>
<main class="content no-site">
<h1>The site did not build</h1>
<p>Fix these problems: this page reloads when the site builds.</p>
<pre>{{range .Problems}}{{.}}
{{end}}</pre>
</main>
</body>
</html>
`))

// serveNoSite serves the page of a site that has not built yet, and the
// theme's assets it uses.
func (s *liveSite) serveNoSite(w http.ResponseWriter, r *http.Request, p string, problems []string) {
	if strings.HasPrefix(p, "assets/") {
		if b, err := fs.ReadFile(s.o.theme, p); err == nil {
			serveBytes(w, r, p, "", b)
			return
		}
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusServiceUnavailable)
	_ = noSitePage.Execute(w, map[string]any{"Token": s.token, "Problems": problems})
}

// serveEvents answers GET /api/events: server-sent events that tell an
// open page to reload (after a good build: "reload", with the site paths
// that changed) or to show the build's problems ("problems", with the
// lines), starting with the problems if the last build failed.
func (s *liveSite) serveEvents(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", http.MethodGet)
		writeError(w, http.StatusMethodNotAllowed, "use GET (an EventSource) for the events")
		return
	}
	events, unsubscribe := s.events.subscribe()
	defer unsubscribe()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	rc := http.NewResponseController(w)
	s.mu.Lock()
	problems := s.problems
	s.mu.Unlock()
	if problems != nil {
		writeEvent(w, "problems", problems)
	} else {
		fmt.Fprint(w, ": connected\n\n")
	}
	if rc.Flush() != nil {
		return
	}
	for {
		select {
		case e, ok := <-events:
			if !ok {
				return // the server is shutting down
			}
			writeEvent(w, e.name, e.data)
			if rc.Flush() != nil {
				return
			}
		case <-r.Context().Done():
			return
		}
	}
}

// A liveEvent is an event for the open pages.
type liveEvent struct {
	name string // "reload" or "problems"
	data any    // sent as JSON
}

// A hub passes events to every open page.
type hub struct {
	mu     sync.Mutex
	subs   map[chan liveEvent]bool
	closed bool
}

func newHub() *hub { return &hub{subs: make(map[chan liveEvent]bool)} }

// subscribe returns a channel of the events to come, closed when the hub
// closes, and the function that ends the subscription.
func (h *hub) subscribe() (<-chan liveEvent, func()) {
	h.mu.Lock()
	defer h.mu.Unlock()
	c := make(chan liveEvent, 16)
	if h.closed {
		close(c)
		return c, func() {}
	}
	h.subs[c] = true
	return c, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		if h.subs[c] {
			delete(h.subs, c)
			close(c)
		}
	}
}

// send passes e to every subscriber that has room for it: a page that
// does not keep up misses events, and its next reload catches up.
func (h *hub) send(e liveEvent) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.subs {
		select {
		case c <- e:
		default:
		}
	}
}

// close ends every subscription, now and to come.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for c := range h.subs {
		delete(h.subs, c)
		close(c)
	}
}
