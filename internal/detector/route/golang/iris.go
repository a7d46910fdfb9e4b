package golang

import "github.com/threatmap/threatmap/internal/detector/route"

const iris = "iris"

// irisRouter is kataras/iris: app.Get(path, mw..., h). A Party copies its
// parent's middleware when it is made, Use applies to what is registered
// after it, and UseGlobal and UseRouter run on every request.
var irisRouter = framework{
	name: iris, keyword: "github.com/kataras/iris", ctors: []string{"New", "Default"}, types: []string{"Application", "Party"},
	verbs: titleVerbs(map[string]string{"Any": "ANY"}),
	route: lastIsHandler,
	methods: map[string]routerMethod{
		"Use":       useAfter,
		"UseGlobal": useAlways,
		"UseRouter": useAlways,
		"Party":     groupAt(true),
		"PartyFunc": routeWith,
		"HandleDir": serveStatic,
		"Listen":    serve,
		"Run":       serve,
	},
	guess: []string{"Party", "PartyFunc"},
	// ctx.FormFile and ctx.UploadFormFiles on iris's Context.
	vocab: route.Vocabulary{Upload: []string{"FormFile", "UploadFormFiles"}},
}
