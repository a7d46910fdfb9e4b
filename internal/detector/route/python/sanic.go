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
	g.viewRoute(recv, m, c.arg(0, "handler"), p, upper(g.ix.strs(m, c.arg(-1, "methods"))))
}

// sanicParam is Sanic's parameter syntax, the name first: <id:int>.
var sanicParam = regexp.MustCompile(`<([A-Za-z_][A-Za-z0-9_]*):([A-Za-z_]+)>`)

// sanicPath writes Sanic's <name:type> in the <type:name> order the
// common path reader takes, so the type is read and the name kept.
func sanicPath(p string) string {
	return sanicParam.ReplaceAllString(p, "<$2:$1>")
}
