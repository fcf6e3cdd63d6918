package main

import (
	"fmt"
	"maps"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/asyncgo/course/tools/internal/problem"
)

// This file checks the generated site: every internal link (href, src) of
// every page must lead to a file of the site, and every #anchor to an id on
// the target page; no page may load anything from another host; ids are
// unique on each page; no inline style or script (the pages' CSP blocks them). Links to http(s) addresses are not followed.

// cssURL matches url(...) in a style sheet.
var cssURL = regexp.MustCompile(`url\(\s*['"]?([^'")\s]*)`)

// checkLinks returns the problems of the site s. sources names the README
// each chapter page comes from, to say where to fix a broken link.
// searchURLs are the addresses of the search index, relative to the root.
func checkLinks(s map[string][]byte, sources map[string]string, searchURLs []string) problem.List {
	// Scan the pages in parallel, the largest first; then check what needs
	// the ids of every page.
	paths := slices.Sorted(maps.Keys(s))
	scans := make([]pageScan, len(paths))
	sizes := make([]int, len(paths))
	for i, p := range paths {
		if path.Ext(p) == ".html" {
			sizes[i] = len(s[p])
		}
	}
	inParallel(sizes, func(i int) {
		if path.Ext(paths[i]) == ".html" {
			scans[i] = scanPage(paths[i], s[paths[i]])
		}
	})

	var ps problem.List
	ids := make(map[string]map[string]bool) // page -> ids on it
	for i, p := range paths {
		switch path.Ext(p) {
		case ".html":
			if err := scans[i].err; err != nil {
				ps.Add(p, err)
				continue
			}
			ids[p] = scans[i].ids
			ps = append(ps, scans[i].ps...)
		case ".css":
			for _, m := range cssURL.FindAllSubmatch(s[p], -1) {
				ref := string(m[1])
				if ref == "" || strings.HasPrefix(ref, "data:") || strings.HasPrefix(ref, "#") {
					continue
				}
				if err := checkRef(s, ids, p, ref, true); err != nil {
					ps.Add(p, err)
				}
			}
		}
	}
	for _, u := range searchURLs {
		if err := checkRef(s, ids, "search-index.js", u, false); err != nil {
			ps.Add("search-index.js", err)
		}
	}
	for i, p := range paths {
		for _, r := range scans[i].refs {
			if err := checkRef(s, ids, p, r.value, r.load); err != nil {
				msg := fmt.Errorf("<%s %s=%q>: %w", r.tag, r.attr, r.value, err)
				if src, ok := sources[p]; ok {
					msg = fmt.Errorf("%w (from %s)", msg, src)
				}
				ps = append(ps, &problem.Problem{File: p, Line: r.line, Err: msg})
			}
		}
	}
	return ps
}

// A pageScan is what one HTML page shows by itself: its ids, its problems
// (duplicate ids, what the CSP blocks) and the addresses in its tags, to
// check once the ids of every page are known. A page with a syntax error
// (err) is not checked further.
type pageScan struct {
	ids  map[string]bool
	ps   problem.List
	refs []pageRef
	err  error
}

// A pageRef is an address in an attribute of a tag.
type pageRef struct {
	tag, attr, value string
	line             int
	load             bool // the browser loads it (see refAttr)
}

// scanPage scans the page at path p, with content doc.
func scanPage(p string, doc []byte) pageScan {
	sc := pageScan{ids: make(map[string]bool)}
	err := scanTags(doc, func(t tag) {
		id, ok := t.get("id")
		if !ok && t.name == "a" {
			id, ok = t.get("name")
		}
		if ok {
			if sc.ids[id] {
				sc.ps = append(sc.ps, problem.Errorf(p, t.line, "duplicate id %q", id))
			}
			sc.ids[id] = true
		}
		// The CSP allows no inline styles or scripts.
		if _, ok := t.get("style"); ok {
			sc.ps = append(sc.ps, problem.Errorf(p, t.line, "<%s style=...>: the CSP blocks style attributes", t.name))
		}
		if _, ok := t.get("src"); t.name == "style" || t.name == "script" && !ok {
			sc.ps = append(sc.ps, problem.Errorf(p, t.line, "inline <%s>: the CSP blocks it", t.name))
		}
		for _, a := range t.attrs {
			load, ok := refAttr(t.name, a.name)
			if !ok {
				continue
			}
			if t.name == "link" {
				rel, _ := t.get("rel")
				load = !slices.Contains(strings.Fields(rel), "prev") && !slices.Contains(strings.Fields(rel), "next")
			}
			sc.refs = append(sc.refs, pageRef{tag: t.name, attr: a.name, value: a.value, line: t.line, load: load})
		}
	})
	if err != nil {
		return pageScan{err: err}
	}
	return sc
}

// refAttr reports whether attribute attr of element el holds an address,
// and whether the browser loads it (rather than the reader following it).
func refAttr(el, attr string) (load, ok bool) {
	switch attr {
	case "href":
		return el != "a" && el != "area", true
	case "src", "poster", "data", "action", "formaction":
		return true, true
	}
	return false, false
}

// checkRef checks the address ref on page from. A loaded address must be
// relative to the site (or a data: image); a followed one may also be an
// http(s) or mailto address.
func checkRef(s map[string][]byte, ids map[string]map[string]bool, from, ref string, load bool) error {
	u, err := url.Parse(ref)
	if err != nil {
		return fmt.Errorf("malformed address: %w", err)
	}
	if u.Scheme != "" || u.Host != "" || strings.HasPrefix(ref, "//") {
		switch {
		case load && u.Scheme == "data":
			return nil
		case load:
			return fmt.Errorf("the page loads %q from outside the site", ref)
		case u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "mailto":
			return nil
		}
		return fmt.Errorf("scheme %q is not allowed", u.Scheme)
	}
	target := from
	if u.Path != "" {
		if strings.HasPrefix(u.Path, "/") {
			return fmt.Errorf("absolute path: links must be relative so the site works from file://")
		}
		target = path.Join(path.Dir(from), u.Path)
		if _, ok := s[target]; !ok {
			return fmt.Errorf("broken link: no file %s in the site", target)
		}
	}
	if u.Fragment != "" && path.Ext(target) == ".html" && !ids[target][u.Fragment] {
		return fmt.Errorf("broken link: no id %q on %s", u.Fragment, target)
	}
	return nil
}
