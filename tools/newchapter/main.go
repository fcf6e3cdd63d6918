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
	"bytes"
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"text/template"

	"github.com/asyncgo/course/tools/internal/chapter"
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

// A newChapter is the template data of the skeleton.
type newChapter struct {
	Number       int    // 12
	Dir          string // "12-my-topic"
	Slug         string // "my-topic"
	Title        string // "My topic"
	Package      string // "mytopic"
	Module       string // the module path, from go.mod
	Prerequisite string // the slug of the chapter before this one, or ""
}

// scaffold checks the arguments against the chapters in dir and writes the
// new chapter there. It returns the new chapter's directory.
func scaffold(dir, num, slug, title string) (string, error) {
	ch, err := parseArgs(num, slug, title)
	if err != nil {
		return "", err
	}
	if _, err := os.ReadDir(dir); err != nil {
		return "", fmt.Errorf("the chapters directory: %w", err)
	}
	// Badly named directories are the site tool's to report; here only the
	// chapters' numbers and slugs matter.
	names, _ := chapter.List(dir, filepath.ToSlash(dir))
	for _, n := range names {
		switch {
		case n.Number == ch.Number:
			return "", fmt.Errorf("NUM=%s: number %02d is taken by %s", num, n.Number, path.Join(filepath.ToSlash(dir), n.Dir))
		case n.Slug == ch.Slug:
			return "", fmt.Errorf("SLUG=%s: slug %q is taken by %s", slug, slug, path.Join(filepath.ToSlash(dir), n.Dir))
		case n.Number < ch.Number:
			ch.Prerequisite = n.Slug // names are in order: the last one before wins
		}
	}
	if _, ch.Module, err = chapter.Module(dir); err != nil {
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

// parseArgs checks the number, slug and title and returns the chapter
// they make.
func parseArgs(num, slug, title string) (*newChapter, error) {
	n, err := strconv.Atoi(num)
	if err != nil || n < 0 || len(num) > 2 {
		return nil, fmt.Errorf("NUM=%q: want a chapter number from 0 to 99, such as 12", num)
	}
	name, err := chapter.New(n, slug)
	if err != nil {
		return nil, fmt.Errorf("SLUG=%q: %w", slug, err)
	}
	title = strings.TrimSpace(title)
	if title == "" || strings.ContainsAny(title, "\r\n") {
		return nil, errors.New(`TITLE: want the chapter's title, on one line, such as TITLE="My topic"`)
	}
	return &newChapter{Number: n, Dir: name.Dir, Slug: slug, Title: title, Package: name.Package()}, nil
}

// write writes the chapter's files into dir.
func (ch *newChapter) write(dir string) error {
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
