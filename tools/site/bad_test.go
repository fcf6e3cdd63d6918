package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadInput builds broken copies of the fixture. Each must fail with a
// message naming the file (and line), exit 1, and leave -out as it was.
func TestBadInput(t *testing.T) {
	hello := filepath.Join("01-hello", "README.md")
	helloTest := filepath.Join("01-hello", "hello_test.go")
	// edit returns a mutation that replaces old by new in the file at rel,
	// relative to the chapters directory.
	edit := func(rel, old, new string) func(*testing.T, string) {
		return func(t *testing.T, chapters string) {
			name := filepath.Join(chapters, rel)
			s := readFile(t, name)
			if !strings.Contains(s, old) {
				t.Fatalf("%s does not contain %q", rel, old)
			}
			writeFile(t, name, strings.Replace(s, old, new, 1))
		}
	}
	tests := []struct {
		name   string
		mutate func(t *testing.T, chapters string)
		want   string
	}{
		{"missing include file", edit(hello, "code: python/hello.py#greet", "code: python/missing.py"),
			`chapters/01-hello/README.md:20: missing file "python/missing.py" in chapters/01-hello`},
		{"missing region", edit(hello, "code: python/hello.py#greet", "code: python/hello.py#nope"),
			`chapters/01-hello/README.md:20: python/hello.py: no region "nope"`},
		{"unknown identifier", edit(hello, "<!-- code: Greeter -->", "<!-- code: Nope -->"),
			`chapters/01-hello/README.md:40: unknown identifier "Nope" in package hello`},
		{"unknown method", edit(hello, "<!-- code: Greeter.Greet -->", "<!-- code: Greeter.Nope -->"),
			`chapters/01-hello/README.md:50: unknown identifier "Greeter.Nope" in package hello`},
		{"unknown example", edit(hello, "<!-- output: ExampleGreet -->", "<!-- output: ExampleNope -->"),
			`chapters/01-hello/README.md:80: unknown example "ExampleNope" in package hello`},
		{"example without output", edit(hello, "<!-- output: ExampleGreet -->", "<!-- output: ExampleGreet_noOutput -->"),
			`chapters/01-hello/README.md:80: example "ExampleGreet_noOutput" has no // Output: comment`},
		{"malformed front matter", edit(hello, "summary: The first", "summary: [The first"),
			`chapters/01-hello/README.md:1: malformed front matter: yaml:`},
		{"unterminated front matter", edit(hello, "---\n\n# Hello", "\n# Hello"),
			`chapters/01-hello/README.md:1: malformed front matter: no closing "---" line`},
		{"no front matter", edit(hello, "---\ntitle", "title"),
			`chapters/01-hello/README.md:1: missing front matter`},
		{"missing title", edit(hello, "title: Hello, fixture\n", ""),
			`chapters/01-hello/README.md:1: front matter has no title`},
		{"missing summary", edit(hello, "summary: The first chapter of the fixture, with every kind of directive.\n", ""),
			`chapters/01-hello/README.md:1: front matter has no summary`},
		{"two chapters with the same number", rename("02-second-step", "01-second-step"),
			`chapters/01-second-step: chapter number 01 is also used by chapters/01-hello`},
		{"two chapters with the same slug", rename("02-second-step", "02-hello"),
			`chapters/02-hello: chapter slug "hello" is also used by chapters/01-hello`},
		{"directory not NN-slug", mkdir("3-third"),
			`chapters/3-third: chapter directory name does not match NN-slug`},
		{"directory with a capital", mkdir("03-Third"),
			`chapters/03-Third: chapter directory name does not match NN-slug`},
		{"chapter without README", mkdir("03-third"),
			`chapters/03-third/README.md: missing file: every chapter directory needs a README.md`},
		{"broken anchor", edit(hello, "[link to this section](#a-picture)", "[link to this section](#nowhere)"),
			`hello/index.html:`},
		{"broken anchor in another chapter", edit(hello, "README.md#the-table", "README.md#no-table"),
			`<a href="../second-step/index.html#no-table">: broken link: no id "no-table" on second-step/index.html (from chapters/01-hello/README.md)`},
		{"link to a missing chapter", edit(hello, "../02-second-step/)", "../09-missing/)"),
			`chapters/01-hello/README.md:107: link to missing chapter "missing"`},
		{"prerequisite names a missing chapter", edit(filepath.Join("02-second-step", "README.md"), "prerequisites: [hello,", "prerequisites: [goodbye,"),
			`chapters/02-second-step/README.md:8: prerequisite "goodbye" names no chapter`},
		{"prerequisite chapter removed", removeDir("01-hello"),
			`chapters/02-second-step/README.md:8: prerequisite "hello" names no chapter`},
		{"cheat sheet row without go", edit(hello, "    go: \"any call that blocks, `a < b`\"\n", ""),
			`chapters/01-hello/README.md:9: front matter cheatsheet: row 2 has no "go" (every row needs python and go)`},
		{"cheat sheet row with an empty python", edit(hello, "\"`await x` & friends\"", `""`),
			`chapters/01-hello/README.md:9: front matter cheatsheet: row 2 has no "python"`},
		{"cheat sheet row with an unbalanced backtick", edit(hello, "\"`await x` & friends\"", "\"`await x & friends\""),
			"chapters/01-hello/README.md:9: front matter cheatsheet: row 2: python: unbalanced backtick"},
		{"cheat sheet anchor that is no heading", edit(hello, "anchor: python-first", "anchor: python-last"),
			`chapters/01-hello/README.md:6: front matter cheatsheet: row 1: anchor "python-last" is not the id of a heading of this chapter`},
		{"negative minutes", edit(filepath.Join("02-second-step", "README.md"), "minutes: 15", "minutes: -5"),
			`chapters/02-second-step/README.md:1: front matter minutes must not be negative`},
		{"link to a source file", edit(hello, "../02-second-step/)", "hello.go)"),
			`chapters/01-hello/README.md:107: link "hello.go": a README may link to chapters`},
		{"missing image", edit(hello, "(diagram.svg)", "(nope.svg)"),
			`chapters/01-hello/README.md:105: link "nope.svg": missing file "nope.svg" in chapters/01-hello`},
		{"include path leaves the repository", edit(hello, "code: python/hello.py#greet", "code: ../../../outside.py"),
			`chapters/01-hello/README.md:20: path "../../../outside.py" leaves the repository`},
		{"include through a symlink out of the repository", symlinkOut,
			`chapters/01-hello/README.md:20: path "python/out.py" leaves the repository through a symbolic link`},
		{"empty chapters directory", emptyChapters,
			`chapters: no chapters`},
		{"unterminated directive", edit(hello, "```\n<!-- /code -->\n\n<!-- code: Greeter.Greet", "```\n\n<!-- code: Greeter.Greet"),
			`chapters/01-hello/README.md:40: unterminated directive: <!-- code: Greeter --> has no <!-- /code -->`},
		{"unterminated compare", edit(hello, "<!-- /code -->\n<!-- /compare -->", "<!-- /code -->"),
			`chapters/01-hello/README.md:19: unterminated directive: <!-- compare --> has no <!-- /compare -->`},
		{"directive inside HTML", edit(hello, "<details><summary>Solution</summary>\n\n", "<details><summary>Solution</summary>\n"),
			`chapters/01-hello/README.md:130: directive <!-- code: solution.go --> is inside a block of HTML`},
		{"Go file that does not parse", edit(filepath.Join("01-hello", "hello.go"), "package hello", "package hello\nfunc {"),
			`chapters/01-hello/hello.go: `},
		{"region marker in a doc comment", edit(filepath.Join("01-hello", "hello.go"), "// Greet returns a greeting", "// region greet\n// Greet returns a greeting"),
			`chapters/01-hello/hello.go:22: "// region greet" is part of the doc comment of Greet: put a blank line between the marker and the comment`},
		{"import of a later chapter", edit(filepath.Join("01-hello", "hello.go"), "import \"strings\"", "import (\n\t\"strings\"\n\n\t_ \"example.com/fixture/chapters/02-second-step\"\n)"),
			`chapters/01-hello/hello.go:7: imports chapters/02-second-step, which comes after chapters/01-hello: a chapter may import only earlier chapters`},
		{"import of a removed chapter", edit(filepath.Join("02-second-step", "step.go"), "package secondstep\n", "package secondstep\n\nimport _ \"example.com/fixture/chapters/01-gone\"\n"),
			`chapters/02-second-step/step.go:4: imports chapters/01-gone, which is not a chapter of the course (was it removed or renamed?)`},
		{"import of a renumbered chapter", edit(filepath.Join("02-second-step", "step.go"), "package secondstep\n", "package secondstep\n\nimport _ \"example.com/fixture/chapters/00-hello\"\n"),
			`chapters/02-second-step/step.go:4: imports chapters/00-hello, which is now chapters/01-hello: change the import path`},
		// The verify stage: go test runs the outputs the pages show.
		{"example prints something else", edit(helloTest, `hello.Greet("Ada")`, `hello.Greet("Bob")`),
			`chapters/01-hello/README.md:80: ExampleGreet printed "hello, Bob"; its // Output: comment says "hello, Ada"`},
		{"unordered example prints something else", edit(helloTest, `g.Greet("Guido")`, `g.Greet("Linus")`),
			`chapters/01-hello/README.md:86: ExampleGreeter_Greet printed "hi Linus"; its // Unordered output: comment says "hi Guido"`},
		{"example prints a line more", edit(helloTest, `fmt.Println(hello.Greet("Ada"))`, `fmt.Println(hello.Greet("Ada"))
	fmt.Println("and more")`),
			`chapters/01-hello/README.md:80: ExampleGreet printed "and more"; its // Output: comment says nothing more`},
		{"example panics", edit(helloTest, `fmt.Println(hello.Greet("Ada"))`, `panic("boom")`),
			`chapters/01-hello/README.md:80: ExampleGreet failed: panic: boom`},
		{"chapter tests do not build", edit(helloTest, `hello.Greet("Ada")`, `hello.Greet(1)`),
			`chapters/01-hello/hello_test.go:11: cannot use 1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chapters := copyFixture(t)
			tt.mutate(t, chapters)
			out := filepath.Join(filepath.Dir(chapters), "docs")
			writeFile(t, filepath.Join(out, "search-index.js"), "old site")
			code, _, stderr := runSite(t, "-chapters", chapters, "-out", out)
			if code != 1 {
				t.Errorf("exit status %d, want 1", code)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr does not contain\n\t%s\nstderr:\n%s", tt.want, stderr)
			}
			entries, err := os.ReadDir(out)
			if err != nil || len(entries) != 1 || readFile(t, filepath.Join(out, "search-index.js")) != "old site" {
				t.Errorf("-out changed: %v %v", entries, err)
			}
		})
	}
}

// rename returns a mutation that renames a chapter directory.
func rename(from, to string) func(*testing.T, string) {
	return func(t *testing.T, chapters string) {
		if err := os.Rename(filepath.Join(chapters, from), filepath.Join(chapters, to)); err != nil {
			t.Fatal(err)
		}
	}
}

// removeDir returns a mutation that deletes a chapter directory.
func removeDir(name string) func(*testing.T, string) {
	return func(t *testing.T, chapters string) {
		if err := os.RemoveAll(filepath.Join(chapters, name)); err != nil {
			t.Fatal(err)
		}
	}
}

// mkdir returns a mutation that adds an empty directory to chapters.
func mkdir(name string) func(*testing.T, string) {
	return func(t *testing.T, chapters string) {
		if err := os.Mkdir(filepath.Join(chapters, name), 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

// symlinkOut includes python/out.py, a symbolic link to a file outside the
// repository.
func symlinkOut(t *testing.T, chapters string) {
	outside := filepath.Join(t.TempDir(), "outside.py")
	writeFile(t, outside, "print('outside')\n")
	if err := os.Symlink(outside, filepath.Join(chapters, "01-hello", "python", "out.py")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	readme := filepath.Join(chapters, "01-hello", "README.md")
	writeFile(t, readme, strings.Replace(readFile(t, readme), "code: python/hello.py#greet", "code: python/out.py", 1))
}

// emptyChapters removes every chapter.
func emptyChapters(t *testing.T, chapters string) {
	if err := os.RemoveAll(chapters); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(chapters, 0o755); err != nil {
		t.Fatal(err)
	}
}
