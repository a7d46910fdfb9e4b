package golang

import (
	"go/ast"
	"path"

	"github.com/threatmap/threatmap/internal/detector/route"
)

// hertzRouter is CloudWeGo's Hertz, gin's API on its own packages:
// server.Default() makes the engine, h.GET(path, mw..., h) registers, Use
// applies to routes registered after it and a Group copies its parent's
// middleware when it is made.
var hertzRouter = framework{
	name: hertz, keyword: "github.com/cloudwego/hertz", pkgs: []string{"pkg/app/server", "pkg/route"},
	ctors: []string{"New", "Default"}, types: []string{"Hertz", "Engine", "RouterGroup", "IRouter", "IRoutes"},
	verbs: upperVerbs(map[string]string{"Any": "ANY"}),
	route: lastIsHandler,
	methods: map[string]routerMethod{
		"Use":        useAfter,
		"Group":      groupAt(true),
		"Handle":     ginHandle,
		"Static":     hertzStatic,
		"StaticFS":   serveStatic,
		"StaticFile": serveStatic,
		"Spin":       serve,
		"Run":        serve,
	},
	guess: []string{"Group"},
	// c.FormFile, c.MultipartForm on the framework's RequestContext.
	vocab: route.Vocabulary{Upload: []string{"FormFile", "MultipartForm"}},
}

// hertzStatic is h.Static(prefix, root): unlike gin's, Hertz's file
// server keeps the whole request path, so /static/a.css is
// root/static/a.css: the folder served is root joined with the prefix.
func hertzStatic(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	p, ok := fr.str(arg(c.Args, 0))
	root, rok := fr.folder(arg(c.Args, 1))
	if !ok || !rok {
		return serveStatic(fr, n, c)
	}
	full := p
	for g := n; g != nil; g = g.parent {
		full = g.prefix + full
	}
	fr.m.pending = append(fr.m.pending, &pendingRoute{
		node: n, method: "GET", path: p, h: &handlerInfo{name: "static files"},
		file: fr.f, line: fr.line(c), static: true, dir: path.Join(root, full), seq: fr.m.tick(),
	})
	return nil, true
}
