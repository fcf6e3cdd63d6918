// Renamemodule changes the module path of the course: in go.mod, and in
// every import of the module's packages in every .go file of the module.
//
// Usage:
//
//	go run ./tools/renamemodule -module example.org/their/course [-root DIR]
//
// make rename-module MODULE=example.org/their/course runs it, then make site
// (whose listings show some imports), go build ./... and go test ./....
//
// It reads and rewrites every file in memory first, and writes nothing when
// a file does not parse or go mod edit rejects the new path. Directories
// with a go.mod of their own (test fixtures such as
// tools/site/testdata/fixture) are other modules and are left alone, as are
// directories whose name starts with "." or "_", which the go command
// ignores too. Recorded benchmark output and other text files keep the old
// path: they are records of a run, not code.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the program behind main, with its surroundings as arguments. It
// returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("renamemodule", flag.ContinueOnError)
	flags.SetOutput(stderr)
	var module, root string
	flags.StringVar(&module, "module", "", "the new module `path` (MODULE)")
	flags.StringVar(&root, "root", ".", "the module's root `directory`, which holds go.mod")
	flags.Usage = func() {
		fmt.Fprintf(stderr, "usage: go run ./tools/renamemodule -module PATH [-root DIR]\n")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if flags.NArg() > 0 || module == "" {
		fmt.Fprintf(stderr, "renamemodule: want -module PATH (make rename-module MODULE=example.org/their/course)\n")
		return 2
	}
	old, n, err := rename(root, module)
	if err != nil {
		fmt.Fprintf(stderr, "renamemodule: %v\n", err)
		return 1
	}
	if old == module {
		fmt.Fprintf(stdout, "the module is already %s\n", module)
		return 0
	}
	fmt.Fprintf(stdout, "renamed module %s to %s: go.mod and %d .go files\n", old, module, n)
	fmt.Fprintf(stdout, "remember the repository address in tools/site/course.json\n")
	return 0
}

// rename changes the module path of the module at root to module. It
// returns the old path and the number of .go files it rewrote.
func rename(root, module string) (old string, n int, err error) {
	if old, err = modulePath(root); err != nil {
		return "", 0, err
	}
	if old == module {
		return old, 0, nil
	}
	files, err := goFiles(root)
	if err != nil {
		return "", 0, err
	}
	changed := make(map[string][]byte)
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return "", 0, err
		}
		out, err := rewriteImports(f, src, old, module)
		if err != nil {
			return "", 0, err
		}
		if !bytes.Equal(out, src) {
			changed[f] = out
		}
	}
	if err := goCmd(root, "mod", "edit", "-module", module); err != nil {
		return "", 0, err
	}
	for _, f := range slices.Sorted(maps.Keys(changed)) {
		fi, err := os.Stat(f)
		if err != nil {
			return "", 0, err
		}
		if err := os.WriteFile(f, changed[f], fi.Mode().Perm()); err != nil {
			return "", 0, err
		}
	}
	return old, len(changed), nil
}

// rewriteImports returns src, the .go file name, with every import of old
// or of a package below it changed to module. The import paths are edited
// in place and the result is gofmt'ed, which keeps the imports sorted.
func rewriteImports(name string, src []byte, old, module string) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ImportsOnly|parser.ParseComments)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	last := 0
	for _, spec := range f.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", fset.Position(spec.Pos()), err)
		}
		rest, ok := strings.CutPrefix(p, old)
		if !ok || rest != "" && !strings.HasPrefix(rest, "/") {
			continue
		}
		start, end := fset.Position(spec.Path.Pos()).Offset, fset.Position(spec.Path.End()).Offset
		out.Write(src[last:start])
		out.WriteString(strconv.Quote(module + rest))
		last = end
	}
	if last == 0 {
		return src, nil
	}
	out.Write(src[last:])
	formatted, err := format.Source(out.Bytes())
	if err != nil {
		return nil, fmt.Errorf("%s: gofmt after rewriting the imports: %w", name, err)
	}
	return formatted, nil
}

// goFiles returns the .go files of the module at root, without those of
// nested modules and of directories the go command ignores.
func goFiles(root string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != root {
			if strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(p, "go.mod")); err == nil {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && strings.HasSuffix(p, ".go") {
			files = append(files, p)
		}
		return nil
	})
	return files, err
}

// modulePath returns the module path of the go.mod at root, as go mod edit
// reads it.
func modulePath(root string) (string, error) {
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		return "", fmt.Errorf("%s: no go.mod: run this in the repository's root directory: %w", root, err)
	}
	cmd := exec.Command("go", "mod", "edit", "-json")
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go mod edit -json: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	var mod struct{ Module struct{ Path string } }
	if err := json.Unmarshal(b, &mod); err != nil {
		return "", fmt.Errorf("go mod edit -json: %w", err)
	}
	if mod.Module.Path == "" {
		return "", errors.New("go.mod has no module directive")
	}
	return mod.Module.Path, nil
}

// goCmd runs the go command with args in dir.
func goCmd(dir string, args ...string) error {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(string(out)))
	}
	return nil
}
