package golang

import "go/ast"

// gojiRouter is zenazn/goji's web.Mux: m.Get(pattern, h), the pattern a
// path (":name" params, a trailing "*") or a *regexp.Regexp. Middleware
// added with Use runs on every route, whenever it was added. The goji
// package's own Get, Post... register on its DefaultMux (see gojiDefault).
var gojiRouter = framework{
	name: goji, keyword: "github.com/zenazn/goji/web", ctors: []string{"New"}, types: []string{"Mux"},
	verbs: titleVerbs(map[string]string{"Handle": "ANY"}),
	route: func(fr *frame, n *node, method string, c *ast.CallExpr) {
		fr.register(n, method, c.Args[0], c.Args[1], nil, c, false)
	},
	methods: map[string]routerMethod{
		"Use":    useAlways,
		"Insert": gojiInsert,
	},
}

// gojiPkg is the goji package, whose functions register on DefaultMux.
const gojiPkg = "github.com/zenazn/goji"

// gojiInsert is m.Insert(mw, before): middleware like Use's, placed in
// the stack.
func gojiInsert(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	if len(c.Args) > 0 {
		n.mw = append(n.mw, fr.guards(c.Args[:1])...)
	}
	return nil, true
}

// gojiDefault is goji.Get(...) and the rest: the package's DefaultMux,
// which goji.Serve serves.
func (fr *frame) gojiDefault(name string, c *ast.CallExpr) *value {
	if fr.m.gojiMux == nil {
		fr.m.gojiMux = &node{fw: goji}
	}
	n := fr.m.gojiMux
	switch name {
	case "Serve", "ServeTLS", "ServeListener":
		n.served = true
		return nil
	case "DefaultMux":
		return &value{node: n}
	}
	fr.routerMethod(n, name, c)
	return nil
}
