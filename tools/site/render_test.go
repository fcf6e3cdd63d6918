package main

import (
	"strings"
	"testing"
)

func TestGithubSlug(t *testing.T) {
	for in, want := range map[string]string{
		"The event loop":                  "the-event-loop",
		"The Python idea, and the Go way": "the-python-idea-and-the-go-way",
		"iter.Pull in 40 lines":           "iterpull-in-40-lines",
		"What can go wrong?":              "what-can-go-wrong",
		"snake_case and kebab-case":       "snake_case-and-kebab-case",
		"Café":                            "café",
	} {
		if got := githubSlug(in); got != want {
			t.Errorf("githubSlug(%q) = %q, want %q", in, got, want)
		}
	}
}

// renderFixture renders the first fixture chapter's refreshed README.
func renderFixture(t *testing.T, print bool) (*rendered, *source) {
	t.Helper()
	c, err := loadCourse(copyFixture(t))
	if err != nil {
		t.Fatal(err)
	}
	ch := c.chapters[0]
	md, sources, _, ps := c.refresh(ch)
	if len(ps) > 0 {
		t.Fatal(ps.Err())
	}
	r, ps := c.render(ch, md, sources, print)
	if len(ps) > 0 {
		t.Fatal(ps.Err())
	}
	return r, ch
}

func TestRenderMarkup(t *testing.T) {
	r, _ := renderFixture(t, false)
	body := string(r.body)
	for _, want := range []string{
		`<div class="compare">` + "\n" + `<div class="listing" data-lang="python" data-run="python/hello.py" data-file="python/hello.py" data-lines="5-6">` +
			`<div class="listing-head"><span class="listing-title">python/hello.py · lines 5–6</span>` +
			`<span class="run-note">Run and edit it: <code>make serve</code></span></div><pre class="chroma">`,
		`<div class="listing" data-lang="go"><div class="listing-head"><span class="listing-title">hello.go · Greet</span></div><pre class="chroma">`,
		`<div class="listing" data-lang="go" data-run="ExampleGreeter_Greet" data-file="hello_test.go" data-lines="15-22">`,
		`<div class="listing output"><div class="listing-head"><span class="listing-title">Output of ExampleGreet</span><span class="verified">checked by go test</span></div><pre><code>hello, Ada` + "\n</code></pre></div>",
		`<h2 id="python-first">Python first</h2>`,
		`<details><summary>Solution</summary>`,
		`<a href="../second-step/index.html#the-table">`,
		`<img src="diagram.svg" alt="A grey box">`,
		`<div class="listing" data-lang="sh"><pre class="chroma">`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %s", want)
		}
	}
	for _, bad := range []string{"<h1", "<!-- code", "style=", "region"} {
		if strings.Contains(body, bad) {
			t.Errorf("body contains %q", bad)
		}
	}
	if len(r.toc) != 6 || r.toc[2] != (Heading{Level: 3, ID: "output", Text: "Output"}) {
		t.Errorf("toc = %+v", r.toc)
	}
	if r.assets["hello/diagram.svg"] == "" {
		t.Errorf("assets = %v, want hello/diagram.svg", r.assets)
	}
}

func TestRenderPrint(t *testing.T) {
	r, _ := renderFixture(t, true)
	body := string(r.body)
	for _, want := range []string{
		`<h2 id="hello-python-first">`,
		`<a href="#second-step-the-table">`,
		`<a href="#chapter-second-step">`,
		`<a href="#hello-a-picture">`,
		`<img src="hello/diagram.svg"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("print body lacks %s", want)
		}
	}
	if r.toc[0].ID != "hello-python-first" {
		t.Errorf("print toc = %+v", r.toc)
	}
	if strings.Contains(body, "data-run") || strings.Contains(body, "run-note") {
		t.Errorf("the print page has runnable listings; it has no runner")
	}
}

func TestRenderDuplicateHeadings(t *testing.T) {
	c, err := loadCourse(copyFixture(t))
	if err != nil {
		t.Fatal(err)
	}
	md := "---\ntitle: t\nsummary: s\n---\n## Notes\n## Notes\n## Notes\n"
	r, ps := c.render(c.chapters[0], []byte(md), nil, false)
	if len(ps) > 0 {
		t.Fatal(ps.Err())
	}
	for _, id := range []string{`id="notes"`, `id="notes-1"`, `id="notes-2"`} {
		if !strings.Contains(string(r.body), id) {
			t.Errorf("body lacks %s:\n%s", id, r.body)
		}
	}
}
