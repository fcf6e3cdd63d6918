package chapter

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestParseDir(t *testing.T) {
	for name, ok := range map[string]bool{
		"01-coroutines": true, "03-event-loop": true, "10-a1": true,
		"1-x": false, "001-x": false, "01-": false, "01-Event": false, "01-a--b": false, "01-a-": false, "01_x": false,
		"01-2fast": false, "01-func": false, "01-main": false,
	} {
		if _, err := ParseDir(name); (err == nil) != ok {
			t.Errorf("ParseDir(%q) = %v, want ok %v", name, err, ok)
		}
	}
	if n, err := ParseDir("03-event-loop"); err != nil || n != (Name{Number: 3, Slug: "event-loop", Dir: "03-event-loop"}) || n.Package() != "eventloop" {
		t.Errorf("ParseDir(03-event-loop) = %+v (package %s), %v", n, n.Package(), err)
	}
}

func TestModule(t *testing.T) {
	if _, _, err := Module(t.TempDir()); err == nil || !strings.Contains(err.Error(), "no go.mod") {
		t.Errorf("Module of a directory outside any module: %v", err)
	}
	root, path, err := Module(".")
	if err != nil || path == "" {
		t.Fatalf("Module(.) = %q, %q, %v", root, path, err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil || !strings.HasSuffix(path, "course") {
		t.Errorf("Module(.) = %q, %q: want the repository root and its module", root, path)
	}
}

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
		fm, err := ParseFrontMatter([]byte(tt.in))
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseFrontMatter(%q) = %v, want error containing %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || fm.Title != tt.title || fm.Summary != tt.summary {
			t.Errorf("ParseFrontMatter(%q) = %+v, %v; want %q, %q", tt.in, fm, err, tt.title, tt.summary)
		}
	}
}

func TestExtractRegion(t *testing.T) {
	src := "a\n\t// region outer\n\tb\n\t// region inner\n\t\tc\n\t// endregion inner\n\t# region py\n\td\n\t# endregion py\n\t// endregion outer\ne\n"
	tests := []struct{ name, want, err string }{
		{name: "outer", want: "b\n\tc\nd\n"},
		{name: "inner", want: "c\n"},
		{name: "py", want: "d\n"},
		{name: "nope", err: `no region "nope"`},
	}
	for _, tt := range tests {
		got, err := ExtractRegion(src, tt.name)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ExtractRegion(%q) error = %v, want %q", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ExtractRegion(%q) = %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
	if _, err := ExtractRegion("// region a\nx\n", "a"); err == nil || !strings.Contains(err.Error(), "no endregion") {
		t.Errorf("unterminated region: %v", err)
	}
	if got := DropRegionMarkers(src); strings.Contains(got, "region") {
		t.Errorf("dropRegionMarkers left a marker:\n%s", got)
	}
}

func TestScan(t *testing.T) {
	readme := strings.Join([]string{
		"---", "title: x", "---",
		"<!-- code: A -->", "old", "<!-- /code -->",
		"```markdown", "<!-- code: Shown -->", "```",
		"<!-- compare -->", "<!-- output: ExampleB -->", "<!-- /output -->", "<!-- /compare -->",
		"<!-- include: x.md -->",
	}, "\n")
	ds, prose, ps := Scan("R.md", strings.Split(readme, "\n"))
	if len(ds) != 2 || ds[0].Arg != "A" || ds[0].Line() != 4 || ds[1].Kind != "output" || ds[1].Close != 11 {
		t.Errorf("directives = %+v", ds)
	}
	if prose[7] || !prose[9] || prose[4] {
		t.Errorf("prose = %v", prose)
	}
	if len(ps) != 1 || !errors.Is(ps[0], ErrUnterminated) || ps[0].Line != 14 {
		t.Errorf("problems = %v, want one unterminated directive at line 14", ps)
	}
}

func TestLineErrorUnwraps(t *testing.T) {
	inner := errors.New("x")
	if err := error(&LineError{3, inner}); !errors.Is(err, inner) || err.Error() != "x" {
		t.Errorf("LineError: %v", err)
	}
}

func TestList(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"02-b", "01-a", "internal", ".hidden", "testdata", "1-bad", "03-a", "02-c"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	names, ps := List(dir, "chapters")
	var got []string
	for _, n := range names {
		got = append(got, n.Dir)
	}
	if strings.Join(got, " ") != "01-a 02-b" {
		t.Errorf("List = %q, want 01-a 02-b", got)
	}
	want := "chapters/02-c: chapter number 02 is also used by chapters/02-b\n" +
		"chapters/03-a: chapter slug \"a\" is also used by chapters/01-a\n" +
		"chapters/1-bad: " + errDirName.Error()
	if err := ps.Err(); err == nil || err.Error() != want {
		t.Errorf("List problems:\n%v\nwant\n%s", err, want)
	}
	if _, ps := List(t.TempDir(), "empty"); ps.Err() == nil || !strings.Contains(ps.Err().Error(), "no chapters") {
		t.Errorf("List of an empty directory: %v", ps.Err())
	}
}

func TestRewriteLinks(t *testing.T) {
	line := "see [the loop](../03-event-loop/README.md#timers) and [x]: ../04-gone/"
	got := RewriteLinks(line, func(number, slug string) (string, bool) {
		return "07-" + slug, slug == "event-loop"
	})
	if want := "see [the loop](../07-event-loop/README.md#timers) and [x]: ../04-gone/"; got != want {
		t.Errorf("RewriteLinks = %q, want %q", got, want)
	}
}

func TestSplitCode(t *testing.T) {
	spans, err := SplitCode("call `f()` then `g`")
	want := []Span{{Text: "call "}, {Text: "f()", Code: true}, {Text: " then "}, {Text: "g", Code: true}}
	if err != nil || !slices.Equal(spans, want) {
		t.Errorf("SplitCode = %+v, %v; want %+v", spans, err, want)
	}
	for _, bad := range []string{"a `b", "``"} {
		if _, err := SplitCode(bad); err == nil {
			t.Errorf("SplitCode(%q): no error", bad)
		}
	}
}

func TestFindRegion(t *testing.T) {
	src := "a\n\t// region r\n\n\tfunc f() {\n\t\treturn\n\t}\n\n\t// endregion r\n"
	r, err := FindRegion(src, "r")
	want := Region{Text: "func f() {\n\treturn\n}\n", First: 4, Last: 6, Indent: "\t"}
	if err != nil || r != want {
		t.Errorf("FindRegion = %+v, %v; want %+v", r, err, want)
	}
}

// TestStubs makes a git repository with one chapter, changes its stub in
// place, and reads the stub as the index holds it.
func TestStubs(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	root := t.TempDir()
	dir := "chapters/01-a"
	write := func(name, text string) {
		p := filepath.Join(root, filepath.FromSlash(dir), name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(ExerciseFile, "stub\n")
	write(SolutionFile, "solution\n")
	if _, ok := IndexedStub(root, dir); ok {
		t.Errorf("IndexedStub outside a git checkout reports a stub")
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "."}} {
		if out, err := git(root, args...); err != nil {
			t.Fatalf("git %v: %v %s", args, err, out)
		}
	}
	if got := CommittedStubs(root, []string{dir}); len(got) != 0 {
		t.Errorf("CommittedStubs with the stub unchanged = %q, want none", got)
	}
	write(ExerciseFile, "solved\n")
	if got := CommittedStubs(root, []string{dir}); string(got[dir]) != "stub\n" {
		t.Errorf("CommittedStubs after an edit in place = %q, want the stub", got)
	}
	if b, ok := IndexedStub(root, dir); !ok || string(b) != "stub\n" {
		t.Errorf("IndexedStub = %q, %v; want the stub", b, ok)
	}
}
