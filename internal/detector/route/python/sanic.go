package python

import (
	"regexp"
)

// sanicAddRoute reads Sanic's app.add_route(handler, uri, methods=[...]):
// a function, or a class-based view (HTTPMethodView.as_view()) that
// dispatches to its methods by name.
func (g *graph) sanicAddRoute(m *module, recv *object, c *expr) {
	p, ok := g.ix.str(m, c.arg(1, "uri"))
	if !ok {
		if c.arg(1, "uri") != nil {
			g.missed = append(g.missed, missedRoute{file: m.path, line: int(c.line)})
		}
		return
	}
	methods := upper(g.ix.strs(m, c.arg(-1, "methods")))
	view := c.arg(0, "handler")
	if view != nil && view.kind == exCall && view.callee() == "as_view" {
		g.classRoute(recv, m, view.fn.obj, p, methods)
		return
	}
	if len(methods) == 0 {
		methods = []string{"GET"}
	}
	g.functionRoute(recv, m, view, p, methods)
}

// sanicParam is Sanic's parameter syntax, the name first: <id:int>.
var sanicParam = regexp.MustCompile(`<([A-Za-z_][A-Za-z0-9_]*):([A-Za-z_]+)>`)

// sanicPath writes Sanic's <name:type> in the <type:name> order the
// common path reader takes, so the type is read and the name kept.
func sanicPath(p string) string {
	return sanicParam.ReplaceAllString(p, "<$2:$1>")
}
