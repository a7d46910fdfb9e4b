package python

import (
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
)

// falconVerbs are the HTTP methods a Falcon resource answers with an
// on_<verb> responder (on_<verb>_<suffix> for a route added with
// suffix=).
var falconVerbs = []string{"get", "post", "put", "patch", "delete", "head", "options"}

// instanceClass is the in-tree class an expression makes an instance of:
// Resource() itself, or a name bound to one (notes = Notes()).
func (g *graph) instanceClass(m *module, e *expr) (*class, *module) {
	if e != nil && e.kind != exCall {
		if s := g.ix.resolve(m, e); s.value != nil && s.mod != nil {
			m, e = s.mod, s.value
		}
	}
	if e == nil || e.kind != exCall {
		return nil, nil
	}
	s := g.ix.resolve(m, e.fn)
	return s.cls, s.mod
}

// falconAddRoute reads Falcon's app.add_route(uri_template, resource,
// suffix=...): the resource answers each method it has a responder for;
// @falcon.before hooks on its class run before each of them. A resource
// may be a module whose functions are the responders.
func (g *graph) falconAddRoute(m *module, recv *object, c *expr) {
	p, ok := g.ix.str(m, c.arg(0, "uri_template"))
	if !ok {
		if c.arg(0, "uri_template") != nil {
			g.missed = append(g.missed, missedRoute{file: m.path, line: int(c.line)})
		}
		return
	}
	res := c.arg(1, "resource")
	suffix, _ := g.ix.str(m, c.arg(-1, "suffix"))
	rs := g.falconResponders(m, res, suffix)
	if rs.owner == "" {
		name, _ := res.dotted()
		if res != nil && res.kind == exCall {
			name, _ = res.fn.dotted()
		}
		recv.routes = append(recv.routes, &decl{methods: []string{"ANY"}, path: p, mod: m, handler: name,
			line: int(c.line), endLine: int(c.line), framework: recv.framework(), untypedString: true})
		return
	}
	for _, r := range rs.fns {
		c := slices.Clip(rs.chain)
		for _, d := range r.fn.decorators {
			g.decorated(&c, r.mod, d)
		}
		recv.routes = append(recv.routes, &decl{methods: []string{r.method}, path: p, mod: r.mod,
			handler: rs.owner + "." + r.fn.name, line: r.fn.line, endLine: r.fn.endLine, body: r.fn.source(),
			params: r.fn.params, pmod: r.mod, chain: c, framework: recv.framework(), untypedString: true})
	}
}

// responders are what a Falcon resource answers with: its on_<verb>
// methods (or a module's on_<verb> functions), and the hooks its class
// runs before each.
type responders struct {
	owner string // the class or module, for the handler's name; "" when unknown
	chain guards
	fns   []responder
}

type responder struct {
	method string
	fn     *function
	mod    *module
}

func (g *graph) falconResponders(m *module, res *expr, suffix string) responders {
	var rs responders
	cls, cmod := g.instanceClass(m, res)
	var mod *module
	if cls == nil {
		if s := g.ix.resolve(m, res); s.isModule && s.mod != nil {
			mod = s.mod
		} else {
			return rs
		}
	}
	for _, verb := range falconVerbs {
		name := "on_" + verb
		if suffix != "" {
			name += "_" + suffix
		}
		var fn *function
		fmod := mod
		if cls != nil {
			fn, fmod = g.ix.method(cmod, cls, name)
		} else {
			fn = mod.funcs[name]
		}
		if fn != nil {
			rs.fns = append(rs.fns, responder{method: strings.ToUpper(verb), fn: fn, mod: fmod})
		}
	}
	switch {
	case cls != nil:
		rs.owner = cls.name
		for _, d := range cls.decorators {
			g.decorated(&rs.chain, cmod, d)
		}
	case len(rs.fns) > 0:
		rs.owner = mod.dotted[strings.LastIndexByte(mod.dotted, '.')+1:]
	}
	return rs
}

// falconReceiver is the app an add_route call on a receiver the tree does
// not bind (an init(application, config) function's parameter) is made
// on, when the resource answers with responders: the tree's one Falcon
// app, or one standing in for it.
func (g *graph) falconReceiver(m *module, c *expr) *object {
	name, ok := c.fn.obj.dotted()
	if !ok || g.ix.resolve(m, c.fn.obj).found() {
		return nil // an object of the tree's own that is no app
	}
	if len(g.falconResponders(m, c.arg(1, "resource"), "").fns) == 0 {
		return nil
	}
	var only *object
	for _, o := range g.list {
		if o.kind == objFalcon && !o.implicit && o.parents == 0 {
			if only != nil {
				only = nil
				break
			}
			only = o
		}
	}
	if only != nil {
		return only
	}
	key := m.path + "#?" + name
	if o, ok := g.objs[key]; ok {
		return o
	}
	o := &object{kind: objFalcon, mod: m, name: name, implicit: true}
	g.objs[key] = o
	g.list = append(g.list, o)
	return o
}

// falconMiddleware reads a Falcon app's middleware (App(middleware=[...])
// or app.add_middleware(instance)): a component whose process_request or
// process_resource runs before every responder, and guards its routes
// when that code refuses the request.
func (g *graph) falconMiddleware(m *module, o *object, e *expr) {
	items := []*expr{e}
	if list, lm := g.listValue(m, e); list != nil {
		items, m = list, lm
	}
	for _, it := range items {
		cls, cmod := g.instanceClass(m, it)
		if cls == nil {
			continue
		}
		var src []string
		line := 0
		for _, name := range []string{"process_request", "process_resource"} {
			if fn, _ := g.ix.method(cmod, cls, name); fn != nil {
				src = append(src, fn.source())
				if line == 0 {
					line = fn.line
				}
			}
		}
		if src == nil {
			continue // only answers responses: it refuses no request
		}
		o.chain.add("middleware "+cls.name, cls.name, at(m, it))
		last := &o.chain[len(o.chain)-1]
		last.Defined = facts.Evidence{File: cmod.path, Line: line}
		last.Source = strip(strings.Join(src, "\n"))
	}
}

// falconHook gives a @falcon.before(action) guard the action's code: the
// hook runs before the responder and refuses the request by raising.
func (g *graph) falconHook(c *guards, m *module, d *expr) {
	if d.kind != exCall || g.ix.resolve(m, d.fn).ext != "falcon.before" {
		return
	}
	s := g.ix.resolve(m, d.arg(0, "action"))
	if s.fn == nil || s.mod == nil {
		return
	}
	last := &(*c)[len(*c)-1]
	last.Defined = facts.Evidence{File: s.mod.path, Line: s.fn.line}
	last.Source = strip(s.fn.source())
}
