package golang

import (
	"go/ast"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/route"
)

// fiberRouter is fiber: app.Get(path, mw..., h); Use applies to what is
// registered after it, at every level.
var fiberRouter = framework{
	name: fiber, keyword: "github.com/gofiber/fiber", ctors: []string{"New"}, types: []string{"App", "Router", "Group"},
	// QUERY (RFC 10008): app.Query and fiber.MethodQuery since v3.4.
	verbs: titleVerbs(map[string]string{"All": "ANY", "Query": "QUERY"}),
	route: lastIsHandler,
	methods: map[string]routerMethod{
		"Use":             fiberUse,
		"Group":           groupAt(false),
		"Route":           routeWith,
		"Mount":           mountUnder,
		"Add":             fiberAdd,
		"Static":          serveStatic,
		"Listen":          listen,
		"ListenTLS":       listen,
		"Listener":        listen,
		"ListenMutualTLS": listen,
	},
	guess: []string{"Group", "Route", "Mount"},
	// c.FormFile, c.MultipartForm on the framework's context.
	vocab: route.Vocabulary{Upload: []string{"FormFile", "MultipartForm"}},
}

func fiberUse(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	if len(c.Args) > 0 {
		if _, isPath := fr.str(c.Args[0]); isPath {
			// Middleware for a sub-path only: not modelled, so the
			// routes under this router lose their "none".
			n.partial = true
			return nil, true
		}
	}
	return useAfter(fr, n, c)
}

// fiberAdd is app.Add([]string{"GET"}, path, mw..., h) (or one method).
func fiberAdd(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	if a := c.Args; len(a) >= 3 {
		for _, m := range fr.strList(a[0]) {
			fr.register(n, strings.ToUpper(m), a[1], a[len(a)-1], fr.guards(a[2:len(a)-1]), c, false)
		}
	}
	return nil, true
}

// listen marks the app served; fiber's Listen takes no handler to read.
func listen(_ *frame, n *node, _ *ast.CallExpr) (*value, bool) {
	n.root().served = true
	return nil, true
}
