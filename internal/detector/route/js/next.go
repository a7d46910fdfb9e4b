package js

import (
	"bytes"
	"context"
	"encoding/json"
	"maps"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/detector/route/router"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/syntax"
	"github.com/threatmap/threatmap/internal/urlpath"
)

// Next finds Next.js API routes by file layout: pages/api/** default
// exports and app/**/route handlers exporting GET, POST, ...; and server
// actions wherever they are: every export of a 'use server' module, and
// every function whose body starts with 'use server'. It reads the other
// frameworks that route by file layout the same way (layouts.go):
// SvelteKit and Nuxt/Nitro.
type Next struct {
	mu sync.Mutex
	// routes wait for Finish: a middleware.ts anywhere in the same app
	// can guard them, so "none" is only safe once every file is seen.
	routes     []nextRoute
	middleware map[string]bool // app roots with a middleware (or proxy) file
	// matchers are the paths a root's middleware runs on, from its
	// config.matcher; a root without one runs it on every path.
	matchers map[string][]string
	// mwCode is each root's middleware source, read as a guard where it
	// runs: when it rejects, the routes it runs on are required.
	mwCode map[string]router.Guard
	// apps are the folders that say they hold a Next.js app: a
	// next.config file, or a package.json depending on next. When the
	// tree has any, a pages/ or app/ folder under none of them is no
	// Next.js app (a tool's own app/ folder in a monorepo).
	apps map[string]bool
	// layoutApps are the folders marked as SvelteKit or Nuxt apps, by
	// framework, read as apps is for Next.js.
	layoutApps map[string]map[string]bool
	// unscoped are the roots a middleware refuses on every path of.
	unscoped  map[string]bool
	reexports []nextReexport
	// modules are the bindings of route files and of helper files that
	// may reject a caller: where a handler's auth helper is looked up.
	modules map[string]*fileFacts
}

// nextReexport is a route file that serves another's handlers:
// export * from '../other/route'.
type nextReexport struct {
	nextRoute        // the place: path, file, line, root
	target    string // the other file, without extension
	// methods are the handlers taken (GET, POST; "" for a pages/api
	// default export); nil takes every one (export * from).
	methods []string
}

type nextRoute struct {
	facts.Route
	root   string
	guards []string
	action bool // a server action: its app root is found at Finish
}

// NewNext returns a Next.js detector for one scan.
func NewNext() *Next {
	return &Next{middleware: map[string]bool{}, matchers: map[string][]string{}, mwCode: map[string]router.Guard{}, modules: map[string]*fileFacts{},
		apps: map[string]bool{}, layoutApps: map[string]map[string]bool{}, unscoped: map[string]bool{}}
}

// Name implements detector.Detector.
func (*Next) Name() string { return "route/nextjs" }

// Match implements detector.Detector: every source, since a server
// action may be anywhere and an auth helper a handler calls may be in any
// file; Detect reads route files, the middleware, files that say 'use
// server' and files that may reject a caller.
func (*Next) Match(p string) bool { return isSource(p) || path.Base(p) == "package.json" }

// nextApp says whether a file marks its folder as a Next.js app's root:
// a next.config.* file, or a package.json that depends on next.
func nextApp(p string, data []byte) (dir string, ok bool) {
	base := path.Base(p)
	dir = path.Dir(p)
	if dir == "." {
		dir = ""
	}
	if strings.HasPrefix(base, "next.config.") {
		return dir, true
	}
	if base != "package.json" {
		return "", false
	}
	var m struct {
		Dependencies, DevDependencies, PeerDependencies map[string]json.RawMessage
	}
	if json.Unmarshal(data, &m) != nil {
		return "", false
	}
	for _, deps := range []map[string]json.RawMessage{m.Dependencies, m.DevDependencies, m.PeerDependencies} {
		if _, ok := deps["next"]; ok {
			return dir, true
		}
	}
	return "", false
}

// inApp says whether an app root is at or under a folder marked as an
// app of the route's framework, or the tree marks none.
func (d *Next) inApp(fw, root string) bool {
	apps := d.apps
	if fw != fwNext {
		apps = d.layoutApps[fw]
	}
	if len(apps) == 0 || apps[""] {
		return true
	}
	for dir := root; dir != "" && dir != "."; dir = path.Dir(dir) {
		if apps[dir] {
			return true
		}
	}
	return false
}

// Keywords implements detector.Keyworded: route files and middleware
// are known by their path; other files matter when they hold server
// actions or may reject a caller (guardKeywords).
func (*Next) Keywords() []string { return append(slices.Clone(guardKeywords), "use server") }

// Exempt implements detector.PrefilterExempt: a route file or the
// middleware is read whatever it contains.
func (*Next) Exempt(p string) bool {
	if b := path.Base(p); b == "package.json" || strings.HasPrefix(b, "next.config.") ||
		strings.HasPrefix(b, "svelte.config.") || strings.HasPrefix(b, "nuxt.config.") || strings.HasPrefix(b, "nitro.config.") {
		return true
	}
	if _, ok := layoutPath(p); ok {
		return true
	}
	if _, ok := middlewareRoot(p); ok {
		return true
	}
	_, _, _, ok := nextPath(p)
	return ok
}

// helper keeps a non-route file's bindings when it may hold an auth check.
func (d *Next) helper(ctx context.Context, file *detector.File) {
	if !guardFile.Match(file.Data) {
		return
	}
	t, err := file.Tree(ctx, lang.Of(file.Path))
	if err != nil {
		return
	}
	m := newModule(file.Path)
	m.collectBindings(t)
	d.mu.Lock()
	d.modules[file.Path] = &fileFacts{module: m}
	d.mu.Unlock()
}

var nextMethods = map[string]bool{"GET": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true, "HEAD": true, "OPTIONS": true}

// middlewareRoot is the app root a middleware.ts / proxy.ts guards.
func middlewareRoot(p string) (string, bool) {
	dir, base := path.Split(p)
	stem := strings.TrimSuffix(base, path.Ext(base))
	if stem != "middleware" && stem != "proxy" {
		return "", false
	}
	dir = strings.TrimSuffix(dir, "/")
	dir = strings.TrimSuffix(strings.TrimSuffix(dir, "src"), "/")
	return dir, true
}

// nextPath maps a file to its URL: pages/api/users/[id].ts is
// /api/users/{id}; app/(shop)/api/items/[...slug]/route.ts is
// /api/items/{slug}. It returns the app root (the folder holding pages/
// or app/, src/ dropped) and whether the file is an App Router handler.
func nextPath(p string) (urlPath, root string, appRouter, ok bool) {
	segs := strings.Split(p, "/")
	last := segs[len(segs)-1]
	stem := strings.TrimSuffix(last, path.Ext(last))
	start := -1
	for i, s := range segs[:len(segs)-1] {
		if s == "pages" && i+2 < len(segs) && segs[i+1] == "api" {
			start = i
			break
		}
		if s == "app" && stem == "route" {
			start, appRouter = i, true
			break
		}
	}
	if start < 0 {
		return "", "", false, false
	}
	root = strings.Join(segs[:start], "/")
	root = strings.TrimSuffix(strings.TrimSuffix(root, "src"), "/")
	var out []string
	rest := segs[start+1:]
	if appRouter {
		rest = rest[:len(rest)-1]
	} else {
		rest = append(append([]string{}, rest[:len(rest)-1]...), stem)
		if stem == "index" {
			rest = rest[:len(rest)-1]
		}
	}
	for _, s := range rest {
		switch {
		case strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")"), strings.HasPrefix(s, "@"):
			continue // route groups and parallel-route slots are not in the URL
		case appRouter && strings.HasPrefix(s, "_"):
			return "", "", false, false // private folder
		case strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]"):
			name := strings.TrimLeft(strings.TrimRight(s, "]"), "[")
			name = strings.TrimPrefix(name, "...")
			out = append(out, "{"+name+"}")
		default:
			out = append(out, s)
		}
	}
	return urlpath.Normalize("/" + strings.Join(out, "/")), root, appRouter, true
}

var (
	methodCompare = regexp.MustCompile(`\.method\s*[!=]==?\s*['"]([A-Z]+)['"]|['"]([A-Z]+)['"]\s*[!=]==?\s*[\w.]*\.method\b`)
	methodCase    = regexp.MustCompile(`case\s+['"]([A-Z]+)['"]\s*:`)
	methodSwitch  = regexp.MustCompile(`switch\s*\(\s*[\w.]*method\s*\)`)
	// Session helpers the shared auth check does not list.
	nextAuthCall = regexp.MustCompile(`\b(getToken|getAuth|currentUser|withApiAuthRequired|getKindeServerSession|validateRequest|getUser)\s*\(`)
)

// Detect implements detector.Detector.
func (d *Next) Detect(ctx context.Context, file *detector.File, out *detector.Sink) error {
	if dir, ok := nextApp(file.Path, file.Data); ok {
		d.mu.Lock()
		d.apps[dir] = true
		d.mu.Unlock()
	}
	if dir, fw := layoutApp(file.Path, file.Data); fw != "" {
		d.mu.Lock()
		if d.layoutApps[fw] == nil {
			d.layoutApps[fw] = map[string]bool{}
		}
		d.layoutApps[fw][dir] = true
		d.mu.Unlock()
	}
	if path.Base(file.Path) == "package.json" {
		return nil
	}
	if root, ok := middlewareRoot(file.Path); ok {
		m := matcherList(file.Data)
		if m == nil {
			// No matcher: it runs on every path, and may refuse on some.
			if t, err := file.Tree(ctx, lang.Of(file.Path)); err == nil {
				m = pathScopes(t)
			}
		}
		d.mu.Lock()
		d.middleware[root] = true
		if m != nil {
			d.matchers[root] = m
		}
		d.mwCode[root] = router.Guard{Name: path.Base(file.Path), Source: string(file.Data), Defined: facts.Evidence{File: file.Path, Line: 1}}
		d.mu.Unlock()
		return nil
	}
	if lf, ok := layoutPath(file.Path); ok {
		if lf.kind == svelteHooks || lf.kind == nitroMiddleware {
			d.layoutMiddleware(ctx, file, lf)
			return nil
		}
		if err := d.layoutRoutes(ctx, file, out, lf); err != nil || lf.kind != remixRoute {
			return err
		}
		// A Remix folder route (app/routes/x/route.tsx) sits where a
		// Next.js route file may: each reading takes only its own exports.
	}
	urlPath, root, appRouter, ok := nextPath(file.Path)
	if !ok {
		d.helper(ctx, file)
		if bytes.Contains(file.Data, []byte("use server")) {
			return d.actions(ctx, file, out)
		}
		return nil
	}
	t, err := file.Tree(ctx, lang.Of(file.Path))
	if err != nil {
		out.Warn(file.Path, "route/nextjs: "+err.Error())
		return nil
	}
	if t.Root().HasError() {
		out.Warn(file.Path, "route/nextjs: syntax error; routes in this file may be incomplete")
	}
	values := topValues(t)
	mod := newModule(file.Path)
	mod.collectBindings(t)
	d.mu.Lock()
	d.modules[file.Path] = &fileFacts{module: mod}
	d.mu.Unlock()
	var found []nextRoute
	reexport := func(src string, line int, methods []string) {
		re := nextReexport{target: path.Join(path.Dir(file.Path), strings.TrimSuffix(src, path.Ext(src))), methods: methods}
		re.Path, re.File, re.Line, re.root = urlPath, file.Path, line, root
		d.mu.Lock()
		d.reexports = append(d.reexports, re)
		d.mu.Unlock()
	}
	add := func(method string, line int, v *syntax.Node) {
		if v != nil && v.Type() == "identifier" {
			// import webhook from '../webhooks/stripe'; export default
			// webhook: the imported route file's handler serves here.
			if imp, ok := mod.imports[t.Text(v)]; ok && strings.HasPrefix(imp.from, ".") && (imp.name == "default" || imp.name == method) {
				reexport(imp.from, line, []string{method})
				return
			}
		}
		guards, fn := unwrapHandler(t, v, values)
		r := nextRoute{root: root, guards: guards}
		r.Method, r.Path, r.Framework, r.File, r.Line = method, urlPath, fwNext, file.Path, line
		if fn != nil {
			r.Body = t.Text(fn)
			r.EndLine = syntax.EndLine(fn)
			if name := fn.ChildByFieldName("name"); name != nil {
				r.Handler = t.Text(name)
			}
		}
		found = append(found, r)
	}
	syntax.Walk(t.Root(), func(n *syntax.Node) bool {
		switch n.Type() {
		case "export_statement":
			if src, ok := t.StringValue(n.ChildByFieldName("source")); ok && strings.HasPrefix(src, ".") {
				// export * from '../analytics/route': that file's handlers
				// are served here too; export { GET, POST } from, or
				// export { default } from in pages/api, the ones named.
				if appRouter && n.NamedChildCount() == 1 {
					reexport(src, syntax.Line(n), nil)
					return false
				}
				var methods []string
				for _, name := range slices.Sorted(maps.Keys(mod.exports)) {
					if v := mod.exports[name]; v.imp == nil || v.imp.from != src {
						continue
					}
					switch {
					case !appRouter && name == "default":
						methods = append(methods, "")
					case appRouter && httpMethods[strings.ToLower(name)] == name:
						methods = append(methods, name)
					}
				}
				if len(methods) > 0 {
					reexport(src, syntax.Line(n), methods)
				}
				return false
			}
			if appRouter {
				appExports(t, n, add)
			} else if v := n.ChildByFieldName("value"); v != nil {
				add("", syntax.Line(n), v)
			} else if decl := n.ChildByFieldName("declaration"); decl != nil && isDefaultExport(t, n) {
				add("", syntax.Line(n), decl)
			}
			return false
		case "assignment_expression":
			if !appRouter && t.Text(n.ChildByFieldName("left")) == "module.exports" {
				add("", syntax.Line(n), n.ChildByFieldName("right"))
			}
			return false
		}
		// Top level only; ERROR nodes hold what a syntax error swallowed.
		return n.Type() == "program" || n.Type() == "expression_statement" || n.Type() == "ERROR"
	})
	if len(found) == 0 && !appRouter && t.Root().HasError() && bytes.Contains(file.Data, []byte("export default")) {
		// The layout makes it a route even when its handler does not parse.
		add("", 1, nil)
	}
	if err := ctx.Err(); err != nil {
		return err // over its time budget: the scan has given up on this read
	}
	for _, r := range found {
		if r.Method != "" {
			d.keep(r)
			continue
		}
		d.keepEachMethod(r, "ANY")
	}
	return nil
}

func (d *Next) keep(r nextRoute) {
	d.mu.Lock()
	d.routes = append(d.routes, r)
	d.mu.Unlock()
}

// keepEachMethod keeps a handler that serves whatever method it is sent
// (a pages/api default export, a Nitro handler, a Remix action) once per
// method its code tests the request for, or once as otherwise.
func (d *Next) keepEachMethod(r nextRoute, otherwise string) {
	methods := pageMethods(r.Body)
	if len(methods) == 0 {
		methods = []string{otherwise}
	}
	for _, m := range methods {
		r.Method = m
		d.keep(r)
	}
}

// pageMethods lists the methods a pages/api handler tests req.method for.
func pageMethods(body string) []string {
	seen := map[string]bool{}
	for _, m := range methodCompare.FindAllStringSubmatch(body, -1) {
		seen[m[1]+m[2]] = true
	}
	if methodSwitch.MatchString(body) {
		for _, m := range methodCase.FindAllStringSubmatch(body, -1) {
			seen[m[1]] = true
		}
	}
	var out []string
	for m := range seen {
		if nextMethods[m] {
			out = append(out, m)
		}
	}
	sort.Strings(out)
	return out
}

// appExports reads `export async function GET`, `export const POST = ...`
// and `export { handler as GET }`.
func appExports(t *syntax.Tree, n *syntax.Node, add func(string, int, *syntax.Node)) {
	if decl := n.ChildByFieldName("declaration"); decl != nil {
		switch decl.Type() {
		case "function_declaration":
			if name := t.Text(decl.ChildByFieldName("name")); nextMethods[name] {
				add(name, syntax.Line(decl), decl)
			}
		case "lexical_declaration", "variable_declaration":
			for _, v := range syntax.NamedChildren(decl) {
				if v.Type() != "variable_declarator" {
					continue
				}
				if name := t.Text(v.ChildByFieldName("name")); nextMethods[name] && v.ChildByFieldName("value") != nil {
					add(name, syntax.Line(v), v.ChildByFieldName("value"))
				}
				// export const { GET, POST } = handlers(...): each method a
				// factory hands back.
				if pat := v.ChildByFieldName("name"); pat != nil && pat.Type() == "object_pattern" && v.ChildByFieldName("value") != nil {
					for _, p := range syntax.NamedChildren(pat) {
						if p.Type() == "shorthand_property_identifier_pattern" && nextMethods[t.Text(p)] {
							add(t.Text(p), syntax.Line(p), v.ChildByFieldName("value"))
						}
					}
				}
			}
		}
		return
	}
	for _, clause := range syntax.NamedChildren(n) {
		if clause.Type() != "export_clause" {
			continue
		}
		for _, spec := range syntax.NamedChildren(clause) {
			name := spec.ChildByFieldName("name")
			alias := spec.ChildByFieldName("alias")
			if name == nil {
				continue
			}
			exported := t.Text(name)
			if alias != nil {
				exported = t.Text(alias)
			}
			if nextMethods[exported] {
				add(exported, syntax.Line(spec), name)
			}
		}
	}
}

// topValues maps the file's top-level names to what they are bound to,
// so `export default handler` and `export { handler as GET }` reach the
// function.
func topValues(t *syntax.Tree) map[string]*syntax.Node {
	out := map[string]*syntax.Node{}
	root := t.Root()
	for _, n := range syntax.NamedChildren(root) {
		if n.Type() == "export_statement" {
			if d := n.ChildByFieldName("declaration"); d != nil {
				n = d
			}
		}
		switch n.Type() {
		case "function_declaration":
			out[t.Text(n.ChildByFieldName("name"))] = n
		case "lexical_declaration", "variable_declaration":
			for _, v := range syntax.NamedChildren(n) {
				if v.Type() == "variable_declarator" && v.ChildByFieldName("value") != nil {
					out[t.Text(v.ChildByFieldName("name"))] = v.ChildByFieldName("value")
				}
			}
		}
	}
	return out
}

// authEndpoints build the sign-in endpoints themselves: a route they
// make takes credentials, it is not guarded by them.
var authEndpoints = map[string]bool{"NextAuth": true, "toNextJsHandler": true, "handleAuth": true}

// unwrapHandler follows a handler through names and wrappers
// (withAuth(handler), NextAuth(options)) to the function, collecting the
// wrappers' names as guards.
func unwrapHandler(t *syntax.Tree, v *syntax.Node, values map[string]*syntax.Node) (guards []string, fn *syntax.Node) {
	for range 8 {
		if v == nil {
			return guards, nil
		}
		switch v.Type() {
		case "function_declaration", "function_expression", "function", "arrow_function":
			return guards, v
		case "identifier":
			next, ok := values[t.Text(v)]
			if !ok || next == v {
				return guards, nil
			}
			v = next
		case "call_expression":
			if name := clip(t.Text(v.ChildByFieldName("function"))); !authEndpoints[name] && !plainWrappers[name] {
				guards = append(guards, name)
			}
			args := argList(v)
			if len(args) == 0 {
				return guards, nil
			}
			v = args[0]
		case "parenthesized_expression", "as_expression", "satisfies_expression", "await_expression":
			if v.NamedChildCount() == 0 {
				return guards, nil
			}
			v = v.NamedChild(0)
		default:
			return guards, nil
		}
	}
	return guards, nil
}

// Finish implements detector.Finisher.
func (d *Next) Finish(ctx context.Context, out *detector.Sink) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, re := range d.reexports {
		for _, r := range d.routes {
			if r.action || strings.TrimSuffix(r.File, path.Ext(r.File)) != re.target {
				continue
			}
			// A pages/api file's routes are all its default export's.
			if re.methods != nil && !slices.Contains(re.methods, "") && !slices.Contains(re.methods, r.Method) {
				continue
			}
			r.Path, r.File, r.Line, r.EndLine, r.root = re.Path, re.File, re.Line, 0, re.root
			d.routes = append(d.routes, r)
		}
	}
	res := newResolver(d.modules)
	res.taught = route.TaughtFrom(ctx)
	mwRejects := map[string]bool{}
	for _, r := range d.routes {
		if !r.action && !d.inApp(r.Framework, r.root) {
			continue
		}
		guards := r.guards
		if m := nextAuthCall.FindStringSubmatch(r.Body); m != nil {
			guards = append(guards, m[1])
		}
		fr := r.Route
		fr.Middleware = r.guards
		guarded := d.middleware[r.root] && d.runsOn(r.root, fr.Method, fr.Path)
		if r.action {
			// An action is posted to the page that uses it: any
			// middleware of an app above the file may run first.
			guarded = d.middlewareAbove(r.File)
		}
		gs := route.Named(guards)
		complete := !guarded
		if mw, ok := d.mwCode[r.root]; ok && guarded && !r.action {
			// Judged by its code: one that rejects guards the route, and
			// a path it lets through first is exempt and decided by the
			// handler; one that does not still leaves it unknown, as a
			// library's wrapper (withAuth(...), clerkMiddleware()) may
			// reject unseen.
			gs = append([]router.Guard{mw}, gs...)
			rejects, seen := mwRejects[r.root]
			if !seen {
				rejects = route.Decide(res.taught, []router.Guard{mw}, "", "", false, res.lookup(nil)).Auth == facts.AuthRequired
				mwRejects[r.root] = rejects
			}
			complete = rejects
		}
		dec := route.DecidePath(res.taught, gs, fr.Body, fr.File+":"+strconv.Itoa(fr.Line), fr.Path, complete, res.lookup(d.modules[r.File]))
		fr.Auth, fr.AuthEvidence, fr.AuthRole = dec.Auth, dec.Evidence, dec.Role
		fr.Params = route.Params(fr.Path, paramTypes(fr.Path, map[string]string{}, fr.Body))
		route.Classify(&fr, nodeVocab)
		out.AddRoute(fr)
	}
	return nil
}

// matcherList is the paths a middleware's config.matcher lists (export
// const config = { matcher: ['/dashboard/:path*', '/editor/:path*'] }),
// or nil when it has none the code spells out as literals.
func matcherList(src []byte) []string {
	m := matcherField.FindSubmatch(src)
	if m == nil {
		return nil
	}
	var out []string
	for _, q := range quoted.FindAllSubmatch(m[1], -1) {
		p := string(q[1]) + string(q[2]) + string(q[3])
		if !strings.HasPrefix(p, "/") {
			return nil // { source, has: [{ type: 'header', ... }] }: read as every path
		}
		out = append(out, p)
	}
	return out
}

var (
	matcherField = regexp.MustCompile("\\bmatcher\\s*:\\s*(\\[[^\\]]*\\]|'[^']*'|\"[^\"]*\"|`[^`]*`)")
	quoted       = regexp.MustCompile("'([^']*)'|\"([^\"]*)\"|`([^`$]*)`")
)

// runsOn says the middleware of root may run on a route's path: it has
// no matcher, or one of its patterns matches the path. A pattern with a
// regular expression in it (/((?!api|_next).*)) is taken to match.
func (d *Next) runsOn(root, method, p string) bool {
	pats, ok := d.matchers[root]
	if !ok {
		return true
	}
	for _, pat := range pats {
		// "DELETE /api/users": a scope the code limits to one method.
		if m, rest, ok := strings.Cut(pat, " "); ok {
			if m != method && method != "ANY" {
				continue
			}
			pat = rest
		}
		if matcherMatches(pat, p) {
			return true
		}
	}
	return false
}

// matcherMatches matches a path-to-regexp pattern of literal segments
// and named parameters (:id, :path*, :path+, :path?) against a route
// path whose own parameters ({id}) may be anything.
func matcherMatches(pat, p string) bool {
	if strings.ContainsAny(pat, "()[]\\^$|") {
		return true
	}
	ps := strings.Split(strings.Trim(pat, "/"), "/")
	rs := strings.Split(strings.Trim(p, "/"), "/")
	if pat == "/" || pat == "" {
		ps = nil
	}
	if p == "/" {
		rs = nil
	}
	var match func(i, j int) bool
	match = func(i, j int) bool {
		if i == len(ps) {
			return j == len(rs)
		}
		seg := ps[i]
		if strings.HasPrefix(seg, ":") {
			switch seg[len(seg)-1] {
			case '*', '?', '+':
				least, most := 0, len(rs)-j
				if seg[len(seg)-1] == '+' {
					least = 1
				}
				if seg[len(seg)-1] == '?' {
					most = min(most, 1)
				}
				for k := least; k <= most; k++ {
					if match(i+1, j+k) {
						return true
					}
				}
				return false
			}
			return j < len(rs) && match(i+1, j+1)
		}
		if j == len(rs) {
			return false
		}
		if r := rs[j]; r != seg && !strings.HasPrefix(r, "{") {
			return false
		}
		return match(i+1, j+1)
	}
	return match(0, 0)
}

// middlewareAbove says whether a middleware guards an app root above p.
func (d *Next) middlewareAbove(p string) bool {
	for root := range d.middleware {
		if root == "" || strings.HasPrefix(p, root+"/") {
			return true
		}
	}
	return false
}

// actions reads a file's server actions: with a 'use server' directive
// at its top every exported function is one; elsewhere, each function
// whose body starts with the directive. Each is a POST entry point named
// by the function, since Next.js posts to the calling page with the
// action's id in a header, not to a path of the action's own.
func (d *Next) actions(ctx context.Context, file *detector.File, out *detector.Sink) error {
	t, err := file.Tree(ctx, lang.Of(file.Path))
	if err != nil {
		out.Warn(file.Path, "route/nextjs: "+err.Error())
		return nil
	}
	values := topValues(t)
	add := func(name string, fn *syntax.Node) {
		if name == "" || fn == nil {
			return
		}
		r := nextRoute{action: true}
		r.Method, r.Path, r.Framework, r.File, r.Line = "POST", "/"+name, fwNext, file.Path, syntax.Line(fn)
		r.Handler, r.Body, r.EndLine = name, t.Text(fn), syntax.EndLine(fn)
		r.Tags = []string{facts.TagServerAction}
		d.keep(r)
	}
	root := t.Root()
	if hasDirective(t, root, "use server") {
		for _, n := range syntax.NamedChildren(root) {
			if n.Type() != "export_statement" {
				continue
			}
			if decl := n.ChildByFieldName("declaration"); decl != nil {
				switch decl.Type() {
				case "function_declaration", "generator_function_declaration":
					add(t.Text(decl.ChildByFieldName("name")), decl)
				case "lexical_declaration", "variable_declaration":
					for _, v := range syntax.NamedChildren(decl) {
						if v.Type() != "variable_declarator" {
							continue
						}
						// withSchema(async (input) => ...) is the action too.
						if _, fn := unwrapHandler(t, v.ChildByFieldName("value"), values); fn != nil {
							add(t.Text(v.ChildByFieldName("name")), fn)
						}
					}
				}
				continue
			}
			for _, clause := range syntax.NamedChildren(n) {
				if clause.Type() != "export_clause" {
					continue
				}
				for _, spec := range syntax.NamedChildren(clause) {
					name := spec.ChildByFieldName("name")
					if name == nil {
						continue
					}
					exported := t.Text(name)
					if a := spec.ChildByFieldName("alias"); a != nil {
						exported = t.Text(a)
					}
					if _, fn := unwrapHandler(t, name, values); fn != nil {
						add(exported, fn)
					}
				}
			}
		}
		return ctx.Err()
	}
	syntax.Walk(root, func(n *syntax.Node) bool {
		if !isFunc(n) {
			return true
		}
		body := n.ChildByFieldName("body")
		if body == nil || body.Type() != "statement_block" || !hasDirective(t, body, "use server") {
			return true
		}
		add(functionName(t, n), n)
		return false
	})
	return ctx.Err()
}

// hasDirective says a program or function body starts with the string
// directive (after comments and other directives).
func hasDirective(t *syntax.Tree, block *syntax.Node, directive string) bool {
	for _, c := range syntax.NamedChildren(block) {
		switch c.Type() {
		case "comment", "hash_bang_line":
			continue
		case "expression_statement":
			if c.NamedChildCount() == 0 {
				return false
			}
			s, ok := t.StringValue(c.NamedChild(0))
			if !ok {
				return false
			}
			if s == directive {
				return true
			}
			continue // another directive ('use strict')
		}
		return false
	}
	return false
}

// functionName is a function's own name, or the name it is bound to
// (const save = async () => {...}; {save: async () => {...}}).
func functionName(t *syntax.Tree, fn *syntax.Node) string {
	if name := fn.ChildByFieldName("name"); name != nil {
		return t.Text(name)
	}
	p := fn.Parent()
	for p != nil && (p.Type() == "parenthesized_expression" || p.Type() == "call_expression" || p.Type() == "arguments") {
		p = p.Parent()
	}
	if p == nil {
		return ""
	}
	switch p.Type() {
	case "variable_declarator":
		if name := p.ChildByFieldName("name"); name != nil && name.Type() == "identifier" {
			return t.Text(name)
		}
	case "pair":
		return strings.Trim(t.Text(p.ChildByFieldName("key")), `'"`)
	}
	return ""
}
