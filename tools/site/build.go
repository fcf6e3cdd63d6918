package main

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"

	"github.com/asyncgo/course/tools/internal/problem"
)

// options configure a build.
type options struct {
	chapters string // the chapters directory
	out      string // the site directory
	theme    fs.FS  // templates/*.html and assets/*
	check    bool   // report stale READMEs as problems
	refresh  bool   // write the refreshed READMEs back (ignored with check)
}

// build runs the pipeline: load the chapters, refresh their READMEs (in
// memory, and on disk with o.refresh), render them, lay out the pages, add the assets and the search
// index, and check the links. It returns the site in memory, by slash path
// from the site root. It reports every problem it finds: all of those of a
// stage, and stops after the first stage that had any. Loading, refreshing
// and rendering work on several chapters at a time, laying out and the link
// check on several pages (see parallel.go); neither the site nor the
// problems depend on which finishes first.
func build(o options) (map[string][]byte, error) {
	c, err := loadCourse(o.chapters)
	if err != nil {
		return nil, err
	}
	ts, err := loadTemplates(o.theme)
	if err != nil {
		return nil, err
	}
	cfg, err := loadConfig(o.theme)
	if err != nil {
		return nil, err
	}

	// Include and render, the chapters in parallel (see process). The
	// renderings are used only once the include stage has reported its
	// problems and written the READMEs.
	results := make([]processed, len(c.chapters))
	sizes := make([]int, len(c.chapters))
	for i, ch := range c.chapters {
		sizes[i] = len(ch.readme)
	}
	parallelBySize(sizes, func(i int) { results[i] = c.process(c.chapters[i]) })

	// Include: the filled-in text of every directive.
	var ps, stale problem.List
	readmes := make([][]byte, len(c.chapters))
	for i, r := range results {
		readmes[i], stale, ps = r.readme, append(stale, r.stale...), append(ps, r.includePs...)
	}
	// With -check, a stale README is a problem, reported with the others.
	// Without, it is refreshed.
	if o.check {
		for _, p := range stale {
			p.Err = fmt.Errorf(`%w: run "make site"`, p.Err)
		}
	} else {
		stale = nil
	}
	if err := append(ps, stale...).Err(); err != nil && len(ps) > 0 {
		return nil, err
	}
	if o.refresh && !o.check {
		if err := c.writeReadmes(readmes); err != nil {
			return nil, err
		}
	}

	// Render: every chapter twice, for its own page and for the print page.
	site := newSite(cfg)
	printSite := newSite(cfg)
	files := make(map[string][]byte)
	var entries []section
	for i, ch := range c.chapters {
		r, pr := results[i].page, results[i].print
		ps = append(ps, results[i].renderPs...)
		ps = append(ps, checkCheatsheetAnchors(ch, r.ids)...)
		ch.Body, ch.TOC = r.body, r.toc
		pc := *ch.Chapter
		pc.Body, pc.TOC = pr.body, pr.toc
		site.Chapters = append(site.Chapters, ch.Chapter)
		printSite.Chapters = append(printSite.Chapters, &pc)
		site.Minutes += ch.Minutes
		printSite.Minutes += ch.Minutes
		entries = append(entries, r.sections...)
		for _, sitePath := range slices.Sorted(maps.Keys(r.assets)) {
			b, err := os.ReadFile(r.assets[sitePath])
			if err != nil {
				return nil, err
			}
			files[sitePath] = b
		}
	}
	site.Parts, printSite.Parts = groupParts(site.Chapters), groupParts(printSite.Chapters)
	site.Cheatsheet, printSite.Cheatsheet = gatherCheatsheet(site.Chapters), gatherCheatsheet(printSite.Chapters)
	ps = append(ps, c.linkPrerequisites()...)
	if err := append(ps, stale...).Err(); err != nil && len(ps) > 0 {
		return nil, err
	}

	// Lay out the pages and add the assets and the search index.
	pages, err := ts.pages(site, printSite)
	if err != nil {
		return nil, err
	}
	maps.Copy(files, pages)
	if err := addAssets(files, o.theme); err != nil {
		return nil, err
	}
	if files["assets/chroma.css"], err = chromaCSS(); err != nil {
		return nil, err
	}
	if files["search-index.js"], err = searchIndex(entries); err != nil {
		return nil, err
	}

	// Check the links of the finished site.
	sources := make(map[string]string)
	for _, ch := range c.chapters {
		sources[ch.URL] = ch.Source
	}
	var searchURLs []string
	for _, e := range entries {
		searchURLs = append(searchURLs, e.URL)
	}
	ps = checkLinks(files, sources, searchURLs)
	for _, p := range ps {
		p.File = path.Join(filepath.ToSlash(o.out), p.File)
	}
	return files, append(ps, stale...).Err()
}

// processed is what process makes of a chapter.
type processed struct {
	readme           []byte       // the refreshed README
	stale, includePs problem.List // what refresh reports
	page, print      *rendered
	renderPs         problem.List // what rendering the page reports
}

// process refreshes the README of ch and renders it for the chapter's page
// and for the print page. Rendering does not wait for the other chapters:
// the build throws it away if any of them has include problems. Rendering
// the page first fills c.highlighted with the chapter's code blocks, which
// the print page then finds there.
func (c *course) process(ch *source) processed {
	var p processed
	p.readme, p.stale, p.includePs = c.refresh(ch)
	p.page, p.renderPs = c.render(ch, p.readme, false)
	p.print, _ = c.render(ch, p.readme, true) // the same problems again
	return p
}

// writeReadmes writes the refreshed READMEs whose content changed.
func (c *course) writeReadmes(readmes [][]byte) error {
	for i, ch := range c.chapters {
		if string(readmes[i]) == string(ch.readme) {
			continue
		}
		file := filepath.Join(ch.path, "README.md")
		fi, err := os.Stat(file)
		if err != nil {
			return err
		}
		if err := os.WriteFile(file, readmes[i], fi.Mode().Perm()); err != nil {
			return err
		}
		ch.readme = readmes[i]
	}
	return nil
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
