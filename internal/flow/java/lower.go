package java

import (
	"strings"

	"github.com/threatmap/threatmap/internal/flow"
	"github.com/threatmap/threatmap/internal/flow/oo"
	"github.com/threatmap/threatmap/internal/syntax"
)

// module is one Java file: its classes, each with its fields and lowered
// methods.
type module struct {
	path    string
	classes []*class
	// logs: the file imports a logging API log4j 2 may sit behind
	// (log4j's own, SLF4J), whose Logger's messages it formats.
	logs bool
	// xmlSafe: the file hardens its XML parsers (xmlHardened).
	xmlSafe bool
}

type (
	class    = oo.Class
	method   = oo.Method
	param    = oo.Param
	callInfo = oo.Call
)

// extract lowers every method of a parsed file.
func extract(t *syntax.Tree, m *module) {
	m.logs = loggingImport.MatchString(t.Text(t.Root()))
	m.xmlSafe = xmlHardened.MatchString(t.Text(t.Root()))
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
	c := &class{Name: t.Text(n.ChildByFieldName("name")), File: m.path, Fields: map[string]string{}}
	for _, k := range syntax.NamedChildren(n) {
		switch k.Type() {
		case "superclass", "super_interfaces", "extends_interfaces":
			syntax.Walk(k, func(x *syntax.Node) bool {
				if x.Type() == "type_identifier" {
					c.Supers = append(c.Supers, t.Text(x))
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
				c.Fields[t.Text(nm)] = simple(t.Text(p.ChildByFieldName("type")))
			}
		}
	}
	kids := syntax.NamedChildren(body)
	for _, k := range kids {
		if k.Type() == "field_declaration" {
			typ := simple(t.Text(k.ChildByFieldName("type")))
			unbound := false
			for _, d := range syntax.NamedChildren(k) {
				if d.Type() == "modifiers" && unboundField.MatchString(t.Text(d)) {
					unbound = true
				}
			}
			for _, d := range syntax.NamedChildren(k) {
				if d.Type() == "variable_declarator" {
					c.Fields[t.Text(d.ChildByFieldName("name"))] = typ
					if unbound {
						if c.Unbound == nil {
							c.Unbound = map[string]bool{}
						}
						c.Unbound[t.Text(d.ChildByFieldName("name"))] = true
					}
				}
			}
		}
	}
	for _, k := range kids {
		switch k.Type() {
		case "method_declaration", "constructor_declaration", "compact_constructor_declaration":
			lowerMethod(t, m, c, k)
		case "class_declaration", "interface_declaration", "enum_declaration", "record_declaration":
			lowerClass(t, m, k)
		}
	}
}

func lowerMethod(t *syntax.Tree, m *module, c *class, n *syntax.Node) {
	name := t.Text(n.ChildByFieldName("name"))
	if n.Type() != "method_declaration" {
		name = "<init>"
	}
	f := oo.NewMethod(c, n, name)
	l := &lowerer{Body: oo.NewBody(t, c, f), norm: map[string]bool{}, paramRets: map[string]bool{}, logs: m.logs, xmlSafe: m.xmlSafe}
	if ps := n.ChildByFieldName("parameters"); ps != nil {
		for _, p := range syntax.NamedChildren(ps) {
			if p.Type() != "formal_parameter" && p.Type() != "spread_parameter" {
				continue
			}
			pr := param{Anns: map[string]string{}}
			for _, k := range syntax.NamedChildren(p) {
				switch k.Type() {
				case "modifiers":
					for _, a := range syntax.NamedChildren(k) {
						if a.Type() == "annotation" || a.Type() == "marker_annotation" {
							pr.Anns[simple(t.Text(a.ChildByFieldName("name")))] = t.Text(a)
						}
					}
				case "variable_declarator":
					pr.Name = t.Text(k.ChildByFieldName("name"))
				}
			}
			if nm := p.ChildByFieldName("name"); nm != nil {
				pr.Name = t.Text(nm)
			}
			if ty := p.ChildByFieldName("type"); ty != nil {
				pr.Type = simple(t.Text(ty))
			} else {
				for _, k := range syntax.NamedChildren(p) {
					if strings.HasSuffix(k.Type(), "_type") || k.Type() == "type_identifier" {
						pr.Type = simple(t.Text(k))
					}
				}
			}
			l.Param(pr)
			l.modelParam(pr)
		}
	}
	if body := n.ChildByFieldName("body"); body != nil {
		f.Body = true
		l.html = htmlType.MatchString(t.Text(n))
		l.block(body)
		if l.nullRets > 0 && !l.otherRet && len(l.paramRets) == 1 {
			// return null when a test fails, the parameter otherwise: a
			// caller that leaves on null (if (filter(p) == null) return)
			// has p checked.
			for p := range l.paramRets {
				l.Emit(flow.Op{Kind: flow.Tests, Line: f.Line, Dst: p, Clears: []string{flow.CleanAll}})
			}
		}
	}
	l.Done()
}

// lowerer lowers one method's body.
type lowerer struct {
	oo.Body
	// norm are locals holding a normalized path.
	norm map[string]bool
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
	// models are the locals that are a Spring MVC model (Model,
	// ModelMap, ModelAndView); modelRefs the values put in them, each
	// keyed by its attribute's name; view the name a ModelAndView was
	// given.
	// logs: the file's Logger is one log4j 2 may format (module.logs).
	logs      bool
	xmlSafe   bool
	models    map[string]bool
	modelRefs []flow.Ref
	view      string
}

// val is a lowered expression.
type val = oo.Val

func (l *lowerer) block(n *syntax.Node) {
	if n == nil {
		return
	}
	for _, st := range syntax.NamedChildren(n) {
		if l.Full() {
			return
		}
		l.statement(st)
	}
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
		typ := simple(l.T.Text(n.ChildByFieldName("type")))
		for _, d := range syntax.NamedChildren(n) {
			if d.Type() != "variable_declarator" {
				continue
			}
			name := l.T.Text(d.ChildByFieldName("name"))
			v := l.expr(d.ChildByFieldName("value"))
			t := typ
			if t == "var" || t == "" {
				t = v.Typ
			}
			l.Locals[name] = t
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
		if l.Inline > 0 {
			break
		}
		l.render(c, v, syntax.Line(n))
		switch {
		case c.Type() == "null_literal":
			if l.guards > 0 {
				l.nullRets++
			}
		case c.Type() == "identifier" && l.isParam(l.T.Text(c)):
			l.paramRets[l.T.Text(c)] = true
		default:
			l.otherRet = true
		}
		l.Emit(flow.Op{Kind: flow.Return, Line: syntax.Line(n), Src: v.E})
		// return ALLOWED.contains(page): the method is a test of its
		// parameter, which a caller's condition may rely on.
		var t oo.Tested
		l.checks(c, &t, false)
		for _, op := range t.Holds {
			op.Kind = flow.Tests
			l.Emit(op)
		}
	case "throw_statement":
		for _, c := range syntax.NamedChildren(n) {
			l.expr(c)
		}
	case "if_statement":
		cond := n.ChildByFieldName("condition")
		l.expr(cond)
		var t oo.Tested
		l.checks(cond, &t, false)
		cons, alt := n.ChildByFieldName("consequence"), n.ChildByFieldName("alternative")
		if !nullTest(cond) {
			l.guards++
			defer func() { l.guards-- }()
		}
		l.If(t, cons, alt, l.statement)
	case "while_statement", "do_statement", "for_statement":
		l.Loop(n, "local_variable_declaration", l.lower, l.statement)
	case "enhanced_for_statement":
		v := l.expr(n.ChildByFieldName("value"))
		name := l.T.Text(n.ChildByFieldName("name"))
		l.Locals[name] = simple(l.T.Text(n.ChildByFieldName("type")))
		l.assign(name, val{E: oo.WithPath(v.E, "[]")}, syntax.Line(n), false)
		l.Nested(n.ChildByFieldName("body"), l.statement)
	case "try_statement", "try_with_resources_statement":
		if rs := n.ChildByFieldName("resources"); rs != nil {
			for _, r := range syntax.NamedChildren(rs) {
				if nm := r.ChildByFieldName("name"); nm != nil {
					v := l.expr(r.ChildByFieldName("value"))
					t := simple(l.T.Text(r.ChildByFieldName("type")))
					if t == "var" || t == "" {
						t = v.Typ
					}
					l.Locals[l.T.Text(nm)] = t
					l.assign(l.T.Text(nm), v, syntax.Line(r), false)
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
				l.Nested(c.ChildByFieldName("body"), l.statement)
				l.guards--
			case "finally_clause":
				for _, b := range syntax.NamedChildren(c) {
					l.statement(b)
				}
			}
		}
	case "switch_expression", "switch_statement":
		l.expr(n.ChildByFieldName("condition"))
		l.Branch++
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
		l.Branch--
	case "class_declaration", "local_class_declaration", "comment", "line_comment", "block_comment":
	default:
		if n.IsNamed() {
			l.expr(n)
		}
	}
}

// assign binds a local, and says whether it holds a normalized path.
func (l *lowerer) assign(name string, v val, line int, add bool) {
	l.norm[name] = v.Norm && !add && l.Branch == 0
	l.Assign(name, v.E, line, add)
}

func (l *lowerer) expr(n *syntax.Node) val {
	if n == nil || l.Full() {
		return val{}
	}
	line := syntax.Line(n)
	switch n.Type() {
	case "identifier":
		// A constant or a field of an outer class is the code's.
		return l.Ident(l.T.Text(n), line)
	case "field_access":
		obj := n.ChildByFieldName("object")
		field := l.T.Text(n.ChildByFieldName("field"))
		if obj != nil && obj.Type() == "this" {
			return l.Field(field, line)
		}
		if qualifiedClass.MatchString(l.T.Text(n)) {
			// A class named by its package (org.owasp.encoder.Encode), for
			// a static call.
			return val{Typ: field, Static: true}
		}
		o := l.expr(obj)
		if o.Static || o.E.Empty() {
			// A constant (File.separator, Constants.BASE): the code's.
			return val{E: flow.Expr{Chosen: true}}
		}
		return oo.Member(o, field)
	case "method_invocation":
		return l.call(n)
	case "object_creation_expression":
		return l.newCall(n)
	case "string_literal", "text_block":
		s := l.T.Text(n)
		s = strings.Trim(s, `"`)
		return val{E: flow.Expr{Text: s}, Lit: s, IsLit: true}
	case "character_literal":
		return val{}
	case "binary_expression":
		op := l.T.Text(n.ChildByFieldName("operator"))
		left := l.expr(n.ChildByFieldName("left"))
		right := l.expr(n.ChildByFieldName("right"))
		if op != "+" {
			return val{}
		}
		out := val{E: oo.JoinExpr(left.E, right.E)}
		out.E.Built = true
		if p := n.Parent(); strings.HasPrefix(out.E.Lead, "redirect:") && !out.E.Empty() && (p == nil || p.Type() != "binary_expression") {
			// A view name: Spring redirects to what follows "redirect:".
			e := out.E
			e.Lead = strings.TrimPrefix(e.Lead, "redirect:")
			l.Emit(flow.Op{Kind: flow.Call, Line: line, Callee: flow.Callee{Name: "redirect:"}, Args: []flow.Expr{e},
				Note: oo.Clip(l.T.Text(n)), Sinks: []flow.SinkUse{{Sink: flow.SinkRedirect, Args: []int{0}}}})
		}
		if left.IsLit && right.IsLit {
			out.Lit, out.IsLit = left.Lit+right.Lit, true
		}
		return out
	case "assignment_expression":
		return l.assignment(n)
	case "ternary_expression":
		return oo.Choice(n, l.expr)
	case "cast_expression":
		v := l.expr(n.ChildByFieldName("value"))
		v.Typ = simple(l.T.Text(n.ChildByFieldName("type")))
		return v
	case "parenthesized_expression":
		return l.expr(n.NamedChild(0))
	case "array_access":
		a := l.expr(n.ChildByFieldName("array"))
		l.expr(n.ChildByFieldName("index"))
		if a.Plain {
			return val{E: oo.WithPath(a.E, "[]"), Plain: true}
		}
		return val{E: a.E}
	case "array_creation_expression", "array_initializer":
		var out flow.Expr
		for _, c := range syntax.NamedChildren(n) {
			if c.Type() == "dimensions" || c.Type() == "dimensions_expr" || strings.HasSuffix(c.Type(), "type") || c.Type() == "type_identifier" {
				continue
			}
			out = oo.JoinExpr(out, l.expr(c).E)
		}
		out.Fields = true
		return val{E: out}
	case "lambda_expression":
		if l.Inline < 3 {
			each := l.each
			l.each = nil
			// xs.forEach(x -> ...): each parameter is an element of
			// what the call is made on.
			syntax.Walk(n.ChildByFieldName("parameters"), func(c *syntax.Node) bool {
				if c.Type() == "identifier" {
					name := l.T.Text(c)
					l.Locals[name] = ""
					var e flow.Expr
					if each != nil {
						e = oo.WithPath(*each, "[]")
					}
					l.Emit(flow.Op{Kind: flow.Assign, Line: line, Dst: name, Src: e})
				}
				return !strings.HasSuffix(c.Type(), "type")
			})
			l.InPlace(n.ChildByFieldName("body"), l.statement, l.lower)
		}
		return val{}
	case "unary_expression", "instanceof_expression", "update_expression":
		for _, c := range syntax.NamedChildren(n) {
			l.expr(c)
		}
		return val{}
	case "this":
		return val{Typ: l.C.Name}
	case "decimal_integer_literal", "hex_integer_literal", "octal_integer_literal", "binary_integer_literal",
		"decimal_floating_point_literal", "hex_floating_point_literal", "true", "false", "null_literal",
		"class_literal", "method_reference", "type_identifier", "scoped_type_identifier", "generic_type":
		return val{}
	}
	return val{E: oo.JoinAll(syntax.NamedChildren(n), l.expr)}
}

// lower lowers an expression whose value is not kept.
func (l *lowerer) lower(n *syntax.Node) { l.expr(n) }

func (l *lowerer) assignment(n *syntax.Node) val {
	left, right := n.ChildByFieldName("left"), n.ChildByFieldName("right")
	op := l.T.Text(n.ChildByFieldName("operator"))
	v := l.expr(right)
	line := syntax.Line(n)
	switch {
	case left == nil:
	case left.Type() == "identifier":
		l.assign(l.Bound(l.T.Text(left), v.Typ), v, line, op == "+=")
	case left.Type() == "field_access" && left.ChildByFieldName("object") != nil && left.ChildByFieldName("object").Type() == "this":
		l.assign("this."+l.T.Text(left.ChildByFieldName("field")), v, line, op == "+=")
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
		l.Into(root, v.E, line)
	}
	return v
}

func (l *lowerer) isParam(name string) bool {
	for _, p := range l.F.Decls {
		if p.Name == name {
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
