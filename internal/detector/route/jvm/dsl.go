package jvm

import (
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/detector/route/router"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/urlpath"
)

// dslRoute is a route a router DSL registers with a call rather than an
// annotation: Ktor's get("/x") { }, Javalin's and Spark's get("/x", h),
// Vert.x's router.get("/x").handler(h).
type dslRoute struct {
	framework     string
	method        string
	prefix        []*val // the enclosing blocks' paths, outermost first
	path          *val
	guards        []router.Guard
	body          string // the handler's code, when written in place
	handler       string // the handler's name, when it is a reference
	line, endLine int
	// in is the route-building function the route is declared in (Ktor's
	// fun Route.users() { }), composed where that function is called.
	in string
	// resource is the type a type-safe route names its path with (Ktor's
	// get<Articles> { }), resolved once every file is read.
	resource string
	// roles are the roles a Javalin route declares after its handler,
	// which the app's access manager checks.
	roles []string
}

// dslCall is a call of a route-building function inside a router block:
// the routes that function declares take the call's prefixes and guards.
type dslCall struct {
	name   string
	in     string
	prefix []*val
	guards []router.Guard
}

// span is one block of router DSL code: a nest that adds a prefix, a
// guard over what it holds, a root (a routing block) or a function that
// builds routes on a receiver it is given.
type span struct {
	start, end int // the block's braces or parentheses
	kind       byte
	prefix     *val
	guard      *router.Guard
	method     string // a nest that fixes the method (Ktor's route("/x", HttpMethod.Post))
	name       string // a route-building function's name
	// guards are the guards a call inside the block adds to everything
	// the block holds (Ktor's intercept, Javalin's before).
	guards []router.Guard
}

const (
	spanRoot   = 'R'
	spanNest   = 'P'
	spanGuard  = 'G'
	spanMethod = 'M'
	spanFunc   = 'F'
)

// enclosing lists the spans holding position i, outermost first.
func enclosing(spans []span, i int) []*span {
	var out []*span
	for k := range spans {
		if spans[k].start < i && i < spans[k].end {
			out = append(out, &spans[k])
		}
	}
	slices.SortStableFunc(out, func(a, b *span) int { return a.start - b.start })
	return out
}

// around is what the spans around a call give it: the function it is
// in, its prefixes and guards, the method a nest fixes; ok when it is
// inside a router at all.
func around(spans []span, i int) (in string, prefix []*val, guards []router.Guard, method string, ok bool) {
	for _, s := range enclosing(spans, i) {
		switch s.kind {
		case spanRoot:
			ok = true
		case spanFunc:
			// A route-building function composes under its callers:
			// only what is inside it is its own.
			in, prefix, guards, method, ok = s.name, nil, nil, "", true
		case spanNest:
			if s.prefix != nil {
				prefix = append(prefix, s.prefix)
			}
			if s.method != "" {
				method = s.method
			}
		case spanMethod:
			method = s.method
		case spanGuard:
			guards = append(guards, *s.guard)
		}
		guards = append(guards, s.guards...)
	}
	return
}

// textLine is the 1-based line of offset i in text.
func textLine(text string, i int) int { return 1 + strings.Count(text[:i], "\n") }

// afterSpace is the index of the first byte at or after i that is not
// white space.
func afterSpace(text string, i int) int {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r') {
		i++
	}
	return i
}

// dslArg is a path argument as written: a literal or a constant,
// without a parameter name (path = "/x"). nil when it is neither.
func dslArg(s string) *val {
	s = strings.TrimSpace(s)
	if m := namedArg.FindStringSubmatch(s); m != nil {
		s = strings.TrimSpace(s[len(m[0]):])
	}
	if strings.HasPrefix(s, `"`) {
		if !strings.HasSuffix(s, `"`) || len(s) < 2 {
			return nil
		}
		v := litVal(s)
		// A Kotlin template ("$base/x") is built at run time.
		if strings.Contains(v.s, "$") {
			v.s = templateRef.ReplaceAllString(v.s, urlpath.UnknownPrefix)
		}
		return v
	}
	if ident.MatchString(s) && !strings.Contains(s, "HttpMethod") {
		return litVal(s)
	}
	// API + Paths.DETAIL: a concatenation of literals and constants.
	if parts := lang.SplitTopLevelAt(s, '+'); len(parts) > 1 {
		v := &val{kind: '+'}
		for _, p := range parts {
			pv := dslArg(p)
			if pv == nil || namedArg.MatchString(strings.TrimSpace(p)) {
				return nil
			}
			v.parts = append(v.parts, pv)
		}
		return v
	}
	return nil
}

var (
	namedArg    = regexp.MustCompile(`^(?:path|value|uri)\s*=\s*`)
	templateRef = regexp.MustCompile(`\$\{[^}]*\}|\$\w+`)
)

// httpMethodArg is an HttpMethod constant's method (HttpMethod.Post,
// HttpMethod.POST).
var httpMethodArg = regexp.MustCompile(`\bHttpMethod\.(\w+)`)

// dslRoutes composes a DSL route under every caller of the function it
// is declared in, and resolves its type-safe path.
func (ix *index) dslRoutes(f *file, r dslRoute) []pending {
	type ctx struct {
		prefix []*val
		guards []router.Guard
	}
	ctxs := []ctx{{r.prefix, r.guards}}
	if r.in != "" {
		ctxs = nil
		var callers func(name string, depth int) []ctx
		callers = func(name string, depth int) []ctx {
			var out []ctx
			for _, c := range ix.dslCalls[name] {
				if c.in == "" || depth > 4 {
					out = append(out, ctx{c.prefix, c.guards})
					continue
				}
				for _, outer := range callers(c.in, depth+1) {
					out = append(out, ctx{append(slices.Clone(outer.prefix), c.prefix...), append(slices.Clone(outer.guards), c.guards...)})
				}
			}
			return out
		}
		for _, c := range callers(r.in, 0) {
			ctxs = append(ctxs, ctx{append(slices.Clone(c.prefix), r.prefix...), append(slices.Clone(c.guards), r.guards...)})
		}
		if len(ctxs) == 0 {
			// Called from nowhere the tree shows (a module of its own):
			// its routes are read as the root's.
			ctxs = []ctx{{r.prefix, r.guards}}
		}
	}
	own := []string{""}
	var types map[string]string
	if r.resource != "" {
		types = map[string]string{}
		own = []string{ix.resourcePath(r.resource, types, 0)}
	} else if r.path != nil {
		ss, ok := ix.eval(f, "", r.path, 0)
		if !ok || len(ss) == 0 {
			ss = []string{urlpath.UnknownPrefix}
		}
		own = ss
	}
	var out []pending
	for _, c := range ctxs {
		full := ix.dslContext[moduleRoot(f.path)]
		for _, v := range c.prefix {
			ss, ok := ix.eval(f, "", v, 0)
			if !ok || len(ss) == 0 {
				full = urlpath.Join(full, urlpath.UnknownPrefix)
				continue
			}
			full = urlpath.Join(full, ss[0])
		}
		for _, p := range own {
			pd := pending{method: r.method, path: urlpath.Join(full, p), framework: r.framework, file: f.path,
				line: r.line, endLine: r.endLine, handler: r.handler, body: r.body, guards: c.guards, types: types}
			ix.filtersOn(&pd, r)
			out = append(out, pd)
		}
	}
	return out
}

// resourcePath is the path a type-safe route class declares, under its
// parent's; its parameters' types are added to types.
func (ix *index) resourcePath(name string, types map[string]string, depth int) string {
	res, ok := ix.resources[lastDot(name)]
	if !ok || depth > 8 {
		return urlpath.UnknownPrefix
	}
	for k, v := range res.types {
		types[k] = v
	}
	for _, p := range res.parents {
		if _, ok := ix.resources[p]; ok {
			return urlpath.Join(ix.resourcePath(p, types, depth+1), res.path)
		}
	}
	return res.path
}

// frameworkGuard is a guard whose meaning the framework fixes, applied
// at a line of a file.
func frameworkGuard(name, file string, line int, v router.Verdict) router.Guard {
	return router.Guard{Name: name, Applied: facts.Evidence{File: file, Line: line}, Verdict: v}
}

// codeGuard is a guard written as code the judge reads (a before filter,
// an interceptor); a guard given by reference (Auth::check,
// this::signedIn) is looked up by the method's name.
func codeGuard(name, src, file string, line int) router.Guard {
	if !strings.Contains(src, "->") && !strings.HasPrefix(strings.TrimSpace(src), "{") {
		ref := strings.TrimSpace(src)
		if m := handlerRef.FindStringSubmatch(ref); m != nil {
			ref = m[2]
			if m[1] != "this" {
				ref = m[1] + "." + m[2]
			}
		}
		return router.Guard{Name: name, Text: ref, Applied: facts.Evidence{File: file, Line: line}}
	}
	return router.Guard{Name: name, Source: src, Defined: facts.Evidence{File: file, Line: line}}
}

// anonymous is the handler name of a handler written in place, as the
// Go detector names a function literal.
const anonymous = "anonymous"

// stripped is a file's code without comments, offsets kept.
func stripped(l lang.Lang, data []byte) string { return string(lang.StripComments(l, data)) }

// indexDSL adds a file's route-building calls and type-safe route
// classes to the index.
func (ix *index) indexDSL(f *file) {
	if f.dsl == nil {
		return
	}
	if ix.dslCalls == nil {
		ix.dslCalls, ix.resources = map[string][]dslCall{}, map[string]resource{}
	}
	for _, c := range f.dsl.calls {
		ix.dslCalls[c.name] = append(ix.dslCalls[c.name], c)
	}
	root := moduleRoot(f.path)
	if ix.befores == nil {
		ix.befores, ix.managers = map[string][]router.Guard{}, map[string]router.Guard{}
	}
	for _, b := range f.dsl.befores {
		g := codeGuard(b.guard.name, b.guard.src, f.path, b.guard.line)
		g.Scope, g.Verdict = b.scope, b.verdict
		ix.befores[root] = append(ix.befores[root], g)
	}
	if cp := f.dsl.contextPath; cp != nil {
		if ss, ok := ix.eval(f, "", cp, 0); ok && len(ss) == 1 {
			if ix.dslContext == nil {
				ix.dslContext = map[string]string{}
			}
			ix.dslContext[root] = ss[0]
		}
	}
	if m := f.dsl.manager; m != nil {
		if _, ok := ix.managers[root]; !ok {
			ix.managers[root] = codeGuard(m.name, m.src, f.path, m.line)
		}
	}
	for k, r := range f.dsl.resources {
		if _, ok := ix.resources[k]; !ok {
			ix.resources[k] = r
		}
	}
}

// filtersOn adds to a route the before filters of its module whose
// pattern matches its path, and the access manager that checks the roles
// it declares; a handler named by reference is read where it is declared.
func (ix *index) filtersOn(p *pending, r dslRoute) {
	root := moduleRoot(p.file)
	var gs []router.Guard
	for _, g := range ix.befores[root] {
		if scopeMatches(g.Scope, p.path) {
			g.Scope = ""
			gs = append(gs, g)
		}
	}
	if m, ok := ix.managers[root]; ok && len(r.roles) > 0 && !slices.ContainsFunc(r.roles, func(role string) bool { return letsThrough(m.Source, role) }) {
		m.Text = m.Name + " (roles " + strings.Join(r.roles, ", ") + ")"
		// The manager demands the roles the route declares, not the
		// ones its code names.
		if d := route.Decide(nil, []router.Guard{m}, "", "", false, ix.lookup); d.Auth == facts.AuthRequired {
			why := strings.TrimPrefix(d.Evidence, m.Text+" ("+route.Where(m)+"): ")
			m.Verdict = router.Verdict{Auth: facts.AuthRequired, Role: springRole(r.roles[0]), Evidence: why}
		}
		gs = append(gs, m)
	}
	p.guards = append(gs, p.guards...)
	if p.body == "" && p.handler != "" && p.handler != anonymous {
		ms := ix.methods[p.handler]
		if len(ms) == 0 {
			ms = ix.methods[lastDot(p.handler)]
		}
		if len(ms) == 1 {
			p.body, p.types = ms[0].body, paramTypes(ms[0])
		}
	}
}

// scopeMatches says a filter's path pattern ("/api/*", "/admin") takes
// path; "" takes every path.
func scopeMatches(scope, path string) bool {
	if scope == "" || scope == "*" || scope == "/*" {
		return true
	}
	if pre, ok := strings.CutSuffix(scope, "*"); ok {
		if !strings.HasSuffix(pre, "/") {
			// Vert.x's "/user*" takes /users too.
			return strings.HasPrefix(path, pre)
		}
		return strings.HasPrefix(path+"/", pre)
	}
	return scope == path
}

// letsThrough says an access manager hands a request with role straight
// to its handler (if (roles.contains(Role.ANYONE)) handler.handle(ctx)),
// or gives role to a caller it cannot identify (userRole ?: Role.ANYONE):
// a route that permits it is open.
func letsThrough(src, role string) bool {
	r := `(?:[\w.]+\.)?` + regexp.QuoteMeta(role) + `\b`
	passes := regexp.MustCompile(`contains\(\s*` + r + `\s*\)[^;{}]*\)?\s*\{?\s*(?:[\w.]*handle\(|return\b)`)
	fallback := regexp.MustCompile(`(?:\?:|\belse\b|\borElse\(|\?\?)\s*` + r)
	return passes.MatchString(src) || fallback.MatchString(src)
}
