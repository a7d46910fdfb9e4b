// Package syntax parses source with tree-sitter, in the grammar package
// lang gives a language, and offers the few node helpers every detector
// needs. Parsers are not safe for concurrent use, so each parse takes its
// own.
package syntax

import (
	"context"
	"fmt"
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/threatmap/threatmap/internal/lang"
)

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
// tree holds ERROR nodes); only a failure of the parser itself is an error.
func Parse(ctx context.Context, l lang.Lang, src []byte) (*Tree, error) {
	g := lang.Grammar(l)
	if g == nil {
		return nil, fmt.Errorf("no grammar for %v", l)
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
	for i := 0; i < int(n.NamedChildCount()); i++ {
		Walk(n.NamedChild(i), visit)
	}
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
			for j := 0; j < int(n.NamedChildCount()); j++ {
				if n.NamedChild(j).Type() == "interpolation" {
					return "", false
				}
			}
		}
		return unquote(s[i:]), true
	case "template_string":
		for j := 0; j < int(n.NamedChildCount()); j++ {
			if n.NamedChild(j).Type() == "template_substitution" {
				return "", false
			}
		}
		s := t.Text(n)
		return strings.TrimSuffix(strings.TrimPrefix(s, "`"), "`"), true
	case "concatenated_string":
		var b strings.Builder
		for j := 0; j < int(n.NamedChildCount()); j++ {
			v, ok := t.StringValue(n.NamedChild(j))
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
