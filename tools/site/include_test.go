package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExtractRegion(t *testing.T) {
	src := "a\n\t// region outer\n\tb\n\t// region inner\n\t\tc\n\t// endregion inner\n\t# region py\n\td\n\t# endregion py\n\t// endregion outer\ne\n"
	tests := []struct{ name, want, err string }{
		{name: "outer", want: "b\n\tc\nd\n"},
		{name: "inner", want: "c\n"},
		{name: "py", want: "d\n"},
		{name: "nope", err: `no region "nope"`},
	}
	for _, tt := range tests {
		got, err := extractRegion(src, tt.name)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("extractRegion(%q) error = %v, want %q", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("extractRegion(%q) = %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
	if _, err := extractRegion("// region a\nx\n", "a"); err == nil || !strings.Contains(err.Error(), "no endregion") {
		t.Errorf("unterminated region: %v", err)
	}
	if got := dropRegionMarkers(src); strings.Contains(got, "region") {
		t.Errorf("dropRegionMarkers left a marker:\n%s", got)
	}
}

func TestFenced(t *testing.T) {
	if got, want := fenced("go", "x := 1\n"), "```go\nx := 1\n```"; got != want {
		t.Errorf("fenced = %q, want %q", got, want)
	}
	if got, want := fenced("text", "a ``` b\n"), "````text\na ``` b\n````"; got != want {
		t.Errorf("fenced with backticks = %q, want %q", got, want)
	}
	if got, want := fenced("output", ""), "```output\n```"; got != want {
		t.Errorf("fenced empty = %q, want %q", got, want)
	}
}

func TestScanDirectives(t *testing.T) {
	readme := strings.Join([]string{
		"---", "title: x", "---",
		"<!-- code: A -->", "old", "<!-- /code -->",
		"```markdown", "<!-- code: Shown -->", "```",
		"<!-- compare -->", "<!-- output: ExampleB -->", "<!-- /output -->", "<!-- /compare -->",
		"<!-- include: x.md -->",
	}, "\n")
	ds, prose, ps := scanDirectives("R.md", splitLines(readme))
	if len(ds) != 2 || ds[0].arg != "A" || ds[0].line() != 4 || ds[1].kind != "output" || ds[1].close != 11 {
		t.Errorf("directives = %+v", ds)
	}
	if prose[7] || !prose[9] || prose[4] {
		t.Errorf("prose = %v", prose)
	}
	if len(ps) != 1 || !errors.Is(ps[0], errUnterminated) || ps[0].Line != 14 {
		t.Errorf("problems = %v, want one unterminated directive at line 14", ps)
	}
}

func TestListingKinds(t *testing.T) {
	c, err := loadCourse(copyFixture(t))
	if err != nil {
		t.Fatal(err)
	}
	ch := c.chapters[0]
	load := func() (*goPackage, error) { return loadPackage(c, ch) }
	tests := []struct{ arg, lang, prefix string }{
		{"Greet", "go", "// Greet returns a greeting for name.\nfunc Greet(name string) string {\n\ts := Greeting"},
		{"Greeter.Greet", "go", "// Greet greets name with the greeter's prefix.\nfunc (g *Greeter) Greet("},
		{"MinName", "go", "// Limits of a greeting.\nconst (\n"},
		{"Greeting", "go", "// Greeting is what Greet says before the name.\nconst Greeting = \"hello\"\n"},
		{"Shout", "go", "// Shout returns name in capitals.\nfunc Shout(name string) string {\n\treturn strings.ToUpper"},
		{"ExampleGreet", "go", "func ExampleGreet() {"},
		{"hello.go", "go", "// Package hello"},
		{"python/hello.py#greet", "python", "async def greet(name):\n"},
		{"diagram.svg", "text", "<svg"},
	}
	for _, tt := range tests {
		lang, code, err := c.listing(ch, tt.arg, load)
		if err != nil || lang != tt.lang || !strings.HasPrefix(code, tt.prefix) {
			t.Errorf("listing(%q) = %q, %q, %v\nwant %q, %q...", tt.arg, lang, code, err, tt.lang, tt.prefix)
		}
		if strings.Contains(code, "region") {
			t.Errorf("listing(%q) kept a region marker:\n%s", tt.arg, code)
		}
	}
	pkg, _ := load()
	if out, err := pkg.output("ExampleGreeter_Greet"); err != nil || out != "hi Guido\nhi Grace\n" {
		t.Errorf("output(ExampleGreeter_Greet) = %q, %v", out, err)
	}
	if _, err := pkg.output("ExampleNoOutput"); !errors.Is(err, errNoOutput) {
		t.Errorf("output(ExampleNoOutput) = %v, want errNoOutput", err)
	}
	if _, err := pkg.decl("Nope"); !errors.Is(err, errUnknownIdent) {
		t.Errorf("decl(Nope) = %v, want errUnknownIdent", err)
	}
}

func TestRefreshRenumbersLinks(t *testing.T) {
	chapters := copyFixture(t)
	if err := os.Rename(filepath.Join(chapters, "02-second-step"), filepath.Join(chapters, "05-second-step")); err != nil {
		t.Fatal(err)
	}
	c, err := loadCourse(chapters)
	if err != nil {
		t.Fatal(err)
	}
	out, stale, ps := c.refresh(c.chapters[0])
	if len(ps) > 0 {
		t.Fatal(ps.err())
	}
	if strings.Contains(string(out), "02-second-step") || !strings.Contains(string(out), "](../05-second-step/README.md#the-table)") {
		t.Errorf("links not renumbered:\n%s", out)
	}
	if len(stale) != 2 || !strings.Contains(stale[0].Error(), `README.md:15: link to chapter "second-step" has number 02, want 05`) {
		t.Errorf("stale = %v", stale.err())
	}
}
