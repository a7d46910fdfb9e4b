package golang

import (
	"go/ast"

	"github.com/threatmap/threatmap/internal/detector/route"
)

// fastRouter is fasthttp/router, the router of fasthttp servers:
// r.GET(path, h), r.Handle(method, path, h), r.Group(prefix); it has no
// middleware of its own (a guard wraps the handler). fasthttp serves it
// as fasthttp.ListenAndServe(addr, r.Handler).
var fastRouter = framework{
	name: fastHTTP, keyword: "github.com/fasthttp/router", ctors: []string{"New"}, types: []string{"Router", "Group"},
	verbs: upperVerbs(map[string]string{"ANY": "ANY"}),
	route: func(fr *frame, n *node, method string, c *ast.CallExpr) {
		fr.register(n, method, c.Args[0], c.Args[1], nil, c, false)
	},
	methods: map[string]routerMethod{
		"Group":            groupAt(false),
		"Handle":           ginHandle,
		"ServeFiles":       serveStatic,
		"ServeFilesCustom": serveStatic,
	},
	guess: []string{"Group"},
	// ctx.FormFile, ctx.MultipartForm on fasthttp's RequestCtx.
	vocab: route.Vocabulary{Upload: []string{"FormFile", "MultipartForm"}},
}

// fasthttpPkg is fasthttp itself, whose ListenAndServe serves a router's
// Handler.
const fasthttpPkg = "github.com/valyala/fasthttp"

// fastServe is fasthttp.ListenAndServe(addr, r.Handler) and its kin: the
// router whose Handler is served.
func (fr *frame) fastServe(name string, c *ast.CallExpr) bool {
	switch name {
	case "ListenAndServe", "ListenAndServeTLS", "ListenAndServeUNIX", "Serve", "ServeTLS":
	default:
		return false
	}
	for _, a := range c.Args {
		if sel, ok := unparen(a).(*ast.SelectorExpr); ok && sel.Sel.Name == "Handler" {
			if v := fr.eval(sel.X); v != nil && v.node != nil {
				v.node.root().served = true
			}
		}
	}
	return true
}
