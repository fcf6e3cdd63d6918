// Newchapter scaffolds a chapter of the course with the full shape: a README
// with the standard sections and include directives, a package with one
// function, an Example with its output, a test with goleak, an exercise
// (exercise.go, solution.go, exercise_test.go) and a Python listing.
//
// Usage:
//
//	go run ./tools/newchapter -num 12 -slug my-topic -title "My topic" [-chapters DIR]
//
// make new-chapter NUM=12 SLUG=my-topic TITLE="My topic" runs it, then
// make site, which fills in the README's directives and adds the chapter to
// docs/. The new chapter passes its tests, and its exercise tests fail with
// -tags learn, as the exercise convention in CONTRIBUTING.md asks.
//
// It refuses a number or a slug that another chapter has, a slug that is
// not kebab-case or does not make a Go package name, and an empty title.
// It writes into a hidden temporary directory first and renames it into
// place, so a failure leaves no half-made chapter behind.
package main

import (
	"bufio"
	"bytes"
	"embed"
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"text/template"
)

// skeleton holds the chapter's files as templates: skeleton/F.tmpl becomes
// chapters/NN-slug/F.
//
//go:embed skeleton
var skeleton embed.FS

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the program behind main, with its surroundings as arguments. It
// returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("newchapter", flag.ContinueOnError)
	flags.SetOutput(stderr)
	var num, slug, title, chapters string
	flags.StringVar(&num, "num", "", "the chapter's `number`: 0 to 99 (NUM)")
	flags.StringVar(&slug, "slug", "", "the chapter's kebab-case `slug`, which names its page (SLUG)")
	flags.StringVar(&title, "title", "", "the chapter's `title` (TITLE)")
	flags.StringVar(&chapters, "chapters", "chapters", "the chapters `directory`")
	flags.Usage = func() {
		fmt.Fprintf(stderr, "usage: go run ./tools/newchapter -num NN -slug SLUG -title TITLE [-chapters DIR]\n")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "newchapter: unexpected argument %q\n", flags.Arg(0))
		return 2
	}
	dir, err := scaffold(chapters, num, slug, title)
	if err != nil {
		fmt.Fprintf(stderr, "newchapter: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s: run \"make site\" to fill in its README and add it to the site\n", dir)
	return 0
}

// A chapter is the template data of the skeleton.
type chapter struct {
	Number       int    // 12
	Dir          string // "12-my-topic"
	Slug         string // "my-topic"
	Title        string // "My topic"
	Package      string // "mytopic"
	Module       string // the module path, from go.mod
	Prerequisite string // the slug of the chapter before this one, or ""
}

// slugPattern is the shape of a chapter slug: kebab-case, starting with a
// letter so that the package name does too.
var slugPattern = regexp.MustCompile(`^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$`)

// chapterDirPattern is the shape of a chapter directory name, as the site
// tool reads it.
var chapterDirPattern = regexp.MustCompile(`^([0-9]{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$`)

// scaffold checks the arguments against the chapters in dir and writes the
// new chapter there. It returns the new chapter's directory.
func scaffold(dir, num, slug, title string) (string, error) {
	ch, err := newChapter(num, slug, title)
	if err != nil {
		return "", err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", fmt.Errorf("the chapters directory: %w", err)
	}
	before := -1
	for _, e := range entries {
		m := chapterDirPattern.FindStringSubmatch(e.Name())
		if !e.IsDir() || m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[1])
		switch {
		case n == ch.Number:
			return "", fmt.Errorf("NUM=%s: number %02d is taken by %s", num, n, path.Join(filepath.ToSlash(dir), e.Name()))
		case m[2] == ch.Slug:
			return "", fmt.Errorf("SLUG=%s: slug %q is taken by %s", slug, slug, path.Join(filepath.ToSlash(dir), e.Name()))
		case n < ch.Number && n > before:
			before, ch.Prerequisite = n, m[2]
		}
	}
	if ch.Module, err = modulePath(dir); err != nil {
		return "", err
	}
	target := filepath.Join(dir, ch.Dir)
	tmp, err := os.MkdirTemp(dir, ".new-"+ch.Dir+"-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp) // a no-op once renamed
	if err := ch.write(tmp); err != nil {
		return "", err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, target); err != nil {
		return "", err
	}
	return target, nil
}

// newChapter checks the number, slug and title and returns the chapter
// they make.
func newChapter(num, slug, title string) (*chapter, error) {
	n, err := strconv.Atoi(num)
	if err != nil || n < 0 || n > 99 || len(num) > 2 {
		return nil, fmt.Errorf("NUM=%q: want a chapter number from 0 to 99, such as 12", num)
	}
	if !slugPattern.MatchString(slug) {
		return nil, fmt.Errorf("SLUG=%q: want a kebab-case slug that starts with a letter, such as my-topic", slug)
	}
	pkg := strings.ReplaceAll(slug, "-", "")
	if !token.IsIdentifier(pkg) || pkg == "main" {
		return nil, fmt.Errorf("SLUG=%q: the package name %q would be a Go keyword or main: choose another slug", slug, pkg)
	}
	title = strings.TrimSpace(title)
	if title == "" || strings.ContainsAny(title, "\r\n") {
		return nil, errors.New(`TITLE: want the chapter's title, on one line, such as TITLE="My topic"`)
	}
	dir := fmt.Sprintf("%02d-%s", n, slug)
	return &chapter{Number: n, Dir: dir, Slug: slug, Title: title, Package: pkg}, nil
}

// write writes the chapter's files into dir.
func (ch *chapter) write(dir string) error {
	funcs := template.FuncMap{"yaml": strconv.Quote}
	return fs.WalkDir(skeleton, "skeleton", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		t, err := template.New(path.Base(p)).Funcs(funcs).Option("missingkey=error").ParseFS(skeleton, p)
		if err != nil {
			return err
		}
		var b bytes.Buffer
		if err := t.Execute(&b, ch); err != nil {
			return err
		}
		rel := strings.TrimSuffix(strings.TrimPrefix(p, "skeleton/"), ".tmpl")
		name := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		return os.WriteFile(name, b.Bytes(), 0o644)
	})
}

// modulePath returns the module path of the go.mod file at or above dir.
func modulePath(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := abs; ; d = filepath.Dir(d) {
		b, err := os.ReadFile(filepath.Join(d, "go.mod"))
		if err == nil {
			return parseModulePath(b, filepath.Join(d, "go.mod"))
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("%s: no go.mod in this directory or any above it", dir)
		}
	}
}

// parseModulePath returns the path of the module directive of the go.mod
// file gomod, read from name.
func parseModulePath(gomod []byte, name string) (string, error) {
	sc := bufio.NewScanner(bytes.NewReader(gomod))
	for line := 1; sc.Scan(); line++ {
		f := strings.Fields(sc.Text())
		if len(f) < 2 || f[0] != "module" {
			continue
		}
		p := f[1]
		if unq, err := strconv.Unquote(p); err == nil {
			p = unq
		}
		if p == "" || strings.HasPrefix(p, "//") {
			return "", fmt.Errorf("%s:%d: malformed module directive", name, line)
		}
		return p, nil
	}
	return "", fmt.Errorf("%s: no module directive", name)
}
