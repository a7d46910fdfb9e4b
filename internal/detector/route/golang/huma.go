package golang

import (
	"go/ast"
	"strings"
)

// humaAPI is Huma: an API made by an adapter over another router
// (humachi.New(r, config)) is a router under it, so the router's
// middleware guards its operations. Operations are registered by package
// functions: huma.Register(api, huma.Operation{Method, Path,
// Middlewares}, h), huma.Get(api, path, h) and its kin; huma.NewGroup
// prefixes them. An operation's Security is documentation: middleware
// enforces it, and is judged as written.
var humaAPI = framework{
	name: huma, keyword: humaPkg, types: []string{"API", "Group"},
	methods: map[string]routerMethod{
		"UseMiddleware": useAlways,
	},
}

const humaPkg = "github.com/danielgtaylor/huma"

// humaVerbs are Huma's shorthand registering functions.
var humaVerbs = map[string]string{"Get": "GET", "Post": "POST", "Put": "PUT", "Patch": "PATCH", "Delete": "DELETE", "Head": "HEAD"}

// humaAdapter says an import path is one of Huma's router adapters.
func humaAdapter(ip string) bool {
	return strings.HasPrefix(ip, humaPkg+"/") && strings.Contains(ip, "/adapters/")
}

// humaCall interprets a function of Huma's packages; ok is false for
// one that registers nothing.
func (fr *frame) humaCall(ip, name string, c *ast.CallExpr) (*value, bool) {
	if humaAdapter(ip) {
		if name != "New" && name != "NewAdapter" {
			return nil, false
		}
		api := &node{fw: huma}
		if v := fr.eval(arg(c.Args, 0)); v != nil && v.node != nil {
			api.parent = v.node
		}
		return &value{node: api}, true
	}
	fw := rootFramework(ip)
	if fw == nil || fw.name != huma || len(c.Args) < 2 {
		return nil, false
	}
	n := fr.humaNode(c.Args[0])
	switch {
	case name == "NewGroup":
		return &value{node: &node{fw: huma, parent: n, prefix: fr.prefix(c.Args[1], c)}}, true
	case name == "Register" && len(c.Args) >= 3:
		op, ok := unparen(c.Args[1]).(*ast.CompositeLit)
		if !ok {
			fr.m.miss(fr.f.path, fr.line(c))
			return nil, true
		}
		var method, path ast.Expr
		var mw []ast.Expr
		for _, el := range op.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			switch exprText(kv.Key) {
			case "Method":
				method = kv.Value
			case "Path":
				path = kv.Value
			case "Middlewares":
				mw = []ast.Expr{kv.Value}
				if cl, ok := unparen(kv.Value).(*ast.CompositeLit); ok {
					mw = cl.Elts
				}
			}
		}
		m, ok := fr.str(method)
		if !ok || path == nil {
			fr.m.miss(fr.f.path, fr.line(c))
			return nil, true
		}
		fr.register(n, strings.ToUpper(m), path, c.Args[2], fr.guards(mw), c, false)
		return nil, true
	case humaVerbs[name] != "" && len(c.Args) >= 3:
		fr.register(n, humaVerbs[name], c.Args[1], c.Args[2], nil, c, false)
		return nil, true
	}
	return nil, false
}

// humaNode is the API an operation is registered on; one the detector
// could not follow stands in as a router of its own.
func (fr *frame) humaNode(e ast.Expr) *node {
	if v := fr.eval(e); v != nil && v.node != nil {
		return v.node
	}
	return &node{fw: huma, unresolved: true}
}
