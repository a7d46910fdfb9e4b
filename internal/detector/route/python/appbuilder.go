package python

import "strings"

// Flask-AppBuilder serves each view class as a blueprint of its own: the
// methods decorated @expose(url, methods) are its routes, under the
// class's route_base. A BaseApi's default base is /api/<version>/<resource
// name>, version "v1" and the resource name the class name lower-cased; a
// BaseView's is /<class name lower-cased>. AppBuilder.add_view,
// add_view_no_menu and add_api register a class (or an instance).

// appBuilderPkg is Flask-AppBuilder's package; names from it are read by
// what the library does.
const appBuilderPkg = "flask_appbuilder"

// appBuilderAPIs are Flask-AppBuilder's REST API bases; every other class
// of the package a view derives from serves pages (BaseView, ModelView,
// SimpleFormView, ...).
var appBuilderAPIs = map[string]bool{"BaseApi": true, "BaseModelApi": true, "ModelRestApi": true}

// appBuilderGuards are Flask-AppBuilder's decorators that reject a caller
// without a session (or token) holding the view's permission.
var appBuilderGuards = map[string]string{
	"has_access":     "Flask-AppBuilder has_access redirects an anonymous caller to login",
	"has_access_api": "Flask-AppBuilder has_access_api responds 401 without the permission",
	"protect":        "Flask-AppBuilder protect responds 401 without the permission",
}

// appBuilderRegisters are AppBuilder's methods that serve a view class.
var appBuilderRegisters = map[string]bool{"add_view": true, "add_view_no_menu": true, "add_api": true}

type appBuilderView struct {
	mod *module
	cls *class
	api bool
}

// appBuilderViews adds an object per served Flask-AppBuilder view class.
// When the tree registers views, only those are served; when it registers
// none (the registration is elsewhere), every class that exposes a route
// and that no other class in the tree derives from.
func (g *graph) appBuilderViews() {
	var views []appBuilderView
	derived := map[*class]bool{}
	for _, m := range g.ix.mods {
		for _, name := range sortedKeys(m.classes) {
			c := m.classes[name]
			if api, ok := g.appBuilderKind(m, c); ok {
				views = append(views, appBuilderView{mod: m, cls: c, api: api})
			}
			for _, cm := range g.ix.lineage(m, c)[1:] {
				derived[cm.cls] = true
			}
		}
	}
	if len(views) == 0 {
		return
	}
	registered := map[*class]bool{}
	for _, m := range g.ix.mods {
		for _, c := range m.calls {
			if !appBuilderRegisters[c.callee()] {
				continue
			}
			v := c.arg(0, "baseview")
			if v == nil {
				v = c.arg(0, "view")
			}
			if v != nil && v.kind == exCall {
				v = v.fn // add_view(MyView(), ...)
			}
			if s := g.ix.resolve(m, v); s.cls != nil {
				registered[s.cls] = true
			}
		}
	}
	for _, v := range views {
		if len(registered) > 0 && !registered[v.cls] || len(registered) == 0 && derived[v.cls] {
			continue
		}
		g.appBuilderRoutes(v, len(registered) > 0)
	}
}

// appBuilderKind says a class derives from a Flask-AppBuilder view class,
// and whether that is a REST API.
func (g *graph) appBuilderKind(m *module, c *class) (api, ok bool) {
	for _, cm := range g.ix.lineage(m, c) {
		for _, b := range cm.cls.bases {
			s := g.ix.resolve(cm.mod, b)
			if s.cls != nil || s.root() != appBuilderPkg {
				continue
			}
			return appBuilderAPIs[s.last()], true
		}
	}
	return false, false
}

// appBuilderRoutes declares a view class's exposed methods, nearest
// definition of each name first.
func (g *graph) appBuilderRoutes(v appBuilderView, registered bool) {
	base := g.appBuilderBase(v)
	o := &object{kind: objAppBuilder, mod: v.mod, name: v.cls.name, implicit: !registered}
	seen := map[string]bool{}
	for _, cm := range g.ix.lineage(v.mod, v.cls) {
		for _, name := range sortedKeys(cm.cls.methods) {
			fn := cm.cls.methods[name]
			if seen[name] {
				continue
			}
			seen[name] = true
			var exposes []*expr
			var chain guards
			for _, d := range fn.decorators {
				dn, _ := decoratorName(d)
				s := g.ix.resolve(cm.mod, d)
				if d.kind == exCall {
					s = g.ix.resolve(cm.mod, d.fn)
				}
				fromFAB := s.root() == appBuilderPkg
				last := dn[strings.LastIndexByte(dn, '.')+1:]
				if last == "expose" && (fromFAB || s.ext == "expose") && d.kind == exCall {
					exposes = append(exposes, d)
					continue
				}
				chain.add("@"+d.text, dn, at(cm.mod, d))
				if why, ok := appBuilderGuards[last]; ok && fromFAB {
					chain.requireLast(why, "")
				}
			}
			for _, d := range exposes {
				p := "/"
				if a := d.arg(0, "url"); a != nil {
					var ok bool
					if p, ok = g.ix.str(cm.mod, a); !ok {
						g.missed = append(g.missed, missedRoute{file: cm.mod.path, line: int(d.line)})
						continue
					}
				}
				methods := upper(g.ix.strs(cm.mod, d.arg(1, "methods")))
				if len(methods) == 0 {
					methods = []string{"GET"}
				}
				o.routes = append(o.routes, &decl{
					methods: methods, path: joinPath(base, p), mod: cm.mod, handler: v.cls.name + "." + name,
					line: fn.line, endLine: fn.endLine, body: fn.source(), params: fn.params, pmod: cm.mod,
					chain: chain, framework: "flask", untypedString: true,
				})
			}
		}
	}
	if len(o.routes) == 0 {
		return
	}
	g.objs[v.mod.path+"#"+v.cls.name] = o
	g.list = append(g.list, o)
}

// appBuilderBase is a view class's route_base, or the library's default.
func (g *graph) appBuilderBase(v appBuilderView) string {
	if e, m := g.ix.classAttr(v.mod, v.cls, "route_base"); e != nil {
		if s, ok := g.ix.str(m, e); ok {
			return s
		}
	}
	if !v.api {
		return "/" + strings.ToLower(v.cls.name)
	}
	version, resource := "v1", strings.ToLower(v.cls.name)
	if e, m := g.ix.classAttr(v.mod, v.cls, "version"); e != nil {
		if s, ok := g.ix.str(m, e); ok {
			version = s
		}
	}
	if e, m := g.ix.classAttr(v.mod, v.cls, "resource_name"); e != nil {
		if s, ok := g.ix.str(m, e); ok {
			resource = strings.ToLower(s)
		}
	}
	return "/api/" + version + "/" + resource
}

// joinPath puts a route's path under a base, one slash between.
func joinPath(base, p string) string {
	switch {
	case p == "" || p == "/":
		if base == "" {
			return "/"
		}
		return base
	case base == "" || base == "/":
		return p
	}
	return strings.TrimSuffix(base, "/") + "/" + strings.TrimPrefix(p, "/")
}
