package main

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadTemplatesErrors(t *testing.T) {
	broken := fstest.MapFS{
		"templates/layout.html": {Data: []byte(`{{define "layout"}}{{block "main" .}}{{end}}`)},
	}
	if _, err := loadTemplates(broken); err == nil || !strings.Contains(err.Error(), "templates:") {
		t.Errorf("loadTemplates without page templates: %v", err)
	}
	bad := fstest.MapFS{
		"templates/layout.html":     {Data: []byte(`{{define "layout"}}{{.Nope}}{{end}}`)},
		"templates/index.html":      {Data: []byte(`{{define "main"}}{{end}}`)},
		"templates/chapter.html":    {Data: []byte(`{{define "main"}}{{end}}`)},
		"templates/teaching.html":   {Data: []byte(`{{define "main"}}{{end}}`)},
		"templates/cheatsheet.html": {Data: []byte(`{{define "main"}}{{end}}`)},
		"templates/print.html":      {Data: []byte(`{{define "main"}}{{end}}`)},
		"templates/404.html":        {Data: []byte(`{{define "main"}}{{end}}`)},
	}
	ts, err := loadTemplates(bad)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ts.execute(&Page{Site: &Site{}, Kind: "index"}); err == nil || !strings.Contains(err.Error(), "index page") {
		t.Errorf("executing a template with a bad field: %v", err)
	}
}

func TestSearchIndex(t *testing.T) {
	b, err := searchIndex([]section{{Title: "A <b>", URL: "a/index.html", Text: "x"}, {Title: "B", URL: "b/index.html#c", Section: "A"}})
	if err != nil {
		t.Fatal(err)
	}
	want := "window.SEARCH_INDEX=[\n" +
		`{"title":"A \u003cb\u003e","url":"a/index.html","section":"","text":"x"},` + "\n" +
		`{"title":"B","url":"b/index.html#c","section":"A","text":""}` + "\n];\n"
	if string(b) != want {
		t.Errorf("searchIndex =\n%s\nwant\n%s", b, want)
	}
}

func TestChromaCSS(t *testing.T) {
	css, err := chromaCSS()
	if err != nil {
		t.Fatal(err)
	}
	s := string(css)
	for _, want := range []string{"\n[data-theme=\"light\"] .chroma .k {", "\n[data-theme=\"dark\"] .chroma .k {",
		"@media not all and (prefers-color-scheme: dark) {\n  :root:not([data-theme=\"dark\"]) .chroma {",
		"@media (prefers-color-scheme: dark) {\n  :root:not([data-theme=\"light\"]) .chroma {"} {
		if !strings.Contains(s, want) {
			t.Errorf("chroma.css lacks %q", want)
		}
	}
	if strings.Contains(s, "\n.chroma") || strings.Contains(s, ".bg ") {
		t.Errorf("chroma.css has the standalone .bg rule")
	}
}
