package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

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

func TestListingKinds(t *testing.T) {
	c, err := loadCourse(copyFixture(t))
	if err != nil {
		t.Fatal(err)
	}
	ch := c.chapters[0]
	load := func() (*goPackage, error) { p, ps := c.loadPackage(ch); return p, ps.Err() }
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
		lang, code, _, err := c.listing(ch, tt.arg, load)
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
	if _, err := pkg.output("ExampleGreet_noOutput"); !errors.Is(err, errNoOutput) {
		t.Errorf("output(ExampleGreet_noOutput) = %v, want errNoOutput", err)
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
	out, _, stale, ps := c.refresh(c.chapters[0])
	if len(ps) > 0 {
		t.Fatal(ps.Err())
	}
	if strings.Contains(string(out), "02-second-step") || !strings.Contains(string(out), "](../05-second-step/README.md#the-table)") {
		t.Errorf("links not renumbered:\n%s", out)
	}
	if len(stale) != 2 || !strings.Contains(stale[0].Error(), `README.md:15: link to chapter "second-step" has number 02, want 05`) {
		t.Errorf("stale = %v", stale.Err())
	}
}
