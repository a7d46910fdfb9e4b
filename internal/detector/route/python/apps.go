package python

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/detector/route/router"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/urlpath"
)

// objKind is the kind of routing object a Flask or FastAPI app is built of.
type objKind int

const (
	objNone           objKind = iota
	objFlaskApp               // flask.Flask
	objBlueprint              // flask.Blueprint
	objRestful                // flask_restful.Api, flask_restx.Api
	objNamespace              // flask_restx.Namespace
	objFastAPI                // fastapi.FastAPI, starlette
	objRouter                 // fastapi.APIRouter
	objNinja                  // ninja.NinjaAPI, served where a URLconf puts its urls
	objNinjaRouter            // ninja.Router
	objAppBuilder             // a Flask-AppBuilder view class, its own blueprint
	objAiohttpApp             // aiohttp.web.Application
	objAiohttpTable           // aiohttp.web.RouteTableDef
	objTornado                // tornado.web.Application: a table of (pattern, handler class)
	objFalcon                 // falcon.App: resources added by URI template
	objLitestar               // litestar.Litestar: route_handlers=[...]
	objLitestarRouter         // litestar.Router, or a Controller class: a path and route_handlers
	objPyramid                // a Pyramid app: its routes are named, its views attached by name
)

func (k objKind) framework() string {
	switch k {
	case objFastAPI, objRouter:
		return "fastapi"
	case objNinja, objNinjaRouter:
		return "django-ninja"
	case objAiohttpApp, objAiohttpTable:
		return "aiohttp"
	case objTornado:
		return "tornado"
	case objFalcon:
		return "falcon"
	case objLitestar, objLitestarRouter:
		return "litestar"
	case objPyramid:
		return "pyramid"
	}
	return "flask"
}

// ninja says the object is Django Ninja's: its paths use Django's
// converters ({int:item_id}) and its auth is an argument.
func (k objKind) ninja() bool { return k == objNinja || k == objNinjaRouter }

// object is one app, blueprint, router or API object, with what is
// declared on it and what is mounted under it.
type object struct {
	kind     objKind
	mod      *module
	name     string
	prefix   string
	chain    guards // app- or router-level dependencies and hooks
	children []edge
	parents  int
	routes   []*decl
	// implicit objects stand for a decorator receiver the tree does not
	// bind (imported from outside it): its mounts are unknown.
	implicit bool
	// served are the places a Django URLconf serves a NinjaAPI's urls.
	served []edge
	// cls is the in-tree class the object is made from (a subclass of
	// Api or Blueprint), whose own methods may wrap registrations.
	cls    *class
	clsMod *module
	// fw names the framework when the object's kind is shared by several
	// (Quart and Sanic build Flask-like apps and blueprints).
	fw string
}

func (o *object) framework() string {
	if o.fw != "" {
		return o.fw
	}
	return o.kind.framework()
}

type edge struct {
	child *object
	// prefix is the mount's own prefix; replace says it replaces the
	// child's (Flask's register_blueprint url_prefix) instead of adding.
	prefix  string
	replace bool
	chain   guards
}

// guards is what runs before a handler, outermost first: each guard's
// evidence-form text (what route.AuthOf judges), its plain name (for
// Middleware), and a required verdict when a guard is known to
// authenticate from what it does rather than its name.
type guards []router.Guard

func (g guards) plus(o guards) guards { return append(slices.Clip(g), o...) }

func (g *guards) add(text, name string, applied facts.Evidence) {
	*g = append(*g, router.Guard{Text: text, Name: name, Applied: applied})
}

// at is where e is written in m, for a guard's evidence.
func at(m *module, e *expr) facts.Evidence {
	if m == nil || e == nil || e.line <= 0 {
		return facts.Evidence{}
	}
	return facts.Evidence{File: m.path, Line: int(e.line)}
}

// requireLast records that the guard just added authenticates, with
// evidence.
func (g guards) requireLast(evidence, role string) {
	g[len(g)-1].Verdict = router.Verdict{Auth: facts.AuthRequired, Evidence: evidence, Role: role}
}

func (g guards) names() []string { return router.Names(g) }

// authEvidence is what the first guard known to authenticate shows.
func (g guards) authEvidence() string {
	if r, ok := router.Required(g); ok {
		return r.Verdict.Evidence
	}
	return ""
}

// decl is a route as declared, before its prefixes are known.
type decl struct {
	methods   []string
	path      string
	mod       *module // the handler's file
	handler   string
	line      int
	endLine   int
	body      string
	params    []param
	pmod      *module // module the params' annotations are read in
	chain     guards
	tags      []string
	framework string
	// untypedString says a {param} with no declared type is a string
	// (Flask's and Django's default converter; FastAPI's unannotated).
	untypedString bool
	// public is an operation that turns its API's auth off (Django
	// Ninja's auth=None).
	public bool
	// served is the folder a static mount serves, when named.
	served *facts.Served
}

type graph struct {
	ix   *index
	objs map[string]*object
	list []*object // in creation order, for a deterministic walk
	// missed are route decorators on a known app or router whose path
	// cannot be read (built at run time): said, not dropped.
	missed []missedRoute
	// unsure are mounts and routers whose prefix is built at run time:
	// their routes are kept under urlpath.UnknownPrefix, and said.
	unsure []missedRoute
	// aioRoot is the aiohttp application a registration on an unbound
	// receiver is made on (aiohttpReceiver), worked out once.
	aioRoot     *object
	aioRootDone bool
	// hookScope is which routes each refusing request hook guards, by
	// where the hook is defined.
	hookScope map[facts.Evidence]hookScope
	// appHooks are the app-wide request hooks a blueprint declares, to
	// be lifted to the apps it is registered on.
	appHooks map[*object]guards
	// litestarSeen are the Litestar handlers a route_handlers list
	// registers.
	litestarSeen map[*function]bool
	// pyr is a Pyramid app's configuration, read across the tree.
	pyr *pyramid
	// litestarAuthChain is the guard of Litestar's security backends.
	litestarAuthChain guards
	litestarAuthDone  bool
	// authExclude are the paths a security backend lets through, by
	// where the backend is made.
	authExclude map[facts.Evidence][]*regexp.Regexp
}

type missedRoute struct {
	file string
	line int
}

func newGraph(ix *index) *graph { return &graph{ix: ix, objs: map[string]*object{}} }

// ctorNames are the classes ctorKind recognises (directly or as an
// in-tree class's base): a call that cannot resolve to one of them or to
// an in-tree class constructs no routing object.
var ctorNames = map[string]bool{
	"Flask": true, "Blueprint": true, "Api": true, "Namespace": true,
	"FastAPI": true, "Starlette": true, "APIRouter": true, "NinjaAPI": true, "Router": true,
	"Application": true, "RouteTableDef": true,
	"Quart": true, "Sanic": true, "App": true, "API": true,
	"Litestar": true, "Starlite": true, "Bottle": true,
}

// ctorKind tells which routing object a call constructs. Its names are
// ctorNames.
func (g *graph) ctorKind(m *module, call *expr) objKind {
	if call == nil || call.kind != exCall {
		return objNone
	}
	s := g.ix.resolve(m, call.fn)
	names := []string{}
	root := s.root()
	if s.cls != nil {
		// class MyRouter(APIRouter): a subclass is still a router.
		names = g.ix.baseNames(s.mod, s.cls)
		root = ""
	} else if s.ext != "" {
		names = []string{s.last()}
	}
	bare := !strings.Contains(s.ext, ".")
	for _, n := range names {
		switch {
		case n == "Flask" && (root == "flask" || bare && m.usesFlask),
			n == "Quart" && root == "quart", n == "Sanic" && root == "sanic", n == "Bottle" && root == "bottle":
			return objFlaskApp
		case n == "Blueprint" && (root == "flask" || root == "flask_smorest" || root == "quart" || root == "sanic" || bare && m.usesFlask):
			return objBlueprint
		case n == "group" && root == "sanic" && strings.HasSuffix(s.ext, ".Blueprint.group"):
			return objBlueprint // Blueprint.group(bp1, bp2, url_prefix=...)
		case n == "Api" && (strings.HasPrefix(root, "flask_") || bare && m.usesFlask):
			return objRestful
		case n == "Namespace" && (root == "flask_restx" || bare && m.usesFlask):
			return objNamespace
		case (n == "FastAPI" || n == "Starlette") && (root == "fastapi" || root == "starlette" || bare && m.usesFastAPI):
			return objFastAPI
		case n == "APIRouter" && (root == "fastapi" || bare && m.usesFastAPI),
			n == "Router" && root == "starlette":
			return objRouter
		case n == "NinjaAPI" && root == "ninja":
			return objNinja
		case n == "Router" && root == "ninja":
			return objNinjaRouter
		case (n == "Litestar" || n == "Starlite") && (root == "litestar" || root == "starlite"):
			return objLitestar
		case n == "Router" && (root == "litestar" || root == "starlite"):
			return objLitestarRouter
		case n == "Application" && root == "aiohttp":
			return objAiohttpApp
		case n == "Application" && root == "tornado":
			return objTornado
		case n == "RouteTableDef" && root == "aiohttp":
			return objAiohttpTable
		case (n == "App" || n == "API") && root == "falcon":
			return objFalcon
		}
	}
	return objNone
}

// object returns the routing object an expression names, if any.
func (g *graph) object(m *module, e *expr) *object {
	s := g.ix.resolve(m, e)
	if s.value == nil || s.mod == nil || s.name == "" {
		return nil
	}
	return g.objs[s.mod.path+"#"+s.name]
}

func (g *graph) build() {
	for _, m := range g.ix.mods {
		for _, name := range sortedKeys(m.assigns) {
			v := m.assigns[name]
			k := g.ctorKind(m, v)
			if k == objNone {
				continue
			}
			o := &object{kind: k, mod: m, name: name}
			s := g.ix.resolve(m, v.fn)
			if s.cls != nil {
				o.cls, o.clsMod = s.cls, s.mod
			}
			switch s.root() {
			case "quart", "sanic", "starlette", "bottle":
				o.fw = s.root()
			}
			switch k {
			case objBlueprint:
				o.prefix, _ = g.prefixArg(m, v.arg(-1, "url_prefix"), v.line)
			case objRouter, objRestful:
				o.prefix, _ = g.prefixArg(m, v.arg(-1, "prefix"), v.line)
			case objLitestarRouter:
				o.prefix, _ = g.prefixArg(m, v.arg(0, "path"), v.line)
			case objNamespace:
				if p, ok := g.ix.str(m, v.arg(-1, "path")); ok {
					o.prefix = p
				} else if n, ok := g.ix.str(m, v.arg(0, "name")); ok {
					o.prefix = "/" + n
				}
			}
			if k == objFastAPI || k == objRouter {
				o.chain = g.dependencies(m, v.arg(-1, "dependencies"))
			}
			if k.ninja() {
				o.chain = ninjaAuth(m, v.arg(-1, "auth"))
			}
			if k == objAiohttpApp {
				g.aiohttpMiddlewares(m, o, v.arg(-1, "middlewares"))
			}
			if k == objFalcon {
				g.falconMiddleware(m, o, v.arg(-1, "middleware"))
			}
			if k == objLitestar || k == objLitestarRouter {
				o.chain = g.litestarGuards(m, v.arg(-1, "guards"))
			}
			if k == objFlaskApp && o.fw != "bottle" {
				// Bottle serves no static folder of its own.
				if d := g.flaskStatic(m, v); d != nil {
					o.routes = append(o.routes, d)
				}
			}
			g.objs[m.path+"#"+name] = o
			g.list = append(g.list, o)
		}
	}
	for _, o := range g.list {
		v := o.mod.assigns[o.name]
		switch {
		case o.fw == "sanic" && v.callee() == "group":
			for _, it := range v.items {
				g.link(o, edge{child: g.object(o.mod, it)})
			}
		case o.kind == objFastAPI || o.kind == objRouter:
			g.starletteRoutes(o.mod, o, v.arg(-1, "routes"), 0)
		case o.kind == objTornado:
			g.tornadoHandlers(o.mod, o, v.arg(0, "handlers"))
		case o.kind == objLitestar:
			g.litestarHandlers(o.mod, o, v.arg(0, "route_handlers"), 0)
		case o.kind == objLitestarRouter && v != nil:
			g.litestarHandlers(o.mod, o, v.arg(1, "route_handlers"), 0)
		}
		if o.kind == objRestful {
			// Api(app) and Api(bp) mount the API at construction.
			if parent := g.object(o.mod, o.mod.assigns[o.name].arg(0, "app")); parent != nil {
				g.link(parent, edge{child: o})
			}
		}
	}
	for _, m := range g.ix.mods {
		for _, c := range m.calls {
			g.call(m, c)
		}
		for _, name := range sortedKeys(m.funcs) {
			g.function(m, m.funcs[name], nil)
		}
		for _, name := range sortedKeys(m.classes) {
			c := m.classes[name]
			g.classDecorators(m, c)
			for _, mn := range sortedKeys(c.methods) {
				if fn := c.methods[mn]; len(fn.decorators) > 0 {
					g.function(m, fn, c)
				}
			}
		}
	}
	g.appBuilderViews()
	g.litestarUnlisted()
	g.pyramidViews()
	g.pyramidEmit()
}

// prefixArg reads a prefix argument: false when there is none, its value
// when the tree holds it, and urlpath.UnknownPrefix (the place noted)
// when the code builds it at run time, so no route under it is shown as
// served without it.
func (g *graph) prefixArg(m *module, e *expr, line int32) (string, bool) {
	if e == nil || e.kind == exName && e.name == "None" {
		return "", false
	}
	if p, ok := g.ix.str(m, e); ok {
		return p, true
	}
	g.unsure = append(g.unsure, missedRoute{file: m.path, line: int(line)})
	return urlpath.UnknownPrefix, true
}

func (g *graph) link(parent *object, e edge) {
	if parent == nil || e.child == nil || parent == e.child {
		return
	}
	e.child.parents++
	parent.children = append(parent.children, e)
}

// call handles a mount or registration call.
func (g *graph) call(m *module, c *expr) {
	if g.aiohttpCall(m, c) {
		return
	}
	recv := g.object(m, c.fn.obj)
	if recv == nil && g.pyramidCall(m, c) {
		return
	}
	switch c.callee() {
	case "register_blueprint":
		child := g.object(m, c.arg(0, "blueprint"))
		e := edge{child: child}
		if p, ok := g.prefixArg(m, c.arg(-1, "url_prefix"), c.line); ok {
			e.prefix, e.replace = p, true
		}
		g.link(recv, e)
	case "blueprint":
		// Sanic's app.blueprint(bp, url_prefix=...).
		if recv == nil || recv.fw != "sanic" {
			return
		}
		e := edge{child: g.object(m, c.arg(0, "blueprint"))}
		if p, ok := g.prefixArg(m, c.arg(-1, "url_prefix"), c.line); ok {
			e.prefix, e.replace = p, true
		}
		g.link(recv, e)
	case "add_route":
		// Sanic's app.add_route(handler, uri, methods=[...]), Falcon's
		// app.add_route(uri_template, resource); aiohttp's add_route was
		// taken above.
		switch {
		case recv != nil && recv.fw == "sanic":
			g.sanicAddRoute(m, recv, c)
		case recv != nil && recv.kind == objFalcon:
			g.falconAddRoute(m, recv, c)
		case recv == nil:
			if o := g.falconReceiver(m, c); o != nil {
				g.falconAddRoute(m, o, c)
			}
		}
	case "route":
		// Bottle's app.route(path, method, callback=fn).
		if recv != nil && recv.fw == "bottle" && c.arg(-1, "callback") != nil {
			if p, ok := g.ix.str(m, c.arg(0, "path")); ok {
				methods := upper(g.ix.strs(m, c.arg(1, "method")))
				if len(methods) == 0 {
					methods = []string{"GET"}
				}
				g.functionRoute(recv, m, c.arg(-1, "callback"), p, methods)
			}
		}
	case "add_static_route":
		// Falcon's app.add_static_route(prefix, directory).
		if recv != nil && recv.kind == objFalcon {
			if p, ok := g.ix.str(m, c.arg(0, "prefix")); ok {
				recv.routes = append(recv.routes, &decl{methods: []string{"GET"}, path: p, mod: m, handler: "add_static_route",
					line: int(c.line), endLine: int(c.line), body: c.text, tags: []string{facts.TagStatic}, framework: recv.framework(),
					served: g.folder(m, c.arg(1, "directory"), false)})
			}
		}
	case "static":
		// Sanic's app.static(uri, file_or_directory).
		if recv != nil && recv.fw == "sanic" {
			if p, ok := g.ix.str(m, c.arg(0, "uri")); ok {
				recv.routes = append(recv.routes, &decl{methods: []string{"GET"}, path: p, mod: m, handler: "static",
					line: int(c.line), endLine: int(c.line), body: c.text, tags: []string{facts.TagStatic}, framework: recv.framework(),
					served: g.folder(m, c.arg(1, "file_or_directory"), false)})
			}
		}
	case "add_handlers":
		// Tornado's app.add_handlers(host_pattern, [(pattern, handler)]).
		if recv != nil && recv.kind == objTornado {
			g.tornadoHandlers(m, recv, c.arg(1, "host_handlers"))
		}
	case "include_router":
		child := g.object(m, c.arg(0, "router"))
		e := edge{child: child, chain: g.dependencies(m, c.arg(-1, "dependencies"))}
		e.prefix, _ = g.prefixArg(m, c.arg(-1, "prefix"), c.line)
		g.link(recv, e)
	case "add_router":
		if recv == nil || !recv.kind.ninja() {
			return
		}
		e := edge{child: g.ninjaRouter(m, c.arg(1, "router")), chain: ninjaAuth(m, c.arg(-1, "auth"))}
		e.prefix, _ = g.prefixArg(m, c.arg(0, "prefix"), c.line)
		g.link(recv, e)
	case "init_app":
		if recv != nil && recv.kind == objRestful {
			g.link(g.object(m, c.arg(0, "app")), edge{child: recv})
		}
	case "add_namespace":
		e := edge{child: g.object(m, c.arg(0, "ns"))}
		if p, ok := g.ix.str(m, c.arg(1, "path")); ok {
			e.prefix, e.replace = p, true
		}
		g.link(recv, e)
	case "mount":
		p, ok := g.ix.str(m, c.arg(0, "path"))
		if !ok || recv == nil {
			return
		}
		g.mountApp(m, recv, p, c, c.arg(1, "app"))
	case "add_resource":
		if recv == nil || len(c.items) < 2 {
			return
		}
		for _, p := range c.items[1:] {
			if s, ok := g.ix.str(m, p); ok {
				g.classRoute(recv, m, c.items[0], s, nil)
			}
		}
	case "add_url_rule":
		p, ok := g.ix.str(m, c.arg(0, "rule"))
		if recv == nil || !ok {
			return
		}
		g.viewRoute(recv, m, c.arg(2, "view_func"), p, upper(g.ix.strs(m, c.arg(-1, "methods"))))
	case "add_api_route", "add_api_websocket_route", "add_websocket_route":
		p, ok := g.ix.str(m, c.arg(0, "path"))
		if recv == nil || !ok {
			return
		}
		methods := upper(g.ix.strs(m, c.arg(-1, "methods")))
		if c.callee() != "add_api_route" {
			methods = []string{"GET"}
		} else if len(methods) == 0 {
			methods = []string{"GET"}
		}
		d := g.functionRoute(recv, m, c.arg(1, "endpoint"), p, methods)
		if d != nil && c.callee() != "add_api_route" {
			d.tags = append(d.tags, facts.TagWebsocket)
		}
	case "before_request", "before_app_request", "url_value_preprocessor", "app_url_value_preprocessor":
		if recv != nil {
			if s := g.ix.resolve(m, c.arg(0, "f")); s.fn != nil {
				g.hook(m, recv, s.fn, c.callee())
			}
		}
	case "add_middleware":
		if recv != nil && recv.kind == objFalcon {
			g.falconMiddleware(m, recv, c.arg(0, "middleware"))
		} else if recv != nil {
			if name, ok := c.arg(0, "middleware_class").dotted(); ok {
				recv.chain.add(name, name, at(m, c))
			}
		}
	default:
		if recv != nil && recv.cls != nil && !mountCalls[c.callee()] {
			switch fn, _ := g.ix.method(recv.clsMod, recv.cls, c.callee()); {
			case fn == nil || fn.forward == nil:
			case fn.forward.built:
				g.missed = append(g.missed, missedRoute{file: m.path, line: int(c.line)})
			default:
				g.call(m, fn.forward.apply(c))
			}
		}
	}
}

// requestHooks are the decorators that run a function before each
// request of their app or blueprint: Flask's before_request (and a
// blueprint's before_app_request), its URL value preprocessors, which see
// the endpoint and the URL's values first, and FastAPI's middleware.
var requestHooks = map[string]bool{
	"before_request": true, "before_app_request": true, "middleware": true,
	"url_value_preprocessor": true, "app_url_value_preprocessor": true,
}

// hook records a request hook; it guards every route below its object
// when it authenticates by name or by what its body checks. A hook that
// reads one of the URL's values (values.pop("book_id")) and refuses
// when the caller's session holds nothing for it guards only the routes
// whose path carries that value, and not the endpoints it lets through
// by name (if endpoint == "books.sign_in": return).
func (g *graph) hook(m *module, o *object, fn *function, kind string) {
	if kind == "middleware" {
		kind = "before_request"
	}
	// A blueprint's before_app_request (and app_url_value_preprocessor)
	// runs for every request of the app the blueprint is registered on,
	// not only the blueprint's: it is lifted to that app once the mounts
	// are known (liftAppHooks).
	if o.kind == objBlueprint && (kind == "before_app_request" || kind == "app_url_value_preprocessor") {
		defer func() {
			last := len(o.chain) - 1
			if g.appHooks == nil {
				g.appHooks = map[*object]guards{}
			}
			g.appHooks[o] = append(g.appHooks[o], o.chain[last])
			o.chain = o.chain[:last]
		}()
	}
	text := kind + " " + fn.name
	o.chain.add(text, fn.name, facts.Evidence{})
	o.chain[len(o.chain)-1].Defined = facts.Evidence{File: m.path, Line: fn.line}
	// Its code stays with it: a hook that lets listed paths through
	// guards only the others.
	src := strip(fn.source())
	o.chain[len(o.chain)-1].Source = src
	ev := text
	dec := g.ix.decide(m, nil, fn.source(), "", false)
	if dec.Auth != facts.AuthRequired {
		if why := refusesWithoutSession(src); why != "" {
			dec, ev = route.Decision{Auth: facts.AuthRequired, Role: route.RoleOf(src)}, why
		}
	}
	if dec.Auth == facts.AuthRequired {
		o.chain.requireLast(ev, dec.Role)
		o.chain[len(o.chain)-1].Verdict.Credential = g.ix.credentialOf(m, fn)
		if g.hookScope == nil {
			g.hookScope = map[facts.Evidence]hookScope{}
		}
		g.hookScope[o.chain[len(o.chain)-1].Defined] = scopeOf(src)
	}
}

// hookScope is what a request hook that refuses guards: the routes whose
// path carries param ("" for every route), except the endpoints it lets
// through by name.
type hookScope struct {
	param  string
	except []string
}

var (
	// urlValue is a URL value preprocessor taking a value out of the
	// URL's values: values.pop("book_id"), values["book_id"].
	urlValue = regexp.MustCompile(`\b(\w+)\s*(?:\.\s*(?:pop|get)\s*\(\s*|\[\s*)["'](\w+)["']`)
	// endpointIs compares the endpoint with a literal name.
	endpointIs = regexp.MustCompile(`\bendpoint\s*==\s*["']([\w.]+)["']|["']([\w.]+)["']\s*==\s*(?:request\.)?endpoint\b`)
	// hookParams is a URL value preprocessor's signature, its second
	// parameter the URL's values.
	hookParams = regexp.MustCompile(`\bdef\s+\w+\s*\(\s*\w+\s*,\s*(\w+)\s*\)`)
	// sessionRead is the caller's session (or the admin flag in it) read.
	sessionRead = regexp.MustCompile(`\bsession\s*(?:\.\s*get\s*\(|\[)|\bin\s+session\b|\bcurrent_user\b|\bg\.user\b`)
	// refusal is a request refused: an HTTP exception or a redirect
	// raised, abort(...), or a redirect returned.
	refusal = regexp.MustCompile(`\braise\s+[\w.]+\s*\(|\babort\s*\(|\breturn\s+redirect\s*\(`)
)

// scopeOf reads which routes a refusing hook guards.
func scopeOf(src string) hookScope {
	var s hookScope
	if sig := hookParams.FindStringSubmatch(src); sig != nil {
		// (endpoint, values): the second parameter holds the URL's values.
		values := sig[1]
		for _, m := range urlValue.FindAllStringSubmatch(src, -1) {
			if m[1] == values {
				s.param = m[2]
				break
			}
		}
	}
	for _, m := range endpointIs.FindAllStringSubmatch(src, -1) {
		name := m[1] + m[2]
		if i := strings.LastIndex(name, "."); i >= 0 {
			name = name[i+1:]
		}
		s.except = append(s.except, name)
	}
	return s
}

// refusesWithoutSession says why a hook's code refuses a request unless
// the caller's session holds a value, or "": a test that reads the
// session, and a refusal (raise, abort, a redirect returned) on the
// branch that test fails: its else, or under a negated test.
func refusesWithoutSession(src string) string {
	lines := strings.Split(src, "\n")
	indent := func(l string) int { return len(l) - len(strings.TrimLeft(l, " \t")) }
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if !strings.HasPrefix(t, "if ") || !sessionRead.MatchString(t) {
			continue
		}
		negated := strings.HasPrefix(t, "if not ") || strings.Contains(t, " is None")
		at := indent(l)
		if underSignedIn(lines[:i], at) {
			// Only a signed-in caller reaches this test (if
			// current_user.is_authenticated: if not current_user.confirmed:
			// redirect): it turns away some signed-in callers, never an
			// anonymous one.
			continue
		}
		inElse := false
		for _, next := range lines[i+1:] {
			nt := strings.TrimSpace(next)
			if nt == "" {
				continue
			}
			ni := indent(next)
			if ni < at || ni == at && !strings.HasPrefix(nt, "else") && !strings.HasPrefix(nt, "elif") {
				break
			}
			if ni == at {
				inElse = strings.HasPrefix(nt, "else")
				continue
			}
			if (inElse != negated) && refusal.MatchString(nt) {
				return "refuses the request unless the caller's session holds it"
			}
		}
	}
	return ""
}

// underSignedIn says the code at indent at, after before, sits in the
// body of an enclosing if that tests the caller's session without
// negating it (if current_user.is_authenticated:, if "uid" in session:).
// An else or elif between says nothing: the test is not read.
func underSignedIn(before []string, at int) bool {
	for j := len(before) - 1; j >= 0 && at > 0; j-- {
		l := before[j]
		t := strings.TrimSpace(l)
		ind := len(l) - len(strings.TrimLeft(l, " \t"))
		if t == "" || ind >= at {
			continue
		}
		at = ind
		if !strings.HasPrefix(t, "if ") {
			if strings.HasPrefix(t, "else") || strings.HasPrefix(t, "elif") || strings.HasPrefix(t, "def ") {
				return false
			}
			continue
		}
		if sessionRead.MatchString(t) && !strings.HasPrefix(t, "if not ") && !strings.Contains(t, " is None") &&
			!strings.Contains(t, "is_anonymous") {
			return true
		}
	}
	return false
}

// flaskVocab: Flask hands uploaded files in request.files.
var flaskVocab = route.Vocabulary{Upload: []string{"request.files"}}

// pythonVocab reads every Python route with each framework's words: a
// Flask app uses WTForms' FileField as a Django one does its own.
var pythonVocab = route.Vocab(flaskVocab, fastapiVocab, djangoVocab)

var routeVerbs = map[string]bool{
	"route": true, "get": true, "post": true, "put": true, "patch": true, "delete": true,
	"head": true, "options": true, "api_route": true,
	"websocket": true, "websocket_route": true,
	"query":         true, // Flask 3.2's @app.query (RFC 10008)
	"api_operation": true, // Django Ninja: (methods, path)
}

// function turns a function's route decorators into routes. cls is the
// class whose body defines fn, if any: a route decorator runs when the
// class body does, so a method decorated @router.get(...) is a route
// (fastapi-utils' @cbv(router) classes are written so), but only on a
// receiver the tree shows is an app or router.
func (g *graph) function(m *module, fn *function, cls *class) {
	var routeDecs []*expr
	var chain guards
	for _, d := range fn.decorators {
		if d.kind == exAttr && requestHooks[d.name] {
			if o := g.object(m, d.obj); o != nil {
				g.hook(m, o, fn, d.name)
			}
			continue
		}
		if d.kind == exCall && d.callee() == "middleware" && d.fn.kind == exAttr {
			// @app.middleware("http"): FastAPI's function middleware.
			if o := g.object(m, d.fn.obj); o != nil {
				g.hook(m, o, fn, "middleware")
			}
			continue
		}
		if d.kind == exCall && d.fn.kind == exAttr && routeVerbs[d.fn.name] || d.kind == exCall && g.bottleDefault(m, d.fn) != nil {
			routeDecs = append(routeDecs, d)
			continue
		}
		if d.kind == exCall && d.callee() == "hook" && g.bottleHook(m, fn, d) {
			continue
		}
		g.decorated(&chain, m, d)
	}
	for _, d := range routeDecs {
		recv := g.object(m, d.fn.obj)
		if b := g.bottleDefault(m, d.fn); b != nil {
			recv = b
		}
		pathArg := d.arg(0, "path")
		aioRoute := recv != nil && recv.kind.aiohttp() && d.fn.name == "route"
		if d.fn.name == "api_operation" || aioRoute {
			pathArg = d.arg(1, "path") // @routes.route("GET", "/x")
		}
		p, ok := g.ix.str(m, pathArg)
		if !ok {
			p, ok = g.ix.str(m, d.arg(-1, "rule"))
		}
		if !ok {
			if recv != nil && (pathArg != nil || d.arg(-1, "rule") != nil) {
				g.missed = append(g.missed, missedRoute{file: m.path, line: int(d.line)})
			}
			continue
		}
		if recv == nil && cls == nil {
			recv = g.implicit(m, d.fn.obj, p)
		}
		if recv == nil {
			continue
		}
		if recv.kind == objRestful || recv.kind == objNamespace {
			continue // flask-restx routes decorate classes
		}
		verb := d.fn.name
		var methods []string
		var tags []string
		switch verb {
		case "route", "api_route":
			methods = upper(g.ix.strs(m, d.arg(-1, "methods")))
			if recv.fw == "bottle" {
				methods = upper(g.ix.strs(m, d.arg(1, "method")))
			}
			if aioRoute {
				methods = upper(g.ix.strs(m, d.arg(0, "method")))
			}
			if len(methods) == 0 {
				methods = []string{"GET"}
			}
		case "websocket", "websocket_route":
			methods, tags = []string{"GET"}, []string{facts.TagWebsocket}
		case "api_operation":
			methods = upper(g.ix.strs(m, d.arg(0, "methods")))
		default:
			methods = []string{strings.ToUpper(verb)}
		}
		c := chain
		if recv.kind == objFastAPI || recv.kind == objRouter {
			c = c.plus(g.dependencies(m, d.arg(-1, "dependencies")))
			if cls != nil && g.boundClass(m, cls, recv) {
				c = c.plus(g.paramDependencies(m, classParams(cls)))
			}
			c = c.plus(g.paramDependencies(m, fn.params))
		}
		handler := fn.name
		if cls != nil {
			handler = cls.name + "." + fn.name
		}
		public := false
		if recv.kind.ninja() {
			a := d.arg(-1, "auth")
			public = a != nil && a.text == "None"
			c = c.plus(ninjaAuth(m, a))
			p = djangoConverters.ReplaceAllString(p, "<$1:$2>")
		}
		recv.routes = append(recv.routes, &decl{
			methods: methods, path: p, mod: m, handler: handler, line: fn.line, endLine: fn.endLine,
			body: fn.source(), params: fn.params, pmod: m, chain: c, tags: tags,
			framework: recv.framework(), untypedString: true, public: public,
		})
	}
}

// boundClass says whether a class decorator hands the class the router
// its methods route on (fastapi-utils' @cbv(router)): the class's
// attributes are then dependencies of every route, as its parameters are.
func (g *graph) boundClass(m *module, cls *class, recv *object) bool {
	for _, d := range cls.decorators {
		if d.kind == exCall && g.object(m, d.arg(0, "router")) == recv {
			return true
		}
	}
	return false
}

// classParams reads a class's attributes as parameters with defaults
// (user: User = Depends(get_current_user)).
func classParams(cls *class) []param {
	var out []param
	for _, name := range sortedKeys(cls.attrs) {
		out = append(out, param{name: name, def: cls.attrs[name]})
	}
	return out
}

// implicit stands in for a decorator receiver nothing in the tree binds
// (from myapp_core import app): a route still, mounted at the root as far
// as we can tell. Only a string path beginning with / qualifies, so
// client calls and other decorators do not.
func (g *graph) implicit(m *module, recv *expr, p string) *object {
	name, ok := recv.dotted()
	if !ok || !strings.HasPrefix(p, "/") || !(m.usesFlask || m.usesFastAPI) {
		return nil
	}
	key := m.path + "#?" + name
	if o, ok := g.objs[key]; ok {
		return o
	}
	k := objFlaskApp
	if m.usesFastAPI && !m.usesFlask {
		k = objFastAPI
	}
	o := &object{kind: k, mod: m, name: name, implicit: true}
	g.objs[key] = o
	g.list = append(g.list, o)
	return o
}

// classDecorators handles flask-restx's @ns.route("/x") on a Resource.
func (g *graph) classDecorators(m *module, c *class) {
	for _, d := range c.decorators {
		if d.kind == exCall && d.callee() == "view" && d.fn.kind == exAttr {
			// @routes.view("/x") on an aiohttp web.View.
			if recv := g.object(m, d.fn.obj); recv != nil && recv.kind == objAiohttpTable {
				if p, ok := g.ix.str(m, d.arg(0, "path")); ok {
					g.classRoute(recv, m, &expr{kind: exName, name: c.name}, p, nil)
				}
			}
			continue
		}
		if d.kind != exCall || d.callee() != "route" || d.fn.kind != exAttr {
			continue
		}
		recv := g.object(m, d.fn.obj)
		if recv == nil || (recv.kind != objRestful && recv.kind != objNamespace) {
			continue
		}
		for _, a := range d.items {
			if p, ok := g.ix.str(m, a); ok {
				g.classRoute(recv, m, &expr{kind: exName, name: c.name}, p, nil)
			}
		}
	}
}

// classVerbs are the methods a MethodView dispatches to (Flask 3.2 added
// query, RFC 10008; a Resource is a MethodView).
var classVerbs = []string{"get", "post", "put", "patch", "delete", "query"}

// classRoute adds a class-based view's routes (Resource, MethodView):
// one per HTTP method the class defines.
func (g *graph) classRoute(recv *object, m *module, clsExpr *expr, p string, methods []string) {
	s := g.ix.resolve(m, clsExpr)
	if s.cls == nil {
		name, _ := clsExpr.dotted()
		if len(methods) == 0 {
			methods = []string{"ANY"}
		}
		recv.routes = append(recv.routes, &decl{methods: methods, path: p, mod: m, handler: name,
			line: int(clsExpr.line), endLine: int(clsExpr.line), framework: recv.framework(), untypedString: true})
		return
	}
	var chain guards
	for _, attr := range []string{"decorators", "method_decorators"} {
		if v, _ := g.ix.classAttr(s.mod, s.cls, attr); v != nil {
			chain.add(attr+" = "+v.text, "", at(s.mod, v))
			for _, it := range v.items {
				if n, ok := decoratorName(it); ok {
					chain = append(chain, router.Guard{Name: n})
				}
			}
		}
	}
	found := false
	for _, verb := range classVerbs {
		if len(methods) > 0 && !slices.Contains(methods, strings.ToUpper(verb)) {
			continue
		}
		fn, fmod := g.ix.method(s.mod, s.cls, verb)
		if fn == nil {
			continue
		}
		found = true
		c := chain
		for _, d := range fn.decorators {
			g.decorated(&c, fmod, d)
		}
		recv.routes = append(recv.routes, &decl{methods: []string{strings.ToUpper(verb)}, path: p, mod: fmod,
			handler: s.cls.name + "." + verb, line: fn.line, endLine: fn.endLine, body: fn.source(),
			params: fn.params, pmod: fmod, chain: c, framework: recv.framework(), untypedString: true})
	}
	if !found {
		if len(methods) == 0 {
			methods = []string{"ANY"}
		}
		recv.routes = append(recv.routes, &decl{methods: methods, path: p, mod: s.mod, handler: s.cls.name,
			line: s.cls.line, endLine: s.cls.endLine, body: s.cls.source(), chain: chain,
			framework: recv.framework(), untypedString: true})
	}
}

// viewRoute adds the routes of a view registered at p: a class-based
// view's as_view() dispatches to its methods by name; a function serves
// the methods listed, GET when none are.
func (g *graph) viewRoute(recv *object, m *module, view *expr, p string, methods []string) {
	if view != nil && view.kind == exCall && view.callee() == "as_view" {
		g.classRoute(recv, m, view.fn.obj, p, methods)
		return
	}
	if len(methods) == 0 {
		methods = []string{"GET"}
	}
	g.functionRoute(recv, m, view, p, methods)
}

// functionRoute adds a route whose view is a function named by view.
func (g *graph) functionRoute(recv *object, m *module, view *expr, p string, methods []string) *decl {
	s := g.ix.resolve(m, view)
	name, _ := view.dotted()
	d := &decl{methods: methods, path: p, mod: m, handler: name, line: view.lineOr(0), framework: recv.framework(), untypedString: true}
	if s.fn != nil {
		d.mod, d.handler, d.line, d.endLine, d.body, d.params, d.pmod = s.mod, s.fn.name, s.fn.line, s.fn.endLine, s.fn.source(), s.fn.params, s.mod
		for _, dec := range s.fn.decorators {
			g.decorated(&d.chain, s.mod, dec)
		}
		if recv.kind == objFastAPI || recv.kind == objRouter {
			d.chain = d.chain.plus(g.paramDependencies(s.mod, s.fn.params))
		}
	}
	d.endLine = max(d.endLine, d.line)
	recv.routes = append(recv.routes, d)
	return d
}

func (e *expr) lineOr(def int) int {
	if e == nil {
		return def
	}
	return int(e.line)
}

// decoratorName is a decorator's dotted name without its arguments.
func decoratorName(d *expr) (string, bool) {
	if d == nil {
		return "", false
	}
	if d.kind == exCall {
		return d.fn.dotted()
	}
	return d.dotted()
}

func upper(xs []string) []string {
	for i := range xs {
		xs[i] = strings.ToUpper(xs[i])
	}
	return xs
}

// emit walks every app from its roots and adds the composed routes.
func (g *graph) emit(out *detector.Sink) {
	for _, ms := range g.missed {
		out.MissRoutes(ms.file, ms.line, 1, "route/python", "its path is built at run time, not from literals and constants")
	}
	for _, u := range slices.Compact(g.unsure) {
		out.UnsurePrefix(u.file, u.line, "route/python")
	}
	g.liftAppHooks()
	nodes, objs := g.tree()
	var roots []*router.Node
	for _, o := range g.list {
		if o.parents > 0 {
			continue
		}
		if len(o.served) == 0 {
			roots = append(roots, nodes[o])
			continue
		}
		for _, e := range o.served {
			// The URLconf's path is the API's root.
			at := &router.Node{Framework: "django", Prefix: e.prefix, Guards: e.chain}
			nodes[o].MountUnder(router.Mount{Parent: at})
			roots = append(roots, at)
		}
	}
	for _, root := range roots {
		router.Walk(root, func(n *router.Node, p router.Path) {
			o := objs[n]
			if o == nil {
				return
			}
			for _, d := range o.routes {
				c := p.Compose(&router.Route{Path: d.path, Guards: d.chain})
				if d.public {
					c.Guards = ninjaPublic(c.Guards)
				}
				for _, method := range d.methods {
					out.AddRoute(g.route(d, method, c.Path, c.Guards, c.Complete))
				}
			}
		})
	}
}

// liftAppHooks puts each blueprint's app-wide hooks on the apps the
// blueprint is registered on (through any nesting of blueprints), where
// they guard every route; a blueprint nothing in the tree registers
// keeps them, as the best guess of its app.
func (g *graph) liftAppHooks() {
	if len(g.appHooks) == 0 {
		return
	}
	parents := map[*object][]*object{}
	for _, o := range g.list {
		for _, e := range o.children {
			parents[e.child] = append(parents[e.child], o)
		}
	}
	for _, o := range g.list {
		hooks := g.appHooks[o]
		if len(hooks) == 0 {
			continue
		}
		var apps []*object
		seen := map[*object]bool{o: true}
		queue := []*object{o}
		for len(queue) > 0 {
			cur := queue[0]
			queue = queue[1:]
			if len(parents[cur]) == 0 && cur != o {
				apps = append(apps, cur)
			}
			for _, p := range parents[cur] {
				if !seen[p] {
					seen[p] = true
					queue = append(queue, p)
				}
			}
		}
		if len(apps) == 0 {
			apps = []*object{o}
		}
		for _, a := range apps {
			a.chain = a.chain.plus(hooks)
		}
	}
}

// tree is the graph as the shared router tree. A router or blueprint
// nothing mounts may be mounted in code we cannot see: it is a root
// without its own prefix (the best path there is), its guards unknown.
func (g *graph) tree() (map[*object]*router.Node, map[*router.Node]*object) {
	nodes := make(map[*object]*router.Node, len(g.list))
	objs := make(map[*router.Node]*object, len(g.list))
	node := func(o *object) *router.Node {
		if n := nodes[o]; n != nil {
			return n
		}
		n := &router.Node{Framework: o.framework(), Guards: o.chain}
		if o.parents > 0 {
			n.Prefix = o.prefix
		} else {
			n.Incomplete = o.implicit || o.kind != objFlaskApp && o.kind != objFastAPI && o.kind != objAppBuilder && o.kind != objAiohttpApp && o.kind != objTornado && o.kind != objFalcon && o.kind != objLitestar && o.kind != objPyramid && len(o.served) == 0
		}
		nodes[o], objs[n] = n, o
		return n
	}
	for _, o := range g.list {
		parent := node(o)
		for _, e := range o.children {
			node(e.child).MountUnder(router.Mount{Parent: parent, Prefix: e.prefix, Replace: e.replace, Guards: e.chain})
		}
	}
	return nodes, objs
}

// route builds the fact for one method of a declared route.
func (g *graph) route(d *decl, method, full string, chain guards, complete bool) facts.Route {
	r := facts.Route{
		Method: method, Framework: d.framework, File: d.mod.path, Line: d.line, EndLine: d.endLine,
		Handler: d.handler, Body: d.body, Middleware: chain.names(), Tags: slices.Clone(d.tags), Served: d.served,
	}
	switch d.framework {
	case "sanic":
		full = sanicPath(full)
	case "tornado":
		full = tornadoPath(full, d.params)
	case "bottle":
		full = bottlePath(full)
	}
	r.Path, r.Params = typedPath(g.ix, full, d.pmod, d.params, d.untypedString)
	chain = g.scoped(chain, r)
	dec := g.ix.decidePath(d.mod, chain, d.body, r.File+":"+strconv.Itoa(r.Line), r.Path, complete)
	r.Auth, r.AuthEvidence, r.AuthRole = dec.Auth, dec.Evidence, dec.Role
	if r.Auth == facts.AuthRequired {
		r.Scope = g.handedScope(d.mod, chain)
		r.Credential = g.credential(d.mod, chain)
	}
	route.Classify(&r, pythonVocab)
	return r
}

// credential is where the route's authenticating guards take the
// caller's credential from: a cookie if any of them reads the session
// (the browser sends it cross-site), a header if they all read one.
func (g *graph) credential(m *module, chain guards) string {
	out := ""
	for _, gd := range chain {
		c := gd.Verdict.Credential
		if c == "" && gd.Verdict.Auth != facts.AuthNone {
			c = g.ix.credentialOfName(m, strings.TrimPrefix(gd.Name, "@"))
		}
		if c == facts.CredentialCookie {
			return c
		}
		if c != "" {
			out = c
		}
	}
	return out
}

// scoped drops the refusing request hooks that do not guard r: a hook
// that reads a URL value the path does not carry, or that lets r's
// endpoint through by name; and a security backend whose exclude=
// patterns match r's path.
func (g *graph) scoped(chain guards, r facts.Route) guards {
	if len(g.authExclude) > 0 {
		chain = slices.DeleteFunc(slices.Clone(chain), func(gd router.Guard) bool {
			return slices.ContainsFunc(g.authExclude[gd.Defined], func(re *regexp.Regexp) bool { return re.MatchString(r.Path) })
		})
	}
	if len(g.hookScope) == 0 {
		return chain
	}
	fn := r.Handler
	if i := strings.LastIndex(fn, "."); i >= 0 {
		fn = fn[i+1:]
	}
	return slices.DeleteFunc(slices.Clone(chain), func(gd router.Guard) bool {
		s, ok := g.hookScope[gd.Defined]
		if !ok || gd.Verdict.Auth != facts.AuthRequired {
			return false
		}
		if slices.Contains(s.except, fn) {
			return true
		}
		if s.param == "" {
			return false
		}
		return !slices.ContainsFunc(r.Params, func(p facts.Param) bool { return p.Name == s.param })
	})
}

// handedScope is what the refusing guards of a route hand its handler
// (facts.Route.Scope): the g attributes a request hook sets once it has
// checked the caller (g.project = project), and the arguments a
// decorator adds when it calls the view it wraps (f(*args,
// project=project, **kwargs)).
func (g *graph) handedScope(m *module, chain guards) []string {
	var out []string
	for _, gd := range chain {
		src := gd.Source
		if src == "" && gd.Name != "" && m != nil {
			parts := strings.Split(gd.Name, ".")
			s := g.ix.lookup(m, parts[0], 0)
			for _, p := range parts[1:] {
				s = g.ix.member(s, p, 0)
			}
			if s.fn == nil {
				continue
			}
			src = strip(s.fn.source())
		}
		if !refusal.MatchString(src) {
			continue // a guard that never refuses hands nothing checked
		}
		for _, m := range gAttrSet.FindAllStringSubmatch(src, -1) {
			if n := "g." + m[1]; !slices.Contains(out, n) {
				out = append(out, n)
			}
		}
		wrapped := decoratorParam.FindStringSubmatch(src)
		if wrapped == nil {
			continue
		}
		for _, m := range handsOn.FindAllStringSubmatchIndex(src, -1) {
			if src[m[2]:m[3]] != wrapped[1] {
				continue
			}
			for _, kw := range keywordArg.FindAllStringSubmatch(src[m[4]:m[5]], -1) {
				if !slices.Contains(out, kw[1]) {
					out = append(out, kw[1])
				}
			}
		}
	}
	return out
}

var (
	// gAttrSet is an attribute of Flask's g set for the request.
	gAttrSet = regexp.MustCompile(`\bg\.(\w+)\s*=[^=]`)
	// decoratorParam is a decorator's parameter, the view it wraps.
	decoratorParam = regexp.MustCompile(`^\s*(?:@[^\n]*\n\s*)*def\s+\w+\s*\(\s*(\w+)\s*\)`)
	// handsOn is a call returned: the wrapped view called, with its
	// arguments.
	handsOn = regexp.MustCompile(`\breturn\s+(\w+)\s*\(([^()]*)\)`)
	// keywordArg is a keyword argument of a call.
	keywordArg = regexp.MustCompile(`(?:^|,)\s*(\w+)\s*=[^=]`)
)

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// djangoConverters are Django Ninja's path params, {converter:name}.
var djangoConverters = regexp.MustCompile(`\{(int|str|slug|uuid|path):([A-Za-z_][A-Za-z0-9_]*)\}`)

// ninjaRouter is the router add_router mounts: an object, or the dotted
// path of one ("news.api.router"), which Django Ninja imports.
func (g *graph) ninjaRouter(m *module, e *expr) *object {
	if name, ok := g.ix.str(m, e); ok {
		mod, attr, ok := cutLast(name, ".")
		if !ok {
			return nil
		}
		if target := g.ix.module(m, mod); target != nil {
			return g.objs[target.path+"#"+attr]
		}
		return nil
	}
	return g.object(m, e)
}

func cutLast(s, sep string) (string, string, bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return "", "", false
	}
	return s[:i], s[i+len(sep):], true
}

// ninjaAuth is Django Ninja's auth= argument (an API's, a router's, a
// mount's or an operation's) as a guard. Django Ninja calls each auth
// callable and answers 401 when none accepts the request, so any auth
// requires a caller; auth=None (an operation made public) adds nothing
// here and lifts the others (see ninjaPublic).
func ninjaAuth(m *module, e *expr) guards {
	if e == nil || e.text == "None" || e.text == "" {
		return nil
	}
	var g guards
	name, ok := e.dotted()
	if !ok && e.kind == exList && len(e.items) > 0 {
		name, _ = e.items[0].dotted()
	}
	g.add(ninjaAuthText+e.text, name, at(m, e))
	g.requireLast("Django Ninja answers 401 unless an auth callable accepts the request", "")
	return g
}

const ninjaAuthText = "auth="

// ninjaPublic drops the auth an API or router set from an operation
// declared with auth=None.
func ninjaPublic(chain guards) guards {
	return slices.DeleteFunc(slices.Clone(chain), func(g router.Guard) bool { return strings.HasPrefix(g.Text, ninjaAuthText) })
}
