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
//     highlightCache), so chroma highlights each block once; and the
//     command keeps it on disk for the next build (diskcache.go), so that
//     chroma highlights only the blocks that changed since.
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

// A highlightCache holds the highlighted code of the fenced code blocks a
// build has seen so far, by blockKey. One lives in each course, so that it
// lasts for one build. With a disk cache (diskcache.go) it also finds the
// blocks earlier builds highlighted, and remembers what this build
// computed, for the command to save. It is safe for concurrent use:
// chapters render in parallel.
type highlightCache struct {
	disk *diskCache // nil: no disk cache

	mu     sync.Mutex
	blocks map[string]highlightedCode // by blockKey
	fresh  map[string]bool            // the keys this build highlighted itself
}

// highlightedCode is the HTML of a block's code, without the listing
// around it.
type highlightedCode struct {
	html        []byte
	highlighted bool // chroma wrote it, <pre> included; otherwise it is escaped text
}

// get returns the code of the block with the given key, if this build or,
// through the disk cache, an earlier one highlighted it.
func (c *highlightCache) get(key string) (highlightedCode, bool) {
	c.mu.Lock()
	h, ok := c.blocks[key]
	c.mu.Unlock()
	if ok || c.disk == nil {
		return h, ok
	}
	if h, ok = c.disk.read(key); ok {
		c.mu.Lock()
		c.blocks[key] = h
		c.mu.Unlock()
	}
	return h, ok
}

// put records the code of the block with the given key, which this build
// highlighted.
func (c *highlightCache) put(key string, h highlightedCode) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.blocks[key] = h
	c.fresh[key] = true
}

// newHighlightCache returns an empty cache, backed by disk when it is not
// nil.
func newHighlightCache(disk *diskCache) *highlightCache {
	return &highlightCache{disk: disk, blocks: make(map[string]highlightedCode), fresh: make(map[string]bool)}
}

// blockKey returns the cache key of a fenced code block: everything the
// HTML of its code depends on, which is its info string (language, and
// options in braces) and its code. The listing around it (its caption, its
// run attributes) is written for each block.
func blockKey(n *ast.FencedCodeBlock, src []byte) string {
	var b bytes.Buffer
	if n.Info != nil {
		b.Write(n.Info.Segment.Value(src))
	}
	b.WriteByte(0)
	for i := range n.Lines().Len() {
		seg := n.Lines().At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}

// A codeBlockRenderer is the goldmark node renderer of fenced code blocks
// for one goldmark instance (which renders on one goroutine). It writes
// the listing around each block and hands the code to the renderer of
// goldmark-highlighting, except verified output and the blocks the cache
// already holds.
type codeBlockRenderer struct {
	highlighter renderer.NodeRenderer     // goldmark-highlighting's renderer
	highlight   renderer.NodeRendererFunc // its function for fenced code blocks
	cache       *highlightCache
	highlighted bool // what the last call of highlight did (see recordHighlighted)
}

// newCodeBlockRenderer returns a renderer of fenced code blocks that keeps
// their HTML in cache.
func newCodeBlockRenderer(cache *highlightCache) *codeBlockRenderer {
	r := &codeBlockRenderer{cache: cache}
	r.highlighter = highlighting.NewHTMLRenderer(
		highlighting.WithFormatOptions(chromahtml.WithClasses(true)),
		highlighting.WithCustomStyle(classesOnly()),
		highlighting.WithWrapperRenderer(r.recordHighlighted),
	)
	return r
}

// recordHighlighted is the wrapper renderer of goldmark-highlighting. It
// writes nothing (render writes the listing around the code) and records
// whether chroma highlighted the block, in which case it wrote the <pre>.
func (r *codeBlockRenderer) recordHighlighted(_ util.BufWriter, ctx highlighting.CodeBlockContext, _ bool) {
	r.highlighted = ctx.Highlighted()
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
	l := listingOf(n)
	if lang := n.Language(src); lang != nil {
		l.lang = string(lang)
	}
	if l.lang == outputInfo {
		l.open(w)
		for i := range n.Lines().Len() {
			seg := n.Lines().At(i)
			gmhtml.DefaultWriter.RawWrite(w, seg.Value(src))
		}
		l.close(w)
		return ast.WalkContinue, nil
	}
	key := blockKey(n, src)
	h, ok := r.cache.get(key)
	if !ok {
		var buf bytes.Buffer
		buf.Grow(8 * len(key)) // chroma's HTML is about eight times the code
		bw := bufio.NewWriter(&buf)
		r.highlighted = false
		if _, err := r.highlight(bw, src, n, true); err != nil {
			return ast.WalkStop, err
		}
		if err := bw.Flush(); err != nil {
			return ast.WalkStop, err
		}
		h = highlightedCode{html: buf.Bytes(), highlighted: r.highlighted}
		r.cache.put(key, h)
	}
	l.highlighted = h.highlighted
	l.open(w)
	_, _ = w.Write(h.html)
	l.close(w)
	return ast.WalkContinue, nil
}

// A listing is the div.listing around the code of a fenced code block, with
// a title bar when the block is a listing or verified output.
type listing struct {
	lang        string // the language of the info string, or ""
	title       string // the title bar's text (attrTitle), or ""
	output      bool   // verified output (attrOutput)
	highlighted bool   // chroma writes the <pre>; otherwise open writes <pre><code>

	run, file, lines, indent string // what the runner needs (attrRun, ...), or ""
}

// listingOf returns the listing of n as its attributes describe it:
// language and highlighting are left for the caller.
func listingOf(n ast.Node) listing {
	attr := func(name string) string {
		if v, ok := n.AttributeString(name); ok {
			return string(v.([]byte))
		}
		return ""
	}
	_, output := n.AttributeString(attrOutput)
	return listing{title: attr(attrTitle), output: output,
		run: attr(attrRun), file: attr(attrFile), lines: attr(attrLines), indent: attr(attrIndent)}
}

// open writes the start of the listing, up to the code.
func (l listing) open(w util.BufWriter) {
	switch {
	case l.output:
		_, _ = w.WriteString(`<div class="listing output">`)
	case l.lang != "":
		fmt.Fprintf(w, `<div class="listing" data-lang="%s"`, html.EscapeString(l.lang))
		l.writeRunAttrs(w)
		_, _ = w.WriteString(`>`)
	default:
		_, _ = w.WriteString(`<div class="listing">`)
	}
	if l.title != "" {
		fmt.Fprintf(w, `<div class="listing-head"><span class="listing-title">%s</span>`, html.EscapeString(l.title))
		if l.output {
			_, _ = w.WriteString(`<span class="verified">checked by go test</span>`)
		}
		if l.run != "" {
			_, _ = w.WriteString(`<span class="run-note">Run and edit it: <code>make serve</code></span>`)
		}
		_, _ = w.WriteString(`</div>`)
	}
	if !l.highlighted {
		_, _ = w.WriteString("<pre><code>")
	}
}

// writeRunAttrs writes the attributes the runner of make serve needs to run
// the reader's edit of a listing.
func (l listing) writeRunAttrs(w util.BufWriter) {
	for _, a := range []struct{ name, value string }{
		{attrRun, l.run}, {attrFile, l.file}, {attrLines, l.lines}, {attrIndent, l.indent},
	} {
		if a.value != "" && (a.name == attrRun || l.run != "") {
			fmt.Fprintf(w, ` %s="%s"`, a.name, html.EscapeString(a.value))
		}
	}
}

// close writes the end of the listing, after the code.
func (l listing) close(w util.BufWriter) {
	if !l.highlighted {
		_, _ = w.WriteString("</code></pre>")
	}
	_, _ = w.WriteString("</div>\n")
}
