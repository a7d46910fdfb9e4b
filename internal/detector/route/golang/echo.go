package golang

import (
	"go/ast"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/route"
)

// echoRouter is echo: e.GET(path, h, mw...), the middleware after the
// handler. The root's Use and Pre run on every request; a group's Use on
// the routes registered after it.
var echoRouter = framework{
	name: echo, keyword: "github.com/labstack/echo", ctors: []string{"New"}, types: []string{"Echo", "Group"},
	// QUERY (RFC 10008): Echo.QUERY and Group.QUERY since v4.14.
	verbs: upperVerbs(map[string]string{"Any": "ANY", "QUERY": "QUERY"}),
	route: func(fr *frame, n *node, method string, c *ast.CallExpr) {
		fr.register(n, method, c.Args[0], c.Args[1], fr.guards(rest(c.Args, 2)), c, false)
	},
	methods: map[string]routerMethod{
		"Use":            echoUse,
		"Pre":            useAlways,
		"Group":          groupAt(true),
		"Add":            echoAdd,
		"Match":          echoMatch,
		"Static":         serveStatic,
		"File":           serveStatic,
		"Start":          serve,
		"StartTLS":       serve,
		"StartAutoTLS":   serve,
		"StartServer":    serve,
		"StartH2CServer": serve,
	},
	guess: []string{"Group"},
	// c.FormFile, c.MultipartForm on the framework's context.
	vocab: route.Vocabulary{Upload: []string{"FormFile", "MultipartForm"}},
}

func echoUse(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	if n.parent != nil {
		return useAfter(fr, n, c)
	}
	return useAlways(fr, n, c)
}

// echoAdd is e.Add("GET", path, h, mw...).
func echoAdd(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	if a := c.Args; len(a) >= 3 {
		if m, ok := fr.str(a[0]); ok {
			fr.register(n, strings.ToUpper(m), a[1], a[2], fr.guards(rest(a, 3)), c, false)
		}
	}
	return nil, true
}

// echoMatch is e.Match([]string{"GET", "POST"}, path, h, mw...).
func echoMatch(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	if a := c.Args; len(a) >= 3 {
		for _, m := range fr.strList(a[0]) {
			fr.register(n, strings.ToUpper(m), a[1], a[2], fr.guards(rest(a, 3)), c, false)
		}
	}
	return nil, true
}
