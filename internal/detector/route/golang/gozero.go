package golang

import (
	"go/ast"

	"github.com/threatmap/threatmap/internal/detector/route/router"
)

// goZeroServer is go-zero's rest.Server. Its routes are tables of
// rest.Route{Method, Path, Handler} handed to AddRoutes, with options
// for the whole table: rest.WithPrefix, rest.WithJwt (the server turns
// away a request without a valid token before any handler runs), and
// middleware around each handler (rest.WithMiddlewares(ms, routes...)).
// The server's Use runs on every route, whenever it was added.
var goZeroServer = framework{
	name: goZero, keyword: "github.com/zeromicro/go-zero/rest",
	ctors: []string{"MustNewServer", "NewServer"}, types: []string{"Server"},
	methods: map[string]routerMethod{
		"AddRoutes": zeroAddRoutes,
		"AddRoute":  zeroAddRoutes,
		"Use":       useAlways,
		"Start":     serve,
	},
}

// zeroAddRoutes is server.AddRoutes(routes, opts...) (and AddRoute, one
// route): the table under a group that its options make.
func zeroAddRoutes(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	if len(c.Args) == 0 {
		return nil, false
	}
	g := &node{fw: n.fw, parent: n}
	for _, o := range c.Args[1:] {
		oc, ok := unparen(o).(*ast.CallExpr)
		if !ok {
			continue
		}
		sel, ok := unparen(oc.Fun).(*ast.SelectorExpr)
		if !ok || !fr.goZeroAPI(sel.X) {
			continue
		}
		switch sel.Sel.Name {
		case "WithPrefix":
			g.prefix = fr.prefix(arg(oc.Args, 0), oc)
		case "WithJwt", "WithJwtTransition":
			g.mw = append(g.mw, fr.guards([]ast.Expr{oc})...)
		}
	}
	fr.zeroRoutes(g, c.Args[0], nil)
	return nil, true
}

// zeroRoutes registers the routes of a table expression: a []rest.Route
// literal, one rest.Route, or rest.WithMiddlewares(ms, routes...) (and
// WithMiddleware(m, routes...)), which wraps each route's handler in ms.
// A table held in a variable is not read: its routes are noted missed.
func (fr *frame) zeroRoutes(n *node, e ast.Expr, mw []router.Guard) {
	switch e := unparen(e).(type) {
	case *ast.CompositeLit:
		if !zeroRoute(e) {
			for _, el := range e.Elts {
				fr.zeroRoutes(n, el, mw)
			}
			return
		}
		var method, path, handler ast.Expr
		for _, el := range e.Elts {
			kv := el.(*ast.KeyValueExpr)
			switch kv.Key.(*ast.Ident).Name {
			case "Method":
				method = kv.Value
			case "Path":
				path = kv.Value
			case "Handler":
				handler = kv.Value
			}
		}
		m, ok := fr.str(method)
		if !ok || path == nil {
			fr.m.miss(fr.f.path, fr.line(e))
			return
		}
		fr.register(n, m, path, handler, append([]router.Guard(nil), mw...), e, false)
	case *ast.CallExpr:
		sel, ok := unparen(e.Fun).(*ast.SelectorExpr)
		if !ok || !fr.goZeroAPI(sel.X) || len(e.Args) == 0 {
			fr.m.miss(fr.f.path, fr.line(e))
			return
		}
		switch sel.Sel.Name {
		case "WithMiddlewares":
			ms := []ast.Expr{e.Args[0]}
			if cl, ok := unparen(e.Args[0]).(*ast.CompositeLit); ok {
				ms = cl.Elts
			}
			mw = append(append([]router.Guard(nil), mw...), fr.guards(ms)...)
		case "WithMiddleware":
			mw = append(append([]router.Guard(nil), mw...), fr.guards(e.Args[:1])...)
		default:
			fr.m.miss(fr.f.path, fr.line(e))
			return
		}
		for _, r := range e.Args[1:] {
			fr.zeroRoutes(n, r, mw)
		}
	default:
		fr.m.miss(fr.f.path, fr.line(e))
	}
}

// zeroRoute says a composite literal is one route (its fields named),
// not a table of them.
func zeroRoute(cl *ast.CompositeLit) bool {
	if len(cl.Elts) == 0 {
		return false
	}
	for _, el := range cl.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			return false
		}
		if _, ok := kv.Key.(*ast.Ident); !ok {
			return false
		}
	}
	return true
}

// goZeroAPI says an expression names go-zero's rest package.
func (fr *frame) goZeroAPI(x ast.Expr) bool {
	fw := rootFramework(fr.importOf(x))
	return fw != nil && fw.name == goZero
}
