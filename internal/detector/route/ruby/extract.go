package ruby

import (
	"strings"

	sitter "github.com/smacker/go-tree-sitter"

	"github.com/threatmap/threatmap/internal/syntax"
)

// A call is one statement of the routing DSL (or of a class body) as
// Detect reads it: the method called, its arguments and the calls of
// its block. Trees are freed after Detect, so Finish works on these.
type call struct {
	name  string // the method, without its receiver
	recv  string // the receiver as written, "" for none
	args  []arg
	block []*call // the statements of its block, when it has one
	// hasBlock says the call takes a block (do ... end or { ... }).
	hasBlock bool
	// blockSrc is the block's source (a Sinatra handler's body).
	blockSrc  string
	line, end int
}

// An arg is one argument: a literal (string, symbol, number), a list of
// them, or a key/value pair (to: "a#b", "path" => "a#b").
type arg struct {
	kind argKind
	val  string   // a string's or symbol's text, a constant's name, a number
	list []string // a list's literal elements
	key  *arg     // a pair's key
	// value is a pair's value.
	value *arg
	// interp says a string holds #{...}: val has each replaced.
	interp bool
	// pairs are a hash's literal pairs ({ sign_in: "login" }); its kind
	// stays argOther.
	pairs []arg
}

type argKind int

const (
	argOther argKind = iota
	argString
	argSymbol
	argList
	argPair
	argConst
	argInt
)

// str is the text of a string or symbol argument.
func (a *arg) str() (string, bool) {
	if a != nil && (a.kind == argString || a.kind == argSymbol) {
		return a.val, true
	}
	return "", false
}

// strs is the literal names of a list, string or symbol argument.
func (a *arg) strs() []string {
	if a == nil {
		return nil
	}
	switch a.kind {
	case argList:
		return a.list
	case argString, argSymbol:
		return []string{a.val}
	}
	return nil
}

// entry is the string or symbol a hash argument gives key ({ sign_in:
// "login" }, { :sign_in => "login" }).
func (a *arg) entry(key string) (string, bool) {
	if a == nil {
		return "", false
	}
	for _, p := range a.pairs {
		if k, ok := p.key.str(); ok && k == key {
			return p.value.str()
		}
	}
	return "", false
}

// opt is the value of the pair keyed name (to:, only:, :via => ...).
func (c *call) opt(name string) *arg {
	for i := range c.args {
		a := &c.args[i]
		if a.kind == argPair {
			if k, ok := a.key.str(); ok && k == name && a.key.kind == argSymbol {
				return a.value
			}
		}
	}
	return nil
}

// positional is the i-th argument that is no key/value pair.
func (c *call) positional(i int) *arg {
	for j := range c.args {
		if c.args[j].kind == argPair {
			continue
		}
		if i == 0 {
			return &c.args[j]
		}
		i--
	}
	return nil
}

// arrow is the first "path" => "ctrl#action" pair: a pair whose key is
// a string.
func (c *call) arrow() *arg {
	for i := range c.args {
		a := &c.args[i]
		if a.kind == argPair && a.key != nil && a.key.kind == argString {
			return a
		}
	}
	return nil
}

// reader turns a tree into calls.
type reader struct {
	t   *syntax.Tree
	src []byte
	// vars are string locals assigned in the statements read so far
	// (base = "/c/:id"), for #{base} in a later path.
	vars map[string]string
}

func (r *reader) text(n *sitter.Node) string { return r.t.Text(n) }

// statements reads the calls among a body's statements. Conditionals
// and loops are read through: their calls are the body's.
func (r *reader) statements(n *sitter.Node) []*call {
	var out []*call
	for _, c := range syntax.NamedChildren(n) {
		out = append(out, r.statement(c)...)
	}
	return out
}

func (r *reader) statement(n *sitter.Node) []*call {
	switch n.Type() {
	case "call":
		c := r.call(n)
		if c == nil {
			return nil
		}
		if c.recv != "" && (c.name == "each" || c.name == "each_with_index") {
			// A loop over a list: its routes are the block's.
			return c.block
		}
		return []*call{c}
	case "identifier":
		// A bare word is a call without arguments (private, root).
		return []*call{{name: r.text(n), line: syntax.Line(n), end: syntax.EndLine(n)}}
	case "assignment":
		l, rv := n.ChildByFieldName("left"), n.ChildByFieldName("right")
		if l != nil && rv != nil && l.Type() == "identifier" && rv.Type() == "string" {
			if a := r.arg(rv); a.kind == argString {
				if r.vars == nil {
					r.vars = map[string]string{}
				}
				r.vars[r.text(l)] = a.val
			}
		}
		return nil
	case "if", "unless", "if_modifier", "unless_modifier", "else", "elsif", "then", "begin", "body_statement",
		"block_body", "parenthesized_statements", "while", "do", "case", "when", "ensure", "rescue":
		var out []*call
		for _, c := range syntax.NamedChildren(n) {
			out = append(out, r.statement(c)...)
		}
		return out
	}
	return nil
}

// call reads one call node.
func (r *reader) call(n *sitter.Node) *call {
	m := n.ChildByFieldName("method")
	if m == nil {
		return nil
	}
	c := &call{name: r.text(m), line: syntax.Line(n), end: syntax.EndLine(n)}
	if recv := n.ChildByFieldName("receiver"); recv != nil {
		c.recv = r.text(recv)
	}
	if as := n.ChildByFieldName("arguments"); as != nil {
		for _, a := range syntax.NamedChildren(as) {
			c.args = append(c.args, r.arg(a))
		}
	}
	if b := n.ChildByFieldName("block"); b != nil {
		c.hasBlock = true
		c.blockSrc = r.text(b)
		for _, part := range syntax.NamedChildren(b) {
			switch part.Type() {
			case "body_statement", "block_body":
				c.block = append(c.block, r.statements(part)...)
			}
		}
	}
	return c
}

// arg reads one argument.
func (r *reader) arg(n *sitter.Node) arg {
	switch n.Type() {
	case "string":
		return r.stringArg(n)
	case "simple_symbol":
		return arg{kind: argSymbol, val: strings.TrimPrefix(r.text(n), ":")}
	case "hash_key_symbol":
		return arg{kind: argSymbol, val: r.text(n)}
	case "delimited_symbol":
		s := r.stringArg(n)
		s.kind = argSymbol
		return s
	case "integer":
		return arg{kind: argInt, val: r.text(n)}
	case "constant", "scope_resolution":
		return arg{kind: argConst, val: r.text(n)}
	case "symbol_array", "string_array", "array":
		a := arg{kind: argList}
		for _, e := range syntax.NamedChildren(n) {
			switch e.Type() {
			case "bare_symbol", "bare_string":
				a.list = append(a.list, r.text(e))
			default:
				if v, ok := (func() (string, bool) { x := r.arg(e); return x.str() })(); ok {
					a.list = append(a.list, v)
				}
			}
		}
		return a
	case "pair":
		k, v := n.ChildByFieldName("key"), n.ChildByFieldName("value")
		if k == nil || v == nil {
			return arg{}
		}
		ka, va := r.arg(k), r.arg(v)
		return arg{kind: argPair, key: &ka, value: &va}
	case "parenthesized_statements":
		if n.NamedChildCount() == 1 {
			return r.arg(n.NamedChild(0))
		}
	case "hash":
		a := arg{kind: argOther, val: r.text(n)}
		for _, e := range syntax.NamedChildren(n) {
			if e.Type() == "pair" {
				a.pairs = append(a.pairs, r.arg(e))
			}
		}
		return a
	}
	return arg{kind: argOther, val: r.text(n)}
}

// stringArg reads a string, resolving #{local} from the string locals
// assigned before it and writing any other interpolation as {name}.
func (r *reader) stringArg(n *sitter.Node) arg {
	var b strings.Builder
	a := arg{kind: argString}
	for _, c := range syntax.Children(n) {
		switch c.Type() {
		case "string_content", "escape_sequence":
			b.WriteString(r.text(c))
		case "interpolation":
			a.interp = true
			inner := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(r.text(c), "#{"), "}"))
			if v, ok := r.vars[inner]; ok {
				b.WriteString(v)
				continue
			}
			name := inner
			if i := strings.IndexAny(name, "(. ["); i > 0 {
				name = name[:i]
			}
			b.WriteString("{" + name + "}")
		}
	}
	a.val = b.String()
	return a
}
