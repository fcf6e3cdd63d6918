package main

import (
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"

	"golang.org/x/sync/errgroup"

	"github.com/asyncgo/course/tools/internal/problem"
)

// options configure a build.
type options struct {
	chapters string // the chapters directory
	out      string // the site directory, as problems with the site's pages name it
	theme    fs.FS  // templates/*.html, assets/* and course.json
	cacheDir string // the directory of the disk cache of highlighted code (diskcache.go), or "" for none

	// verify turns on the verify stage (verify.go); the command always
	// does, and tests of other stages may leave it off. verified lists the
	// outputs to take as verified (by outputCheck.key): those a live
	// server checked since the code last changed.
	verify   bool
	verified map[string]bool
}

// A result is what a build makes, in memory: nothing is written until the
// command writes it.
type result struct {
	files   map[string][]byte // the site, by slash path from its root
	readmes map[string][]byte // the refreshed READMEs that differ from the disk, by absolute path
	stale   problem.List      // what makes each of those READMEs differ

	notices    []string        // what the verify stage did not check, and why
	verified   []string        // the outputs the verify stage checked, by outputCheck.key
	course     *course         // the chapters the build read
	highlights *highlightCache // the blocks this build highlighted or found on disk
}

// saveHighlights saves to the disk cache what the build highlighted afresh,
// for the next build (diskcache.go). Without a disk cache it does nothing.
func (res *result) saveHighlights() error {
	if res.highlights == nil || res.highlights.disk == nil {
		return nil
	}
	return res.highlights.disk.save(res.highlights)
}

// build runs the pipeline on the chapters of o:
//
//	load ──▶ include ──▶ verify ──▶ render ──▶ lay out ──▶ check links
//
// Each stage takes the previous stage's result. A stage reports all of its
// problems at once, and the build stops after the first stage that had
// any. The verify stage (when o.verify is set) spends its time waiting for
// go test, so render, lay out and check links run beside it, and their
// work is thrown away when it has problems. The result is in memory, and
// build changes nothing on disk: the command writes the refreshed READMEs
// and the site (main.go). Even when the build fails after the include
// stage, the result says which READMEs are stale.
func build(o options) (*result, error) {
	c, err := load(o.chapters, o.theme)
	if err != nil {
		return nil, err
	}
	if o.cacheDir != "" {
		c.highlighted = newHighlightCache(newDiskCache(o.cacheDir))
	}
	inc := include(c)
	res := &result{readmes: inc.changed(c), stale: inc.stale, course: c, highlights: c.highlighted}
	if err := inc.ps.Err(); err != nil {
		return res, err
	}
	verifying := make(chan *verified, 1)
	if o.verify {
		go func() { verifying <- verify(c, inc, o.verified) }()
	} else {
		verifying <- new(verified)
	}
	files, err := renderAndLayOut(c, inc, o.out)
	v := <-verifying
	res.notices, res.verified = v.notices, v.passed
	if verr := v.ps.Err(); verr != nil {
		return res, verr
	}
	res.files = files
	return res, err
}

// renderAndLayOut runs the stages after verify: render, lay out and check
// links. Problems with the pages are reported under out; the pages are
// returned even when their links have problems.
func renderAndLayOut(c *course, inc *included, out string) (map[string][]byte, error) {
	r, err := render(c, inc)
	if err != nil {
		return nil, err
	}
	files, err := layOut(c, r)
	if err != nil {
		return nil, err
	}
	ps := checkLinks(files, r.sources, r.searchURLs)
	for _, p := range ps {
		p.File = path.Join(filepath.ToSlash(out), p.File)
	}
	return files, ps.Err()
}

// load is the first stage: it reads the chapters (load.go), the templates
// (layout.go), the site configuration (config.go), and the exercise stubs
// a learner changed in place, as committed (stubs.go).
func load(chapters string, theme fs.FS) (*course, error) {
	c, err := loadCourse(chapters)
	if err != nil {
		return nil, err
	}
	if c.templates, err = loadTemplates(theme); err != nil {
		return nil, err
	}
	if c.config, err = loadConfig(theme); err != nil {
		return nil, err
	}
	c.theme = theme
	c.stubs = committedStubs(c.root, c.chapters)
	return c, nil
}

// included is the result of the include stage: every chapter's README
// with the filled-in text of its directives generated afresh (include.go).
type included struct {
	readmes [][]byte                    // by chapter, in order
	sources []map[string]*listingSource // by chapter: where each listing comes from, by directive
	stale   problem.List                // what differs from the READMEs on disk
	ps      problem.List                // directives that do not resolve, and the chapters' code problems
}

// include is the second stage: it refreshes every chapter's README, in
// memory.
func include(c *course) *included {
	inc := &included{readmes: make([][]byte, len(c.chapters)), sources: make([]map[string]*listingSource, len(c.chapters))}
	stale, ps := make([]problem.List, len(c.chapters)), make([]problem.List, len(c.chapters))
	inParallel(c.readmeSizes(), func(i int) {
		inc.readmes[i], inc.sources[i], stale[i], ps[i] = c.refresh(c.chapters[i])
	})
	for i := range c.chapters {
		inc.stale, inc.ps = append(inc.stale, stale[i]...), append(inc.ps, ps[i]...)
	}
	return inc
}

// changed returns the refreshed READMEs that differ from the ones on disk,
// by absolute path.
func (inc *included) changed(c *course) map[string][]byte {
	m := make(map[string][]byte)
	for i, ch := range c.chapters {
		if string(inc.readmes[i]) != string(ch.readme) {
			m[filepath.Join(ch.path, "README.md")] = inc.readmes[i]
		}
	}
	return m
}

// renderedCourse is the result of the render stage: the template data of
// the site, twice (for the chapters' own pages, and for the print page
// where all chapters share one page), and what the link check needs.
type renderedCourse struct {
	site, print *Site
	assets      map[string]string // files the chapters link to: site path -> absolute source path
	entries     []section         // the search index
	sources     map[string]string // chapter page -> the README it comes from
	searchURLs  []string          // the addresses in the search index
}

// render is the third stage: it renders every chapter's refreshed README
// to HTML (render.go), once for its page and once for the print page, and
// gathers what the pages show of all chapters: the parts of the course,
// the cheat sheet, the prerequisites.
func render(c *course, inc *included) (*renderedCourse, error) {
	pages, prints := make([]*rendered, len(c.chapters)), make([]*rendered, len(c.chapters))
	renderPs := make([]problem.List, len(c.chapters))
	inParallel(c.readmeSizes(), func(i int) {
		// The page first: it fills c.highlighted with the chapter's code
		// blocks, which the print page then finds there.
		pages[i], renderPs[i] = c.render(c.chapters[i], inc.readmes[i], inc.sources[i], false)
		prints[i], _ = c.render(c.chapters[i], inc.readmes[i], inc.sources[i], true) // the same problems again
	})
	r := &renderedCourse{site: newSite(c.config), print: newSite(c.config),
		assets: make(map[string]string), sources: make(map[string]string)}
	var ps problem.List
	for i, ch := range c.chapters {
		ps = append(ps, renderPs[i]...)
		ps = append(ps, checkCheatsheetAnchors(ch, pages[i].ids)...)
		ch.Body, ch.TOC = pages[i].body, pages[i].toc
		pc := *ch.Chapter
		pc.Body, pc.TOC = prints[i].body, prints[i].toc
		r.site.Chapters = append(r.site.Chapters, ch.Chapter)
		r.print.Chapters = append(r.print.Chapters, &pc)
		r.entries = append(r.entries, pages[i].sections...)
		maps.Copy(r.assets, pages[i].assets)
		r.sources[ch.URL] = ch.Source
	}
	ps = append(ps, c.linkPrerequisites()...)
	if err := ps.Err(); err != nil {
		return nil, err
	}
	for _, s := range []*Site{r.site, r.print} {
		s.Parts, s.Cheatsheet = groupParts(s.Chapters), gatherCheatsheet(s.Chapters)
		for _, ch := range s.Chapters {
			s.Minutes += ch.Minutes
		}
	}
	for _, e := range r.entries {
		r.searchURLs = append(r.searchURLs, e.URL)
	}
	return r, nil
}

// layOut is the fourth stage: it puts the rendered chapters into the
// templates (layout.go) and adds the files every site has: the theme's
// assets, the highlighting style sheet (chroma.go), the search index
// (search.go), and the images the chapters show.
func layOut(c *course, r *renderedCourse) (map[string][]byte, error) {
	files, err := c.templates.pages(r.site, r.print)
	if err != nil {
		return nil, err
	}
	for _, sitePath := range slices.Sorted(maps.Keys(r.assets)) {
		if files[sitePath], err = os.ReadFile(r.assets[sitePath]); err != nil {
			return nil, err
		}
	}
	if err := addAssets(files, c.theme); err != nil {
		return nil, err
	}
	if files["assets/chroma.css"], err = chromaCSS(); err != nil {
		return nil, err
	}
	if files["search-index.js"], err = searchIndex(r.entries); err != nil {
		return nil, err
	}
	return files, nil
}

// addAssets adds the files of the theme's assets directory to files.
func addAssets(files map[string][]byte, theme fs.FS) error {
	return fs.WalkDir(theme, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(theme, p)
		files[p] = b
		return err
	})
}

// newSite returns the template data of a site configured by cfg, without
// chapters.
func newSite(cfg *config) *Site {
	return &Site{Title: cfg.Title, Description: cfg.Description, Author: cfg.Author,
		Repository: cfg.Repository, Licence: cfg.Licence}
}

// readmeSizes returns the size of every chapter's README, in order: a
// measure of the work a chapter takes.
func (c *course) readmeSizes() []int {
	sizes := make([]int, len(c.chapters))
	for i, ch := range c.chapters {
		sizes[i] = len(ch.readme)
	}
	return sizes
}

// inParallel calls f(i) for every index of sizes, as many at a time as
// the machine runs goroutines in parallel, starting the largest piece of
// work first so that the last to finish is a small one. Each call writes
// its result to its own index of a slice; the caller goes through the
// results in order afterwards, so that neither the site nor the problems
// depend on which call finished first. The calls must not share anything
// that is not safe for concurrent use.
func inParallel(sizes []int, f func(i int)) {
	order := make([]int, len(sizes))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return sizes[j] - sizes[i] })
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, i := range order {
		g.Go(func() error {
			f(i)
			return nil
		})
	}
	_ = g.Wait() // the calls return no errors
}
