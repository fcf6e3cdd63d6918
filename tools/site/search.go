package main

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// A section is one entry of the search index: a whole chapter (Section is
// empty, Text is the summary and the introduction) or one of its h2
// sections (Section is the chapter's title). Text is plain text: no markup,
// no code blocks.
type section struct {
	Title   string `json:"title"`
	URL     string `json:"url"`
	Section string `json:"section"`
	Text    string `json:"text"`
}

// sections splits the rendered document of ch into search entries: one for
// the chapter, then one per h2 heading.
func sections(ch *source, doc ast.Node, src []byte) []section {
	entries := []section{{Title: ch.Title, URL: ch.URL}}
	texts := []string{ch.Summary}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level == 2 {
				entries[len(entries)-1].Text = joinText(texts)
				id, _ := n.AttributeString("id")
				entries = append(entries, section{
					Title:   plainText(n, src),
					URL:     ch.URL + "#" + string(id.([]byte)),
					Section: ch.Title,
				})
				texts = nil
				continue
			}
			texts = append(texts, plainText(n, src))
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
		default:
			texts = append(texts, plainText(n, src))
		}
	}
	entries[len(entries)-1].Text = joinText(texts)
	return entries
}

// joinText joins texts with single spaces, collapsing runs of white space.
func joinText(texts []string) string {
	return strings.Join(strings.Fields(strings.Join(texts, " ")), " ")
}

// searchIndex returns the file search-index.js: a script that sets
// window.SEARCH_INDEX to the entries, one entry per line.
func searchIndex(entries []section) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("window.SEARCH_INDEX=[\n")
	for i, e := range entries {
		j, err := json.Marshal(e) // escapes <, > and & too
		if err != nil {
			return nil, err
		}
		b.Write(j)
		if i+1 < len(entries) {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("];\n")
	return b.Bytes(), nil
}
