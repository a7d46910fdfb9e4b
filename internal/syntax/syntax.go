// Package syntax parses source with tree-sitter, in the grammar package
// lang gives a language, and offers the few node helpers every detector
// needs. Parsers are not safe for concurrent use, so each parse takes its
// own.
package syntax

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/threatmap/threatmap/internal/lang"
)

// Node is a node of a parsed tree. Detectors name it through this
// package, so that moving to other tree-sitter bindings touches this
// package and the grammars in package lang, not every detector.
type Node = sitter.Node

// Tree is a parsed file with its source, so node text is one call away.
type Tree struct {
	Src  []byte
	tree *sitter.Tree
}

// Root is the tree's root node.
func (t *Tree) Root() *sitter.Node { return t.tree.RootNode() }

// Close frees the C memory behind the tree.
func (t *Tree) Close() { t.tree.Close() }

// Text is a node's source text ("" for nil).
func (t *Tree) Text(n *sitter.Node) string {
	if n == nil {
		return ""
	}
	return n.Content(t.Src)
}

// Parse parses src as lang. A file with syntax errors still parses (the
// tree holds ERROR nodes); only a failure of the parser itself, or ctx
// ending first, is an error.
func Parse(ctx context.Context, l lang.Lang, src []byte) (*Tree, error) {
	parses.Add(1)
	g := lang.Grammar(l)
	if g == nil {
		return nil, fmt.Errorf("no grammar for %v", l)
	}
	if l != lang.Python {
		src = closeOpenComments(src)
	}
	if l == lang.Kotlin {
		src = joinKotlinAnnotations(src)
	}
	p := sitter.NewParser()
	defer p.Close()
	p.SetLanguage(g)
	tree, err := p.ParseCtx(ctx, nil, src)
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	return &Tree{Src: src, tree: tree}, nil
}

var parses atomic.Int64

// Parses is how many times Parse has run in this process: tests hold the
// detectors that read one file to a single parse of it (File.Tree).
func Parses() int64 { return parses.Load() }

// maxOpenComments is how many block comment openers after the last
// closer a JavaScript file may hold before Parse closes them.
const maxOpenComments = 8

// closeOpenComments bounds what tree-sitter's JavaScript lexer costs on
// block comments that never end. Each time it meets "/*" it reads to the
// end of the file looking for "*/", then recovers one token later: a file
// of many "/*" and no "*/" after them costs their number times its size
// (32 KiB of "/* x" lines take seconds). Past a few such openers, src gets
// "\n/**/" appended, so the first opener outside a string is a comment
// that ends there, read once; JavaScript reads it so too (the rest of
// the file is that comment). In a file whose openers all sit in strings
// or line comments, the appended text is one more comment at the end,
// which changes no other node.
func closeOpenComments(src []byte) []byte {
	tail := src
	if i := bytes.LastIndex(src, []byte("*/")); i >= 0 {
		tail = src[i+2:]
	}
	if bytes.Count(tail, []byte("/*")) <= maxOpenComments {
		return src
	}
	out := make([]byte, 0, len(src)+5)
	return append(append(out, src...), "\n/**/"...)
}

// Holds returns a test of whether a node's source text holds one of
// words: a walk that looks for nodes only some words can be written
// with skips the subtrees that hold none. It indexes src once; each test
// is two calls into the tree and a binary search.
func Holds(src []byte, words ...string) func(n *sitter.Node) bool {
	at := make([][]uint32, len(words))
	for i, w := range words {
		for o := 0; ; {
			j := bytes.Index(src[o:], []byte(w))
			if j < 0 {
				break
			}
			at[i] = append(at[i], uint32(o+j))
			o += j + 1
		}
	}
	return func(n *sitter.Node) bool {
		start, end := n.StartByte(), n.EndByte()
		for i, w := range words {
			k, _ := slices.BinarySearch(at[i], start)
			if k < len(at[i]) && at[i][k]+uint32(len(w)) <= end {
				return true
			}
		}
		return false
	}
}

// Line is a node's 1-based start line.
func Line(n *sitter.Node) int { return int(n.StartPoint().Row) + 1 }

// EndLine is a node's 1-based end line.
func EndLine(n *sitter.Node) int { return int(n.EndPoint().Row) + 1 }

// Walk visits n and its descendants depth-first, in source order; visit
// returns false to skip a node's children.
func Walk(n *sitter.Node, visit func(*sitter.Node) bool) {
	if n == nil || !visit(n) {
		return
	}
	if count := int(n.NamedChildCount()); count <= directChildren {
		for i := range count { // no slice for the common few
			Walk(n.NamedChild(i), visit)
		}
		return
	}
	for _, c := range NamedChildren(n) {
		Walk(c, visit)
	}
}

// directChildren is how many children NamedChildren and Children read by
// index: few enough that indexing (each call walks the children before
// it) costs less than a cursor.
const directChildren = 8

// NamedChildren is n's named children in order: n.NamedChild(i) for every
// i, in time linear in their number. NamedChild(i) walks the i children
// before the one it returns, so the plain index loop over a node with
// many children (a file of error nodes, a long array) is quadratic.
func NamedChildren(n *sitter.Node) []*sitter.Node {
	return children(n, true)
}

// Children is n's children, named or not: n.Child(i) for every i, in
// linear time.
func Children(n *sitter.Node) []*sitter.Node {
	return children(n, false)
}

func children(n *sitter.Node, named bool) []*sitter.Node {
	if n == nil {
		return nil
	}
	count := int(n.ChildCount())
	if named {
		count = int(n.NamedChildCount())
	}
	if count == 0 {
		return nil
	}
	out := make([]*sitter.Node, 0, count)
	if count <= directChildren {
		for i := range count {
			if named {
				out = append(out, n.NamedChild(i))
			} else {
				out = append(out, n.Child(i))
			}
		}
		return out
	}
	c := sitter.NewTreeCursor(n)
	defer c.Close()
	return appendChildren(out, c, named)
}

// appendChildren appends the children of the cursor's node and leaves the
// cursor where it was. The cursor steps through visible nodes, as Child
// does; NamedChild also reads through a visible anonymous node that has
// children (an alias), so that is done here too.
func appendChildren(out []*sitter.Node, c *sitter.TreeCursor, named bool) []*sitter.Node {
	if !c.GoToFirstChild() {
		return out
	}
	for {
		node := c.CurrentNode()
		switch {
		case !named || node.IsNamed():
			out = append(out, node)
		case node.ChildCount() > 0:
			out = appendChildren(out, c, named)
		}
		if !c.GoToNextSibling() {
			break
		}
	}
	c.GoToParent()
	return out
}

// StringValue returns the value of a string literal node (JS/TS string,
// template string without substitutions, Python string without
// interpolation) and whether n is one.
func (t *Tree) StringValue(n *sitter.Node) (string, bool) {
	if n == nil {
		return "", false
	}
	switch n.Type() {
	case "string":
		s := t.Text(n)
		// Python prefixes (r, b, u, f) come before the quote.
		i := strings.IndexAny(s, `'"`)
		if i < 0 {
			return "", false
		}
		prefix := strings.ToLower(s[:i])
		if strings.Contains(prefix, "f") {
			for _, c := range NamedChildren(n) {
				if c.Type() == "interpolation" {
					return "", false
				}
			}
		}
		return unquote(s[i:]), true
	case "template_string":
		for _, c := range NamedChildren(n) {
			if c.Type() == "template_substitution" {
				return "", false
			}
		}
		s := t.Text(n)
		return strings.TrimSuffix(strings.TrimPrefix(s, "`"), "`"), true
	case "concatenated_string":
		var b strings.Builder
		for _, c := range NamedChildren(n) {
			v, ok := t.StringValue(c)
			if !ok {
				return "", false
			}
			b.WriteString(v)
		}
		return b.String(), true
	}
	return "", false
}

func unquote(s string) string {
	for _, q := range []string{`"""`, `'''`, `"`, `'`} {
		if len(s) >= 2*len(q) && strings.HasPrefix(s, q) && strings.HasSuffix(s, q) {
			return s[len(q) : len(s)-len(q)]
		}
	}
	return s
}
