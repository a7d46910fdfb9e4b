package csharp

import (
	"strings"

	"github.com/threatmap/threatmap/internal/flow"
	"github.com/threatmap/threatmap/internal/flow/oo"
	"github.com/threatmap/threatmap/internal/syntax"
)

// extract lowers every method of a parsed file, and every lambda given
// to a call as a handler (a minimal API's MapGet("/x", (string q) =>
// ...)); top-level statements are a class of their own.
func extract(t *syntax.Tree, path string) []*oo.Class {
	x := &extractor{t: t, path: path}
	top := &oo.Class{Name: "Program", File: path, Fields: map[string]string{}}
	syntax.Walk(t.Root(), func(n *syntax.Node) bool {
		switch n.Type() {
		case "class_declaration", "interface_declaration", "struct_declaration", "record_declaration", "record_struct_declaration":
			x.class(n)
			return false
		case "global_statement":
			x.lambdas(top, n)
			return false
		}
		return true
	})
	if len(top.Methods) > 0 {
		x.out = append(x.out, top)
	}
	return x.out
}

type extractor struct {
	t    *syntax.Tree
	path string
	out  []*oo.Class
}

func (x *extractor) class(n *syntax.Node) {
	t := x.t
	c := &oo.Class{Name: t.Text(n.ChildByFieldName("name")), File: x.path, Fields: map[string]string{}}
	x.out = append(x.out, c)
	for _, k := range syntax.NamedChildren(n) {
		if k.Type() == "base_list" {
			for _, b := range syntax.NamedChildren(k) {
				c.Supers = append(c.Supers, base(simple(t.Text(b))))
			}
		}
		if k.Type() == "parameter_list" {
			// A primary constructor's parameters are fields.
			for _, p := range syntax.NamedChildren(k) {
				if nm := p.ChildByFieldName("name"); nm != nil {
					c.Fields[t.Text(nm)] = simple(t.Text(p.ChildByFieldName("type")))
				}
			}
		}
	}
	body := n.ChildByFieldName("body")
	if body == nil {
		return
	}
	kids := syntax.NamedChildren(body)
	for _, k := range kids {
		switch k.Type() {
		case "field_declaration":
			for _, v := range syntax.NamedChildren(k) {
				if v.Type() != "variable_declaration" {
					continue
				}
				typ := simple(t.Text(v.ChildByFieldName("type")))
				for _, d := range syntax.NamedChildren(v) {
					if d.Type() == "variable_declarator" {
						c.Fields[t.Text(d.ChildByFieldName("name"))] = typ
					}
				}
			}
		case "property_declaration":
			c.Fields[t.Text(k.ChildByFieldName("name"))] = simple(t.Text(k.ChildByFieldName("type")))
		}
	}
	for _, k := range kids {
		switch k.Type() {
		case "method_declaration", "constructor_declaration", "local_function_statement":
			x.method(c, k, t.Text(k.ChildByFieldName("name")))
		case "class_declaration", "interface_declaration", "struct_declaration", "record_declaration", "record_struct_declaration":
			x.class(k)
		}
	}
}

// lambdas lowers each lambda with parameters given to a call under n as
// a handler of its own.
func (x *extractor) lambdas(c *oo.Class, n *syntax.Node) {
	syntax.Walk(n, func(k *syntax.Node) bool {
		if k.Type() == "lambda_expression" && k.Parent() != nil && k.Parent().Type() == "argument" {
			x.method(c, k, "lambda")
		}
		return true
	})
}

func (x *extractor) method(c *oo.Class, n *syntax.Node, name string) {
	t := x.t
	if n.Type() == "constructor_declaration" {
		name = ".ctor"
	}
	f := oo.NewMethod(c, n, name)
	l := &lowerer{Body: oo.NewBody(t, c, f)}
	l.typeNames = typeNameAuto.MatchString(t.Text(n))
	if ps := n.ChildByFieldName("parameters"); ps != nil {
		for _, p := range syntax.NamedChildren(ps) {
			if p.Type() != "parameter" {
				continue
			}
			pr := oo.Param{Anns: map[string]string{}}
			for _, k := range syntax.NamedChildren(p) {
				if k.Type() == "attribute_list" {
					for _, a := range syntax.NamedChildren(k) {
						if a.Type() == "attribute" {
							pr.Anns[strings.TrimSuffix(simple(t.Text(a.ChildByFieldName("name"))), "Attribute")] = t.Text(a)
						}
					}
				}
			}
			pr.Name = t.Text(p.ChildByFieldName("name"))
			pr.Type = simple(t.Text(p.ChildByFieldName("type")))
			l.Param(pr)
		}
	}
	if body := n.ChildByFieldName("body"); body != nil {
		f.Body = true
		if body.Type() == "block" {
			l.statement(body)
		} else if body.Type() == "arrow_expression_clause" {
			v := l.expr(body.NamedChild(0))
			l.Emit(flow.Op{Kind: flow.Return, Line: syntax.Line(body), Src: v.E})
		} else {
			v := l.expr(body)
			l.Emit(flow.Op{Kind: flow.Return, Line: syntax.Line(body), Src: v.E})
		}
	}
	l.Done()
	if name != "lambda" {
		x.lambdas(c, n)
	}
}

// lowerer lowers one method's body.
type lowerer struct {
	oo.Body
	// typeNames: the method sets Newtonsoft's TypeNameHandling to let
	// the JSON name its types.
	typeNames bool
	// program is the FileName a process was last given.
	program val
}

// val is a lowered expression.
type val = oo.Val

func (l *lowerer) statement(n *syntax.Node) {
	if n == nil || l.Full() {
		return
	}
	switch n.Type() {
	case "block", "checked_statement", "unsafe_statement", "labeled_statement":
		for _, c := range syntax.NamedChildren(n) {
			l.statement(c)
		}
	case "local_declaration_statement", "using_statement", "fixed_statement", "lock_statement":
		for _, c := range syntax.NamedChildren(n) {
			switch c.Type() {
			case "variable_declaration":
				l.declare(c)
			case "block", "expression_statement", "return_statement", "if_statement", "using_statement", "local_declaration_statement":
				l.statement(c)
			default:
				if c != n.ChildByFieldName("body") {
					l.expr(c)
				} else {
					l.statement(c)
				}
			}
		}
	case "expression_statement", "throw_statement":
		for _, c := range syntax.NamedChildren(n) {
			l.expr(c)
		}
	case "return_statement", "yield_statement", "arrow_expression_clause":
		if c := n.NamedChild(0); c != nil {
			v := l.expr(c)
			if l.Inline == 0 {
				l.Emit(flow.Op{Kind: flow.Return, Line: syntax.Line(n), Src: v.E})
			}
		}
	case "if_statement":
		var t oo.Tested
		cond := n.ChildByFieldName("condition")
		l.lower(cond)
		l.checks(cond, &t, false)
		l.If(t, n.ChildByFieldName("consequence"), n.ChildByFieldName("alternative"), l.statement)
	case "while_statement", "do_statement", "for_statement":
		l.Loop(n, "variable_declaration", l.lower, l.statement)
	case "foreach_statement":
		v := l.expr(n.ChildByFieldName("right"))
		left := n.ChildByFieldName("left")
		if left != nil && left.Type() == "identifier" {
			name := l.T.Text(left)
			typ := simple(l.T.Text(n.ChildByFieldName("type")))
			if typ == "var" {
				typ = ""
			}
			l.Locals[name] = typ
			l.Assign(name, oo.WithPath(v.E, "[]"), syntax.Line(n), false)
		}
		l.Nested(n.ChildByFieldName("body"), l.statement)
	case "try_statement":
		for _, c := range syntax.NamedChildren(n) {
			switch c.Type() {
			case "block":
				l.statement(c)
			case "catch_clause", "finally_clause":
				for _, b := range syntax.NamedChildren(c) {
					if b.Type() == "block" {
						l.Nested(b, l.statement)
					}
				}
			}
		}
	case "switch_statement":
		l.expr(n.ChildByFieldName("value"))
		l.Branch++
		syntax.Walk(n.ChildByFieldName("body"), func(c *syntax.Node) bool {
			switch c.Type() {
			case "switch_body", "switch_section", "case_switch_label", "default_switch_label", "case_pattern_switch_label":
				return true
			}
			if c.IsNamed() && !strings.HasSuffix(c.Type(), "pattern") {
				l.statement(c)
			}
			return false
		})
		l.Branch--
	case "variable_declaration":
		l.declare(n)
	case "local_function_statement", "class_declaration", "comment", "empty_statement":
	default:
		if n.IsNamed() {
			l.expr(n)
		}
	}
}

// declare binds each variable a declaration declares.
func (l *lowerer) declare(n *syntax.Node) {
	typ := simple(l.T.Text(n.ChildByFieldName("type")))
	for _, d := range syntax.NamedChildren(n) {
		if d.Type() != "variable_declarator" {
			continue
		}
		nm := d.ChildByFieldName("name")
		if nm == nil {
			continue
		}
		var v val
		for _, k := range syntax.NamedChildren(d) {
			if k == nm || k.Type() == "bracketed_argument_list" {
				continue
			}
			if k.Type() == "equals_value_clause" {
				k = k.NamedChild(0)
			}
			v = l.expr(k)
		}
		t := typ
		if t == "var" || t == "" {
			t = v.Typ
		}
		l.Locals[l.T.Text(nm)] = t
		l.Assign(l.T.Text(nm), v.E, syntax.Line(d), false)
	}
}

// operator is a binary or assignment expression's operator token.
func (l *lowerer) operator(n *syntax.Node) string {
	if o := n.ChildByFieldName("operator"); o != nil {
		return l.T.Text(o)
	}
	for _, c := range syntax.Children(n) {
		if !c.IsNamed() {
			return l.T.Text(c)
		}
	}
	return ""
}

// requestRoot is a controller's or page's own request (Request,
// HttpContext): read through them, data is the client's.
var requestRoot = map[string]bool{"Request": true, "HttpContext": true}

func (l *lowerer) expr(n *syntax.Node) val {
	if n == nil || l.Full() {
		return val{}
	}
	line := syntax.Line(n)
	switch n.Type() {
	case "invocation_expression":
		return l.call(n)
	case "member_access_expression":
		return l.member(n)
	case "identifier":
		return l.Ident(l.T.Text(n), line)
	case "conditional_access_expression":
		return val{E: oo.JoinAll(syntax.NamedChildren(n), l.expr)}
	case "object_creation_expression", "implicit_object_creation_expression":
		return l.newCall(n)
	case "string_literal", "verbatim_string_literal", "raw_string_literal":
		s := stringText(l.T.Text(n))
		return val{E: flow.Expr{Text: s}, Lit: s, IsLit: true}
	case "interpolated_string_expression":
		return l.interpolated(n)
	case "character_literal", "integer_literal", "real_literal", "boolean_literal", "null_literal",
		"typeof_expression", "sizeof_expression", "default_expression", "this_expression", "base_expression":
		return val{}
	case "binary_expression":
		op := l.operator(n)
		left := l.expr(n.ChildByFieldName("left"))
		right := l.expr(n.ChildByFieldName("right"))
		switch op {
		case "+":
			out := val{E: oo.JoinExpr(left.E, right.E)}
			out.E.Built = true
			if left.IsLit && right.IsLit {
				out.Lit, out.IsLit = left.Lit+right.Lit, true
			}
			return out
		case "??":
			return val{E: oo.JoinExpr(left.E, right.E)}
		}
		return val{}
	case "assignment_expression":
		return l.assignment(n)
	case "conditional_expression":
		return oo.Choice(n, l.expr)
	case "cast_expression":
		v := l.expr(n.ChildByFieldName("value"))
		v.Typ = simple(l.T.Text(n.ChildByFieldName("type")))
		if scalar[v.Typ] {
			return val{}
		}
		return v
	case "as_expression":
		v := l.expr(n.ChildByFieldName("left"))
		v.Typ = simple(l.T.Text(n.ChildByFieldName("right")))
		return v
	case "parenthesized_expression", "await_expression", "postfix_unary_expression", "checked_expression", "argument":
		if n.Type() == "postfix_unary_expression" && l.operator(n) != "!" {
			l.expr(n.NamedChild(0))
			return val{}
		}
		return l.expr(n.NamedChild(0))
	case "element_access_expression":
		a := l.expr(n.ChildByFieldName("expression"))
		if s := n.ChildByFieldName("subscript"); s != nil {
			for _, c := range syntax.NamedChildren(s) {
				l.expr(c)
			}
		}
		if a.Plain {
			return val{E: oo.WithPath(a.E, "[]"), Plain: true}
		}
		return val{E: a.E}
	case "array_creation_expression", "implicit_array_creation_expression", "initializer_expression",
		"anonymous_object_creation_expression", "collection_expression", "tuple_expression":
		var out flow.Expr
		for _, c := range syntax.NamedChildren(n) {
			if strings.HasSuffix(c.Type(), "type") {
				continue
			}
			out = oo.JoinExpr(out, l.expr(c).E)
		}
		out.Fields = true
		return val{E: out}
	case "lambda_expression", "anonymous_method_expression":
		if ps := n.ChildByFieldName("parameters"); ps != nil {
			syntax.Walk(ps, func(c *syntax.Node) bool {
				if c.Type() == "identifier" && c.Parent() != nil && (c.Parent().Type() == "parameter" || c == ps) {
					l.Locals[l.T.Text(c)] = ""
				}
				return true
			})
		}
		l.InPlace(n.ChildByFieldName("body"), l.statement, l.lower)
		return val{}
	case "prefix_unary_expression", "is_pattern_expression", "is_expression", "declaration_expression":
		for _, c := range syntax.NamedChildren(n) {
			l.expr(c)
		}
		if n.Type() == "declaration_expression" {
			// out var x: bound, holding nothing known.
			if nm := n.ChildByFieldName("name"); nm != nil {
				l.Locals[l.T.Text(nm)] = simple(l.T.Text(n.ChildByFieldName("type")))
			}
		}
		return val{}
	case "predefined_type", "identifier_name", "generic_name", "qualified_name", "array_type", "nullable_type":
		return val{Typ: simple(l.T.Text(n)), Static: true}
	}
	return val{E: oo.JoinAll(syntax.NamedChildren(n), l.expr)}
}

// member lowers obj.name: a field of the class, a read of the request,
// a static member, or an access on a value.
func (l *lowerer) member(n *syntax.Node) val {
	line := syntax.Line(n)
	obj := n.ChildByFieldName("expression")
	field := l.T.Text(n.ChildByFieldName("name"))
	if obj != nil && obj.Type() == "this_expression" {
		return l.Field(field, line)
	}
	if src, rest, ok := l.requestRead(n); ok {
		return val{E: flow.Expr{Refs: []flow.Ref{{Source: src, Path: rest, Line: line, Note: oo.Clip(l.T.Text(n))}}}, Plain: true}
	}
	o := l.expr(obj)
	if o.Static {
		// A static member (Path.Combine's class, HtmlEncoder.Default):
		// the code's, typed by its last name.
		return val{Typ: field, Static: true, Lit: o.Typ}
	}
	if o.E.Empty() {
		return val{E: flow.Expr{Chosen: true}}
	}
	return oo.Member(o, field)
}

// requestRead reads a member access on the controller's own request
// (Request.Query, HttpContext.Request.Form, this.Request.Headers): the
// source and the path after it.
func (l *lowerer) requestRead(n *syntax.Node) (string, string, bool) {
	var parts []string
	x := n
	for x != nil && x.Type() == "member_access_expression" {
		parts = append([]string{l.T.Text(x.ChildByFieldName("name"))}, parts...)
		x = x.ChildByFieldName("expression")
	}
	if x != nil && x.Type() == "this_expression" && len(parts) > 0 {
		x = nil
	} else if x == nil || x.Type() != "identifier" {
		return "", "", false
	} else {
		parts = append([]string{l.T.Text(x)}, parts...)
	}
	root := parts[0]
	if _, local := l.Locals[root]; local || !requestRoot[root] {
		return "", "", false
	}
	if _, field := l.C.Fields[root]; field {
		return "", "", false
	}
	p := ""
	for _, s := range parts[1:] {
		p += "." + s
	}
	if root == "HttpContext" && !strings.HasPrefix(p, ".Request") {
		return "", "", false
	}
	return fromRequest(p)
}

// interpolated lowers $"...{x}...": text built with the values pasted in.
func (l *lowerer) interpolated(n *syntax.Node) val {
	var out flow.Expr
	for _, c := range syntax.NamedChildren(n) {
		switch c.Type() {
		case "string_content", "verbatim_string_characters", "raw_string_content", "string_literal_content":
			out = oo.JoinExpr(out, flow.Expr{Text: l.T.Text(c)})
		case "interpolation":
			for _, e := range syntax.NamedChildren(c) {
				switch e.Type() {
				case "interpolation_brace", "interpolation_alignment_clause", "interpolation_format_clause":
				default:
					out = oo.JoinExpr(out, l.expr(e).E)
				}
			}
		}
	}
	out.Built = true
	return val{E: out, Typ: "string"}
}

func stringText(s string) string {
	s = strings.TrimPrefix(s, "@")
	return strings.Trim(s, `"`)
}

// lower lowers an expression whose value is not kept.
func (l *lowerer) lower(n *syntax.Node) { l.expr(n) }

func (l *lowerer) assignment(n *syntax.Node) val {
	left, right := n.ChildByFieldName("left"), n.ChildByFieldName("right")
	op := l.operator(n)
	v := l.expr(right)
	line := syntax.Line(n)
	switch {
	case left == nil:
	case left.Type() == "identifier":
		l.Assign(l.Bound(l.T.Text(left), v.Typ), v.E, line, op == "+=")
	case left.Type() == "member_access_expression" && left.ChildByFieldName("expression") != nil && left.ChildByFieldName("expression").Type() == "this_expression":
		l.Assign("this."+l.T.Text(left.ChildByFieldName("name")), v.E, line, op == "+=")
	default:
		root := left
		for root != nil && (root.Type() == "member_access_expression" || root.Type() == "element_access_expression") {
			root = root.ChildByFieldName("expression")
		}
		if left.Type() == "member_access_expression" {
			// cmd.CommandText = sql; psi.Arguments = args: a sink set as
			// a property.
			prop := l.T.Text(left.ChildByFieldName("name"))
			if prop == "FileName" {
				l.program = v
			}
			if s := commandProps[prop]; s != nil && !v.E.Empty() && l.commandLine(prop) {
				l.Emit(flow.Op{Kind: flow.Call, Line: line, Callee: flow.Callee{Name: prop}, Args: []flow.Expr{v.E},
					Note: oo.Clip(l.T.Text(n)), Sinks: []flow.SinkUse{{Sink: s, Args: []int{0}}}})
			}
		}
		l.Into(root, v.E, line)
	}
	return v
}
