package python

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
)

// litestarVerbs are Litestar's (and Starlite's) route handler decorators,
// by the method each serves; route takes its methods as http_method=.
var litestarVerbs = map[string]string{
	"get": "GET", "post": "POST", "put": "PUT", "patch": "PATCH", "delete": "DELETE", "head": "HEAD",
	"route": "", "websocket": "GET", "websocket_listener": "GET",
}

// litestarRoot says an external name is Litestar's (Starlite is its
// former name).
func litestarRoot(s symbol) bool { return s.root() == "litestar" || s.root() == "starlite" }

// litestarHandlers reads a Litestar app's, Router's or Controller's
// route_handlers=[...]: a decorated handler function is a route of o, a
// Router or a Controller class is mounted under o at its own path.
func (g *graph) litestarHandlers(m *module, o *object, list *expr, depth int) {
	items, m := g.listValue(m, list)
	if depth > maxMountDepth {
		return
	}
	for _, it := range items {
		if sub := g.object(m, it); sub != nil {
			g.link(o, edge{child: sub})
			continue
		}
		if it.kind == exCall && g.ctorKind(m, it) == objLitestarRouter {
			// Router(path=..., route_handlers=[...]) written in the list.
			sub := &object{kind: objLitestarRouter, mod: m, name: o.name + "/Router", chain: g.litestarGuards(m, it.arg(-1, "guards"))}
			sub.prefix, _ = g.prefixArg(m, it.arg(0, "path"), it.line)
			g.list = append(g.list, sub)
			g.link(o, edge{child: sub})
			g.litestarHandlers(m, sub, it.arg(1, "route_handlers"), depth+1)
			continue
		}
		s := g.ix.resolve(m, it)
		switch {
		case s.fn != nil && s.mod != nil:
			g.litestarRoute(o, s.mod, s.fn, nil)
		case s.cls != nil && s.mod != nil && g.litestarController(s.mod, s.cls):
			c := g.controller(s.mod, s.cls)
			g.link(o, edge{child: c})
		}
	}
}

// controller is the routing object of a Controller class: its path and
// guards, and its handler methods.
func (g *graph) controller(m *module, cls *class) *object {
	key := m.path + "#class:" + cls.name
	if c, ok := g.objs[key]; ok {
		return c
	}
	c := &object{kind: objLitestarRouter, mod: m, name: cls.name}
	if v, vm := g.ix.classAttr(m, cls, "path"); v != nil {
		c.prefix, _ = g.prefixArg(vm, v, int32(cls.line))
	}
	if v, vm := g.ix.classAttr(m, cls, "guards"); v != nil {
		c.chain = g.litestarGuards(vm, v)
	}
	g.objs[key] = c
	g.list = append(g.list, c)
	for _, name := range sortedKeys(cls.methods) {
		g.litestarRoute(c, m, cls.methods[name], cls)
	}
	return c
}

// litestarController says a class is a Litestar Controller: one of its
// in-tree or external bases is.
func (g *graph) litestarController(m *module, c *class) bool {
	for _, cm := range g.ix.lineage(m, c) {
		for _, b := range cm.cls.bases {
			if s := g.ix.resolve(cm.mod, b); s.last() == "Controller" && litestarRoot(s) {
				return true
			}
		}
	}
	return false
}

// litestarRoute adds the routes of a handler function (a method of cls
// when a Controller's): its route decorator's paths (a list, or "/"
// when none is given), methods and guards.
func (g *graph) litestarRoute(o *object, m *module, fn *function, cls *class) {
	var route *expr
	method, verb := "", ""
	var chain guards
	for _, d := range fn.decorators {
		target := d
		if d.kind == exCall {
			target = d.fn
		}
		s := g.ix.resolve(m, target)
		if m, ok := litestarVerbs[s.last()]; ok && litestarRoot(s) && route == nil {
			route, method, verb = d, m, s.last()
			continue
		}
		g.decorated(&chain, m, d)
	}
	if route == nil {
		return
	}
	paths := []string{"/"}
	if route.kind == exCall {
		if a := route.arg(0, "path"); a != nil {
			paths = g.ix.strs(m, a)
			if len(paths) == 0 {
				g.missed = append(g.missed, missedRoute{file: m.path, line: int(route.line)})
				return
			}
		}
		chain = g.litestarGuards(m, route.arg(-1, "guards")).plus(chain)
	}
	if !optsOut(route) {
		chain = g.litestarAuth().plus(chain)
	}
	methods := []string{method}
	if method == "" {
		methods = upper(g.ix.strs(m, route.arg(-1, "http_method")))
		if len(methods) == 0 {
			methods = []string{"GET"}
		}
	}
	var tags []string
	if strings.HasPrefix(verb, "websocket") {
		tags = []string{facts.TagWebsocket}
	}
	handler := fn.name
	if cls != nil {
		handler = cls.name + "." + fn.name
	}
	if g.litestarSeen == nil {
		g.litestarSeen = map[*function]bool{}
	}
	g.litestarSeen[fn] = true
	for _, p := range paths {
		o.routes = append(o.routes, &decl{methods: methods, path: p, mod: m, handler: handler, line: fn.line, endLine: fn.endLine,
			body: fn.source(), params: fn.params, pmod: m, chain: chain, tags: tags, framework: "litestar"})
	}
}

// litestarGuards reads guards=[...]: each guard is called with the
// connection before the handler and refuses by raising, judged by its
// code.
func (g *graph) litestarGuards(m *module, list *expr) guards {
	var out guards
	items, m := g.listValue(m, list)
	for _, it := range items {
		name, _ := it.dotted()
		if it.kind == exCall {
			name, _ = it.fn.dotted()
		}
		out.add("guards=["+it.text+"]", name, at(m, it))
		s := g.ix.resolve(m, it)
		if it.kind == exCall {
			s = g.ix.resolve(m, it.fn)
		}
		if s.fn != nil && s.mod != nil {
			last := &out[len(out)-1]
			last.Defined = facts.Evidence{File: s.mod.path, Line: s.fn.line}
			last.Source = strip(s.fn.source())
		}
	}
	return out
}

// litestarUnlisted keeps the handlers and Controllers no route_handlers
// list the tree shows registers (added by a plugin's on_app_init, or an
// app outside the tree): each module's are routes of an object standing
// for where they are served, at their own paths, their guards above them
// unknown.
func (g *graph) litestarUnlisted() {
	for _, m := range g.ix.mods {
		var o *object
		for _, name := range sortedKeys(m.funcs) {
			fn := m.funcs[name]
			if g.litestarSeen[fn] || len(fn.decorators) == 0 {
				continue
			}
			if o == nil {
				o = &object{kind: objLitestarRouter, mod: m, name: "?litestar", implicit: true}
			}
			g.litestarRoute(o, m, fn, nil)
		}
		for _, name := range sortedKeys(m.classes) {
			cls := m.classes[name]
			if g.objs[m.path+"#class:"+name] != nil || !g.litestarController(m, cls) {
				continue
			}
			if o == nil {
				o = &object{kind: objLitestarRouter, mod: m, name: "?litestar", implicit: true}
			}
			g.link(o, edge{child: g.controller(m, cls)})
		}
		if o != nil && (len(o.routes) > 0 || len(o.children) > 0) {
			g.objs[m.path+"#?litestar"] = o
			g.list = append(g.list, o)
		}
	}
}

// litestarBackends are Litestar's security backends: their middleware
// answers 401 to a request without valid credentials, on every route but
// the paths their exclude= patterns match and the handlers that opt out.
var litestarBackends = map[string]bool{"JWTAuth": true, "JWTCookieAuth": true, "OAuth2PasswordBearerAuth": true, "SessionAuth": true}

// litestarAuth is the guard of the security backends the tree makes
// (auth = JWTAuth[User](retrieve_user_handler=..., exclude=[...])), worked
// out once; an app takes one through on_app_init or its middleware,
// which a plugin often does out of sight, so it is taken to guard every
// Litestar route.
func (g *graph) litestarAuth() guards {
	if g.litestarAuthDone {
		return g.litestarAuthChain
	}
	g.litestarAuthDone = true
	for _, m := range g.ix.mods {
		for _, name := range sortedKeys(m.assigns) {
			v := m.assigns[name]
			if v.kind != exCall {
				continue
			}
			fn := v.fn
			if fn.kind == exOther && fn.obj != nil {
				fn = fn.obj // JWTAuth[User](...)
			}
			s := g.ix.resolve(m, fn)
			if !litestarRoot(s) || !litestarBackends[s.last()] {
				continue
			}
			g.litestarAuthChain.add(s.last()+" "+name, s.last(), facts.Evidence{})
			last := &g.litestarAuthChain[len(g.litestarAuthChain)-1]
			last.Defined = facts.Evidence{File: m.path, Line: int(v.line)}
			g.litestarAuthChain.requireLast("Litestar's authentication middleware answers 401 to a request without valid credentials", "")
			var excl []*regexp.Regexp
			for _, p := range g.ix.strs(m, v.arg(-1, "exclude")) {
				if re, err := regexp.Compile(p); err == nil {
					excl = append(excl, re)
				}
			}
			if g.authExclude == nil {
				g.authExclude = map[facts.Evidence][]*regexp.Regexp{}
			}
			g.authExclude[last.Defined] = excl
		}
	}
	return g.litestarAuthChain
}

// optsOut says a route handler opts out of the security backend
// (exclude_from_auth=True, or opt={"exclude_from_auth": True}).
func optsOut(route *expr) bool {
	if e := route.arg(-1, "exclude_from_auth"); e != nil && e.text != "False" {
		return true
	}
	if e := route.arg(-1, "opt"); e != nil && e.kind == exDict {
		if v := e.kw["exclude_from_auth"]; v != nil && v.text != "False" {
			return true
		}
	}
	return false
}
