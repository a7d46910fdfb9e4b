package golang

import "go/ast"

// gorillaMux is gorilla/mux: a registration returns a *Route that later
// calls (Methods, Subrouter) finish, so the route is kept as a
// gorillaRoute until the chain ends.
var gorillaMux = framework{
	name: gorilla, keyword: "github.com/gorilla/mux", ctors: []string{"NewRouter"}, types: []string{"Router"},
	methods: map[string]routerMethod{
		"Handle":      gorillaHandle,
		"HandleFunc":  gorillaHandle,
		"PathPrefix":  gorillaPath,
		"Path":        gorillaPath,
		"Methods":     gorillaMatcher,
		"Host":        gorillaMatcher,
		"Headers":     gorillaMatcher,
		"Queries":     gorillaMatcher,
		"Schemes":     gorillaMatcher,
		"NewRoute":    gorillaMatcher,
		"Name":        gorillaMatcher,
		"MatcherFunc": gorillaMatcher,
		"Use":         useAlways,
	},
	guess: []string{"Handle", "HandleFunc"},
}

func gorillaHandle(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	a := c.Args
	if len(a) < 2 {
		return nil, false
	}
	p, ok := fr.str(a[0])
	if !ok {
		return nil, true
	}
	gr := &gorillaRoute{node: n, path: p, file: fr.f, line: fr.line(c)}
	h := fr.handler(a[1])
	if h != nil && h.node != nil {
		fr.mount(n, h, h.strip)
		return nil, true
	}
	gr.h = h
	fr.m.gorilla = append(fr.m.gorilla, gr)
	return &value{gr: gr}, true
}

func gorillaPath(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	p, _ := fr.str(arg(c.Args, 0))
	gr := &gorillaRoute{node: n, path: p, file: fr.f, line: fr.line(c)}
	fr.m.gorilla = append(fr.m.gorilla, gr)
	return &value{gr: gr}, true
}

func gorillaMatcher(fr *frame, n *node, c *ast.CallExpr) (*value, bool) {
	gr := &gorillaRoute{node: n, file: fr.f, line: fr.line(c)}
	fr.m.gorilla = append(fr.m.gorilla, gr)
	return fr.gorillaMethod(gr, selName(c), c), true
}
