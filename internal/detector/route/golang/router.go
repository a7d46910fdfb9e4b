package golang

import (
	"go/ast"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/detector/route/router"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/urlpath"
)

// pendingRoute is a registration seen by the interpreter; its full path
// is composed when every mount is known.
type pendingRoute struct {
	node    *node
	method  string
	path    string
	mw      []router.Guard // route-level middleware, outermost first
	h       *handlerInfo
	file    *goFile
	line    int
	static  bool
	dir     string // the folder a static route serves, when named
	pattern bool   // a net/http pattern that may carry a method and host
	seq     int    // when it was registered, for Use() order
}

// gorillaRoute is gorilla/mux's *Route while it is being built:
// r.HandleFunc(p, h).Methods("GET"), r.PathPrefix(p).Subrouter().
type gorillaRoute struct {
	node    *node
	path    string
	methods []string
	h       *handlerInfo
	file    *goFile
	line    int
	// buildOnly routes only build URLs (r.Path(p).Name(n).BuildOnly());
	// they never match a request.
	buildOnly bool
}

// routerMethod interprets a method called on a router through its
// framework's method table. ok is false for a method the framework does
// not have (the call is then followed as an ordinary method of the
// module).
func (fr *frame) routerMethod(n *node, name string, c *ast.CallExpr) (*value, bool) {
	fw := routerFramework(n.fw)
	if fw == nil {
		return nil, false
	}
	if m, ok := fw.methods[name]; ok {
		if v, ok := m(fr, n, c); ok {
			return v, true
		}
	}
	if m, ok := fw.verbs[name]; ok && fw.route != nil && len(c.Args) >= 2 {
		fw.route(fr, n, m, c)
		return nil, true
	}
	return nil, false
}

// Methods several frameworks share, for their tables.

// useAlways is a Use whose middleware runs on every request the router
// answers, whenever the route was registered (chi, gorilla, echo's root).
func useAlways(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	n.mw = append(n.mw, fr.guards(c.Args)...)
	return nil, true
}

// useAfter is a Use whose middleware runs only on routes registered after
// it (gin, fiber, echo groups). gin's returns the group, for a chain:
// g.Group("/user").Use(optionalAuth).POST("", create).
func useAfter(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	fr.use(n, c.Args)
	return &value{node: n}, true
}

// groupAt is Group(prefix, mw...). copies says the group takes its
// parent's Use() middleware as it is when the group is made (gin, echo);
// otherwise each route sees the parent's Use() calls before it (fiber).
func groupAt(copies bool) routerMethod {
	return func(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
		p := fr.prefix(arg(c.Args, 0), c)
		g := &node{fw: n.fw, parent: n, prefix: p, mw: fr.guards(rest(c.Args, 1))}
		if copies {
			g.born = fr.m.tick()
		}
		return &value{node: g}, true
	}
}

// routeWith is Route(prefix, fn): a subrouter at prefix built by fn (chi,
// fiber).
func routeWith(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	if len(c.Args) < 2 {
		return nil, false
	}
	child := &node{fw: n.fw, parent: n, prefix: fr.prefix(c.Args[0], c)}
	fr.callWith(c.Args[1], child)
	return &value{node: child}, true
}

// mountUnder is Mount(prefix, handler) (chi, fiber).
func mountUnder(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	if len(c.Args) >= 2 {
		fr.mountAt(n, fr.prefix(c.Args[0], c), c.Args[1], c)
	}
	return nil, true
}

// serveStatic is a folder served as files at the first argument's path,
// the second naming it (a path, http.Dir, gin.Dir, os.DirFS); a single
// file there (StaticFile, echo's File) is a route of its own.
func serveStatic(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	fr.static(n, arg(c.Args, 0), arg(c.Args, 1), c)
	return nil, true
}

// serve is the router handed to a server it starts (r.Run(addr),
// e.Start(addr)): every wrapper around it was seen.
func serve(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	n.root().served = true
	fr.evalArgs(c)
	return nil, true
}

// lastIsHandler registers r.GET(path, mw..., h): the handler last, the
// middleware between (gin, fiber), or spread from a list the handler is
// appended to (r.GET(path, append(getCartMw(), cart.Get)...), as Hertz's
// generator writes).
func lastIsHandler(fr *frame, n *node, method string, c *ast.CallExpr) {
	a := c.Args
	mw := a[1 : len(a)-1]
	h := a[len(a)-1]
	if ac, ok := unparen(h).(*ast.CallExpr); ok && c.Ellipsis.IsValid() && len(ac.Args) >= 2 && !ac.Ellipsis.IsValid() {
		if id, ok := unparen(ac.Fun).(*ast.Ident); ok && id.Name == "append" && !fr.env.has("append") {
			mw = append(append([]ast.Expr(nil), mw...), ac.Args[:len(ac.Args)-1]...)
			h = ac.Args[len(ac.Args)-1]
		}
	}
	fr.register(n, method, a[0], h, fr.guards(mw), c, false)
}

// listedGuards reads a call of the module's that returns a literal list
// of middleware (func rootMw() []app.HandlerFunc { return []app.HandlerFunc{middleware.Auth()} }):
// the middleware it lists, read in its own file; none for return nil.
func (fr *frame) listedGuards(a ast.Expr) ([]router.Guard, bool) {
	c, ok := unparen(a).(*ast.CallExpr)
	if !ok || len(c.Args) > 0 {
		return nil, false
	}
	fd := fr.lookupFunc(c.Fun)
	if fd == nil {
		return nil, false
	}
	decl := fr.m.declOf(fd)
	if decl == nil || decl.Body == nil || decl.Type.Results == nil || len(decl.Type.Results.List) != 1 {
		return nil, false
	}
	if _, ok := decl.Type.Results.List[0].Type.(*ast.ArrayType); !ok {
		return nil, false
	}
	var ret *ast.ReturnStmt
	for _, st := range decl.Body.List {
		if r, ok := st.(*ast.ReturnStmt); ok {
			if ret != nil {
				return nil, false
			}
			ret = r
		}
	}
	if ret == nil || len(ret.Results) != 1 {
		return nil, false
	}
	switch r := unparen(ret.Results[0]).(type) {
	case *ast.Ident:
		if r.Name == "nil" {
			return nil, true
		}
	case *ast.CompositeLit:
		in := *fr
		in.f, in.env = fd.file, &env{}
		if p := fr.m.pkgs[fd.file.dir+"\x00"+fd.file.pkg]; p != nil {
			in.p = p
		}
		return in.guards(r.Elts), true
	}
	return nil, false
}

// selName is the method a call selects (r.Methods → "Methods").
func selName(c *ast.CallExpr) string {
	if sel, ok := unparen(c.Fun).(*ast.SelectorExpr); ok {
		return sel.Sel.Name
	}
	return ""
}

// gorillaMethod interprets the *Route builder chain.
func (fr *frame) gorillaMethod(gr *gorillaRoute, name string, c *ast.CallExpr) *value {
	a := c.Args
	switch name {
	case "Methods":
		for _, e := range a {
			if m, ok := fr.str(e); ok {
				gr.methods = append(gr.methods, strings.ToUpper(m))
			}
		}
		// OPTIONS next to another method is there for CORS preflight
		// (answered by middleware), not an entry point of its own.
		if len(gr.methods) > 1 {
			gr.methods = slices.DeleteFunc(gr.methods, func(m string) bool { return m == "OPTIONS" })
		}
	case "Path", "PathPrefix":
		if p, ok := fr.str(arg(a, 0)); ok {
			gr.path = p
		}
	case "Handler", "HandlerFunc":
		h := fr.handler(arg(a, 0))
		if h != nil && h.node != nil {
			fr.mount(gr.node, h, h.strip)
			gr.h = nil
			return nil
		}
		gr.h = h
	case "Subrouter":
		return &value{node: &node{fw: gorilla, parent: gr.node, prefix: gr.path}}
	case "BuildOnly":
		gr.buildOnly = true
	}
	return &value{gr: gr}
}

// callWith runs a function given to Route/Group with the router it gets.
func (fr *frame) callWith(fn ast.Expr, child *node) {
	switch fn := unparen(fn).(type) {
	case *ast.FuncLit:
		c := fr.child()
		if ps := fn.Type.Params.List; len(ps) > 0 && len(ps[0].Names) > 0 {
			c.env.set(ps[0].Names[0].Name, &value{node: child})
		}
		c.block(fn.Body.List)
	case *ast.Ident:
		if v := fr.env.get(fn.Name); v != nil && v.lit != nil {
			// mount := func(r chi.Router) {...}; r.Route(prefix, mount)
			c := fr.child()
			if v.litEnv != nil {
				c.env = &env{parent: v.litEnv}
			}
			if v.litFile != nil {
				c.f = v.litFile
			}
			if ps := v.lit.Type.Params.List; len(ps) > 0 && len(ps[0].Names) > 0 {
				c.env.set(ps[0].Names[0].Name, &value{node: child})
			}
			c.block(v.lit.Body.List)
			return
		}
		if cands := fr.p.funcs[fn.Name]; len(cands) > 0 {
			fr.m.callDecl(fr.p, cands[0], nil, []*value{{node: child}}, fr.depth+1)
		}
	case *ast.SelectorExpr:
		if ip := fr.importOf(fn.X); ip != "" {
			if p := fr.m.pkgDir(fr.m.resolveImport(ip)); p != nil && len(p.funcs[fn.Sel.Name]) > 0 {
				fr.m.callDecl(p, p.funcs[fn.Sel.Name][0], nil, []*value{{node: child}}, fr.depth+1)
			}
			return
		}
		x := fr.eval(fn.X)
		for _, fd := range fr.methodsOf(fr.p, fn.Sel.Name, x) {
			fr.m.callDecl(fr.p, fd, x, []*value{{node: child}}, fr.depth+1)
		}
	}
}

// mountAt mounts a handler under a prefix that the router strips (chi and
// fiber Mount). A handler that is not a router is one catch-all route.
func (fr *frame) mountAt(n *node, prefix string, e ast.Expr, c *ast.CallExpr) {
	h := fr.handler(e)
	if h == nil {
		return
	}
	if h.node != nil {
		fr.mount(n, h, prefix)
		return
	}
	fr.m.pending = append(fr.m.pending, &pendingRoute{node: n, method: "ANY", path: prefix, h: h, mw: h.wrappers, file: fr.f, line: fr.line(c)})
}

// mount hangs the router inside h under n at prefix.
func (fr *frame) mount(n *node, h *handlerInfo, prefix string) {
	sub := h.node
	if sub == n || sub.isAncestorOf(n) {
		return
	}
	sub.parent = n
	sub.prefix = strings.TrimSuffix(strings.TrimSuffix(prefix, "*"), "/")
	sub.mw = append(append([]router.Guard(nil), h.wrappers...), sub.mw...)
}

// register records one route.
func (fr *frame) register(n *node, method string, pathExpr, handlerExpr ast.Expr, mw []router.Guard, c ast.Node, pattern bool) {
	p, ok := fr.str(pathExpr)
	if !ok {
		rest, ok := fr.strAfterHole(pathExpr)
		if !ok {
			fr.m.miss(fr.f.path, fr.line(c))
			return
		}
		p = urlpath.Join(urlpath.UnknownPrefix, rest)
	}
	if strings.HasPrefix(urlpath.Normalize(p), "/"+urlpath.UnknownPrefix) {
		fr.unsure(c)
	}
	before := len(fr.m.pending)
	fr.registerAt(n, method, p, handlerExpr, mw, c, pattern)
	// A path a wrapper of the router was handed (r.GET("/x", h) calling
	// r.Group.GET(path, ...)) is shown where its caller wrote it, not at
	// the wrapper's one line every route shares.
	if id, ok := unparen(pathExpr).(*ast.Ident); ok && len(fr.m.pending) == before+1 {
		if v := fr.env.get(id.Name); v != nil && v.strFile != nil && (v.strFile != fr.f || v.strLine != fr.line(c)) {
			pr := fr.m.pending[before]
			pr.file, pr.line = v.strFile, v.strLine
		}
	}
}

// registerAt records one route at a path already read.
func (fr *frame) registerAt(n *node, method, p string, handlerExpr ast.Expr, mw []router.Guard, c ast.Node, pattern bool) {
	h := fr.handler(handlerExpr)
	if h == nil {
		h = &handlerInfo{}
	}
	if h.node != nil {
		strip := ""
		if h.stripped {
			strip = h.strip
		}
		fr.mount(n, h, strip)
		return
	}
	fr.m.pending = append(fr.m.pending, &pendingRoute{
		node: n, method: method, path: p, mw: append(mw, h.wrappers...), h: h,
		file: fr.f, line: fr.line(c), pattern: pattern, seq: fr.m.tick(),
	})
}

// use records a Use() whose middleware applies only to what is
// registered after it.
func (fr *frame) use(n *node, args []ast.Expr) {
	gs := fr.guards(args)
	seq := fr.m.tick()
	for i := range gs {
		gs[i].Seq = seq
	}
	n.mw = append(n.mw, gs...)
}

// tick advances the interpretation order.
func (m *module) tick() int {
	m.seq++
	return m.seq
}

// static records a folder served as files (r.Static("/assets", "./public")).
func (fr *frame) static(n *node, pathExpr, dirExpr ast.Expr, c *ast.CallExpr) {
	p, ok := fr.str(pathExpr)
	if !ok {
		return
	}
	dir, _ := fr.folder(dirExpr)
	fr.m.pending = append(fr.m.pending, &pendingRoute{
		node: n, method: "GET", path: p, h: &handlerInfo{name: "static files"},
		file: fr.f, line: fr.line(c), static: true, dir: dir, seq: fr.m.tick(),
	})
}

// folder is the folder a file server is given: a path, or one wrapped as
// a file system (http.Dir("./public"), gin.Dir(p, false), os.DirFS(p),
// http.FS(os.DirFS(p))).
func (fr *frame) folder(e ast.Expr) (string, bool) {
	if e == nil {
		return "", false
	}
	if c, ok := unparen(e).(*ast.CallExpr); ok {
		if sel, ok := unparen(c.Fun).(*ast.SelectorExpr); ok && fr.importOf(sel.X) != "" {
			switch sel.Sel.Name {
			case "Dir", "DirFS", "FS":
				return fr.folder(arg(c.Args, 0))
			}
		}
	}
	return fr.str(e)
}

// guards lists middleware as written (authRequired, middleware.Logger,
// jwtauth.Verifier for jwtauth.Verifier(ta)) and where it is applied.
func (fr *frame) guards(args []ast.Expr) []router.Guard {
	var out []router.Guard
	for _, a := range args {
		if gs, ok := fr.passedGuards(a); ok {
			out = append(out, gs...)
			continue
		}
		if gs, ok := fr.listedGuards(a); ok {
			out = append(out, gs...)
			continue
		}
		if n := mwName(a); n != "" {
			out = append(out, fr.guard(n, a))
		}
	}
	return out
}

// passedGuards reads middleware a wrapper of the router was handed rather
// than wrote: a parameter bound to the caller's function (read where the
// caller wrote it), a list of them (mw ...Middleware, or a slice filled
// in a loop), and an adapter, a func literal whose only statement returns
// a handler built around what it was handed
// (func(next) { return chain(next, mw).toEcho() }): the guards inside it.
func (fr *frame) passedGuards(a ast.Expr) ([]router.Guard, bool) {
	switch e := unparen(a).(type) {
	case *ast.Ident:
		v := fr.env.get(e.Name)
		if v == nil {
			return nil, false
		}
		return fr.valueGuards(v)
	case *ast.FuncLit:
		return fr.adapterGuards(e, fr.env, fr.f)
	}
	return nil, false
}

func (fr *frame) valueGuards(v *value) ([]router.Guard, bool) {
	switch {
	case v.fn != nil && v.fnIn != nil:
		return []router.Guard{v.fnIn.guard(mwName(v.fn), v.fn)}, true
	case v.lit != nil && v.litEnv != nil:
		return fr.adapterGuards(v.lit, v.litEnv, v.litFile)
	case v.list != nil:
		var out []router.Guard
		for _, el := range v.list {
			if el == nil {
				continue
			}
			if gs, ok := fr.valueGuards(el); ok {
				out = append(out, gs...)
			}
		}
		return out, true
	}
	return nil, false
}

// adapterGuards reads a func literal applied as middleware whose body is
// one return of a handler the module composes: that handler's guards.
func (fr *frame) adapterGuards(lit *ast.FuncLit, scope *env, f *goFile) ([]router.Guard, bool) {
	if len(lit.Body.List) != 1 {
		return nil, false
	}
	ret, ok := lit.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return nil, false
	}
	c, ok := unparen(ret.Results[0]).(*ast.CallExpr)
	if !ok {
		return nil, false
	}
	in := *fr
	in.f = f
	in.env = &env{parent: scope}
	h := in.composed(c)
	if h == nil || len(h.wrappers) == 0 {
		return nil, false
	}
	return h.wrappers, true
}

// guard is middleware named name, applied at e: where the function it
// names is declared in the module, and that function's code, when the
// interpreter finds it (requireAuth, auth.Required for auth.Required(cfg)).
func (fr *frame) guard(name string, e ast.Expr) router.Guard {
	g := router.Guard{Name: name, Applied: facts.Evidence{File: fr.f.path, Line: fr.line(e)}}
	if c, ok := unparen(e).(*ast.CallExpr); ok && len(c.Args) > 0 && !strings.HasSuffix(name, ")") {
		// A factory given a role (RequireRole("admin"), requireRole("admin", h)):
		// judged with its argument, which is the role when the factory's
		// code compares the caller's with it.
		if s, ok := fr.str(c.Args[0]); ok {
			g.Text = name + "(" + strconv.Quote(s) + ")"
		}
	}
	fn := unparen(e)
	for c, ok := fn.(*ast.CallExpr); ok; c, ok = fn.(*ast.CallExpr) {
		fn = unparen(c.Fun)
	}
	if _, lit := fn.(*ast.FuncLit); lit {
		g.Defined, g.Source = g.Applied, fr.f.text(fn.Pos(), fn.End())
		return g
	}
	if id, ok := fn.(*ast.Ident); ok {
		// A func literal held in a variable (filter := func(ctx) {...}):
		// its code.
		if v := fr.env.get(id.Name); v != nil && v.lit != nil && v.litFile != nil {
			g.Defined = facts.Evidence{File: v.litFile.path, Line: v.litFile.lines().Line(v.lit.Pos())}
			g.Source = v.litFile.text(v.lit.Pos(), v.lit.End())
			return g
		}
	}
	if fd := fr.lookupFunc(fn); fd != nil {
		g.Defined = facts.Evidence{File: fd.file.path, Line: fd.file.lines().Line(fd.pos)}
		g.Source = fr.m.withReceiverCalls(fd)
		if fd.recvType != "" {
			g.Config = fr.guardConfig(e, fd)
		}
	}
	return g
}

func mwName(e ast.Expr) string {
	switch e := unparen(e).(type) {
	case *ast.CallExpr:
		name := mwName(e.Fun)
		if optionalAuth(name, e.Args) {
			return name + " (optional)"
		}
		return name
	case *ast.FuncLit:
		return "anonymous"
	case *ast.Ident, *ast.SelectorExpr, *ast.IndexExpr:
		return exprText(e)
	case *ast.Ellipsis:
		return mwName(e.Elt)
	}
	return ""
}

// optionalAuth says an auth middleware is built to let anonymous callers
// through: AuthMiddleware(false), where the flag is whether to reject them.
func optionalAuth(name string, args []ast.Expr) bool {
	if !route.LooksLikeGuard(name) {
		return false
	}
	for _, a := range args {
		if id, ok := unparen(a).(*ast.Ident); ok && id.Name == "false" {
			return true
		}
	}
	return false
}

// strList reads []string{"GET", "POST"} or a single string.
func (fr *frame) strList(e ast.Expr) []string {
	if cl, ok := unparen(e).(*ast.CompositeLit); ok {
		var out []string
		for _, el := range cl.Elts {
			if s, ok := fr.str(el); ok {
				out = append(out, s)
			}
		}
		return out
	}
	if s, ok := fr.str(e); ok {
		return []string{s}
	}
	return nil
}

func (fr *frame) line(n ast.Node) int {
	if !n.Pos().IsValid() {
		return 0
	}
	return fr.f.lines().Line(n.Pos())
}

func arg(a []ast.Expr, i int) ast.Expr {
	if i < len(a) {
		return a[i]
	}
	return nil
}

func rest(a []ast.Expr, i int) []ast.Expr {
	if i < len(a) {
		return a[i:]
	}
	return nil
}

// prefix reads a group's or a mount's prefix. One the code builds at run
// time is urlpath.UnknownPrefix, its place noted: the routes under it are
// kept, and never shown as served without it.
func (fr *frame) prefix(e ast.Expr, c *ast.CallExpr) string {
	if e == nil {
		return ""
	}
	if p, ok := fr.str(e); ok {
		return p
	}
	fr.unsure(c)
	if rest, ok := fr.strAfterHole(e); ok {
		return urlpath.Join(urlpath.UnknownPrefix, rest)
	}
	return urlpath.UnknownPrefix
}

// unsure notes a place whose path starts with a prefix built at run time.
func (fr *frame) unsure(c ast.Node) {
	m, file, line := fr.m, fr.f.path, fr.line(c)
	if m.unsure == nil {
		m.unsure = map[string]map[int]bool{}
	}
	if m.unsure[file] == nil {
		m.unsure[file] = map[int]bool{}
	}
	m.unsure[file][line] = true
}

// miss records a registration whose path could not be read, once per
// place: the interpreter may pass the same call more than once.
func (m *module) miss(file string, line int) {
	if m.missed == nil {
		m.missed = map[string]map[int]bool{}
	}
	if m.missed[file] == nil {
		m.missed[file] = map[int]bool{}
	}
	m.missed[file][line] = true
}

// guardConfig is how a method value applied as middleware was configured:
// the builder calls on the way to it (NewAuth(svc).WithOptionalFor("/").Handler),
// or those assigned to the variable it is read from (auth := NewAuth(svc);
// auth = auth.WithOptionalFor("/") before r.Use(auth.Handler)), with the
// code of the builders of the method's type they call.
func (fr *frame) guardConfig(e ast.Expr, fd *funcDecl) string {
	text := exprText(e)
	if sel, ok := unparen(e).(*ast.SelectorExpr); ok {
		if id, ok := unparen(sel.X).(*ast.Ident); ok {
			// Assignments to the variable earlier in the same function.
			src := fr.f.src.Bytes()
			at := min(max(int(e.Pos())-fr.f.base, 0), len(src))
			body := string(src[:at])
			if i := strings.LastIndex(body, "\nfunc "); i >= 0 {
				body = body[i:]
			}
			assign := regexp.MustCompile(`(?m)\b` + regexp.QuoteMeta(id.Name) + `\s*:?=\s*((?:[^\n]*\.[ \t]*\n)*[^\n]*(?:\n\s*\.[^\n]*)*)`)
			for _, m := range assign.FindAllStringSubmatch(body, -1) {
				text += "\n" + m[1]
			}
		}
	}
	p := fr.m.pkgs[fd.file.dir+"\x00"+fd.file.pkg]
	if p == nil {
		return text
	}
	out := text
	for _, c := range builderCall.FindAllStringSubmatch(text, -1) {
		for _, md := range p.methods[c[1]] {
			if md.recvType == fd.recvType {
				out += "\n\n" + md.text()
			}
		}
	}
	return out
}

// builderCall is a method called in a chain: .WithOptionalFor(.
var builderCall = regexp.MustCompile(`\.\s*(\w+)\(`)
