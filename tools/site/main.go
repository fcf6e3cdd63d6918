// Site builds the course's static site from its chapters.
//
// Usage:
//
//	go run ./tools/site [-chapters DIR] [-out DIR] [-check] [-cache DIR] [-verify=false]
//	go run ./tools/site serve [-addr 127.0.0.1:8080] [-allow-remote] [-run-timeout 60s] [-chapters DIR] [-out DIR]
//
// It reads chapters/NN-slug/README.md and the code of each chapter, fills
// in the text of the include directives in each README, and writes the
// READMEs that change and the site, to -out (docs by default), which it
// replaces as a whole. With -check it writes nothing: it reports every
// problem, READMEs whose filled-in text is stale and an -out that differs
// from a fresh build included.
//
// serve is the live notebook: it serves the site from memory on a loopback
// address, rebuilds it when the chapters or the theme change (writing the
// READMEs and -out, as the command does), reloads the open pages, shows a
// failed build's problems over them, and runs the listings a reader edits
// in the page, on the chapter's package, as the reader: serve.go, live.go,
// watch.go, runner.go, drafts.go and guard.go, and assets/runner.js in the
// page. -allow-remote lets it listen on another address, which lets anyone
// who can reach it run code on this machine.
//
// The build is a pipeline of stages (build.go), each taking the previous
// stage's result, with no side effects:
//
//	load ─────▶ include ─────▶ verify ─────▶ render ─────▶ lay out ─────▶ check links
//	chapters,   READMEs with   go test runs  chapter       pages, assets, every href,
//	front       their filled-  the Examples  bodies as     search index   src and
//	matter,     in text, code  and Python    HTML                         #anchor
//	templates   checked        listings
//	                           shown
//
// load.go and config.go read the chapters and the theme; include.go and
// decl.go fill in the directives and check the chapters' Go code;
// verify.go has go test check every output the site shows (before
// anything is written: a build whose outputs differ writes nothing);
// render.go, resolve.go and highlight.go turn a README into HTML (with
// the highlighted code of earlier builds from diskcache.go; stubs.go reads
// an exercise stub as committed when a learner changed it in place);
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
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

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
	o := options{theme: theme, verify: true}
	flags.StringVar(&o.chapters, "chapters", "chapters", "the chapters `directory`")
	flags.StringVar(&o.out, "out", "docs", "the site `directory`")
	cache := flags.String("cache", "auto", "the `directory` that keeps highlighted code between builds (auto: under the user's cache directory; off: none)")
	so := serveOptions{addr: "127.0.0.1:8080", runTimeout: 60 * time.Second}
	checking := false
	if serving {
		flags.StringVar(&so.addr, "addr", so.addr, "the loopback `address` to serve on")
		flags.BoolVar(&so.allowRemote, "allow-remote", false, "allow an -addr that is not a loopback address: anyone who can reach it can run code as you")
		flags.DurationVar(&so.runTimeout, "run-timeout", so.runTimeout, "stop a run of a listing after this `duration`")
	} else {
		flags.BoolVar(&checking, "check", false, "build into a temporary directory and report problems, touching nothing")
		flags.BoolVar(&o.verify, "verify", true, "run go test on every output the site shows before writing it; -verify=false only to time the build itself (make site-vs-hugo)")
	}
	flags.Usage = func() {
		fmt.Fprintf(stderr, "usage: go run ./tools/site [-chapters DIR] [-out DIR] [-check] [-cache DIR] [-verify=false]\n")
		fmt.Fprintf(stderr, "       go run ./tools/site serve [-addr HOST:PORT] [-allow-remote] [-run-timeout D] [-chapters DIR] [-out DIR]\n")
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
		err = buildAndServe(ctx, o, so, stdout, stderr)
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
	if res != nil {
		printNotices(stdout, res.notices)
	}
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

// printNotices writes what the build did not check, one line each.
func printNotices(w io.Writer, notices []string) {
	for _, n := range notices {
		fmt.Fprintf(w, "note: %s\n", n)
	}
}

// check builds the site and writes nothing. It reports the build's
// problems, every README whose filled-in text is stale, and an o.out that
// differs from the site the build made.
func check(o options, stdout io.Writer) error {
	res, err := checkBuild(o, stdout)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s is up to date: %d files\n", o.out, len(res.files))
	return nil
}

// checkBuild is check without its message: the build's problems and the
// stale READMEs together, then the comparison with o.out.
func checkBuild(o options, stdout io.Writer) (*result, error) {
	res, err := build(o)
	var ps problem.List
	if res != nil {
		printNotices(stdout, res.notices)
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
