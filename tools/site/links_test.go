package main

import (
	"slices"
	"strings"
	"testing"
)

func TestScanTags(t *testing.T) {
	doc := `<!doctype html><!-- <a href="no"> --><html lang=en><script>if (a<b) "<img src=x>"</script>
<a HREF='x.html#y' class="c">t</a><img src="a&amp;b.svg" alt="a > b"><br/><p>1 < 2</p>`
	var tags []tag
	err := scanTags([]byte(doc), func(tg tag) {
		tg.attrs = slices.Clone(tg.attrs) // scanTags reuses them
		tags = append(tags, tg)
	})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tg := range tags {
		names = append(names, tg.name)
	}
	if got := strings.Join(names, " "); got != "html script a img br p" {
		t.Fatalf("tags = %s", got)
	}
	if v, _ := tags[2].get("href"); v != "x.html#y" || tags[2].line != 2 {
		t.Errorf("a href = %q (line %d)", v, tags[2].line)
	}
	if v, _ := tags[3].get("src"); v != "a&b.svg" {
		t.Errorf("img src = %q", v)
	}
	if err := scanTags([]byte("<!-- open"), func(tag) {}); err == nil {
		t.Errorf("unterminated comment: no error")
	}
}

func TestCheckLinks(t *testing.T) {
	site := map[string][]byte{
		"index.html":        []byte(`<a href="a/index.html#x">a</a> <a href="https://go.dev">go</a> <a href="mailto:x@y">m</a> <img src="data:image/png;base64,AA">`),
		"a/index.html":      []byte(`<h2 id="x">x</h2><a href="#x">self</a><link rel="next" href="../index.html"><link rel="stylesheet" href="../s.css">`),
		"s.css":             []byte(`body { background: url("i.svg") }`),
		"i.svg":             []byte(`<svg/>`),
		"bad/index.html":    []byte(`<h2 id="d">1</h2><h2 id="d">2</h2><a href="../a/index.html#nope">1</a><a href="../missing.html">2</a><script src="https://cdn.example/x.js"></script><a href="javascript:x()">3</a><a href="/abs.html">4</a><td style="x"></td><script>1</script>`),
		"bad/style.css":     []byte(`@font-face { src: url(https://fonts.example/f.woff) }`),
		"search-index.js":   nil,
		"unused/index.html": []byte(``),
	}
	ps := checkLinks(site, map[string]string{"bad/index.html": "chapters/09-bad/README.md"}, []string{"a/index.html#x", "a/index.html#gone"})
	got := ps.Err().Error()
	for _, want := range []string{
		`bad/index.html:1: duplicate id "d"`,
		`bad/index.html:1: <a href="../a/index.html#nope">: broken link: no id "nope" on a/index.html (from chapters/09-bad/README.md)`,
		`<a href="../missing.html">: broken link: no file missing.html in the site`,
		`<script src="https://cdn.example/x.js">: the page loads "https://cdn.example/x.js" from outside the site`,
		`<a href="javascript:x()">: scheme "javascript" is not allowed`,
		`<a href="/abs.html">: absolute path`,
		`<td style=...>: the CSP blocks style attributes`,
		`inline <script>: the CSP blocks it`,
		`bad/style.css: the page loads "https://fonts.example/f.woff" from outside the site`,
		`search-index.js: broken link: no id "gone" on a/index.html`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %s", want)
		}
	}
	if strings.Contains(got, "index.html:1: <a href=\"a/index.html") || strings.Contains(got, "a/index.html:") {
		t.Errorf("good links reported:\n%s", got)
	}
}
