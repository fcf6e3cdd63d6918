package main

// Browser tests: build the site, open it in headless Chromium through chromedp
// and check what a reader sees and does: no script errors, no failed or
// foreign requests, search, theme toggle, arrow-key navigation, no sideways
// scrolling on a phone, and the same from file://.
//
// The tests skip when no Chromium is installed; REQUIRE_BROWSER=1 (set in CI)
// turns the skip into a failure. Screenshots go to $BROWSER_SCREENSHOTS, or to
// $TMPDIR/course-screenshots.

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/asyncgo/course/tools/internal/chapter"
)

// stepTimeout bounds every browser step; the machine may be slow and shared.
const stepTimeout = 45 * time.Second

// browserExecPath returns the first of chromium, chromium-browser and
// google-chrome (which GitHub's Ubuntu runners have) on PATH. It
// skips the test when there is none, or fails it when REQUIRE_BROWSER=1.
func browserExecPath(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("REQUIRE_BROWSER") == "1" {
		t.Fatal("no chromium or chromium-browser on PATH, and REQUIRE_BROWSER=1")
	}
	t.Skip("browser test skipped: no chromium or chromium-browser on PATH (install Debian's chromium; REQUIRE_BROWSER=1 makes this a failure)")
	return ""
}

// browserSource returns the chapters directory the browser tests build:
// $BROWSER_CHAPTERS if set, else the real course when it has at least two
// chapters, else the pipeline's fixture.
func browserSource(t *testing.T) string {
	t.Helper()
	if dir := os.Getenv("BROWSER_CHAPTERS"); dir != "" {
		return dir
	}
	real := filepath.Join("..", "..", "chapters")
	if names, _ := chapter.List(real, "chapters"); len(names) >= 2 {
		return real
	}
	return filepath.Join("testdata", "fixture", "chapters")
}

// buildBrowserSite builds the site into a fresh temporary directory.
func buildBrowserSite(t *testing.T) string {
	t.Helper()
	src := browserSource(t)
	out := t.TempDir()
	if err := buildForBrowserTest(src, out); err != nil {
		t.Fatalf("building the site from %s: %v", src, err)
	}
	return out
}

// screenshotDir is where the screenshots go; it outlives the test.
func screenshotDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("BROWSER_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "course-screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("screenshot directory: %v", err)
	}
	return dir
}

// A tab is one browser tab with a record of everything that went wrong in it:
// JavaScript exceptions, console errors, browser log errors, failed requests,
// HTTP errors and requests that left the site.
type tab struct {
	ctx     context.Context
	allowed func(*url.URL) bool

	mu       sync.Mutex
	problems []string
	requests map[network.RequestID]string
}

// newBrowser starts Chromium and returns the context of its first tab. The
// browser stops when the test ends.
func newBrowser(t testing.TB) context.Context {
	t.Helper()
	execPath := browserExecPath(t)
	profile := t.TempDir() // registered first, so removed after the browser has exited
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(execPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1440, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx, chromedp.WithErrorf(t.Logf))
	t.Cleanup(func() {
		cancelCtx()   // closes the tab and the browser
		cancelAlloc() // waits for the process to exit
	})
	// Start the browser now, with a context that has no timeout: the first Run
	// binds the browser's life to its context.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", execPath, err)
	}
	return ctx
}

// openTab opens a new tab in the browser of parent (or uses parent's own tab
// when newTab is false) and starts recording problems in it.
func openTab(t testing.TB, parent context.Context, newTab bool, allowed func(*url.URL) bool) *tab {
	t.Helper()
	ctx := parent
	if newTab {
		var cancel context.CancelFunc
		ctx, cancel = chromedp.NewContext(parent)
		t.Cleanup(cancel)
	}
	tb := &tab{ctx: ctx, allowed: allowed, requests: make(map[network.RequestID]string)}
	if err := chromedp.Listen(ctx, tb.onEvent); err != nil {
		t.Fatalf("listening to the tab: %v", err)
	}
	return tb
}

// onEvent runs on chromedp's reader goroutine: it must return fast and run no
// command.
func (tb *tab) onEvent(ev any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventExceptionThrown:
		tb.addf("JavaScript exception: %s", exceptionText(ev.ExceptionDetails))
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range ev.Args {
				if a.Value != nil {
					args = append(args, string(a.Value))
				} else {
					args = append(args, a.Description)
				}
			}
			tb.addf("console.%s: %s", ev.Type, strings.Join(args, " "))
		}
	case *log.EventEntryAdded:
		if ev.Entry != nil && ev.Entry.Level == log.EntryLevelError {
			tb.addf("browser log error (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
		}
	case *network.EventRequestWillBeSent:
		if ev.Request == nil {
			return
		}
		tb.requests[ev.RequestID] = ev.Request.URL
		u, err := url.Parse(ev.Request.URL)
		if err != nil || !tb.allowed(u) {
			tb.addf("request outside the site: %s", ev.Request.URL)
		}
	case *network.EventLoadingFailed:
		tb.addf("request failed: %s: %s %s", tb.requests[ev.RequestID], ev.ErrorText, ev.BlockedReason)
	case *network.EventResponseReceived:
		if ev.Response != nil && ev.Response.Status >= 400 {
			tb.addf("HTTP %d for %s", ev.Response.Status, ev.Response.URL)
		}
	}
}

func (tb *tab) addf(format string, args ...any) {
	tb.problems = append(tb.problems, fmt.Sprintf(format, args...))
}

func exceptionText(d *runtime.ExceptionDetails) string {
	if d == nil {
		return "(no details)"
	}
	s := d.Text
	if d.Exception != nil && d.Exception.Description != "" {
		s += " " + d.Exception.Description
	}
	return fmt.Sprintf("%s (%s:%d:%d)", s, d.URL, d.LineNumber+1, d.ColumnNumber+1)
}

// checkProblems fails t for every problem recorded since the last check.
func (tb *tab) checkProblems(t *testing.T, where string) {
	t.Helper()
	tb.mu.Lock()
	ps := tb.problems
	tb.problems = nil
	tb.mu.Unlock()
	seen := make(map[string]int)
	var order []string
	for _, p := range ps {
		if seen[p] == 0 {
			order = append(order, p)
		}
		seen[p]++
	}
	for _, p := range order {
		if n := seen[p]; n > 1 {
			t.Errorf("%s: %s (%d times)", where, p, n)
		} else {
			t.Errorf("%s: %s", where, p)
		}
	}
}

// do runs browser steps with a timeout and fails t on error.
func (tb *tab) do(t testing.TB, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// value runs one browser action that returns a value.
func value[T any](t testing.TB, tb *tab, what string, a chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t testing.TB, tb *tab, expr string) T {
	t.Helper()
	return value(t, tb, "evaluating "+expr, chromedp.Evaluate[T](expr))
}

// poll waits until a JavaScript expression is truthy.
func (tb *tab) poll(t *testing.T, what, expr string) {
	t.Helper()
	tb.do(t, what, chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
		_, err := chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(stepTimeout-5*time.Second))(ctx, target)
		return err
	}))
}

// navigate opens u and waits for its load event.
func (tb *tab) navigate(t testing.TB, u string) {
	t.Helper()
	tb.do(t, "opening "+u, chromedp.Navigate(u), chromedp.WaitReady(chromedp.CSS("body")))
}

// pressAndWaitLoad presses a key and waits for the page it opens to load.
func (tb *tab) pressAndWaitLoad(t *testing.T, what, key string) {
	t.Helper()
	tb.do(t, what, chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
		_, err := chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.KeyEvent(key))(ctx, target)
		return err
	}))
}

// screenshot saves a full-page PNG of the current page.
func (tb *tab) screenshot(t *testing.T, dir, name string) {
	t.Helper()
	png := value(t, tb, "screenshot "+name, chromedp.FullScreenshot(100))
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Errorf("saving screenshot: %v", err)
	}
}

// location returns the current URL without a trailing index.html, so that
// ".../await/index.html" and the file server's ".../await/" compare equal.
func (tb *tab) location(t *testing.T) string {
	t.Helper()
	loc := value(t, tb, "reading the location", chromedp.Location())
	if i := strings.IndexByte(loc, '#'); i >= 0 {
		loc = loc[:i]
	}
	return strings.TrimSuffix(loc, "index.html")
}

// pageBasics checks what every page needs: a language, alt text on every
// image, the CSP meta, the stylesheet applied and the scripts run.
func (tb *tab) pageBasics(t *testing.T, where string) {
	t.Helper()
	lang := eval[string](t, tb, `document.documentElement.lang`)
	if lang == "" {
		t.Errorf("%s: <html> has no lang attribute", where)
	}
	noAlt := eval[[]string](t, tb, `Array.from(document.images).filter(i => !i.hasAttribute("alt")).map(i => i.getAttribute("src"))`)
	if len(noAlt) > 0 {
		t.Errorf("%s: images without alt: %q", where, noAlt)
	}
	csp := eval[string](t, tb, `(document.querySelector('meta[http-equiv="Content-Security-Policy"]') || {}).content || ""`)
	if !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("%s: CSP meta missing or changed: %q", where, csp)
	}
	if !eval[bool](t, tb, `getComputedStyle(document.querySelector(".site-header")).position !== "static" || innerWidth <= 640`) {
		t.Errorf("%s: style.css does not seem to apply (.site-header is not sticky)", where)
	}
	if !eval[bool](t, tb, `!!document.querySelector(".theme-toggle[aria-pressed]") && document.documentElement.classList.contains("js")`) {
		t.Errorf("%s: theme.js or site.js did not run", where)
	}
	for _, sel := range []string{"header", `nav[aria-label="Chapters"]`, "main#content", "footer", ".skip-link", "#search-input"} {
		if !eval[bool](t, tb, fmt.Sprintf(`!!document.querySelector(%q)`, sel)) {
			t.Errorf("%s: no %s", where, sel)
		}
	}
	footer := eval[string](t, tb, `document.querySelector("footer").textContent`)
	if !strings.Contains(footer, "Code: MIT. Text: CC BY 4.0.") {
		t.Errorf("%s: footer lacks the licence line: %q", where, footer)
	}
}

// contrastJS lists visible text whose colour contrast with its background is
// below WCAG AA: 4.5:1, or 3:1 for large text. Backgrounds with transparency
// are blended over their ancestors' backgrounds.
const contrastJS = `(() => {
	const parse = c => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return [0, 0, 0, 0];
		const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
	const over = (top, bottom) => { const a = top[3]; return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat(1); };
	const background = el => {
		const layers = [];
		for (let e = el; e; e = e.parentElement) {
			const c = parse(getComputedStyle(e).backgroundColor);
			if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
		}
		let bg = [255, 255, 255, 1];
		for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
		return bg;
	};
	const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
		return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
	const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
	const bad = [];
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	const seen = new Set();
	for (let n = walker.nextNode(); n; n = walker.nextNode()) {
		const el = n.parentElement;
		if (!n.textContent.trim() || !el || seen.has(el)) continue;
		seen.add(el);
		const st = getComputedStyle(el);
		if (st.visibility !== "visible" || el.closest("[hidden], .visually-hidden, .skip-link")) continue;
		const r = el.getBoundingClientRect();
		if (r.width === 0 || r.height === 0) continue;
		const fg = over(parse(st.color), background(el));
		const size = parseFloat(st.fontSize), bold = parseInt(st.fontWeight, 10) >= 700;
		const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
		const got = ratio(fg, background(el));
		if (got < need) bad.push(el.tagName.toLowerCase() + (el.className ? "." + String(el.className).trim().split(/\s+/).join(".") : "") +
			" " + JSON.stringify(n.textContent.trim().slice(0, 24)) + " " + got.toFixed(2) + ":1 (" + st.color + " on rgb(" + background(el).slice(0, 3).map(Math.round).join(", ") + "))");
	}
	return bad;
})()`

// checkContrast fails t for text below WCAG AA contrast on the current page.
func (tb *tab) checkContrast(t *testing.T, where string) {
	t.Helper()
	bad := eval[[]string](t, tb, contrastJS)
	if len(bad) > 8 {
		bad = append(bad[:8], fmt.Sprintf("and %d more", len(bad)-8))
	}
	for _, b := range bad {
		t.Errorf("%s: low contrast: %s", where, b)
	}
}

// searchWord picks a word of at least six letters from the search index
// entries of chapterURL that occurs in as few other chapters as possible.
func searchWord(t *testing.T, tb *tab, chapterURL string) string {
	t.Helper()
	return eval[string](t, tb, fmt.Sprintf(`(() => {
		const target = %q;
		const idx = Array.isArray(window.SEARCH_INDEX) ? window.SEARCH_INDEX : [];
		const chapterOf = e => String(e.url || "").split("#")[0];
		const words = e => new Set(((String(e.title||"") + " " + String(e.section||"") + " " + String(e.text||"")).toLowerCase().match(/[\p{L}\p{N}_]+/gu) || []).filter(w => /^[a-z]{6,}$/.test(w)));
		const where = new Map();
		for (const e of idx) for (const w of words(e)) {
			if (!where.has(w)) where.set(w, new Set());
			where.get(w).add(chapterOf(e));
		}
		let best = "", bestN = Infinity;
		for (const e of idx) {
			if (chapterOf(e) !== target) continue;
			for (const w of words(e)) {
				const n = where.get(w).size;
				if (n < bestN) { best = w; bestN = n; }
			}
		}
		return best;
	})()`, chapterURL))
}

// searchFinds types word into the search box and waits for a result that
// links to chapterURL.
func (tb *tab) searchFinds(t *testing.T, word, chapterURL string) {
	t.Helper()
	slugDir := strings.TrimSuffix(chapterURL, "index.html")
	tb.do(t, "typing "+word+" into the search box",
		chromedp.Evaluate[chromedp.Void](`document.getElementById("search-input").value = ""`),
		chromedp.SendKeys(chromedp.ID("search-input"), word),
	)
	tb.poll(t, "waiting for a search result for "+word, fmt.Sprintf(`(() => {
		const links = document.querySelectorAll("#search-results [role=option] a");
		return !document.getElementById("search-popup").hidden &&
			Array.from(links).some(a => a.getAttribute("href").includes(%q) && a.querySelector("mark"));
	})()`, slugDir))
}

// chapterURLs returns the URLs (relative to the site root) of the chapters in
// the sidebar of the index page, in order.
func chapterURLs(t *testing.T, tb *tab) []string {
	t.Helper()
	return eval[[]string](t, tb, `Array.from(document.querySelectorAll('nav[aria-label="Chapters"] .chapter-list a')).map(a => a.getAttribute("href"))`)
}

var rootPrefix = regexp.MustCompile(`^(\.\./)+`)

func TestBrowser(t *testing.T) {
	browser := newBrowser(t) // skips without chromium, before building anything
	out := buildBrowserSite(t)
	shots := screenshotDir(t)
	t.Logf("screenshots in %s", shots)

	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	srvURL, _ := url.Parse(srv.URL)
	tb := openTab(t, browser, false, func(u *url.URL) bool {
		switch u.Scheme {
		case "data", "about", "blob":
			return true
		}
		return (u.Scheme == "http" || u.Scheme == "https") && u.Host == srvURL.Host
	})
	tb.do(t, "setting the desktop viewport", chromedp.EmulateViewport(1440, 900))

	tb.navigate(t, srv.URL+"/index.html")
	urls := chapterURLs(t, tb)
	if len(urls) < 2 {
		t.Fatalf("the index lists %d chapters, want at least 2: %q", len(urls), urls)
	}
	first, second := urls[0], urls[1]

	t.Run("index", func(t *testing.T) {
		tb.navigate(t, srv.URL+"/index.html")
		tb.pageBasics(t, "index")
		start := eval[string](t, tb, `(document.querySelector("a.start-link") || {}).getAttribute?.("href") || ""`)
		if start != first {
			t.Errorf("start link points to %q, want the first chapter %q", start, first)
		}
		cards := eval[int](t, tb, `document.querySelectorAll(".chapter-card a[href]").length`)
		if cards != len(urls) {
			t.Errorf("index has %d chapter cards, sidebar has %d chapters", cards, len(urls))
		}
		// Every group of cards has its heading; the sidebar labels the same
		// parts (an untitled group shows "Chapters" on the index, nothing in
		// the sidebar).
		groups := eval[int](t, tb, `document.querySelectorAll(".chapters .chapter-cards").length`)
		headed := eval[int](t, tb, `document.querySelectorAll(".chapters h2 + .chapter-cards").length`)
		if groups == 0 || headed != groups {
			t.Errorf("index has %d groups of chapter cards, %d of them under a heading", groups, headed)
		}
		indexParts := eval[[]string](t, tb, `Array.from(document.querySelectorAll(".chapters h2")).map(h => h.textContent.trim()).filter(s => s !== "Chapters")`)
		sidebarParts := eval[[]string](t, tb, `Array.from(document.querySelectorAll(".sidebar-part")).map(p => p.textContent.trim())`)
		if strings.Join(indexParts, "|") != strings.Join(sidebarParts, "|") {
			t.Errorf("index parts %q, sidebar parts %q", indexParts, sidebarParts)
		}
		tb.checkContrast(t, "index, light theme")
		tb.screenshot(t, shots, "index-light.png")
		tb.checkProblems(t, "index")
	})

	t.Run("teaching guide", func(t *testing.T) {
		tb.navigate(t, srv.URL+"/index.html")
		if href := eval[string](t, tb, `(document.querySelector('footer a[href$="teaching.html"]') || {}).href || ""`); href != srv.URL+"/teaching.html" {
			t.Errorf("the footer's teaching guide link is %q, want %s/teaching.html", href, srv.URL)
		}
		tb.navigate(t, srv.URL+"/teaching.html")
		tb.pageBasics(t, "teaching guide")
		sections := eval[int](t, tb, `document.querySelectorAll(".guide-chapter").length`)
		if sections != len(urls) {
			t.Errorf("the teaching guide has %d chapter sections, the sidebar %d chapters", sections, len(urls))
		}
		if !eval[bool](t, tb, `!!document.getElementById("offline")`) {
			t.Errorf("the teaching guide has no section on running the course offline")
		}
		tb.checkContrast(t, "teaching guide, light theme")
		tb.checkProblems(t, "teaching guide")
	})

	t.Run("cheat sheet", func(t *testing.T) {
		tb.navigate(t, srv.URL+"/index.html")
		for _, where := range []string{"footer", "#sidebar", "main"} {
			if href := eval[string](t, tb, fmt.Sprintf(`(document.querySelector('%s a[href$="cheatsheet.html"]') || {}).href || ""`, where)); href != srv.URL+"/cheatsheet.html" {
				t.Errorf("the %s's cheat sheet link is %q, want %s/cheatsheet.html", where, href, srv.URL)
			}
		}
		tb.navigate(t, srv.URL+"/cheatsheet.html")
		tb.pageBasics(t, "cheat sheet")
		if n := eval[int](t, tb, `document.querySelectorAll('#sidebar [aria-current="page"][href$="cheatsheet.html"]').length`); n != 1 {
			t.Errorf("the sidebar marks the cheat sheet link %d times, want once", n)
		}
		rows := eval[int](t, tb, `document.querySelectorAll(".cheat-table tbody tr").length`)
		if rows == 0 {
			t.Errorf("the cheat sheet has no rows")
		}
		// Each row has its three cells and links to a chapter of the sidebar.
		bad := eval[[]string](t, tb, `(() => {
			const chapters = new Set(Array.from(document.querySelectorAll('#sidebar .chapter-list a')).map(a => a.getAttribute("href")));
			return Array.from(document.querySelectorAll(".cheat-table tbody tr")).filter(tr => {
				const a = tr.querySelector(".cheat-chapter a");
				return tr.cells.length !== 3 || !tr.cells[0].textContent.trim() || !tr.cells[1].textContent.trim() ||
					!a || !chapters.has(a.getAttribute("href").split("#")[0]);
			}).map(tr => tr.textContent.trim().slice(0, 60));
		})()`)
		for _, b := range bad {
			t.Errorf("cheat sheet row without its cells or chapter link: %q", b)
		}
		tb.checkContrast(t, "cheat sheet, light theme")
		tb.screenshot(t, shots, "cheatsheet-light.png")
		tb.checkProblems(t, "cheat sheet")
	})

	t.Run("chapter", func(t *testing.T) {
		tb.navigate(t, srv.URL+"/"+second)
		tb.pageBasics(t, "chapter")
		current := eval[[]string](t, tb, `Array.from(document.querySelectorAll('nav[aria-label="Chapters"] [aria-current="page"]')).map(a => a.getAttribute("href"))`)
		if len(current) != 1 || rootPrefix.ReplaceAllString(current[0], "") != second {
			t.Errorf("sidebar aria-current links: %q, want just %q", current, second)
		}
		run := eval[string](t, tb, `(document.querySelector(".run-box code") || {}).textContent || ""`)
		if !strings.HasPrefix(run, "go test ./") {
			t.Errorf("run box shows %q, want a go test command", run)
		}
		if n := eval[int](t, tb, `document.querySelectorAll(".run-box .copy-button").length`); n != 1 {
			t.Errorf("run box has %d copy buttons, want 1", n)
		}
		listings := eval[int](t, tb, `document.querySelectorAll(".listing").length`)
		copies := eval[int](t, tb, `document.querySelectorAll(".listing .copy-button").length`)
		if copies != listings {
			t.Errorf("%d listings but %d copy buttons", listings, copies)
		}
		for _, rel := range []string{"prev", "next"} {
			head := eval[bool](t, tb, fmt.Sprintf(`!!document.querySelector('link[rel=%s]')`, rel))
			body := eval[bool](t, tb, fmt.Sprintf(`!!document.querySelector('a[rel=%s]')`, rel))
			if head != body {
				t.Errorf("<link rel=%s> present: %v, <a rel=%s> present: %v", rel, head, rel, body)
			}
		}
		if listings > 0 {
			tb.do(t, "clicking a copy button", chromedp.Click(chromedp.CSS(".listing .copy-button")))
			tb.poll(t, "waiting for the copy button to confirm", `document.querySelector(".listing .copy-button").textContent !== "Copy"`)
		}
		tb.checkContrast(t, "chapter, light theme")
		tb.screenshot(t, shots, "chapter-light.png")
		tb.checkProblems(t, "chapter")
	})

	t.Run("arrow keys", func(t *testing.T) {
		tb.navigate(t, srv.URL+"/"+first)
		if eval[bool](t, tb, `!!document.querySelector("link[rel=prev]")`) {
			t.Errorf("the first chapter has a <link rel=prev>")
		}
		tb.pressAndWaitLoad(t, "ArrowRight on the first chapter", kb.ArrowRight)
		if got, want := tb.location(t), strings.TrimSuffix(srv.URL+"/"+second, "index.html"); got != want {
			t.Fatalf("after ArrowRight the page is %s, want %s", got, want)
		}
		tb.pressAndWaitLoad(t, "ArrowLeft on the second chapter", kb.ArrowLeft)
		if got, want := tb.location(t), strings.TrimSuffix(srv.URL+"/"+first, "index.html"); got != want {
			t.Fatalf("after ArrowLeft the page is %s, want %s", got, want)
		}
		// Typing in the search box must not turn pages.
		tb.do(t, "ArrowRight in the search box",
			chromedp.Focus(chromedp.ID("search-input")),
			chromedp.KeyEvent(kb.ArrowRight),
		)
		if got, want := tb.location(t), strings.TrimSuffix(srv.URL+"/"+first, "index.html"); got != want {
			t.Errorf("ArrowRight in the search box navigated to %s", got)
		}
		tb.checkProblems(t, "arrow keys")
	})

	t.Run("search", func(t *testing.T) {
		tb.navigate(t, srv.URL+"/index.html")
		word := searchWord(t, tb, second)
		if word == "" {
			t.Fatalf("the search index has no word of six letters or more for %s", second)
		}
		t.Logf("searching for %q (from %s)", word, second)
		tb.do(t, "pressing / to focus the search box",
			chromedp.Evaluate[chromedp.Void](`document.activeElement && document.activeElement.blur()`),
			chromedp.KeyEvent("/"))
		if !eval[bool](t, tb, `document.activeElement === document.getElementById("search-input")`) {
			t.Errorf("/ did not focus the search box")
		}
		tb.searchFinds(t, word, second)
		if eval[string](t, tb, `document.getElementById("search-input").getAttribute("aria-expanded")`) != "true" {
			t.Errorf("search box aria-expanded is not true while results show")
		}
		tb.do(t, "Escape closes the results", chromedp.KeyEvent(kb.Escape))
		tb.poll(t, "waiting for the results to close", `document.getElementById("search-popup").hidden`)

		// From a chapter page (root "../"), choose the result with the keyboard.
		tb.navigate(t, srv.URL+"/"+first)
		tb.searchFinds(t, word, second)
		slugDir := strings.TrimSuffix(second, "index.html")
		idx := eval[int](t, tb, fmt.Sprintf(`Array.from(document.querySelectorAll("#search-results [role=option] a")).findIndex(a => a.getAttribute("href").includes(%q))`, slugDir))
		for range idx + 1 {
			tb.do(t, "ArrowDown in the results", chromedp.KeyEvent(kb.ArrowDown))
		}
		tb.pressAndWaitLoad(t, "Enter on the search result", kb.Enter)
		if got := tb.location(t); !strings.HasPrefix(got, srv.URL+"/"+slugDir) {
			t.Errorf("Enter on the result opened %s, want %s", got, srv.URL+"/"+second)
		}
		tb.checkProblems(t, "search")
	})

	t.Run("theme", func(t *testing.T) {
		tb.navigate(t, srv.URL+"/"+second)
		if got := eval[string](t, tb, `document.querySelector(".theme-toggle").getAttribute("aria-pressed")`); got != "false" {
			t.Errorf("theme toggle aria-pressed = %q before any choice, want false (light system theme)", got)
		}
		lightBG := eval[string](t, tb, `getComputedStyle(document.body).backgroundColor`)
		tb.do(t, "clicking the theme toggle", chromedp.Click(chromedp.CSS(".theme-toggle")))
		if got := eval[string](t, tb, `document.documentElement.dataset.theme || ""`); got != "dark" {
			t.Fatalf("data-theme after the toggle = %q, want dark", got)
		}
		if got := eval[string](t, tb, `document.querySelector(".theme-toggle").getAttribute("aria-pressed")`); got != "true" {
			t.Errorf("aria-pressed after switching to dark = %q, want true", got)
		}
		if darkBG := eval[string](t, tb, `getComputedStyle(document.body).backgroundColor`); darkBG == lightBG {
			t.Errorf("the body background stays %s in the dark theme", darkBG)
		}
		tb.checkContrast(t, "chapter, dark theme")
		tb.screenshot(t, shots, "chapter-dark.png")
		tb.do(t, "reloading", chromedp.Reload(), chromedp.WaitReady(chromedp.CSS("body")))
		if got := eval[string](t, tb, `document.documentElement.dataset.theme || ""`); got != "dark" {
			t.Errorf("data-theme after a reload = %q, want dark (persisted)", got)
		}
		tb.navigate(t, srv.URL+"/index.html")
		if got := eval[string](t, tb, `document.documentElement.dataset.theme || ""`); got != "dark" {
			t.Errorf("data-theme on another page = %q, want dark (persisted)", got)
		}
		tb.checkContrast(t, "index, dark theme")
		tb.screenshot(t, shots, "index-dark.png")
		tb.navigate(t, srv.URL+"/cheatsheet.html")
		tb.checkContrast(t, "cheat sheet, dark theme")
		tb.screenshot(t, shots, "cheatsheet-dark.png")
		tb.do(t, "clicking the theme toggle again", chromedp.Click(chromedp.CSS(".theme-toggle")))
		if got := eval[string](t, tb, `localStorage.getItem("theme")`); got != "light" {
			t.Errorf("localStorage theme = %q after switching back, want light", got)
		}
		tb.checkProblems(t, "theme")
	})

	t.Run("phone", func(t *testing.T) {
		tb.do(t, "emulating a 390px phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2)))
		t.Cleanup(func() { tb.do(t, "resetting the viewport", chromedp.EmulateViewport(1440, 900)) })
		pages := []struct{ path, shot string }{
			{"index.html", "phone-index.png"},
			{second, "phone-chapter.png"},
			{"print.html", ""},
			{"teaching.html", ""},
			{"cheatsheet.html", "phone-cheatsheet.png"},
			{"404.html", ""},
		}
		for _, p := range pages {
			tb.navigate(t, srv.URL+"/"+p.path)
			width := eval[int](t, tb, `document.documentElement.scrollWidth`)
			if width > 390 {
				wide := eval[[]string](t, tb, `Array.from(document.querySelectorAll("body *")).filter(e => e.getBoundingClientRect().right > 391 && !e.closest("pre, table, .sidebar")).slice(0, 5).map(e => e.tagName + "." + e.className)`)
				t.Errorf("%s: page scrolls sideways at 390px: scrollWidth %d; too wide: %q", p.path, width, wide)
			}
			if p.shot != "" {
				tb.screenshot(t, shots, p.shot)
			}
		}
		// The chapter list is a drawer behind a button.
		tb.navigate(t, srv.URL+"/"+second)
		if eval[string](t, tb, `getComputedStyle(document.getElementById("sidebar")).visibility`) != "hidden" {
			t.Errorf("the chapter list shows on a phone before it is opened")
		}
		tb.do(t, "opening the chapter list", chromedp.Click(chromedp.CSS(".nav-toggle")))
		tb.poll(t, "waiting for the chapter list", `getComputedStyle(document.getElementById("sidebar")).visibility === "visible" && document.getElementById("sidebar").getBoundingClientRect().left >= 0`)
		if got := eval[string](t, tb, `document.querySelector(".nav-toggle").getAttribute("aria-expanded")`); got != "true" {
			t.Errorf("nav toggle aria-expanded = %q when open", got)
		}
		shot := value(t, tb, "screenshot of the open menu", chromedp.CaptureScreenshot())
		if err := os.WriteFile(filepath.Join(shots, "phone-menu.png"), shot, 0o644); err != nil {
			t.Errorf("saving screenshot: %v", err)
		}
		tb.do(t, "Escape closes the chapter list", chromedp.KeyEvent(kb.Escape))
		tb.poll(t, "waiting for the chapter list to close", `getComputedStyle(document.getElementById("sidebar")).visibility === "hidden"`)
		tb.checkProblems(t, "phone")
	})

	t.Run("file URL", func(t *testing.T) {
		ft := openTab(t, browser, true, func(u *url.URL) bool {
			return u.Scheme == "file" || u.Scheme == "data" || u.Scheme == "about"
		})
		ft.do(t, "setting the desktop viewport", chromedp.EmulateViewport(1440, 900))
		fileURL := func(rel string) string {
			return (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(out, filepath.FromSlash(rel)))}).String()
		}
		ft.navigate(t, fileURL(first))
		ft.pageBasics(t, "file:// chapter")
		if !eval[bool](t, ft, `Array.isArray(window.SEARCH_INDEX) && window.SEARCH_INDEX.length > 0`) {
			t.Fatalf("search-index.js did not load from file://")
		}
		word := searchWord(t, ft, second)
		if word == "" {
			t.Fatalf("the search index has no word of six letters or more for %s", second)
		}
		ft.searchFinds(t, word, second)
		href := eval[string](t, ft, fmt.Sprintf(`Array.from(document.querySelectorAll("#search-results [role=option] a")).find(a => a.getAttribute("href").includes(%q)).href`, strings.TrimSuffix(second, "index.html")))
		if !strings.HasPrefix(href, strings.TrimSuffix(fileURL(second), "index.html")) {
			t.Errorf("search result links to %s, want a file:// URL of %s", href, second)
		}
		// A static page shows how to run its listings, and has no runner.
		notes := eval[int](t, ft, `Array.from(document.querySelectorAll(".listing[data-run] .run-note")).filter(n => n.textContent === "Run and edit it: make serve").length`)
		if runnable := eval[int](t, ft, `document.querySelectorAll(".listing[data-run]").length`); notes != runnable {
			t.Errorf("file://: %d runnable listings, %d of them with the note on make serve", runnable, notes)
		}
		if n := eval[int](t, ft, `document.querySelectorAll(".run-tools, .run-button, .run-editor").length`); n != 0 {
			t.Errorf("file://: a static page has %d elements of the runner", n)
		}
		ft.do(t, "leaving the search box", chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`))
		ft.pressAndWaitLoad(t, "ArrowRight from file://", kb.ArrowRight)
		if got, want := ft.location(t), strings.TrimSuffix(fileURL(second), "index.html"); got != want {
			t.Errorf("ArrowRight from file:// opened %s, want %s", got, want)
		}
		ft.checkProblems(t, "file://")
	})
}
