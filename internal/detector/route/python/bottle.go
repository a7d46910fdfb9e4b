package python

import "regexp"

// bottleVerbs are Bottle's route decorators, on an app (app.route) or as
// the module's functions on its default app (from bottle import route).
var bottleVerbs = map[string]bool{"route": true, "get": true, "post": true, "put": true, "patch": true, "delete": true}

// bottleDefault is the route decorator's app when the decorator is one
// of the bottle module's functions (@route("/x"), @bottle.get("/x")):
// Bottle's default app, one for the tree.
func (g *graph) bottleDefault(m *module, fn *expr) *object {
	s := g.ix.resolve(m, fn)
	if s.root() != "bottle" || !bottleVerbs[s.last()] {
		return nil
	}
	return g.bottleDefaultApp(m)
}

func (g *graph) bottleDefaultApp(m *module) *object {
	key := "#bottle.default_app"
	if o, ok := g.objs[key]; ok {
		return o
	}
	o := &object{kind: objFlaskApp, mod: m, name: "bottle.default_app", fw: "bottle"}
	g.objs[key] = o
	g.list = append(g.list, o)
	return o
}

// bottleParam is Bottle's parameter syntax, the name first and an
// optional filter and its config: <id:int>, <name:re:[a-z]+>.
var bottleParam = regexp.MustCompile(`<([A-Za-z_][A-Za-z0-9_]*)(?::([A-Za-z_]+)(?::[^>]*)?)?>`)

// bottlePath writes Bottle's <name:filter> in the <filter:name> order the
// common path reader takes, so the filter is read and the name kept.
func bottlePath(p string) string {
	return bottleParam.ReplaceAllStringFunc(p, func(s string) string {
		sm := bottleParam.FindStringSubmatch(s)
		if sm[2] == "" {
			return "<" + sm[1] + ">"
		}
		return "<" + sm[2] + ":" + sm[1] + ">"
	})
}

// bottleHook reads @app.hook("before_request") (or the default app's
// @hook): a request hook of the app, guarding its routes when its code
// refuses the request. It says whether d was one.
func (g *graph) bottleHook(m *module, fn *function, d *expr) bool {
	if name, ok := g.ix.str(m, d.arg(0, "name")); !ok || name != "before_request" {
		return false
	}
	var o *object
	if d.fn.kind == exAttr {
		o = g.object(m, d.fn.obj)
	} else if s := g.ix.resolve(m, d.fn); s.root() == "bottle" {
		o = g.bottleDefaultApp(m)
	}
	if o == nil || o.fw != "bottle" {
		return false
	}
	g.hook(m, o, fn, "before_request")
	return true
}
