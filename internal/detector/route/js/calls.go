package js

import (
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/syntax"
)

// routerDecl is something routes are registered on: an app, a router, or
// a plugin/setup function's first parameter (fastify plugins,
// `module.exports = app => { app.get(...) }`).
type routerDecl struct {
	key       string
	framework string  // "" for functions: their mount decides
	prefix    strExpr // Koa `new Router({prefix})`, Hono basePath
	app       bool    // an application instance: nothing outside it adds middleware
	fn        bool
	guessed   bool   // a name-based guess (app, router) in a file that imports a framework
	param     string // a function's parameter name (fastify, app)
}

// routeDecl is one registration, before prefixes are known. Every route
// of the tree is held in one until Finish: the fields are laid out to
// keep it small (lines as int32, the handler named once).
type routeDecl struct {
	owner     string
	seq       int
	methods   []string // shared when one method: never modify in place
	paths     []strExpr
	handler   string // display name
	body      string
	guardText string // inline middleware source: evidence for auth
	mw        []string
	mwCalls   []string // each mw's factory call (requireRole('admin')), or ""; may be shorter
	mwWrapped []string // each mw's one wrapped function (asyncHandler(auth.jwt): auth.jwt), or ""; may be shorter
	line      int32
	endLine   int32
	cond      string // facts.ConditionDev or Test: registered only there
	byRef     bool   // handler names a function to look the body up by
	static    bool
	served    *facts.Served // the folder a static route serves, when named
}

// useDecl is app.use / router.use / fastify.register / app.route(path, sub)
// / setup(app): middleware for later routes, or a mount of another router.
type useDecl struct {
	owner string
	seq   int
	cond  string  // facts.ConditionDev or Test: mounted only there
	path  strExpr // nil: applies everywhere
	items []useItem
	// mountOnly uses (fastify.register, setup(app)) never add middleware:
	// an unresolved plugin is a library, not a guard.
	mountOnly bool
}

type useItem struct {
	name string // as written: requireAuth, passport.authenticate
	// call is a factory call with its string argument (requireRole('admin')),
	// the form a guard's role is judged on; "" otherwise.
	callText string
	// wrapped is the one middleware a wrapper call is given:
	// ifAuthNeeded(this.authMiddleware.bind(this)) wraps this.authMiddleware.
	wrapped string
	ref     *ref
	call    *callRef // a factory call whose return value may be a router
	text    string   // inline function source
	line    int
	// serves: an inline (req, res) => res.send(...) that answers requests
	// itself; static: express.static / serve-static. Both are routes when
	// mounted at a path.
	serves   bool
	static   bool
	served   *facts.Served // the folder a static item serves, when named
	vendored bool
}

// callRef is a call used as a value: app.use('/p', routes(router)),
// app.use('/p', require('./r')()). What it returns is known only once the
// callee, maybe in another file, is found.
type callRef struct {
	callee ref
	args   []*ref // nil where an argument is not a plain name
}

// fileFacts is everything one file contributes; Finish joins them.
type fileFacts struct {
	*module
	routers map[string]*routerDecl
	routes  []routeDecl
	uses    []useDecl
	seq     int
	// bind holds what a loop variable stands for while a loop over a
	// literal array is read, once per element; arrays are the file's
	// array constants, found on first use.
	bind   map[string]*syntax.Node
	arrays map[string]*syntax.Node
	missed []int32 // lines of registrations whose path cannot be read

	autoloads  []autoload // fastify.register(AutoLoad, {dir})
	autoPrefix strExpr    // this plugin file's own autoPrefix export

	nest        []nestRoute
	nestPrefix  strExpr      // app.setGlobalPrefix in a NestJS bootstrap
	nestExclude []nestTarget // its exclude: routes served without the prefix
	nestVersion *nestVersioning
	nestBoot    bool
	nestGuards  []string // app.useGlobalGuards / APP_GUARD
	nestGuardAt []int    // the line each of nestGuards is applied at
	nestApplies []nestApply
	nestPublic  []string     // custom decorators that set public metadata
	nestModules []nestModule // @Module classes and their controllers
	nestMounts  []nestMount  // RouterModule.register entries
}

// trim drops the spare capacity appends leave: a file's facts are kept
// until Finish, and a slice grown by doubling is a third empty on average.
func (f *fileFacts) trim() {
	f.routes = tight(f.routes)
	f.uses = tight(f.uses)
	f.nest = tight(f.nest)
}

func tight[S ~[]E, E any](s S) S {
	if cap(s) == len(s) {
		return s
	}
	return slices.Clone(s)
}

var httpMethods = map[string]string{
	"get": "GET", "post": "POST", "put": "PUT", "patch": "PATCH", "delete": "DELETE",
	"del": "DELETE", "options": "OPTIONS", "head": "HEAD", "all": "ANY",
	// QUERY (RFC 10008): a safe request that carries its query in the
	// body. Express routes it where Node parses it, Fastify after
	// addHttpMethod('QUERY'), Hono from 4.13.
	"query": "QUERY",
}

// oneMethod holds a one-element methods list per method, shared by every
// route with that one method rather than allocated per route. The
// capacity is one, so an append copies.
var oneMethod = func() map[string][]string {
	out := map[string][]string{}
	for _, m := range httpMethods {
		out[m] = []string{m}[:1:1]
	}
	out["GET"] = []string{"GET"}[:1:1]
	out["ANY"] = []string{"ANY"}[:1:1]
	return out
}()

// methodList is methods as a routeDecl holds it.
func methodList(methods ...string) []string {
	if len(methods) == 1 {
		if l, ok := oneMethod[methods[0]]; ok {
			return l
		}
	}
	return methods
}

// guessable names a receiver that is almost surely a server object when
// the file imports a server framework.
var (
	answers = regexp.MustCompile(`\b(res|reply|ctx|c)\.(send|json|end|render|sendFile|redirect|body|text|html)\b`)
	static  = regexp.MustCompile(`^(express\.static|serveStatic|serve-static|koaStatic|serve|sirv)$`)
)

func paramCount(fn *syntax.Node) int {
	if fn.ChildByFieldName("parameter") != nil {
		return 1
	}
	if ps := fn.ChildByFieldName("parameters"); ps != nil {
		return int(ps.NamedChildCount())
	}
	return 0
}

var constName = regexp.MustCompile(`^[A-Z][A-Z0-9_]*$`)

var guessable = regexp.MustCompile(`^(app|api|router|server|srv|routes|fastify|instance|r)$|[a-z](Router|App|Routes)$`)

// collectRouters finds what routes are registered on: express(),
// express.Router(), new Router({prefix}), new Hono().basePath(), Fastify().
func (f *fileFacts) collectRouters(t *syntax.Tree) {
	syntax.Walk(t.Root(), func(n *syntax.Node) bool {
		var name, value *syntax.Node
		switch n.Type() {
		case "variable_declarator":
			name, value = n.ChildByFieldName("name"), n.ChildByFieldName("value")
		case "assignment_expression":
			name, value = n.ChildByFieldName("left"), n.ChildByFieldName("right")
		case "public_field_definition", "field_definition":
			name, value = n.ChildByFieldName("name"), n.ChildByFieldName("value")
		default:
			return true
		}
		if name == nil || value == nil {
			return true
		}
		key := t.Text(name)
		if n.Type() == "public_field_definition" || n.Type() == "field_definition" {
			key = "this." + key
		}
		if name.Type() == "member_expression" && !strings.HasPrefix(key, "this.") {
			return true
		}
		if value.Type() == "new_expression" {
			if c := value.ChildByFieldName("constructor"); c != nil && c.Type() == "identifier" {
				f.instances[key] = t.Text(c)
			}
		}
		if d, ok := f.routerOf(t, value); ok {
			d.key = key
			f.routers[key] = d
		}
		return true
	})
}

// routerOf says whether an expression makes an app or router.
func (f *fileFacts) routerOf(t *syntax.Tree, v *syntax.Node) (*routerDecl, bool) {
	switch v.Type() {
	case "await_expression", "parenthesized_expression", "as_expression":
		if v.NamedChildCount() == 0 {
			return nil, false
		}
		return f.routerOf(t, v.NamedChild(0))
	case "new_expression":
		ctor := v.ChildByFieldName("constructor")
		lib, name := f.libOf(t, ctor)
		var opts *syntax.Node
		if args := argList(v); len(args) > 0 {
			opts = args[0]
		}
		switch {
		case lib == "@koa/router" || lib == "koa-router" || (lib == "" && (name == "Router" || name == "KoaRouter")):
			return &routerDecl{framework: fwKoa, prefix: f.objectString(t, opts, "prefix")}, true
		case lib == "koa" || (lib == "" && name == "Koa"):
			return &routerDecl{framework: fwKoa, app: true}, true
		case lib == "hono" || lib == "@hono/zod-openapi" || (lib == "" && (name == "Hono" || name == "OpenAPIHono")):
			return &routerDecl{framework: fwHono, app: true}, true
		case lib == "express":
			return &routerDecl{framework: fwExpress}, true
		}
	case "call_expression":
		fn := v.ChildByFieldName("function")
		if fn == nil {
			return nil, false
		}
		callee := fn
		if callee.Type() == "await_expression" && callee.NamedChildCount() > 0 {
			// await NestFactory.create<App>(M) parses as (await f)<App>(M).
			callee = callee.NamedChild(0)
		}
		if callee.Type() == "member_expression" && t.Text(callee) == "NestFactory.create" {
			// The NestJS application: its controllers are read by
			// decorators; what it serves through use() is read here.
			return &routerDecl{framework: fwNest, app: true}, true
		}
		if fn.Type() == "member_expression" {
			prop := t.Text(fn.ChildByFieldName("property"))
			obj := fn.ChildByFieldName("object")
			if prop == "basePath" {
				d, ok := f.routerOf(t, obj)
				if !ok {
					return nil, false
				}
				if args := argList(v); len(args) == 1 {
					if e, ok := f.strExpr(t, args[0]); ok {
						d.prefix = append(append(strExpr{}, d.prefix...), e...)
					}
				}
				return d, true
			}
			if httpMethods[prop] != "" || prop == "use" || prop == "route" || prop == "on" {
				// const users = new Hono().get(...).post(...)
				return f.routerOf(t, obj)
			}
			if prop == "Router" {
				if lib, name := f.libOf(t, obj); lib == "express" || (lib == "" && name == "express") {
					return &routerDecl{framework: fwExpress}, true
				}
			}
			return nil, false
		}
		lib, name := f.libOf(t, fn)
		switch {
		case lib == "express" && name == "Router":
			return &routerDecl{framework: fwExpress}, true
		case lib == "express" || (lib == "" && name == "express"):
			return &routerDecl{framework: fwExpress, app: true}, true
		case lib == "fastify" || (lib == "" && (name == "fastify" || name == "Fastify")):
			return &routerDecl{framework: fwFastify, app: true}, true
		case (lib == "@koa/router" || lib == "koa-router") && name == "Router":
			return &routerDecl{framework: fwKoa}, true
		}
	}
	return nil, false
}

// libOf names the module an identifier (or require('x') call) comes from,
// and the identifier's imported name.
func (f *fileFacts) libOf(t *syntax.Tree, n *syntax.Node) (lib, name string) {
	if n == nil {
		return "", ""
	}
	if spec, ok := requireSpec(t, n); ok {
		return spec, "default"
	}
	if n.Type() == "member_expression" {
		// require('express').Router, express.Router
		obj := n.ChildByFieldName("object")
		lib, _ := f.libOf(t, obj)
		return lib, t.Text(n.ChildByFieldName("property"))
	}
	if n.Type() != "identifier" {
		return "", t.Text(n)
	}
	name = t.Text(n)
	if imp, ok := f.imports[name]; ok {
		if imp.name != "default" && imp.name != "*" {
			return imp.from, imp.name
		}
		return imp.from, name
	}
	return "", name
}

// objectString reads key from an object literal ({prefix: '/api'}).
func (f *fileFacts) objectString(t *syntax.Tree, obj *syntax.Node, key string) strExpr {
	v := objectField(t, obj, key)
	if v == nil {
		return nil
	}
	e, _ := f.strExpr(t, v)
	return e
}

func objectField(t *syntax.Tree, obj *syntax.Node, key string) *syntax.Node {
	if obj == nil || obj.Type() != "object" {
		return nil
	}
	for _, p := range syntax.NamedChildren(obj) {
		switch p.Type() {
		case "pair":
			if strings.Trim(t.Text(p.ChildByFieldName("key")), `'"`) == key {
				return p.ChildByFieldName("value")
			}
		case "shorthand_property_identifier":
			if t.Text(p) == key {
				return p
			}
		case "method_definition":
			if t.Text(p.ChildByFieldName("name")) == key {
				return p
			}
		}
	}
	return nil
}

// collectCalls is the second pass: every registration, use and mount.
//
// Calls are visited children first, so in a chain
// app.use(a.routes()).use(a.allowedMethods()) the inner call counts as
// the earlier registration, as it runs first.
func (f *fileFacts) collectCalls(t *syntax.Tree) {
	var visit func(n *syntax.Node, depth int)
	visit = func(n *syntax.Node, depth int) {
		if depth > maxDepth {
			return
		}
		if f.unroll(t, n, func(body *syntax.Node) { visit(body, depth+1) }) {
			return
		}
		for _, c := range syntax.NamedChildren(n) {
			visit(c, depth+1)
		}
		if n.Type() != "call_expression" {
			return
		}
		fn := n.ChildByFieldName("function")
		if fn == nil {
			return
		}
		if fn.Type() == "member_expression" || fn.Type() == "subscript_expression" {
			f.memberCall(t, n, fn)
		} else {
			f.setupCall(t, n, fn)
		}
	}
	visit(t.Root(), 0)
}

// maxUnrolled bounds the elements a loop is read for.
const maxUnrolled = 64

// unroll reads a loop over a literal array once per element, its
// variable bound to the element: routes registered in
// ['/a', '/b'].forEach(p => app.get(p, h)), a config array of mounts
// (routes.forEach(r => router.use(r.path, r.route))) or of routes
// (for (const {method, path, handler} of table) router[method](path, handler)).
// It says whether n was such a loop (and so was visited).
func (f *fileFacts) unroll(t *syntax.Tree, n *syntax.Node, visit func(*syntax.Node)) bool {
	if f.bind != nil {
		return false // one loop at a time: nested loops are read as written
	}
	var list, param, body *syntax.Node
	switch n.Type() {
	case "call_expression":
		fn := n.ChildByFieldName("function")
		if fn == nil || fn.Type() != "member_expression" {
			return false
		}
		if p := t.Text(fn.ChildByFieldName("property")); p != "forEach" && p != "map" {
			return false
		}
		args := argList(n)
		if len(args) == 0 || !isFunc(args[0]) {
			return false
		}
		list, body = fn.ChildByFieldName("object"), args[0].ChildByFieldName("body")
		if p := args[0].ChildByFieldName("parameter"); p != nil {
			param = p
		} else if ps := args[0].ChildByFieldName("parameters"); ps != nil && ps.NamedChildCount() > 0 {
			param = ps.NamedChild(0)
			if param.Type() == "required_parameter" {
				param = param.ChildByFieldName("pattern")
			}
		}
	case "for_in_statement":
		list, param, body = n.ChildByFieldName("right"), n.ChildByFieldName("left"), n.ChildByFieldName("body")
	default:
		return false
	}
	arr := f.arrayOf(t, list)
	if arr == nil || param == nil || body == nil {
		return false
	}
	elems := syntax.NamedChildren(arr)
	if len(elems) == 0 || len(elems) > maxUnrolled {
		return false
	}
	for _, e := range elems {
		f.bind = map[string]*syntax.Node{}
		f.bindParam(t, param, e)
		visit(body)
	}
	f.bind = nil
	return true
}

// arrayOf is the array literal an expression is, or names: an inline
// [...] or a const declared in this file.
func (f *fileFacts) arrayOf(t *syntax.Tree, n *syntax.Node) *syntax.Node {
	if n == nil {
		return nil
	}
	if n.Type() == "array" {
		return n
	}
	if n.Type() != "identifier" {
		return nil
	}
	if f.arrays == nil {
		f.arrays = map[string]*syntax.Node{}
		syntax.Walk(t.Root(), func(d *syntax.Node) bool {
			if d.Type() == "variable_declarator" {
				if name, v := d.ChildByFieldName("name"), d.ChildByFieldName("value"); name != nil && v != nil && v.Type() == "array" {
					f.arrays[t.Text(name)] = v
				}
			}
			return true
		})
	}
	return f.arrays[t.Text(n)]
}

// bindParam binds a loop variable (or the names a pattern takes out of
// it) to the element's nodes: r, r.path and r.route for an object
// element; path and route for {path, route}.
func (f *fileFacts) bindParam(t *syntax.Tree, param, elem *syntax.Node) {
	switch param.Type() {
	case "identifier":
		name := t.Text(param)
		f.bind[name] = elem
		if elem.Type() == "object" {
			for _, p := range syntax.NamedChildren(elem) {
				switch p.Type() {
				case "pair":
					f.bind[name+"."+strings.Trim(t.Text(p.ChildByFieldName("key")), `'"`)] = p.ChildByFieldName("value")
				case "shorthand_property_identifier":
					f.bind[name+"."+t.Text(p)] = p
				}
			}
		}
	case "object_pattern":
		for _, p := range syntax.NamedChildren(param) {
			switch p.Type() {
			case "shorthand_property_identifier_pattern":
				if v := objectField(t, elem, t.Text(p)); v != nil {
					f.bind[t.Text(p)] = v
				}
			case "pair_pattern":
				k, v := p.ChildByFieldName("key"), p.ChildByFieldName("value")
				if k != nil && v != nil && v.Type() == "identifier" {
					if ev := objectField(t, elem, strings.Trim(t.Text(k), `'"`)); ev != nil {
						f.bind[t.Text(v)] = ev
					}
				}
			}
		}
	case "array_pattern":
		if elem.Type() != "array" {
			return
		}
		items := syntax.NamedChildren(elem)
		for i, p := range syntax.NamedChildren(param) {
			if p.Type() == "identifier" && i < len(items) {
				f.bind[t.Text(p)] = items[i]
			}
		}
	}
}

// bound is what a name stands for in the loop being read, or n itself.
func (f *fileFacts) bound(t *syntax.Tree, n *syntax.Node) *syntax.Node {
	if f.bind == nil || n == nil {
		return n
	}
	switch n.Type() {
	case "identifier", "member_expression":
		if v := f.bind[t.Text(n)]; v != nil {
			return v
		}
	}
	return n
}

// maxDepth bounds recursion on pathological nesting (generated code).
const maxDepth = 2000

func (f *fileFacts) memberCall(t *syntax.Tree, call, fn *syntax.Node) {
	prop := t.Text(fn.ChildByFieldName("property"))
	if fn.Type() == "subscript_expression" {
		// router['get'](...), router[route.method](...) in a loop
		p, ok := t.StringValue(f.bound(t, fn.ChildByFieldName("index")))
		if !ok {
			return
		}
		prop = strings.ToLower(p)
	}
	if prop == "resource" {
		f.resourceCall(t, call, fn)
		return
	}
	method, isMethod := httpMethods[prop]
	if prop == "query" && !routeShaped(t, call, fn, f.bound) {
		return
	}
	if prop == "route" && f.verbRoute(t, call, fn) {
		return
	}
	switch {
	case isMethod, prop == "use", prop == "route", prop == "register", prop == "on", prop == "addHook", prop == "prefix", prop == "useStaticAssets":
	case prop == "setGlobalPrefix" || prop == "useGlobalGuards" || prop == "enableVersioning":
		f.nestCall(t, call, prop)
		return
	default:
		return
	}
	owner, base, ok := f.receiver(t, fn.ChildByFieldName("object"))
	if !ok || !f.ownerKnown(t, owner, call) {
		return
	}
	owner = f.ownerKey(t, owner, call)
	args := argList(call)
	for k, a := range args {
		args[k] = f.bound(t, a)
	}
	f.seq++
	switch {
	case isMethod:
		f.routeCall(t, call, owner, methodList(method), base, args)
	case prop == "on" && len(args) >= 3:
		// Hono: app.on('GET' | ['GET', 'POST'], path, handler)
		var methods []string
		for _, m := range stringsOf(t, args[0]) {
			methods = append(methods, strings.ToUpper(m))
		}
		if len(methods) > 0 {
			f.routeCall(t, call, owner, methodList(methods...), nil, args[1:])
		}
	case prop == "route" && len(args) == 1 && args[0].Type() == "object":
		f.fastifyRoute(t, call, owner, args[0])
	case prop == "route" && len(args) == 2:
		// Hono: app.route('/users', usersApp)
		if p, ok := f.strExpr(t, args[0]); ok {
			f.addUse(t, owner, p, args[1:], true)
		}
	case prop == "use":
		f.useCall(t, owner, args)
	case prop == "register" && len(args) >= 1:
		var prefix strExpr
		if len(args) > 1 {
			prefix = f.objectString(t, args[1], "prefix")
		}
		if f.fastifyPlugin(t, call, owner, args, prefix) {
			return
		}
		f.addUse(t, owner, prefix, args[:1], true)
	case prop == "useStaticAssets" && len(args) == 2:
		// NestJS: app.useStaticAssets(dir, {prefix: '/static/'}), one GET
		// surface like a static folder under Express.
		if p := f.objectString(t, args[1], "prefix"); p != nil {
			f.routes = append(f.routes, routeDecl{owner: owner, seq: f.seq, methods: methodList("GET"), paths: []strExpr{p},
				line: int32(syntax.Line(call)), handler: "useStaticAssets", static: true, served: folderOf(t, args[0])})
		}
	case prop == "addHook" && len(args) == 2:
		if hook, _ := t.StringValue(args[0]); hook == "onRequest" || hook == "preHandler" || hook == "preValidation" || hook == "preParsing" {
			f.addUse(t, owner, nil, args[1:], false)
		}
	case prop == "prefix" && len(args) == 1:
		// Koa: router.prefix('/api')
		if d := f.routers[owner]; d != nil && d.framework == fwKoa {
			if e, ok := f.strExpr(t, args[0]); ok {
				d.prefix = e
			}
		}
	}
}

// verbRoute reads route(METHOD, path, ...handlers), the registration of
// a router class of the app's own (this.route('GET', '/items', h) in
// its mount method): a method name, a path that begins with a slash and
// a handler. It says whether the call was one. Such a class is mounted
// by code threatmap does not follow, so its routes stand at the root.
func (f *fileFacts) verbRoute(t *syntax.Tree, call, fn *syntax.Node) bool {
	args := argList(call)
	if len(args) < 3 {
		return false
	}
	for k, a := range args {
		args[k] = f.bound(t, a)
	}
	verb, ok := t.StringValue(args[0])
	if !ok {
		return false
	}
	method := strings.ToUpper(verb)
	if _, known := oneMethod[method]; !known || method == "ANY" {
		return false
	}
	if p, ok := t.StringValue(args[1]); !ok || !strings.HasPrefix(p, "/") || !isHandler(args[len(args)-1]) {
		return false
	}
	obj := fn.ChildByFieldName("object")
	var owner string
	switch {
	case obj != nil && obj.Type() == "this":
		class := enclosingClass(call)
		if class == nil {
			return false
		}
		owner = "class@" + itoa(int(class.StartByte()))
		if _, ok := f.routers[owner]; !ok {
			fw := f.mainLib()
			if fw == "" {
				fw = fwExpress
			}
			f.routers[owner] = &routerDecl{key: owner, framework: fw}
		}
	case obj != nil && obj.Type() == "identifier" && f.routers[t.Text(obj)] != nil:
		owner = t.Text(obj)
	default:
		return false
	}
	f.seq++
	f.routeCall(t, call, owner, methodList(method), nil, args[1:])
	return true
}

// isHandler says an argument can be a request handler: a function, a
// name or a call that makes one (asyncHandler(fn)), not options or data.
func isHandler(n *syntax.Node) bool {
	switch n.Type() {
	case "arrow_function", "function_expression", "function", "identifier", "member_expression", "call_expression":
		return true
	}
	return false
}

// enclosingClass is the class a node is written in, if any.
func enclosingClass(n *syntax.Node) *syntax.Node {
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p.Type() {
		case "class_declaration", "class", "abstract_class_declaration":
			return p
		}
	}
	return nil
}

// routeShaped says a query(...) call registers a route: every database
// client has a query method too (db.query(sql, params, cb)), so it takes
// a path that begins with a slash, or a route chain's own path
// (app.route('/x').query(h)), and ends in a handler, not options.
func routeShaped(t *syntax.Tree, call, fn *syntax.Node, bound func(*syntax.Tree, *syntax.Node) *syntax.Node) bool {
	args := argList(call)
	if len(args) == 0 {
		return false
	}
	if !isHandler(bound(t, args[len(args)-1])) {
		return false
	}
	if p, ok := t.StringValue(bound(t, args[0])); ok && len(args) >= 2 {
		return strings.HasPrefix(p, "/")
	}
	if len(args) >= 2 {
		if tpl := bound(t, args[0]); tpl.Type() == "template_string" {
			return strings.HasPrefix(strings.TrimPrefix(t.Text(tpl), "`"), "/")
		}
		return false
	}
	// One argument: a handler on app.route('/x') or a chain of its methods.
	for obj := fn.ChildByFieldName("object"); obj != nil && obj.Type() == "call_expression"; {
		inner := obj.ChildByFieldName("function")
		if inner == nil || inner.Type() != "member_expression" {
			return false
		}
		if t.Text(inner.ChildByFieldName("property")) == "route" {
			return true
		}
		obj = inner.ChildByFieldName("object")
	}
	return false
}

// receiver finds the router a call is made on, through chains:
// router.route('/x').get(h).post(h), app.get(...).post(...).
func (f *fileFacts) receiver(t *syntax.Tree, obj *syntax.Node) (owner string, base strExpr, ok bool) {
	for range 32 {
		if obj == nil {
			return "", nil, false
		}
		switch obj.Type() {
		case "identifier":
			return t.Text(obj), base, true
		case "member_expression":
			if o := obj.ChildByFieldName("object"); o != nil && o.Type() == "this" {
				return t.Text(obj), base, true
			}
			return "", nil, false
		case "new_expression":
			// new Hono().get(...): the chain is the router's declaration.
			if name := chainBinding(t, obj); name != "" {
				return name, base, true
			}
			if key := f.exportedChain(t, obj); key != "" {
				return key, base, true
			}
			return "", nil, false
		case "call_expression":
			fn := obj.ChildByFieldName("function")
			if fn == nil || fn.Type() != "member_expression" {
				if name := chainBinding(t, obj); name != "" {
					return name, base, true
				}
				if key := f.exportedChain(t, obj); key != "" {
					return key, base, true
				}
				return "", nil, false
			}
			prop := t.Text(fn.ChildByFieldName("property"))
			args := argList(obj)
			switch {
			case prop == "route" && len(args) == 1 && base == nil:
				e, ok := f.strExpr(t, args[0])
				if !ok {
					return "", nil, false
				}
				base = e
			case httpMethods[prop] != "" || prop == "use" || prop == "route" || prop == "on":
			default:
				// express.Router().get(...): the chain starts at the
				// router's constructor.
				if name := chainBinding(t, obj); name != "" {
					if _, ok := f.routers[name]; ok {
						return name, base, true
					}
				}
				if key := f.exportedChain(t, obj); key != "" {
					return key, base, true
				}
				return "", nil, false
			}
			obj = fn.ChildByFieldName("object")
		default:
			return "", nil, false
		}
	}
	return "", nil, false
}

// restLibs generate CRUD routes for a model: finale.resource({model,
// endpoints}) and its forerunner epilogue.
var restLibs = map[string]bool{"finale-rest": true, "finale": true, "epilogue": true}

// resourceActions are what such a resource serves, by endpoint: the
// collection's list and create, the item's read, update and delete.
var resourceActions = []struct {
	action, method string
	item           bool
}{{"list", "GET", false}, {"create", "POST", false}, {"read", "GET", true}, {"update", "PUT", true}, {"delete", "DELETE", true}}

// resourceCall reads finale.resource({model: User, endpoints: ['/users',
// '/users/:id'], actions: [...]}): the routes it registers on the app
// finale was initialised with.
func (f *fileFacts) resourceCall(t *syntax.Tree, call, fn *syntax.Node) {
	if lib, _ := f.libOf(t, fn.ChildByFieldName("object")); !restLibs[lib] {
		return
	}
	args := argList(call)
	if len(args) != 1 {
		return
	}
	opts := args[0]
	var endpoints []strExpr
	if eps := objectField(t, opts, "endpoints"); eps != nil && eps.Type() == "array" {
		for _, e := range syntax.NamedChildren(eps) {
			if x, ok := f.strExpr(t, e); ok {
				endpoints = append(endpoints, x)
			}
		}
	}
	if len(endpoints) == 0 {
		f.missed = append(f.missed, int32(syntax.Line(call)))
		return
	}
	allowed := map[string]bool{}
	if acts := objectField(t, opts, "actions"); acts != nil {
		for _, a := range stringsOf(t, acts) {
			allowed[a] = true
		}
	}
	key := "resource@" + itoa(int(call.StartByte()))
	f.routers[key] = &routerDecl{key: key, framework: fwExpress}
	model := ""
	if m := objectField(t, opts, "model"); m != nil {
		model = t.Text(m)
	}
	for _, ra := range resourceActions {
		if len(allowed) > 0 && !allowed[ra.action] {
			continue
		}
		ep := endpoints[0]
		if ra.item {
			if len(endpoints) < 2 {
				continue
			}
			ep = endpoints[1]
		}
		f.seq++
		f.routes = append(f.routes, routeDecl{owner: key, seq: f.seq, methods: methodList(ra.method), paths: []strExpr{ep},
			handler: model + "." + ra.action, line: int32(syntax.Line(call)), endLine: int32(syntax.EndLine(call))})
	}
}

// exportedChain names a router built and exported in one expression,
// with no variable: export default Router().use('/api', api), or
// module.exports = express.Router().get(...). The router is keyed by its
// position and becomes the module's default export.
func (f *fileFacts) exportedChain(t *syntax.Tree, n *syntax.Node) string {
	top := n
	for p := n.Parent(); p != nil && (p.Type() == "member_expression" || p.Type() == "call_expression"); p = p.Parent() {
		top = p
	}
	p := top.Parent()
	if p == nil {
		return ""
	}
	switch {
	case p.Type() == "export_statement" && isDefaultExport(t, p):
	case p.Type() == "assignment_expression" && t.Text(p.ChildByFieldName("left")) == "module.exports":
	default:
		return ""
	}
	key := "chain@" + itoa(int(n.StartByte()))
	if _, ok := f.routers[key]; ok {
		return key
	}
	d, ok := f.routerOf(t, n)
	if !ok {
		return ""
	}
	d.key = key
	f.routers[key] = d
	f.exports["default"] = ref{local: key}
	return key
}

// chainBinding is the variable a call chain starting at n is assigned
// to: users in `const users = new Hono().get(...)`.
func chainBinding(t *syntax.Tree, n *syntax.Node) string {
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p.Type() {
		case "member_expression", "call_expression":
			continue
		case "variable_declarator":
			if name := p.ChildByFieldName("name"); name != nil && name.Type() == "identifier" {
				return t.Text(name)
			}
		}
		return ""
	}
	return ""
}

// ownerKnown makes sure routes are only read off real server objects:
// a declared app or router, a plugin/setup function's first parameter, or
// a conventional name in a file that imports a server framework. This is
// what keeps axios.get('/api/x') and cache.get(key) out.
func (f *fileFacts) ownerKnown(t *syntax.Tree, owner string, call *syntax.Node) bool {
	if fnNode := enclosingParamFunc(t, call, owner); fnNode != nil {
		key := fnKey(fnNode)
		if _, ok := f.routers[key]; !ok {
			f.routers[key] = &routerDecl{key: key, fn: true, param: owner}
			f.bindFn(t, fnNode, key)
		}
		return true
	}
	if _, ok := f.routers[owner]; ok {
		return true
	}
	if fw := f.mainLib(); fw != "" && guessable.MatchString(owner) {
		f.routers[owner] = &routerDecl{key: owner, framework: fw, guessed: true}
		return true
	}
	return false
}

// ownerKey is the router a name stands for at a call: a plugin
// function's parameter, or the declared name itself.
func (f *fileFacts) ownerKey(t *syntax.Tree, owner string, call *syntax.Node) string {
	if fnNode := enclosingParamFunc(t, call, owner); fnNode != nil {
		return fnKey(fnNode)
	}
	return owner
}

// mainLib is the server framework a file imports, preferring the one
// routes are usually written against when there are several.
func (f *fileFacts) mainLib() string {
	for _, fw := range []string{fwFastify, fwHono, fwKoa, fwExpress} {
		if f.libs[fw] {
			return fw
		}
	}
	return ""
}

// enclosingParamFunc is the nearest function whose first parameter is
// named name, if the call is inside one.
func enclosingParamFunc(t *syntax.Tree, n *syntax.Node, name string) *syntax.Node {
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p.Type() {
		case "function_declaration", "function_expression", "function", "arrow_function", "generator_function_declaration":
			if first := firstParam(t, p); first != "" {
				if first == name {
					return p
				}
				// A nearer function with other parameters may still
				// close over an outer plugin's parameter; keep looking.
			}
		case "program":
			return nil
		}
	}
	return nil
}

func firstParam(t *syntax.Tree, fn *syntax.Node) string {
	if p := fn.ChildByFieldName("parameter"); p != nil {
		return t.Text(p) // arrow function with one bare parameter
	}
	params := fn.ChildByFieldName("parameters")
	if params == nil || params.NamedChildCount() == 0 {
		return ""
	}
	p := params.NamedChild(0)
	if p.Type() == "required_parameter" || p.Type() == "optional_parameter" {
		p = p.ChildByFieldName("pattern")
	}
	if p == nil || p.Type() != "identifier" {
		return ""
	}
	return t.Text(p)
}

// bindFn records the names a plugin/setup function is known by, so a
// mount in another file (through its export) or this one finds it.
func (f *fileFacts) bindFn(t *syntax.Tree, fn *syntax.Node, key string) {
	if fn.Type() == "function_declaration" {
		if name := fn.ChildByFieldName("name"); name != nil {
			f.aliases[t.Text(name)] = key
		}
		return
	}
	n := fn
	for range 4 {
		p := n.Parent()
		if p == nil {
			return
		}
		switch p.Type() {
		case "arguments", "call_expression", "parenthesized_expression":
			n = p
			continue
		case "variable_declarator":
			if name := p.ChildByFieldName("name"); name != nil && name.Type() == "identifier" {
				f.aliases[t.Text(name)] = key
			}
		case "assignment_expression", "export_statement":
			// module.exports = fp(fn) and export default fp(fn) already
			// resolve to fn@N through valueRef.
		}
		return
	}
}

// stringsOf reads a string or an array of strings.
func stringsOf(t *syntax.Tree, n *syntax.Node) []string {
	if s, ok := t.StringValue(n); ok {
		return []string{s}
	}
	if n.Type() != "array" {
		return nil
	}
	var out []string
	for _, c := range syntax.NamedChildren(n) {
		if s, ok := t.StringValue(c); ok {
			out = append(out, s)
		}
	}
	return out
}

// routeCall reads app.METHOD(path, ...middleware, handler), the Koa
// named form router.get('name', path, handler), and Fastify's
// fastify.get(path, {preHandler}, handler).
func (f *fileFacts) routeCall(t *syntax.Tree, call *syntax.Node, owner string, methods []string, base strExpr, args []*syntax.Node) {
	// The method's own line: in a chain (router.route('/x').get(h).post(h))
	// the call starts at the router.
	line := syntax.Line(call)
	if fn := call.ChildByFieldName("function"); fn != nil && fn.Type() == "member_expression" {
		line = syntax.Line(fn.ChildByFieldName("property"))
	}
	r := routeDecl{owner: owner, seq: f.seq, methods: methods, line: int32(line), cond: envCondition(t, call)}
	rest := args
	if base != nil {
		r.paths = []strExpr{base}
	} else {
		if len(args) < 2 {
			return
		}
		first := args[0]
		if len(args) >= 3 {
			if _, ok := t.StringValue(args[1]); ok {
				if name, ok := t.StringValue(args[0]); ok && !strings.HasPrefix(name, "/") {
					first = args[1] // Koa named route
					args = args[1:]
				}
			}
		}
		if first.Type() == "array" {
			for _, c := range syntax.NamedChildren(first) {
				if e, ok := f.strExpr(t, c); ok {
					r.paths = append(r.paths, e)
				}
			}
		} else if e, ok := f.strExpr(t, first); ok {
			r.paths = []strExpr{e}
		}
		if len(r.paths) == 0 {
			f.missed = append(f.missed, int32(line))
			return
		}
		rest = args[1:]
	}
	var chain []*syntax.Node
	for _, a := range rest {
		if a.Type() == "object" {
			// Fastify route options: guards and maybe the handler.
			for _, k := range []string{"onRequest", "preValidation", "preHandler", "beforeHandler"} {
				if v := objectField(t, a, k); v != nil {
					f.addMW(t, &r, v)
				}
			}
			if h := objectField(t, a, "handler"); h != nil {
				chain = append(chain, h)
			}
			continue
		}
		chain = append(chain, a)
	}
	if len(chain) == 0 {
		return
	}
	for _, a := range chain[:len(chain)-1] {
		f.addMW(t, &r, a)
	}
	f.setHandler(t, &r, chain[len(chain)-1])
	f.routes = append(f.routes, r)
}

// setHandler records a handler's name and, when it is written inline or
// defined in this file, its source.
func (f *fileFacts) setHandler(t *syntax.Tree, r *routeDecl, h *syntax.Node) {
	for h.Type() == "call_expression" {
		// asyncHandler(fn), catchAsync(controller.list), validate(...)(fn)
		args := argList(h)
		if len(args) == 0 {
			break
		}
		h = args[len(args)-1]
	}
	switch h.Type() {
	case "identifier", "member_expression":
		r.handler = t.Text(h)
		r.byRef = true
		if fi, ok := f.funcs[r.handler]; ok {
			r.body = fi.text
		}
	case "arrow_function", "function_expression", "function":
		if name := h.ChildByFieldName("name"); name != nil {
			r.handler = t.Text(name)
		}
		r.body = t.Text(h)
		r.endLine = int32(syntax.EndLine(h))
	}
}

// addMW adds the middleware n names to a route, each with its factory
// call when it is one (requireRole('admin')): the form its role is
// judged on.
func (f *fileFacts) addMW(t *syntax.Tree, r *routeDecl, n *syntax.Node) {
	var calls, wraps []string
	names := f.namesCalls(t, n, &r.guardText, &calls, &wraps)
	for len(r.mwCalls) < len(r.mw) {
		r.mwCalls = append(r.mwCalls, "")
	}
	if slices.ContainsFunc(wraps, func(w string) bool { return w != "" }) {
		for len(r.mwWrapped) < len(r.mw) {
			r.mwWrapped = append(r.mwWrapped, "")
		}
		r.mwWrapped = append(r.mwWrapped, wraps...)
	}
	r.mw = append(r.mw, names...)
	r.mwCalls = append(r.mwCalls, calls...)
}

// namesCalls lists the middleware an argument stands for:
// passport.authenticate for passport.authenticate('jwt'), each element of
// an array. Inline functions have no name; their source goes to
// guardText. When calls is not nil it gets one entry per name: its
// factory call with a string argument, or "". wraps gets the same: the
// one function a wrapper call is given (asyncHandler(auth.jwt)), or "".
func (f *fileFacts) namesCalls(t *syntax.Tree, n *syntax.Node, guardText *string, calls, wraps *[]string) []string {
	add := func(name, call, wrap string) []string {
		if calls != nil {
			*calls = append(*calls, call)
		}
		if wraps != nil {
			*wraps = append(*wraps, wrap)
		}
		return []string{name}
	}
	switch n.Type() {
	case "array":
		var out []string
		for _, c := range syntax.NamedChildren(n) {
			out = append(out, f.namesCalls(t, c, guardText, calls, wraps)...)
		}
		return out
	case "identifier", "member_expression":
		if fi, ok := f.funcs[t.Text(n)]; ok {
			*guardText += "\n" + fi.text
		}
		return add(t.Text(n), "", "")
	case "call_expression":
		fn := n.ChildByFieldName("function")
		if fn == nil {
			return nil
		}
		if fn.Type() == "call_expression" || fn.Type() == "identifier" || fn.Type() == "member_expression" {
			name := mwName(t, n)
			call := factoryCall(t, n, name)
			if optionalArgs(t, n) {
				// jwt({..., credentialsRequired: false}) written on the
				// route lets callers through, as when bound to a name.
				call = name + " (optional)"
			}
			return add(name, call, wrappedArg(t, n))
		}
	case "arrow_function", "function_expression", "function":
		*guardText += "\n" + t.Text(n)
	case "await_expression", "parenthesized_expression":
		if n.NamedChildCount() > 0 {
			return f.namesCalls(t, n.NamedChild(0), guardText, calls, wraps)
		}
	}
	return nil
}

// factoryCall is a call to a named function with one string as its first
// argument, written requireRole('admin'); "" for any other call.
func factoryCall(t *syntax.Tree, call *syntax.Node, name string) string {
	fn := call.ChildByFieldName("function")
	if args := argList(call); len(args) > 0 && fn != nil && fn.Type() == "identifier" {
		if ss := stringsOf(t, args[0]); len(ss) == 1 {
			return clip(name + "('" + ss[0] + "')")
		}
	}
	return ""
}

// wrappedArg is the name of the one function reference a call is given,
// f.bind(this) read as f: wrap(requireAuth), wrap(this.check.bind(this)).
func wrappedArg(t *syntax.Tree, call *syntax.Node) string {
	args := argList(call)
	if len(args) != 1 {
		return ""
	}
	a := args[0]
	if a.Type() == "call_expression" {
		fn := a.ChildByFieldName("function")
		if fn == nil || fn.Type() != "member_expression" || t.Text(fn.ChildByFieldName("property")) != "bind" {
			return ""
		}
		a = fn.ChildByFieldName("object")
	}
	if a == nil || (a.Type() != "identifier" && a.Type() != "member_expression") {
		return ""
	}
	return t.Text(a)
}

// passesRequest says a wrapper's code hands the request on to the
// function it was given: it returns a function, and its first parameter
// is called with (req, res...), (...args) or .call/.apply of them.
var (
	wrapperParam = regexp.MustCompile(`^\s*(?:async\s+)?(?:function\b[^\n(]*\(|[\w$]*\s*\()?\s*([A-Za-z_$][\w$]*)`)
	id2          = `[A-Za-z_$][\w$]*\s*,\s*[A-Za-z_$][\w$]*`
	spread       = `\.\.\.\s*[A-Za-z_$][\w$]*`
	innerFunc    = regexp.MustCompile(`=>|\bfunction\b`)
)

func passesRequest(src string) bool {
	m := wrapperParam.FindStringSubmatch(src)
	if m == nil || m[1] == "function" || m[1] == "async" {
		return false
	}
	rest := src[len(m[0]):]
	if !innerFunc.MatchString(rest) {
		return false
	}
	p := regexp.QuoteMeta(m[1])
	return regexp.MustCompile(`(?:^|[^\w$.])` + p + `(?:\s*\(\s*(?:` + id2 + `|` + spread + `)|\.call\s*\(\s*[\w$]+\s*,\s*(?:` + id2 + `|` + spread + `)|\.apply\s*\(\s*[\w$]+\s*,\s*[A-Za-z_$][\w$]*\s*\))`).MatchString(rest)
}

// calleeName is how a middleware call reads without its arguments:
// jwt({...}).unless({...}) is jwt.unless, rateLimit(opts) is rateLimit.
func calleeName(t *syntax.Tree, n *syntax.Node) string {
	for range 8 {
		switch n.Type() {
		case "call_expression":
			n = n.ChildByFieldName("function")
			continue
		case "member_expression":
			obj := n.ChildByFieldName("object")
			if obj != nil && obj.Type() == "call_expression" {
				return clip(calleeName(t, obj) + "." + t.Text(n.ChildByFieldName("property")))
			}
		}
		break
	}
	return clip(t.Text(n))
}

// mwName is a middleware call's name; passport.authenticate keeps its
// strategy, passport.authenticate('local'), since the strategy says
// whether it guards a route or takes the credentials on a login.
func mwName(t *syntax.Tree, call *syntax.Node) string {
	fn := call.ChildByFieldName("function")
	if fn == nil {
		return ""
	}
	name := calleeName(t, fn)
	if !strings.HasSuffix(name, "authenticate") {
		return name
	}
	args := argList(call)
	if len(args) == 0 {
		return name
	}
	if ss := stringsOf(t, args[0]); len(ss) > 0 {
		return clip(name + "('" + strings.Join(ss, "', '") + "')")
	}
	return name
}

func clip(s string) string {
	if len(s) > 80 {
		return s[:80]
	}
	return s
}

// useCall reads app.use([path], ...middleware or routers).
func (f *fileFacts) useCall(t *syntax.Tree, owner string, args []*syntax.Node) {
	if len(args) == 0 {
		return
	}
	var path strExpr
	first := args[0]
	if p, inner, ok := f.mountCall(t, first); ok && len(args) == 1 {
		// app.use(mount('/api', api)): koa-mount's prefix is the use's.
		f.addUse(t, owner, p, []*syntax.Node{inner}, false)
		return
	}
	if first.Type() == "array" {
		// app.use(['/v1', LEGACY], router): mounted at each path.
		var paths []strExpr
		for _, c := range syntax.NamedChildren(first) {
			if p, ok := f.mountPath(t, c); ok {
				paths = append(paths, p)
			}
		}
		if len(paths) > 0 {
			for _, p := range paths {
				f.addUse(t, owner, p, args[1:], false)
			}
			return
		}
	}
	if p, ok := f.mountPath(t, first); ok {
		path, args = p, args[1:]
	}
	f.addUse(t, owner, path, args, false)
}

// mountPath reads a use's path argument: a string, a template or a
// constant, this file's or one imported from a config module.
func (f *fileFacts) mountPath(t *syntax.Tree, n *syntax.Node) (strExpr, bool) {
	switch n.Type() {
	case "string", "template_string", "binary_expression":
		return f.strExpr(t, n)
	case "identifier":
		name := t.Text(n)
		if e := f.consts[name]; e != nil {
			return e, true
		}
		if _, imported := f.imports[name]; imported && constName.MatchString(name) {
			// app.use(API_PREFIX, router) with the prefix from a config module.
			return strExpr{{ident: name}}, true
		}
	case "member_expression":
		// app.use(process.env.API_PREFIX, router): an environment value is
		// text, never middleware; its value is not known here.
		if obj := n.ChildByFieldName("object"); obj != nil && t.Text(obj) == "process.env" {
			return strExpr{{ident: t.Text(n)}}, true
		}
	}
	return nil, false
}

// mountCall reads koa-mount's mount('/prefix', appOrMiddleware): the
// prefix and what is mounted under it.
func (f *fileFacts) mountCall(t *syntax.Tree, n *syntax.Node) (strExpr, *syntax.Node, bool) {
	if n.Type() != "call_expression" {
		return nil, nil, false
	}
	if lib, _ := f.libOf(t, n.ChildByFieldName("function")); lib != "koa-mount" {
		return nil, nil, false
	}
	args := argList(n)
	if len(args) != 2 {
		return nil, nil, false
	}
	p, ok := f.strExpr(t, args[0])
	if !ok {
		return nil, nil, false
	}
	return p, args[1], true
}

func (f *fileFacts) addUse(t *syntax.Tree, owner string, path strExpr, args []*syntax.Node, mountOnly bool) {
	u := useDecl{owner: owner, seq: f.seq, path: path, mountOnly: mountOnly}
	if len(args) > 0 {
		u.cond = envCondition(t, args[0])
	}
	var flat []*syntax.Node
	for _, a := range args {
		if a.Type() == "array" {
			flat = append(flat, syntax.NamedChildren(a)...)
			continue
		}
		flat = append(flat, a)
	}
	for _, a := range flat {
		it := f.useItem(t, a)
		if it.line == 0 {
			it.line = syntax.Line(a) // where a mount under an unknown prefix is said
		}
		u.items = append(u.items, it)
	}
	if len(u.items) > 0 {
		f.uses = append(f.uses, u)
	}
}

func (f *fileFacts) useItem(t *syntax.Tree, a *syntax.Node) useItem {
	for a.Type() == "await_expression" || a.Type() == "parenthesized_expression" {
		if a.NamedChildCount() == 0 {
			break
		}
		a = a.NamedChild(0)
	}
	switch a.Type() {
	case "identifier", "member_expression":
		r, _ := f.valueRef(t, a)
		if a.Type() == "member_expression" && r.local == "" {
			r = ref{local: t.Text(a)} // ns.usersRouter
		}
		return useItem{name: t.Text(a), ref: &r, line: syntax.Line(a)}
	case "arrow_function", "function_expression", "function":
		key := fnKey(a)
		text := t.Text(a)
		serves := paramCount(a) <= 2 && answers.MatchString(text)
		return useItem{text: text, ref: &ref{local: key}, line: syntax.Line(a), serves: serves}
	case "call_expression":
		if spec, ok := requireSpec(t, a); ok {
			return useItem{name: spec, ref: &ref{imp: &importRef{from: spec, name: "default"}}}
		}
		fn := a.ChildByFieldName("function")
		name := mwName(t, a)
		if fn != nil && fn.Type() == "member_expression" {
			prop := t.Text(fn.ChildByFieldName("property"))
			obj := fn.ChildByFieldName("object")
			if prop == "allowedMethods" {
				return useItem{} // answers OPTIONS and 405s: not a guard
			}
			if prop == "routes" || prop == "middleware" {
				// Koa: router.routes()
				r, _ := f.valueRef(t, obj)
				return useItem{name: name, ref: &r, line: syntax.Line(a)}
			}
		}
		if static.MatchString(name) {
			// A folder inside node_modules serves a vendored library
			// (bootstrap, jquery): no surface of the app's own.
			return useItem{name: name, line: syntax.Line(a), static: true, vendored: strings.Contains(t.Text(a), "node_modules"),
				served: staticFolder(t, arg0(a))}
		}
		it := useItem{name: name, call: f.callOf(t, a), line: syntax.Line(a), callText: factoryCall(t, a, name), wrapped: wrappedArg(t, a)}
		if fn != nil && fn.Type() == "identifier" {
			// A factory that builds a router: app.use('/auth', authRoutes(db)).
			it.ref = &ref{local: t.Text(fn)}
		}
		return it
	}
	return useItem{}
}

// callOf describes a call whose result may be a router: the callee is a
// name, a dotted name or an inline require('./r').
func (f *fileFacts) callOf(t *syntax.Tree, call *syntax.Node) *callRef {
	fn := call.ChildByFieldName("function")
	if fn == nil {
		return nil
	}
	c := &callRef{}
	if spec, ok := requireSpec(t, fn); ok {
		c.callee = ref{imp: &importRef{from: spec, name: "default"}}
	} else if fn.Type() == "identifier" || fn.Type() == "member_expression" {
		c.callee = ref{local: t.Text(fn)}
	} else {
		return nil
	}
	for _, a := range argList(call) {
		if a.Type() == "identifier" || (a.Type() == "member_expression" && a.ChildByFieldName("object").Type() == "this") {
			c.args = append(c.args, &ref{local: t.Text(a)})
		} else {
			c.args = append(c.args, nil)
		}
	}
	return c
}

// setupCall reads require('./routes')(app) and registerRoutes(app): the
// called function registers on the router passed to it.
func (f *fileFacts) setupCall(t *syntax.Tree, call, fn *syntax.Node) {
	args := argList(call)
	if len(args) == 0 {
		return
	}
	var callee ref
	if spec, ok := requireSpec(t, fn); ok {
		callee = ref{imp: &importRef{from: spec, name: "default"}}
	} else if fn.Type() == "identifier" {
		callee = ref{local: t.Text(fn)}
		if t.Text(fn) == "require" {
			return
		}
	} else {
		return
	}
	for _, a := range args {
		if a.Type() != "identifier" && a.Type() != "member_expression" {
			continue
		}
		owner := t.Text(a)
		if _, ok := f.routers[owner]; !ok {
			if enclosingParamFunc(t, call, owner) == nil {
				continue
			}
			if !f.ownerKnown(t, owner, call) {
				continue
			}
		}
		f.seq++
		c := callee
		f.uses = append(f.uses, useDecl{owner: f.ownerKey(t, owner, call), seq: f.seq, items: []useItem{{name: t.Text(fn), ref: &c}}, mountOnly: true})
		return
	}
}

var (
	// envEquals compares the environment's name with a literal:
	// process.env.NODE_ENV === 'development', app.get('env') == "test".
	// A configuration's env field (config.env === 'test') says the same.
	envEquals = regexp.MustCompile(`(?:NODE_ENV|\.get\(\s*['"]env['"]\s*\)|\bENV|\w\.env)\s*===?\s*['"](development|dev|test)['"]|['"](development|dev|test)['"]\s*===?\s*[\w.]*(?:NODE_ENV|\.get\(\s*['"]env['"]\s*\)|\w\.env\b)`)
	// envNotProduction: NODE_ENV !== 'production', served everywhere but
	// the deployment.
	envNotProduction = regexp.MustCompile(`(?:NODE_ENV|\.get\(\s*['"]env['"]\s*\)|\w\.env)\s*!==?\s*['"]production['"]|['"]production['"]\s*!==?\s*[\w.]*(?:NODE_ENV|\.get\(\s*['"]env['"]\s*\)|\w\.env\b)`)
)

// envCondition is the environment a registration is made in only: the
// nearest enclosing if whose test compares the environment's name, the
// registration in its then-branch. "" when it is made everywhere.
func envCondition(t *syntax.Tree, n *syntax.Node) string {
	for c, p := n, n.Parent(); p != nil; c, p = p, p.Parent() {
		switch p.Type() {
		case "program", "function_declaration", "function_expression", "arrow_function", "method_definition":
			return ""
		case "if_statement":
			if cons := p.ChildByFieldName("consequence"); cons == nil || cons.StartByte() != c.StartByte() {
				continue // the else branch, or the test itself
			}
			test := t.Text(p.ChildByFieldName("condition"))
			if m := envEquals.FindStringSubmatch(test); m != nil {
				if m[1] == "test" || m[2] == "test" {
					return facts.ConditionTest
				}
				return facts.ConditionDev
			}
			if envNotProduction.MatchString(test) {
				return facts.ConditionDev
			}
		}
	}
	return ""
}
