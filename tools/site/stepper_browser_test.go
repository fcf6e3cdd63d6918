package main

// The steppers (assets/stepper.js) in Chromium: on every page that has one,
// over HTTP and from file://, step forward and back with the buttons and the
// arrow keys and see the clock and the step count change, play to the end,
// and record no console error. Also: autoplay when a stepper comes into view
// (and not with prefers-reduced-motion), and no sideways scrolling on a
// phone. It reuses the helpers of browser_test.go.

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// stepperPages lists the pages of the built site (relative to out) whose
// markup has a stepper.
func stepperPages(t *testing.T, out string) []string {
	t.Helper()
	var pages []string
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" || filepath.Base(p) == "print.html" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.Contains(string(b), " data-stepper>") {
			rel, _ := filepath.Rel(out, p)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(pages)
	return pages
}

// reducedMotion makes the tab report prefers-reduced-motion: reduce (or no
// preference), for the pages it opens next.
func reducedMotion(on bool) chromedp.Action[chromedp.Void] {
	value := "no-preference"
	if on {
		value = "reduce"
	}
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: value}},
		})
		return err
	})
}

// stepperState is what the first stepper of the page shows.
type stepperState struct {
	Step, Clock, Live, Playing string
}

func (tb *tab) stepper(t *testing.T, id string) stepperState {
	t.Helper()
	return eval[stepperState](t, tb, fmt.Sprintf(`(() => {
		const root = document.getElementById(%q);
		const text = sel => (root.querySelector(sel) || {}).textContent || "";
		return {Step: text("[data-stepper-step]"), Clock: text("[data-stepper-clock]"),
			Live: (root.querySelector("[aria-live]") || {getAttribute: () => ""}).getAttribute("aria-live") || "",
			Playing: root.getAttribute("data-playing") || ""};
	})()`, id))
}

// press clicks the button of the stepper id that does action.
func (tb *tab) press(t *testing.T, id, action string) {
	t.Helper()
	tb.do(t, "clicking "+action+" in "+id, chromedp.Click(chromedp.CSS(fmt.Sprintf("#%s [data-stepper-action=%s]", id, action))))
}

// checkSteppers checks every stepper of the page at u, and steps through
// the first one.
func (tb *tab) checkSteppers(t *testing.T, u string) {
	t.Helper()
	tb.do(t, "asking for reduced motion", reducedMotion(true))
	tb.navigate(t, u)
	tb.poll(t, "waiting for stepper.js", `document.querySelectorAll("[data-stepper]").length > 0 &&
		document.querySelectorAll("[data-stepper]").length === document.querySelectorAll("[data-stepper] .stepper-view").length`)

	// Every stepper has its controls, labelled, and its live sentence.
	bad := eval[[]string](t, tb, `Array.from(document.querySelectorAll("[data-stepper]")).flatMap(root => {
		const problems = [];
		for (const a of ["first", "prev", "play", "next", "last"]) {
			const b = root.querySelector('button[data-stepper-action="' + a + '"]');
			if (!b || !b.getAttribute("aria-label")) problems.push(root.id + ": no labelled " + a + " button");
		}
		if (!root.querySelector("[data-stepper-clock]")) problems.push(root.id + ": no [data-stepper-clock]");
		if (!/^Step 1 of [1-9][0-9]*$/.test((root.querySelector("[data-stepper-step]") || {}).textContent || "")) problems.push(root.id + ": [data-stepper-step] does not say Step 1 of n");
		if (!root.querySelector('input[type=range][aria-label]')) problems.push(root.id + ": no labelled scrubber");
		const live = root.querySelector(".stepper-sentence");
		if (!live || live.getAttribute("aria-live") !== "polite" || !live.textContent.trim()) problems.push(root.id + ": no polite live sentence");
		if (root.getAttribute("data-playing") !== "false") problems.push(root.id + ": playing with reduced motion");
		return problems;
	})`)
	for _, b := range bad {
		t.Errorf("%s: %s", u, b)
	}

	id := eval[string](t, tb, `document.querySelector("[data-stepper]").id`)
	start := tb.stepper(t, id)
	var n int
	if _, err := fmt.Sscanf(start.Step, "Step 1 of %d", &n); err != nil || n < 3 {
		t.Fatalf("%s #%s: step count %q, want Step 1 of n with n >= 3", u, id, start.Step)
	}

	// Forward with the button until the clock moves; the count moves each time.
	tb.do(t, "scrolling to "+id, chromedp.ScrollIntoView(chromedp.ID(id)))
	moved := start
	for k := 2; moved.Clock == start.Clock; k++ {
		if k > n {
			t.Fatalf("%s #%s: the clock stays at %s through all %d steps", u, id, start.Clock, n)
		}
		tb.press(t, id, "next")
		moved = tb.stepper(t, id)
		if want := fmt.Sprintf("Step %d of %d", k, n); moved.Step != want {
			t.Fatalf("%s #%s: after next the stepper shows %q, want %q", u, id, moved.Step, want)
		}
	}
	if moved.Live != "polite" {
		t.Errorf("%s #%s: the sentence's aria-live is %q after a click, want polite", u, id, moved.Live)
	}
	// Back with the button: the clock comes back.
	tb.press(t, id, "prev")
	if back := tb.stepper(t, id); back.Clock != start.Clock {
		t.Errorf("%s #%s: after prev the clock shows %q, want %q again", u, id, back.Clock, start.Clock)
	}

	// The arrow keys step the stepper while focus is inside it, and do not
	// turn the page.
	here := tb.location(t)
	before := tb.stepper(t, id)
	tb.do(t, "ArrowRight in the stepper",
		chromedp.Focus(chromedp.CSS("#"+id+" [data-stepper-action=next]")),
		chromedp.KeyEvent(kb.ArrowRight))
	after := tb.stepper(t, id)
	if after.Step == before.Step {
		t.Errorf("%s #%s: ArrowRight inside the stepper left it at %q", u, id, before.Step)
	}
	tb.do(t, "ArrowLeft in the stepper", chromedp.KeyEvent(kb.ArrowLeft))
	if got := tb.stepper(t, id); got.Step != before.Step {
		t.Errorf("%s #%s: ArrowLeft shows %q, want %q", u, id, got.Step, before.Step)
	}
	if got := tb.location(t); got != here {
		t.Fatalf("%s: the arrow keys in a stepper opened %s", u, got)
	}

	// Last and first.
	tb.press(t, id, "last")
	if got, want := tb.stepper(t, id).Step, fmt.Sprintf("Step %d of %d", n, n); got != want {
		t.Errorf("%s #%s: after last the stepper shows %q, want %q", u, id, got, want)
	}
	tb.press(t, id, "first")
	if got := tb.stepper(t, id); got != start {
		t.Errorf("%s #%s: after first the stepper shows %+v, want %+v", u, id, got, start)
	}

	// Play to the end, from three steps before it (the End key, then back).
	tb.do(t, "End, then ArrowLeft twice",
		chromedp.Focus(chromedp.CSS("#"+id+" [data-stepper-action=play]")),
		chromedp.KeyEvent(kb.End), chromedp.KeyEvent(kb.ArrowLeft), chromedp.KeyEvent(kb.ArrowLeft))
	tb.press(t, id, "play")
	if got := tb.stepper(t, id).Playing; got != "true" {
		t.Errorf("%s #%s: data-playing is %q after play, want true", u, id, got)
	}
	tb.poll(t, "playing "+id+" to the end", fmt.Sprintf(`(() => {
		const root = document.getElementById(%q);
		return root.getAttribute("data-playing") === "false" &&
			root.querySelector("[data-stepper-step]").textContent === "Step %d of %d";
	})()`, id, n, n))
	tb.checkProblems(t, u)
}

// serveSite serves the site built in out over HTTP while the test runs, and
// returns the server and the first tab of browser, which accepts requests
// to that server only, at the desktop viewport. (TestBrowser sets up the
// same by itself.)
func serveSite(t *testing.T, browser context.Context, out string) (*httptest.Server, *tab) {
	t.Helper()
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
	return srv, tb
}

func TestStepperBrowser(t *testing.T) {
	browser := newBrowser(t) // skips without chromium, before building anything
	out := buildBrowserSite(t)
	pages := stepperPages(t, out)
	if len(pages) == 0 {
		t.Skip("no page of the site has a stepper")
	}
	t.Logf("pages with steppers: %q", pages)
	shots := screenshotDir(t)
	srv, tb := serveSite(t, browser, out)

	t.Run("http", func(t *testing.T) {
		for _, p := range pages {
			tb.checkSteppers(t, srv.URL+"/"+p)
		}
		id := eval[string](t, tb, `document.querySelector("[data-stepper]").id`)
		tb.press(t, id, "first")
		for range 6 {
			tb.press(t, id, "next")
		}
		shot := value(t, tb, "screenshot of a stepper", chromedp.Screenshot(chromedp.ID(id)))
		if err := os.WriteFile(filepath.Join(shots, "stepper-light.png"), shot, 0o644); err != nil {
			t.Errorf("saving screenshot: %v", err)
		}
		tb.checkContrast(t, "a page with steppers, light theme")
		tb.do(t, "switching to the dark theme", chromedp.Click(chromedp.CSS(".theme-toggle")))
		tb.checkContrast(t, "a page with steppers, dark theme")
		shot = value(t, tb, "screenshot of a stepper", chromedp.Screenshot(chromedp.ID(id)))
		if err := os.WriteFile(filepath.Join(shots, "stepper-dark.png"), shot, 0o644); err != nil {
			t.Errorf("saving screenshot: %v", err)
		}
		tb.do(t, "switching back to the light theme", chromedp.Click(chromedp.CSS(".theme-toggle")))
		tb.checkProblems(t, "themes")
	})

	t.Run("autoplay", func(t *testing.T) {
		page := srv.URL + "/" + pages[0]
		// With reduced motion, a stepper that comes into view stays still.
		tb.do(t, "asking for reduced motion", reducedMotion(true))
		tb.navigate(t, page)
		id := eval[string](t, tb, `document.querySelector("[data-stepper]").id`)
		tb.do(t, "scrolling to "+id, chromedp.ScrollIntoView(chromedp.ID(id)))
		tb.poll(t, "waiting for "+id+" to see that it is in view", fmt.Sprintf(`document.getElementById(%q).hasAttribute("data-stepper-seen")`, id))
		if got := tb.stepper(t, id).Playing; got != "false" {
			t.Errorf("with prefers-reduced-motion, %s plays when it comes into view (data-playing %q)", id, got)
		}
		// Without, it plays, and says nothing to screen readers until asked.
		tb.do(t, "asking for motion", reducedMotion(false))
		tb.navigate(t, page)
		tb.do(t, "scrolling to "+id, chromedp.ScrollIntoView(chromedp.ID(id)))
		tb.poll(t, "waiting for "+id+" to play by itself", fmt.Sprintf(`document.getElementById(%q).getAttribute("data-playing") === "true"`, id))
		tb.poll(t, "waiting for "+id+" to take a step by itself", fmt.Sprintf(`!document.getElementById(%q).querySelector("[data-stepper-step]").textContent.startsWith("Step 1 ")`, id))
		if got := tb.stepper(t, id).Live; got != "off" {
			t.Errorf("%s: aria-live is %q while it plays by itself, want off", id, got)
		}
		tb.press(t, id, "play") // pause
		if got := tb.stepper(t, id); got.Playing != "false" || got.Live != "polite" {
			t.Errorf("%s after pause: data-playing %q, aria-live %q; want false, polite", id, got.Playing, got.Live)
		}
		tb.do(t, "asking for reduced motion", reducedMotion(true))
		tb.checkProblems(t, "autoplay")
	})

	t.Run("phone", func(t *testing.T) {
		tb.do(t, "emulating a 390px phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2)))
		t.Cleanup(func() { tb.do(t, "resetting the viewport", chromedp.EmulateViewport(1440, 900)) })
		for _, p := range pages {
			tb.navigate(t, srv.URL+"/"+p)
			tb.poll(t, "waiting for stepper.js", `!!document.querySelector("[data-stepper] .stepper-view")`)
			if width := eval[int](t, tb, `document.documentElement.scrollWidth`); width > 390 {
				wide := eval[[]string](t, tb, `Array.from(document.querySelectorAll("body *")).filter(e => e.getBoundingClientRect().right > 391 && !e.closest("pre, table, .sidebar")).slice(0, 5).map(e => e.tagName + "." + e.className)`)
				t.Errorf("%s: page scrolls sideways at 390px: scrollWidth %d; too wide: %q", p, width, wide)
			}
		}
		id := eval[string](t, tb, `document.querySelector("[data-stepper]").id`)
		tb.do(t, "scrolling to "+id, chromedp.ScrollIntoView(chromedp.ID(id)))
		shot := value(t, tb, "screenshot of a stepper on a phone", chromedp.Screenshot(chromedp.ID(id)))
		if err := os.WriteFile(filepath.Join(shots, "phone-stepper.png"), shot, 0o644); err != nil {
			t.Errorf("saving screenshot: %v", err)
		}
		tb.checkProblems(t, "phone")
	})

	t.Run("file URL", func(t *testing.T) {
		ft := openTab(t, browser, true, func(u *url.URL) bool {
			return u.Scheme == "file" || u.Scheme == "data" || u.Scheme == "about"
		})
		ft.do(t, "setting the desktop viewport", chromedp.EmulateViewport(1440, 900))
		for _, p := range pages {
			ft.checkSteppers(t, (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(out, filepath.FromSlash(p)))}).String())
		}
	})
}
