package golang

import (
	"go/ast"
	"strings"
)

// chiRouter is go-chi (and its old pressly import path): r.Get(path, h),
// middleware with Use and With, subrouters with Route, Group and Mount.
func chiRouter(keyword string) *framework {
	return &framework{
		name: chi, keyword: keyword, ctors: []string{"NewRouter", "NewMux"}, types: []string{"Router", "Mux"},
		verbs: titleVerbs(map[string]string{"Handle": "ANY", "HandleFunc": "ANY"}),
		route: func(fr *frame, n *node, method string, c *ast.CallExpr) {
			fr.register(n, method, c.Args[0], c.Args[1], nil, c, false)
		},
		methods: map[string]routerMethod{
			"Use":        useAlways,
			"With":       chiWith,
			"Group":      chiGroup,
			"Route":      routeWith,
			"Mount":      mountUnder,
			"Method":     chiMethod,
			"MethodFunc": chiMethod,
		},
		guess: []string{"Handle", "HandleFunc", "Group", "Route", "Mount"},
	}
}

// chiWith is r.With(mw...): an inline group carrying the middleware.
func chiWith(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	return &value{node: &node{fw: n.fw, parent: n, mw: fr.guards(c.Args)}}, true
}

// chiGroup is r.Group(fn): a group with no prefix, built by fn.
func chiGroup(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	child := &node{fw: n.fw, parent: n}
	if len(c.Args) > 0 {
		fr.callWith(c.Args[0], child)
	}
	return &value{node: child}, true
}

// chiMethod is r.Method("GET", path, h).
func chiMethod(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	if a := c.Args; len(a) >= 3 {
		if m, ok := fr.str(a[0]); ok {
			fr.register(n, strings.ToUpper(m), a[1], a[2], nil, c, false)
		}
	}
	return nil, true
}
