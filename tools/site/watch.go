package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// This file watches what the live site is built from, so that serve
// rebuilds when it changes: the chapters directory and everything in it
// (READMEs, code, Python listings, images, test data), the theme when serve
// reads it from disk (tools/site/templates, tools/site/assets and
// tools/site/course.json), and the module's go.mod and go.sum.

// settle is how long the watcher waits after a change for more changes
// before it rebuilds: an editor's save is often several events (write to a
// temporary file, rename, change mode).
const settle = 30 * time.Millisecond

// A watcher calls a live site's rebuild when its sources change.
type watcher struct {
	fs       *fsnotify.Watcher
	site     *liveSite
	chapters string // the chapters directory, watched with every directory in it
	theme    string // the directory of the theme on disk, or ""
	root     string // the repository root, for go.mod and go.sum
}

// newWatcher starts watching the sources of s. themeDir is the theme's
// directory on disk, or "" for an embedded theme.
func newWatcher(s *liveSite, themeDir string) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	chapters, err := filepath.Abs(s.o.chapters)
	if err != nil {
		return nil, errors.Join(err, fw.Close())
	}
	w := &watcher{fs: fw, site: s, chapters: chapters, theme: themeDir}
	if c := s.currentCourse(); c != nil {
		w.root = c.root
	} else if w.root, err = moduleRoot(chapters); err != nil {
		return nil, errors.Join(err, fw.Close())
	}
	dirs := []string{w.root}
	if themeDir != "" {
		dirs = append(dirs, themeDir, filepath.Join(themeDir, "templates"), filepath.Join(themeDir, "assets"))
	}
	for _, d := range dirs {
		if err := fw.Add(d); err != nil {
			return nil, errors.Join(err, fw.Close())
		}
	}
	if err := w.addTree(chapters); err != nil {
		return nil, errors.Join(err, fw.Close())
	}
	return w, nil
}

// moduleRoot returns the directory of the go.mod above dir.
func moduleRoot(dir string) (string, error) {
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("%s is not in a Go module", dir)
		}
	}
}

// addTree watches dir and every directory in it, but hidden ones and
// Python's caches.
func (w *watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // removed while we walked
			}
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && ignoredName(d.Name()) {
			return filepath.SkipDir
		}
		return w.fs.Add(p)
	})
}

// ignoredName reports whether a file or directory of that name is not a
// source of the site: hidden files (.git, editors' .#locks and .swp
// files), editors' backups (name~), vim's write test (4913), Python's
// caches.
func ignoredName(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || name == "4913" || name == "__pycache__"
}

// source reports whether the file at p is a source of the site, and
// whether it is code: a file whose change means the outputs the site
// shows must be verified again. Only READMEs and the theme are not code.
func (w *watcher) source(p string) (ok, code bool) {
	if rel, err := filepath.Rel(w.chapters, p); err == nil && filepath.IsLocal(rel) {
		for _, part := range strings.Split(rel, string(filepath.Separator)) {
			if ignoredName(part) {
				return false, false
			}
		}
		return true, filepath.Base(p) != "README.md"
	}
	dir, name := filepath.Split(p)
	dir = filepath.Clean(dir)
	switch {
	case dir == w.root && (name == "go.mod" || name == "go.sum"):
		return true, true
	case w.theme == "":
		return false, false
	case dir == w.theme:
		return name == "course.json", false
	case dir == filepath.Join(w.theme, "templates") || dir == filepath.Join(w.theme, "assets"):
		return !ignoredName(name), false
	}
	return false, false
}

// run rebuilds the site after its sources change, until ctx is done; then
// it stops watching.
func (w *watcher) run(ctx context.Context) error {
	defer w.fs.Close()
	var (
		timer       *time.Timer
		fire        <-chan time.Time
		codeChanged bool
	)
	for {
		select {
		case <-ctx.Done():
			if timer != nil {
				timer.Stop()
			}
			return nil
		case err, ok := <-w.fs.Errors:
			if !ok {
				return nil
			}
			fmt.Fprintf(w.site.log, "watching the chapters: %v\n", err)
		case e, ok := <-w.fs.Events:
			if !ok {
				return nil
			}
			if !w.changed(e) {
				continue
			}
			_, code := w.source(e.Name)
			codeChanged = codeChanged || code
			if timer == nil {
				timer = time.NewTimer(settle)
			} else {
				timer.Reset(settle)
			}
			fire = timer.C
		case <-fire:
			timer, fire = nil, nil
			w.site.rebuild(codeChanged)
			codeChanged = false
		}
	}
}

// changed reports whether event e changed a source of the site. A new
// directory in the chapters is watched from now on; a README that holds
// what the site itself wrote to it is no change.
func (w *watcher) changed(e fsnotify.Event) bool {
	if e.Op == fsnotify.Chmod {
		return false
	}
	ok, _ := w.source(e.Name)
	if !ok {
		return false
	}
	if e.Op.Has(fsnotify.Create) {
		if fi, err := os.Stat(e.Name); err == nil && fi.IsDir() {
			if err := w.addTree(e.Name); err != nil {
				fmt.Fprintf(w.site.log, "watching %s: %v\n", e.Name, err)
			}
		}
	}
	if filepath.Base(e.Name) == "README.md" && !e.Op.Has(fsnotify.Remove) && !e.Op.Has(fsnotify.Rename) {
		if b, err := os.ReadFile(e.Name); err == nil && w.site.ownWrite(e.Name, b) {
			return false
		}
	}
	return true
}
