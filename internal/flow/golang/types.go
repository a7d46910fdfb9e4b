package golang

import (
	"go/ast"
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/flow"
)

// analyzer holds what the lowering of one scan shares: the parsed
// packages, the functions lowered, which functions each call may run,
// and the index of method names. It is the core's Resolver.
type analyzer struct {
	m     *module
	funcs map[ast.Node]*flow.Func
	// calls holds, per lowered function, the functions of the
	// repository each of its call operations may run. The lowerer itself
	// is dropped once a function is lowered: its maps point into the
	// syntax tree.
	calls map[*flow.Func]map[int][]*fn
	// fresh are the functions lowered whose operations are still held
	// (see release); sinkName records callsSinkName of each declaration
	// whose body release dropped.
	fresh    []lowered
	sinkName map[*ast.FuncDecl]bool
	byFn     map[*fn]*flow.Func
	methods  map[string][]string // method name -> folders declaring one, made on first need
}

func newAnalyzer(m *module) *analyzer {
	return &analyzer{m: m, funcs: map[ast.Node]*flow.Func{}, calls: map[*flow.Func]map[int][]*fn{}, sinkName: map[*ast.FuncDecl]bool{}, byFn: map[*fn]*flow.Func{}}
}

// lowered is a function as lowered, with the node it was lowered from.
type lowered struct {
	fn   *flow.Func
	node ast.Node
}

// release frees what the lowered functions no longer need, so that a
// large tree's lowered code and syntax trees are not all held at once:
// the operations of a function whose summary the program keeps (it is
// never run again) unless they hold a sink (buildsAt reads those), and,
// with bodies (once no handler is looked up in the trees any more), the
// bodies of the declarations lowered (a.funcs answers for them).
func (a *analyzer) release(p *flow.Program, bodies bool) {
	kept := a.fresh[:0]
	for _, lf := range a.fresh {
		if fd, ok := lf.node.(*ast.FuncDecl); ok && bodies && fd.Body != nil {
			a.sinkName[fd] = callsSinkName(fd.Body)
			fd.Body = nil
		}
		switch {
		case hasSinkOp(lf.fn):
			if bodies {
				continue // held for good; nothing left to free
			}
		case p.Summarized(lf.fn):
			lf.fn.Ops = nil
			delete(a.calls, lf.fn)
			continue
		}
		kept = append(kept, lf)
	}
	clear(a.fresh[len(kept):])
	a.fresh = kept
}

// callsSink is callsSinkName of a declaration's body, also once release
// dropped it.
func (a *analyzer) callsSink(fd *ast.FuncDecl) bool {
	if named, ok := a.sinkName[fd]; ok {
		return named
	}
	return fd.Body != nil && callsSinkName(fd.Body)
}

func hasSinkOp(fn *flow.Func) bool {
	return slices.ContainsFunc(fn.Ops, func(o flow.Op) bool { return len(o.Sinks) > 0 })
}

// Resolve implements flow.Resolver: the functions of the repository the
// call may run, as the lowering found them, lowered on first need.
func (a *analyzer) Resolve(from *flow.Func, op *flow.Op) []*flow.Func {
	calls, ok := a.calls[from]
	if !ok {
		return nil
	}
	for i := range from.Ops {
		if &from.Ops[i] != op {
			continue
		}
		var out []*flow.Func
		for _, c := range calls[i] {
			out = append(out, a.lower(c.file, c.decl))
		}
		return out
	}
	return nil
}

// importOf is the import path a package name refers to, unless a local
// variable shadows it.
func (l *lowerer) importOf(e ast.Expr) (string, bool) {
	id, ok := unparen(e).(*ast.Ident)
	if !ok {
		return "", false
	}
	if _, local := l.types[id.Name]; local {
		return "", false
	}
	ip, ok := l.f.imports[id.Name]
	return ip, ok
}

// reqOf is the request kind an expression is: a request parameter, gin's
// c.Request, echo's c.Request().
func (l *lowerer) reqOf(e ast.Expr) reqKind {
	switch e := unparen(e).(type) {
	case *ast.Ident:
		return l.reqs[e.Name]
	case *ast.SelectorExpr:
		if k := l.reqOf(e.X); k != reqNone {
			return fieldReads[k][e.Sel.Name].req
		}
	case *ast.CallExpr:
		if sel, ok := e.Fun.(*ast.SelectorExpr); ok {
			if k := l.reqOf(sel.X); k != reqNone {
				return methodReads[k][sel.Sel.Name].req
			}
		}
	}
	return reqNone
}

// exprType is the type of an expression when the code says it: a
// declaration, a composite literal, a struct field, a function's result.
func (l *lowerer) exprType(e ast.Expr) (typeRef, bool) {
	return l.exprTypeDepth(e, 0)
}

func (l *lowerer) exprTypeDepth(e ast.Expr, depth int) (typeRef, bool) {
	if depth > 8 {
		return typeRef{}, false
	}
	switch e := unparen(e).(type) {
	case *ast.CompositeLit:
		if e.Type != nil {
			return typeRef{l.f, e.Type}, true
		}
	case *ast.UnaryExpr:
		return l.exprTypeDepth(e.X, depth+1)
	case *ast.StarExpr:
		return l.exprTypeDepth(e.X, depth+1)
	case *ast.Ident:
		if tr, ok := l.types[e.Name]; ok {
			return tr, true
		}
		if t, ok := l.f.pkg.vars[e.Name]; ok {
			vf := l.f.pkg.varFile[e.Name]
			if isTypeExpr(t) {
				return typeRef{vf, t}, true
			}
			return (&lowerer{a: l.a, f: vf, types: map[string]typeRef{}}).exprTypeDepth(t, depth+1)
		}
	case *ast.SelectorExpr:
		if _, isPkg := l.importOf(e.X); isPkg {
			return typeRef{}, false
		}
		base, ok := l.exprTypeDepth(e.X, depth+1)
		if !ok {
			return typeRef{}, false
		}
		st, sf := l.a.structOf(base)
		if st == nil {
			return typeRef{}, false
		}
		for _, fl := range st.Fields.List {
			for _, n := range fl.Names {
				if n.Name == e.Sel.Name {
					return typeRef{sf, fl.Type}, true
				}
			}
			if len(fl.Names) == 0 && typeName(fl.Type) == e.Sel.Name {
				return typeRef{sf, fl.Type}, true
			}
		}
	case *ast.CallExpr:
		if id, ok := e.Fun.(*ast.Ident); ok && id.Name == "new" && len(e.Args) == 1 {
			return typeRef{l.f, e.Args[0]}, true
		}
		for _, callee := range l.callees(e) {
			if r := callee.decl.Type.Results; r != nil && len(r.List) > 0 {
				return typeRef{callee.file, r.List[0].Type}, true
			}
		}
	}
	return typeRef{}, false
}

func isTypeExpr(e ast.Expr) bool {
	switch e.(type) {
	case *ast.StarExpr, *ast.MapType, *ast.ArrayType, *ast.StructType, *ast.InterfaceType, *ast.FuncType, *ast.ChanType, *ast.Ident, *ast.SelectorExpr:
		return true
	}
	return false
}

// templatePkg is the template package a value was made by (text/template
// or html/template), through template.Must(template.New(..).Parse(..))
// chains, variables and package-level variables.
func (l *lowerer) templatePkg(e ast.Expr) string {
	for range 16 {
		switch x := unparen(e).(type) {
		case *ast.CallExpr:
			e = x.Fun
			if sel, ok := x.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Must" && len(x.Args) > 0 {
				if ip, ok := l.importOf(sel.X); ok && isTemplatePkg(ip) {
					e = x.Args[0]
				}
			}
		case *ast.SelectorExpr:
			if ip, ok := l.importOf(x.X); ok {
				if isTemplatePkg(ip) {
					return ip
				}
				return ""
			}
			e = x.X
		case *ast.Ident:
			if tp := l.tmpl[x.Name]; tp != "" {
				return tp
			}
			if tr, ok := l.types[x.Name]; ok {
				if sel, ok := deref(tr.expr).(*ast.SelectorExpr); ok {
					if id, ok := sel.X.(*ast.Ident); ok && isTemplatePkg(tr.f.imports[id.Name]) {
						return tr.f.imports[id.Name]
					}
				}
				return ""
			}
			if v, ok := l.f.pkg.vars[x.Name]; ok {
				vl := &lowerer{a: l.a, f: l.f.pkg.varFile[x.Name], types: map[string]typeRef{}, tmpl: map[string]string{}}
				if isTypeExpr(v) {
					vl.types[x.Name] = typeRef{vl.f, v}
					e = x
					l = vl
					continue
				}
				return vl.templatePkg(v)
			}
			return ""
		default:
			return ""
		}
	}
	return ""
}

func isTemplatePkg(ip string) bool { return ip == "text/template" || ip == "html/template" }

// structOf finds the struct a type names in the repository.
func (a *analyzer) structOf(tr typeRef) (*ast.StructType, *file) {
	if tr.f == nil {
		return nil, nil
	}
	dir, name := a.typeDir(tr)
	if dir == "" {
		return nil, nil
	}
	p := a.m.pkgAt(dir)
	if p == nil {
		return nil, nil
	}
	return p.structs[name], p.typeOf[name]
}

// typeDir is the folder and name of a named type.
func (a *analyzer) typeDir(tr typeRef) (string, string) {
	switch t := deref(tr.expr).(type) {
	case *ast.Ident:
		return tr.f.pkg.dir, t.Name
	case *ast.SelectorExpr:
		if id, ok := t.X.(*ast.Ident); ok {
			if ip, ok := tr.f.imports[id.Name]; ok {
				return a.m.resolveImport(ip), t.Sel.Name
			}
		}
	case *ast.IndexExpr:
		return a.typeDir(typeRef{tr.f, t.X})
	}
	return "", ""
}

// callees resolves a call to the functions of the repository it may run:
// a function of this package or of an imported one, a method of the
// receiver's type when the code says it, else the methods of that name
// (when few: an interface's implementations).
func (l *lowerer) callees(c *ast.CallExpr) []*fn {
	switch fun := unparen(c.Fun).(type) {
	case *ast.Ident:
		if _, local := l.types[fun.Name]; local {
			return nil
		}
		if f := l.f.pkg.funcs[fun.Name]; f != nil {
			return []*fn{f}
		}
	case *ast.SelectorExpr:
		if ip, ok := l.importOf(fun.X); ok {
			dir := l.a.m.resolveImport(ip)
			if dir == "" {
				return nil
			}
			if p := l.a.m.pkgAt(dir); p != nil && p.funcs[fun.Sel.Name] != nil {
				return []*fn{p.funcs[fun.Sel.Name]}
			}
			return nil
		}
		name := fun.Sel.Name
		if tr, ok := l.exprType(fun.X); ok {
			if dir, tn := l.a.typeDir(tr); dir != "" {
				if p := l.a.m.pkgAt(dir); p != nil {
					var out []*fn
					for _, m := range p.methods[name] {
						if m.recv == tn {
							out = append(out, m)
						}
					}
					if len(out) > 0 {
						return out
					}
					if p.structs[tn] != nil {
						return nil // a struct of the repository without that method: an embedded library type's
					}
				}
			} else if !isLocalType(tr) {
				return nil // a library's type
			}
		} else if id, ok := unparen(fun.X).(*ast.Ident); ok && l.libs[id.Name] {
			return nil // a value a library's function made: the library's type
		}
		return l.a.methodsNamed(name, l.f.pkg)
	}
	return nil
}

// isLocalType says a type is named in the file's own package (or is a
// type the code spells out), so its methods may be the repository's.
func isLocalType(tr typeRef) bool {
	_, ok := deref(tr.expr).(*ast.Ident)
	return ok
}

// methodsNamed are the methods of a name declared in the repository, the
// calling package's first; none when more than a few: a common name
// (Get, Close) says nothing of which one runs.
func (a *analyzer) methodsNamed(name string, here *pkg) []*fn {
	if ms := here.methods[name]; len(ms) > 0 {
		if len(ms) <= 3 {
			return ms
		}
		return nil
	}
	if a.methods == nil {
		a.indexMethods()
	}
	var out []*fn
	for _, dir := range a.methods[name] {
		if p := a.m.pkgAt(dir); p != nil {
			out = append(out, p.methods[name]...)
		}
		if len(out) > 3 {
			return nil
		}
	}
	return out
}

var methodDecl = regexp.MustCompile(`(?m)^func\s*\([^)]*\)\s*(\w+)`)

// indexMethods finds, without parsing, which folders declare each method
// name.
func (a *analyzer) indexMethods() {
	a.methods = map[string][]string{}
	for _, dir := range sortedDirs(a.m.files) {
		seen := map[string]bool{}
		for _, s := range a.m.files[dir] {
			for _, m := range methodDecl.FindAllSubmatch(s.src.Bytes(), -1) {
				name := string(m[1])
				if !seen[name] {
					seen[name] = true
					a.methods[name] = append(a.methods[name], dir)
				}
			}
		}
	}
}

// mapOfAny says a type is a map whose values may be anything: what a
// JSON object decodes to (map[string]interface{}, bson.M, gin.H).
func mapOfAny(tr typeRef) bool {
	switch t := tr.expr.(type) {
	case *ast.MapType:
		switch v := t.Value.(type) {
		case *ast.InterfaceType:
			return true
		case *ast.Ident:
			return v.Name == "any"
		}
	case *ast.SelectorExpr:
		if id, ok := t.X.(*ast.Ident); ok {
			ip := tr.f.imports[id.Name]
			return t.Sel.Name == "M" && (strings.Contains(ip, "bson") || strings.Contains(ip, "primitive")) || t.Sel.Name == "H" && strings.Contains(ip, "gin")
		}
	}
	return false
}
