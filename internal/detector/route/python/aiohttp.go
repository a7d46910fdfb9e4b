package python

import (
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
)

// aiohttp registers routes on an Application's router by call
// (app.router.add_get(path, handler), add_route(method, path, handler),
// add_view(path, View)), by a list of route definitions
// (app.add_routes([web.get(path, handler), ...])) or by a RouteTableDef's
// decorators (@routes.get(path)) handed to add_routes; sub-applications
// are mounted with add_subapp(prefix, sub).

// aiohttpAdds are the router's registration methods that name their
// method; add_route takes it as its first argument.
var aiohttpAdds = map[string]string{
	"add_get": "GET", "add_post": "POST", "add_put": "PUT", "add_patch": "PATCH",
	"add_delete": "DELETE", "add_head": "HEAD", "add_options": "OPTIONS", "add_route": "", "add_view": "",
}

// aiohttpDefs are aiohttp.web's route definition functions
// (web.get(path, handler)), as add_routes takes them.
var aiohttpDefs = map[string]string{
	"get": "GET", "post": "POST", "put": "PUT", "patch": "PATCH", "delete": "DELETE",
	"head": "HEAD", "options": "OPTIONS", "route": "", "view": "",
}

func (k objKind) aiohttp() bool { return k == objAiohttpApp || k == objAiohttpTable }

// aiohttpReceiver is the application a registration call is made on:
// app.router.add_get is the app's. A receiver the tree does not bind (a
// setup_routes(app) function's parameter) is the tree's one aiohttp
// Application no add_subapp mounts, when it has exactly one, if the call is one only an
// application has (x.router.add_get, add_routes, add_subapp); otherwise
// none.
func (g *graph) aiohttpReceiver(m *module, e *expr, appOnly bool) *object {
	if e != nil && e.kind == exAttr && e.name == "router" {
		e, appOnly = e.obj, true
	}
	if o := g.object(m, e); o != nil {
		if o.kind.aiohttp() {
			return o
		}
		return nil
	}
	if !m.usesAiohttp || !appOnly {
		return nil // only x.router and the app's own add_routes are an app's
	}
	if !g.aioRootDone {
		g.aioRoot, g.aioRootDone = g.aiohttpRoot(), true
	}
	return g.aioRoot
}

// aiohttpRoot is the tree's one aiohttp Application that no add_subapp
// mounts, or nil when there is not exactly one.
func (g *graph) aiohttpRoot() *object {
	sub := map[*object]bool{}
	for _, mm := range g.ix.mods {
		for _, c := range mm.calls {
			if c.callee() == "add_subapp" {
				sub[g.object(mm, c.arg(1, "subapp"))] = true
			}
		}
	}
	var only *object
	for _, o := range g.list {
		if o.kind == objAiohttpApp && !sub[o] {
			if only != nil {
				return nil
			}
			only = o
		}
	}
	return only
}

// aiohttpCall handles an aiohttp registration or mount call and says
// whether it was one.
func (g *graph) aiohttpCall(m *module, c *expr) bool {
	name := c.callee()
	_, add := aiohttpAdds[name]
	if !add && name != "add_routes" && name != "add_subapp" && name != "add_static" {
		return false
	}
	recv := g.aiohttpReceiver(m, c.fn.obj, name == "add_routes" || name == "add_subapp")
	if recv == nil {
		return false
	}
	switch {
	case add:
		g.aiohttpRoute(recv, m, c, name)
	case name == "add_routes":
		arg := c.arg(0, "routes")
		if table := g.object(m, arg); table != nil && table.kind == objAiohttpTable {
			g.link(recv, edge{child: table})
			break
		}
		if arg != nil && (arg.kind == exName || arg.kind == exAttr) {
			// tenant_routes = [web.get(...), ...] then add_routes(tenant_routes)
			if v := g.ix.resolve(m, arg); v.value != nil && v.value.kind == exList {
				arg, m = v.value, v.mod
			}
		}
		if arg != nil && arg.kind == exList {
			for _, it := range arg.items {
				if it.kind == exCall && g.ix.resolve(m, it.fn).root() == "aiohttp" {
					g.aiohttpRoute(recv, m, it, it.callee())
				}
			}
		}
	case name == "add_subapp":
		if sub := g.object(m, c.arg(1, "subapp")); sub != nil && sub.kind == objAiohttpApp {
			p, _ := g.prefixArg(m, c.arg(0, "prefix"), c.line)
			g.link(recv, edge{child: sub, prefix: p})
		}
	case name == "add_static":
		if p, ok := g.ix.str(m, c.arg(0, "prefix")); ok {
			// StaticResource serves every file below its folder, dotfiles
			// too; the folder is the working folder's unless built from
			// a module's own.
			served := g.folder(m, c.arg(1, "path"), false)
			if served != nil {
				served.Dotfiles = true
			}
			recv.routes = append(recv.routes, &decl{methods: []string{"GET"}, path: p, mod: m, handler: "add_static",
				line: int(c.line), endLine: int(c.line), body: c.text, tags: []string{facts.TagStatic}, framework: "aiohttp", served: served})
		}
	}
	return true
}

// aiohttpRoute adds one registration: verb is the method's name as
// written (add_get, get, add_route/route with the method first, add_view
// or view with a class).
func (g *graph) aiohttpRoute(recv *object, m *module, c *expr, verb string) {
	verb = strings.TrimPrefix(verb, "add_")
	method, ok := aiohttpDefs[verb]
	if !ok {
		return
	}
	i := 0
	if verb == "route" {
		ms, ok := g.ix.str(m, c.arg(0, "method"))
		if !ok {
			return
		}
		method, i = strings.ToUpper(ms), 1
		if method == "*" {
			method = "ANY"
		}
	}
	p, ok := g.ix.str(m, c.arg(i, "path"))
	if !ok {
		if c.arg(i, "path") != nil {
			g.missed = append(g.missed, missedRoute{file: m.path, line: int(c.line)})
		}
		return
	}
	handler := c.arg(i+1, "handler")
	if verb == "view" {
		// A web.View dispatches to its methods by name.
		g.classRoute(recv, m, handler, p, nil)
		return
	}
	if s := g.ix.resolve(m, handler); s.cls != nil {
		g.classRoute(recv, m, handler, p, []string{method})
		return
	}
	g.functionRoute(recv, m, handler, p, []string{method})
}

// aiohttpMiddlewares are an Application's middlewares=[...]: each runs
// before every route of the app, and guards it when its code rejects an
// anonymous caller.
func (g *graph) aiohttpMiddlewares(m *module, o *object, list *expr) {
	if list == nil || list.kind != exList {
		return
	}
	for _, it := range list.items {
		name, ok := it.dotted()
		if !ok {
			if it.kind != exCall {
				continue
			}
			name, _ = it.fn.dotted() // a factory: auth_middleware(secret)
		}
		o.chain.add(name, name, at(m, it))
		s := g.ix.resolve(m, it)
		if it.kind == exCall {
			s = g.ix.resolve(m, it.fn)
		}
		if s.fn == nil {
			continue
		}
		o.chain[len(o.chain)-1].Defined = facts.Evidence{File: s.mod.path, Line: s.fn.line}
		if dec := g.ix.decide(s.mod, nil, s.fn.source(), "", false); dec.Auth == facts.AuthRequired {
			o.chain.requireLast("middleware "+name, dec.Role)
		}
	}
}
