package main

import (
	"bytes"
	"fmt"
	"html"
	"strings"
)

// This file is a small HTML tokenizer, enough to find the start tags and
// attributes of the pages the site generates (golang.org/x/net/html is not a
// dependency of the course). It follows the HTML syntax for comments, the
// doctype, quoted and unquoted attribute values, character references in
// values, and the raw text of script, style, textarea and title elements.

// A tag is a start tag: its name and attributes, lower-cased names, values
// with character references decoded.
type tag struct {
	name  string
	attrs []attr
	line  int // 1-based line of the "<"
}

// An attr is one attribute of a tag.
type attr struct{ name, value string }

// get returns the value of the attribute called name and whether it is
// there.
func (t tag) get(name string) (string, bool) {
	for _, a := range t.attrs {
		if a.name == name {
			return a.value, true
		}
	}
	return "", false
}

// startTags returns the start tags of the HTML document doc, in order.
func startTags(doc []byte) ([]tag, error) {
	var tags []tag
	i := 0
	for {
		j := bytes.IndexByte(doc[i:], '<')
		if j < 0 {
			return tags, nil
		}
		i += j
		rest := doc[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			k := bytes.Index(rest[4:], []byte("-->"))
			if k < 0 {
				return nil, fmt.Errorf("line %d: unterminated comment", lineOf(doc, i))
			}
			i += 4 + k + 3
		case bytes.HasPrefix(rest, []byte("<!")), bytes.HasPrefix(rest, []byte("<?")), bytes.HasPrefix(rest, []byte("</")):
			k := bytes.IndexByte(rest, '>')
			if k < 0 {
				return nil, fmt.Errorf("line %d: unterminated tag", lineOf(doc, i))
			}
			i += k + 1
		case len(rest) > 1 && isASCIILetter(rest[1]):
			t, n, err := parseTag(rest)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", lineOf(doc, i), err)
			}
			t.line = lineOf(doc, i)
			tags = append(tags, t)
			i += n
			switch t.name {
			case "script", "style", "textarea", "title":
				end := bytes.Index(bytes.ToLower(doc[i:]), []byte("</"+t.name))
				if end < 0 {
					return nil, fmt.Errorf("line %d: <%s> is never closed", t.line, t.name)
				}
				i += end
			}
		default:
			i++ // a "<" in text
		}
	}
}

// parseTag parses the start tag at the beginning of b and returns it with
// its length in bytes.
func parseTag(b []byte) (tag, int, error) {
	i := 1
	for i < len(b) && !isSpace(b[i]) && b[i] != '>' && b[i] != '/' {
		i++
	}
	t := tag{name: strings.ToLower(string(b[1:i]))}
	for {
		for i < len(b) && (isSpace(b[i]) || b[i] == '/') {
			i++
		}
		if i >= len(b) {
			return t, 0, fmt.Errorf("unterminated <%s> tag", t.name)
		}
		if b[i] == '>' {
			return t, i + 1, nil
		}
		start := i
		for i < len(b) && !isSpace(b[i]) && b[i] != '>' && b[i] != '/' && b[i] != '=' {
			i++
		}
		a := attr{name: strings.ToLower(string(b[start:i]))}
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		if i < len(b) && b[i] == '=' {
			i++
			for i < len(b) && isSpace(b[i]) {
				i++
			}
			if i >= len(b) {
				return t, 0, fmt.Errorf("unterminated <%s> tag", t.name)
			}
			if q := b[i]; q == '"' || q == '\'' {
				end := bytes.IndexByte(b[i+1:], q)
				if end < 0 {
					return t, 0, fmt.Errorf("unterminated attribute value in <%s>", t.name)
				}
				a.value = html.UnescapeString(string(b[i+1 : i+1+end]))
				i += end + 2
			} else {
				start := i
				for i < len(b) && !isSpace(b[i]) && b[i] != '>' {
					i++
				}
				a.value = html.UnescapeString(string(b[start:i]))
			}
		}
		t.attrs = append(t.attrs, a)
	}
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
