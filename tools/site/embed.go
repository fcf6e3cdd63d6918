package main

import "embed"

// theme holds the site's look: the html/template files of the pages and the
// static assets (CSS, JavaScript, icons), written by hand; see
// notes/site-contract.md.
//
//go:embed templates/*.html assets/*
var theme embed.FS
