package golang

import (
	"go/ast"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/route"
)

// ginRouter is gin: r.GET(path, mw..., h); Use applies to routes
// registered after it, and a Group copies its parent's middleware when it
// is made.
var ginRouter = framework{
	name: gin, keyword: "github.com/gin-gonic/gin", ctors: []string{"New", "Default"}, types: []string{"Engine", "RouterGroup", "IRouter", "IRoutes"},
	verbs: upperVerbs(map[string]string{"Any": "ANY"}),
	route: lastIsHandler,
	methods: map[string]routerMethod{
		"Use":          useAfter,
		"Group":        groupAt(true),
		"Handle":       ginHandle,
		"Match":        ginMatch,
		"Static":       serveStatic,
		"StaticFS":     serveStatic,
		"StaticFile":   serveStatic,
		"StaticFileFS": serveStatic,
		"Run":          serve,
		"RunTLS":       serve,
		"RunUnix":      serve,
		"RunListener":  serve,
	},
	guess: []string{"Group"},
	// c.FormFile, c.MultipartForm on the framework's context.
	vocab: route.Vocabulary{Upload: []string{"FormFile", "MultipartForm"}},
}

// ginHandle is r.Handle("GET", path, mw..., h).
func ginHandle(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	if a := c.Args; len(a) >= 3 {
		if m, ok := fr.str(a[0]); ok {
			fr.register(n, strings.ToUpper(m), a[1], a[len(a)-1], fr.guards(a[2:len(a)-1]), c, false)
		}
	}
	return nil, true
}

// ginMatch is r.Match([]string{"GET", "POST"}, path, mw..., h).
func ginMatch(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	if a := c.Args; len(a) >= 3 {
		for _, m := range fr.strList(a[0]) {
			fr.register(n, strings.ToUpper(m), a[1], a[len(a)-1], fr.guards(a[2:len(a)-1]), c, false)
		}
	}
	return nil, true
}
