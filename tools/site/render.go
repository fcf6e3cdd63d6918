package main

import (
	"fmt"
	"html/template"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"go.abhg.dev/goldmark/frontmatter"

	"github.com/asyncgo/course/tools/internal/chapter"
	"github.com/asyncgo/course/tools/internal/problem"
)

// This file turns a refreshed README into the HTML body of a chapter page.
//
// Rendering is goldmark (CommonMark, GitHub tables, strikethrough, autolinks,
// task lists) with chroma highlighting through CSS classes, plus two hooks:
//
//   - A parser transformer (transformer.Transform) walks the parsed
//     document. Directive comments tell it which fenced code blocks are
//     listings; it marks them with attributes (data-title, data-output). It
//     also gives headings GitHub-style ids, collects the table of contents,
//     rewrites links (see resolve.go) and drops the README's leading h1,
//     which the page template shows from the front matter instead.
//   - Two renderer hooks write the markup of CONTRIBUTING.md's "The site's
//     markup": the code block renderer of highlight.go highlights every
//     fenced code block (once per build) and wraps it in a div.listing
//     (with a title bar when it is a listing), and renderHTMLBlock turns
//     <!-- compare --> into <div class="compare"> and drops the other
//     directive comments; any other raw HTML passes through.

// Attribute names the transformer sets on fenced code blocks for the
// renderer. The run attributes are those of the listing's div (see
// CONTRIBUTING.md, "The site's markup").
const (
	attrTitle  = "data-title"  // the caption, shown in the title bar
	attrOutput = "data-output" // present on verified output blocks
	attrRun    = "data-run"    // what Run runs: "ExampleX", "TestX", "exercise", "python/x.py"
	attrFile   = "data-file"   // the file the listing comes from, relative to the chapter
	attrLines  = "data-lines"  // "FIRST-LAST": the lines of the file it shows, when not all
	attrIndent = "data-indent" // the indentation the listing lost, when any
)

// rendered is a chapter body rendered for one page.
type rendered struct {
	body     template.HTML
	toc      []Heading
	ids      map[string]bool   // the ids of the headings, as on the chapter's own page
	sections []section         // the chapter's text by h2 section, for search
	assets   map[string]string // files the body links to: site path -> absolute source path
}

// render renders the refreshed README md of ch, whose listings come from
// sources (by directive). With print set, it renders for the print page:
// heading ids are prefixed with the chapter's slug and links between
// chapters point inside that page.
func (c *course) render(ch *source, md []byte, sources map[string]*listingSource, print bool) (*rendered, problem.List) {
	t := &transformer{c: c, ch: ch, print: print, out: &rendered{assets: make(map[string]string), ids: make(map[string]bool)},
		ids: make(map[string]int), sources: sources}
	gm := goldmark.New(
		goldmark.WithExtensions(
			// GitHub's extensions, listed one by one to set how tables
			// align cells: with the align attribute, since the CSP forbids
			// style attributes.
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)),
			extension.Strikethrough,
			extension.Linkify,
			extension.TaskList,
			&frontmatter.Extender{},
		),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(t, 100))),
		goldmark.WithRendererOptions(
			gmhtml.WithUnsafe(),
			renderer.WithNodeRenderers(
				util.Prioritized(htmlBlockRenderer{}, 100),
				util.Prioritized(newCodeBlockRenderer(c.highlighted), 200),
			),
		),
	)
	doc := gm.Parser().Parse(text.NewReader(md))
	var body strings.Builder
	if err := gm.Renderer().Render(&body, md, doc); err != nil {
		t.ps.Add(ch.Source, err)
	}
	t.out.body = template.HTML(body.String())
	if !print {
		t.out.sections = sections(ch, doc, md)
	}
	return t.out, t.ps
}

// A transformer prepares the parsed README for rendering; see the comment at
// the top of this file.
type transformer struct {
	c     *course
	ch    *source
	src   []byte // the README being rendered
	print bool
	out   *rendered
	ids   map[string]int // heading ids used so far, for de-duplication
	ps    problem.List

	sources map[string]*listingSource // where each listing comes from, by directive
}

// Transform implements parser.ASTTransformer.
func (t *transformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	t.src = src
	if h, ok := doc.FirstChild().(*ast.Heading); ok && h.Level == 1 {
		doc.RemoveChild(doc, h)
	}
	var kind, arg string // the listing directive we are inside, if any
	blocks := 0          // fenced code blocks seen inside it
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock:
			k, a, closing := t.directive(n, src)
			switch {
			case closing:
				kind, arg = "", ""
			case k != "" && k != "include" && k != "compare":
				kind, arg, blocks = k, a, 0
			}
		case *ast.FencedCodeBlock:
			if kind == "" {
				break
			}
			blocks++
			if kind == "output" || (kind == "example" && blocks == 2) {
				n.SetAttributeString(attrOutput, []byte("true"))
				n.SetAttributeString(attrTitle, []byte("Output of "+arg))
			} else {
				t.markListing(n, kind, arg)
			}
		case *ast.Heading:
			t.heading(n, src)
		case *ast.Link:
			n.Destination = []byte(t.link(string(n.Destination), false, offsetOf(n)))
		case *ast.Image:
			n.Destination = []byte(t.link(string(n.Destination), true, offsetOf(n)))
		}
		return ast.WalkContinue, nil
	})
}

// markListing gives the fenced code block n of the listing made by
// directive kind: arg its caption and, when it is runnable, what the runner
// needs. The print page has no runner.
func (t *transformer) markListing(n *ast.FencedCodeBlock, kind, arg string) {
	src := t.sources[kind+": "+arg]
	if src == nil { // cannot happen: include made every listing
		n.SetAttributeString(attrTitle, []byte(arg))
		return
	}
	n.SetAttributeString(attrTitle, []byte(src.caption))
	if src.run == "" || t.print {
		return
	}
	n.SetAttributeString(attrRun, []byte(src.run))
	n.SetAttributeString(attrFile, []byte(src.file))
	if src.first > 0 {
		n.SetAttributeString(attrLines, []byte(fmt.Sprintf("%d-%d", src.first, src.last)))
	}
	if src.indent != "" {
		n.SetAttributeString(attrIndent, []byte(src.indent))
	}
}

// directive reports what directive comment an HTML block is: its kind
// ("code", ..., "compare") and argument, or closing for a closing comment.
// A block that holds a directive among other HTML is a problem: the
// directive must be a block of its own, after a blank line.
func (t *transformer) directive(n *ast.HTMLBlock, src []byte) (kind, arg string, closing bool) {
	raw := blockText(n, src)
	if c, ok := chapter.ParseComment(strings.TrimSpace(raw)); ok {
		if c.Closing {
			return "", "", true
		}
		return c.Kind, c.Arg, false
	}
	for i, l := range strings.Split(raw, "\n") {
		l = strings.TrimSpace(l)
		if c, ok := chapter.ParseComment(l); ok && !c.Closing {
			t.ps = append(t.ps, problem.Errorf(t.ch.Source, lineOf(src, n.Lines().At(0).Start)+i,
				"directive %s is inside a block of HTML: put a blank line before it", l))
			break
		}
	}
	return "", "", false
}

// blockText returns the source text of an HTML block, closing line included.
func blockText(n *ast.HTMLBlock, src []byte) string {
	var b strings.Builder
	for i := range n.Lines().Len() {
		seg := n.Lines().At(i)
		b.Write(seg.Value(src))
	}
	if n.HasClosure() {
		b.Write(n.ClosureLine.Value(src))
	}
	return b.String()
}

// heading gives a heading its id, the way GitHub does so that #anchors work
// on both, and records h2 and h3 in the table of contents.
func (t *transformer) heading(h *ast.Heading, src []byte) {
	txt := plainText(h, src)
	id := githubSlug(txt)
	if id == "" {
		id = "section"
	}
	if n := t.ids[id]; n > 0 {
		t.ids[id] = n + 1
		id = fmt.Sprintf("%s-%d", id, n)
	} else {
		t.ids[id] = 1
	}
	t.out.ids[id] = true
	id = t.anchor(id)
	h.SetAttributeString("id", []byte(id))
	if h.Level == 2 || h.Level == 3 {
		t.out.toc = append(t.out.toc, Heading{Level: h.Level, ID: id, Text: txt})
	}
}

// anchor returns the id an anchor of this chapter has on the page being
// rendered: prefixed with the slug on the print page.
func (t *transformer) anchor(id string) string {
	if t.print {
		return t.ch.Slug + "-" + id
	}
	return id
}

// githubSlug returns the anchor GitHub gives a heading with this text:
// lower case, punctuation dropped, spaces turned into dashes.
func githubSlug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.M, r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// plainText returns the text of n and its descendants without markup: what
// a reader sees. Soft line breaks become spaces; raw HTML is left out.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock {
				b.WriteByte(' ') // between paragraphs, list items, table cells
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			b.Write(n.Segment.Value(src))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(n.Value)
		case *ast.AutoLink:
			b.Write(n.Label(src))
		case *ast.RawHTML, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

// offsetOf returns the byte offset in the source where inline node n
// starts, as near as the syntax tree knows: its first text, or its block.
func offsetOf(n ast.Node) int {
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}

// htmlBlockRenderer renders raw HTML blocks; see renderHTMLBlock.
type htmlBlockRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (htmlBlockRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHTMLBlock, renderHTMLBlock)
}

// renderHTMLBlock writes <!-- compare --> and <!-- /compare --> as the
// div.compare around two listings, drops the other directive comments, and
// writes any other raw HTML as it is (like goldmark with WithUnsafe).
func renderHTMLBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.HTMLBlock)
	c, isDirective := chapter.ParseComment(strings.TrimSpace(blockText(n, src)))
	switch {
	case isDirective && c.Kind == "compare":
		if entering && c.Closing {
			_, _ = w.WriteString("</div>\n")
		} else if entering {
			_, _ = w.WriteString("<div class=\"compare\">\n")
		}
		return ast.WalkContinue, nil
	case isDirective:
		return ast.WalkContinue, nil
	}
	if entering {
		for i := range n.Lines().Len() {
			seg := n.Lines().At(i)
			gmhtml.DefaultWriter.SecureWrite(w, seg.Value(src))
		}
	} else if n.HasClosure() {
		gmhtml.DefaultWriter.SecureWrite(w, n.ClosureLine.Value(src))
	}
	return ast.WalkContinue, nil
}
