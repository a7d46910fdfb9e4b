package golang

import (
	"go/ast"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/route"
)

const iris = "iris"

// irisRouter is kataras/iris: app.Get(path, mw..., h). A Party copies its
// parent's middleware when it is made, Use applies to what is registered
// after it, and UseGlobal and UseRouter run on every request.
var irisRouter = framework{
	name: iris, keyword: "github.com/kataras/iris", ctors: []string{"New", "Default"}, types: []string{"Application", "Party"},
	verbs: titleVerbs(map[string]string{"Any": "ANY"}),
	route: lastIsHandler,
	methods: map[string]routerMethod{
		"Use":        useAfter,
		"UseGlobal":  useAlways,
		"UseRouter":  useAlways,
		"Party":      irisParty,
		"Subdomain":  irisSubdomain,
		"Handle":     ginHandle, // Handle("GET", path, mw..., h), as gin's
		"HandleMany": irisHandleMany,
		"PartyFunc":  routeWith,
		"HandleDir":  serveStatic,
		"Listen":     serve,
		"Run":        serve,
	},
	guess: []string{"Party", "PartyFunc"},
	// ctx.FormFile and ctx.UploadFormFiles on iris's Context.
	vocab: route.Vocabulary{Upload: []string{"FormFile", "UploadFormFiles"}},
}

// irisParty is Party(prefix, mw...); a prefix ending in a dot
// ("admin.") is a subdomain, which adds nothing to the path.
func irisParty(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	v, ok := groupAt(true)(fr, n, c)
	if strings.HasSuffix(v.node.prefix, ".") {
		v.node.prefix = ""
	}
	return v, ok
}

// irisSubdomain is Subdomain("admin", mw...): a party for another host.
func irisSubdomain(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	return &value{node: &node{fw: n.fw, parent: n, mw: fr.guards(rest(c.Args, 1)), born: fr.m.tick()}}, true
}

// irisHandleMany is HandleMany("GET POST", "/a /b", mw..., h): every
// method on every path, each list space-separated.
func irisHandleMany(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	a := c.Args
	if len(a) < 3 {
		return nil, true
	}
	methods, ok := fr.str(a[0])
	paths, ok2 := fr.str(a[1])
	if !ok || !ok2 {
		return nil, true
	}
	mw := fr.guards(a[2 : len(a)-1])
	for _, m := range strings.Fields(methods) {
		for _, p := range strings.Fields(paths) {
			fr.registerAt(n, strings.ToUpper(m), p, a[len(a)-1], mw, c, false)
		}
	}
	return nil, true
}
