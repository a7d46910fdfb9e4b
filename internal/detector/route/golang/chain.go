package golang

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"
)

// The dskit family (Loki, Mimir, Tempo, Cortex) registers its API on a
// gorilla/mux router held in a field of a struct from another module:
// t.Server.HTTP.Path("/api/v1/push").Methods("POST").Handler(h). Nothing
// in the scanned code says the field is a router, so the chain's own
// shape has to: Path or PathPrefix with a path, gorilla's route matchers,
// and Handler or HandlerFunc at the end. No other common API reads that
// way (url.URL.Path is a field, not a call; a request builder's Path is
// not followed by Handler).

// routeMatchers are the gorilla/mux methods a registration chain may pass
// through between its receiver and Handler: *Route's matchers (the Router
// has the same ones, returning a new *Route) and Subrouter.
var routeMatchers = map[string]bool{
	"Path": true, "PathPrefix": true, "Methods": true, "Name": true,
	"Host": true, "Headers": true, "HeadersRegexp": true, "Queries": true,
	"Schemes": true, "MatcherFunc": true, "Subrouter": true,
}

// gorillaChain reads c as a gorilla/mux registration chain ending in
// Handler(h) or HandlerFunc(h). It returns the chain's first call (the one
// made on the router) and the path arguments of its Path and PathPrefix
// calls, or nil when c does not have the shape. Syntax only: summaries use
// it to find the functions worth interpreting.
func gorillaChain(c *ast.CallExpr) (first *ast.CallExpr, paths []ast.Expr) {
	sel, ok := unparen(c.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Handler" && sel.Sel.Name != "HandlerFunc" || len(c.Args) != 1 {
		return nil, nil
	}
	outer := sel.Sel.Name
	for depth := 0; depth < 16; depth++ {
		inner, ok := unparen(sel.X).(*ast.CallExpr)
		if !ok {
			break
		}
		isel, ok := unparen(inner.Fun).(*ast.SelectorExpr)
		if !ok || !routeMatchers[isel.Sel.Name] {
			break // sel.X is the receiver: a field, a variable, a getter
		}
		switch name := isel.Sel.Name; name {
		case "Path", "PathPrefix":
			if len(inner.Args) != 1 || !pathLike(inner.Args[0]) {
				return nil, nil
			}
			paths = append(paths, inner.Args[0])
		case "Subrouter":
			// A Router has no Handler method: Subrouter().Handler(h)
			// is something else.
			if outer == "Handler" || outer == "HandlerFunc" || len(inner.Args) != 0 {
				return nil, nil
			}
		case "Methods":
			if len(inner.Args) == 0 {
				return nil, nil
			}
		}
		first, outer, sel = inner, isel.Sel.Name, isel
	}
	if first == nil || len(paths) == 0 || outer == "Subrouter" {
		return nil, nil
	}
	return first, paths
}

// pathLike says a Path argument is written as a path: a literal starting
// with "/", a constant (name or pkg.Name), or a concatenation starting
// with one of those. A call (path built at run time) is not.
func pathLike(e ast.Expr) bool {
	switch e := unparen(e).(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return false
		}
		s, err := strconv.Unquote(e.Value)
		return err == nil && strings.HasPrefix(s, "/")
	case *ast.Ident:
		return e.Name != "nil" && e.Name != "true" && e.Name != "false"
	case *ast.SelectorExpr:
		_, ok := e.X.(*ast.Ident)
		return ok
	case *ast.BinaryExpr:
		return e.Op == token.ADD && pathLike(e.X)
	}
	return false
}

// markGorillaChain notes the first call of a gorilla/mux registration
// chain ending in c, for call to give it a stand-in gorilla router when
// its receiver cannot be resolved. Left out: a chain whose paths do not
// all resolve to one starting with "/", and one whose handler cannot be
// what gorilla takes there (a builder's callback).
func (fr *frame) markGorillaChain(c *ast.CallExpr) {
	first, paths := gorillaChain(c)
	if first == nil || !fr.gorillaHandlerArg(c) {
		return
	}
	for _, p := range paths {
		// An unresolved constant (its package was not scanned) would
		// put the route at the router's root: better none than a wrong one.
		if s, ok := fr.str(p); !ok || !strings.HasPrefix(s, "/") {
			return
		}
	}
	fr.m.gorillaChains[first] = true
}

// gorillaHandlerArg says the argument of c (Handler or HandlerFunc) can be
// what gorilla/mux takes: Handler wants an http.Handler, which no function
// is; HandlerFunc a function of (http.ResponseWriter, *http.Request). An
// argument whose type is not known passes.
func (fr *frame) gorillaHandlerArg(c *ast.CallExpr) bool {
	wantFunc := unparen(c.Fun).(*ast.SelectorExpr).Sel.Name == "HandlerFunc"
	switch a := unparen(c.Args[0]).(type) {
	case *ast.FuncLit:
		return wantFunc && isHandlerFunc(fr.f, a.Type.Params)
	default:
		if fd := fr.declaredFunc(a); fd != nil {
			return wantFunc && fd.handlerFunc
		}
	}
	return true
}

// declaredFunc is the function of this package, or the method of a
// receiver whose type is known, that a handler argument names.
func (fr *frame) declaredFunc(e ast.Expr) *funcDecl {
	switch e := unparen(e).(type) {
	case *ast.Ident:
		if c := fr.p.funcs[e.Name]; len(c) > 0 && !fr.env.has(e.Name) {
			return c[0]
		}
	case *ast.SelectorExpr:
		if fr.importOf(e.X) != "" {
			return nil
		}
		recv := fr.evalNoCall(e.X)
		if recv == nil || recv.typeName == "" {
			return nil
		}
		for _, fd := range fr.p.methods[e.Sel.Name] {
			if fd.recvType == recv.typeName {
				return fd
			}
		}
	}
	return nil
}

// isHandlerFunc says a parameter list is (http.ResponseWriter,
// *http.Request), whatever the names.
func isHandlerFunc(f *goFile, params *ast.FieldList) bool {
	var types []ast.Expr
	for _, fl := range params.List {
		n := len(fl.Names)
		if n == 0 {
			n = 1
		}
		for range n {
			types = append(types, fl.Type)
		}
	}
	if len(types) != 2 {
		return false
	}
	return isHTTPType(f, types[0], "ResponseWriter") && isHTTPType(f, types[1], "*Request")
}

// isHTTPType says t is net/http's name (with a leading "*" for a pointer).
func isHTTPType(f *goFile, t ast.Expr, name string) bool {
	if rest, ok := strings.CutPrefix(name, "*"); ok {
		st, ok := t.(*ast.StarExpr)
		if !ok {
			return false
		}
		t, name = st.X, rest
	}
	sel, ok := t.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != name {
		return false
	}
	x, ok := sel.X.(*ast.Ident)
	return ok && f.imports[x.Name] == "net/http"
}
