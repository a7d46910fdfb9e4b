package oo

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/threatmap/threatmap/internal/flow"
	"github.com/threatmap/threatmap/internal/syntax"
)

// Body is what lowering one method's body keeps, the same in each
// class-based language: the method's operations, its locals with their
// declared types, the literal text each holds, and how deep in branches
// and inline lambdas the statement is. A frontend's lowerer embeds it.
type Body struct {
	T *syntax.Tree
	C *Class
	F *Method
	// Locals are the names the method binds, with their declared types.
	Locals map[string]string
	// Text is the literal text a local is known to hold (a query's
	// fixed part), so text appended to it later still reads as SQL.
	Text map[string]string
	// Branch counts the conditional blocks around the statement; Inline
	// the lambdas lowered in place.
	Branch, Inline int
}

// NewBody starts lowering f, a method of c.
func NewBody(t *syntax.Tree, c *Class, f *Method) Body {
	return Body{T: t, C: c, F: f, Locals: map[string]string{}, Text: map[string]string{}}
}

// Emit appends an operation and says its index.
func (b *Body) Emit(op flow.Op) int {
	b.F.Ops = append(b.F.Ops, op)
	return len(b.F.Ops) - 1
}

// Full: the method holds as many operations as the engine reads.
func (b *Body) Full() bool { return len(b.F.Ops) >= flow.MaxOps }

// Assign binds a local. In a branch, or added to (+=), the value joins
// what it held.
func (b *Body) Assign(name string, e flow.Expr, line int, add bool) {
	src := e
	if b.Branch > 0 || add {
		src = JoinExpr(flow.Expr{Refs: []flow.Ref{{Var: name, Line: line}}, Text: b.Text[name]}, e)
		if add {
			src.Built = true
		}
	}
	if add || b.Branch > 0 {
		b.Text[name] = ClipText(b.Text[name] + e.Text)
	} else {
		b.Text[name] = e.Text
	}
	b.Emit(flow.Op{Kind: flow.Assign, Line: line, Dst: name, Src: src})
}

// Ident is what a bare name reads: a local or a field of the class
// (held as this.name), or a class named for a static call, or a
// constant of the code's (chosen).
func (b *Body) Ident(name string, line int) Val {
	if t, ok := b.Locals[name]; ok {
		return Val{E: flow.Expr{Refs: []flow.Ref{{Var: name, Line: line}}, Text: b.Text[name]}, Plain: true, Typ: t, Local: name}
	}
	if _, ok := b.C.Fields[name]; ok {
		return b.Field(name, line)
	}
	if IsClassName(name) {
		return Val{Typ: name, Static: true}
	}
	return Val{E: flow.Expr{Chosen: true}}
}

// Field is the class's own field read (this.name).
func (b *Body) Field(name string, line int) Val {
	return Val{E: flow.Expr{Refs: []flow.Ref{{Var: "this." + name, Line: line}}}, Plain: true, Typ: b.C.Fields[name], Local: "this." + name}
}

// IsClassName: a capitalised name is a class (Runtime, File), not a
// local or a field.
func IsClassName(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// Tested are the checks a condition makes: Holds where the condition is
// true (the branch), Fails where it is false (past an if that leaves).
type Tested struct{ Holds, Fails []flow.Op }

// Join reads a && or || of two tested sides. neg: the condition is
// negated. Every part holds in the branch of an && (a failure of an ||);
// past the branch one part failed, which says something only of a local
// every part checks to be one of the code's values.
func (t *Tested) Join(op string, neg bool, a, b Tested) {
	switch {
	case op == "&&" && !neg, op == "||" && neg:
		t.Holds = append(append(t.Holds, a.Holds...), b.Holds...)
		t.Fails = append(t.Fails, either(a.Fails, b.Fails)...)
	case op == "||" && !neg, op == "&&" && neg:
		t.Fails = append(append(t.Fails, a.Fails...), b.Fails...)
		t.Holds = append(t.Holds, either(a.Holds, b.Holds)...)
	}
}

// either are the clears that stand whichever of two sides is taken: the
// same local checked for every kind on both.
func either(a, b []flow.Op) []flow.Op {
	var out []flow.Op
	for _, x := range a {
		for _, y := range b {
			if x.Dst == y.Dst && x.By == nil && y.By == nil && cleansAll(x) && cleansAll(y) {
				out = append(out, x)
			}
		}
	}
	return out
}

func cleansAll(op flow.Op) bool {
	for _, k := range op.Clears {
		if k == flow.CleanAll {
			return true
		}
	}
	return false
}

// If lowers an if statement whose condition t was read from: what a
// test that failed and leaves (if (!ok(x)) return;) checks holds from
// here on; what holds in the branch is taken back after it, and holds
// again past an else that leaves.
func (b *Body) If(t Tested, cons, alt *syntax.Node, stmt func(*syntax.Node)) {
	if Leaves(cons) && alt == nil {
		for _, op := range t.Fails {
			b.Emit(op)
		}
	}
	for _, op := range t.Holds {
		b.Emit(op)
	}
	b.Nested(cons, stmt)
	for _, op := range t.Holds {
		op.Kind = flow.Unclear
		b.Emit(op)
	}
	b.Nested(alt, stmt)
	if alt != nil && Leaves(alt) {
		for _, op := range t.Holds {
			b.Emit(op)
		}
	}
}

// Nested lowers a statement in a branch.
func (b *Body) Nested(n *syntax.Node, stmt func(*syntax.Node)) {
	if n == nil {
		return
	}
	b.Branch++
	stmt(n)
	b.Branch--
}

// Leaves says a statement ends by leaving the method: it returns or
// throws, or is a block whose last statement does.
func Leaves(n *syntax.Node) bool {
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
		return last != nil && Leaves(last)
	}
	return false
}

// Bound is the name `name = v` binds: a local, a field of the class
// (this.name), or a new local of v's type.
func (b *Body) Bound(name, typ string) string {
	if _, ok := b.Locals[name]; ok {
		return name
	}
	if _, field := b.C.Fields[name]; field {
		return "this." + name
	}
	b.Locals[name] = typ
	return name
}

// Into says that the object a member or element assignment's target is
// rooted at (obj.f = v, a[i] = v) holds v from here on, when the root is
// a local.
func (b *Body) Into(root *syntax.Node, e flow.Expr, line int) {
	if root == nil || root.Type() != "identifier" || e.Empty() {
		return
	}
	if _, ok := b.Locals[b.T.Text(root)]; ok {
		b.Emit(flow.Op{Kind: flow.Mutate, Line: line, Dst: b.T.Text(root), Src: e})
	}
}

// Loop lowers a loop: each part of its header (a declaration of type
// decl by stmt, the rest by expr), then its body in a branch.
func (b *Body) Loop(n *syntax.Node, decl string, expr, stmt func(*syntax.Node)) {
	body := n.ChildByFieldName("body")
	for _, c := range syntax.NamedChildren(n) {
		switch {
		case c == body:
		case c.Type() == decl:
			stmt(c)
		default:
			expr(c)
		}
	}
	b.Nested(body, stmt)
}

// Local is the local a bare name in the code names, or "".
func (b *Body) Local(x *syntax.Node) string {
	if x == nil || x.Type() != "identifier" {
		return ""
	}
	nm := b.T.Text(x)
	if _, ok := b.Locals[nm]; ok {
		return nm
	}
	return ""
}

// NewMethod is a method of c, named name, written at n, with nothing
// lowered yet.
func NewMethod(c *Class, n *syntax.Node, name string) *Method {
	qual := c.Name + "." + name
	return &Method{
		Func: &flow.Func{ID: c.File + "#" + qual + "@" + strconv.Itoa(syntax.Line(n)), File: c.File, Name: qual,
			Line: syntax.Line(n), EndLine: syntax.EndLine(n)},
		Class: c, Short: name, Calls: map[int]*Call{},
	}
}

// Param declares the method's next parameter (one without a name is
// skipped): a local of its type.
func (b *Body) Param(pr Param) {
	if pr.Name == "" {
		return
	}
	b.Locals[pr.Name] = pr.Type
	b.F.Params = append(b.F.Params, flow.Param{Name: pr.Name, Index: len(b.F.Decls)})
	b.F.Decls = append(b.F.Decls, pr)
}

// Done adds the lowered method to its class.
func (b *Body) Done() {
	b.F.Compact()
	b.C.Methods = append(b.C.Methods, b.F)
}

// InPlace lowers a lambda's body where it is written, in a branch, at
// most three deep: a block by stmt, an expression by expr.
func (b *Body) InPlace(body *syntax.Node, stmt func(*syntax.Node), expr func(*syntax.Node)) {
	if b.Inline >= 3 || body == nil {
		return
	}
	b.Inline++
	b.Branch++
	if body.Type() == "block" {
		stmt(body)
	} else {
		expr(body)
	}
	b.Branch--
	b.Inline--
}

// Choice lowers a conditional expression (c ? a : b): the value of
// either side.
func Choice(n *syntax.Node, expr func(*syntax.Node) Val) Val {
	expr(n.ChildByFieldName("condition"))
	a := expr(n.ChildByFieldName("consequence"))
	c := expr(n.ChildByFieldName("alternative"))
	return Val{E: JoinExpr(a.E, c.E)}
}

// JoinAll is the values of nodes joined into one.
func JoinAll(nodes []*syntax.Node, expr func(*syntax.Node) Val) flow.Expr {
	var out flow.Expr
	for _, c := range nodes {
		out = JoinExpr(out, expr(c).E)
	}
	return out
}

// FixedPrefix is a literal a URL or path is tested to begin with that
// fixes where it goes: a local path (not //host) or a scheme and host.
var FixedPrefix = regexp.MustCompile(`^(?:/[^/\\]|[a-zA-Z][\w+.-]*://[^/?#\s]+/)`)

// Args lowers a call's arguments: the node arg picks from each child of
// the argument list (nil: not an argument, a comment).
func Args(n *syntax.Node, arg func(*syntax.Node) *syntax.Node, expr func(*syntax.Node) Val) ([]Val, []*syntax.Node) {
	var vs []Val
	var nodes []*syntax.Node
	if n == nil {
		return nil, nil
	}
	for _, c := range syntax.NamedChildren(n) {
		if a := arg(c); a != nil {
			vs = append(vs, expr(a))
			nodes = append(nodes, a)
		}
	}
	return vs, nodes
}
