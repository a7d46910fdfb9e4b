// Package reconcile writes threatmap.yaml without losing a person's word:
// Encode drafts a fresh, commented file; Merge folds a new scan into a file
// people have edited; the decision edits (Accept, Transfer, Eliminate,
// SetControl, Review) change one threat; WriteFile replaces the file
// atomically, and Lock keeps two commands from editing it at once.
//
// Every edit of an existing file is a splice: yaml.v3's node tree says
// where each value stands, only the bytes of what changes are rewritten,
// and every other byte (comments, order, quoting, blank lines) is kept.
package reconcile

import (
	"bytes"
	"fmt"
	"reflect"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/threatmap/threatmap/internal/model"
)

// foldWidth is where long strings are wrapped, so the file reads as one page.
const foldWidth = 80

// flowKeys are written on one line: short lists of ids, letters, file:line
// and small mappings read better as `[a, b]` and `{method: POST, path: /x}`.
var flowKeys = map[string]bool{
	"evidence": true, "match": true, "stride": true, "assets": true,
	"cwe": true, "fields": true, "last": true,
}

// nodeOf turns a model value (a struct, a slice of them) into a styled node
// tree: flow style for short items, folded style for long sentences.
func nodeOf(v any) (*yaml.Node, error) {
	var n yaml.Node
	if err := n.Encode(v); err != nil {
		return nil, err
	}
	style(&n, "", false)
	return &n, nil
}

// style sets the styles the file uses; key is the mapping key above n.
func style(n *yaml.Node, key string, inFlow bool) {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			style(c, key, inFlow)
		}
	case yaml.MappingNode:
		if flowKeys[key] {
			n.Style = yaml.FlowStyle
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			style(n.Content[i+1], n.Content[i].Value, inFlow || n.Style == yaml.FlowStyle)
		}
	case yaml.SequenceNode:
		if flowKeys[key] && allScalars(n.Content) {
			n.Style = yaml.FlowStyle
		}
		for _, c := range n.Content {
			// Boundaries are four short words each, and a site a route's
			// surface, name and place: one line each.
			if (key == "boundaries" || key == "sites") && c.Kind == yaml.MappingNode {
				c.Style = yaml.FlowStyle
			}
			style(c, "", inFlow || n.Style == yaml.FlowStyle)
		}
	case yaml.ScalarNode:
		if !inFlow && foldable(n.Value) {
			n.Style = yaml.FoldedStyle
		}
	}
}

func allScalars(ns []*yaml.Node) bool {
	for _, n := range ns {
		if n.Kind != yaml.ScalarNode {
			return false
		}
	}
	return true
}

// foldable reports whether a string is long, one line, and safe to fold at
// single spaces without changing its value.
func foldable(s string) bool {
	if len(s) <= foldWidth || strings.ContainsAny(s, "\n\r\t") || strings.Contains(s, "  ") {
		return false
	}
	if strings.TrimSpace(s) != s {
		return false
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == 0xFEFF || (r >= 0x80 && r < 0xA0) {
			return false
		}
	}
	return true
}

// render encodes a node with two-space indentation, then wraps folded
// strings and unquotes file:line evidence, the two things yaml.v3 will not
// do. The result always ends with a newline.
func render(n *yaml.Node) (string, error) {
	plainWords(n)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return "", err
	}
	if err := enc.Close(); err != nil {
		return "", err
	}
	plain := b.String()
	pretty := polish(plain)
	if pretty != plain && !sameYAML(plain, pretty) {
		return plain, nil // never trade correctness for looks
	}
	return pretty, nil
}

var (
	keyRE  = regexp.MustCompile(`^[a-z_]+$`)
	dateRE = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
)

// plainWords lets keys and dates be written bare, as people write them
// (`{on: 2026-10-01, by: sam}`), where yaml.v3 would quote "on" (a YAML 1.1
// boolean) and a date given as a string. The model loader reads both as
// text either way.
func plainWords(n *yaml.Node) {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i]; k.Kind == yaml.ScalarNode && keyRE.MatchString(k.Value) {
				k.Tag, k.Style = "", 0
			}
		}
	}
	if n.Kind == yaml.ScalarNode && n.Style&^(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) == 0 && dateRE.MatchString(n.Value) {
		if _, err := model.ParseDate(n.Value); err == nil {
			n.Tag, n.Style = "", 0
		}
	}
	for _, c := range n.Content {
		plainWords(c)
	}
}

// sameYAML reports whether two texts decode to the same generic value.
func sameYAML(a, b string) bool {
	var x, y any
	if yaml.Unmarshal([]byte(a), &x) != nil || yaml.Unmarshal([]byte(b), &y) != nil {
		return false
	}
	return reflect.DeepEqual(x, y)
}

var (
	foldedKeyRE  = regexp.MustCompile(`^( *)(- )?[a-z_]+: >-$`)
	evidenceRE   = regexp.MustCompile(`(evidence: \[)([^\[\]{}]*)\]`)
	evidenceItem = regexp.MustCompile(`^'?([A-Za-z0-9_./][A-Za-z0-9_./+@-]*(?::[0-9]+)?)'?$`)
)

// polish wraps the one long line yaml.v3 writes for a folded string, and
// writes evidence lists as [file:line, ...] without quotes.
func polish(text string) string {
	lines := strings.Split(text, "\n")
	out := make([]string, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		line = evidenceRE.ReplaceAllStringFunc(line, func(list string) string {
			m := evidenceRE.FindStringSubmatch(list)
			return unquoteEvidence(m[1], m[2], list)
		})
		out = append(out, line)
		if foldedKeyRE.MatchString(line) && i+1 < len(lines) {
			next := lines[i+1]
			body := strings.TrimLeft(next, " ")
			if indent := len(next) - len(body); indent > len(line)-len(strings.TrimLeft(line, " ")) {
				out = append(out, wrap(body, strings.Repeat(" ", indent))...)
				i++
			}
		}
	}
	return strings.Join(out, "\n")
}

func unquoteEvidence(head, items, list string) string {
	parts := strings.Split(items, ", ")
	for i, p := range parts {
		m := evidenceItem.FindStringSubmatch(p)
		if m == nil || (strings.HasPrefix(p, "'") != strings.HasSuffix(p, "'")) {
			return list
		}
		parts[i] = m[1]
	}
	return head + strings.Join(parts, ", ") + "]"
}

// wrap breaks s at single spaces into lines of about foldWidth, each with
// prefix. Folding joins them back with one space, so the value is unchanged.
func wrap(s, prefix string) []string {
	width := max(foldWidth-len(prefix), 40)
	var out []string
	for len(s) > width {
		cut := strings.LastIndexByte(s[:width+1], ' ')
		if cut <= 0 {
			cut = strings.IndexByte(s, ' ')
			if cut <= 0 {
				break
			}
		}
		out = append(out, prefix+s[:cut])
		s = s[cut+1:]
	}
	return append(out, prefix+s)
}

// str is a string scalar node; the !!str tag makes the encoder quote
// values such as "null" or "yes" that would otherwise read as another type.
func str(v string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v}
	if foldable(v) {
		n.Style = yaml.FoldedStyle
	}
	return n
}

// mapping builds a mapping node from key, value pairs.
func mapping(style yaml.Style, kv ...any) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: style}
	for i := 0; i+1 < len(kv); i += 2 {
		var v *yaml.Node
		switch x := kv[i+1].(type) {
		case string:
			if x == "" {
				continue
			}
			v = str(x)
		case *yaml.Node:
			if x == nil {
				continue
			}
			v = x
		}
		m.Content = append(m.Content, str(kv[i].(string)), v)
	}
	return m
}

// evidenceNode is a flow list of file:line, or nil for none.
func evidenceNode(ev []model.Evidence) *yaml.Node {
	if len(ev) == 0 {
		return nil
	}
	s := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
	for _, e := range ev {
		s.Content = append(s.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: e.String()})
	}
	return s
}

// renderEntry renders `key: value` as block lines without indentation.
func renderEntry(key string, v *yaml.Node) (string, error) {
	return render(&yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v}})
}

// inlineScalar renders a string as it follows `key: ` on one line in
// block context: quoted as the old value was when that fits, else as
// yaml.v3 writes it, else double-quoted, which holds any text on one line.
func inlineScalar(v string, style yaml.Style) (string, error) {
	for _, st := range []yaml.Style{style & (yaml.DoubleQuotedStyle | yaml.SingleQuotedStyle), yaml.DoubleQuotedStyle} {
		text, err := renderEntry("k", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v, Style: st})
		if err != nil {
			return "", err
		}
		text = strings.TrimSuffix(strings.TrimPrefix(text, "k: "), "\n")
		if !strings.Contains(text, "\n") && !strings.HasPrefix(text, "|") && !strings.HasPrefix(text, ">") {
			return text, nil
		}
	}
	return "", fmt.Errorf("%w: %q does not fit on one line", errEdit, v)
}
