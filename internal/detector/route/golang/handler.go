package golang

import (
	"go/ast"
	"go/token"
	"sort"

	"github.com/threatmap/threatmap/internal/detector/route/router"
	"github.com/threatmap/threatmap/internal/facts"
)

// handlerInfo is what a route's handler expression resolves to.
type handlerInfo struct {
	name     string
	body     string // source of the handler function, for tags and auth
	endLine  int    // last line of an inline handler
	gql      bool   // a GraphQL server
	static   bool   // serves files
	dir      string // the folder a file server serves, when named
	wrappers []router.Guard
	node     *node // the "handler" is a router: a mount
	strip    string
	stripped bool
	value    *value // a server struct holding a router
	// file and pos are where the handler's code starts (a declaration
	// or a func literal), when resolved: data flow starts there.
	file *goFile
	pos  token.Pos
}

// handler resolves a handler expression: a function, a method value, an
// inline func, a router being mounted, or a chain of wrappers around one
// of those (requireAuth(http.HandlerFunc(h)), alice.New(a).Then(h)).
func (fr *frame) handler(e ast.Expr) *handlerInfo {
	switch e := unparen(e).(type) {
	case nil:
		return nil
	case *ast.UnaryExpr:
		return fr.handler(e.X)
	case *ast.StarExpr:
		return fr.handler(e.X)
	case *ast.FuncLit:
		return &handlerInfo{name: "anonymous", body: fr.text(fr.f, e), endLine: fr.f.lines().Line(e.Body.Rbrace), file: fr.f, pos: e.Pos()}
	case *ast.Ident, *ast.SelectorExpr:
		if v := fr.eval(e); v != nil {
			switch {
			case v.node != nil:
				return routerHandler(v)
			case v.handler != nil:
				h := *v.handler
				if h.name == "" || h.gql {
					h.name = exprText(e)
				}
				return &h
			case v.lit != nil:
				return &handlerInfo{name: exprText(e), body: fr.text(v.litFile, v.lit), file: v.litFile, pos: v.lit.Pos()}
			case v.fn != nil && v.fnIn != fr:
				// A handler a wrapper was handed: read where it was written.
				return v.fnIn.handler(v.fn)
			case len(v.fields) > 0:
				if h := fr.structHandler(v, e); h != nil {
					return h
				}
			}
		}
		h := &handlerInfo{name: exprText(e)}
		if fd := fr.lookupFunc(e); fd != nil {
			h.body, h.file, h.pos = fd.text(), fd.file, fd.pos
		}
		return h
	case *ast.CompositeLit:
		v := fr.eval(e)
		if v != nil && v.handler != nil {
			return v.handler
		}
		if v != nil {
			if h := fr.structHandler(v, e); h != nil {
				return h
			}
		}
		return &handlerInfo{name: exprText(e.Type)}
	case *ast.CallExpr:
		return fr.callHandler(e)
	}
	return &handlerInfo{name: exprText(e)}
}

func (fr *frame) callHandler(c *ast.CallExpr) *handlerInfo {
	fun := unparen(c.Fun)
	if sel, ok := fun.(*ast.SelectorExpr); ok {
		ip := fr.importOf(sel.X)
		switch {
		case ip == "net/http":
			switch sel.Sel.Name {
			case "HandlerFunc", "Handler", "TimeoutHandler", "MaxBytesHandler", "AllowQuerySemicolons":
				return fr.handler(arg(c.Args, 0))
			case "StripPrefix":
				h := fr.handler(arg(c.Args, 1))
				if h != nil {
					h.strip, _ = fr.str(arg(c.Args, 0))
					h.stripped = true
				}
				return h
			case "FileServer", "FileServerFS":
				dir, _ := fr.folder(arg(c.Args, 0))
				return &handlerInfo{name: "http." + sel.Sel.Name, body: "http.FileServer", static: true, dir: dir}
			case "ServeFile", "ServeContent":
				return &handlerInfo{name: "http." + sel.Sel.Name, body: "http.FileServer", static: true}
			}
			return &handlerInfo{name: exprText(fun)}
		case ip != "" && (sel.Sel.Name == "WrapH" || sel.Sel.Name == "WrapF" || sel.Sel.Name == "WrapHandler" ||
			sel.Sel.Name == "HTTPHandler" || sel.Sel.Name == "HTTPHandlerFunc"):
			// gin.WrapH, echo.WrapHandler, fiber's adaptor: the same handler.
			return fr.handler(arg(c.Args, 0))
		case ip == "" && (sel.Sel.Name == "Then" || sel.Sel.Name == "ThenFunc"):
			// alice.New(a, b).Then(h): a and b wrap h.
			h := fr.handler(arg(c.Args, 0))
			if h != nil {
				if inner, ok := unparen(sel.X).(*ast.CallExpr); ok {
					h.wrappers = append(fr.guards(inner.Args), h.wrappers...)
				}
			}
			return h
		}
	}
	// A factory of a router (adminRouter()) or a GraphQL server. Any
	// other handler a function returns is decided by its arguments below:
	// a middleware also returns a handler.
	if v := fr.eval(c); v != nil {
		switch {
		case v.node != nil:
			return routerHandler(v)
		case v.handler != nil && v.handler.gql:
			h := *v.handler
			return &h
		case len(v.fields) > 0:
			// A constructor of a server struct (New(cfg)) holding the router.
			if h := fr.structHandler(v, c); h != nil {
				return h
			}
		}
	}
	if h := fr.composed(c); h != nil {
		return h
	}
	// mw(h) or mw(cfg)(h): a middleware wrapping the last argument, or
	// mw(h, db): wrapping the first, with its dependencies after it.
	if i := fr.wrappedArg(c.Args); i >= 0 {
		h := fr.handler(c.Args[i])
		if h != nil {
			h.wrappers = append([]router.Guard{fr.guard(mwName(c), c)}, h.wrappers...)
		}
		return h
	}
	// A handler factory: h.List(), NewUserHandler(db).
	h := &handlerInfo{name: exprText(fun)}
	if fd := fr.lookupFunc(fun); fd != nil {
		h.body, h.file, h.pos = fd.text(), fd.file, fd.pos
	}
	return h
}

// composed reads two shapes of a handler the module builds from parts
// it was handed: chain(h, mw...), a function of the module whose last
// parameter is variadic, given a handler for a parameter before it and
// middleware for the rest (the handler wrapped by each, the first
// outermost); and h.toEcho(), a method of the module on a handler with no
// arguments, which converts it (the same handler). Anything else is left
// to the readings after it.
func (fr *frame) composed(c *ast.CallExpr) *handlerInfo {
	fun := unparen(c.Fun)
	if sel, ok := fun.(*ast.SelectorExpr); ok && len(c.Args) == 0 && fr.lookupFunc(fun) != nil {
		if inner, ok := unparen(sel.X).(*ast.CallExpr); ok {
			if h := fr.composed(inner); h != nil {
				return h
			}
		} else if v := fr.evalNoCall(sel.X); v != nil && (v.fn != nil || v.lit != nil) {
			return fr.handler(sel.X)
		}
		return nil
	}
	fd := fr.lookupFunc(fun)
	if fd == nil || fd.fixedParams < 1 || fd.fixedParams >= len(c.Args) {
		return nil
	}
	fixed := fd.fixedParams
	for _, a := range c.Args[fixed:] {
		// hasUUID(h, "campUUID", "subUUID"): names after the handler
		// configure a middleware; they are not middleware.
		if !fr.handlerish(a) && !fr.boundFunc(a) {
			return nil
		}
	}
	first := c.Args[0]
	if !fr.handlerish(first) && !fr.boundFunc(first) {
		return nil
	}
	h := fr.handler(first)
	if h == nil {
		return nil
	}
	h.wrappers = append(fr.guards(c.Args[fixed:]), h.wrappers...)
	return h
}

// boundFunc says an expression is a function a wrapper was handed, or
// a list of them.
func (fr *frame) boundFunc(e ast.Expr) bool {
	v := fr.evalNoCall(unparen(e))
	return v != nil && (v.fn != nil || v.list != nil)
}

// wrappedArg picks the handler a middleware call wraps: the last argument
// when it looks like a handler, else the first one that names a function
// (a call or func literal there is more likely an option than the
// handler).
func (fr *frame) wrappedArg(args []ast.Expr) int {
	n := len(args)
	if n == 0 {
		return -1
	}
	if fr.handlerish(args[n-1]) {
		return n - 1
	}
	for i, a := range args[:n-1] {
		switch a := unparen(a).(type) {
		case *ast.Ident, *ast.SelectorExpr:
			if fr.handlerish(a) {
				return i
			}
		case *ast.CallExpr:
			// wrap(resourceHandler(cache), "/api/resources"): a handler
			// the module's factory makes, with only literals after it.
			if fr.lookupFunc(a.Fun) != nil && literals(args[i+1:]) {
				return i
			}
		}
	}
	return -1
}

// literals says every expression is a basic literal (a prefix, a label).
func literals(es []ast.Expr) bool {
	for _, e := range es {
		if _, ok := unparen(e).(*ast.BasicLit); !ok {
			return false
		}
	}
	return true
}

// handlerish says an argument looks like a handler rather than config:
// a func literal, a call, or a name that resolves to a function or a
// handler value.
func (fr *frame) handlerish(e ast.Expr) bool {
	switch e := unparen(e).(type) {
	case *ast.FuncLit, *ast.CallExpr:
		return true
	case *ast.Ident, *ast.SelectorExpr:
		if v := fr.eval(e); v != nil {
			return v.node != nil || v.handler != nil || v.lit != nil
		}
		return fr.lookupFunc(e) != nil
	}
	return false
}

// lookupFunc finds the declaration a function or method name refers to:
// a function of this package, of an imported package of the module, or a
// method (by the receiver's type when known).
func (fr *frame) lookupFunc(e ast.Expr) *funcDecl {
	switch e := unparen(e).(type) {
	case *ast.Ident:
		if fr.env.has(e.Name) {
			return nil
		}
		if c := fr.p.funcs[e.Name]; len(c) > 0 {
			return c[0]
		}
	case *ast.SelectorExpr:
		if ip := fr.importOf(e.X); ip != "" {
			if p := fr.m.pkgDir(fr.m.resolveImport(ip)); p != nil {
				if c := p.funcs[e.Sel.Name]; len(c) > 0 {
					return c[0]
				}
			}
			return nil
		}
		recv := fr.evalNoCall(e.X)
		if c := fr.methodsOf(fr.p, e.Sel.Name, recv); len(c) > 0 {
			return c[0]
		}
		// A handler type from another package of the module.
		for _, key := range fr.m.dirs {
			p := fr.m.pkgs[key]
			if p == fr.p {
				continue
			}
			if c := fr.methodsOf(p, e.Sel.Name, recv); len(c) == 1 {
				return c[0]
			}
		}
	}
	return nil
}

// routerHandler is a router value as a handler, with the wrappers a
// call put around it (requireAuth(mux) assigned, then served).
func routerHandler(v *value) *handlerInfo {
	h := &handlerInfo{node: v.node}
	if v.handler != nil && v.handler.node == v.node {
		h.wrappers = v.handler.wrappers
	}
	return h
}

// wrapping is the value of a call handed a router that returns no router
// of its own: a middleware around it (handler = requireAuth(mux),
// logged(r)). It is the router with the call as its outermost wrapper, so
// that serving or mounting it later puts the guard over every route. A
// function of the module handed a handler wraps that handler the same way
// (var usersGet = withAdmin(func(w, r, d) ...)), wherever it is registered.
func (fr *frame) wrapping(c *ast.CallExpr, args []*value, ret *value, module bool) *value {
	if ret != nil && (ret.node != nil || len(ret.fields) > 0 || ret.handler != nil) {
		return ret
	}
	for i := len(args) - 1; i >= 0; i-- {
		a := args[i]
		if a == nil || a.node == nil {
			continue
		}
		inner := routerHandler(a).wrappers
		h := &handlerInfo{node: a.node, wrappers: append([]router.Guard{fr.guard(mwName(c), c)}, inner...)}
		return &value{node: a.node, handler: h}
	}
	if !module {
		return ret
	}
	for i := len(args) - 1; i >= 0; i-- {
		a := args[i]
		var h handlerInfo
		switch {
		case a == nil:
			continue
		case a.lit != nil:
			h = handlerInfo{body: fr.text(a.litFile, a.lit), file: a.litFile, pos: a.lit.Pos()}
		case a.handler != nil && a.handler.node == nil && !a.handler.gql:
			h = *a.handler
		default:
			continue
		}
		h.wrappers = append([]router.Guard{fr.guard(mwName(c), c)}, h.wrappers...)
		return &value{handler: &h}
	}
	return ret
}

// structHandler is a value of the module's own type holding a router in
// a field (a server struct, authHandler{next: mux}): the router is what it
// serves. When the module declares the type's ServeHTTP, that runs before
// every route of the router, and is judged as a guard like middleware (a
// token check rejects; a logger or a CORS wrapper does not).
func (fr *frame) structHandler(v *value, e ast.Expr) *handlerInfo {
	n := firstRouterField(v)
	if n == nil {
		return nil
	}
	fd := fr.serveHTTPOf(v.typeName)
	if fd == nil {
		return &handlerInfo{name: exprText(e), value: v}
	}
	g := router.Guard{
		Name:    v.typeName + ".ServeHTTP",
		Source:  fd.text(),
		Defined: facts.Evidence{File: fd.file.path, Line: fd.file.lines().Line(fd.pos)},
		Applied: facts.Evidence{File: fr.f.path, Line: fr.line(e)},
	}
	return &handlerInfo{node: n, wrappers: []router.Guard{g}}
}

// serveHTTPOf is the module's ServeHTTP method of the named type: in this
// package, else the one package that declares one.
func (fr *frame) serveHTTPOf(typeName string) *funcDecl {
	if typeName == "" {
		return nil
	}
	recv := &value{typeName: typeName}
	var found []*funcDecl
	for _, fd := range fr.methodsOf(fr.p, "ServeHTTP", recv) {
		if fd.recvType == typeName {
			return fd
		}
	}
	for _, key := range fr.m.dirs {
		if p := fr.m.pkgs[key]; p != fr.p {
			for _, fd := range p.methods["ServeHTTP"] {
				if fd.recvType == typeName {
					found = append(found, fd)
				}
			}
		}
	}
	if len(found) != 1 {
		return nil
	}
	return found[0]
}

// text is the source of a node of f.
func (fr *frame) text(f *goFile, n ast.Node) string {
	if f == nil {
		return ""
	}
	return f.text(n.Pos(), n.End())
}

// text is the source of the whole declaration.
func (fd *funcDecl) text() string { return fd.file.text(fd.pos, fd.end) }

// text is the source between two positions of f.
func (f *goFile) text(pos, end token.Pos) string {
	src := f.src.Bytes()
	start, stop := int(pos)-f.base, int(end)-f.base
	if !pos.IsValid() || start < 0 || stop > len(src) || start > stop {
		return ""
	}
	return string(src[start:stop])
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
