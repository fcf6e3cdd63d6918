package main

import (
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// TestOutputHasNoLexer checks what writing verified output without asking
// chroma relies on: chroma would not highlight it either.
func TestOutputHasNoLexer(t *testing.T) {
	if l := lexers.Get(outputInfo); l != nil {
		t.Errorf("chroma has a lexer for %q (%s): verified output would be highlighted", outputInfo, l.Config().Name)
	}
}

// TestClassesOnlyStyle checks what highlighting with classesOnly relies on:
// with CSS classes, the HTML is the same whatever the style.
func TestClassesOnlyStyle(t *testing.T) {
	code := "// Count counts.\nfunc Count(n int) <-chan int {\n\tch := make(chan int)\n\treturn ch // \"<&>\"\n}\n"
	html := func(style *chroma.Style) string {
		it, err := chroma.Coalesce(lexers.Get("go")).Tokenise(nil, code)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		if err := chromahtml.New(chromahtml.WithClasses(true)).Format(&b, style, it); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	want := html(styles.Get("github"))
	if got := html(classesOnly()); got != want {
		t.Errorf("with classesOnly:\n%s\nwith github:\n%s", got, want)
	}
	if !strings.Contains(want, `<span class="kd">func</span>`) {
		t.Errorf("no classes in\n%s", want)
	}
}
