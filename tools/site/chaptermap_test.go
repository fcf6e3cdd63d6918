package main

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/asyncgo/course/tools/internal/chapter"
)

// TestChapterMap checks CONTRIBUTING.md's table of chapters that build on
// others against the imports in the chapters' Go code, so that the table
// says which chapter a teacher cannot remove or renumber alone.
func TestChapterMap(t *testing.T) {
	root := filepath.Join("..", "..")
	contributing, err := os.ReadFile(filepath.Join(root, "CONTRIBUTING.md"))
	if err != nil {
		t.Skipf("no CONTRIBUTING.md: %v", err)
	}
	_, module, err := chapter.Module(root)
	if err != nil {
		t.Fatal(err)
	}
	names, ps := chapter.List(filepath.Join(root, "chapters"), "chapters")
	if err := ps.Err(); err != nil {
		t.Fatal(err)
	}
	var code []string // "importer imported", from the Go files
	for _, n := range names {
		files, _ := filepath.Glob(filepath.Join(root, "chapters", n.Dir, "*.go"))
		for _, file := range files {
			f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range f.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				dir, ok := strings.CutPrefix(p, module+"/chapters/")
				if ok && dir != n.Dir && !strings.HasPrefix(dir, "internal") {
					code = append(code, n.Dir+" "+dir)
				}
			}
		}
	}
	slices.Sort(code)
	code = slices.Compact(code)

	section := string(contributing)
	if i := strings.Index(section, "### Chapters that build on others"); i >= 0 {
		section = section[i:]
		if j := strings.Index(section[1:], "\n#"); j >= 0 {
			section = section[:j+1]
		}
	}
	present := make(map[string]bool) // a copy of the course may hold only some chapters
	for _, n := range names {
		present[n.Dir] = true
	}
	var table []string
	for _, m := range regexp.MustCompile("(?m)^\\| `([0-9]{2}-[a-z0-9-]+)` \\| `([0-9]{2}-[a-z0-9-]+)` \\|").FindAllStringSubmatch(section, -1) {
		if present[m[1]] {
			table = append(table, m[1]+" "+m[2])
		}
	}
	slices.Sort(table)
	if !slices.Equal(code, table) {
		t.Errorf("CONTRIBUTING.md's table of chapters that build on others lists %q; the code imports %q", table, code)
	}
}
