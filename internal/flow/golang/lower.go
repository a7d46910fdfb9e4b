package golang

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"

	"github.com/threatmap/threatmap/internal/flow"
)

// typeRef is a type expression and the file whose imports name it.
type typeRef struct {
	f    *file
	expr ast.Expr
}

// lowerer turns one Go function (with the func literals inside it: they
// share its variables) into the core's operations. It knows what the
// code says of each variable's type, which is what tells a request from
// any other value, a database from any other receiver.
type lowerer struct {
	a     *analyzer
	f     *file
	fn    *flow.Func
	calls map[int][]*fn // op index -> functions of the repository it may call
	types map[string]typeRef
	reqs  map[string]reqKind
	tmpl  map[string]string // variable -> the template package that made it
	html  map[string]bool   // writers whose content type was set to HTML
	typed map[string]bool   // writers whose content type was set at all
	full  bool              // flow.MaxOps reached
	cond  int               // inside a branch or a loop body
	stmts map[string]bool   // prepared statements: their Query and Exec take values, not SQL
	rows  map[string]bool   // a query's rows (rows, _ := db.Query(q)): their Scan reads stored records
	// libs are variables a library's function made (u, _ := url.Parse(s)):
	// their type is the library's, so a method called on them is never
	// one of the repository's that shares its name.
	libs map[string]bool
}

func (a *analyzer) newLowerer(f *file) *lowerer {
	return &lowerer{a: a, f: f, calls: map[int][]*fn{}, types: map[string]typeRef{}, reqs: map[string]reqKind{},
		tmpl: map[string]string{}, html: map[string]bool{}, typed: map[string]bool{}, stmts: map[string]bool{}, rows: map[string]bool{}, libs: map[string]bool{}}
}

// lower makes the core's Func of a declaration or a func literal.
func (a *analyzer) lower(f *file, node ast.Node) *flow.Func {
	if fn, ok := a.funcs[node]; ok {
		return fn
	}
	l := a.newLowerer(f)
	var ft *ast.FuncType
	var body *ast.BlockStmt
	name := "func"
	switch n := node.(type) {
	case *ast.FuncDecl:
		ft, body, name = n.Type, n.Body, n.Name.Name
		l.receiver(n)
	case *ast.FuncLit:
		ft, body = n.Type, n.Body
	}
	line := f.line(node.Pos())
	l.fn = &flow.Func{ID: f.path + "#" + name + "@" + strconv.Itoa(line), File: f.path, Name: name, Line: line, EndLine: f.line(node.End())}
	a.funcs[node] = l.fn
	a.calls[l.fn] = l.calls
	for i, n := range paramNames(ft) {
		// A number or a flag is no text: whatever the caller passes,
		// it writes no SQL, command or markup where it is formatted.
		if n != "" && n != "_" && !scalarParam(ft, n) {
			l.fn.Params = append(l.fn.Params, flow.Param{Name: n, Index: i})
		}
	}
	l.params(ft)
	if body != nil {
		l.block(body.List)
	}
	l.fn.Compact()
	a.fresh = append(a.fresh, lowered{l.fn, node})
	return l.fn
}

// scalarParam says the parameter named n is declared a number or a
// boolean, or a slice or array of them (ids []int64): the placeholders
// and arguments a query builds from such a list carry no text.
func scalarParam(ft *ast.FuncType, n string) bool {
	for _, fl := range ft.Params.List {
		for _, nm := range fl.Names {
			if nm.Name == n {
				t := fl.Type
				if at, ok := t.(*ast.ArrayType); ok {
					t = at.Elt
				}
				id, ok := t.(*ast.Ident)
				return ok && scalarTypes[id.Name]
			}
		}
	}
	return false
}

var scalarTypes = map[string]bool{
	"int": true, "int8": true, "int16": true, "int32": true, "int64": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true,
	"float32": true, "float64": true, "bool": true,
}

// paramNames lists a function's parameters in order, "" for unnamed ones.
func paramNames(ft *ast.FuncType) []string {
	var out []string
	if ft == nil || ft.Params == nil {
		return nil
	}
	for _, fl := range ft.Params.List {
		if len(fl.Names) == 0 {
			out = append(out, "")
		}
		for _, n := range fl.Names {
			out = append(out, n.Name)
		}
	}
	return out
}

// receiver registers a method's receiver with its type.
func (l *lowerer) receiver(d *ast.FuncDecl) {
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return
	}
	r := d.Recv.List[0]
	for _, n := range r.Names {
		l.types[n.Name] = typeRef{l.f, r.Type}
	}
}

// params registers parameters: a request, a response writer or a
// framework context by its type; other types for method calls.
func (l *lowerer) params(ft *ast.FuncType) {
	if ft == nil || ft.Params == nil {
		return
	}
	for _, fl := range ft.Params.List {
		k := l.reqKindOf(fl.Type)
		for _, n := range fl.Names {
			delete(l.html, n.Name) // a closure's own writer, not the enclosing one's
			delete(l.reqs, n.Name)
			if k != reqNone {
				l.reqs[n.Name] = k
			}
			l.types[n.Name] = typeRef{l.f, fl.Type}
		}
	}
}

func (l *lowerer) reqKindOf(t ast.Expr) reqKind {
	sel, ok := deref(t).(*ast.SelectorExpr)
	if !ok {
		return reqNone
	}
	x, ok := sel.X.(*ast.Ident)
	if !ok {
		return reqNone
	}
	ip := l.f.imports[x.Name]
	for _, rt := range reqTypes {
		if rt.name == sel.Sel.Name && (ip == rt.importPrefix || strings.HasPrefix(ip, rt.importPrefix+"/")) {
			return rt.kind
		}
	}
	return reqNone
}

// op appends an operation and returns a reference to its result.
func (l *lowerer) op(o flow.Op) flow.Expr {
	if len(l.fn.Ops) >= flow.MaxOps {
		l.full = true
		return flow.Expr{}
	}
	l.fn.Ops = append(l.fn.Ops, o)
	return flow.Expr{Refs: []flow.Ref{{Call: len(l.fn.Ops)}}}
}

func (l *lowerer) line(n ast.Node) int { return l.f.line(n.Pos()) }

// text is the source of a node on one line, cut short, for a step.
func (l *lowerer) text(n ast.Node) string {
	src := l.f.src
	s, e := l.f.fset.Position(n.Pos()).Offset, l.f.fset.Position(n.End()).Offset
	if s < 0 || e > len(src) || s > e {
		return ""
	}
	t := strings.Join(strings.Fields(string(src[s:e])), " ")
	if len(t) > 80 {
		t = t[:77] + "..."
	}
	return t
}

func (l *lowerer) block(list []ast.Stmt) {
	for _, s := range list {
		if l.full {
			return
		}
		l.stmt(s)
	}
}

func (l *lowerer) stmt(s ast.Stmt) {
	switch s := s.(type) {
	case *ast.AssignStmt:
		l.assign(s.Lhs, s.Rhs, s.Tok, s)
	case *ast.DeclStmt:
		gd, ok := s.Decl.(*ast.GenDecl)
		if !ok {
			return
		}
		for _, sp := range gd.Specs {
			vs, ok := sp.(*ast.ValueSpec)
			if !ok {
				continue
			}
			lhs := make([]ast.Expr, len(vs.Names))
			for i, n := range vs.Names {
				lhs[i] = n
				if vs.Type != nil {
					l.types[n.Name] = typeRef{l.f, vs.Type}
				}
			}
			if len(vs.Values) > 0 {
				l.assign(lhs, vs.Values, token.DEFINE, s)
			}
		}
	case *ast.ExprStmt:
		l.expr(s.X)
	case *ast.IfStmt:
		if s.Init != nil {
			l.stmt(s.Init)
		}
		l.expr(s.Cond)
		if rejects(s.Body) {
			l.checks(s.Cond, "")
		} else if negative(s.Cond) {
			// if !strings.HasPrefix(next, "/") { next = "/" }: the
			// value tested is replaced when it fails (when it passes,
			// as in if v == "x" { v = "y" }, it is no check).
			for _, name := range replaced(s.Body) {
				l.checks(s.Cond, name)
			}
		}
		l.cond++
		l.block(s.Body.List)
		if s.Else != nil {
			l.stmt(s.Else)
		}
		l.cond--
	case *ast.BlockStmt:
		l.block(s.List)
	case *ast.ForStmt:
		if s.Init != nil {
			l.stmt(s.Init)
		}
		if s.Cond != nil {
			l.expr(s.Cond)
		}
		l.cond++
		l.block(s.Body.List)
		l.cond--
		if s.Post != nil {
			l.stmt(s.Post)
		}
	case *ast.RangeStmt:
		x := l.expr(s.X)
		elem := withPath(x, "[]")
		for _, e := range []ast.Expr{s.Key, s.Value} {
			if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
				l.op(flow.Op{Kind: flow.Assign, Line: l.line(s), Dst: id.Name, Src: elem})
			}
		}
		l.cond++
		l.block(s.Body.List)
		l.cond--
	case *ast.SwitchStmt:
		if s.Init != nil {
			l.stmt(s.Init)
		}
		if s.Tag != nil {
			l.expr(s.Tag)
			// switch v { case "a", "b": }: the cases allow-list v.
			if id := rootIdent(s.Tag); id != nil && literalCases(s.Body) {
				l.clear(id.Name, s)
			}
		}
		for _, c := range s.Body.List {
			cc := c.(*ast.CaseClause)
			for _, e := range cc.List {
				l.expr(e)
			}
			l.cond++
			l.block(cc.Body)
			l.cond--
		}
	case *ast.TypeSwitchStmt:
		if s.Init != nil {
			l.stmt(s.Init)
		}
		l.stmt(s.Assign)
		l.cond++
		for _, c := range s.Body.List {
			l.block(c.(*ast.CaseClause).Body)
		}
		l.cond--
	case *ast.SelectStmt:
		l.cond++
		for _, c := range s.Body.List {
			l.block(c.(*ast.CommClause).Body)
		}
		l.cond--
	case *ast.LabeledStmt:
		l.stmt(s.Stmt)
	case *ast.GoStmt:
		l.expr(s.Call)
	case *ast.DeferStmt:
		l.expr(s.Call)
	case *ast.ReturnStmt:
		var v flow.Expr
		for _, r := range s.Results {
			v = join(v, l.expr(r))
		}
		l.op(flow.Op{Kind: flow.Return, Line: l.line(s), Src: v})
	}
}

func literalCases(body *ast.BlockStmt) bool {
	n := 0
	for _, c := range body.List {
		for _, e := range c.(*ast.CaseClause).List {
			if s, ok := stringLit(e); !ok || s == "" {
				return false
			}
			n++
		}
	}
	return n > 0
}

func (l *lowerer) clear(name string, at ast.Node) {
	l.clearPath(name, "", at)
}

// clearPath clears one part of a local (req.Action), as a read of it
// is keyed: the local, then its path.
func (l *lowerer) clearPath(name, path string, at ast.Node) {
	if name == "_" || l.reqs[name] != reqNone {
		return
	}
	l.op(flow.Op{Kind: flow.Clear, Line: l.line(at), Dst: name + path, Clears: []string{flow.CleanAll}})
}

// fieldPath is the local and the path an expression only reads (x,
// x.F, x[i], *x), spelt as expr spells a read's path; ok is false for
// anything else.
func (l *lowerer) fieldPath(e ast.Expr) (name, path string, ok bool) {
	switch x := unparen(e).(type) {
	case *ast.Ident:
		return x.Name, "", true
	case *ast.StarExpr:
		return l.fieldPath(x.X)
	case *ast.SelectorExpr:
		if _, isPkg := l.importOf(x.X); isPkg {
			return "", "", false
		}
		if name, path, ok := l.fieldPath(x.X); ok {
			return name, flow.JoinPath(path, "."+x.Sel.Name), true
		}
	case *ast.IndexExpr:
		if name, path, ok := l.fieldPath(x.X); ok {
			return name, flow.JoinPath(path, "[]"), true
		}
	}
	return "", "", false
}

// assign lowers an assignment: locals get the value, a field or an
// element set makes its variable hold the value too.
func (l *lowerer) assign(lhs, rhs []ast.Expr, tok token.Token, at ast.Node) {
	var vals []flow.Expr
	switch {
	case len(rhs) == len(lhs):
		for i, r := range rhs {
			vals = append(vals, l.expr(r))
			l.noteType(lhs[i], r)
		}
	case len(rhs) == 1:
		v := l.expr(rhs[0])
		// v, ok := allowed[x]: a lookup in an allow-list.
		if ix, ok := unparen(rhs[0]).(*ast.IndexExpr); ok && len(lhs) == 2 {
			if id := rootIdent(ix.Index); id != nil {
				l.clear(id.Name, at)
			}
			v = flow.Expr{}
		}
		for range lhs {
			vals = append(vals, v)
		}
		if len(lhs) > 0 {
			l.noteType(lhs[0], rhs[0])
		}
	}
	for i, lh := range lhs {
		if i >= len(vals) {
			break
		}
		v := vals[i]
		switch lh := unparen(lh).(type) {
		case *ast.Ident:
			if lh.Name == "_" || lh.Name == "err" && i > 0 {
				continue
			}
			if tok == token.ADD_ASSIGN {
				v = concat(flow.Expr{Refs: []flow.Ref{{Var: lh.Name}}}, v)
			}
			kind := flow.Assign
			if l.cond > 0 && tok != token.DEFINE {
				// Set in one branch only: the value before may still
				// be the one that reaches what follows.
				kind = flow.Mutate
			}
			l.op(flow.Op{Kind: kind, Line: l.line(at), Dst: lh.Name, Src: v})
		default:
			// x.f = v, x[k] = v: x holds v now, beside what it held.
			if id := rootIdent(lh); id != nil && !v.Empty() {
				l.op(flow.Op{Kind: flow.Mutate, Line: l.line(at), Dst: id.Name, Src: v})
			}
		}
	}
}

// noteType remembers what a variable was made as: T{...}, new(T), a
// template, a request.
func (l *lowerer) noteType(lh, r ast.Expr) {
	id, ok := lh.(*ast.Ident)
	if !ok || id.Name == "_" {
		return
	}
	if tp := l.templatePkg(r); tp != "" {
		l.tmpl[id.Name] = tp
	}
	if c, ok := unparen(r).(*ast.CallExpr); ok {
		if sel, ok := c.Fun.(*ast.SelectorExpr); ok && strings.HasPrefix(sel.Sel.Name, "Prepare") {
			l.stmts[id.Name] = true
		}
		if sel, ok := c.Fun.(*ast.SelectorExpr); ok && queryRows[sel.Sel.Name] {
			l.rows[id.Name] = true
		}
	}
	if k := l.reqOf(r); k != reqNone {
		l.reqs[id.Name] = k
	}
	if tr, ok := l.exprType(r); ok {
		l.types[id.Name] = tr
	}
	if l.libs != nil {
		l.libs[id.Name] = l.libraryCall(r)
	}
}

// libraryCall says an expression is a call to a function of a package the
// repository does not hold (url.Parse, time.Now).
func (l *lowerer) libraryCall(e ast.Expr) bool {
	c, ok := unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := unparen(c.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	ip, ok := l.importOf(sel.X)
	return ok && l.a.m.resolveImport(ip) == ""
}

// checks lowers a condition's tests that vet a value into Clear
// operations: an allow-list lookup, a prefix or local-path test, a
// comparison with a fixed value, a function of the repository that
// answers yes or no. It is called for a test whose failing branch
// rejects (returns) or replaces the value (only: that variable), so a
// value tested reaches no sink afterwards: the code decided what to
// accept. A test that only changes what happens next is no check.
func (l *lowerer) checks(cond ast.Expr, only string) {
	clear := func(name string, at ast.Node) {
		if only == "" || name == only {
			l.clear(name, at)
		}
	}
	// A comparison vets the part compared (req.Action), never the rest
	// of the value it is read from (req.To).
	clearPart := func(e ast.Expr, at ast.Node) {
		if name, path, ok := l.fieldPath(e); ok {
			if only == "" || name == only {
				l.clearPath(name, path, at)
			}
		} else if id := rootIdent(e); id != nil {
			clear(id.Name, at)
		}
	}
	ast.Inspect(cond, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IndexExpr:
			if id := rootIdent(n.Index); id != nil {
				if m := rootIdent(n.X); m == nil || m.Name != id.Name {
					clear(id.Name, n)
				}
			}
		case *ast.BinaryExpr:
			if n.Op != token.EQL && n.Op != token.NEQ {
				return true
			}
			for _, side := range [][2]ast.Expr{{n.X, n.Y}, {n.Y, n.X}} {
				if id := rootIdent(side[0]); id != nil && fixedValue(side[1]) {
					if _, isPkg := l.importOf(id); !isPkg {
						clearPart(side[0], n)
					}
				}
			}
		case *ast.CallExpr:
			if !l.vetting(n) {
				return true
			}
			for _, a := range n.Args {
				if id := rootIdent(a); id != nil {
					clear(id.Name, n)
				}
			}
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok {
				if _, isPkg := l.importOf(sel.X); !isPkg {
					if id := rootIdent(sel.X); id != nil {
						clear(id.Name, n)
					}
				}
			}
		}
		return true
	})
}

// rejects says a branch ends the handler's work: it returns, panics,
// exits or leaves the loop.
func rejects(b *ast.BlockStmt) bool {
	if b == nil || len(b.List) == 0 {
		return false
	}
	switch s := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		if c, ok := s.X.(*ast.CallExpr); ok {
			switch fun := c.Fun.(type) {
			case *ast.Ident:
				return fun.Name == "panic"
			case *ast.SelectorExpr:
				return fun.Sel.Name == "Fatal" || fun.Sel.Name == "Fatalf" || fun.Sel.Name == "Exit" || fun.Sel.Name == "Panic"
			}
		}
	}
	return false
}

// negative says a condition holds when a test fails: a negation or !=.
func negative(cond ast.Expr) bool {
	neg := false
	ast.Inspect(cond, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.UnaryExpr:
			neg = neg || n.Op == token.NOT
		case *ast.BinaryExpr:
			neg = neg || n.Op == token.NEQ
		}
		return !neg
	})
	return neg
}

// replaced lists the variables a branch sets to a fixed value.
func replaced(b *ast.BlockStmt) []string {
	var out []string
	for _, st := range b.List {
		as, ok := st.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for i, lh := range as.Lhs {
			id, ok := lh.(*ast.Ident)
			if !ok {
				continue
			}
			switch r := unparen(as.Rhs[i]).(type) {
			case *ast.BasicLit:
				out = append(out, id.Name)
			case *ast.Ident:
				if r.Name != id.Name {
					out = append(out, id.Name)
				}
			}
		}
	}
	return out
}

// fixedValue is a comparand that is a real value: a non-empty literal,
// a constant or a configured value; never "", nil, a bool or a number.
func fixedValue(e ast.Expr) bool {
	switch e := unparen(e).(type) {
	case *ast.BasicLit:
		s, ok := stringLit(e)
		return ok && s != ""
	case *ast.Ident:
		return e.Name != "nil" && e.Name != "true" && e.Name != "false" && e.Name != "err"
	case *ast.SelectorExpr:
		return true
	}
	return false
}

// vetting says a call in a condition tests its argument: a prefix or
// suffix test, a local-path test, membership in a list, a pattern
// match, or a function of the repository returning a bool.
func (l *lowerer) vetting(c *ast.CallExpr) bool {
	switch fun := unparen(c.Fun).(type) {
	case *ast.SelectorExpr:
		if ip, ok := l.importOf(fun.X); ok {
			switch ip + "." + fun.Sel.Name {
			case "strings.HasPrefix", "strings.HasSuffix", "strings.EqualFold", "path/filepath.IsLocal",
				"slices.Contains", "golang.org/x/exp/slices.Contains", "path/filepath.IsAbs", "path.IsAbs":
				return true
			}
			return l.a.m.resolveImport(ip) != "" && l.returnsBool(c)
		}
		switch fun.Sel.Name {
		case "MatchString", "Match", "IsAbs", "Contains", "Has":
			return true
		}
		return l.returnsBool(c)
	case *ast.Ident:
		return l.returnsBool(c)
	}
	return false
}

// returnsBool says a call resolves to a function of the repository whose
// only result is a bool.
func (l *lowerer) returnsBool(c *ast.CallExpr) bool {
	for _, callee := range l.callees(c) {
		r := callee.decl.Type.Results
		if r != nil && len(r.List) == 1 && len(r.List[0].Names) <= 1 {
			if id, ok := r.List[0].Type.(*ast.Ident); ok && id.Name == "bool" {
				return true
			}
		}
	}
	return false
}

// expr lowers an expression to the references it reads, emitting an
// operation for each call in it.
func (l *lowerer) expr(e ast.Expr) flow.Expr {
	switch e := unparen(e).(type) {
	case nil:
		return flow.Expr{}
	case *ast.Ident:
		if l.reqs[e.Name] != reqNone || e.Name == "nil" || e.Name == "true" || e.Name == "false" {
			return flow.Expr{}
		}
		return flow.Expr{Refs: []flow.Ref{{Var: e.Name}}}
	case *ast.BasicLit:
		if s, ok := stringLit(e); ok {
			return flow.Expr{Text: s, Lead: s}
		}
		return flow.Expr{}
	case *ast.BinaryExpr:
		x, y := l.expr(e.X), l.expr(e.Y)
		if e.Op != token.ADD {
			return flow.Expr{}
		}
		return concat(x, y)
	case *ast.CallExpr:
		return l.call(e)
	case *ast.SelectorExpr:
		if k := l.reqOf(e.X); k != reqNone {
			rd, ok := fieldReads[k][e.Sel.Name]
			if !ok || rd.req != reqNone {
				return flow.Expr{}
			}
			return l.read(rd, e, e.Sel.Name)
		}
		if _, isPkg := l.importOf(e.X); isPkg {
			return flow.Expr{}
		}
		return withPath(l.expr(e.X), "."+e.Sel.Name)
	case *ast.IndexExpr:
		l.expr(e.Index)
		return withPath(l.expr(e.X), "[]")
	case *ast.IndexListExpr:
		return l.expr(e.X)
	case *ast.SliceExpr:
		return l.expr(e.X)
	case *ast.StarExpr:
		return l.expr(e.X)
	case *ast.UnaryExpr:
		x := l.expr(e.X)
		if e.Op == token.AND || e.Op == token.ARROW {
			return x
		}
		return flow.Expr{}
	case *ast.TypeAssertExpr:
		return l.expr(e.X)
	case *ast.KeyValueExpr:
		return l.expr(e.Value)
	case *ast.CompositeLit:
		var out flow.Expr
		for _, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				v := l.expr(kv.Value)
				if k, ok := stringLit(kv.Key); ok {
					// {"$where": text}: the key is part of what the
					// filter says.
					out.Text += k + ":"
				}
				out = fields(out, v)
				continue
			}
			out = fields(out, l.expr(el))
		}
		out.Fields = len(out.Refs) > 0
		return out
	case *ast.FuncLit:
		// A closure: its own request parameters are sources, and it
		// sees the enclosing function's variables.
		l.params(e.Type)
		l.block(e.Body.List)
		return flow.Expr{}
	}
	return flow.Expr{}
}

// read is a read of request data: a whole part, or one string of it
// (its path ends in a call, so the core never takes it for a raw JSON
// field or the whole body).
func (l *lowerer) read(rd read, at ast.Node, name string) flow.Expr {
	r := flow.Ref{Source: rd.src, Line: l.line(at), Note: l.text(at) + " read"}
	if rd.shape == shapeStr {
		r.Path = "." + name + "()"
	}
	return flow.Expr{Refs: []flow.Ref{r}}
}

// concat is x + y: text built from both.
func concat(x, y flow.Expr) flow.Expr {
	out := flow.Expr{Refs: append(append([]flow.Ref(nil), x.Refs...), y.Refs...), Text: x.Text + y.Text, Built: true}
	switch {
	case len(x.Refs) > 0:
		out.Lead = x.Lead
	default:
		out.Lead = x.Text + y.Lead
	}
	if out.Empty() {
		out.Built = false
	}
	return out
}

// join is a value made of several (a call's results, a return's values),
// not text built from them.
func join(x, y flow.Expr) flow.Expr {
	out := x
	out.Refs = append(append([]flow.Ref(nil), x.Refs...), y.Refs...)
	out.Text += y.Text
	out.Built = x.Built || y.Built
	return out
}

// fields adds v as a field of a literal being built.
func fields(out, v flow.Expr) flow.Expr {
	out.Refs = append(out.Refs, v.Refs...)
	out.Text += v.Text
	out.Built = out.Built || v.Built
	return out
}

// withPath appends an access to every reference of x: a field, an
// element, a method's result.
func withPath(x flow.Expr, part string) flow.Expr {
	out := flow.Expr{Refs: make([]flow.Ref, len(x.Refs))}
	for i, r := range x.Refs {
		r.Path = flow.JoinPath(r.Path, part)
		out.Refs[i] = r
	}
	return out
}

// stringLit is the value of a string literal expression.
func stringLit(e ast.Expr) (string, bool) {
	if b, ok := unparen(e).(*ast.BasicLit); ok && b.Kind == token.STRING {
		s, err := strconv.Unquote(b.Value)
		return s, err == nil
	}
	return "", false
}

func unparen(e ast.Expr) ast.Expr {
	for {
		p, ok := e.(*ast.ParenExpr)
		if !ok {
			return e
		}
		e = p.X
	}
}

func deref(e ast.Expr) ast.Expr {
	if s, ok := e.(*ast.StarExpr); ok {
		return s.X
	}
	return e
}

// rootIdent is the variable an expression reads: x in x, x.f.g, x[i],
// *x, &x, x.String(), x.Query().Get("k").
func rootIdent(e ast.Expr) *ast.Ident {
	for {
		switch x := unparen(e).(type) {
		case *ast.Ident:
			return x
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.UnaryExpr:
			e = x.X
		case *ast.CallExpr:
			sel, ok := x.Fun.(*ast.SelectorExpr)
			if !ok {
				return nil
			}
			e = sel.X
		default:
			return nil
		}
	}
}
