package php

import (
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/detector/route/router"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/urlpath"
)

// index is every file's declarations, for Finish.
type index struct {
	files   []*file
	byPath  map[string]*file
	byFQN   map[string]*class
	byShort map[string][]*class
	methods map[string][]*method // lower-case name: every class's
	owner   map[*method]*class
	aliases map[string]string
	groups  map[string][]string
	taught  *route.Taught
	// security is the app's Symfony security configuration, if read.
	security *security
	// callRE are calledOn's patterns, by lower-case method name: a call
	// on the class's own and one on a named class.
	callRE map[string][2]*regexp.Regexp
}

func newIndex(files []*file) *index {
	slices.SortFunc(files, func(a, b *file) int { return strings.Compare(a.path, b.path) })
	ix := &index{files: files, byPath: map[string]*file{}, byFQN: map[string]*class{}, byShort: map[string][]*class{},
		methods: map[string][]*method{}, owner: map[*method]*class{}, aliases: map[string]string{}, groups: map[string][]string{},
		callRE: map[string][2]*regexp.Regexp{}}
	for _, f := range files {
		ix.byPath[f.path] = f
		for _, c := range f.classes {
			ix.byFQN[strings.ToLower(c.fqn)] = c
			ix.byShort[strings.ToLower(c.name)] = append(ix.byShort[strings.ToLower(c.name)], c)
			for k, m := range c.methods {
				ix.methods[k] = append(ix.methods[k], m)
				ix.owner[m] = c
			}
		}
		for k, v := range f.aliases {
			ix.aliases[k] = v
		}
		for k, v := range f.groups {
			ix.groups[k] = v
		}
		if f.security != nil && (ix.security == nil || len(f.path) < len(ix.security.file)) {
			ix.security = f.security
		}
	}
	return ix
}

// class finds a class by the name a route file gives it: its full name,
// else the one class of that short name (one under ns first).
func (ix *index) class(name, ns string) *class {
	name = strings.TrimPrefix(name, `\`)
	if name == "" {
		return nil
	}
	if ns != "" && !strings.Contains(name, `\`) {
		if c := ix.byFQN[strings.ToLower(strings.Trim(ns, `\`)+`\`+name)]; c != nil {
			return c
		}
	}
	if c := ix.byFQN[strings.ToLower(name)]; c != nil {
		return c
	}
	cs := ix.byShort[strings.ToLower(short(name))]
	if len(cs) == 0 {
		return nil
	}
	if ns != "" {
		for _, c := range cs {
			if strings.HasSuffix(strings.ToLower(c.fqn), strings.ToLower(strings.Trim(ns, `\`)+`\`+short(name))) {
				return c
			}
		}
	}
	return cs[0]
}

// method finds a method of c or of a class it extends in the tree.
func (ix *index) method(c *class, name string) (*class, *method) {
	for i := 0; c != nil && i < 8; i++ {
		if m := c.methods[strings.ToLower(name)]; m != nil {
			return c, m
		}
		c = ix.class(c.base, "")
	}
	return nil, nil
}

// scope is what a group gives the routes under it.
type scope struct {
	prefix     string
	mw         []mwUse
	without    []string
	namespace  string
	controller string
	complete   bool
	// routers are the variables that are the router where this file
	// was required (Lumen's $app or $router), slimRouters those that are
	// a Slim app.
	routers, slimRouters []string
	// slim says the routes are a Slim app's.
	slim bool
}

// mwUse is one middleware as applied, with where.
type mwUse struct {
	name string
	at   facts.Evidence
	// src is a closure middleware's code (Slim's ->add(function ...)).
	src string
}

// laravel mounts every route file and adds its routes.
func (ix *index) laravel(out *detector.Sink) {
	included := map[string]bool{}
	var mark func(f *file, its []*item)
	mark = func(f *file, its []*item) {
		for _, it := range its {
			if it.include != "" {
				if t := ix.target(it); t != nil {
					included[t.path] = true
				}
			}
			mark(f, it.children)
		}
	}
	for _, f := range ix.files {
		mark(f, f.items)
	}
	for _, f := range ix.files {
		if len(f.items) == 0 || included[f.path] {
			continue
		}
		sc := scope{complete: true}
		// A routes/api.php or routes/web.php nothing loads in the tree
		// is loaded as Laravel's RouteServiceProvider and bootstrap/app.php
		// load it by default: api under /api and the api group, web under
		// the web group.
		switch {
		case strings.HasSuffix("/"+f.path, "/routes/api.php"):
			sc.prefix = "api"
			sc.mw = []mwUse{{name: "api"}}
		case strings.HasSuffix("/"+f.path, "/routes/web.php"):
			sc.mw = []mwUse{{name: "web"}}
		case strings.Contains("/"+f.path, "/routes/"):
		default:
			// A file outside routes/ that loads no route file (a
			// package's routes, loaded by code the tree lacks) may run
			// under middleware it does not show.
			if !ix.loadsRoutes(f.items) && !f.slimApp {
				sc.complete = false
			}
		}
		w := &walker{ix: ix, out: out, seen: map[string]bool{f.path: true}}
		w.items(f, f.items, sc)
	}
}

// loadsRoutes says a file loads route files (a RouteServiceProvider,
// bootstrap/app.php): the app's own root, whose middleware is all in
// view.
func (ix *index) loadsRoutes(its []*item) bool {
	for _, it := range its {
		if it.include != "" || ix.loadsRoutes(it.children) {
			return true
		}
	}
	return false
}

// target is the file an include names, when in the tree.
func (ix *index) target(it *item) *file {
	for _, p := range append([]string{it.include}, it.candidates...) {
		if f := ix.byPath[path.Clean(p)]; f != nil {
			return f
		}
	}
	return nil
}

type walker struct {
	ix   *index
	out  *detector.Sink
	seen map[string]bool
}

func (w *walker) items(f *file, its []*item, sc scope) {
	// Slim's $app->add() wraps the whole app: every route runs under
	// it, wherever the call is.
	for _, it := range its {
		if it.kind == itAppMW && w.kept(it, sc) {
			sc.mw = append(slices.Clone(sc.mw), slimUses(f, it.add)...)
		}
	}
	for _, it := range its {
		if it.kind == itAppMW || !w.kept(it, sc) {
			continue
		}
		w.item(f, it, sc)
	}
}

// kept says a statement is a route here: one on a variable the file
// never assigns counts only where the file is required with that
// variable the router.
func (w *walker) kept(it *item, sc scope) bool {
	return it.free == "" || slices.Contains(sc.routers, it.free)
}

// slimUses are the middleware of Slim ->add() calls, as applied.
func slimUses(f *file, add []slimMW) []mwUse {
	var out []mwUse
	for _, m := range add {
		out = append(out, mwUse{name: m.name, src: m.src, at: facts.Evidence{File: f.path, Line: m.line}})
	}
	return out
}

func (w *walker) item(f *file, it *item, sc scope) {
	inner := sc
	inner.mw = slices.Clone(sc.mw)
	inner.prefix = joinPrefix(sc.prefix, it.prefix)
	for _, m := range it.mw {
		inner.mw = append(inner.mw, mwUse{name: m, at: facts.Evidence{File: f.path, Line: it.line}})
	}
	inner.mw = append(inner.mw, slimUses(f, it.add)...)
	inner.slim = sc.slim || it.slim || it.free != "" && slices.Contains(sc.slimRouters, it.free)
	inner.without = append(slices.Clone(sc.without), it.withoutMW...)
	if it.namespace != "" {
		if strings.HasPrefix(it.namespace, `\`) || sc.namespace == "" {
			inner.namespace = strings.TrimPrefix(it.namespace, `\`)
		} else {
			inner.namespace = sc.namespace + `\` + it.namespace
		}
	}
	if it.controller != "" {
		inner.controller = it.controller
	}
	switch it.kind {
	case itGroup, itInclude:
		w.items(f, it.children, inner)
		if it.include != "" {
			t := w.ix.target(it)
			if t == nil || w.seen[t.path] {
				return
			}
			w.seen[t.path] = true
			in := inner
			in.routers, in.slimRouters = it.routers, it.slimRouters
			w.items(t, t.items, in)
			delete(w.seen, t.path)
		}
	case itRoute:
		a := it.action
		if a.class == "" && a.closure == nil && a.method != "" && inner.controller != "" {
			a.class, a.name = inner.controller, short(inner.controller)+"."+a.method
		} else if a.class == "" && a.closure == nil && a.method != "" && inner.slim {
			// Slim's handler named by its class alone is invokable.
			a.class, a.method, a.name = a.method, "__invoke", short(a.method)
		}
		paths := []string{it.path}
		if inner.slim {
			paths = optionalSegments(it.path)
		}
		for _, m := range it.methods {
			for _, p := range paths {
				w.emit(f, it.line, m, p, a, inner)
			}
		}
	case itResource:
		w.resource(f, it, inner)
	}
}

// optionalSegments are the paths a Slim (FastRoute) pattern with
// optional trailing segments matches: /news[/{year}[/{month}]] is /news,
// /news/{year} and /news/{year}/{month}. A bracket inside a parameter
// ({id:[0-9]+}) is its pattern's, and a quantifier's braces inside one
// ({year:[0-9]{4}}) are dropped, so the parameter reads as one.
func optionalSegments(p string) []string {
	var out []string
	var b strings.Builder
	depth := 0 // inside {...}
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case c == '{':
			depth++
			if depth > 1 {
				continue
			}
		case c == '}':
			depth--
			if depth > 0 {
				continue
			}
		case depth > 1:
			continue
		case depth == 0 && c == '[':
			out = append(out, b.String())
			continue
		case depth == 0 && c == ']':
			continue
		}
		b.WriteByte(p[i])
	}
	return append(out, b.String())
}

// resourceActions are the actions Route::resource registers, in order.
var resourceActions = []struct {
	name, method, suffix string
	member, web          bool
}{
	{"index", "GET", "", false, false},
	{"create", "GET", "/create", false, true},
	{"store", "POST", "", false, false},
	{"show", "GET", "", true, false},
	{"edit", "GET", "/edit", true, true},
	{"update", "PUT", "", true, false},
	{"update", "PATCH", "", true, false},
	{"destroy", "DELETE", "", true, false},
}

func (w *walker) resource(f *file, it *item, sc scope) {
	// photos.comments is nested: /photos/{photo}/comments/{comment}.
	segs := strings.Split(strings.Trim(it.resource, "/"), ".")
	base := ""
	for i, s := range segs {
		if i < len(segs)-1 {
			base = joinPrefix(base, s+"/{"+paramName(it, s)+"}")
		} else {
			base = joinPrefix(base, s)
		}
	}
	last := segs[len(segs)-1]
	member := base + "/{" + paramName(it, last) + "}"
	for _, ra := range resourceActions {
		if ra.web && it.api {
			continue
		}
		if len(it.only) > 0 && !slices.Contains(it.only, ra.name) || slices.Contains(it.except, ra.name) {
			continue
		}
		p := base
		if ra.member {
			p = member
		}
		a := action{class: it.action.class, method: ra.name, name: short(it.action.class) + "." + ra.name}
		w.emit(f, it.line, ra.method, p+ra.suffix, a, sc)
	}
}

// paramName is a resource's parameter: ->parameters(['photos' =>
// 'image']) or the resource's name in the singular.
func paramName(it *item, res string) string {
	if p := it.params[res]; p != "" {
		return p
	}
	// admin/widgets: the last segment names it.
	if i := strings.LastIndex(res, "/"); i >= 0 {
		res = res[i+1:]
	}
	return singular(strings.ReplaceAll(res, "-", "_"))
}

func singular(s string) string {
	switch {
	case strings.HasSuffix(s, "ies"):
		return strings.TrimSuffix(s, "ies") + "y"
	case strings.HasSuffix(s, "sses"), strings.HasSuffix(s, "xes"), strings.HasSuffix(s, "ches"), strings.HasSuffix(s, "shes"):
		return strings.TrimSuffix(s, "es")
	case strings.HasSuffix(s, "ss"):
		return s
	case strings.HasSuffix(s, "s"):
		return strings.TrimSuffix(s, "s")
	}
	return s
}

// optionalParam is Laravel's {id?}.
var optionalParam = regexp.MustCompile(`\{([A-Za-z_][A-Za-z0-9_]*)\?\}`)

// emit adds one route.
func (w *walker) emit(f *file, at int, method, p string, a action, sc scope) {
	full := urlpath.Join("/"+sc.prefix, optionalParam.ReplaceAllString(p, "{$1}"))
	full, types := urlpath.Braces(full)
	fw := "laravel"
	if sc.slim {
		fw = "slim"
	}
	r := facts.Route{Kind: "", Method: method, Path: full, Framework: fw, File: f.path, Line: at, Handler: a.name}
	mws := slices.Clone(sc.mw)
	if a.closure != nil {
		r.Body, r.EndLine = a.closure.body, a.closure.endLine
		r.HandlerFile, r.HandlerLine = f.path, a.closure.line
		r.Line = a.closure.line
	} else if a.class != "" {
		c := w.ix.class(a.class, cmpOr(sc.namespace, `App\Http\Controllers`))
		if c != nil {
			if owner, m := w.ix.method(c, a.method); m != nil {
				r.File, r.Line, r.EndLine, r.Body = owner.file, m.line, m.endLine, m.body
				r.HandlerFile, r.HandlerLine = owner.file, m.line
			}
			r.Scope = w.ix.callerProps(c)
			mws = append(mws, w.ix.ctorMiddleware(c, a.method)...)
		}
	}
	mws = slices.DeleteFunc(mws, func(m mwUse) bool {
		return slices.ContainsFunc(sc.without, func(x string) bool { return mwAlias(x) == mwAlias(m.name) || short(x) == short(m.name) })
	})
	var gs []router.Guard
	for _, m := range mws {
		gs = append(gs, w.ix.guards(m, 0)...)
	}
	if why := authorizes(r.Body); why != "" {
		gs = append(gs, router.Guard{Text: "handler " + why, Applied: facts.Evidence{File: r.File, Line: r.Line},
			Verdict: router.Verdict{Auth: facts.AuthRequired, Evidence: "Laravel's Gate denies a guest unless the policy accepts one"}})
	}
	var fr formRequest
	if a.closure == nil && r.Body != "" {
		fr = w.ix.formRequestOf(r.Body)
		if fr.guard != nil {
			g := *fr.guard
			g.Applied = facts.Evidence{File: r.File, Line: r.Line}
			gs = append(gs, g)
		}
	}
	for _, g := range gs {
		if g.Name != "" {
			r.Middleware = append(r.Middleware, g.Name)
		}
	}
	r.Params = route.Params(full, types)
	typeParams(&r)
	dec := route.DecidePath(w.ix.taught, gs, codeOf(r.Body), r.File+":"+strconv.Itoa(r.Line), r.Path, sc.complete, w.ix.lookupIn(w.handlerClass(a, sc), codeOf(r.Body)))
	r.Auth, r.AuthEvidence, r.AuthRole = dec.Auth, dec.Evidence, dec.Role
	route.Classify(&r, laravelVocab)
	w.out.AddRoute(r)
	if at := callerOwn(r.File, r.Line, r.Body, r.Params); at != nil {
		w.out.AddSignal(facts.Signal{Kind: facts.SignalCallerOwn, Detail: "reads only records keyed by the signed-in caller", Route: r.Key(), In: facts.SignalInHandler, Evidence: *at})
	}
	if key, at := w.ix.secretKey(w.handlerClass(a, sc), r.File, r.Line, r.Body, r.Params); at != nil {
		// The path's secret opens the record the other parameters name:
		// a capability, and the verified token of a public write.
		w.out.AddSignal(facts.Signal{Kind: facts.SignalTokenGate, Detail: key, Route: r.Key(), In: facts.SignalInHandler, Evidence: *at})
		for _, p := range r.Params {
			if p.Name != key {
				w.out.AddSignal(facts.Signal{Kind: facts.SignalCapability, Detail: p.Name, Route: r.Key(), In: facts.SignalInHandler, Evidence: *at})
			}
		}
	}
	if at := w.ix.objectCheck(w.handlerClass(a, sc), r.File, r.Line, r.Body, r.Params); at != nil {
		w.out.AddSignal(facts.Signal{Kind: facts.SignalOwnership, Detail: "object-level authorization", Route: r.Key(), In: facts.SignalInHandler, Evidence: *at})
	} else if fr.owner != nil && len(r.Params) > 0 {
		w.out.AddSignal(facts.Signal{Kind: facts.SignalOwnership, Detail: "form request's authorize() compares the record with the caller", Route: r.Key(), In: facts.SignalInHandler, Evidence: *fr.owner})
	}
}

// handlerClass is the controller class an action names, or nil.
func (w *walker) handlerClass(a action, sc scope) *class {
	if a.closure != nil || a.class == "" {
		return nil
	}
	return w.ix.class(a.class, cmpOr(sc.namespace, `App\Http\Controllers`))
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

var laravelVocab = route.Vocabulary{
	Upload:     []string{"->file(", "hasFile(", "UploadedFile", "->store(", "storeAs("},
	UploadBody: regexp.MustCompile(`\$request->file\(|->hasFile\(|IFormFile`),
}

// typeParams types a path parameter from the handler's signature: int
// $id, or a model bound by type (Post $post) whose key is an int.
func typeParams(r *facts.Route) {
	if r.Body == "" {
		return
	}
	sig, _, _ := strings.Cut(r.Body, "{")
	for i := range r.Params {
		p := &r.Params[i]
		if m := regexp.MustCompile(`\b(int|string)\s+\$` + regexp.QuoteMeta(p.Name) + `\b`).FindStringSubmatch(sig); m != nil {
			if m[1] == "int" {
				p.Type = facts.TypeInt
			} else {
				p.Type = facts.TypeString
			}
		}
	}
}

// ctorCaller is a constructor parameter the container fills with the
// signed-in user: Laravel binds Authenticatable to it, Symfony's
// #[CurrentUser] names it.
var ctorCaller = regexp.MustCompile(`(?:\bAuthenticatable|#\[\s*CurrentUser\s*\]\s*\??[\w\\]+)\s+\$(\w+)`)

// callerProps are the names under which a controller's constructor keeps
// the signed-in user (a promoted property, or $this->x = $user): an action
// that hands $this->user to a repository asks for the caller's records.
func (ix *index) callerProps(c *class) []string {
	_, m := ix.method(c, "__construct")
	if m == nil {
		return nil
	}
	var out []string
	for _, g := range ctorCaller.FindAllStringSubmatch(m.body, -1) {
		out = append(out, g[1])
		if a := regexp.MustCompile(`\$this->(\w+)\s*=\s*\$` + regexp.QuoteMeta(g[1]) + `\b`).FindStringSubmatch(m.body); a != nil && a[1] != g[1] {
			out = append(out, a[1])
		}
	}
	return out
}

// ctorMiddleware is the middleware a controller's constructor puts on
// one of its actions.
func (ix *index) ctorMiddleware(c *class, action string) []mwUse {
	var out []mwUse
	for i := 0; c != nil && i < 8; i++ {
		for _, m := range c.ctorMW {
			if len(m.only) > 0 && !slices.Contains(m.only, action) || slices.Contains(m.except, action) {
				continue
			}
			at := facts.Evidence{File: c.file, Line: m.line}
			if m.authorizes {
				if slices.Contains([]string{"index", "show", "create", "store", "edit", "update", "destroy"}, action) {
					out = append(out, mwUse{name: authorizeResource, at: at})
				}
				continue
			}
			for _, n := range m.names {
				out = append(out, mwUse{name: n, at: at})
			}
		}
		c = ix.class(c.base, "")
	}
	return out
}

const authorizeResource = "authorizeResource"

// authorizeCall is a handler's own authorization: the Gate or a policy
// through the controller ($this->authorize), or abort_if/abort_unless
// with a 401 or 403 on a test of the caller.
var authorizeCall = regexp.MustCompile(`\$this->authorize(?:ForUser)?\s*\(|\bGate::(?:authorize|inspect)\s*\(|\babort_(?:if|unless)\s*\([^;]*?(?:user\(|\bAuth::|\bauth\(\)|\bGate::|->can(?:not)?\(|->cant\()[^;]*?,\s*40[13]\b|\$this->denyAccessUnlessGranted\s*\(`)

// authorizes says how a handler authorizes its caller, or "".
func authorizes(body string) string {
	code := blankStrings(string(lang.StripComments(lang.PHP, []byte(body))))
	if loc := authorizeCall.FindStringIndex(code); loc != nil {
		call := code[loc[0]:loc[1]]
		if i := strings.IndexAny(call, "(,"); i > 0 {
			call = call[:i]
		}
		return "calls " + strings.TrimSpace(call)
	}
	return ""
}

// lookup finds a method by name for the auth judge: the one method of
// that name in the tree.
func (ix *index) lookup(name string) (code, defined string, ok bool) {
	if i := strings.LastIndexAny(name, ".>:"); i >= 0 {
		name = name[i+1:]
	}
	ms := ix.methods[strings.ToLower(name)]
	if len(ms) != 1 {
		return "", "", false
	}
	c := ix.owner[ms[0]]
	return ms[0].body, c.file + ":" + strconv.Itoa(ms[0].line), true
}

// lookupIn is the judge's lookup for the handler of class c whose code is
// body: a helper the code calls as its own ($this->ensureEditor(),
// self::, static::, parent::) is c's or a base's method of that name, and
// one called on a class (Gatekeeper::check()) is that class's, whatever
// other classes have a method of the same name; else the one method of
// that name in the tree. The code read so far (the body and the helpers
// found) says how a name is called.
func (ix *index) lookupIn(c *class, body string) route.Lookup {
	if c == nil {
		return ix.lookup
	}
	read := []string{body}
	return func(name string) (string, string, bool) {
		if strings.HasPrefix(name, route.ValuePrefix) {
			return ix.lookup(name)
		}
		bare := name
		if i := strings.LastIndexAny(bare, ".>:"); i >= 0 {
			bare = bare[i+1:]
		}
		owner, m := ix.calledOn(c, strings.Join(read, "\n"), bare)
		if m == nil {
			code, defined, ok := ix.lookup(name)
			if ok {
				read = append(read, code)
			}
			return code, defined, ok
		}
		read = append(read, m.body)
		return m.body, owner.file + ":" + strconv.Itoa(m.line), true
	}
}

// calledOn is the method name resolves to in code, a handler of class c
// or the helpers it reaches: c's own (or a base's) when code calls it on
// $this, self, static or parent; the named class's when code calls it on
// a class, through the imports of c's file.
func (ix *index) calledOn(c *class, code, name string) (*class, *method) {
	re, ok := ix.callRE[strings.ToLower(name)]
	if !ok {
		q := regexp.QuoteMeta(name)
		re = [2]*regexp.Regexp{
			regexp.MustCompile(`(?i)(?:\$this->|\b(?:self|static|parent)::)` + q + `\s*\(`),
			regexp.MustCompile(`(?i)(?:^|[^\w$\\])(\\?[A-Za-z_][\w\\]*)::` + q + `\s*\(`),
		}
		ix.callRE[strings.ToLower(name)] = re
	}
	if re[0].MatchString(code) {
		if owner, m := ix.method(c, name); m != nil {
			return owner, m
		}
	}
	ns := ""
	if i := strings.LastIndex(c.fqn, `\`); i >= 0 {
		ns = c.fqn[:i]
	}
	var uses map[string]string
	if f := ix.byPath[c.file]; f != nil {
		uses = f.uses
	}
	for _, k := range re[1].FindAllStringSubmatch(code, -1) {
		cls := k[1]
		switch strings.ToLower(cls) {
		case "self", "static", "parent":
			continue
		}
		if full, ok := uses[cls]; ok {
			cls = full
		}
		if owner, m := ix.method(ix.class(cls, ns), name); m != nil {
			return owner, m
		}
	}
	return nil, nil
}

// codeOf is a handler's code without its comments, for the auth judge.
func codeOf(body string) string {
	return string(lang.StripComments(lang.PHP, []byte(body)))
}

// blankStrings replaces the contents of string literals with spaces,
// keeping offsets and newlines, so a word inside a string is not read as
// code.
func blankStrings(s string) string {
	b := []byte(s)
	var quote byte
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case quote == 0:
			if c == '"' || c == '\'' {
				quote = c
			}
		case c == '\\' && i+1 < len(b):
			b[i] = ' '
			if b[i+1] != '\n' {
				b[i+1] = ' '
			}
			i++
		case c == quote:
			quote = 0
		default:
			if c != '\n' {
				b[i] = ' '
			}
		}
	}
	return string(b)
}
