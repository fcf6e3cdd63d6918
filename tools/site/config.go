package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/url"
	"strings"
)

// configFile is the site configuration, in the theme beside templates/ and
// assets/: tools/site/course.json for the course itself. A fork changes the
// course's name, author, repository and licence there, and nowhere else.
const configFile = "course.json"

// A config is what a fork changes to make the site its own. Every field is
// one line of text.
type config struct {
	Title       string `json:"title"`       // the course title, on every page
	Description string `json:"description"` // one sentence: the index's lead and the pages' description
	Author      string `json:"author"`      // the author line in the footer
	Repository  string `json:"repository"`  // an http(s) address linked from the footer, or ""
	Licence     string `json:"licence"`     // the licence line in the footer
}

// loadConfig reads configFile from theme and checks it: every key known,
// title, description and licence present, everything one line, and the
// repository an http(s) address.
func loadConfig(theme fs.FS) (*config, error) {
	b, err := fs.ReadFile(theme, configFile)
	if err != nil {
		return nil, fmt.Errorf("site configuration: %w", err)
	}
	var c config
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("%s: %w", configFile, err)
	}
	fields := []struct {
		name, value string
		required    bool
	}{
		{"title", c.Title, true}, {"description", c.Description, true}, {"author", c.Author, false},
		{"repository", c.Repository, false}, {"licence", c.Licence, true},
	}
	for _, f := range fields {
		switch {
		case f.required && strings.TrimSpace(f.value) == "":
			return nil, fmt.Errorf("%s: %q is required", configFile, f.name)
		case strings.ContainsAny(f.value, "\r\n"):
			return nil, fmt.Errorf("%s: %q must be one line", configFile, f.name)
		}
	}
	if c.Repository != "" {
		u, err := url.Parse(c.Repository)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("%s: \"repository\" %q: want an http or https address", configFile, c.Repository)
		}
	}
	return &c, nil
}
