package main

import "embed"

// theme holds the site's look: the html/template files of the pages and the
// static assets (CSS, JavaScript, icons), written by hand (see
// CONTRIBUTING.md's "The site's markup"), and the site configuration,
// course.json (see config.go).
//
//go:embed templates/*.html assets/* course.json
var theme embed.FS
