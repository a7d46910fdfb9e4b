package python

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/urlpath"
)

// pyramid is what a Pyramid app's configuration says, gathered across the
// tree: routes by name (config.add_route(name, pattern)), the views
// @view_config and config.add_view attach to them, and whether a security
// policy is configured (without one, Pyramid lets every permission pass).
type pyramid struct {
	// routes are by name; a name may be declared once by each of
	// several apps in one tree.
	routes map[string][]pyramidRoute
	views  []pyramidView
	// policy is where a security (or authorization) policy is set, ""
	// when none is.
	policy string
	// defaultPerm is config.set_default_permission's, for views that
	// name none.
	defaultPerm     string
	defaultPermText string
	// everyone are the permissions an ACL in the tree grants to Everyone
	// ("*" for ALL_PERMISSIONS).
	everyone map[string]bool
	// static are the folders add_static_view serves.
	static []*decl
	// prefixes are config.include(module, route_prefix=...)'s: the
	// routes that module (or package) adds are served under the prefix.
	prefixes map[*module]string
}

type pyramidRoute struct {
	pattern string
	mod     *module
	line    int
}

type pyramidView struct {
	route      string
	methods    []string
	permission string
	permText   string
	permAt     facts.Evidence
	mod        *module
	fn         *function
	handler    string
	chain      guards
	// signedIn is a predicate (is_authenticated=True,
	// effective_principals=...) that matches the view only for a caller
	// who signed in: an anonymous one gets a 404 or another view.
	signedIn   string
	signedInAt facts.Evidence
}

// pyramidCall reads one configuration call on an unbound configurator
// (config is a parameter of includeme or main, or a with-block's name):
// add_route with a literal name and pattern, add_view, add_static_view,
// the security policy and the default permission. It says whether it
// took the call.
func (g *graph) pyramidCall(m *module, c *expr) bool {
	if !g.ix.usesPyramid {
		return false
	}
	if s := g.ix.resolve(m, c.fn.obj); s.found() && (s.value == nil || s.value.kind != exCall || g.ix.resolve(s.mod, s.value.fn).root() != "pyramid") {
		return false // an object of the tree's own that is no Configurator
	}
	py := g.pyramidState()
	switch c.callee() {
	case "add_route":
		name, ok1 := g.ix.str(m, c.arg(0, "name"))
		pat, ok2 := g.ix.str(m, c.arg(1, "pattern"))
		if !ok1 || !ok2 {
			return false
		}
		py.routes[name] = append(py.routes[name], pyramidRoute{pattern: pat, mod: m, line: int(c.line)})
		return true
	case "add_view":
		route, ok := g.ix.str(m, c.arg(-1, "route_name"))
		if !ok {
			return false
		}
		v := pyramidView{route: route, methods: upper(g.ix.strs(m, c.arg(-1, "request_method"))), mod: m, handler: "?"}
		g.pyramidPermission(&v, m, c.arg(-1, "permission"))
		view := c.arg(0, "view")
		if s := g.ix.resolve(m, view); s.fn != nil && s.mod != nil {
			v.mod, v.fn, v.handler = s.mod, s.fn, s.fn.name
		} else if name, ok := view.dotted(); ok {
			v.handler = name
		}
		py.views = append(py.views, v)
		return true
	case "add_static_view":
		// add_static_view(name, path): served under /name unless the
		// name is a URL (assets on another host).
		name, ok := g.ix.str(m, c.arg(0, "name"))
		if !ok || strings.Contains(name, "://") {
			return false
		}
		py.static = append(py.static, &decl{methods: []string{"GET"}, path: "/" + strings.TrimPrefix(name, "/"), mod: m,
			handler: "add_static_view", line: int(c.line), endLine: int(c.line), body: c.text, tags: []string{facts.TagStatic},
			framework: "pyramid", served: g.folder(m, c.arg(1, "path"), false)})
		return true
	case "include":
		p, ok := g.ix.str(m, c.arg(-1, "route_prefix"))
		if !ok {
			return false
		}
		var target *module
		if name, ok := g.ix.str(m, c.arg(0, "callable")); ok {
			name, _, _ = strings.Cut(name, ":")
			dots := len(name) - len(strings.TrimLeft(name, "."))
			if dots > 0 {
				name = relative(m.pkg, dots, name[dots:])
			}
			target = g.ix.module(m, name)
		} else if s := g.ix.resolve(m, c.arg(0, "callable")); s.isModule {
			target = s.mod
		}
		if target == nil {
			return false
		}
		if py.prefixes == nil {
			py.prefixes = map[*module]string{}
		}
		py.prefixes[target] = p
		return true
	case "set_security_policy", "set_authorization_policy":
		py.policy = m.path + ":" + strconv.Itoa(int(c.line))
		return true
	case "set_default_permission":
		if p, ok := g.ix.str(m, c.arg(0, "permission")); ok {
			py.defaultPerm, py.defaultPermText = p, c.text
		}
		return true
	}
	return false
}

func (g *graph) pyramidState() *pyramid {
	if g.pyr == nil {
		g.pyr = &pyramid{routes: map[string][]pyramidRoute{}, everyone: map[string]bool{}}
	}
	return g.pyr
}

// pyramidPermission reads a view's permission=: a literal, which an ACL
// may grant to every caller, NO_PERMISSION_REQUIRED, or another value
// (an enum's member) the security policy checks.
func (g *graph) pyramidPermission(v *pyramidView, m *module, e *expr) {
	if e == nil || e.text == "None" {
		return
	}
	if p, ok := g.ix.str(m, e); ok {
		v.permission = p
	} else if g.ix.resolve(m, e).last() == "NO_PERMISSION_REQUIRED" {
		v.permission = noPermission
	} else {
		v.permission = e.text
	}
	v.permText, v.permAt = "permission="+e.text, at(m, e)
}

const noPermission = "__no_permission_required__"

// pyramidViews reads the views @view_config declares, on functions and
// on the methods of classes (with @view_defaults on the class).
func (g *graph) pyramidViews() {
	if !g.ix.usesPyramid {
		return
	}
	py := g.pyramidState()
	for _, m := range g.ix.mods {
		for _, name := range sortedKeys(m.funcs) {
			g.pyramidViewsOf(py, m, m.funcs[name], nil, nil)
		}
		for _, name := range sortedKeys(m.classes) {
			cls := m.classes[name]
			var defaults *expr
			for _, d := range cls.decorators {
				if d.kind == exCall && g.ix.resolve(m, d.fn).last() == "view_defaults" {
					defaults = d
				}
			}
			for _, mn := range sortedKeys(cls.methods) {
				g.pyramidViewsOf(py, m, cls.methods[mn], cls, defaults)
			}
		}
		g.pyramidACL(py, m)
	}
}

func (g *graph) pyramidViewsOf(py *pyramid, m *module, fn *function, cls *class, defaults *expr) {
	var configs []*expr
	var chain guards
	for _, d := range fn.decorators {
		if d.kind == exCall {
			if s := g.ix.resolve(m, d.fn); s.last() == "view_config" && s.root() == "pyramid" {
				configs = append(configs, d)
				continue
			}
		}
		g.decorated(&chain, m, d)
	}
	handler := fn.name
	if cls != nil {
		handler = cls.name + "." + fn.name
	}
	arg := func(d *expr, name string) *expr {
		if e := d.arg(-1, name); e != nil {
			return e
		}
		return defaults.arg(-1, name)
	}
	for _, d := range configs {
		route, ok := g.ix.str(m, arg(d, "route_name"))
		if !ok {
			continue
		}
		v := pyramidView{route: route, methods: upper(g.ix.strs(m, arg(d, "request_method"))), mod: m, fn: fn, handler: handler, chain: chain}
		g.pyramidPermission(&v, m, arg(d, "permission"))
		for _, pred := range []string{"is_authenticated", "effective_principals"} {
			if e := arg(d, pred); e != nil && e.text != "False" && e.text != "None" && v.signedIn == "" {
				v.signedIn, v.signedInAt = pred+"="+e.text, at(m, e)
			}
		}
		py.views = append(py.views, v)
	}
}

var (
	// aclEntry is an ACL's grant to Everyone: (Allow, Everyone, "view")
	// or a list of permissions, or ALL_PERMISSIONS.
	aclEntry = regexp.MustCompile(`\(\s*(?:[\w.]+\.)?Allow\s*,\s*(?:[\w.]+\.)?Everyone\s*,\s*([^)]*)\)`)
	aclPerm  = regexp.MustCompile(`["']([^"']+)["']|\bALL_PERMISSIONS\b`)
)

// pyramidACL notes the permissions the ACLs of a module's classes (a root
// factory's __acl__, attribute or method) grant to Everyone.
func (g *graph) pyramidACL(py *pyramid, m *module) {
	for _, name := range sortedKeys(m.classes) {
		cls := m.classes[name]
		var src string
		if v := cls.attrs["__acl__"]; v != nil {
			src = v.text
		}
		if fn := cls.methods["__acl__"]; fn != nil {
			src += "\n" + fn.source()
		}
		for _, e := range aclEntry.FindAllStringSubmatch(src, -1) {
			for _, p := range aclPerm.FindAllStringSubmatch(e[1], -1) {
				if p[1] == "" {
					py.everyone["*"] = true
				} else {
					py.everyone[p[1]] = true
				}
			}
		}
	}
}

// pyramidEmit adds the routes that have views, one per view and method,
// to a root object standing for the app.
func (g *graph) pyramidEmit() {
	py := g.pyr
	if py == nil || len(py.views)+len(py.static) == 0 {
		return
	}
	o := &object{kind: objPyramid, mod: g.ix.mods[0], name: "?pyramid", routes: py.static}
	for _, v := range py.views {
		// The route of that name declared nearest the view: its app's.
		var r pyramidRoute
		best := -1
		for _, c := range py.routes[v.route] {
			if n := commonPrefix(c.mod.path, v.mod.path); n > best {
				r, best = c, n
			}
		}
		if best < 0 {
			continue
		}
		methods := v.methods
		if len(methods) == 0 {
			methods = []string{"ANY"}
		}
		chain := v.chain
		perm, text, applied := v.permission, v.permText, v.permAt
		if perm == "" && py.defaultPerm != "" {
			perm, text, applied = py.defaultPerm, "set_default_permission "+py.defaultPerm, facts.Evidence{}
		}
		switch {
		case perm == "" || perm == noPermission || py.policy == "":
			// No permission, or no policy to check one: open.
		case py.everyone[perm] || py.everyone["*"]:
			// The ACL grants it to every caller.
		default:
			var pg guards
			pg.add(text, "permission", applied)
			pg.requireLast("Pyramid's security policy (set "+py.policy+") answers 403 to a caller without the permission", route.RoleOf(text))
			chain = pg.plus(chain)
		}
		if v.signedIn != "" {
			var pg guards
			pg.add(v.signedIn, "", v.signedInAt)
			pg.requireLast("Pyramid matches the view only for a caller who signed in", route.RoleOf(v.signedIn))
			chain = chain.plus(pg)
		}
		d := &decl{methods: methods, path: urlpath.Join(py.prefixOf(r.mod), r.pattern), mod: v.mod, handler: v.handler, framework: "pyramid", untypedString: true, chain: chain}
		if v.fn != nil {
			d.line, d.endLine, d.body, d.params, d.pmod = v.fn.line, v.fn.endLine, v.fn.source(), v.fn.params, v.mod
		} else {
			d.mod, d.line, d.endLine = r.mod, r.line, r.line
		}
		o.routes = append(o.routes, d)
	}
	g.list = append(g.list, o)
}

// prefixOf is the route_prefix a module's routes are included under: its
// own include's, or its package's.
func (py *pyramid) prefixOf(m *module) string {
	best, out := -1, ""
	for inc, p := range py.prefixes {
		pkg := strings.TrimSuffix(inc.path, "__init__.py")
		if inc == m || strings.HasSuffix(inc.path, "__init__.py") && strings.HasPrefix(m.path, pkg) && len(pkg) > best {
			if inc == m {
				return p
			}
			best, out = len(pkg), p
		}
	}
	return out
}
