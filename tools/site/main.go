// Site builds the course's static site from its chapters.
//
// Usage:
//
//	go run ./tools/site [-chapters DIR] [-out DIR] [-check]
//	go run ./tools/site serve [-addr 127.0.0.1:8080] [-chapters DIR] [-out DIR]
//
// It reads chapters/NN-slug/README.md and the code of each chapter, fills in
// the text of the include directives in each README (rewriting only the
// READMEs that change), and writes the site to -out (docs by default),
// replacing it as a whole. With -check it writes nothing: it builds into a
// temporary directory and reports every problem, READMEs whose filled-in
// text is stale and an -out that differs from a fresh build included.
// serve builds, then serves -out on a loopback address.
//
// The stages of the pipeline have a file each: config.go (course.json: the
// course title and footer lines), load.go (chapters and front matter),
// include.go and decl.go (directives), render.go, highlight.go (code
// blocks) and resolve.go (markdown to HTML), layout.go (templates, the
// teaching guide's page among them, and the parts of the course),
// cheatsheet.go (the cheat sheet's rows, gathered from the chapters' front
// matter), search.go (search index), chroma.go (highlighting CSS), links.go
// and htmltok.go (link check), write.go (output), serve.go (the server);
// parallel.go spreads the work on chapters and pages over the machine's
// cores. Problems are reported as FILE:LINE: message, all of them, sorted;
// the exit status is 1 when there is any.
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
	o := options{theme: theme, refresh: true}
	flags.StringVar(&o.chapters, "chapters", "chapters", "the chapters `directory`")
	flags.StringVar(&o.out, "out", "docs", "the site `directory`")
	addr := "127.0.0.1:8080"
	if serving {
		flags.StringVar(&addr, "addr", addr, "the loopback `address` to serve on")
	} else {
		flags.BoolVar(&o.check, "check", false, "build into a temporary directory and report problems, touching nothing")
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
	var err error
	switch {
	case o.check:
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

// generate builds the site and writes it to o.out.
func generate(o options, stdout io.Writer) error {
	files, err := build(o)
	if err != nil {
		return err
	}
	if err := writeSite(files, o.out); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s: %d files\n", o.out, len(files))
	return nil
}

// check builds the site into a temporary directory, without touching
// o.out or any README, and compares it with o.out.
func check(o options, stdout io.Writer) error {
	files, err := build(o)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "site-check-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if err := writeFiles(tmp, files); err != nil {
		return err
	}
	diff, err := diffDirs(tmp, o.out)
	if err != nil {
		return err
	}
	if len(diff) > 0 {
		return staleSite(filepath.ToSlash(o.out), diff)
	}
	fmt.Fprintf(stdout, "%s is up to date: %d files\n", o.out, len(files))
	return nil
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
