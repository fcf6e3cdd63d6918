package main

import (
	"html/template"
	"reflect"
	"testing"
)

func TestInlineCode(t *testing.T) {
	tests := []struct {
		in   string
		want template.HTML
		err  bool
	}{
		{in: "plain <text> & more", want: "plain &lt;text&gt; &amp; more"},
		{in: "`asyncio.gather(*aws)`", want: "<code>asyncio.gather(*aws)</code>"},
		{in: "`errgroup.Group` + `results[i]` (or `sync.WaitGroup`)",
			want: "<code>errgroup.Group</code> + <code>results[i]</code> (or <code>sync.WaitGroup</code>)"},
		{in: "`a < b`", want: "<code>a &lt; b</code>"},
		{in: "*not* [markdown](x)", want: "*not* [markdown](x)"},
		{in: "`open", err: true},
		{in: "a `` b", err: true},
	}
	for _, tt := range tests {
		got, err := inlineCode(tt.in)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("inlineCode(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

// TestGatherCheatsheet checks that the rows come in chapter order, each
// chapter's in its own order, with their chapter, and that a chapter
// without rows adds none.
func TestGatherCheatsheet(t *testing.T) {
	a := &Chapter{Number: 1, Slug: "a", Cheatsheet: []CheatRow{{Python: "a1", Go: "A1"}, {Python: "a2", Go: "A2"}}}
	b := &Chapter{Number: 2, Slug: "b"}
	c := &Chapter{Number: 3, Slug: "c", Cheatsheet: []CheatRow{{Python: "c1", Go: "C1", Anchor: "x", URL: "c/index.html#x"}}}
	got := gatherCheatsheet([]*Chapter{a, b, c})
	want := []CheatRow{
		{Python: "a1", Go: "A1", Chapter: a},
		{Python: "a2", Go: "A2", Chapter: a},
		{Python: "c1", Go: "C1", Anchor: "x", URL: "c/index.html#x", Chapter: c},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("gatherCheatsheet = %+v\nwant %+v", got, want)
	}
	if a.Cheatsheet[0].Chapter != nil {
		t.Errorf("gatherCheatsheet changed the chapter's own rows")
	}
	if rows := gatherCheatsheet([]*Chapter{b}); rows != nil {
		t.Errorf("gatherCheatsheet of a chapter without rows = %+v, want none", rows)
	}
}

// TestCheatsheetFromFixture builds the fixture and checks the gathered rows
// of the site: both chapters' rows, in order, with links.
func TestCheatsheetFromFixture(t *testing.T) {
	c, err := loadCourse(copyFixture(t))
	if err != nil {
		t.Fatal(err)
	}
	var chs []*Chapter
	for _, s := range c.chapters {
		chs = append(chs, s.Chapter)
	}
	var urls []string
	for _, r := range gatherCheatsheet(chs) {
		urls = append(urls, r.URL)
	}
	want := []string{"hello/index.html#python-first", "hello/index.html", "second-step/index.html#the-table"}
	if !reflect.DeepEqual(urls, want) {
		t.Errorf("cheat sheet links = %q, want %q", urls, want)
	}
}

func TestGroupParts(t *testing.T) {
	ch := func(n int, part string) *Chapter { return &Chapter{Number: n, Part: part} }
	c0, c1, c2, c3, c4 := ch(0, ""), ch(1, "Seed"), ch(2, ""), ch(3, "Beyond"), ch(4, "Seed")
	got := groupParts([]*Chapter{c0, c1, c2, c3, c4})
	want := []Part{
		{Title: "", Chapters: []*Chapter{c0}},         // before the first part: untitled
		{Title: "Seed", Chapters: []*Chapter{c1, c2}}, // c2 names no part: it continues
		{Title: "Beyond", Chapters: []*Chapter{c3}},
		{Title: "Seed", Chapters: []*Chapter{c4}}, // not consecutive: a part of its own
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("groupParts = %+v\nwant %+v", got, want)
	}
	if got := groupParts([]*Chapter{c0, c2}); len(got) != 1 || got[0].Title != "" || len(got[0].Chapters) != 2 {
		t.Errorf("groupParts without parts = %+v, want one untitled part", got)
	}
	if got := groupParts(nil); got != nil {
		t.Errorf("groupParts(nil) = %+v", got)
	}
}
