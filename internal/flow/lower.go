package flow

import (
	"fmt"
	"strings"

	"github.com/threatmap/threatmap/internal/syntax"
)

// Grammar names a tree-sitter grammar's node types and fields, so that
// one lowering serves every language that plugs in a table. What a table
// cannot say (parameters, patterns, which calls are sinks) is the
// Language's.
type Grammar struct {
	// Functions: node types that are functions, with their fields.
	Functions                      map[string]bool
	FuncName, FuncParams, FuncBody string
	// FuncParam is the field of a function with one bare parameter
	// (x => ...), if the grammar has one.
	FuncParam             string
	Call                  []string // call and new expressions
	CallFunc              string   // field: what is called ("constructor" for new is Grammar.NewFunc)
	NewFunc               string
	CallArgs              string
	Member                string // a.b
	MemberObj, MemberProp string
	Index                 string // a[b]
	IndexObj, IndexKey    string
	Ident                 []string // identifiers, this, self
	Strings               []string // plain string literals
	Template              string   // a string with substitutions (template literal, f-string)
	Subst                 string   // one substitution in it
	Binary                string   // a + b
	BinOp                 string   // field of the operator
	Concat                []string // operators that build text: "+"
	Ternary               string
	Object                string // {a: b}
	Pair                  string
	PairValue             string
	Spread                string
	Array                 []string
	Await                 []string // wrappers that pass their one child on: await, parentheses, casts
	// Statements.
	Declarator    string // const x = v
	DeclName      string
	DeclValue     string
	Assign        []string // x = v
	AugAssign     string   // x += v
	AssignLeft    string
	AssignRight   string
	Return        string
	If            string
	IfCond        string
	Exits         []string // return, throw: a branch that leaves
	ObjectPattern string
	ArrayPattern  string
}

// Language is one frontend: its grammar table and what a table cannot
// say.
type Language struct {
	Grammar *Grammar
	// Params lowers a function's parameters.
	Params func(l *Lowerer, fn *syntax.Node) []Param
	// Call lets the language read a call: the sinks it is and the kinds
	// it cleans, given the callee and the file's imports.
	Call func(l *Lowerer, call *syntax.Node, op *Op)
	// Pattern binds a destructuring pattern to a value: one Assign per
	// name, each with the path it reads.
	Pattern func(l *Lowerer, pat *syntax.Node, value Expr, line int)
	// Check reads an if's condition: the names it proves safe (an
	// allow-list test, a path prefix check), with the kinds; holds where
	// the condition is true (x === 'a'), fails where it is false
	// (!list.includes(x), x !== 'a': the branch is the rejection).
	Check func(l *Lowerer, cond *syntax.Node) (holds, fails []Op)
	// MemberSink is a sink an assignment to a member is (ctx.body = v).
	MemberSink func(l *Lowerer, left *syntax.Node) *Sink
}

// Lowerer lowers one parsed file.
type Lowerer struct {
	Lang *Language
	T    *syntax.Tree
	File string
	// Imports are the file's imported names: local name → module
	// specifier and the name it reads there.
	Imports map[string]Import
	// Funcs are every function lowered, in source order.
	Funcs []*Func
	// ByNode finds a function by its node's start byte.
	ByNode map[uint32]*Func
	// Returned maps a function to the function it returns (a factory).
	Returned map[*Func]*Func
	// Outer maps a function to the function it is nested in.
	Outer map[*Func]*Func

	cur    *Func
	inline int
	// elem, for the callback elemOf given to forEach or map, is what
	// its first parameter is: an element of the receiver.
	elem    Expr
	elemOf  *syntax.Node
	budget  int
	pending []pendingReturn
	// callbacks are the start bytes of functions written as a call's
	// argument, marked Callback once every function is lowered.
	callbacks []uint32
	// retTo, while a named closure is lowered in place, is the local its
	// returns are gathered in; rets are the current function's closures
	// so gathered, by name, so a call of one is what it returned.
	retTo string
	rets  map[string]bool
	// branch counts the if statements being lowered around the current
	// statement.
	branch int
	// redirects: the function being lowered is a handler whose return
	// value's url is where the response redirects (NestJS @Redirect()).
	redirects bool
}

// Import is one imported binding.
type Import struct {
	From string
	Name string // "default", "*" or the exported name
}

// NewLowerer lowers nothing yet.
func NewLowerer(lang *Language, t *syntax.Tree, file string) *Lowerer {
	return &Lowerer{Lang: lang, T: t, File: file, Imports: map[string]Import{}, ByNode: map[uint32]*Func{}, Returned: map[*Func]*Func{}, Outer: map[*Func]*Func{}, budget: 200000}
}

// Text is a node's source.
func (l *Lowerer) Text(n *syntax.Node) string { return l.T.Text(n) }

// LowerAll lowers every function in the file, and the file's top level
// as a function of its own (named "<module>").
func (l *Lowerer) LowerAll() {
	root := l.T.Root()
	top := &Func{ID: l.File + "#<module>@1", File: l.File, Name: "<module>", Line: 1, EndLine: syntax.EndLine(root)}
	l.Funcs = append(l.Funcs, top)
	l.cur = top
	l.stmts(root)
	// Every function node, outermost first.
	var walk func(n *syntax.Node, outer *Func, name string)
	walk = func(n *syntax.Node, outer *Func, name string) {
		if l.budget <= 0 {
			return
		}
		l.budget--
		g := l.Lang.Grammar
		// Every node of the file passes here: each call into the tree
		// (through cgo) is asked once.
		typ := n.Type()
		if g.Functions[typ] {
			f := l.function(n, name)
			if outer != nil && outer != top {
				l.Outer[f] = outer
			}
			outer = f
			name = ""
		}
		nameNext := ""
		var value, value2 *syntax.Node
		switch typ {
		case g.Declarator, "pair", "public_field_definition", "field_definition":
			key := n.ChildByFieldName(g.DeclName)
			if key == nil {
				key = n.ChildByFieldName("key")
			}
			if key == nil {
				key = n.ChildByFieldName("property")
			}
			nameNext = l.Text(key)
			if nameNext != "" {
				value, value2 = n.ChildByFieldName(g.DeclValue), n.ChildByFieldName("value")
			}
		}
		for _, c := range syntax.NamedChildren(n) {
			nm := name
			if nameNext != "" && (c == value || c == value2) {
				nm = nameNext
			}
			walk(c, outer, nm)
		}
	}
	walk(root, nil, "")
	l.finishReturns()
}

// function lowers one function node.
func (l *Lowerer) function(n *syntax.Node, name string) *Func {
	g := l.Lang.Grammar
	if nm := n.ChildByFieldName(g.FuncName); nm != nil {
		name = l.Text(nm)
	}
	if name == "" {
		name = "<anonymous>"
	}
	f := &Func{ID: fmt.Sprintf("%s#%s@%d", l.File, name, syntax.Line(n)), File: l.File, Name: name, Line: syntax.Line(n), EndLine: syntax.EndLine(n)}
	l.Funcs = append(l.Funcs, f)
	l.ByNode[n.StartByte()] = f
	saved, savedInline, savedRets, savedRet, savedBranch, savedRedirects := l.cur, l.inline, l.rets, l.retTo, l.branch, l.redirects
	l.cur, l.inline, l.rets, l.retTo, l.branch, l.redirects = f, 0, nil, "", 0, redirectDecorated(l, n)
	if l.Lang.Params != nil {
		f.Params = l.Lang.Params(l, n)
	}
	body := n.ChildByFieldName(g.FuncBody)
	if body != nil {
		if body.Type() == "statement_block" || body.Type() == "block" {
			l.stmts(body)
		} else {
			// An expression body is its return value.
			l.emit(Op{Kind: Return, Line: syntax.Line(body), Src: l.expr(body)})
			if g.Functions[body.Type()] {
				l.returnsFunc(f, body)
			}
		}
	}
	l.cur, l.inline, l.rets, l.retTo, l.branch, l.redirects = saved, savedInline, savedRets, savedRet, savedBranch, savedRedirects
	return f
}

func (l *Lowerer) returnsFunc(f *Func, fn *syntax.Node) {
	l.pending = append(l.pending, pendingReturn{f, fn.StartByte()})
}

type pendingReturn struct {
	f     *Func
	start uint32
}

// Resolve the factories once every function is lowered.
func (l *Lowerer) finishReturns() {
	for _, p := range l.pending {
		if g := l.ByNode[p.start]; g != nil {
			l.Returned[p.f] = g
		}
	}
	for _, at := range l.callbacks {
		if f := l.ByNode[at]; f != nil {
			f.Callback = true
		}
	}
}

func (l *Lowerer) emit(op Op) int {
	if len(l.cur.Ops) >= MaxOps {
		return -1
	}
	l.cur.Ops = append(l.cur.Ops, op)
	return len(l.cur.Ops)
}

// stmts lowers a block's statements in order.
func (l *Lowerer) stmts(n *syntax.Node) {
	for _, c := range syntax.NamedChildren(n) {
		l.stmt(c)
	}
}

func (l *Lowerer) stmt(n *syntax.Node) {
	if l.budget <= 0 {
		return
	}
	l.budget--
	g := l.Lang.Grammar
	t := n.Type()
	switch {
	case g.Functions[t]:
		// A nested function declaration is a function of its own; its
		// body also runs here (it may), with the locals it captures.
		if l.cur != nil && l.cur.Name != "<module>" {
			name := ""
			if nm := n.ChildByFieldName(g.FuncName); nm != nil {
				name = l.Text(nm)
			}
			l.closure(n, name)
		}
		return
	case t == g.Return:
		var e Expr
		if n.NamedChildCount() > 0 {
			v := n.NamedChild(0)
			e = l.expr(v)
			if g.Functions[v.Type()] {
				l.returnsFunc(l.cur, v)
			}
		}
		if l.inline == 0 {
			if l.redirects && !e.Empty() {
				l.emit(Op{Kind: Call, Line: syntax.Line(n), Callee: Callee{Name: "Redirect"}, Args: []Expr{returnedURL(l, n.NamedChild(0), e)},
					Note: clip(l.Text(n)), Sinks: []SinkUse{{Sink: SinkRedirect, Args: []int{0}}}})
			}
			l.emit(Op{Kind: Return, Line: syntax.Line(n), Src: e})
			if n.NamedChildCount() > 0 && l.Lang.Check != nil {
				// return !rel.startsWith('..'): the function is a test
				// of its parameter, which a caller's condition may rely on.
				holds, _ := l.Lang.Check(l, n.NamedChild(0))
				for _, op := range holds {
					op.Kind = Tests
					l.emit(op)
				}
			}
		} else {
			l.gatherReturn(e, syntax.Line(n))
		}
		return
	case t == g.Declarator:
		name := n.ChildByFieldName(g.DeclName)
		val := n.ChildByFieldName(g.DeclValue)
		if name == nil || val == nil {
			return
		}
		if g.Functions[val.Type()] {
			// const run = () => exec(cmd): a closure over cmd.
			if l.cur != nil && l.cur.Name != "<module>" {
				name2 := ""
				if isIdent(g, name.Type()) {
					name2 = l.Text(name)
				}
				l.closure(val, name2)
			}
			return
		}
		l.bind(name, l.expr(val), syntax.Line(n))
		return
	case t == "switch_statement" && l.literalSwitch(n):
		l.switchOfLiterals(n)
		return
	case t == g.If:
		cond := n.ChildByFieldName(g.IfCond)
		var holds []Op
		if cond != nil {
			l.expr(cond)
			if l.Lang.Check != nil {
				var fails []Op
				holds, fails = l.Lang.Check(l, cond)
				// A failed test's branch is taken as the rejection: the
				// value is checked in the rest and after.
				for _, op := range fails {
					l.emit(op)
				}
			}
		}
		// A branch may not run: a local it assigns keeps the value it had
		// too (if (!to) to = '/' leaves the request's to possible).
		l.branch++
		alt := n.ChildByFieldName("alternative")
		for _, op := range holds {
			l.emit(op)
		}
		for _, c := range syntax.NamedChildren(n) {
			if c != cond && c != alt {
				l.stmt(c)
			}
		}
		// A test that holds checks the value in its own branch only: the
		// else branch, and the code after, see it as it came, unless the
		// else branch leaves (if (x === 'a') {...} else return).
		for _, op := range holds {
			op.Kind = Unclear
			l.emit(op)
		}
		if alt != nil {
			l.stmt(alt)
			if l.exits(alt) {
				for _, op := range holds {
					l.emit(op)
				}
			}
		}
		l.branch--
		return
	case t == "expression_statement":
		for _, c := range syntax.NamedChildren(n) {
			l.expr(c)
		}
		return
	case t == "for_in_statement":
		// for (const entry of entries), for (key in body): the loop
		// variable is an element (or key) of what is iterated.
		if left, right := n.ChildByFieldName("left"), n.ChildByFieldName("right"); left != nil && right != nil {
			l.bind(left, element(l.expr(right)), syntax.Line(n))
		}
		if body := n.ChildByFieldName("body"); body != nil {
			l.stmt(body)
		}
		return
	}
	if isExpr(t) {
		l.expr(n)
		return
	}
	for _, c := range syntax.NamedChildren(n) {
		l.stmt(c)
	}
}

// exits reports whether a branch ends by leaving the function: its last
// statement returns or throws.
func (l *Lowerer) exits(n *syntax.Node) bool {
	for n != nil && n.NamedChildCount() > 0 && !contains(l.Lang.Grammar.Exits, n.Type()) {
		n = n.NamedChild(int(n.NamedChildCount()) - 1)
	}
	return n != nil && contains(l.Lang.Grammar.Exits, n.Type())
}

func isExpr(t string) bool {
	return strings.HasSuffix(t, "_expression") || t == "call" || t == "assignment" || t == "augmented_assignment"
}

// bind assigns a value to a name or a destructuring pattern.
func (l *Lowerer) bind(target *syntax.Node, v Expr, line int) {
	g := l.Lang.Grammar
	switch target.Type() {
	case g.ObjectPattern, g.ArrayPattern, "pattern_list", "tuple_pattern":
		if l.Lang.Pattern != nil {
			l.Lang.Pattern(l, target, v, line)
		}
		return
	}
	if isIdent(g, target.Type()) {
		if l.branch > 0 {
			v.Refs = append(v.Refs[:len(v.Refs):len(v.Refs)], Ref{Var: l.Text(target), Line: line})
		}
		l.emit(Op{Kind: Assign, Line: line, Dst: l.Text(target), Src: v, Note: noteAssign(l.Text(target), v)})
		return
	}
	// A member or index assigned: the object now holds the value.
	base, path := l.access(target)
	if base == "" {
		return
	}
	var sinks []SinkUse
	if l.Lang.MemberSink != nil {
		if s := l.Lang.MemberSink(l, target); s != nil {
			sinks = []SinkUse{{Sink: s, Args: []int{0}}}
		}
	}
	_ = path
	l.emit(Op{Kind: Mutate, Line: line, Dst: base, Src: v, Sinks: sinks, Note: clip(l.Text(target)) + " set"})
}

func noteAssign(name string, v Expr) string {
	if len(v.Refs) == 0 {
		return ""
	}
	return ""
}

func isIdent(g *Grammar, t string) bool {
	for _, x := range g.Ident {
		if x == t {
			return true
		}
	}
	return false
}

// access splits a member chain into its base name and path:
// req.query.to is req, ".query.to".
func (l *Lowerer) access(n *syntax.Node) (string, string) {
	g := l.Lang.Grammar
	var parts []string
	for range 12 {
		switch n.Type() {
		case g.Member:
			parts = append(parts, "."+l.Text(n.ChildByFieldName(g.MemberProp)))
			n = n.ChildByFieldName(g.MemberObj)
			continue
		case g.Index:
			key := n.ChildByFieldName(g.IndexKey)
			if s, ok := l.T.StringValue(key); ok {
				parts = append(parts, "."+s)
			} else {
				parts = append(parts, "[]")
			}
			n = n.ChildByFieldName(g.IndexObj)
			continue
		}
		break
	}
	if n == nil || !isIdent(g, n.Type()) {
		return "", ""
	}
	var b strings.Builder
	for i := len(parts) - 1; i >= 0; i-- {
		b.WriteString(parts[i])
	}
	return l.Text(n), b.String()
}

// Expr lowers an expression (emitting the calls in it) to what it reads.
func (l *Lowerer) Expr(n *syntax.Node) Expr { return l.expr(n) }

func (l *Lowerer) expr(n *syntax.Node) Expr {
	if n == nil || l.budget <= 0 {
		return Expr{}
	}
	l.budget--
	g := l.Lang.Grammar
	t := n.Type()
	line := syntax.Line(n)
	switch {
	case isIdent(g, t):
		return Expr{Refs: []Ref{{Var: l.Text(n), Line: line}}}
	case t == g.Member || t == g.Index:
		if base, path := l.access(n); base != "" {
			if base == "process" && strings.HasPrefix(path, ".argv") {
				return Expr{Refs: []Ref{{Source: SourceCLI, Line: line, Note: clip(l.Text(n)) + " read"}}}
			}
			return Expr{Refs: []Ref{{Var: base, Path: path, Line: line, Note: clip(l.Text(n)) + " read"}}}
		}
		// The base is a call or another expression: read through it.
		obj := n.ChildByFieldName(g.MemberObj)
		part := ""
		if t == g.Member {
			part = "." + l.Text(n.ChildByFieldName(g.MemberProp))
		} else {
			obj = n.ChildByFieldName(g.IndexObj)
			l.expr(n.ChildByFieldName(g.IndexKey))
			part = "[]"
			if s, ok := l.T.StringValue(n.ChildByFieldName(g.IndexKey)); ok {
				part = "." + s
			}
		}
		e := l.expr(obj)
		for i := range e.Refs {
			e.Refs[i].Path = JoinPath(e.Refs[i].Path, part)
		}
		e.Fields, e.Spread, e.Built = false, false, false
		return e
	case contains(g.Call, t):
		return l.call(n)
	case contains(g.Strings, t):
		s, _ := l.T.StringValue(n)
		return Expr{Text: clipText(s), Lead: s}
	case t == g.Template:
		e := Expr{Built: true}
		lead := true
		for _, c := range syntax.Children(n) {
			if c.Type() == g.Subst {
				for _, sc := range syntax.NamedChildren(c) {
					x := l.expr(sc)
					e.Refs = append(e.Refs, x.Refs...)
				}
				lead = false
				continue
			}
			txt := l.Text(c)
			if c.Type() == "`" || c.Type() == "\"" || c.Type() == "'" {
				continue
			}
			e.Text = clipText(e.Text + txt)
			if lead {
				e.Lead += txt
			}
		}
		if g.Template == "template_string" {
			// The raw text between substitutions, without the backticks.
			e.Text = clipText(strings.Trim(e.Text, "`"))
		}
		return e
	case t == g.Binary:
		op := l.Text(n.ChildByFieldName(g.BinOp))
		left, right := l.expr(n.ChildByFieldName("left")), l.expr(n.ChildByFieldName("right"))
		switch {
		case contains(g.Concat, op):
			e := Expr{Refs: append(left.Refs, right.Refs...), Built: true, Text: clipText(left.Text + right.Text)}
			e.Lead = left.Lead
			if len(left.Refs) == 0 {
				e.Lead = left.Text + right.Lead
			}
			return e
		case op == "||" || op == "??" || op == "or":
			return Expr{Refs: append(left.Refs, right.Refs...), Text: left.Text + right.Text}
		}
		// Comparisons and arithmetic make booleans and numbers.
		return Expr{}
	case t == g.Ternary:
		var e Expr
		for i, c := range syntax.NamedChildren(n) {
			x := l.expr(c)
			if i > 0 {
				e.Refs = append(e.Refs, x.Refs...)
				e.Text += x.Text
				e.Built = e.Built || x.Built
			}
		}
		return e
	case t == g.Object:
		e := Expr{Fields: true}
		for _, c := range syntax.NamedChildren(n) {
			switch c.Type() {
			case g.Pair:
				key := l.Text(c.ChildByFieldName("key"))
				x := l.expr(c.ChildByFieldName(g.PairValue))
				e.Refs = append(e.Refs, keyed(x.Refs, strings.Trim(key, `"'`))...)
				if strings.Trim(key, `"'`) == "$where" && len(x.Refs) > 0 {
					e.Built = true
					e.Text = clipText(e.Text + "$where")
				}
			case g.Spread:
				x := l.expr(c.NamedChild(0))
				e.Refs = append(e.Refs, x.Refs...)
				e.Spread = true
			case "shorthand_property_identifier":
				e.Refs = append(e.Refs, Ref{Var: l.Text(c), Line: syntax.Line(c), Key: l.Text(c)})
			default:
				e.Refs = append(e.Refs, l.expr(c).Refs...)
			}
		}
		return e
	case contains(g.Array, t):
		// An array of URLs each led by a fixed host ([`https://a/${x}`,
		// `https://b/${y}`]) keeps that shape for the elements taken
		// from it.
		e := Expr{Fields: true}
		fixed := true
		for _, c := range syntax.NamedChildren(n) {
			x := l.expr(c)
			if len(x.Refs) > 0 && !(x.Built && (x.Chosen || fixedHost.MatchString(x.Lead))) {
				fixed = false
			}
			e.Refs = append(e.Refs, x.Refs...)
		}
		e.Chosen = fixed && len(e.Refs) > 0
		return e
	case contains(g.Await, t):
		if n.NamedChildCount() == 0 {
			return Expr{}
		}
		return l.expr(n.NamedChild(0))
	case g.Functions[t]:
		// A callback written in place runs here, with the enclosing
		// function's locals (db.query(sql, (err, rows) => res.send(...))).
		l.closure(n, "")
		return Expr{}
	case contains(g.Assign, t):
		left, right := n.ChildByFieldName(g.AssignLeft), n.ChildByFieldName(g.AssignRight)
		if left == nil || right == nil {
			return Expr{}
		}
		v := l.expr(right)
		if !g.Functions[right.Type()] {
			l.bind(left, v, line)
		}
		return v
	case t == g.AugAssign:
		left, right := n.ChildByFieldName(g.AssignLeft), n.ChildByFieldName(g.AssignRight)
		if left == nil || right == nil {
			return Expr{}
		}
		old := l.expr(left)
		v := l.expr(right)
		e := Expr{Refs: append(old.Refs, v.Refs...), Built: true, Text: clipText(old.Text + v.Text), Lead: old.Lead}
		l.bind(left, e, line)
		return e
	}
	// Anything else passes on what its parts read.
	var e Expr
	for _, c := range syntax.NamedChildren(n) {
		x := l.expr(c)
		e.Refs = append(e.Refs, x.Refs...)
		e.Text = clipText(e.Text + x.Text)
		e.Built = e.Built || x.Built
	}
	return e
}

// call lowers a call or new expression to a Call op.
func (l *Lowerer) call(n *syntax.Node) Expr {
	g := l.Lang.Grammar
	fn := n.ChildByFieldName(g.CallFunc)
	if fn == nil {
		fn = n.ChildByFieldName(g.NewFunc)
	}
	op := Op{Kind: Call, Line: syntax.Line(n)}
	if fn != nil {
		switch fn.Type() {
		case g.Member:
			obj := fn.ChildByFieldName(g.MemberObj)
			op.Callee.Name = l.Text(fn.ChildByFieldName(g.MemberProp))
			op.Callee.Recv = clip(l.Text(obj))
			recv := l.expr(obj)
			op.Callee.RecvExpr = &recv
		default:
			if isIdent(g, fn.Type()) {
				op.Callee.Name = l.Text(fn)
			} else {
				// (a || b)(x), f()(x): read the callee too.
				x := l.expr(fn)
				op.Callee.RecvExpr = &x
				op.Callee.Name = "()"
			}
		}
	}
	if args := n.ChildByFieldName(g.CallArgs); args != nil {
		if iterates[op.Callee.Name] && op.Callee.RecvExpr != nil {
			// entries.forEach((entry) => ...): the callback's first
			// parameter is an element of the receiver.
			if cb := args.NamedChild(0); cb != nil && g.Functions[cb.Type()] {
				l.elem = element(*op.Callee.RecvExpr)
				l.elemOf = cb
			}
		}
		if args.Type() == g.Template {
			// A tagged template (sql`... ${x}`) binds its values.
			op.Args = []Expr{{}}
			op.Clears = []string{SQLInjection}
			l.expr(args)
		} else {
			for _, a := range syntax.NamedChildren(args) {
				if a.Type() == "comment" {
					continue
				}
				if g.Functions[a.Type()] {
					l.callbacks = append(l.callbacks, a.StartByte())
				}
				op.Args = append(op.Args, l.expr(a))
			}
		}
	}
	op.Note = clip(l.Text(n))
	if l.Lang.Call != nil {
		l.Lang.Call(l, n, &op)
	}
	i := l.emit(op)
	if i < 0 || len(op.Sinks) > 0 {
		// What a sink returns (a query's rows, a fetched page) is not
		// what the request sent.
		return Expr{}
	}
	e := Expr{Refs: []Ref{{Call: i, Line: op.Line}}}
	if op.Callee.Recv == "" && l.rets[op.Callee.Name] {
		e.Refs = append(e.Refs, Ref{Var: retVar(op.Callee.Name), Line: op.Line})
	}
	return e
}

// closure lowers a function written inside another where it is
// written: a callback (db.query(sql, (err, rows) => res.send(rows))) or a
// closure the function defines and calls runs with the enclosing
// function's locals. Its parameters are its own: one that shadows a
// local hides it inside the body only.
//
// A closure bound to a name (const criteria = () => ({ $where: ... }))
// gathers what it returns in a local, and a call of it by that name is
// that value: what it captured reaches what its caller does with it.
func (l *Lowerer) closure(fn *syntax.Node, name string) {
	g := l.Lang.Grammar
	body := fn.ChildByFieldName(g.FuncBody)
	if body == nil || l.inline >= 3 {
		return
	}
	savedRet := l.retTo
	l.retTo = ""
	if name != "" {
		l.retTo = retVar(name)
		if l.rets == nil {
			l.rets = map[string]bool{}
		}
		l.rets[name] = true
	}
	defer func() { l.retTo = savedRet }()
	line := syntax.Line(fn)
	var shadowed []string
	for _, p := range l.paramNames(fn) {
		shadowed = append(shadowed, p)
		l.emit(Op{Kind: Assign, Line: line, Dst: "\x00" + p, Src: Expr{Refs: []Ref{{Var: p, Line: line}}}})
		l.emit(Op{Kind: Assign, Line: line, Dst: p})
	}
	if l.elemOf == fn {
		if p := firstParam(g, fn); p != nil {
			l.bind(p, l.elem, line)
		}
		l.elemOf = nil
	}
	l.inline++
	if body.Type() == "statement_block" || body.Type() == "block" {
		l.stmts(body)
	} else {
		l.gatherReturn(l.expr(body), line)
	}
	l.inline--
	for _, p := range shadowed {
		l.emit(Op{Kind: Assign, Line: line, Dst: p, Src: Expr{Refs: []Ref{{Var: "\x00" + p, Line: line}}}})
	}
}

// retVar is the local a named closure's returns are gathered in.
func retVar(name string) string { return "\x00ret:" + name }

// gatherReturn adds what an inlined closure returns to its local, if it
// is a named one: every return's value, not only the last.
func (l *Lowerer) gatherReturn(e Expr, line int) {
	if l.retTo == "" || len(e.Refs) == 0 {
		return
	}
	e.Refs = append(e.Refs, Ref{Var: l.retTo, Line: line})
	l.emit(Op{Kind: Assign, Line: line, Dst: l.retTo, Src: e})
}

// paramNames are the names a function's parameters bind.
func (l *Lowerer) paramNames(fn *syntax.Node) []string {
	g := l.Lang.Grammar
	var out []string
	add := func(n *syntax.Node) {
		syntax.Walk(n, func(c *syntax.Node) bool {
			switch {
			case isIdent(g, c.Type()) && c.Type() != "this":
				out = append(out, l.Text(c))
			case c.Type() == "pair":
				// { key: name }: the value is bound, not the key.
				if v := c.ChildByFieldName("value"); v != nil {
					syntax.Walk(v, func(d *syntax.Node) bool {
						if isIdent(g, d.Type()) {
							out = append(out, l.Text(d))
						}
						return true
					})
				}
				return false
			case strings.Contains(c.Type(), "type_annotation"), c.Type() == "assignment_pattern" && c.ChildByFieldName("right") != nil:
				if c.Type() == "assignment_pattern" {
					if left := c.ChildByFieldName("left"); left != nil && isIdent(g, left.Type()) {
						out = append(out, l.Text(left))
					}
				}
				return false
			}
			return true
		})
	}
	if p := fn.ChildByFieldName(g.FuncParam); p != nil {
		add(p)
	}
	if ps := fn.ChildByFieldName(g.FuncParams); ps != nil {
		add(ps)
	}
	return out
}

// iterates are the array methods whose callback is given each element.
var iterates = map[string]bool{"forEach": true, "map": true, "filter": true, "some": true, "every": true, "find": true,
	"flatMap": true, "findIndex": true}

// element is one element of what e holds.
func element(e Expr) Expr {
	out := Expr{}
	for _, r := range e.Refs {
		r.Path = JoinPath(r.Path, "[]")
		out.Refs = append(out.Refs, r)
	}
	return out
}

// firstParam is a function's first parameter (its name or pattern).
func firstParam(g *Grammar, fn *syntax.Node) *syntax.Node {
	if p := fn.ChildByFieldName(g.FuncParam); p != nil {
		return p
	}
	ps := fn.ChildByFieldName(g.FuncParams)
	if ps == nil {
		return nil
	}
	for _, c := range syntax.NamedChildren(ps) {
		if c.Type() == "comment" {
			continue
		}
		if p := c.ChildByFieldName("pattern"); p != nil {
			return p
		}
		return c
	}
	return nil
}

// keyed is refs given as the value of one key of an object literal.
func keyed(refs []Ref, key string) []Ref {
	for i := range refs {
		refs[i].Key = key
	}
	return refs
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

// clip keeps a note one line and short.
func clip(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] + " …"
	}
	if len(s) > 80 {
		s = s[:77] + "…"
	}
	return s
}

// literalSwitch reports whether a switch compares its value with literals
// only (case 'bills':) and its default leaves (return, throw): past it,
// the value is one of the literals.
func (l *Lowerer) literalSwitch(n *syntax.Node) bool {
	body := n.ChildByFieldName("body")
	if body == nil || n.ChildByFieldName("value") == nil {
		return false
	}
	cases, leaves := 0, false
	for _, c := range syntax.NamedChildren(body) {
		switch c.Type() {
		case "switch_case":
			v := c.ChildByFieldName("value")
			if v == nil || (v.Type() != "string" && v.Type() != "number") {
				return false
			}
			cases++
		case "switch_default":
			leaves = l.exits(c)
		}
	}
	return cases > 0 && leaves
}

// switchOfLiterals lowers a literal switch: in each case's statements the
// value is that literal; in the default's it is as it came; after the
// switch (the default left) it is one of the literals.
func (l *Lowerer) switchOfLiterals(n *syntax.Node) {
	val := n.ChildByFieldName("value")
	l.expr(val)
	target := val
	for target != nil && target.Type() == "parenthesized_expression" && target.NamedChildCount() > 0 {
		target = target.NamedChild(0)
	}
	base, path := l.access(target)
	if base == "" && target != nil && target.Type() == "identifier" {
		base = l.Text(target)
	}
	op := Op{Kind: Clear, Line: syntax.Line(n), Dst: base + path, Clears: []string{CleanAll}}
	l.branch++
	for _, c := range syntax.NamedChildren(n.ChildByFieldName("body")) {
		clear := c.Type() == "switch_case"
		if base != "" {
			if !clear {
				op.Kind = Unclear
			}
			l.emit(op)
			op.Kind = Clear
		}
		for _, s := range syntax.NamedChildren(c) {
			if s != c.ChildByFieldName("value") {
				l.stmt(s)
			}
		}
	}
	l.branch--
	if base != "" {
		l.emit(op)
	}
}

// redirectDecorated reports a class method decorated @Redirect() (NestJS):
// the url of what it returns is where the response sends the browser.
// A method's decorators are the class body's children just before it.
func redirectDecorated(l *Lowerer, n *syntax.Node) bool {
	p := n.Parent()
	if p == nil || n.Type() != "method_definition" {
		return false
	}
	redirect := false
	for _, c := range syntax.NamedChildren(p) {
		switch {
		case c.StartByte() == n.StartByte():
			return redirect
		case c.Type() == "decorator":
			redirect = redirect || strings.HasPrefix(l.Text(c), "@Redirect(")
		case c.Type() != "comment":
			redirect = false
		}
	}
	return false
}

// returnedURL is the url a returned redirect target holds: the url field
// of an object literal ({ url }), or the url read from a value returned
// whole.
func returnedURL(l *Lowerer, ret *syntax.Node, e Expr) Expr {
	if !e.Fields {
		out := e
		out.Refs = make([]Ref, len(e.Refs))
		for i, r := range e.Refs {
			r.Path = JoinPath(r.Path, ".url")
			out.Refs[i] = r
		}
		return out
	}
	out := Expr{}
	if ret.Type() == l.Lang.Grammar.Object {
		// { url: '/profile/' + id } leads with a local path: the lead
		// of the url's own text, which the literal's value does not keep.
		for _, c := range syntax.NamedChildren(ret) {
			if c.Type() == l.Lang.Grammar.Pair && strings.Trim(l.Text(c.ChildByFieldName("key")), `"'`) == "url" {
				out.Lead, out.Built = textLead(l, c.ChildByFieldName(l.Lang.Grammar.PairValue))
			}
		}
	}
	for _, r := range e.Refs {
		if r.Key == "url" {
			r.Key = ""
			out.Refs = append(out.Refs, r)
		}
	}
	return out
}

// textLead is the literal text a string expression begins with, without
// lowering it again: 'https://a/' + x and `/p/${x}` lead with their
// first literal part.
func textLead(l *Lowerer, n *syntax.Node) (string, bool) {
	for n != nil {
		switch n.Type() {
		case "binary_expression":
			n = n.ChildByFieldName("left")
			continue
		case "template_string":
			txt := strings.TrimPrefix(l.Text(n), "`")
			lead, _, _ := strings.Cut(txt, "${")
			return lead, true
		case "string":
			return strings.Trim(l.Text(n), `"'`), true
		}
		return "", false
	}
	return "", false
}
