package java

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/threatmap/threatmap/internal/flow"
	"github.com/threatmap/threatmap/internal/syntax"
)

// maxNote is how much of the code a path step quotes.
const maxNote = 60

// module is one Java file: its classes, each with its fields and lowered
// methods.
type module struct {
	path    string
	classes []*class
}

type class struct {
	name string
	mod  *module
	// supers are the simple names it extends and implements.
	supers  []string
	fields  map[string]string // field name → declared type (simple)
	methods []*method
}

// method is one lowered method (or constructor).
type method struct {
	*flow.Func
	class  *class
	name   string
	params []param
	// calls holds, per op index, what lowering knew of a call.
	calls map[int]*callInfo
	// body: the method has one (an interface's abstract method has not).
	body bool
}

type param struct {
	name, typ string
	// anns are the parameter's annotations by simple name, with their
	// text.
	anns map[string]string
}

// callInfo is a call as written, before its callee is known.
type callInfo struct {
	name string
	// typ is the receiver's declared type (simple name), or the class of
	// a static call or a constructor; empty when unknown.
	typ string
	// self: a call of the enclosing class's own method (m(), this.m()).
	self bool
	// ctor: new T(...).
	ctor  bool
	nargs int
	// sinks and clears are what the vocabulary says the call is, kept
	// unless the call resolves into the repository.
	sinks  []flow.SinkUse
	clears []string
}

// extract lowers every method of a parsed file.
func extract(t *syntax.Tree, m *module) {
	syntax.Walk(t.Root(), func(n *syntax.Node) bool {
		switch n.Type() {
		case "class_declaration", "interface_declaration", "enum_declaration", "record_declaration":
			lowerClass(t, m, n)
			return false
		}
		return true
	})
}

func lowerClass(t *syntax.Tree, m *module, n *syntax.Node) {
	c := &class{name: t.Text(n.ChildByFieldName("name")), mod: m, fields: map[string]string{}}
	for _, k := range syntax.NamedChildren(n) {
		switch k.Type() {
		case "superclass", "super_interfaces", "extends_interfaces":
			syntax.Walk(k, func(x *syntax.Node) bool {
				if x.Type() == "type_identifier" {
					c.supers = append(c.supers, t.Text(x))
					return false
				}
				return x.Type() != "type_arguments"
			})
		}
	}
	m.classes = append(m.classes, c)
	body := n.ChildByFieldName("body")
	if body == nil {
		return
	}
	// Record components are fields too.
	if ps := n.ChildByFieldName("parameters"); ps != nil {
		for _, p := range syntax.NamedChildren(ps) {
			if nm := p.ChildByFieldName("name"); nm != nil {
				c.fields[t.Text(nm)] = simple(t.Text(p.ChildByFieldName("type")))
			}
		}
	}
	kids := syntax.NamedChildren(body)
	for _, k := range kids {
		if k.Type() == "field_declaration" {
			typ := simple(t.Text(k.ChildByFieldName("type")))
			for _, d := range syntax.NamedChildren(k) {
				if d.Type() == "variable_declarator" {
					c.fields[t.Text(d.ChildByFieldName("name"))] = typ
				}
			}
		}
	}
	for _, k := range kids {
		switch k.Type() {
		case "method_declaration", "constructor_declaration", "compact_constructor_declaration":
			lowerMethod(t, c, k)
		case "class_declaration", "interface_declaration", "enum_declaration", "record_declaration":
			lowerClass(t, m, k)
		}
	}
}

func lowerMethod(t *syntax.Tree, c *class, n *syntax.Node) {
	name := t.Text(n.ChildByFieldName("name"))
	if n.Type() != "method_declaration" {
		name = "<init>"
	}
	qual := c.name + "." + name
	f := &method{
		Func: &flow.Func{ID: c.mod.path + "#" + qual + "@" + strconv.Itoa(syntax.Line(n)), File: c.mod.path, Name: qual,
			Line: syntax.Line(n), EndLine: syntax.EndLine(n)},
		class: c, name: name, calls: map[int]*callInfo{},
	}
	l := &lowerer{t: t, c: c, f: f, locals: map[string]string{}, text: map[string]string{}, norm: map[string]bool{}, paramRets: map[string]bool{}}
	if ps := n.ChildByFieldName("parameters"); ps != nil {
		for _, p := range syntax.NamedChildren(ps) {
			if p.Type() != "formal_parameter" && p.Type() != "spread_parameter" {
				continue
			}
			pr := param{anns: map[string]string{}}
			for _, k := range syntax.NamedChildren(p) {
				switch k.Type() {
				case "modifiers":
					for _, a := range syntax.NamedChildren(k) {
						if a.Type() == "annotation" || a.Type() == "marker_annotation" {
							pr.anns[simple(t.Text(a.ChildByFieldName("name")))] = t.Text(a)
						}
					}
				case "variable_declarator":
					pr.name = t.Text(k.ChildByFieldName("name"))
				}
			}
			if nm := p.ChildByFieldName("name"); nm != nil {
				pr.name = t.Text(nm)
			}
			if ty := p.ChildByFieldName("type"); ty != nil {
				pr.typ = simple(t.Text(ty))
			} else {
				for _, k := range syntax.NamedChildren(p) {
					if strings.HasSuffix(k.Type(), "_type") || k.Type() == "type_identifier" {
						pr.typ = simple(t.Text(k))
					}
				}
			}
			if pr.name == "" {
				continue
			}
			l.locals[pr.name] = pr.typ
			f.Params = append(f.Params, flow.Param{Name: pr.name, Index: len(f.params)})
			f.params = append(f.params, pr)
		}
	}
	if body := n.ChildByFieldName("body"); body != nil {
		f.body = true
		l.html = htmlType.MatchString(t.Text(n))
		l.block(body)
		if l.nullRets > 0 && !l.otherRet && len(l.paramRets) == 1 {
			// return null when a test fails, the parameter otherwise: a
			// caller that leaves on null (if (filter(p) == null) return)
			// has p checked.
			for p := range l.paramRets {
				l.emit(flow.Op{Kind: flow.Tests, Line: f.Line, Dst: p, Clears: []string{flow.CleanAll}})
			}
		}
	}
	f.Compact()
	c.methods = append(c.methods, f)
}

// lowerer lowers one method's body.
type lowerer struct {
	t *syntax.Tree
	c *class
	f *method
	// locals are the names the method binds, with their declared types.
	locals map[string]string
	// text is the literal text a local is known to hold (a query's
	// fixed part), so text appended to it later still reads as SQL.
	text map[string]string
	// norm are locals holding a normalized path.
	norm map[string]bool
	// branch counts the conditional blocks around the statement.
	branch int
	inline int
	// html: the method says its response is HTML.
	html bool
	// A filter: every return gives back one parameter as passed or
	// null, and a null is returned where a test other than a null
	// check failed (guards counts the tests around the statement).
	guards, nullRets int
	paramRets        map[string]bool
	otherRet         bool
	// each is what a lambda lowered next is called with, element by
	// element: the receiver of the call it is given to.
	each *flow.Expr
}

// val is a lowered expression.
type val struct {
	e flow.Expr
	// plain: one reference and only accesses after it.
	plain bool
	// typ is the value's declared type, if known (simple name); static
	// is a class named for a static call (Runtime, Paths).
	typ    string
	static bool
	lit    string
	isLit  bool
	// local is the name when the value is a local read as it is.
	local string
	// norm: a path with its dot segments resolved.
	norm bool
}

func (l *lowerer) emit(op flow.Op) int {
	l.f.Ops = append(l.f.Ops, op)
	return len(l.f.Ops) - 1
}

func (l *lowerer) full() bool { return len(l.f.Ops) >= flow.MaxOps }

func (l *lowerer) block(n *syntax.Node) {
	if n == nil {
		return
	}
	for _, st := range syntax.NamedChildren(n) {
		if l.full() {
			return
		}
		l.statement(st)
	}
}

func (l *lowerer) branchBlock(n *syntax.Node) {
	if n == nil {
		return
	}
	l.branch++
	l.statement(n)
	l.branch--
}

func (l *lowerer) statement(n *syntax.Node) {
	switch n.Type() {
	case "block", "labeled_statement", "synchronized_statement", "static_initializer":
		for _, c := range syntax.NamedChildren(n) {
			if c.Type() == "parenthesized_expression" {
				l.expr(c)
				continue
			}
			l.statement(c)
		}
	case "local_variable_declaration":
		typ := simple(l.t.Text(n.ChildByFieldName("type")))
		for _, d := range syntax.NamedChildren(n) {
			if d.Type() != "variable_declarator" {
				continue
			}
			name := l.t.Text(d.ChildByFieldName("name"))
			v := l.expr(d.ChildByFieldName("value"))
			t := typ
			if t == "var" || t == "" {
				t = v.typ
			}
			l.locals[name] = t
			l.assign(name, v, syntax.Line(d), false)
		}
	case "expression_statement":
		for _, c := range syntax.NamedChildren(n) {
			l.expr(c)
		}
	case "return_statement", "yield_statement":
		c := n.NamedChild(0)
		if c == nil {
			break
		}
		v := l.expr(c)
		if l.inline > 0 {
			break
		}
		switch {
		case c.Type() == "null_literal":
			if l.guards > 0 {
				l.nullRets++
			}
		case c.Type() == "identifier" && l.isParam(l.t.Text(c)):
			l.paramRets[l.t.Text(c)] = true
		default:
			l.otherRet = true
		}
		l.emit(flow.Op{Kind: flow.Return, Line: syntax.Line(n), Src: v.e})
		// return ALLOWED.contains(page): the method is a test of its
		// parameter, which a caller's condition may rely on.
		var t tested
		l.checks(c, &t, false)
		for _, op := range t.holds {
			op.Kind = flow.Tests
			l.emit(op)
		}
	case "throw_statement":
		for _, c := range syntax.NamedChildren(n) {
			l.expr(c)
		}
	case "if_statement":
		cond := n.ChildByFieldName("condition")
		l.expr(cond)
		var t tested
		l.checks(cond, &t, false)
		cons, alt := n.ChildByFieldName("consequence"), n.ChildByFieldName("alternative")
		if !nullTest(cond) {
			l.guards++
			defer func() { l.guards-- }()
		}
		for _, op := range t.fails {
			if leaves(cons) && alt == nil {
				// if (!ok(x)) return; — x is checked from here on.
				l.emit(op)
			}
		}
		for _, op := range t.holds {
			l.emit(op)
		}
		l.branchBlock(cons)
		for _, op := range t.holds {
			op.Kind = flow.Unclear
			l.emit(op)
		}
		l.branchBlock(alt)
		if alt != nil && leaves(alt) {
			for _, op := range t.holds {
				l.emit(op)
			}
		}
	case "while_statement", "do_statement":
		l.expr(n.ChildByFieldName("condition"))
		l.branchBlock(n.ChildByFieldName("body"))
	case "for_statement":
		for _, c := range syntax.NamedChildren(n) {
			if c == n.ChildByFieldName("body") {
				continue
			}
			if c.Type() == "local_variable_declaration" {
				l.statement(c)
			} else {
				l.expr(c)
			}
		}
		l.branchBlock(n.ChildByFieldName("body"))
	case "enhanced_for_statement":
		v := l.expr(n.ChildByFieldName("value"))
		name := l.t.Text(n.ChildByFieldName("name"))
		l.locals[name] = simple(l.t.Text(n.ChildByFieldName("type")))
		l.assign(name, val{e: withPath(v.e, "[]")}, syntax.Line(n), false)
		l.branchBlock(n.ChildByFieldName("body"))
	case "try_statement", "try_with_resources_statement":
		if rs := n.ChildByFieldName("resources"); rs != nil {
			for _, r := range syntax.NamedChildren(rs) {
				if nm := r.ChildByFieldName("name"); nm != nil {
					v := l.expr(r.ChildByFieldName("value"))
					t := simple(l.t.Text(r.ChildByFieldName("type")))
					if t == "var" || t == "" {
						t = v.typ
					}
					l.locals[l.t.Text(nm)] = t
					l.assign(l.t.Text(nm), v, syntax.Line(r), false)
				} else {
					l.expr(r)
				}
			}
		}
		l.statement(n.ChildByFieldName("body"))
		for _, c := range syntax.NamedChildren(n) {
			switch c.Type() {
			case "catch_clause":
				l.guards++
				l.branchBlock(c.ChildByFieldName("body"))
				l.guards--
			case "finally_clause":
				for _, b := range syntax.NamedChildren(c) {
					l.statement(b)
				}
			}
		}
	case "switch_expression", "switch_statement":
		l.expr(n.ChildByFieldName("condition"))
		l.branch++
		syntax.Walk(n.ChildByFieldName("body"), func(c *syntax.Node) bool {
			switch c.Type() {
			case "switch_block", "switch_block_statement_group", "switch_rule", "switch_label":
				return true
			}
			if c.IsNamed() {
				l.statement(c)
			}
			return false
		})
		l.branch--
	case "class_declaration", "local_class_declaration", "comment", "line_comment", "block_comment":
	default:
		if n.IsNamed() {
			l.expr(n)
		}
	}
}

// leaves says a statement ends by leaving the method: it returns or
// throws, or is a block whose last statement does.
func leaves(n *syntax.Node) bool {
	if n == nil {
		return false
	}
	switch n.Type() {
	case "return_statement", "throw_statement":
		return true
	case "block":
		var last *syntax.Node
		for _, c := range syntax.NamedChildren(n) {
			if !strings.HasSuffix(c.Type(), "comment") {
				last = c
			}
		}
		return last != nil && leaves(last)
	}
	return false
}

// assign binds a local. In a branch the value joins what it held.
func (l *lowerer) assign(name string, v val, line int, add bool) {
	l.norm[name] = v.norm && !add && l.branch == 0
	e := v.e
	if l.branch > 0 || add {
		e = joinExpr(flow.Expr{Refs: []flow.Ref{{Var: name, Line: line}}, Text: l.text[name]}, e)
		if add {
			e.Built = true
		}
	}
	if add || l.branch > 0 {
		l.text[name] = clipText(l.text[name] + v.e.Text)
	} else {
		l.text[name] = v.e.Text
	}
	l.emit(flow.Op{Kind: flow.Assign, Line: line, Dst: name, Src: e})
}

func clipText(s string) string {
	if len(s) > 240 {
		return s[:240]
	}
	return s
}

func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > maxNote {
		return s[:maxNote-1] + "…"
	}
	return s
}

func withPath(e flow.Expr, part string) flow.Expr {
	out := e
	out.Refs = make([]flow.Ref, len(e.Refs))
	for i, r := range e.Refs {
		r.Path = flow.JoinPath(r.Path, part)
		out.Refs[i] = r
	}
	return out
}

// joinExpr joins two values as text put together: b after a.
func joinExpr(a, b flow.Expr) flow.Expr {
	out := flow.Expr{Refs: append(append([]flow.Ref(nil), a.Refs...), b.Refs...), Built: a.Built || b.Built,
		Fields: a.Fields || b.Fields, Text: clipText(a.Text + b.Text)}
	switch {
	case len(a.Refs) > 0:
		out.Lead, out.Chosen = a.Lead, a.Chosen
	case a.Chosen:
		out.Chosen = true
	default:
		out.Lead = a.Text + b.Lead
		out.Chosen = a.Text == "" && b.Chosen
	}
	return out
}

// isClassName: a capitalised name is a class (Runtime, Paths), not a
// local or a field.
func isClassName(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

func (l *lowerer) expr(n *syntax.Node) val {
	if n == nil || l.full() {
		return val{}
	}
	line := syntax.Line(n)
	switch n.Type() {
	case "identifier":
		name := l.t.Text(n)
		if t, ok := l.locals[name]; ok {
			return val{e: flow.Expr{Refs: []flow.Ref{{Var: name, Line: line}}, Text: l.text[name]}, plain: true, typ: t, local: name}
		}
		if t, ok := l.c.fields[name]; ok {
			return val{e: flow.Expr{Refs: []flow.Ref{{Var: "this." + name, Line: line}}}, plain: true, typ: t, local: "this." + name}
		}
		if isClassName(name) {
			return val{typ: name, static: true}
		}
		// A constant or a field of an outer class: chosen by the code.
		return val{e: flow.Expr{Chosen: true}}
	case "field_access":
		obj := n.ChildByFieldName("object")
		field := l.t.Text(n.ChildByFieldName("field"))
		if obj != nil && obj.Type() == "this" {
			name := "this." + field
			return val{e: flow.Expr{Refs: []flow.Ref{{Var: name, Line: line}}}, plain: true, typ: l.c.fields[field], local: name}
		}
		o := l.expr(obj)
		if o.static || o.e.Empty() {
			// A constant (File.separator, Constants.BASE): the code's.
			return val{e: flow.Expr{Chosen: true}}
		}
		out := val{e: o.e, plain: o.plain}
		if o.plain && len(o.e.Refs) == 1 {
			out.e = withPath(o.e, "."+field)
			out.e.Text = ""
		}
		return out
	case "method_invocation":
		return l.call(n)
	case "object_creation_expression":
		return l.newCall(n)
	case "string_literal", "text_block":
		s := l.t.Text(n)
		s = strings.Trim(s, `"`)
		return val{e: flow.Expr{Text: s}, lit: s, isLit: true}
	case "character_literal":
		return val{}
	case "binary_expression":
		op := l.t.Text(n.ChildByFieldName("operator"))
		left := l.expr(n.ChildByFieldName("left"))
		right := l.expr(n.ChildByFieldName("right"))
		if op != "+" {
			return val{}
		}
		out := val{e: joinExpr(left.e, right.e)}
		out.e.Built = true
		if p := n.Parent(); strings.HasPrefix(out.e.Lead, "redirect:") && !out.e.Empty() && (p == nil || p.Type() != "binary_expression") {
			// A view name: Spring redirects to what follows "redirect:".
			e := out.e
			e.Lead = strings.TrimPrefix(e.Lead, "redirect:")
			l.emit(flow.Op{Kind: flow.Call, Line: line, Callee: flow.Callee{Name: "redirect:"}, Args: []flow.Expr{e},
				Note: clip(l.t.Text(n)), Sinks: []flow.SinkUse{{Sink: flow.SinkRedirect, Args: []int{0}}}})
		}
		if left.isLit && right.isLit {
			out.lit, out.isLit = left.lit+right.lit, true
		}
		return out
	case "assignment_expression":
		return l.assignment(n)
	case "ternary_expression":
		l.expr(n.ChildByFieldName("condition"))
		a := l.expr(n.ChildByFieldName("consequence"))
		b := l.expr(n.ChildByFieldName("alternative"))
		return val{e: joinExpr(a.e, b.e)}
	case "cast_expression":
		v := l.expr(n.ChildByFieldName("value"))
		v.typ = simple(l.t.Text(n.ChildByFieldName("type")))
		return v
	case "parenthesized_expression":
		return l.expr(n.NamedChild(0))
	case "array_access":
		a := l.expr(n.ChildByFieldName("array"))
		l.expr(n.ChildByFieldName("index"))
		if a.plain {
			return val{e: withPath(a.e, "[]"), plain: true}
		}
		return val{e: a.e}
	case "array_creation_expression", "array_initializer":
		var out flow.Expr
		for _, c := range syntax.NamedChildren(n) {
			if c.Type() == "dimensions" || c.Type() == "dimensions_expr" || strings.HasSuffix(c.Type(), "type") || c.Type() == "type_identifier" {
				continue
			}
			out = joinExpr(out, l.expr(c).e)
		}
		out.Fields = true
		return val{e: out}
	case "lambda_expression":
		if l.inline < 3 {
			each := l.each
			l.each = nil
			// xs.forEach(x -> ...): each parameter is an element of
			// what the call is made on.
			syntax.Walk(n.ChildByFieldName("parameters"), func(c *syntax.Node) bool {
				if c.Type() == "identifier" {
					name := l.t.Text(c)
					l.locals[name] = ""
					var e flow.Expr
					if each != nil {
						e = withPath(*each, "[]")
					}
					l.emit(flow.Op{Kind: flow.Assign, Line: line, Dst: name, Src: e})
				}
				return !strings.HasSuffix(c.Type(), "type")
			})
			l.inline++
			l.branch++
			if b := n.ChildByFieldName("body"); b != nil && b.Type() == "block" {
				l.statement(b)
			} else {
				l.expr(b)
			}
			l.branch--
			l.inline--
		}
		return val{}
	case "unary_expression", "instanceof_expression", "update_expression":
		for _, c := range syntax.NamedChildren(n) {
			l.expr(c)
		}
		return val{}
	case "this":
		return val{typ: l.c.name}
	case "decimal_integer_literal", "hex_integer_literal", "octal_integer_literal", "binary_integer_literal",
		"decimal_floating_point_literal", "hex_floating_point_literal", "true", "false", "null_literal",
		"class_literal", "method_reference", "type_identifier", "scoped_type_identifier", "generic_type":
		return val{}
	}
	var out flow.Expr
	for _, c := range syntax.NamedChildren(n) {
		out = joinExpr(out, l.expr(c).e)
	}
	return val{e: out}
}

func (l *lowerer) assignment(n *syntax.Node) val {
	left, right := n.ChildByFieldName("left"), n.ChildByFieldName("right")
	op := l.t.Text(n.ChildByFieldName("operator"))
	v := l.expr(right)
	line := syntax.Line(n)
	switch {
	case left == nil:
	case left.Type() == "identifier":
		name := l.t.Text(left)
		if _, ok := l.locals[name]; !ok {
			if _, field := l.c.fields[name]; field {
				name = "this." + name
			} else {
				l.locals[name] = v.typ
			}
		}
		l.assign(name, v, line, op == "+=")
	case left.Type() == "field_access" && left.ChildByFieldName("object") != nil && left.ChildByFieldName("object").Type() == "this":
		l.assign("this."+l.t.Text(left.ChildByFieldName("field")), v, line, op == "+=")
	default:
		// obj.f = v, a[i] = v: the object holds v from here on.
		root := left
		for root != nil && (root.Type() == "field_access" || root.Type() == "array_access") {
			if root.Type() == "field_access" {
				root = root.ChildByFieldName("object")
			} else {
				root = root.ChildByFieldName("array")
			}
		}
		if root != nil && root.Type() == "identifier" {
			if _, ok := l.locals[l.t.Text(root)]; ok && !v.e.Empty() {
				l.emit(flow.Op{Kind: flow.Mutate, Line: line, Dst: l.t.Text(root), Src: v.e})
			}
		}
	}
	return v
}

func (l *lowerer) isParam(name string) bool {
	for _, p := range l.f.params {
		if p.name == name {
			return true
		}
	}
	return false
}

// nullTest reports a condition that only compares values with null
// (x == null, x != null && y == null): it checks nothing about them.
func nullTest(n *syntax.Node) bool {
	if n == nil {
		return true
	}
	switch n.Type() {
	case "parenthesized_expression":
		return nullTest(n.NamedChild(0))
	case "binary_expression":
		l, r := n.ChildByFieldName("left"), n.ChildByFieldName("right")
		if l == nil || r == nil {
			return false
		}
		if l.Type() == "null_literal" || r.Type() == "null_literal" {
			return true
		}
		return (l.Type() == "binary_expression" || l.Type() == "parenthesized_expression") && nullTest(l) &&
			(r.Type() == "binary_expression" || r.Type() == "parenthesized_expression") && nullTest(r)
	}
	return false
}
