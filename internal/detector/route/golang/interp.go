package golang

import (
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/route/router"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/urlpath"
)

// node is a router: a root (chi.NewRouter()) or a group / sub-router /
// mount of another. Paths and middleware are composed from the parent
// chain when routes are emitted, so a router mounted after its routes were
// declared still gets its prefix.
type node struct {
	fw     string
	parent *node
	prefix string
	// mw is the router's middleware: without a Seq it runs on every
	// request; with one (Use() where the framework applies it only to
	// routes registered after it: gin, echo groups, fiber) it runs on
	// what was registered later.
	mw []router.Guard
	// born is when a group was made (gin and echo copy the parent's
	// middleware then); 0 for a root or a router mounted later.
	born int
	// served: the root was handed to a server (ListenAndServe, r.Run,
	// e.Start), so every wrapper around it was seen.
	served bool
	// unresolved: made up for a router whose origin was not followed (a
	// parameter nobody passed, a field set elsewhere).
	unresolved bool
	// partial: something applies to it that could not be read (fiber's
	// path-scoped Use).
	partial bool
}

func (n *node) chain() []*node {
	var out []*node
	for c := n; c != nil && len(out) < 64; c = c.parent {
		out = append([]*node{c}, out...)
	}
	return out
}

func (n *node) root() *node { return n.chain()[0] }

func (n *node) isAncestorOf(o *node) bool {
	for _, c := range o.chain() {
		if c == n {
			return true
		}
	}
	return false
}

// value is what the interpreter tracks in a variable.
type value struct {
	node     *node
	gr       *gorillaRoute
	handler  *handlerInfo // a handler built in one place, used in another
	lit      *ast.FuncLit
	litFile  *goFile
	str      string
	isStr    bool
	typeName string
	// typePkg is the package typeName is declared in, when the value came
	// from another package's constructor (routes.NewNotesHandler()): its
	// methods are looked up there.
	typePkg *pkg
	fields  map[string]*value
	// fn is a function of the module handed to another as an argument
	// (r.GET("/", gist.Create, logged) inside a wrapper of the router):
	// the expression and the caller's frame it is read in, so the
	// handler and the middleware keep their code however deep the
	// wrapper passes them.
	fn   ast.Expr
	fnIn *frame
	// list is a variadic parameter's arguments (mw ...Middleware), or a
	// slice filled one element at a time.
	list []*value
	// litEnv is the scope a func literal closes over.
	litEnv *env
	// strFile and strLine are where a string literal was written: a path
	// a wrapper registers is shown where its caller wrote it.
	strFile *goFile
	strLine int
}

// env is a lexical scope.
type env struct {
	vars   map[string]*value
	parent *env
}

func (e *env) get(name string) *value {
	for c := e; c != nil; c = c.parent {
		if v, ok := c.vars[name]; ok {
			return v
		}
	}
	return nil
}

func (e *env) has(name string) bool {
	for c := e; c != nil; c = c.parent {
		if _, ok := c.vars[name]; ok {
			return true
		}
	}
	return false
}

func (e *env) set(name string, v *value) {
	if e.vars == nil {
		e.vars = map[string]*value{}
	}
	e.vars[name] = v
}

func (e *env) assign(name string, v *value) {
	for c := e; c != nil; c = c.parent {
		if _, ok := c.vars[name]; ok {
			c.vars[name] = v
			return
		}
	}
	e.set(name, v)
}

// frame interprets the statements of one function body.
type frame struct {
	m     *module
	p     *pkg
	f     *goFile
	env   *env
	depth int
	ret   *value
}

func (fr *frame) child() *frame {
	c := *fr
	c.env = &env{parent: fr.env}
	c.ret = nil
	return &c
}

func (fr *frame) block(list []ast.Stmt) {
	for _, s := range list {
		fr.stmt(s)
	}
}

func (fr *frame) stmt(s ast.Stmt) {
	fr.m.steps++
	if fr.m.steps > maxSteps {
		return
	}
	switch s := s.(type) {
	case *ast.AssignStmt:
		vals := make([]*value, len(s.Lhs))
		if len(s.Rhs) == len(s.Lhs) {
			for i, r := range s.Rhs {
				vals[i] = fr.eval(r)
			}
		} else if len(s.Rhs) == 1 {
			vals[0] = fr.eval(s.Rhs[0])
		}
		for i, l := range s.Lhs {
			fr.bind(l, vals[i], s.Tok == token.DEFINE)
		}
	case *ast.DeclStmt:
		if gd, ok := s.Decl.(*ast.GenDecl); ok {
			fr.genDecl(gd)
		}
	case *ast.ExprStmt:
		fr.eval(s.X)
	case *ast.ReturnStmt:
		for _, r := range s.Results {
			if v := fr.eval(r); v != nil && fr.ret == nil && !v.isStr {
				fr.ret = v
			}
		}
	case *ast.BlockStmt:
		fr.child().block(s.List)
	case *ast.IfStmt:
		c := fr.child()
		if s.Init != nil {
			c.stmt(s.Init)
		}
		c.eval(s.Cond)
		c.child().block(s.Body.List)
		if s.Else != nil {
			c.stmt(s.Else)
		}
	case *ast.ForStmt:
		c := fr.child()
		if s.Init != nil {
			c.stmt(s.Init)
		}
		c.child().block(s.Body.List)
	case *ast.RangeStmt:
		x := fr.eval(s.X)
		if v, ok := s.Value.(*ast.Ident); ok && x != nil && x.list != nil && s.Tok == token.DEFINE {
			// for _, mw := range middleware: the body once per element,
			// not at all for none.
			for _, el := range x.list {
				c := fr.child()
				c.env.set(v.Name, el)
				c.block(s.Body.List)
			}
			return
		}
		fr.child().block(s.Body.List)
	case *ast.SwitchStmt:
		c := fr.child()
		if s.Init != nil {
			c.stmt(s.Init)
		}
		c.block(s.Body.List)
	case *ast.TypeSwitchStmt:
		fr.child().block(s.Body.List)
	case *ast.SelectStmt:
		fr.child().block(s.Body.List)
	case *ast.CaseClause:
		fr.child().block(s.Body)
	case *ast.CommClause:
		fr.child().block(s.Body)
	case *ast.LabeledStmt:
		fr.stmt(s.Stmt)
	case *ast.GoStmt:
		fr.eval(s.Call)
	case *ast.DeferStmt:
		fr.eval(s.Call)
	}
}

func (fr *frame) genDecl(gd *ast.GenDecl) {
	for _, s := range gd.Specs {
		vs, ok := s.(*ast.ValueSpec)
		if !ok {
			continue
		}
		for i, n := range vs.Names {
			var v *value
			if i < len(vs.Values) {
				v = fr.eval(vs.Values[i])
			} else if fw := routerType(fr.f, vs.Type); fw != "" {
				v = &value{node: &node{fw: fw, unresolved: true}}
			} else if tn := typeName(vs.Type); tn != "" {
				// A variable of the package's own type is no router,
				// whatever its methods are called.
				v = &value{typeName: tn}
			}
			fr.env.set(n.Name, v)
		}
	}
}

// bind stores v in an assignment target: a variable or a struct field.
func (fr *frame) bind(l ast.Expr, v *value, define bool) {
	switch l := l.(type) {
	case *ast.Ident:
		if l.Name == "_" {
			return
		}
		if define {
			fr.env.set(l.Name, v)
		} else {
			fr.env.assign(l.Name, v)
		}
	case *ast.IndexExpr:
		// mws[i] = func(next ...) ...: the slice holds it.
		id, ok := unparen(l.X).(*ast.Ident)
		if !ok || v == nil {
			return
		}
		x := fr.env.get(id.Name)
		if x == nil {
			x = &value{}
			fr.env.assign(id.Name, x)
		}
		if x.node == nil && x.fields == nil && !x.isStr {
			x.list = append(x.list, v)
		}
	case *ast.SelectorExpr:
		if v == nil {
			return
		}
		if x := fr.evalNoCall(l.X); x != nil && !x.isStr {
			if x.fields == nil {
				x.fields = map[string]*value{}
			}
			x.fields[l.Sel.Name] = v
		}
		if v.node != nil {
			fr.p.fields[l.Sel.Name] = v
		}
	}
}

// evalNoCall evaluates a plain reference (a variable, a field) without
// running any call, for assignment targets.
func (fr *frame) evalNoCall(e ast.Expr) *value {
	switch e := e.(type) {
	case *ast.Ident, *ast.SelectorExpr, *ast.StarExpr, *ast.ParenExpr:
		return fr.eval(e)
	}
	return nil
}

// importOf returns the import path an identifier names, unless a local
// variable shadows it.
func (fr *frame) importOf(e ast.Expr) string {
	id, ok := e.(*ast.Ident)
	if !ok || fr.env.has(id.Name) {
		return ""
	}
	return fr.f.imports[id.Name]
}

func (fr *frame) eval(e ast.Expr) *value {
	switch e := e.(type) {
	case nil:
		return nil
	case *ast.BasicLit:
		if e.Kind == token.STRING {
			if s, err := strconv.Unquote(e.Value); err == nil {
				return &value{str: s, isStr: true, strFile: fr.f, strLine: fr.line(e)}
			}
		}
	case *ast.Ident:
		return fr.env.get(e.Name)
	case *ast.ParenExpr:
		return fr.eval(e.X)
	case *ast.StarExpr:
		return fr.eval(e.X)
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return fr.eval(e.X)
		}
		fr.eval(e.X)
	case *ast.BinaryExpr:
		l, r := fr.eval(e.X), fr.eval(e.Y)
		if e.Op == token.ADD && l != nil && r != nil && l.isStr && r.isStr {
			return &value{str: l.str + r.str, isStr: true}
		}
	case *ast.SelectorExpr:
		return fr.selector(e)
	case *ast.CompositeLit:
		return fr.composite(e)
	case *ast.FuncLit:
		return &value{lit: e, litFile: fr.f, litEnv: fr.env}
	case *ast.IndexExpr:
		// mws[i]: one middleware of a list, any of them.
		if x := fr.eval(e.X); x != nil && len(x.list) == 1 {
			return x.list[0]
		}
	case *ast.CallExpr:
		return fr.call(e)
	case *ast.KeyValueExpr:
		fr.eval(e.Value)
	}
	return nil
}

func (fr *frame) selector(e *ast.SelectorExpr) *value {
	if ip := fr.importOf(e.X); ip != "" {
		if ip == "net/http" && e.Sel.Name == "DefaultServeMux" {
			return &value{node: fr.m.defaultServeMux()}
		}
		if ip == gojiPkg && e.Sel.Name == "DefaultMux" {
			return fr.gojiDefault(e.Sel.Name, nil)
		}
		if ip == "net/http" || rootFramework(ip) != nil {
			// http.MethodGet, fiber.MethodQuery; echo's own QUERY, PROPFIND, REPORT.
			m := strings.TrimPrefix(e.Sel.Name, "Method")
			if slices.Contains(httpMethods, strings.ToUpper(m)) || slices.Contains(extensionMethods, strings.ToUpper(m)) {
				if m == e.Sel.Name && m != strings.ToUpper(m) {
					return nil // an exported Get, not a method's name
				}
				return &value{str: strings.ToUpper(m), isStr: true}
			}
		}
		if dir := fr.m.resolveImport(ip); dir != "" {
			if p := fr.m.pkgDir(dir); p != nil {
				return p.globals.vars[e.Sel.Name]
			}
		}
		return nil
	}
	if x := fr.eval(e.X); x != nil && x.fields != nil {
		if v := x.fields[e.Sel.Name]; v != nil {
			return v
		}
	}
	if v := fr.p.fields[e.Sel.Name]; v != nil {
		return v
	}
	if fw := fr.p.fieldFW[e.Sel.Name]; fw != "" {
		// A router field set where we could not follow: one shared
		// stand-in per field, so every method sees the same router.
		v := &value{node: &node{fw: fw, unresolved: true}}
		fr.p.fields[e.Sel.Name] = v
		return v
	}
	return nil
}

func (fr *frame) composite(e *ast.CompositeLit) *value {
	v := &value{typeName: typeName(e.Type), fields: map[string]*value{}}
	if v.typeName != "" {
		v.typePkg = fr.p
	}
	var ip, sel string
	if se, ok := e.Type.(*ast.SelectorExpr); ok {
		ip, sel = fr.importOf(se.X), se.Sel.Name
	}
	for i, el := range e.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			// authHandler{mux}: a field by position. Its name is not
			// known here, only that the value holds it.
			if fv := fr.eval(el); fv != nil && fv.node != nil && v.typeName != "" {
				v.fields["#"+strconv.Itoa(i)] = fv
			}
			continue
		}
		key, _ := kv.Key.(*ast.Ident)
		if key == nil {
			fr.eval(kv.Value)
			continue
		}
		if ip == "net/http" && sel == "Server" && key.Name == "Handler" {
			fr.serve(kv.Value)
			continue
		}
		if fl, ok := kv.Value.(*ast.FuncLit); ok && ip != "" {
			// A callback handed to a library (cobra's RunE: func(...)
			// {...}): the library runs it, and it may start the server.
			fr.runCallback(fl)
		}
		if fv := fr.eval(kv.Value); fv != nil {
			v.fields[key.Name] = fv
			if fv.node != nil {
				fr.p.fields[key.Name] = fv
			}
		}
	}
	if isGraphQL(ip) {
		return &value{handler: &handlerInfo{name: exprText(e.Type), gql: true}}
	}
	return v
}

// call interprets a call: a router constructor, a method on a router, a
// function of the module (followed), or anything else (its arguments are
// still looked at: log.Fatal(http.ListenAndServe(...))).
func (fr *frame) call(c *ast.CallExpr) *value {
	switch fun := unparen(c.Fun).(type) {
	case *ast.SelectorExpr:
		if ip := fr.importOf(fun.X); ip != "" {
			return fr.pkgCall(ip, fun.Sel.Name, c)
		}
		if fun.Sel.Name == "Handler" || fun.Sel.Name == "HandlerFunc" {
			fr.markGorillaChain(c)
		}
		x := fr.eval(fun.X)
		if x == nil && fr.m.gorillaChains[c] {
			x = &value{node: &node{fw: gorilla, unresolved: true}}
		}
		if x == nil && fr.fallbackable(fun.Sel.Name, c) {
			fw := fr.guessFramework(fun.Sel.Name)
			if fr.m.gorillaRouters[funcKey{fr.p.dir, exprText(fun.X)}] {
				fw = gorilla
			}
			if fw != "" {
				x = &value{node: &node{fw: fw, unresolved: true}}
				fr.env.set(exprText(fun.X), x)
			}
		}
		if x != nil && x.node != nil {
			if v, ok := fr.routerMethod(x.node, fun.Sel.Name, c); ok {
				return v
			}
		}
		if x != nil && x.gr != nil {
			return fr.gorillaMethod(x.gr, fun.Sel.Name, c)
		}
		mp := fr.p
		if x != nil && x.typePkg != nil {
			mp = x.typePkg
		}
		if cands := fr.methodsOf(mp, fun.Sel.Name, x); len(cands) > 0 {
			args := fr.args(c)
			var ret *value
			for _, fd := range cands {
				if v := fr.m.callDecl(mp, fd, x, args, fr.depth+1); v != nil && ret == nil {
					ret = v
				}
			}
			return fr.wrapping(c, args, ret, true)
		}
	case *ast.Ident:
		if fun.Name == "make" && len(c.Args) > 0 && !fr.env.has("make") && len(fr.p.funcs["make"]) == 0 {
			if _, ok := c.Args[0].(*ast.ArrayType); ok {
				return &value{list: []*value{}} // a slice, filled later (s[i] = ...)
			}
		}
		if v := fr.env.get(fun.Name); v != nil && v.lit != nil {
			fr.child().block(v.lit.Body.List)
			return nil
		}
		if cands := fr.p.funcs[fun.Name]; len(cands) > 0 && !fr.env.has(fun.Name) {
			args := fr.args(c)
			fr.callbacks(c, cands[0])
			return fr.wrapping(c, args, fr.m.callDecl(fr.p, cands[0], nil, args, fr.depth+1), true)
		}
	case *ast.FuncLit:
		fr.child().block(fun.Body.List)
		return nil
	}
	fr.evalArgs(c)
	return nil
}

// callbacks runs the function literals handed to a function of the
// module that is not followed (it cannot touch a router, so its body is
// not kept): withStore(func(...) error { ...; srv.Serve(l) }) calls them,
// and they may build or serve a router.
func (fr *frame) callbacks(c *ast.CallExpr, fd *funcDecl) {
	if fd.relevant {
		return
	}
	for _, a := range c.Args {
		if fl, ok := a.(*ast.FuncLit); ok {
			fr.runCallback(fl)
		}
	}
}

// runCallback runs a callback's body now, or, while package variables
// are being set, once they all are (it may use any of them).
func (fr *frame) runCallback(fl *ast.FuncLit) {
	c := fr.child()
	if fr.m.initting {
		fr.m.later = append(fr.m.later, func() { c.block(fl.Body.List) })
		return
	}
	c.block(fl.Body.List)
}

// args evaluates call arguments once, for binding to parameters.
func (fr *frame) args(c *ast.CallExpr) []*value {
	out := make([]*value, len(c.Args))
	for i, a := range c.Args {
		v := fr.eval(a)
		switch {
		case v == nil && fr.namesFunc(a):
			v = &value{fn: a, fnIn: fr}
		case v != nil && v.fn == nil && v.node == nil && v.handler == nil && v.gr == nil && v.list == nil && len(v.fields) == 0 && !v.isStr:
			// A middleware factory's product (tagged("find")): what it
			// made, and the call it came from, to name and judge it by.
			cp := *v
			cp.fn, cp.fnIn = a, fr
			v = &cp
		}
		out[i] = v
	}
	return out
}

// namesFunc says an argument may name a function: one of the module
// the interpreter knows, or a name it cannot see the declaration of (a
// file without a router keyword is never read): a package-level name no
// variable holds, or one of the module's own packages' (gist.Preview).
func (fr *frame) namesFunc(a ast.Expr) bool {
	if fr.lookupFunc(a) != nil {
		return true
	}
	switch e := unparen(a).(type) {
	case *ast.Ident:
		return !fr.env.has(e.Name) && !predeclared[e.Name]
	case *ast.SelectorExpr:
		ip := fr.importOf(e.X)
		return ip != "" && fr.m.ownImport(ip)
	}
	return false
}

// ownImport says an import path is one of the module's packages, whether
// or not any of its files was read.
func (m *module) ownImport(ip string) bool {
	for _, mod := range m.modules {
		if rest, ok := strings.CutPrefix(ip, mod); ok && (rest == "" || rest[0] == '/') {
			return true
		}
	}
	return false
}

var predeclared = map[string]bool{"nil": true, "true": true, "false": true, "iota": true}

// evalArgs looks inside the arguments of a call we do not model.
func (fr *frame) evalArgs(c *ast.CallExpr) {
	for _, a := range c.Args {
		switch a := a.(type) {
		case *ast.CallExpr:
			fr.eval(a)
		case *ast.FuncLit:
			fr.child().block(a.Body.List)
		}
	}
}

func (fr *frame) methodsOf(p *pkg, name string, recv *value) []*funcDecl {
	cands := p.methods[name]
	if recv != nil && recv.typeName != "" {
		var typed []*funcDecl
		for _, fd := range cands {
			if fd.recvType == recv.typeName {
				typed = append(typed, fd)
			}
		}
		if len(typed) > 0 {
			return typed
		}
		if len(cands) > 1 {
			return nil
		}
	}
	return cands
}

// pkgCall is a call of a package-level function through an import.
func (fr *frame) pkgCall(ip, name string, c *ast.CallExpr) *value {
	if beegoPkg(ip) {
		return fr.beegoCall(name, c)
	}
	if ip == fasthttpPkg && fr.fastServe(name, c) {
		return nil
	}
	if v, ok := fr.humaCall(ip, name, c); ok {
		return v
	}
	if v, ok := fr.goFrameDefault(ip, name); ok {
		return v
	}
	if fw := rootFramework(ip); fw != nil {
		for _, ctor := range fw.ctors {
			if ctor == name {
				return &value{node: &node{fw: fw.name}}
			}
		}
	}
	if ip == gojiPkg {
		return fr.gojiDefault(name, c)
	}
	if ip == "regexp" && (name == "MustCompile" || name == "MustCompilePOSIX") && len(c.Args) == 1 {
		// A router handed a *regexp.Regexp (goji) matches it as its
		// path: the path it stands for.
		if p, ok := fr.regexRoute(c.Args[0]); ok {
			return &value{str: p, isStr: true}
		}
		return nil
	}
	if ip == "net/http" {
		switch name {
		case "NewServeMux":
			return &value{node: &node{fw: netHTTP}}
		case "Handle", "HandleFunc":
			fr.routerMethod(fr.m.defaultServeMux(), name, c)
			return nil
		case "ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS":
			if len(c.Args) > 1 {
				fr.serve(c.Args[1])
			}
			return nil
		case "HandlerFunc", "Handler", "StripPrefix", "TimeoutHandler", "MaxBytesHandler", "FileServer", "FileServerFS", "AllowQuerySemicolons":
			if h := fr.handler(c); h != nil {
				return &value{handler: h, node: h.node}
			}
			return nil
		}
	}
	switch name {
	case "WrapH", "WrapF", "WrapHandler", "HTTPHandler", "HTTPHandlerFunc":
		// handler := echo.WrapHandler(gwMux): an adapter keeps the
		// guards of what it adapts wherever the variable is registered.
		if h := fr.handler(c); h != nil && h.node == nil && len(h.wrappers) > 0 {
			return &value{handler: h}
		}
	}
	if isGatewayRuntime(ip) && name == "NewServeMux" {
		// grpc-gateway's mux: runtime.WithMiddlewares(mw...) wraps every
		// handler registered on it, so its middleware guards whatever
		// serves the mux.
		fr.evalArgs(c)
		return &value{handler: &handlerInfo{name: "runtime.ServeMux", wrappers: fr.gatewayGuards(c.Args)}}
	}
	if isGraphQL(ip) {
		fr.evalArgs(c)
		return &value{handler: &handlerInfo{name: exprText(c.Fun), gql: true}}
	}
	if dir := fr.m.resolveImport(ip); dir != "" {
		if p := fr.m.pkgDir(dir); p != nil {
			if cands := p.funcs[name]; len(cands) > 0 {
				args := fr.args(c)
				fr.callbacks(c, cands[0])
				return fr.wrapping(c, args, fr.m.callDecl(p, cands[0], nil, args, fr.depth+1), true)
			}
		}
	}
	// A library's function handed a router wraps it
	// (handlers.LoggingHandler(os.Stdout, r)): its name is all there is
	// to judge it by.
	args := make([]*value, len(c.Args))
	for i, a := range c.Args {
		switch a := a.(type) {
		case *ast.CallExpr, *ast.Ident, *ast.SelectorExpr:
			args[i] = fr.eval(a)
		case *ast.FuncLit:
			fr.child().block(a.Body.List)
		}
	}
	return fr.wrapping(c, args, nil, false)
}

// serve records that a handler is what a server serves: the router
// inside it is a root whose every wrapper is now known.
func (fr *frame) serve(e ast.Expr) {
	if id, ok := e.(*ast.Ident); ok && id.Name == "nil" {
		fr.m.defaultServeMux().served = true
		return
	}
	h := fr.handler(e)
	if h == nil {
		return
	}
	n := h.node
	if n == nil && h.value != nil {
		n = firstRouterField(h.value)
	}
	if n == nil {
		return
	}
	n.mw = append(append([]router.Guard(nil), h.wrappers...), n.mw...)
	n.root().served = true
}

// firstRouterField finds the router inside a server struct
// (http.ListenAndServe(addr, srv) where srv.router is a chi.Mux).
func firstRouterField(v *value) *node {
	for _, k := range sortedKeys(v.fields) {
		if f := v.fields[k]; f != nil && f.node != nil {
			return f.node
		}
	}
	return nil
}

func (m *module) defaultServeMux() *node {
	if m.defaultMux == nil {
		m.defaultMux = &node{fw: netHTTP}
	}
	return m.defaultMux
}

// fallbackable says a method call on something we cannot resolve still
// looks like route registration: a router method with a path literal.
func (fr *frame) fallbackable(name string, c *ast.CallExpr) bool {
	if len(c.Args) < 2 {
		return false
	}
	lit, ok := c.Args[0].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return false
	}
	s, err := strconv.Unquote(lit.Value)
	if err != nil || !strings.HasPrefix(s, "/") {
		return false
	}
	// The last argument must look like a handler, not a destination
	// (cache.Get("/k", &out)) or a value.
	switch last := unparen(c.Args[len(c.Args)-1]).(type) {
	case *ast.Ident:
		if last.Name == "nil" || last.Name == "true" || last.Name == "false" {
			return false
		}
	case *ast.SelectorExpr, *ast.FuncLit, *ast.CallExpr:
	default:
		return false
	}
	switch name {
	case "Handle", "HandleFunc", "Group", "Route", "Mount":
		return true
	}
	for _, m := range httpMethods {
		if name == m || name == m[:1]+strings.ToLower(m[1:]) {
			return true
		}
	}
	return name == "Any" || name == "All"
}

// guessFramework picks, among the routers this file imports, the one
// that has the method.
func (fr *frame) guessFramework(method string) string {
	imported := map[string]bool{}
	for _, ip := range fr.f.imports {
		if fw := frameworkOf(ip); fw != nil {
			imported[fw.name] = true
		}
	}
	for _, fw := range frameworks {
		if imported[fw.name] && fw.has(method) {
			return fw.name
		}
	}
	if (method == "Handle" || method == "HandleFunc") && fr.f.imports["http"] == "net/http" {
		return netHTTP
	}
	return ""
}

// str evaluates a string expression (literal, constant, concatenation,
// path.Join of those).
func (fr *frame) str(e ast.Expr) (string, bool) {
	if c, ok := e.(*ast.CallExpr); ok {
		// path.Join, and filepath.Join naming a folder to serve.
		if sel, ok := c.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Join" && (fr.importOf(sel.X) == "path" || fr.importOf(sel.X) == "path/filepath") {
			var parts []string
			for _, a := range c.Args {
				s, ok := fr.str(a)
				if !ok {
					return "", false
				}
				parts = append(parts, s)
			}
			return path.Join(parts...), true
		}
	}
	if v := fr.eval(e); v != nil && v.isStr {
		return v.str, true
	}
	return "", false
}

// strAfterHole reads a path whose start is built at run time and whose
// rest is literal (cfg.Base + "/users", "^" + base + `(?P<id>\d+)$`):
// the literal rest. One run-time part only, first (after a regex's
// anchor): a part in the middle leaves no path to read. A call to a
// library is such a part, never evaluated twice; a call into the module
// leaves the path unread, as following it again could register routes.
func (fr *frame) strAfterHole(e ast.Expr) (string, bool) {
	var parts []ast.Expr
	var flatten func(ast.Expr)
	flatten = func(e ast.Expr) {
		if b, ok := unparen(e).(*ast.BinaryExpr); ok && b.Op == token.ADD {
			flatten(b.X)
			flatten(b.Y)
			return
		}
		parts = append(parts, unparen(e))
	}
	flatten(e)
	hole := -1
	var b strings.Builder
	for i, p := range parts {
		var v *value
		switch p := p.(type) {
		case *ast.BasicLit, *ast.Ident, *ast.SelectorExpr:
			v = fr.eval(p)
		case *ast.CallExpr:
			sel, ok := unparen(p.Fun).(*ast.SelectorExpr)
			if !ok {
				return "", false
			}
			ip := fr.importOf(sel.X)
			if ip == "" || fr.m.resolveImport(ip) != "" {
				return "", false
			}
		default:
			return "", false
		}
		if v != nil && v.isStr {
			b.WriteString(v.str)
			continue
		}
		if hole >= 0 || strings.Trim(b.String(), "^") != "" {
			return "", false
		}
		hole = i
		b.Reset()
	}
	if hole < 0 || hole == len(parts)-1 {
		return "", false
	}
	return b.String(), true
}

// regexRoute is the path a route regex stands for, its run-time start
// (see strAfterHole) kept as urlpath.UnknownPrefix.
func (fr *frame) regexRoute(e ast.Expr) (string, bool) {
	src, ok := fr.str(e)
	unknown := false
	if !ok {
		src, ok = fr.strAfterHole(e)
		unknown = ok
	}
	if !ok {
		return "", false
	}
	p, _ := urlpath.RegexPath(src)
	if unknown {
		return urlpath.Join(urlpath.UnknownPrefix, p), true
	}
	return urlpath.Normalize(p), true
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

// exprText prints an expression (names only; never evaluated).
func exprText(e ast.Expr) string { return types.ExprString(e) }

// isGatewayRuntime says an import path is grpc-gateway's runtime package.
func isGatewayRuntime(ip string) bool {
	return strings.HasPrefix(ip, "github.com/grpc-ecosystem/grpc-gateway/") && strings.HasSuffix(ip, "/runtime")
}

// gatewayGuards are the middleware of runtime.WithMiddlewares options
// among a NewServeMux's arguments, each with its code: a function of the
// module, or a func literal a variable holds.
func (fr *frame) gatewayGuards(opts []ast.Expr) []router.Guard {
	var out []router.Guard
	for _, o := range opts {
		oc, ok := unparen(o).(*ast.CallExpr)
		if !ok {
			continue
		}
		sel, ok := unparen(oc.Fun).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "WithMiddlewares" || !isGatewayRuntime(fr.importOf(sel.X)) {
			continue
		}
		for _, m := range oc.Args {
			if id, ok := unparen(m).(*ast.Ident); ok {
				if v := fr.env.get(id.Name); v != nil && v.lit != nil && v.litFile != nil {
					at := facts.Evidence{File: fr.f.path, Line: fr.line(m)}
					out = append(out, router.Guard{Name: id.Name, Applied: at,
						Defined: facts.Evidence{File: v.litFile.path, Line: v.litFile.lines().Line(v.lit.Pos())},
						Source:  v.litFile.text(v.lit.Pos(), v.lit.End())})
					continue
				}
			}
			out = append(out, fr.guards([]ast.Expr{m})...)
		}
	}
	return out
}
