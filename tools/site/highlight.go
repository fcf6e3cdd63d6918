package main

import (
	"bufio"
	"bytes"
	"fmt"
	"html"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	highlighting "github.com/yuin/goldmark-highlighting/v2"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// This file renders fenced code blocks: highlighted by chroma through
// goldmark-highlighting, with CSS classes, inside the div.listing markup of
// CONTRIBUTING.md's "The site's markup" (see listing). Three things keep it fast:
//
//   - A build renders every chapter twice (for its page and for the print
//     page), and chroma's tokenising is most of the cost of rendering. The
//     HTML of each distinct block is kept for the rest of the build (see
//     highlightCache), so chroma highlights each block once.
//   - Verified output (info string "output", which the include step gives
//     it) is written as escaped text without asking goldmark-highlighting.
//     The HTML is the same, as chroma has no lexer called "output"; but to
//     find that out, chroma matches the name against the file name patterns
//     of every lexer it has.
//   - chroma is given an empty style (classesOnly). With CSS classes the
//     style's colours go to assets/chroma.css (see chroma.go), not into the
//     HTML, which is the same with any style; but goldmark-highlighting
//     makes a formatter per block, and each converts its style to CSS.

// outputInfo is the info string of the verified output blocks the include
// step writes.
const outputInfo = "output"

// A highlightCache holds the HTML of the fenced code blocks a build has
// highlighted so far, by blockKey. One lives in each course, so that it
// lasts for one build. It is safe for concurrent use: chapters render in
// parallel.
type highlightCache struct {
	mu     sync.Mutex
	blocks map[string][]byte
}

// get returns the HTML of the block with the given key, if it is there.
func (c *highlightCache) get(key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	b, ok := c.blocks[key]
	return b, ok
}

// put records the HTML of the block with the given key.
func (c *highlightCache) put(key string, b []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.blocks == nil {
		c.blocks = make(map[string][]byte)
	}
	c.blocks[key] = b
}

// blockKey returns the cache key of a fenced code block: everything its
// HTML depends on, which is its info string (language, and options in
// braces), its attributes (set by the transformer: the title bar) and its
// code.
func blockKey(n *ast.FencedCodeBlock, src []byte) string {
	var b bytes.Buffer
	if n.Info != nil {
		b.Write(n.Info.Segment.Value(src))
	}
	b.WriteByte(0)
	for _, a := range n.Attributes() {
		fmt.Fprintf(&b, "%s=%#v\x00", a.Name, a.Value)
	}
	b.WriteByte(0)
	for i := range n.Lines().Len() {
		seg := n.Lines().At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}

// A codeBlockRenderer is the goldmark node renderer of fenced code blocks
// for one goldmark instance. It hands the blocks to the renderer of
// goldmark-highlighting, except verified output and the blocks cache
// already holds.
type codeBlockRenderer struct {
	highlighter renderer.NodeRenderer     // goldmark-highlighting's renderer
	highlight   renderer.NodeRendererFunc // its function for fenced code blocks
	cache       *highlightCache
}

// newCodeBlockRenderer returns a renderer of fenced code blocks that keeps
// their HTML in cache.
func newCodeBlockRenderer(cache *highlightCache) *codeBlockRenderer {
	return &codeBlockRenderer{
		highlighter: highlighting.NewHTMLRenderer(
			highlighting.WithFormatOptions(chromahtml.WithClasses(true)),
			highlighting.WithCustomStyle(classesOnly()),
			highlighting.WithWrapperRenderer(wrapListing),
		),
		cache: cache,
	}
}

// classesOnly returns the style chroma highlights with: no colours at all,
// as the HTML holds only CSS classes (see the comment at the top of this
// file).
func classesOnly() *chroma.Style { return chroma.MustNewStyle("classes only", nil) }

// SetOption implements renderer.SetOptioner: goldmark passes its renderer
// options on to goldmark-highlighting's renderer.
func (r *codeBlockRenderer) SetOption(name renderer.OptionName, value any) {
	if s, ok := r.highlighter.(renderer.SetOptioner); ok {
		s.SetOption(name, value)
	}
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *codeBlockRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	funcs := make(rendererFuncs)
	r.highlighter.RegisterFuncs(funcs)
	r.highlight = funcs[ast.KindFencedCodeBlock]
	if r.highlight == nil {
		panic("goldmark-highlighting registers no renderer for fenced code blocks")
	}
	reg.Register(ast.KindFencedCodeBlock, r.render)
}

// rendererFuncs records the functions a node renderer registers.
type rendererFuncs map[ast.NodeKind]renderer.NodeRendererFunc

// Register implements renderer.NodeRendererFuncRegisterer.
func (f rendererFuncs) Register(kind ast.NodeKind, fn renderer.NodeRendererFunc) { f[kind] = fn }

// render renders a fenced code block: see the comment at the top of this
// file.
func (r *codeBlockRenderer) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.FencedCodeBlock)
	if !entering {
		return ast.WalkContinue, nil
	}
	if n.Info != nil && string(n.Info.Segment.Value(src)) == outputInfo {
		l := listingOf(n)
		l.lang = outputInfo
		l.open(w)
		for i := range n.Lines().Len() {
			seg := n.Lines().At(i)
			gmhtml.DefaultWriter.RawWrite(w, seg.Value(src))
		}
		l.close(w)
		return ast.WalkContinue, nil
	}
	key := blockKey(n, src)
	b, ok := r.cache.get(key)
	if !ok {
		var buf bytes.Buffer
		buf.Grow(8 * len(key)) // chroma's HTML is about eight times the code
		bw := bufio.NewWriter(&buf)
		if _, err := r.highlight(bw, src, n, true); err != nil {
			return ast.WalkStop, err
		}
		if err := bw.Flush(); err != nil {
			return ast.WalkStop, err
		}
		b = buf.Bytes()
		r.cache.put(key, b)
	}
	_, _ = w.Write(b)
	return ast.WalkContinue, nil
}

// A listing is the div.listing around the code of a fenced code block, with
// a title bar when the block is a listing or verified output.
type listing struct {
	lang        string // the language of the info string, or ""
	title       string // the title bar's text (attrTitle), or ""
	output      bool   // verified output (attrOutput)
	highlighted bool   // chroma writes the <pre>; otherwise open writes <pre><code>
}

// listingOf returns the listing of n as its attributes describe it:
// language and highlighting are left for the caller.
func listingOf(n ast.Node) listing {
	var l listing
	if v, ok := n.AttributeString(attrTitle); ok {
		l.title = string(v.([]byte))
	}
	_, l.output = n.AttributeString(attrOutput)
	return l
}

// wrapListing is the wrapper renderer of goldmark-highlighting: it writes
// the listing around a fenced code block.
func wrapListing(w util.BufWriter, ctx highlighting.CodeBlockContext, entering bool) {
	var l listing
	if attrs := ctx.Attributes(); attrs != nil {
		if v, ok := attrs.GetString(attrTitle); ok {
			l.title = string(v.([]byte))
		}
		_, l.output = attrs.GetString(attrOutput)
	}
	lang, _ := ctx.Language()
	l.lang, l.highlighted = string(lang), ctx.Highlighted()
	if entering {
		l.open(w)
	} else {
		l.close(w)
	}
}

// open writes the start of the listing, up to the code.
func (l listing) open(w util.BufWriter) {
	switch {
	case l.output:
		_, _ = w.WriteString(`<div class="listing output">`)
	case l.lang != "":
		fmt.Fprintf(w, `<div class="listing" data-lang="%s">`, html.EscapeString(l.lang))
	default:
		_, _ = w.WriteString(`<div class="listing">`)
	}
	if l.title != "" {
		fmt.Fprintf(w, `<div class="listing-head"><span class="listing-title">%s</span>`, html.EscapeString(l.title))
		if l.output {
			_, _ = w.WriteString(`<span class="verified">checked by go test</span>`)
		}
		_, _ = w.WriteString(`</div>`)
	}
	if !l.highlighted {
		_, _ = w.WriteString("<pre><code>")
	}
}

// close writes the end of the listing, after the code.
func (l listing) close(w util.BufWriter) {
	if !l.highlighted {
		_, _ = w.WriteString("</code></pre>")
	}
	_, _ = w.WriteString("</div>\n")
}
