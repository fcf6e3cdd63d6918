package main

import (
	"net/url"
	"path"
	"strings"

	"github.com/asyncgo/course/tools/internal/chapter"
	"github.com/asyncgo/course/tools/internal/problem"
)

// This file resolves the links of a README, written to work on GitHub, into
// links of the site:
//
//   - http, https and mailto links are left alone;
//   - "#anchor" stays on the page;
//   - a link to a chapter directory or its README.md
//     ("../03-event-loop/README.md#timers") is resolved by slug, whatever
//     its number, to that chapter's page ("../event-loop/index.html#timers");
//   - a link to an image in a chapter directory (.svg, .png, .jpg, .jpeg,
//     .gif, .webp) copies the image to the site, at the same path under the
//     chapter's slug;
//   - anything else (a link to a source file, another scheme, an absolute
//     path) is a problem: show code with a code directive instead.

// link returns the site address for the README link dest and records an
// image to copy. On a problem it records it and returns dest unchanged.
func (t *transformer) link(dest string, image bool, off int) string {
	fail := func(format string, args ...any) string {
		t.ps = append(t.ps, problem.Errorf(t.ch.Source, lineOf(t.src, off), format, args...))
		return dest
	}
	u, err := url.Parse(dest)
	if err != nil {
		return fail("malformed link %q", dest)
	}
	switch {
	case u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "mailto":
		return dest
	case u.Scheme != "" || u.Host != "":
		return fail("link %q: only http, https and mailto links may leave the course", dest)
	case u.Path == "" && u.Fragment != "":
		return "#" + t.anchor(u.Fragment)
	case u.Path == "":
		return dest
	case strings.HasPrefix(u.Path, "/"):
		return fail("link %q is an absolute path: write a path relative to the README", dest)
	}
	p := path.Join(t.ch.rel, u.Path)
	if rest, ok := strings.CutPrefix(p, path.Dir(t.ch.rel)+"/"); ok {
		dir, file, _ := strings.Cut(rest, "/")
		if name, err := chapter.ParseDir(dir); err == nil {
			target, ok := t.c.bySlug[name.Slug]
			if !ok {
				return fail("link to missing chapter %q", name.Slug)
			}
			if file == "" || file == "README.md" {
				return t.chapterURL(target, u.Fragment)
			}
			if isImage(file) {
				abs, err := t.c.resolvePath(target, file)
				if err != nil {
					return fail("link %q: %w", dest, err)
				}
				sitePath := target.Slug + "/" + file
				t.out.assets[sitePath] = abs
				return t.siteURL(sitePath)
			}
		}
	}
	what := "link"
	if image {
		what = "image"
	}
	return fail("%s %q: a README may link to chapters (their directory or README.md), to images in a chapter directory and to http(s) addresses; show code with a code directive", what, dest)
}

// chapterURL returns the address of target's page, or of the anchor frag on
// it, from the page being rendered.
func (t *transformer) chapterURL(target *source, frag string) string {
	switch {
	case t.print && frag == "":
		return "#chapter-" + target.Slug // the id print.html gives the chapter
	case t.print:
		return "#" + target.Slug + "-" + frag
	case target == t.ch && frag == "":
		return "index.html"
	case target == t.ch:
		return "#" + frag
	case frag == "":
		return "../" + target.Slug + "/index.html"
	}
	return "../" + target.Slug + "/index.html#" + frag
}

// siteURL returns the relative address of the file at sitePath (a path
// from the site root) from the page being rendered.
func (t *transformer) siteURL(sitePath string) string {
	if !t.print {
		if rest, ok := strings.CutPrefix(sitePath, t.ch.Slug+"/"); ok {
			sitePath = rest
		} else {
			sitePath = "../" + sitePath
		}
	}
	return (&url.URL{Path: sitePath}).String()
}

// isImage reports whether name is an image the site copies.
func isImage(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp":
		return true
	}
	return false
}
