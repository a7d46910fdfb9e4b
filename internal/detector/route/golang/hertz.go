package golang

import (
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
		"Static":     serveStatic,
		"StaticFS":   serveStatic,
		"StaticFile": serveStatic,
		"Spin":       serve,
		"Run":        serve,
	},
	guess: []string{"Group"},
	// c.FormFile, c.MultipartForm on the framework's RequestContext.
	vocab: route.Vocabulary{Upload: []string{"FormFile", "MultipartForm"}},
}
