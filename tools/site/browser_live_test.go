package main

// The browser test of the live notebook (make serve): through a live
// server on a copy of the fixture, a reader edits an Example and runs it,
// resets it, solves the exercise and checks it; the page reloads when a
// README changes on disk and shows the problems of a broken build; and the
// site written to -out, opened from file://, has no Run buttons and makes
// no request.

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// listingJS returns a JavaScript expression for the runnable listing whose
// data-run is target.
func listingJS(target string) string {
	return fmt.Sprintf(`document.querySelector('.listing[data-run=%q]')`, target)
}

// clickIn clicks the element sel inside the runnable listing target.
func (tb *tab) clickIn(t *testing.T, target, sel string) {
	t.Helper()
	tb.do(t, "clicking "+sel+" of "+target, chromedp.Click(chromedp.CSS(fmt.Sprintf(`.listing[data-run=%q] %s`, target, sel))))
}

// editorValue sets the editor of listing target to the result of the
// JavaScript expression expr, in which v is its current text, as typing
// would (an input event).
func (tb *tab) editTo(t *testing.T, target, expr string) {
	t.Helper()
	tb.do(t, "editing "+target, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
		const ed = %s.querySelector("textarea.run-editor");
		const v = ed.value;
		ed.value = %s;
		ed.dispatchEvent(new Event("input", {bubbles: true}));
	})()`, listingJS(target), expr)))
}

// pollAcrossReloads waits until a JavaScript expression is truthy in the
// page, which may reload meanwhile (a poll inside the page ends with it).
func (tb *tab) pollAcrossReloads(t *testing.T, what, expr string) {
	t.Helper()
	waitFor(t, what, func() bool {
		ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
		defer cancel()
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		return err == nil && ok
	})
}

// waitStatus waits until the run status of listing target is final (not
// "Running…" or "Checking…"), and returns it.
func (tb *tab) waitStatus(t *testing.T, target string) string {
	t.Helper()
	status := listingJS(target) + `.querySelector(".run-status")`
	tb.poll(t, "waiting for the run of "+target, fmt.Sprintf(`(() => { const s = %s; return s && s.textContent !== "" && !/…$/.test(s.textContent); })()`, status))
	return eval[string](t, tb, status+`.textContent`)
}

func TestBrowserLive(t *testing.T) {
	browser := newBrowser(t) // skips without chromium, before building anything
	shots := screenshotDir(t)
	f := startLive(t, "", nil)
	f.watch(t)
	tb := openTab(t, browser, false, func(u *url.URL) bool {
		switch u.Scheme {
		case "data", "about", "blob":
			return true
		}
		return u.Scheme == "http" && u.Host == f.host
	})
	tb.do(t, "setting the desktop viewport", chromedp.EmulateViewport(1440, 900))
	page := f.url + "/hello/"
	tb.navigate(t, page)
	tb.pageBasics(t, "live chapter")

	runnable := eval[int](t, tb, `document.querySelectorAll(".listing[data-run]").length`)
	require.Positive(t, runnable, "the fixture has runnable listings")
	assert.Equal(t, runnable, eval[int](t, tb, `document.querySelectorAll(".listing[data-run] .run-tools").length`), "every runnable listing gets Run, Edit and Reset")
	assert.Zero(t, eval[int](t, tb, `document.querySelectorAll(".listing .run-note").length`), "the Run buttons replace the note")
	assert.Equal(t, []string{"Check", "Edit", "Reset"}, eval[[]string](t, tb, listingJS("exercise")+`.querySelector(".run-tools").innerText.split(/\s+/)`))
	for _, b := range eval[[]string](t, tb, `Array.from(document.querySelectorAll(".run-tools button")).filter(b => b.tagName !== "BUTTON" || !b.getAttribute("aria-label")).map(b => b.outerHTML)`) {
		t.Errorf("a run button without a label: %s", b)
	}
	tb.checkProblems(t, "live chapter")

	const example = "ExampleGreeter_Greet"
	t.Run("edit and run an Example", func(t *testing.T) {
		tb.clickIn(t, example, ".run-edit")
		require.True(t, eval[bool](t, tb, `document.activeElement && document.activeElement.classList.contains("run-editor")`), "Edit focuses the editor")
		assert.Equal(t, "true", eval[string](t, tb, listingJS(example)+`.querySelector(".run-edit").getAttribute("aria-pressed")`))
		tb.editTo(t, example, `v.replace('"Grace"', '"Ada"')`)
		tb.clickIn(t, example, ".run-button")
		status := tb.waitStatus(t, example)
		assert.Contains(t, status, "differs from the verified output")
		assert.Contains(t, status, "exit status 0")
		assert.Regexp(t, `exit status 0 · [0-9.]+ m?s`, status, "the time taken")
		assert.Equal(t, "hi Ada\nhi Guido\n", eval[string](t, tb, listingJS(example)+`.querySelector(".run-text").textContent`))
		diff := eval[[]string](t, tb, `Array.from(`+listingJS(example)+`.querySelectorAll(".run-diff-lines > span")).map(s => s.className + " " + s.textContent.trimEnd())`)
		assert.Equal(t, []string{"run-ins + hi Ada", "run-same   hi Guido", "run-del − hi Grace"}, diff,
			"the diff of this run (hi Ada, hi Guido) against the verified output (hi Guido, hi Grace)")
		assert.Equal(t, "polite", eval[string](t, tb, listingJS(example)+`.querySelector(".run-output").getAttribute("aria-live")`))
		tb.screenshot(t, shots, "live-run-diff.png")

		// Tab indents, Escape leaves the editor, Ctrl+Enter runs.
		tb.do(t, "Tab in the editor", chromedp.Focus(chromedp.CSS(`.listing[data-run="`+example+`"] textarea`)),
			chromedp.Evaluate[chromedp.Void](listingJS(example)+`.querySelector("textarea").setSelectionRange(0, 0)`),
			chromedp.KeyEvent(kb.Tab))
		assert.True(t, eval[bool](t, tb, listingJS(example)+`.querySelector("textarea").value.startsWith("\tfunc ")`), "Tab indents")
		tb.do(t, "Escape in the editor", chromedp.KeyEvent(kb.Escape))
		assert.True(t, eval[bool](t, tb, `document.activeElement === `+listingJS(example)+`.querySelector(".run-button")`), "Escape leaves the editor for the Run button")
		runs := f.runs()
		tb.do(t, "Ctrl+Enter in the editor", chromedp.Focus(chromedp.CSS(`.listing[data-run="`+example+`"] textarea`)),
			chromedp.KeyEvent(kb.Enter, chromedp.KeyModifiers(chromedp.ModifierCtrl)))
		tb.waitStatus(t, example)
		assert.Equal(t, runs+1, f.runs(), "Ctrl+Enter ran the listing")
		tb.checkProblems(t, "edit and run")
	})

	t.Run("reset", func(t *testing.T) {
		tb.clickIn(t, example, ".run-reset")
		assert.Zero(t, eval[int](t, tb, listingJS(example)+`.querySelectorAll("textarea").length`), "Reset closes the editor")
		assert.False(t, eval[bool](t, tb, listingJS(example)+`.querySelector("pre").hidden`), "Reset shows the listing")
		assert.True(t, eval[bool](t, tb, listingJS(example)+`.querySelector(".run-output").hidden`))
		assert.Zero(t, eval[int](t, tb, `Object.keys(localStorage).filter(k => k.startsWith("course-draft:hello:hello_test.go")).length`), "Reset forgets the draft")
		tb.clickIn(t, example, ".run-button")
		assert.Contains(t, tb.waitStatus(t, example), "matches the verified output")
		tb.checkProblems(t, "reset")
	})

	t.Run("solve the exercise and check it", func(t *testing.T) {
		tb.clickIn(t, "exercise", ".run-button")
		assert.Contains(t, tb.waitStatus(t, "exercise"), "Not yet: a test fails", "the stub fails its tests")
		solution := strings.Replace(fixtureFile(t, "exercise.go", "// TODO\n\treturn \"\"", "return strings.ToUpper(name)"),
			"package hello\n", "package hello\n\nimport \"strings\"\n", 1)
		tb.clickIn(t, "exercise", ".run-edit")
		tb.editTo(t, "exercise", fmt.Sprintf("%q", solution))
		tb.clickIn(t, "exercise", ".run-button")
		assert.Contains(t, tb.waitStatus(t, "exercise"), "Every test passes")
		out := eval[string](t, tb, listingJS("exercise")+`.querySelector(".run-text").textContent`)
		assert.Contains(t, out, "--- PASS: TestShout ")
		assert.Contains(t, out, "--- PASS: TestShoutKeepsPunctuation ")
		tb.screenshot(t, shots, "live-exercise.png")

		// The draft survives a reload, and a new browser: it is on disk.
		draftFile := filepath.Join(filepath.Dir(f.chapters), draftsDir, "hello", "exercise.go")
		waitFor(t, "the draft on disk", func() bool { b, _ := os.ReadFile(draftFile); return string(b) == solution })
		tb.do(t, "reloading", chromedp.Reload(), chromedp.WaitReady(chromedp.CSS("body")))
		tb.poll(t, "waiting for the draft", listingJS("exercise")+`.querySelector("textarea") !== null`)
		assert.Equal(t, solution, eval[string](t, tb, listingJS("exercise")+`.querySelector("textarea").value`))
		tb.do(t, "forgetting the browser's drafts", chromedp.Evaluate[chromedp.Void](`localStorage.clear()`), chromedp.Reload(), chromedp.WaitReady(chromedp.CSS("body")))
		tb.poll(t, "waiting for the draft from disk", listingJS("exercise")+`.querySelector("textarea") !== null`)
		assert.Equal(t, solution, eval[string](t, tb, listingJS("exercise")+`.querySelector("textarea").value`))
		tb.checkProblems(t, "exercise")
	})

	readme := filepath.Join(f.chapters, "01-hello", "README.md")
	orig := readFile(t, readme)
	t.Run("a README saved reloads the page", func(t *testing.T) {
		tb.navigate(t, page)
		writeFile(t, readme, strings.Replace(orig, "Some *prose*", "Some *fresh prose*", 1))
		tb.pollAcrossReloads(t, "waiting for the page to reload", `document.body.textContent.includes("Some fresh prose")`)
		tb.checkProblems(t, "reload")
	})

	t.Run("a broken include shows its problem", func(t *testing.T) {
		writeFile(t, readme, strings.Replace(orig, "<!-- code: Greeter -->", "<!-- code: Nope -->", 1))
		tb.poll(t, "waiting for the problems", `!!document.querySelector(".build-problems")`)
		text := eval[string](t, tb, `document.querySelector(".build-problems").textContent`)
		assert.Contains(t, text, `chapters/01-hello/README.md:40: unknown identifier "Nope"`)
		assert.Equal(t, "alert", eval[string](t, tb, `document.querySelector(".build-problems").getAttribute("role")`))
		tb.checkContrast(t, "build problems, light theme")
		tb.screenshot(t, shots, "live-problems.png")
		writeFile(t, readme, orig)
		tb.pollAcrossReloads(t, "waiting for the problems to clear", `!document.querySelector(".build-problems") && document.body.textContent.includes("Some prose")`)
		tb.checkProblems(t, "broken include")
	})

	t.Run("dark theme and a phone", func(t *testing.T) {
		tb.navigate(t, page)
		tb.do(t, "dark theme", chromedp.Evaluate[chromedp.Void](`document.documentElement.setAttribute("data-theme", "dark")`))
		tb.clickIn(t, example, ".run-edit")
		tb.editTo(t, example, `v.replace('"Grace"', '"Ada"')`)
		tb.clickIn(t, example, ".run-button")
		tb.waitStatus(t, example)
		tb.checkContrast(t, "live chapter, dark theme")
		tb.screenshot(t, shots, "live-dark.png")
		tb.do(t, "light theme", chromedp.Evaluate[chromedp.Void](`document.documentElement.setAttribute("data-theme", "light")`))

		tb.do(t, "emulating a 390px phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2)))
		defer tb.do(t, "resetting the viewport", chromedp.EmulateViewport(1440, 900))
		tb.navigate(t, page)
		tb.clickIn(t, "exercise", ".run-button")
		tb.waitStatus(t, "exercise")
		wide := eval[[]string](t, tb, `Array.from(document.querySelectorAll(".run-tools button, .run-editor, .run-output, .run-status")).filter(e => e.getBoundingClientRect().right > 391).map(e => e.className)`)
		assert.Empty(t, wide, "the buttons and the editor fit 390px")
		assert.LessOrEqual(t, eval[int](t, tb, `document.documentElement.scrollWidth`), 390, "the page scrolls sideways at 390px")
		tb.screenshot(t, shots, "live-phone.png")
		tb.checkProblems(t, "phone")
	})

	t.Run("a stepper through serve", func(t *testing.T) {
		tb.checkSteppers(t, f.url+"/second-step/")
		tb.checkProblems(t, "a stepper through serve")
	})

	t.Run("file URL", func(t *testing.T) {
		ft := openTab(t, browser, true, func(u *url.URL) bool {
			return u.Scheme == "file" || u.Scheme == "data" || u.Scheme == "about"
		})
		ft.navigate(t, (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(f.out, "hello", "index.html"))}).String())
		ft.pageBasics(t, "file:// chapter written by serve")
		assert.False(t, eval[bool](t, ft, `!!document.querySelector('meta[name="course-run-token"]')`), "-out carries no token")
		assert.Zero(t, eval[int](t, ft, `document.querySelectorAll(".run-tools, .run-button").length`), "no Run buttons from file://")
		assert.Equal(t, runnable, eval[int](t, ft, `Array.from(document.querySelectorAll(".listing[data-run] .run-note")).filter(n => n.textContent === "Run and edit it: make serve").length`),
			"every runnable listing says how to run it")
		ft.checkProblems(t, "file://") // any request to http://, /api/ included, is a problem
	})
}
