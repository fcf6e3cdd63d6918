// Site builds the course's static site from its chapters.
//
// Usage:
//
//	go run ./tools/site [-chapters DIR] [-out DIR] [-check]
//	go run ./tools/site serve [-addr 127.0.0.1:8080] [-chapters DIR] [-out DIR]
//
// It reads chapters/NN-slug/README.md and the code of each chapter, fills
// in the text of the include directives in each README, and writes the
// READMEs that change and the site, to -out (docs by default), which it
// replaces as a whole. With -check it writes nothing: it reports every
// problem, READMEs whose filled-in text is stale and an -out that differs
// from a fresh build included. serve builds, then serves -out on a
// loopback address.
//
// The build is a pipeline of stages (build.go), each taking the previous
// stage's result, with no side effects:
//
//	load ──────▶ include ──────▶ render ──────▶ lay out ──────▶ check links
//	chapters,    READMEs with    chapter        pages, assets,  every href,
//	front        their filled-   bodies as      search index    src and
//	matter,      in text, code   HTML                           #anchor
//	templates    checked
//
// load.go and config.go read the chapters and the theme; include.go and
// decl.go fill in the directives and check the chapters' Go code;
// render.go, resolve.go and highlight.go turn a README into HTML;
// layout.go, cheatsheet.go, search.go and chroma.go make the pages; links.go
// and htmltok.go check them. The command (this file) then writes the
// result (write.go), or compares it (-check), or serves it (serve.go). What
// a chapter is (its directory, package, front matter and directives) is
// defined in tools/internal/chapter, and the markup the pages share with
// their style sheet and scripts in CONTRIBUTING.md ("The site's markup").
// Problems are reported as FILE:LINE: message, all of them, sorted; the
// exit status is 1 when there is any.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/asyncgo/course/tools/internal/chapter"
	"github.com/asyncgo/course/tools/internal/problem"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr, theme)
	stop()
	os.Exit(code)
}

// run is the program behind main, with its surroundings as arguments. It
// returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, theme fs.FS) int {
	serving := len(args) > 0 && args[0] == "serve"
	name := "site"
	if serving {
		name, args = "site serve", args[1:]
	}
	flags := flag.NewFlagSet(name, flag.ContinueOnError)
	flags.SetOutput(stderr)
	o := options{theme: theme}
	flags.StringVar(&o.chapters, "chapters", "chapters", "the chapters `directory`")
	flags.StringVar(&o.out, "out", "docs", "the site `directory`")
	cache := flags.String("cache", "auto", "the `directory` that keeps highlighted code between builds (auto: under the user's cache directory; off: none)")
	addr := "127.0.0.1:8080"
	checking := false
	if serving {
		flags.StringVar(&addr, "addr", addr, "the loopback `address` to serve on")
	} else {
		flags.BoolVar(&checking, "check", false, "build into a temporary directory and report problems, touching nothing")
	}
	flags.Usage = func() {
		fmt.Fprintf(stderr, "usage: go run ./tools/site [-chapters DIR] [-out DIR] [-check]\n")
		fmt.Fprintf(stderr, "       go run ./tools/site serve [-addr HOST:PORT] [-chapters DIR] [-out DIR]\n")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "%s: unexpected argument %q\n", name, flags.Arg(0))
		flags.Usage()
		return 2
	}
	switch *cache {
	case "auto":
		if root, _, err := chapter.Module(o.chapters); err == nil {
			o.cacheDir = defaultCacheDir(root)
		}
	case "off", "":
	default:
		o.cacheDir = *cache
	}
	var err error
	switch {
	case checking:
		err = check(o, stdout)
	case serving:
		err = buildAndServe(ctx, o, addr, stdout)
	default:
		err = generate(o, stdout)
	}
	if err != nil {
		report(stderr, err)
		return 1
	}
	return 0
}

// report writes err to w: every problem on its own line, then their count.
func report(w io.Writer, err error) {
	fmt.Fprintln(w, err)
	if l, ok := errors.AsType[*problem.ListError](err); ok && len(l.Problems) > 1 {
		fmt.Fprintf(w, "%d problems\n", len(l.Problems))
	}
}

// generate builds the site, then writes what the build made: the READMEs
// whose filled-in text changed, and the site, which replaces o.out as a
// whole. A build with problems writes nothing.
func generate(o options, stdout io.Writer) error {
	res, err := build(o)
	if err != nil {
		return err
	}
	if err := writeReadmes(res.readmes); err != nil {
		return err
	}
	if err := writeSite(res.files, o.out); err != nil {
		return err
	}
	if err := res.saveHighlights(); err != nil {
		fmt.Fprintf(stdout, "note: the cache of highlighted code was not saved (the next build will take longer): %v\n", err)
	}
	fmt.Fprintf(stdout, "wrote %s: %d files\n", o.out, len(res.files))
	return nil
}

// check builds the site and writes nothing. It reports the build's
// problems, every README whose filled-in text is stale, and an o.out that
// differs from the site the build made.
func check(o options, stdout io.Writer) error {
	res, err := checkBuild(o)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s is up to date: %d files\n", o.out, len(res.files))
	return nil
}

// checkBuild is check without its message: the build's problems and the
// stale READMEs together, then the comparison with o.out.
func checkBuild(o options) (*result, error) {
	res, err := build(o)
	var ps problem.List
	if res != nil {
		for _, p := range res.stale {
			ps = append(ps, &problem.Problem{File: p.File, Line: p.Line, Err: fmt.Errorf(`%w: run "make site"`, p.Err)})
		}
	}
	if l, ok := errors.AsType[*problem.ListError](err); ok {
		ps = append(ps, l.Problems...)
	} else if err != nil {
		return nil, err
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
	want, err := readTree(o.out)
	if err != nil {
		return nil, err
	}
	if diff := diffFiles(res.files, want); len(diff) > 0 {
		return nil, staleSite(filepath.ToSlash(o.out), diff)
	}
	return res, nil
}

// staleSite returns the error for a site directory that differs from a
// fresh build in the files diff.
func staleSite(out string, diff []string) error {
	if len(diff) > 5 {
		diff = append(diff[:5:5], fmt.Sprintf("and %d more", len(diff)-5))
	}
	return fmt.Errorf(`%s/ is stale: run "make site" (differs: %s)`, out, strings.Join(diff, ", "))
}

// buildAndServe builds the site into o.out and serves it on addr until ctx
// is done.
func buildAndServe(ctx context.Context, o options, addr string, stdout io.Writer) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("-addr %s: serve listens on a loopback address only", addr)
	}
	if err := generate(o, stdout); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return serve(ctx, ln, o.out, stdout)
}
