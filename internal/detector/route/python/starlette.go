package python

import (
	"github.com/threatmap/threatmap/internal/facts"
)

// maxMountDepth bounds the nesting of Starlette Mounts read (a list that
// names itself must not loop).
const maxMountDepth = 8

// listValue is the list an argument names: the list itself, a name bound
// to one (routes = [...]), or lists joined with +.
func (g *graph) listValue(m *module, e *expr) ([]*expr, *module) {
	if e == nil {
		return nil, m
	}
	if e.kind == exName || e.kind == exAttr {
		if v := g.ix.resolve(m, e); v.value != nil && v.mod != nil {
			e, m = v.value, v.mod
		}
	}
	switch e.kind {
	case exList:
		return e.items, m
	case exAdd:
		var out []*expr
		for _, part := range e.items {
			items, _ := g.listValue(m, part)
			out = append(out, items...)
		}
		return out, m
	}
	return nil, m
}

// starletteRoutes reads a Starlette (or FastAPI, or starlette Router)
// routes=[...] table: Route(path, endpoint, methods=[...]) with a
// function or an HTTPEndpoint class, WebSocketRoute, and Mount(path,
// routes=[...]) or Mount(path, app=...) nesting another table or app
// under a prefix.
func (g *graph) starletteRoutes(m *module, recv *object, list *expr, depth int) {
	items, m := g.listValue(m, list)
	if depth > maxMountDepth {
		return
	}
	for _, it := range items {
		if it.kind != exCall {
			continue
		}
		switch it.callee() {
		case "Route", "WebSocketRoute":
			p, ok := g.ix.str(m, it.arg(0, "path"))
			if !ok {
				if it.arg(0, "path") != nil {
					g.missed = append(g.missed, missedRoute{file: m.path, line: int(it.line)})
				}
				continue
			}
			endpoint := it.arg(1, "endpoint")
			if it.callee() == "WebSocketRoute" {
				if d := g.functionRoute(recv, m, endpoint, p, []string{"GET"}); d != nil {
					d.tags = append(d.tags, facts.TagWebsocket)
				}
				continue
			}
			methods := upper(g.ix.strs(m, it.arg(-1, "methods")))
			if s := g.ix.resolve(m, endpoint); s.cls != nil {
				// An HTTPEndpoint dispatches to its methods by name.
				g.classRoute(recv, m, endpoint, p, methods)
				continue
			}
			if len(methods) == 0 {
				methods = []string{"GET"}
			}
			g.functionRoute(recv, m, endpoint, p, methods)
		case "Mount":
			p, ok := g.ix.str(m, it.arg(0, "path"))
			if !ok {
				continue
			}
			if app := it.arg(1, "app"); app != nil {
				g.mountApp(m, recv, p, it, app)
				continue
			}
			sub := &object{kind: objRouter, mod: m, name: recv.name + "/Mount", fw: recv.fw}
			g.list = append(g.list, sub)
			g.link(recv, edge{child: sub, prefix: p})
			g.starletteRoutes(m, sub, it.arg(-1, "routes"), depth+1)
		}
	}
}

// mountApp reads a mount of app under p (app.mount(p, app) or Mount(p,
// app=...)): a routing object the tree builds, or Starlette's
// StaticFiles, which serves dotfiles and whose directory is the working
// folder's.
func (g *graph) mountApp(m *module, recv *object, p string, at, app *expr) {
	if sub := g.object(m, app); sub != nil {
		g.link(recv, edge{child: sub, prefix: p})
		return
	}
	if app == nil || app.kind != exCall || app.callee() != "StaticFiles" {
		return
	}
	served := g.folder(m, app.arg(0, "directory"), false)
	if served != nil {
		served.Dotfiles = true
	}
	recv.routes = append(recv.routes, &decl{methods: []string{"GET"}, path: p, mod: m, handler: "StaticFiles",
		line: int(at.line), endLine: int(at.line), body: at.text, tags: []string{facts.TagStatic}, framework: recv.framework(),
		served: served})
}
