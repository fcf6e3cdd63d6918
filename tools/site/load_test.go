package main

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestParseFrontMatter(t *testing.T) {
	tests := []struct {
		in, title, summary, err string
	}{
		{in: "---\ntitle: T\nsummary: S\n---\n# T\n", title: "T", summary: "S"},
		{in: "---\ntitle: \"T: colon\"\nsummary: S\nextra: ok\n---\n", title: "T: colon", summary: "S"},
		{in: "# no front matter\n", err: "missing front matter"},
		{in: "---\ntitle: T\n", err: `no closing "---"`},
		{in: "---\ntitle: [T\nsummary: S\n---\n", err: "malformed front matter: yaml"},
		{in: "---\nsummary: S\n---\n", err: "no title"},
		{in: "---\ntitle: T\n---\n", err: "no summary"},
		{in: "---\ntitle: T\nsummary: |\n  two\n  lines\n---\n", err: "summary must be one line"},
		{in: "---\ntitle: T\nsummary: S\nminutes: lots\n---\n", err: "malformed front matter"},
		{in: "---\ntitle: T\nsummary: S\nobjectives: [\"\"]\n---\n", err: "objectives: item 1 must be one non-empty line"},
		{in: "---\ntitle: T\nsummary: S\nexercise: |\n  two\n  lines\n---\n", err: "exercise must be one line"},
		{in: "---\ntitle: T\nsummary: S\npart: |\n  two\n  lines\n---\n", err: "part must be one line"},
		{in: "---\ntitle: T\nsummary: S\ncheatsheet:\n  - python: p\n---\n", err: `cheatsheet: row 1 has no "go"`},
		{in: "---\ntitle: T\nsummary: S\ncheatsheet:\n  - go: g\n---\n", err: `cheatsheet: row 1 has no "python"`},
		{in: "---\ntitle: T\nsummary: S\ncheatsheet:\n  - python: \"``\"\n    go: g\n---\n", err: "row 1: python: empty"},
		{in: "---\ntitle: T\nsummary: S\ncheatsheet:\n  - python: p\n    go: g\n    anchor: a b\n---\n", err: `anchor "a b" is not a heading id`},
		{in: "---\ntitle: T\nsummary: S\ncheatsheet: [p]\n---\n", err: "malformed front matter"},
	}
	for _, tt := range tests {
		fm, err := parseFrontMatter([]byte(tt.in))
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("parseFrontMatter(%q) = %v, want error containing %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || fm.Title != tt.title || fm.Summary != tt.summary {
			t.Errorf("parseFrontMatter(%q) = %+v, %v; want %q, %q", tt.in, fm, err, tt.title, tt.summary)
		}
	}
}

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
		t.Fatal(ps.err())
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

func TestFindRoot(t *testing.T) {
	if _, err := findRoot(t.TempDir()); err == nil || !strings.Contains(err.Error(), "no go.mod") {
		t.Errorf("findRoot of a directory outside any module: %v", err)
	}
}

func TestChapterDirPattern(t *testing.T) {
	for name, ok := range map[string]bool{
		"01-coroutines": true, "03-event-loop": true, "10-a1": true,
		"1-x": false, "001-x": false, "01-": false, "01-Event": false, "01-a--b": false, "01-a-": false, "01_x": false,
	} {
		if got := chapterDirPattern.MatchString(name); got != ok {
			t.Errorf("chapterDirPattern.MatchString(%q) = %v, want %v", name, got, ok)
		}
	}
}
