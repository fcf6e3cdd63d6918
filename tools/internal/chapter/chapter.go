// Package chapter is the one owner of what a chapter of the course is: the
// name of its directory and of its Go package (this file), the front matter
// of its README (frontmatter.go), and the include directives in it
// (directive.go). The site tool, the teacher's kit and their tests read
// these rules here; CONTRIBUTING.md describes them for people.
package chapter

import (
	"errors"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/mod/modfile"

	"github.com/asyncgo/course/tools/internal/problem"
)

// A Name is what a chapter directory's name says: "03-event-loop" is
// chapter 3, slug "event-loop", package eventloop.
type Name struct {
	Number int    // 0 to 99: the chapter's place in the course
	Slug   string // kebab-case; names the chapter's page
	Dir    string // the directory name, "NN-slug"
}

// Package returns the name of the chapter's Go package: the slug without
// its dashes.
func (n Name) Package() string { return strings.ReplaceAll(n.Slug, "-", "") }

// dirPattern is the shape of a chapter directory name: two digits, a dash
// and a slug.
var dirPattern = regexp.MustCompile(`^([0-9]{2})-(.+)$`)

// slugPattern is the shape of a slug: kebab-case.
var slugPattern = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// linkPattern matches the start of a relative link from a README to another
// chapter, inline ("](../03-event-loop/...") or in a link reference
// definition ("]: ../03-event-loop/..."). Group 2 is the number, group 3
// the slug.
var linkPattern = regexp.MustCompile(`(\]\(\s*<?|\]:\s*<?)\.\./([0-9]{2})-([a-z0-9]+(?:-[a-z0-9]+)*)([/)>#\s]|$)`)

// errDirName is the error of a directory name that is not NN-slug.
var errDirName = errors.New("chapter directory name does not match NN-slug (two digits, a dash, a kebab-case slug that starts with a letter)")

// ParseDir reads a chapter directory's name.
func ParseDir(dir string) (Name, error) {
	m := dirPattern.FindStringSubmatch(dir)
	if m == nil || !slugPattern.MatchString(m[2]) {
		return Name{}, errDirName
	}
	if err := CheckSlug(m[2]); err != nil {
		return Name{}, fmt.Errorf("chapter slug %q: %w", m[2], err)
	}
	n, _ := strconv.Atoi(m[1])
	return Name{Number: n, Slug: m[2], Dir: dir}, nil
}

// CheckSlug says what is wrong with a chapter slug, if anything: it must
// be kebab-case and start with a letter, and without its dashes it must
// make a Go package name (not a keyword, not main).
func CheckSlug(slug string) error {
	if !slugPattern.MatchString(slug) || slug[0] < 'a' || slug[0] > 'z' {
		return errors.New("want a kebab-case slug that starts with a letter, such as my-topic")
	}
	if pkg := strings.ReplaceAll(slug, "-", ""); token.IsKeyword(pkg) || pkg == "main" {
		return fmt.Errorf("the package name %q would be a Go keyword or main: choose another slug", pkg)
	}
	return nil
}

// New returns the name of a new chapter with the given number and slug, or
// an error that says what is wrong with them.
func New(number int, slug string) (Name, error) {
	if number < 0 || number > 99 {
		return Name{}, fmt.Errorf("chapter number %d: want 0 to 99", number)
	}
	if err := CheckSlug(slug); err != nil {
		return Name{}, err
	}
	return Name{Number: number, Slug: slug, Dir: fmt.Sprintf("%02d-%s", number, slug)}, nil
}

// Skipped reports whether an entry of the chapters directory is not a
// chapter and is not reported as a badly named one: internal (the helpers
// shared by the chapters' tests), testdata, and hidden entries.
func Skipped(name string) bool {
	return name == "internal" || name == "testdata" || strings.HasPrefix(name, ".")
}

// List returns the chapters in the directory dir, ordered by number. rel is
// dir as problems name it (relative to the repository root, with slashes).
// A directory whose name is not NN-slug, or whose number or slug another
// chapter has, is a problem; the other chapters are still returned.
func List(dir, rel string) ([]Name, problem.List) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, problem.List{{File: rel, Err: err}}
	}
	var names []Name
	var ps problem.List
	byNumber, bySlug := make(map[int]string), make(map[string]string)
	for _, e := range entries { // os.ReadDir sorts by name
		if !e.IsDir() || Skipped(e.Name()) {
			continue
		}
		at := rel + "/" + e.Name()
		n, err := ParseDir(e.Name())
		switch {
		case err != nil:
			ps.Add(at, err)
		case byNumber[n.Number] != "":
			ps.Add(at, fmt.Errorf("chapter number %02d is also used by %s", n.Number, byNumber[n.Number]))
		case bySlug[n.Slug] != "":
			ps.Add(at, fmt.Errorf("chapter slug %q is also used by %s", n.Slug, bySlug[n.Slug]))
		default:
			byNumber[n.Number], bySlug[n.Slug] = at, at
			names = append(names, n)
		}
	}
	if len(names) == 0 && len(ps) == 0 {
		ps.Add(rel, errors.New("no chapters: expected directories named NN-slug"))
	}
	slices.SortFunc(names, func(a, b Name) int { return a.Number - b.Number })
	return names, ps
}

// RewriteLinks calls f with the number and slug of every link to another
// chapter in the README line, and puts the directory name f returns in the
// link's place. f returns ok false to leave a link as it is.
func RewriteLinks(line string, f func(number, slug string) (dir string, ok bool)) string {
	return linkPattern.ReplaceAllStringFunc(line, func(m string) string {
		sm := linkPattern.FindStringSubmatch(m)
		dir, ok := f(sm[2], sm[3])
		if !ok {
			return m
		}
		return sm[1] + "../" + dir + sm[4]
	})
}

// Module returns the repository root, the nearest directory at or above
// dir that holds a go.mod file, and the path of the module it declares.
func Module(dir string) (root, path string, err error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", "", err
	}
	for d := abs; ; d = filepath.Dir(d) {
		b, err := os.ReadFile(filepath.Join(d, "go.mod"))
		if err == nil {
			if path = modfile.ModulePath(b); path == "" {
				return "", "", fmt.Errorf("%s: no module directive", filepath.Join(d, "go.mod"))
			}
			return d, path, nil
		}
		if filepath.Dir(d) == d {
			return "", "", fmt.Errorf("%s: no go.mod in this directory or any above it", dir)
		}
	}
}

// IsSlug reports whether s has the shape of a chapter slug, as opposed to
// text: a prerequisite in the front matter is a chapter when it is a slug.
func IsSlug(s string) bool { return slugPattern.MatchString(s) }
