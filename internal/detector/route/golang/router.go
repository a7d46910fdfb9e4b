package golang

import (
	"go/ast"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/facts"
)

// pendingRoute is a registration seen by the interpreter; its full path
// is composed when every mount is known.
type pendingRoute struct {
	node    *node
	method  string
	path    string
	mw      []string // route-level middleware, outermost first
	h       *handlerInfo
	file    *goFile
	line    int
	static  bool
	pattern bool // a net/http pattern that may carry a method and host
	seq     int  // when it was registered, for Use() order
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
}

// routerMethod interprets a method called on a router. ok is false for a
// method the framework does not have (the call is then followed as an
// ordinary method of the module).
func (fr *frame) routerMethod(n *node, name string, c *ast.CallExpr) (*value, bool) {
	a := c.Args
	switch n.fw {
	case netHTTP:
		switch name {
		case "Handle", "HandleFunc":
			if len(a) >= 2 {
				fr.register(n, "ANY", a[0], a[1], nil, c, true)
			}
			return nil, true
		}
	case gorilla:
		switch name {
		case "Handle", "HandleFunc":
			if len(a) >= 2 {
				p, ok := fr.str(a[0])
				if !ok {
					return nil, true
				}
				gr := &gorillaRoute{node: n, path: p, file: fr.f, line: fr.line(c)}
				h := fr.handler(a[1])
				if h != nil && h.node != nil {
					fr.mount(n, h, h.strip)
					return nil, true
				}
				gr.h = h
				fr.m.gorilla = append(fr.m.gorilla, gr)
				return &value{gr: gr}, true
			}
		case "PathPrefix", "Path":
			p, _ := fr.str(arg(a, 0))
			gr := &gorillaRoute{node: n, path: p, file: fr.f, line: fr.line(c)}
			fr.m.gorilla = append(fr.m.gorilla, gr)
			return &value{gr: gr}, true
		case "Methods", "Host", "Headers", "Queries", "Schemes", "NewRoute", "Name", "MatcherFunc":
			gr := &gorillaRoute{node: n, file: fr.f, line: fr.line(c)}
			fr.m.gorilla = append(fr.m.gorilla, gr)
			return fr.gorillaMethod(gr, name, c), true
		case "Use":
			n.mw = append(n.mw, fr.names(a)...)
			return nil, true
		}
	case chi:
		switch name {
		case "Use":
			n.mw = append(n.mw, fr.names(a)...)
			return nil, true
		case "With":
			return &value{node: &node{fw: n.fw, parent: n, mw: fr.names(a)}}, true
		case "Group":
			child := &node{fw: n.fw, parent: n}
			if len(a) > 0 {
				fr.callWith(a[0], child)
			}
			return &value{node: child}, true
		case "Route":
			if len(a) >= 2 {
				p, _ := fr.str(a[0])
				child := &node{fw: n.fw, parent: n, prefix: p}
				fr.callWith(a[1], child)
				return &value{node: child}, true
			}
		case "Mount":
			if len(a) >= 2 {
				p, _ := fr.str(a[0])
				fr.mountAt(n, p, a[1], c)
			}
			return nil, true
		case "Method", "MethodFunc":
			if len(a) >= 3 {
				if m, ok := fr.str(a[0]); ok {
					fr.register(n, strings.ToUpper(m), a[1], a[2], nil, c, false)
				}
			}
			return nil, true
		}
		if m, ok := byName(chi).verbs[name]; ok && len(a) >= 2 {
			fr.register(n, m, a[0], a[1], nil, c, false)
			return nil, true
		}
	case gin:
		switch name {
		case "Use":
			fr.use(n, a)
			return nil, true
		case "Group":
			p, _ := fr.str(arg(a, 0))
			return &value{node: &node{fw: n.fw, parent: n, prefix: p, mw: fr.names(rest(a, 1)), born: fr.m.tick()}}, true
		case "Handle":
			if len(a) >= 3 {
				if m, ok := fr.str(a[0]); ok {
					fr.register(n, strings.ToUpper(m), a[1], a[len(a)-1], fr.names(a[2:len(a)-1]), c, false)
				}
			}
			return nil, true
		case "Match":
			if len(a) >= 3 {
				for _, m := range fr.strList(a[0]) {
					fr.register(n, strings.ToUpper(m), a[1], a[len(a)-1], fr.names(a[2:len(a)-1]), c, false)
				}
			}
			return nil, true
		case "Static", "StaticFS", "StaticFile", "StaticFileFS":
			fr.static(n, arg(a, 0), c)
			return nil, true
		case "Run", "RunTLS", "RunUnix", "RunListener":
			n.root().served = true
			fr.evalArgs(c)
			return nil, true
		}
		if m, ok := byName(gin).verbs[name]; ok && len(a) >= 2 {
			fr.register(n, m, a[0], a[len(a)-1], fr.names(a[1:len(a)-1]), c, false)
			return nil, true
		}
	case echo:
		switch name {
		case "Use", "Pre":
			if n.parent != nil && name == "Use" {
				// A group's Use applies to its later routes; the root's
				// runs on every request.
				fr.use(n, a)
				return nil, true
			}
			n.mw = append(n.mw, fr.names(a)...)
			return nil, true
		case "Group":
			p, _ := fr.str(arg(a, 0))
			return &value{node: &node{fw: n.fw, parent: n, prefix: p, mw: fr.names(rest(a, 1)), born: fr.m.tick()}}, true
		case "Add":
			if len(a) >= 3 {
				if m, ok := fr.str(a[0]); ok {
					fr.register(n, strings.ToUpper(m), a[1], a[2], fr.names(rest(a, 3)), c, false)
				}
			}
			return nil, true
		case "Match":
			if len(a) >= 3 {
				for _, m := range fr.strList(a[0]) {
					fr.register(n, strings.ToUpper(m), a[1], a[2], fr.names(rest(a, 3)), c, false)
				}
			}
			return nil, true
		case "Static", "File":
			fr.static(n, arg(a, 0), c)
			return nil, true
		case "Start", "StartTLS", "StartAutoTLS", "StartServer", "StartH2CServer":
			n.root().served = true
			fr.evalArgs(c)
			return nil, true
		}
		if m, ok := byName(echo).verbs[name]; ok && len(a) >= 2 {
			fr.register(n, m, a[0], a[1], fr.names(rest(a, 2)), c, false)
			return nil, true
		}
	case fiber:
		switch name {
		case "Use":
			if len(a) > 0 {
				if _, isPath := fr.str(a[0]); isPath {
					// Middleware for a sub-path only: not modelled, so the
					// routes under this router lose their "none".
					n.partial = true
					return nil, true
				}
			}
			fr.use(n, a)
			return nil, true
		case "Group":
			p, _ := fr.str(arg(a, 0))
			return &value{node: &node{fw: n.fw, parent: n, prefix: p, mw: fr.names(rest(a, 1))}}, true
		case "Route":
			if len(a) >= 2 {
				p, _ := fr.str(a[0])
				child := &node{fw: n.fw, parent: n, prefix: p}
				fr.callWith(a[1], child)
				return &value{node: child}, true
			}
		case "Mount":
			if len(a) >= 2 {
				p, _ := fr.str(a[0])
				fr.mountAt(n, p, a[1], c)
			}
			return nil, true
		case "Add":
			if len(a) >= 3 {
				for _, m := range fr.strList(a[0]) {
					fr.register(n, strings.ToUpper(m), a[1], a[len(a)-1], fr.names(a[2:len(a)-1]), c, false)
				}
			}
			return nil, true
		case "Static":
			fr.static(n, arg(a, 0), c)
			return nil, true
		case "Listen", "ListenTLS", "Listener", "ListenMutualTLS":
			n.root().served = true
			return nil, true
		}
		if m, ok := byName(fiber).verbs[name]; ok && len(a) >= 2 {
			fr.register(n, m, a[0], a[len(a)-1], fr.names(a[1:len(a)-1]), c, false)
			return nil, true
		}
	case httprouter:
		switch name {
		case "Handle", "Handler", "HandlerFunc":
			if len(a) >= 3 {
				if m, ok := fr.str(a[0]); ok {
					fr.register(n, strings.ToUpper(m), a[1], a[2], nil, c, false)
				}
			}
			return nil, true
		case "ServeFiles":
			fr.static(n, arg(a, 0), c)
			return nil, true
		}
		if m, ok := byName(httprouter).verbs[name]; ok && len(a) >= 2 {
			fr.register(n, m, a[0], a[1], nil, c, false)
			return nil, true
		}
	}
	return nil, false
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
	sub.mw = append(append([]string(nil), h.wrappers...), sub.mw...)
}

// register records one route.
func (fr *frame) register(n *node, method string, pathExpr, handlerExpr ast.Expr, mw []string, c *ast.CallExpr, pattern bool) {
	p, ok := fr.str(pathExpr)
	if !ok {
		return
	}
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
	n.used = append(n.used, usedMW{names: fr.names(args), seq: fr.m.tick()})
}

// tick advances the interpretation order.
func (m *module) tick() int {
	m.seq++
	return m.seq
}

// static records a folder served as files (r.Static("/assets", "./public")).
func (fr *frame) static(n *node, pathExpr ast.Expr, c *ast.CallExpr) {
	p, ok := fr.str(pathExpr)
	if !ok {
		return
	}
	fr.m.pending = append(fr.m.pending, &pendingRoute{
		node: n, method: "GET", path: p, h: &handlerInfo{name: "static files"},
		file: fr.f, line: fr.line(c), static: true, seq: fr.m.tick(),
	})
}

// names lists middleware as written: authRequired, middleware.Logger,
// jwtauth.Verifier (for jwtauth.Verifier(ta)).
func (fr *frame) names(args []ast.Expr) []string {
	var out []string
	for _, a := range args {
		if n := mwName(a); n != "" {
			out = append(out, n)
		}
	}
	return out
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
	if a, _ := route.AuthFrom([]string{name}); a != facts.AuthRequired {
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
