// Package yamlnode reads YAML through yaml.v3 nodes, so detectors keep line
// numbers and never expand aliases into a tree bigger than the file (a
// "billion laughs" document costs nothing here).
package yamlnode

import (
	"bytes"
	"errors"
	"io"

	"go.yaml.in/yaml/v3"
)

// maxAliasDepth bounds how many aliases one lookup follows. yaml.v3 lets
// an alias name the node that contains it (&a [*a]), so a document can be
// a cycle: every walk over nodes must bound its depth.
const maxAliasDepth = 8

// Documents parses every document of a multi-document stream. A document
// that fails to parse stops the stream: the documents before it are kept
// and the error says where it failed.
func Documents(data []byte) ([]*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var docs []*yaml.Node
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			return docs, nil
		}
		if err != nil {
			return docs, unwrapYAML(err)
		}
		if root := Root(&n); root != nil {
			docs = append(docs, root)
		}
	}
}

// unwrapYAML drops yaml.v3's "yaml: " prefix so messages do not stutter.
func unwrapYAML(err error) error {
	msg := err.Error()
	if len(msg) > 6 && msg[:6] == "yaml: " {
		return errors.New(msg[6:])
	}
	return err
}

// Root is the content of a document node, with aliases resolved.
func Root(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.DocumentNode {
		if len(n.Content) == 0 {
			return nil
		}
		n = n.Content[0]
	}
	return Resolve(n)
}

// Resolve follows aliases to the node they name.
func Resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode; i++ {
		if i >= maxAliasDepth {
			return nil
		}
		n = n.Alias
	}
	return n
}

// Pair is one key and value of a mapping.
type Pair struct {
	Key     string
	KeyNode *yaml.Node
	Value   *yaml.Node
}

// Pairs lists a mapping's entries in order, with merge keys (<<: *base)
// expanded one level deep; an explicit key wins over a merged one.
func Pairs(m *yaml.Node) []Pair {
	return pairs(Resolve(m), 0)
}

func pairs(m *yaml.Node, depth int) []Pair {
	if m == nil || m.Kind != yaml.MappingNode || depth > maxAliasDepth {
		return nil
	}
	var own, merged []Pair
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Value == "<<" && k.Tag != "!!str" {
			src := Resolve(v)
			if src != nil && src.Kind == yaml.SequenceNode {
				for _, s := range src.Content {
					merged = append(merged, pairs(Resolve(s), depth+1)...)
				}
			} else {
				merged = append(merged, pairs(src, depth+1)...)
			}
			continue
		}
		if k.Kind != yaml.ScalarNode {
			continue
		}
		own = append(own, Pair{Key: k.Value, KeyNode: k, Value: Resolve(v)})
	}
	if len(merged) == 0 {
		return own
	}
	seen := map[string]bool{}
	for _, p := range own {
		seen[p.Key] = true
	}
	for _, p := range merged {
		if !seen[p.Key] {
			seen[p.Key] = true
			own = append(own, p)
		}
	}
	return own
}

// Get returns the value under key in a mapping, or nil.
func Get(m *yaml.Node, key string) *yaml.Node {
	for _, p := range Pairs(m) {
		if p.Key == key {
			return p.Value
		}
	}
	return nil
}

// Path follows keys through nested mappings.
func Path(m *yaml.Node, keys ...string) *yaml.Node {
	for _, k := range keys {
		m = Get(m, k)
		if m == nil {
			return nil
		}
	}
	return m
}

// Str is a scalar's text, or "" for anything else.
func Str(n *yaml.Node) string {
	n = Resolve(n)
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}

// Items lists a sequence's entries, aliases resolved; a lone scalar or
// mapping is a list of one, the way CI and compose files allow.
func Items(n *yaml.Node) []*yaml.Node {
	n = Resolve(n)
	switch {
	case n == nil:
		return nil
	case n.Kind == yaml.SequenceNode:
		out := make([]*yaml.Node, 0, len(n.Content))
		for _, c := range n.Content {
			if c = Resolve(c); c != nil {
				out = append(out, c)
			}
		}
		return out
	default:
		return []*yaml.Node{n}
	}
}

// Strings lists the scalar texts of a sequence (or of one scalar).
func Strings(n *yaml.Node) []string {
	var out []string
	for _, it := range Items(n) {
		if it.Kind == yaml.ScalarNode {
			out = append(out, it.Value)
		}
	}
	return out
}

// Keys lists a mapping's keys, a sequence's scalars, or a lone scalar:
// the three shapes of a GitHub Actions "on:".
func Keys(n *yaml.Node) []string {
	n = Resolve(n)
	if n != nil && n.Kind == yaml.MappingNode {
		var out []string
		for _, p := range Pairs(n) {
			out = append(out, p.Key)
		}
		return out
	}
	return Strings(n)
}

// Line is a node's 1-based line, or 1 when unknown.
func Line(n *yaml.Node) int {
	if n == nil || n.Line <= 0 {
		return 1
	}
	return n.Line
}
