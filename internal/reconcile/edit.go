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
	// dirty holds flow collections changed in the tree: each is rewritten
	// whole at apply, since a flow item has no lines of its own to splice.
	dirty []*yaml.Node
}

// splice replaces src[start:end] with text. Inserts at the same offset go
// deepest first, so a nested list grows before its parent's next key.
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
	f := &file{name: name, nl: "\n", parent: map[*yaml.Node]*yaml.Node{}}
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
	for _, n := range f.outermostDirty() {
		start, end, ok := f.flowSpan(n)
		if !ok {
			return nil, fmt.Errorf("%s: %w: a {...} or [...] value at line %d", f.name, errEdit, n.Line)
		}
		text, err := renderFlow(n)
		if err != nil {
			return nil, err
		}
		f.edits = append(f.edits, splice{start: start, end: end, text: text, seq: len(f.edits)})
	}
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

func (f *file) outermostDirty() []*yaml.Node {
	var out []*yaml.Node
	seen := map[*yaml.Node]bool{}
	for _, n := range f.dirty {
		top := n
		for p := f.parent[n]; p != nil && p.Style&yaml.FlowStyle != 0; p = f.parent[p] {
			top = p
		}
		if !seen[top] {
			seen[top] = true
			out = append(out, top)
		}
	}
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
		*err = fmt.Errorf("%s: %w: unexpected shape (%v); the file was not changed", name, errEdit, r)
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
	last := k.Line
	for n := k.Line + 1; n < limit; n++ {
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

// seqLast is the last line holding content of block sequence s.
func (f *file) seqLast(s *yaml.Node) int {
	dash := s.Column - 1
	item := s.Content[len(s.Content)-1]
	last := item.Line
	for n := item.Line + 1; n <= f.lines(); n++ {
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
// quoted), checked by parsing them back; block and multi-line scalars,
// tagged and anchored ones are not spanned.
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
		for i := start; i < lineEnd; i++ {
			c := f.src[i]
			if c == '#' && i > start && (f.src[i-1] == ' ' || f.src[i-1] == '\t') {
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
		check.Content[0].Kind != yaml.ScalarNode || check.Content[0].Value != n.Value {
		return 0, 0, false
	}
	return start, end, true
}

// flowSpan finds the bytes of a [...] or {...} collection by matching its
// brackets, skipping quoted strings and comments.
func (f *file) flowSpan(n *yaml.Node) (int, int, bool) {
	start := f.offset(n.Line, n.Column)
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

// renderFlow writes a flow collection on one line, dropping comments that
// yaml.v3 would place badly inside it.
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

// markDirty records that a flow collection changed in the tree.
func (f *file) markDirty(n *yaml.Node) { f.dirty = append(f.dirty, n) }

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

// setEntry sets key to v in mapping m: added at its canonical place when
// missing, the value's bytes replaced when present.
func (f *file) setEntry(m *yaml.Node, key string, v *yaml.Node, order []string) error {
	if m.Style&yaml.FlowStyle != 0 {
		if i := lookup(m, key); i >= 0 {
			m.Content[2*i+1] = v
		} else {
			at := len(m.Content)
			for j := 0; j+1 < len(m.Content); j += 2 {
				if rank(order, m.Content[j].Value) > rank(order, key) {
					at = j
					break
				}
			}
			m.Content = append(m.Content[:at], append([]*yaml.Node{str(key), v}, m.Content[at:]...)...)
		}
		f.markDirty(m)
		return nil
	}
	i := lookup(m, key)
	if i < 0 {
		return f.insertEntry(m, key, v, order)
	}
	return f.replaceEntry(m, i, v)
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

// replaceEntry rewrites entry i of block mapping m with a new value. The
// key line's own comment goes with it: the value is threatmap's to write.
func (f *file) replaceEntry(m *yaml.Node, i int, v *yaml.Node) error {
	k := m.Content[2*i]
	if old := m.Content[2*i+1]; old.Kind == yaml.AliasNode || old.Anchor != "" {
		return fmt.Errorf("%s:%d: %w: %s is an alias or anchor; write it out", f.name, k.Line, errEdit, k.Value)
	}
	text, err := renderEntry(k.Value, v)
	if err != nil {
		return err
	}
	indent := k.Column - 1
	last := f.entryLast(m, i)
	end := f.after(last)
	if f.firstOnLine(k) {
		f.add(f.starts[k.Line-1], end, indent, f.indented(text, indent, false))
	} else {
		f.add(f.offset(k.Line, k.Column), end, indent, f.indented(text, indent, true))
	}
	return nil
}

// deleteEntry removes key from mapping m, if there.
func (f *file) deleteEntry(m *yaml.Node, key string) {
	i := lookup(m, key)
	if i < 0 {
		return
	}
	if m.Style&yaml.FlowStyle != 0 {
		m.Content = append(m.Content[:2*i], m.Content[2*i+2:]...)
		f.markDirty(m)
		return
	}
	k := m.Content[2*i]
	last := f.entryLast(m, i)
	switch {
	case f.firstOnLine(k):
		f.add(f.starts[k.Line-1], f.after(last), 0, "")
	case 2*i+2 < len(m.Content):
		next := m.Content[2*i+2]
		f.add(f.offset(k.Line, k.Column), f.offset(next.Line, next.Column), 0, "")
	default:
		end := f.after(last)
		f.add(f.offset(k.Line, k.Column), end, 0, "{}"+f.nl)
	}
}

// setScalar sets key to a string in mapping m, rewriting only the old
// value's bytes when it is a one-line scalar, so a comment beside it stays.
// It reports whether anything changed.
func (f *file) setScalar(m *yaml.Node, key, v string, order []string) (bool, error) {
	i := lookup(m, key)
	if i < 0 {
		return true, f.setEntry(m, key, str(v), order)
	}
	old := m.Content[2*i+1]
	if old.Kind == yaml.ScalarNode && old.Value == v && old.Tag != "!!null" {
		return false, nil
	}
	// Inside a flow collection the whole collection is rewritten instead.
	if old.Kind == yaml.ScalarNode && old.Tag != "!!null" && !f.inFlow(old) {
		if start, end, ok := f.scalarSpan(old); ok {
			if text, ok := inlineScalar(v, old.Style); ok {
				f.add(start, end, 0, text)
				return true, nil
			}
		}
	}
	return true, f.setEntry(m, key, str(v), order)
}

// setFields sets each key of kv (string values; empty ones are skipped) in
// the mapping under key, creating it (in style) when missing, so that a
// comment beside any kept field survives.
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
// creating the list when missing. Existing items are never rewritten when
// the list is in block style.
func (f *file) appendItems(m *yaml.Node, key string, items []*yaml.Node, order []string) error {
	if len(items) == 0 {
		return nil
	}
	old := value(m, key)
	block := func(nodes []*yaml.Node) *yaml.Node {
		return &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: nodes}
	}
	switch {
	case old == nil || isNull(old):
		return f.setEntry(m, key, block(items), order)
	case old.Kind != yaml.SequenceNode || old.Anchor != "":
		return fmt.Errorf("%s:%d: %w: %s is not a plain list", f.name, old.Line, errEdit, key)
	case old.Style&yaml.FlowStyle != 0 || len(old.Content) == 0:
		if m.Style&yaml.FlowStyle != 0 {
			old.Content = append(old.Content, items...)
			f.markDirty(old)
			return nil
		}
		kept := make([]*yaml.Node, len(old.Content))
		for i, c := range old.Content {
			kept[i] = deepCopy(c)
			stripComments(kept[i])
		}
		return f.replaceEntry(m, lookup(m, key), block(append(kept, items...)))
	}
	text, err := render(block(items))
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
