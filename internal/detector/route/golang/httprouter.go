package golang

import (
	"go/ast"
	"strings"
)

// httpRouter is julienschmidt/httprouter: r.GET(path, h), no middleware.
var httpRouter = framework{
	name: httprouter, keyword: "github.com/julienschmidt/httprouter", ctors: []string{"New"}, types: []string{"Router"},
	verbs: upperVerbs(nil),
	route: func(fr *frame, n *node, method string, c *ast.CallExpr) {
		fr.register(n, method, c.Args[0], c.Args[1], nil, c, false)
	},
	methods: map[string]routerMethod{
		"Handle":      httprouterHandle,
		"Handler":     httprouterHandle,
		"HandlerFunc": httprouterHandle,
		"ServeFiles":  serveStatic,
	},
}

// httprouterHandle is r.Handle("GET", path, h).
func httprouterHandle(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	if a := c.Args; len(a) >= 3 {
		if m, ok := fr.str(a[0]); ok {
			fr.register(n, strings.ToUpper(m), a[1], a[2], nil, c, false)
		}
	}
	return nil, true
}
