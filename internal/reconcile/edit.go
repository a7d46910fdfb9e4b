package reconcile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/threatmap/threatmap/internal/model"
)

// file is a model file being edited: its bytes, its node tree, and the
// splices queued against them. Nothing is rewritten until bytes(), and only
// the bytes a splice covers change. Block nodes are never changed in the
// tree, so their positions stay true for every later splice.
type file struct {
	name   string
	bom    []byte
	src    []byte
	nl     string
	starts []int // byte offset where each line starts; starts[0] is line 1
	root   *yaml.Node
	parent map[*yaml.Node]*yaml.Node
	edits  []splice
	// extents are the quoted and block scalars, where '#' is not a comment.
	extents []scalarExtent
	// flowAdded counts the entries inserted into each {...} or [...] so
	// far: the tree is never changed, so the second insert into an empty
	// one must know it is not the first.
	flowAdded map[*yaml.Node]int
}

// splice replaces src[start:end] with text. Inserts at the same offset go
// deepest first, so a nested list grows before its parent's next key, and
// then in the order they were made.
type splice struct {
	start, end int
	depth      int
	seq        int
	text       string
}

// errEdit marks a file shape the splicer will not touch, such as an alias
// standing for an item that must change.
var errEdit = errors.New("cannot edit")

func parseFile(name string, data []byte) (*file, error) {
	f := &file{name: name, nl: "\n", parent: map[*yaml.Node]*yaml.Node{}, flowAdded: map[*yaml.Node]int{}}
	if bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
		f.bom, data = data[:3], data[3:]
	}
	f.src = data
	// yaml.v3 counts a lone CR and the Unicode line separators as line
	// breaks; the splicer counts lines by LF, so it refuses what it would
	// miscount rather than guess.
	if bytes.Contains(bytes.ReplaceAll(data, []byte("\r\n"), nil), []byte("\r")) ||
		bytes.Contains(data, []byte("\u0085")) || bytes.Contains(data, []byte("\u2028")) || bytes.Contains(data, []byte("\u2029")) {
		return nil, fmt.Errorf("%s: %w: it has line breaks other than LF or CRLF; save it with LF line breaks", name, errEdit)
	}
	if i := bytes.IndexByte(data, '\n'); i > 0 && data[i-1] == '\r' {
		f.nl = "\r\n"
	}
	f.starts = []int{0}
	for i, b := range data {
		if b == '\n' {
			f.starts = append(f.starts, i+1)
		}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %w: a second YAML document", name, errEdit)
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s: %w: the file is not a mapping of key: value", name, errEdit)
	}
	f.root = doc.Content[0]
	if f.root.Style&yaml.FlowStyle != 0 {
		return nil, fmt.Errorf("%s: %w: the file is written as one {...} mapping; write it in block style", name, errEdit)
	}
	f.link(f.root)
	return f, nil
}

func (f *file) link(n *yaml.Node) {
	for _, c := range n.Content {
		if _, seen := f.parent[c]; seen || c == f.root {
			continue
		}
		f.parent[c] = n
		f.link(c)
	}
}

// bytes applies every splice and returns the new file.
func (f *file) bytes() ([]byte, error) {
	edits := sortedSplices(f.edits)
	var out bytes.Buffer
	out.Write(f.bom)
	pos := 0
	for _, e := range edits {
		if e.start < pos {
			return nil, fmt.Errorf("%s: %w: two changes overlap at byte %d", f.name, errEdit, e.start)
		}
		out.Write(f.src[pos:e.start])
		out.WriteString(e.text)
		pos = e.end
	}
	out.Write(f.src[pos:])
	return out.Bytes(), nil
}

func sortedSplices(es []splice) []splice {
	out := append([]splice(nil), es...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.start != b.start {
			return a.start < b.start
		}
		if (a.start == a.end) != (b.start == b.end) {
			return a.start == a.end // an insert goes before a replacement starting there
		}
		if a.depth != b.depth {
			return a.depth > b.depth
		}
		return a.seq < b.seq
	})
	return out
}

func (f *file) add(start, end, depth int, text string) {
	f.edits = append(f.edits, splice{start: start, end: end, depth: depth, seq: len(f.edits), text: text})
}

// --- positions ---------------------------------------------------------

func (f *file) lines() int { return len(f.starts) }

// line returns line n (1-based) without its line break.
func (f *file) line(n int) []byte {
	if n < 1 || n > len(f.starts) {
		return nil
	}
	end := len(f.src)
	if n < len(f.starts) {
		end = f.starts[n] - 1
	}
	return bytes.TrimSuffix(f.src[f.starts[n-1]:end], []byte("\r"))
}

// offset converts a node's line and column (counted in characters) to a
// byte offset.
func (f *file) offset(line, col int) int {
	if line < 1 || line > len(f.starts) {
		return len(f.src)
	}
	l := f.line(line)
	off := 0
	for i := 1; i < col && off < len(l); i++ {
		_, size := utf8.DecodeRune(l[off:])
		off += size
	}
	return f.starts[line-1] + off
}

// after is the offset just past line n and its line break.
func (f *file) after(n int) int {
	if n >= len(f.starts) {
		return len(f.src)
	}
	return f.starts[n]
}

func indentOf(l []byte) int { return len(l) - len(bytes.TrimLeft(l, " ")) }

func isBlankOrComment(l []byte) bool {
	t := bytes.TrimSpace(l)
	return len(t) == 0 || t[0] == '#'
}

func isDashLine(l []byte) bool {
	t := bytes.TrimLeft(l, " ")
	return len(t) > 0 && t[0] == '-' && (len(t) == 1 || t[1] == ' ')
}

// firstOnLine reports whether only spaces stand before the node on its line
// (not so for the first key of a `- key: value` item).
func (f *file) firstOnLine(n *yaml.Node) bool {
	l := f.line(n.Line)
	if l == nil {
		return false
	}
	at := min(f.offset(n.Line, n.Column)-f.starts[n.Line-1], len(l))
	return len(bytes.TrimLeft(l[:at], " ")) == 0
}

// guard turns a panic in the splicer into an error: a file threatmap cannot
// edit is refused, never a crash, and the file is left as it was.
func guard(name string, err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%s: %w: unexpected shape (%v); the file was not changed (this is a bug in threatmap: please report it with the file)", name, errEdit, r)
	}
}

// entryLast is the last line holding content of entry i of block mapping m:
// trailing comments and blank lines stay with what follows.
func (f *file) entryLast(m *yaml.Node, i int) int {
	k, v := m.Content[2*i], m.Content[2*i+1]
	limit := f.lines() + 1
	if 2*i+2 < len(m.Content) {
		limit = m.Content[2*i+2].Line
	}
	indent := k.Column - 1
	last := max(k.Line, f.lastLine(v))
	if isNull(v) && v.Value == "" {
		// Where a value will be filled in (insertBlockAfterKey).
		last = f.commentsUnder(k)
	}
	for n := last + 1; n < limit; n++ {
		l := f.line(n)
		if isBlankOrComment(l) {
			continue
		}
		in := indentOf(l)
		if in > indent || (in == indent && v.Kind == yaml.SequenceNode && v.Style&yaml.FlowStyle == 0 && isDashLine(l)) {
			last = n
			continue
		}
		break
	}
	return last
}

// lastLine is the last line holding part of n. A quoted or block scalar,
// or a {...} or [...], may run over lines that look like anything, even
// ones less indented than it.
func (f *file) lastLine(n *yaml.Node) int {
	switch {
	case n.Kind == yaml.ScalarNode:
		if e, ok := f.scalarExtent(n); ok && e.end > e.start {
			return max(n.Line, f.lineOf(e.end-1))
		}
	case isFlow(n):
		if _, end, ok := f.flowSpan(n); ok {
			return max(n.Line, f.lineOf(end-1))
		}
	case n.Kind != yaml.AliasNode && len(n.Content) > 0:
		return max(n.Line, f.lastLine(n.Content[len(n.Content)-1]))
	}
	return n.Line
}

// lineOf is the line (1-based) holding byte offset off.
func (f *file) lineOf(off int) int {
	lo, hi := 0, len(f.starts)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if f.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1
}

// seqLast is the last line holding content of block sequence s.
func (f *file) seqLast(s *yaml.Node) int {
	dash := s.Column - 1
	item := s.Content[len(s.Content)-1]
	last := f.lastLine(item)
	for n := last + 1; n <= f.lines(); n++ {
		l := f.line(n)
		if isBlankOrComment(l) {
			continue
		}
		if indentOf(l) > dash {
			last = n
			continue
		}
		break
	}
	return last
}

// scalarSpan finds the bytes of a scalar written on one line (plain or
// quoted, in block or flow context), checked by parsing them back; block and
// multi-line scalars, tagged and anchored ones are not spanned.
func (f *file) scalarSpan(n *yaml.Node) (int, int, bool) {
	start := f.offset(n.Line, n.Column)
	if start >= len(f.src) {
		return 0, 0, false
	}
	lineEnd := len(f.src)
	if n.Line < len(f.starts) {
		lineEnd = f.starts[n.Line] - 1
	}
	end := -1
	switch f.src[start] {
	case '|', '>', '&', '!', '*':
		return 0, 0, false
	case '"':
		for i := start + 1; i < lineEnd; i++ {
			if f.src[i] == '\\' {
				i++
			} else if f.src[i] == '"' {
				end = i + 1
				break
			}
		}
	case '\'':
		for i := start + 1; i < lineEnd; i++ {
			if f.src[i] == '\'' {
				if i+1 < lineEnd && f.src[i+1] == '\'' {
					i++
					continue
				}
				end = i + 1
				break
			}
		}
	default:
		end = lineEnd
		flow := f.inFlow(n)
		for i := start; i < lineEnd; i++ {
			c := f.src[i]
			if c == '#' && i > start && (f.src[i-1] == ' ' || f.src[i-1] == '\t') ||
				flow && (c == ',' || c == ']' || c == '}') {
				end = i
				break
			}
		}
		for end > start && (f.src[end-1] == ' ' || f.src[end-1] == '\t' || f.src[end-1] == '\r') {
			end--
		}
	}
	if end < 0 {
		return 0, 0, false
	}
	var check yaml.Node
	if err := yaml.Unmarshal(f.src[start:end], &check); err != nil || len(check.Content) != 1 ||
		check.Content[0].Kind != yaml.ScalarNode || check.Content[0].Value != n.Value || check.Content[0].Tag != n.Tag {
		return 0, 0, false
	}
	return start, end, true
}

// valueSpan is the bytes of a value written in place: a scalar on one line
// (an explicit null such as ~ included) or a {...} or [...] collection.
func (f *file) valueSpan(n *yaml.Node) (int, int, bool) {
	switch {
	case n.Kind == yaml.ScalarNode && n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 && n.Anchor == "":
		// Quoted, perhaps over several lines.
		e, ok := f.scalarExtent(n)
		if !ok || f.src[f.offset(n.Line, n.Column)] != f.src[e.start] {
			return 0, 0, false
		}
		var check yaml.Node
		if err := yaml.Unmarshal(f.src[e.start:e.end], &check); err != nil || len(check.Content) != 1 || check.Content[0].Value != n.Value {
			return 0, 0, false
		}
		return e.start, e.end, true
	case n.Kind == yaml.ScalarNode:
		return f.scalarSpan(n)
	case n.Style&yaml.FlowStyle != 0 && n.Anchor == "":
		return f.flowSpan(n)
	}
	return 0, 0, false
}

// keyColon is the offset just past the ':' that ends key k on its line.
func (f *file) keyColon(k *yaml.Node) (int, bool) {
	start := f.offset(k.Line, k.Column)
	if start >= len(f.src) || k.Kind != yaml.ScalarNode || k.Anchor != "" {
		return 0, false
	}
	end := start + len(k.Value)
	switch f.src[start] {
	case '"', '\'':
		e, ok := quotedEnd(f.src, start)
		if !ok {
			return 0, false
		}
		end = e
	default:
		if !bytes.HasPrefix(f.src[start:], []byte(k.Value)) {
			return 0, false
		}
	}
	for end < len(f.src) && (f.src[end] == ' ' || f.src[end] == '\t') {
		end++
	}
	if end >= len(f.src) || f.src[end] != ':' {
		return 0, false
	}
	return end + 1, true
}

// flowSpan finds the bytes of a [...] or {...} collection by matching its
// brackets, skipping quoted strings and comments.
func (f *file) flowSpan(n *yaml.Node) (int, int, bool) {
	start := f.valueStart(n)
	if start >= len(f.src) || (f.src[start] != '[' && f.src[start] != '{') {
		return 0, 0, false
	}
	depth := 0
	prev := byte(' ') // the last byte that was not a space
	for i := start; i < len(f.src); i++ {
		c := f.src[i]
		switch {
		case c == '#' && (f.src[i-1] == ' ' || f.src[i-1] == '\n' || f.src[i-1] == '\t'):
			for i < len(f.src) && f.src[i] != '\n' {
				i++
			}
			continue
		case (c == '"' || c == '\'') && strings.IndexByte("{[,:", prev) >= 0:
			for i++; i < len(f.src); i++ {
				if c == '"' && f.src[i] == '\\' {
					i++
				} else if f.src[i] == c {
					if c == '\'' && i+1 < len(f.src) && f.src[i+1] == '\'' {
						i++
						continue
					}
					break
				}
			}
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			depth--
			if depth == 0 {
				return start, i + 1, true
			}
		}
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			prev = c
		}
	}
	return 0, 0, false
}

// inFlow reports whether n sits inside a flow collection.
func (f *file) inFlow(n *yaml.Node) bool {
	for p := f.parent[n]; p != nil; p = f.parent[p] {
		if p.Style&yaml.FlowStyle != 0 {
			return true
		}
	}
	return false
}

// renderFlow writes a new value in flow style on one line.
func renderFlow(n *yaml.Node) (string, error) {
	c := deepCopy(n)
	stripComments(c)
	c.Style = yaml.FlowStyle
	text, err := renderEntry("k", c)
	if err != nil {
		return "", err
	}
	text = strings.TrimSuffix(strings.TrimPrefix(text, "k: "), "\n")
	if strings.Contains(text, "\n") {
		return "", fmt.Errorf("%w: a {...} value does not fit on one line", errEdit)
	}
	return text, nil
}

func deepCopy(n *yaml.Node) *yaml.Node {
	c := *n
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, x := range n.Content {
		c.Content[i] = deepCopy(x)
	}
	return &c
}

func stripComments(n *yaml.Node) {
	n.HeadComment, n.LineComment, n.FootComment = "", "", ""
	for _, c := range n.Content {
		stripComments(c)
	}
}

// --- edits ------------------------------------------------------------

// lookup returns the index of key in mapping m, or -1.
func lookup(m *yaml.Node, key string) int {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return i / 2
		}
	}
	return -1
}

// value returns the value node of key in m, or nil.
func value(m *yaml.Node, key string) *yaml.Node {
	if i := lookup(m, key); i >= 0 {
		return m.Content[2*i+1]
	}
	return nil
}

func isNull(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

func isFlow(n *yaml.Node) bool { return n.Style&yaml.FlowStyle != 0 }

// indented prefixes every non-empty line of text with indent and writes the
// file's line breaks; the first line is left alone when skipFirst.
func (f *file) indented(text string, indent int, skipFirst bool) string {
	pad := strings.Repeat(" ", indent)
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	for i, l := range lines {
		if l != "" && (i > 0 || !skipFirst) {
			lines[i] = pad + l
		}
	}
	return strings.Join(lines, f.nl) + f.nl
}

// insertAfterLine inserts block text after line n.
func (f *file) insertAfterLine(n, depth int, text string) {
	at := f.after(n)
	if at == len(f.src) && len(f.src) > 0 && f.src[len(f.src)-1] != '\n' {
		text = f.nl + text
	}
	f.add(at, at, depth, text)
}

// canonical is the order of keys in each model type, taken from the struct
// fields so that inserted keys land where a drafted file has them.
func canonical(v any) []string {
	t := reflect.TypeOf(v)
	var keys []string
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		keys = append(keys, name)
	}
	return keys
}

var (
	rootOrder       = canonical(model.Model{})
	threatOrder     = canonical(model.Threat{})
	surfaceOrder    = canonical(model.Surface{})
	controlOrder    = canonical(model.Control{})
	reviewOrder     = canonical(model.Review{})
	acceptanceOrder = canonical(model.Acceptance{})
)

func rank(order []string, key string) int {
	for i, k := range order {
		if k == key {
			return i
		}
	}
	return len(order)
}

// inlineText is v as it reads after `key: ` on one line: a scalar, a
// {...} or [...] value, or an empty collection. In flow context every value
// is; in block context a non-empty block collection is not (ok false).
func inlineText(key string, v *yaml.Node, flow bool) (string, bool, error) {
	switch {
	case v.Kind == yaml.ScalarNode && !flow:
		text, err := inlineScalar(v.Value, v.Style)
		return text, err == nil, err
	case flow || v.Kind == yaml.ScalarNode || isFlow(v) || len(v.Content) == 0:
		// Rendered with its key, in flow style (where ", " ends a plain
		// scalar), and so that evidence reads [file:line] unquoted.
		pair, err := renderFlow(&yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{str(key), v}})
		if err != nil {
			return "", false, err
		}
		_, text, ok := strings.Cut(strings.TrimSuffix(strings.TrimPrefix(pair, "{"), "}"), ": ")
		if !ok {
			return "", false, fmt.Errorf("%w: cannot write %s on one line", errEdit, key)
		}
		return text, true, nil
	}
	return "", false, nil
}

// setEntry sets key to v in mapping m: added at its canonical place when
// missing, the value's bytes replaced when present.
func (f *file) setEntry(m *yaml.Node, key string, v *yaml.Node, order []string) error {
	if i := lookup(m, key); i >= 0 {
		return f.replaceValue(m, i, v)
	}
	if isFlow(m) {
		return f.insertFlowEntry(m, key, v, order)
	}
	return f.insertEntry(m, key, v, order)
}

// insertEntry adds key: v to block mapping m before the first key that
// comes after it in canonical order (after its comments' owner, never
// between a key and the comment above it).
func (f *file) insertEntry(m *yaml.Node, key string, v *yaml.Node, order []string) error {
	n := len(m.Content) / 2
	if n == 0 {
		return fmt.Errorf("%s: %w: empty mapping at line %d", f.name, errEdit, m.Line)
	}
	at := n
	for j := 0; j < n; j++ {
		if rank(order, m.Content[2*j].Value) > rank(order, key) {
			at = j
			break
		}
	}
	at = max(at, 1)
	text, err := renderEntry(key, v)
	if err != nil {
		return err
	}
	indent := m.Content[0].Column - 1
	f.insertAfterLine(f.entryLast(m, at-1), indent, f.indented(text, indent, false))
	return nil
}

// insertFlowEntry adds key: v to {...} mapping m: before the first key that
// comes after it in canonical order, else after the last value. Nothing
// else in the braces moves, so a comment inside them stays where it is.
func (f *file) insertFlowEntry(m *yaml.Node, key string, v *yaml.Node, order []string) error {
	pair, err := renderFlow(&yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{str(key), v}})
	if err != nil {
		return err
	}
	entry := strings.TrimSuffix(strings.TrimPrefix(pair, "{"), "}")
	for j := 0; j+1 < len(m.Content); j += 2 {
		if rank(order, m.Content[j].Value) > rank(order, key) {
			at := f.offset(m.Content[j].Line, m.Content[j].Column)
			f.add(at, at, 0, entry+", ")
			return nil
		}
	}
	return f.flowAppend(m, entry)
}

// flowAppend adds text as the last entry of {...} or [...] collection c.
func (f *file) flowAppend(c *yaml.Node, text string) error {
	var at int
	if len(c.Content) == 0 {
		start, _, ok := f.flowSpan(c)
		if !ok {
			return fmt.Errorf("%s:%d: %w: the empty {} or [] is not written in place; write it out", f.name, c.Line, errEdit)
		}
		at = start + 1
	} else {
		last := c.Content[len(c.Content)-1]
		_, end, ok := f.valueSpan(last)
		if !ok {
			return fmt.Errorf("%s:%d: %w: a value inside this {...} or [...] spans lines or has an anchor; write the collection in block style", f.name, last.Line, errEdit)
		}
		at = end
	}
	if len(c.Content) > 0 || f.flowAdded[c] > 0 {
		text = ", " + text
	}
	f.flowAdded[c]++
	f.add(at, at, 0, text)
	return nil
}

// replaceValue rewrites the value of entry i of mapping m. Only the value's
// own bytes change: the key, the comment beside it and the comments around
// the value stay. A value written in place ({...}, [...], a scalar) is
// replaced in place; an empty one (`key:   # TODO`, `key: []  # soon`) is
// filled in after the key; a block value's lines are replaced, their
// comments kept as lines of their own.
func (f *file) replaceValue(m *yaml.Node, i int, v *yaml.Node) error {
	k, old := m.Content[2*i], m.Content[2*i+1]
	if old.Kind == yaml.AliasNode || old.Anchor != "" {
		return fmt.Errorf("%s:%d: %w: %s is an alias or anchor; write it out", f.name, k.Line, errEdit, k.Value)
	}
	if at := f.offset(old.Line, old.Column); at < len(f.src) && f.src[at] == '!' {
		return fmt.Errorf("%s:%d: %w: the value of %s has a tag (%s); remove the tag and run again", f.name, k.Line, errEdit, k.Value, old.Tag)
	}
	flow := isFlow(m) || f.inFlow(m)
	if old.Kind == yaml.ScalarNode && v.Kind == yaml.ScalarNode && old.Tag != "!!null" {
		// Keep the quotes a person chose.
		v = &yaml.Node{Kind: yaml.ScalarNode, Tag: v.Tag, Value: v.Value, Style: old.Style & (yaml.DoubleQuotedStyle | yaml.SingleQuotedStyle)}
	}
	text, inline, err := inlineText(k.Value, v, flow)
	if err != nil {
		return err
	}
	if flow && !inline {
		return fmt.Errorf("%s:%d: %w: %s is inside a {...} or [...] value; write it in block style", f.name, k.Line, errEdit, k.Value)
	}
	colon, colonOK := f.keyColon(k)
	switch start, end, ok := f.valueSpan(old); {
	case ok && inline:
		f.add(start, end, 0, f.spaced(text, end))
		return nil
	case ok && colonOK && f.lineOf(start) == k.Line && !flow:
		// An empty value ({} [] ~ null) makes way for a block one.
		if (old.Kind == yaml.ScalarNode && old.Tag != "!!null") || len(old.Content) > 0 {
			break
		}
		f.add(colon, end, 0, f.spaced("", end))
		return f.insertBlockAfterKey(m, i, v)
	case isNull(old) && old.Value == "" && colonOK:
		if inline {
			f.add(colon, colon, 0, " "+text)
			return nil
		}
		return f.insertBlockAfterKey(m, i, v)
	case !flow && colonOK && (old.Kind == yaml.MappingNode || old.Kind == yaml.SequenceNode ||
		old.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0):
		return f.replaceBlockValue(m, i, colon, v, text, inline)
	}
	return fmt.Errorf("%s:%d: %w: threatmap cannot rewrite the value of %s as written (it spans lines inside a {...} or is written on the next line); write it on the key's line or in block style", f.name, k.Line, errEdit, k.Value)
}

// spaced is text to put before offset end, with a space after it when a
// '#' follows at once: after a flow value `[]#` starts a comment, but after
// a colon or a plain word it would not.
func (f *file) spaced(text string, end int) string {
	if end < len(f.src) && f.src[end] == '#' {
		return text + " "
	}
	return text
}

// replaceBlockValue replaces a block collection or block scalar, the value
// of entry i of block mapping m, with v: inline after the key (text), or
// as block lines under it. Comments among the old lines are kept, each on a
// line of its own where the old value stood.
func (f *file) replaceBlockValue(m *yaml.Node, i, colon int, v *yaml.Node, text string, inline bool) error {
	k, old := m.Content[2*i], m.Content[2*i+1]
	rest := colon
	if old.Kind == yaml.ScalarNode {
		// The header (|, >-) sits on the key's line.
		start := f.valueStart(old)
		rest = start
		for rest < len(f.src) && !strings.ContainsRune(" \t\r\n#", rune(f.src[rest])) {
			rest++
		}
		if inline {
			f.add(start, rest, 0, text)
		} else {
			f.add(colon, rest, 0, "")
		}
	} else if inline {
		f.add(colon, colon, 0, " "+text)
	}
	if t := bytes.TrimSpace(f.src[rest:f.lineEndOf(k.Line)]); len(t) > 0 && t[0] != '#' {
		return fmt.Errorf("%s:%d: %w: something follows %s: on its line; write the value below it", f.name, k.Line, errEdit, k.Value)
	}
	last := f.entryLast(m, i)
	if last > k.Line {
		kept := f.commentLines(k.Line+1, last)
		f.add(f.after(k.Line), f.after(last), 0, kept)
	}
	if !inline {
		return f.insertBlockAfterKey(m, i, v)
	}
	return nil
}

// lineEndOf is the offset of the line break ending line n (or the end).
func (f *file) lineEndOf(n int) int {
	end := f.after(n)
	if end > 0 && end <= len(f.src) && f.src[end-1] == '\n' {
		end--
		if end > 0 && f.src[end-1] == '\r' {
			end--
		}
	}
	return end
}

// commentLines is the comments on lines from..to, each on a line of its
// own at the indentation of the line it was on: what stays of lines being
// replaced.
func (f *file) commentLines(from, to int) string {
	lo, hi := f.starts[from-1], f.after(to)
	var b strings.Builder
	for _, c := range f.comments() {
		if c.at < lo || c.at >= hi {
			continue
		}
		n := f.lineOf(c.at)
		b.WriteString(strings.Repeat(" ", indentOf(f.line(n))))
		b.WriteString(c.text)
		b.WriteString(f.nl)
	}
	return b.String()
}

// insertBlockAfterKey writes block value v under the key of entry i, after
// the comment lines that follow the key (they were written about it).
func (f *file) insertBlockAfterKey(m *yaml.Node, i int, v *yaml.Node) error {
	k := m.Content[2*i]
	text, err := renderEntry(k.Value, v)
	if err != nil {
		return err
	}
	_, body, ok := strings.Cut(text, "\n")
	if !ok || body == "" {
		return fmt.Errorf("%s:%d: %w: %s has no block value to write", f.name, k.Line, errEdit, k.Value)
	}
	indent := k.Column - 1
	f.insertAfterLine(f.commentsUnder(k), indent+1, f.indented(body, indent, false))
	return nil
}

// commentsUnder is the last of the comment lines right under key k, more
// indented than it (written about its value), or k's own line.
func (f *file) commentsUnder(k *yaml.Node) int {
	at := k.Line
	for n := k.Line + 1; n <= f.lines(); n++ {
		l := f.line(n)
		if len(bytes.TrimSpace(l)) > 0 && isBlankOrComment(l) && indentOf(l) > k.Column-1 {
			at = n
			continue
		}
		break
	}
	return at
}

// deleteEntry removes key from mapping m, if there. A comment on the
// removed lines stays, on a line of its own.
func (f *file) deleteEntry(m *yaml.Node, key string) error {
	i := lookup(m, key)
	if i < 0 {
		return nil
	}
	if isFlow(m) {
		return f.deleteFlowEntry(m, i)
	}
	k := m.Content[2*i]
	last := f.entryLast(m, i)
	kept := f.commentLines(k.Line, last)
	switch {
	case f.firstOnLine(k):
		f.add(f.starts[k.Line-1], f.after(last), 0, kept)
	case 2*i+2 < len(m.Content):
		// The first key of a `- key: value` item: the next key moves up.
		next := m.Content[2*i+2]
		text := ""
		if kept != "" {
			text = strings.TrimLeft(kept, " ") + strings.Repeat(" ", next.Column-1)
		}
		f.add(f.offset(k.Line, k.Column), f.offset(next.Line, next.Column), 0, text)
	default:
		text := "{}" + f.nl
		if kept != "" {
			text = "{}   " + strings.TrimLeft(kept, " ")
		}
		f.add(f.offset(k.Line, k.Column), f.after(last), 0, text)
	}
	return nil
}

// deleteFlowEntry removes entry i of {...} mapping m and one comma next to
// it, leaving every other byte (comments and line breaks) in place.
func (f *file) deleteFlowEntry(m *yaml.Node, i int) error {
	k, v := m.Content[2*i], m.Content[2*i+1]
	start := f.offset(k.Line, k.Column)
	_, end, ok := f.valueSpan(v)
	if !ok {
		return fmt.Errorf("%s:%d: %w: %s spans lines inside a {...} value; write it in block style", f.name, k.Line, errEdit, k.Value)
	}
	if 2*i+2 < len(m.Content) {
		// The comma after it, and the spaces after that comma.
		comma, ok := f.flowComma(end)
		if !ok {
			return fmt.Errorf("%s:%d: %w: cannot find the comma after %s", f.name, k.Line, errEdit, k.Value)
		}
		f.add(start, end, 0, "")
		stop := comma + 1
		for stop < len(f.src) && (f.src[stop] == ' ' || f.src[stop] == '\t') {
			stop++
		}
		f.add(end, stop, 0, "")
		return nil
	}
	if i == 0 {
		f.add(start, end, 0, "")
		return nil
	}
	// The last entry: the comma after the one before it goes.
	_, prevEnd, ok := f.valueSpan(m.Content[2*i-1])
	if !ok {
		return fmt.Errorf("%s:%d: %w: a value inside this {...} spans lines; write it in block style", f.name, k.Line, errEdit)
	}
	comma, ok := f.flowComma(prevEnd)
	if !ok || comma > start {
		return fmt.Errorf("%s:%d: %w: cannot find the comma before %s", f.name, k.Line, errEdit, k.Value)
	}
	if len(bytes.Trim(f.src[comma+1:start], " \t")) == 0 {
		f.add(comma, end, 0, "")
		return nil
	}
	f.add(comma, comma+1, 0, "")
	f.add(start, end, 0, "")
	return nil
}

// flowComma is the offset of the first ',' at or after from, past spaces,
// line breaks and comments.
func (f *file) flowComma(from int) (int, bool) {
	for i := from; i < len(f.src); i++ {
		switch f.src[i] {
		case ' ', '\t', '\r', '\n':
		case '#':
			for i < len(f.src) && f.src[i] != '\n' {
				i++
			}
		case ',':
			return i, true
		default:
			return 0, false
		}
	}
	return 0, false
}

// setScalar sets key to a string in mapping m, rewriting only the old
// value's bytes, so a comment beside it stays. It reports whether anything
// changed.
func (f *file) setScalar(m *yaml.Node, key, v string, order []string) (bool, error) {
	if i := lookup(m, key); i >= 0 {
		old := m.Content[2*i+1]
		if old.Kind == yaml.ScalarNode && old.Value == v && old.Tag != "!!null" {
			return false, nil
		}
	}
	return true, f.setEntry(m, key, str(v), order)
}

// setFields sets each key of kv (string values; empty ones are skipped) in
// the mapping under key, creating it (in style) when missing or empty, so
// that a comment beside any kept field survives.
func (f *file) setFields(m *yaml.Node, key string, style yaml.Style, order, sub []string, kv ...string) error {
	old := value(m, key)
	if old == nil || old.Kind != yaml.MappingNode || old.Anchor != "" {
		args := make([]any, len(kv))
		for i, x := range kv {
			args[i] = x
		}
		return f.setEntry(m, key, mapping(style, args...), order)
	}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "" {
			continue
		}
		if _, err := f.setScalar(old, kv[i], kv[i+1], sub); err != nil {
			return err
		}
	}
	return nil
}

// appendItems adds items at the end of the list under key in mapping m,
// creating the list when missing or empty. Existing items are never
// rewritten.
func (f *file) appendItems(m *yaml.Node, key string, items []*yaml.Node, order []string) error {
	if len(items) == 0 {
		return nil
	}
	old := value(m, key)
	block := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: items}
	switch {
	case old == nil || isNull(old):
		return f.setEntry(m, key, block, order)
	case old.Kind != yaml.SequenceNode || old.Anchor != "":
		return fmt.Errorf("%s:%d: %w: %s is not a plain list", f.name, old.Line, errEdit, key)
	case isFlow(old) && len(old.Content) == 0 && !isFlow(m) && !f.inFlow(m):
		// `key: []` becomes a block list, as in a drafted file.
		return f.replaceValue(m, lookup(m, key), block)
	case isFlow(old):
		for _, it := range items {
			text, err := renderFlow(it)
			if err != nil {
				return err
			}
			if err := f.flowAppend(old, text); err != nil {
				return err
			}
		}
		return nil
	}
	text, err := render(block)
	if err != nil {
		return err
	}
	dash := old.Column - 1
	if f.spacedItems(old) {
		text = "\n" + strings.ReplaceAll(text, "\n- ", "\n\n- ")
	}
	f.insertAfterLine(f.seqLast(old), dash+1, f.indented(text, dash, false))
	return nil
}

// spacedItems reports whether the list separates its items with blank
// lines, as threat lists usually do (a comment above an item counts as part
// of it).
func (f *file) spacedItems(s *yaml.Node) bool {
	if len(s.Content) < 2 {
		return false
	}
	n := s.Content[len(s.Content)-1].Line - 1
	for n > 0 && isBlankOrComment(f.line(n)) && len(bytes.TrimSpace(f.line(n))) > 0 {
		n--
	}
	return n > 0 && len(bytes.TrimSpace(f.line(n))) == 0
}
