package main

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserLearnerPage checks, in a real browser, what a chapter page
// gives a learner before the first listing: the chapter's time, what it
// builds on and its objectives under the title; listings captioned by the
// file they come from; and the exercise's reference solution hidden until
// asked for.
func TestBrowserLearnerPage(t *testing.T) {
	browser := newBrowser(t) // skips without chromium, before building anything
	out := buildBrowserSite(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	srvURL, _ := url.Parse(srv.URL)
	tb := openTab(t, browser, false, func(u *url.URL) bool {
		return u.Scheme == "data" || u.Scheme == "about" || u.Host == srvURL.Host
	})
	tb.navigate(t, srv.URL+"/index.html")
	urls := chapterURLs(t, tb)
	if len(urls) < 2 {
		t.Fatalf("the index lists %d chapters, want at least 2", len(urls))
	}
	if !eval[bool](t, tb, `/\d+ chapters, .* of reading and exercises in all/.test(document.querySelector(".course-time")?.textContent || "")`) {
		t.Errorf("the index does not give the course's total time")
	}

	tb.navigate(t, srv.URL+"/"+urls[1])
	head := eval[string](t, tb, `document.querySelector(".chapter-head").innerText`)
	for _, want := range []string{"CHAPTER 0", "Time", "minutes", "After this chapter you can"} {
		if !strings.Contains(head, want) {
			t.Errorf("the chapter's header lacks %q:\n%s", want, head)
		}
	}
	if n := eval[int](t, tb, `document.querySelectorAll(".chapter-head .objectives li").length`); n == 0 {
		t.Errorf("the chapter's header lists no objectives")
	}

	// Every listing of Go code says which file it comes from.
	captions := eval[[]string](t, tb, `Array.from(document.querySelectorAll('.listing[data-lang="go"] .listing-title')).map(e => e.textContent)`)
	if len(captions) == 0 {
		t.Fatalf("the chapter has no captioned Go listing")
	}
	for _, c := range captions {
		file, _, _ := strings.Cut(c, " · ")
		if !strings.HasSuffix(file, ".go") {
			t.Errorf("the Go listing captioned %q does not name its file", c)
		}
	}

	// The reference solution is on the page, folded away.
	summary := `Array.from(document.querySelectorAll("details > summary")).find(s => s.textContent.trim() === "Show the reference solution")`
	if !eval[bool](t, tb, `!!(`+summary+`)`) {
		t.Fatalf("the chapter has no closed \"Show the reference solution\"")
	}
	if eval[bool](t, tb, summary+`.parentElement.open`) {
		t.Errorf("the reference solution is shown before the learner asks for it")
	}
	listing := summary + `.parentElement.querySelector(".listing")`
	if eval[bool](t, tb, listing+`.checkVisibility()`) {
		t.Errorf("the reference solution's listing is visible while folded")
	}
	tb.do(t, "opening the solution", chromedp.Evaluate[chromedp.Void](summary+`.click()`))
	if !eval[bool](t, tb, summary+`.parentElement.open && `+listing+`.checkVisibility()`) {
		t.Errorf("clicking \"Show the reference solution\" does not show it")
	}
	tb.checkProblems(t, "chapter page")
}
