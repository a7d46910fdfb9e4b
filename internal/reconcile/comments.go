package reconcile

import (
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// yamlComment is one YAML comment of a file: where its '#' stands, and its text
// up to the end of the line.
type yamlComment struct {
	at   int
	text string
}

// scalarExtent is the bytes a quoted or block scalar covers, where a '#'
// is text and not a comment; for a block scalar, header is the offset just
// past its indicators (|-, >2), where a '#' starts a comment.
type scalarExtent struct{ start, end, header int }

// comments lists every comment of the file, in order: each '#' outside
// quoted and block scalars that starts a line or follows a space, a tab, a
// flow indicator or a closing quote (yaml.v3 reads all of these as
// comments; counting a '#' in an odd plain scalar too only makes an edit
// of it refuse).
// yaml.v3 drops some comments from its node tree (one after a '[' that
// opens a multi-line list, for one), so they are found in the bytes, with
// the tree saying where the scalars are.
func (f *file) comments() []yamlComment {
	masks := f.scalarExtents()
	var out []yamlComment
	headers := map[int]bool{}
	for _, m := range masks {
		headers[m.header] = true
	}
	next := 0 // the next mask that may cover an offset
	maskEnd := -1
	for i := 0; i < len(f.src); i++ {
		for next < len(masks) && masks[next].end <= i {
			next++
		}
		if next < len(masks) && masks[next].start <= i {
			i = masks[next].end - 1
			maskEnd = masks[next].end
			continue
		}
		if f.src[i] != '#' || (i > 0 && i != maskEnd && !headers[i] && !strings.ContainsRune(" \t\n\r[]{},", rune(f.src[i-1]))) {
			continue
		}
		end := i
		for end < len(f.src) && f.src[end] != '\n' {
			end++
		}
		out = append(out, yamlComment{at: i, text: strings.TrimRight(string(f.src[i:end]), " \t\r")})
		i = end
	}
	return out
}

// scalarExtents are the extents of every quoted and block scalar in the
// file, in order.
func (f *file) scalarExtents() []scalarExtent {
	if f.extents != nil {
		return f.extents
	}
	f.extents = []scalarExtent{}
	seen := map[*yaml.Node]bool{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if seen[n] {
			return
		}
		seen[n] = true
		if n.Kind == yaml.ScalarNode {
			if e, ok := f.scalarExtent(n); ok {
				f.extents = append(f.extents, e)
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(f.root)
	sortExtents(f.extents)
	return f.extents
}

func sortExtents(es []scalarExtent) {
	sort.Slice(es, func(i, j int) bool { return es[i].start < es[j].start })
}

// valueStart is where a node's value begins, past any anchor (&a) and tag
// (!!str) written before it.
func (f *file) valueStart(n *yaml.Node) int {
	i := f.offset(n.Line, n.Column)
	for i < len(f.src) && (f.src[i] == '&' || f.src[i] == '!') {
		for i < len(f.src) && !strings.ContainsRune(" \t\r\n", rune(f.src[i])) {
			i++
		}
		for i < len(f.src) && (f.src[i] == ' ' || f.src[i] == '\t') {
			i++
		}
	}
	return i
}

// scalarExtent is the extent of a quoted or block scalar, or of a plain
// one that holds a '#' (it cannot hold " #", but may hold "}#").
func (f *file) scalarExtent(n *yaml.Node) (scalarExtent, bool) {
	start := f.valueStart(n)
	if start >= len(f.src) {
		return scalarExtent{}, false
	}
	switch q := f.src[start]; {
	case n.Style&^yaml.TaggedStyle == 0 && strings.Contains(n.Value, "#"):
		if start, end, ok := f.scalarSpan(n); ok {
			return scalarExtent{start, end, -1}, true
		}
	case n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 && (q == '"' || q == '\''):
		if end, ok := quotedEnd(f.src, start); ok {
			return scalarExtent{start, end, -1}, true
		}
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 && (q == '|' || q == '>'):
		header := start + 1
		for header < len(f.src) && strings.IndexByte("+-0123456789", f.src[header]) >= 0 {
			header++
		}
		if last := f.blockScalarLast(n, start); last > n.Line {
			return scalarExtent{f.after(n.Line), f.after(last), header}, true
		}
		// No content: nothing to mask, but the header still ends where a
		// comment may start.
		return scalarExtent{header, header, header}, true
	}
	return scalarExtent{}, false
}

// quotedEnd is the offset just past the closing quote of the quoted scalar
// that opens at start.
func quotedEnd(src []byte, start int) (int, bool) {
	q := src[start]
	for i := start + 1; i < len(src); i++ {
		switch {
		case q == '"' && src[i] == '\\':
			i++
		case src[i] == q && q == '\'' && i+1 < len(src) && src[i+1] == '\'':
			i++
		case src[i] == q:
			return i + 1, true
		}
	}
	return 0, false
}

// blockScalarLast is the last line of the content of the block scalar n
// (its header at offset header), or n.Line when it has none. The content
// is every line after the header more indented than the collection that
// holds the scalar, down to the first line that is not blank and less
// indented than the content's first line.
func (f *file) blockScalarLast(n *yaml.Node, header int) int {
	parent := -1
	if p := f.parent[n]; p != nil {
		parent = p.Column - 1
		if p.Kind == yaml.MappingNode && len(p.Content) > 0 {
			parent = p.Content[0].Column - 1
		}
	}
	indent := -1
	for i := header + 1; i < len(f.src) && f.src[i] != '\n' && f.src[i] != ' ' && f.src[i] != '#'; i++ {
		if c := f.src[i]; c >= '1' && c <= '9' {
			indent = parent + int(c-'0')
		}
	}
	last := n.Line
	for l := n.Line + 1; l <= f.lines(); l++ {
		text := f.line(l)
		if len(strings.TrimSpace(string(text))) == 0 {
			continue
		}
		in := indentOf(text)
		if indent < 0 {
			if in <= parent {
				break
			}
			indent = in
		}
		if in < indent {
			break
		}
		last = l
	}
	return last
}

// lostComments lists the comments of before that after does not keep, by
// text, counting repeats.
func lostComments(before, after []yamlComment) []yamlComment {
	have := map[string]int{}
	for _, c := range after {
		have[c.text]++
	}
	var lost []yamlComment
	for _, c := range before {
		if have[c.text] > 0 {
			have[c.text]--
			continue
		}
		lost = append(lost, c)
	}
	return lost
}

// keepComments refuses an edit that would drop a comment: every comment a
// person wrote must be in the new file, or the file is not written.
func keepComments(f *file, out []byte) error {
	g, err := parseFile(f.name, out)
	if err != nil {
		return fmt.Errorf("%w: the edited file would not load: %v", errEdit, err)
	}
	lost := lostComments(f.comments(), g.comments())
	if len(lost) == 0 {
		return nil
	}
	c := lost[0]
	line := 1
	for line < len(f.starts) && f.starts[line] <= c.at {
		line++
	}
	return fmt.Errorf("%s:%d: %w: this change would drop the comment %q; move the comment to a line of its own and run again (the file was not changed)", f.name, line, errEdit, c.text)
}
