package main

import (
	"path/filepath"
	"reflect"
	"testing"
)

func TestLoadCourse(t *testing.T) {
	chapters := copyFixture(t)
	c, err := loadCourse(chapters)
	if err != nil {
		t.Fatal(err)
	}
	if c.root != filepath.Dir(chapters) {
		t.Errorf("root = %s, want %s", c.root, filepath.Dir(chapters))
	}
	if len(c.chapters) != 2 {
		t.Fatalf("got %d chapters, want 2", len(c.chapters))
	}
	first, second := c.chapters[0], c.chapters[1]
	want := Chapter{Number: 1, Dir: "01-hello", Slug: "hello", Title: "Hello, fixture",
		Summary: "The first chapter of the fixture, with every kind of directive.", URL: "hello/index.html",
		RunCommand: "go test ./chapters/01-hello/", Source: "chapters/01-hello/README.md", Next: second.Chapter,
		Part: "The first part: hello", Cheatsheet: []CheatRow{
			{Python: "<code>async def greet(name)</code>", Go: "<code>func Greet(name string) string</code>",
				Anchor: "python-first", URL: "hello/index.html#python-first", line: 6},
			{Python: "<code>await x</code> &amp; friends", Go: "any call that blocks, <code>a &lt; b</code>",
				URL: "hello/index.html", line: 9},
		}}
	if got := *first.Chapter; !reflect.DeepEqual(got, want) {
		t.Errorf("first chapter = %+v\nwant %+v", got, want)
	}
	if second.Prev != first.Chapter || second.Next != nil || first.Prev != nil {
		t.Errorf("prev/next links are wrong")
	}
	if ps := c.linkPrerequisites(); len(ps) > 0 {
		t.Fatal(ps.Err())
	}
	wantPre := []Prerequisite{{Chapter: first.Chapter, Text: "hello"}, {Text: "reading a markdown table"}}
	if !reflect.DeepEqual(second.Prerequisites, wantPre) || second.Minutes != 15 || len(second.Objectives) != 2 ||
		len(second.Misconceptions) != 1 || second.Exercise != "None; this chapter has no exercise." {
		t.Errorf("second chapter's teaching guide: %+v %d %q %q %q", second.Prerequisites, second.Minutes,
			second.Objectives, second.Misconceptions, second.Exercise)
	}
	if second.Part != "" || len(second.Cheatsheet) != 1 || second.Cheatsheet[0].URL != "second-step/index.html#the-table" {
		t.Errorf("second chapter's part and cheat sheet: %q %+v", second.Part, second.Cheatsheet)
	}
	if c.bySlug["second-step"] != second {
		t.Errorf("bySlug does not find second-step")
	}
}
