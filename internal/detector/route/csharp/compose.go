package csharp

import (
	"cmp"
	"maps"
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

type index struct {
	files   []*file
	classes map[string][]*class
	methods map[string][]*method
	owner   map[*method]*class
	taught  *route.Taught
	// handlers are the classes that handle a request type, by the
	// type's last name (Command): where a dispatch sends the request.
	handlers map[string][]*class
}

func newIndex(files []*file) *index {
	slices.SortFunc(files, func(a, b *file) int { return strings.Compare(a.path, b.path) })
	ix := &index{files: files, classes: map[string][]*class{}, methods: map[string][]*method{}, owner: map[*method]*class{}, handlers: map[string][]*class{}}
	for _, f := range files {
		for _, c := range f.classes {
			ix.classes[c.name] = append(ix.classes[c.name], c)
			for _, m := range c.methods {
				ix.methods[m.name] = append(ix.methods[m.name], m)
				ix.owner[m] = c
			}
			for _, t := range c.handles {
				ix.handlers[lastName(t)] = append(ix.handlers[lastName(t)], c)
			}
		}
	}
	return ix
}

func lastName(t string) string { return t[strings.LastIndexByte(t, '.')+1:] }

// dispatch is a request handed to a mediator (mediator.Send(new
// Delete.Command(slug)), _bus.Publish(command), Send<T>(query)): the
// request's type written after new, or the variable or parameter holding it.
var dispatch = regexp.MustCompile(`\.\s*(?:Send|SendAsync|Publish|PublishAsync)\s*(?:<[^>()]*>)?\s*\(\s*(?:new\s+([\w.]+)\s*[({]|(\w+)\s*[,)])`)

// requestHandler is the method that handles the request an action
// dispatches, and its class: the Handle of the one class whose handler
// base names the request's type (the type nested where the name says,
// in the action's namespace first). The action's own code then only
// forwards; what the route does is that method's.
func (ix *index) requestHandler(ns []string, body string, params []param) (*class, *method, map[string]string) {
	code := string(lang.StripComments(lang.CSharp, []byte(body)))
	for _, loc := range dispatch.FindAllStringSubmatchIndex(code, -1) {
		d := make([]string, 3)
		for k := 1; k < 3; k++ {
			if loc[2*k] >= 0 {
				d[k] = code[loc[2*k]:loc[2*k+1]]
			}
		}
		t := d[1]
		if t == "" {
			t = varType(code, params, d[2])
		}
		if t == "" {
			continue
		}
		// The type as the code's namespace or one its file imports
		// names it, else the one type whose name ends so.
		var exact, suffix []*class
		for _, h := range ix.handlers[lastName(t)] {
			for _, ht := range h.handles {
				full := requestName(h, ht)
				if slices.ContainsFunc(ns, func(n string) bool { return full == strings.TrimPrefix(n+"."+t, ".") }) {
					exact = append(exact, h)
					break
				}
				if strings.HasSuffix("."+full, "."+t) {
					suffix = append(suffix, h)
					break
				}
			}
		}
		found := exact
		if len(found) == 0 {
			found = suffix
		}
		if len(found) != 1 {
			continue
		}
		for _, hm := range found[0].methods {
			if hm.name == "Handle" || hm.name == "HandleAsync" {
				var carried map[string]string
				if d[1] != "" {
					carried = ix.carried(t, found[0], code[loc[3]:], params)
				}
				return found[0], hm, carried
			}
		}
	}
	return nil, nil, nil
}

// dispatched moves a route whose code (body, with its parameters, in
// namespace ns) hands its request to a mediator to the request's
// handler (requestHandler), read as the action's (asParams).
func (ix *index) dispatched(r *facts.Route, ns, body string, params []param) bool {
	// The code's own namespace, then those its file imports.
	nss := []string{ns}
	for _, f := range ix.files {
		if f.path == r.File {
			nss = append(nss, f.usings...)
		}
	}
	hc, hm, carried := ix.requestHandler(nss, body, params)
	if hm == nil {
		return false
	}
	r.File, r.Line, r.EndLine, r.Body = hc.file, hm.line, hm.endLine, asParams(hm.body, hm, carried)
	r.HandlerFile, r.HandlerLine = hc.file, hm.line
	r.Handler = strings.Join(append(slices.Clone(hc.outer), hc.name, hm.name), ".")
	return true
}

// attrList is an attribute list written on a parameter ([FromRoute]).
var attrList = regexp.MustCompile(`\[[^\]]*\]`)

// lambdaParams are a lambda's parameters as written ((int id, ISender
// sender) =>, id =>), the types "" where the code gives none.
func lambdaParams(code string) []param {
	head, _, ok := strings.Cut(code, "=>")
	if !ok {
		return nil
	}
	head = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(head), "async"))
	if i := strings.LastIndexByte(head, ']'); i >= 0 && !strings.HasPrefix(head, "(") {
		head = head[i+1:] // the lambda's own attributes
	}
	head = strings.Trim(strings.TrimSpace(head), "()")
	var out []param
	for _, p := range strings.Split(head, ",") {
		ws := strings.Fields(attrList.ReplaceAllString(p, " "))
		if len(ws) == 0 {
			continue
		}
		out = append(out, param{name: ws[len(ws)-1], typ: strings.Join(ws[:len(ws)-1], " ")})
	}
	return out
}

// carried is which of the request's properties hold which of the
// action's parameters, from the request made after new (rest starts
// after the type's name): by position for a record's positional
// parameters, by name in an object initializer (new Command(slug),
// new Command { Id = id }).
func (ix *index) carried(t string, h *class, rest string, ps []param) map[string]string {
	var req *class
	for _, k := range ix.classes[lastName(t)] {
		if k.ns == h.ns && slices.Equal(k.outer, h.outer) {
			req = k
		}
	}
	if req == nil {
		return nil
	}
	isParam := func(v string) bool { return slices.ContainsFunc(ps, func(p param) bool { return p.name == v }) }
	out := map[string]string{}
	rest = strings.TrimLeft(rest, " \t\n")
	if strings.HasPrefix(rest, "(") {
		args, n := topLevel(rest, '(', ')')
		// A record's positional parameters, else the constructor that
		// takes that many.
		props := req.props
		for _, c := range req.ctors {
			if len(c) == len(args) {
				props = c
			}
		}
		for i, a := range args {
			if i < len(props) && props[i] != "" && isParam(a) {
				out[props[i]] = a
			}
		}
		rest = strings.TrimLeft(rest[n:], " \t\n")
	}
	if strings.HasPrefix(rest, "{") {
		inits, _ := topLevel(rest, '{', '}')
		for _, a := range inits {
			if k, v, ok := strings.Cut(a, "="); ok && isParam(strings.TrimSpace(v)) {
				out[strings.TrimSpace(k)] = strings.TrimSpace(v)
			}
		}
	}
	return out
}

// topLevel splits the list that s opens with open at its top-level
// commas, each item trimmed, and says how long the list is.
func topLevel(s string, open, close byte) ([]string, int) {
	var out []string
	depth, start := 0, 1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '{', '[':
			depth++
		case ')', '}', ']':
			depth--
			if depth == 0 {
				if it := strings.TrimSpace(s[start:i]); it != "" {
					out = append(out, it)
				}
				return out, i + 1
			}
		case ',':
			if depth == 1 {
				out = append(out, strings.TrimSpace(s[start:i]))
				start = i + 1
			}
		}
	}
	return out, len(s)
}

// asParams reads a handler's body as the action's: each property of the
// request that carries an action's parameter (message.Slug) is written
// as that parameter (slug), padded with spaces so that offsets and
// lines stay, so a path parameter that reaches a lookup is seen there.
func asParams(body string, hm *method, carried map[string]string) string {
	if len(carried) == 0 || len(hm.params) == 0 {
		return body
	}
	msg := regexp.QuoteMeta(hm.params[0].name)
	for _, prop := range slices.Sorted(maps.Keys(carried)) {
		name := carried[prop]
		re := regexp.MustCompile(`\b` + msg + `\s*\.\s*` + regexp.QuoteMeta(prop) + `\b`)
		body = re.ReplaceAllStringFunc(body, func(m string) string {
			if len(m) < len(name) || strings.Contains(m, "\n") {
				return m
			}
			return strings.Repeat(" ", len(m)-len(name)) + name
		})
	}
	return body
}

// requestName is the full name of the request type a handler class
// names: a bare name is its sibling in the class the handler is nested
// in (Delete { record Command; class Handler : IRequestHandler<Command> }).
func requestName(h *class, t string) string {
	if !strings.Contains(t, ".") {
		t = strings.Join(append(slices.Clone(h.outer), t), ".")
	}
	return strings.TrimPrefix(h.ns+"."+t, ".")
}

// varType is the type of a dispatched variable: the action's parameter
// of that name, or what the code news up into it.
func varType(code string, ps []param, name string) string {
	for _, p := range ps {
		if p.name == name {
			return strings.TrimSuffix(p.typ, "?")
		}
	}
	if m := regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `\s*=\s*new\s+([\w.]+)`).FindStringSubmatch(code); m != nil {
		return m[1]
	}
	return ""
}

// app is the settings of the project a file belongs to: the Program.cs
// (or Startup.cs) nearest above it.
type app struct {
	policies                              map[string]string
	fallback, filter, controllersAuth     string
	fallbackAt, filterAt, controllersAtAt facts.Evidence
	conventional                          []string
	pathBase                              string
	antiforgery                           string
}

// appOf gathers the settings of the files in p's folder and above; a
// setting in a sibling project does not apply.
func (ix *index) appOf(p string) *app {
	a := &app{policies: map[string]string{}}
	for _, f := range ix.files {
		d := path.Dir(f.path)
		if d != "." && !strings.HasPrefix(p, d+"/") {
			continue
		}
		for k, v := range f.policies {
			a.policies[k] = v
		}
		if f.fallback != "" {
			a.fallback, a.fallbackAt = f.fallback, facts.Evidence{File: f.path, Line: f.at["fallback"]}
		}
		if f.filter != "" {
			a.filter, a.filterAt = f.filter, facts.Evidence{File: f.path, Line: f.at["filter"]}
		}
		if f.controllersAuth != "" {
			a.controllersAuth, a.controllersAtAt = f.controllersAuth, facts.Evidence{File: f.path, Line: f.at["controllers"]}
		}
		a.conventional = append(a.conventional, f.conventional...)
		if f.pathBase != "" {
			a.pathBase = f.pathBase
		}
		if f.antiforgery != "" {
			a.antiforgery = f.antiforgery
		}
	}
	return a
}

// demands is what a policy's code demands of the caller: "" when it lets
// an anonymous caller through (RequireAssertion(_ => true)), else what
// it requires.
var (
	demandsCaller = regexp.MustCompile(`RequireAuthenticatedUser\(|RequireRole\(|RequireClaim\(|RequireUserName\(|AddRequirements\(|Requirements\.Add\(|\.User\b|\.Identity\b|AddAuthenticationSchemes\(`)
	roleArg       = regexp.MustCompile(`RequireRole\(\s*"([^"]+)"`)
)

// policyGuard is a guard for a policy by name ("" for the default
// policy, which requires an authenticated user). ok is false when the
// policy demands nothing of the caller.
func (a *app) policyGuard(name, what string, at facts.Evidence) (router.Guard, bool) {
	g := router.Guard{Name: what, Applied: at}
	if name == "" || strings.HasPrefix(name, "\x00") {
		code := strings.TrimPrefix(name, "\x00")
		if code != "" && !demandsCaller.MatchString(code) {
			return g, false
		}
		g.Verdict = router.Verdict{Auth: facts.AuthRequired, Evidence: "ASP.NET Core's authorization middleware challenges (401) a caller the default policy does not authenticate"}
		if m := roleArg.FindStringSubmatch(code); m != nil {
			g.Verdict.Role = strings.ToLower(m[1])
		}
		return g, true
	}
	code, found := a.policies[name]
	if found && !demandsCaller.MatchString(code) {
		return g, false
	}
	g.Verdict = router.Verdict{Auth: facts.AuthRequired, Role: strings.ToLower(name),
		Evidence: "ASP.NET Core's authorization middleware denies a caller policy " + strconv.Quote(name) + " rejects"}
	if m := roleArg.FindStringSubmatch(code); m != nil {
		g.Verdict.Role = strings.ToLower(m[1])
	}
	return g, true
}

// authorizeAttr turns an [Authorize] attribute into a guard.
func (a *app) authorizeAttr(at attr, file string) (router.Guard, bool) {
	policy, roles := "", ""
	for i, ar := range at.args {
		switch {
		case ar.name == "Roles":
			roles = ar.str
		case ar.name == "Policy" || ar.name == "" && i == 0:
			policy = ar.str
		}
	}
	name := "[Authorize]"
	if len(at.args) > 0 {
		var parts []string
		for _, ar := range at.args {
			v := ar.text
			if ar.ok {
				v = strconv.Quote(ar.str)
			}
			if ar.name != "" {
				v = ar.name + " = " + v
			}
			parts = append(parts, v)
		}
		name = "[Authorize(" + strings.Join(parts, ", ") + ")]"
	}
	ev := facts.Evidence{File: file, Line: at.line}
	if roles != "" {
		role, _, _ := strings.Cut(roles, ",")
		return router.Guard{Name: name, Applied: ev, Verdict: router.Verdict{Auth: facts.AuthRequired, Role: strings.ToLower(strings.TrimSpace(role)),
			Evidence: "ASP.NET Core denies a caller without role " + strings.TrimSpace(role), Credential: schemeCredential(at)}}, true
	}
	g, ok := a.policyGuard(policy, name, ev)
	if c := schemeCredential(at); c != "" && ok {
		g.Verdict.Credential = c
	}
	return g, ok
}

// schemeCredential is where the schemes an [Authorize] names take the
// caller's credential from: only bearer schemes (JwtBearerDefaults,
// "Bearer") read the Authorization header, which no cross-site form
// sends; a cookie scheme reads the cookie. "" when it names none.
func schemeCredential(at attr) string {
	for _, ar := range at.args {
		if ar.name != "AuthenticationSchemes" {
			continue
		}
		v := cmp.Or(ar.str, ar.text)
		switch {
		case strings.Contains(v, "Cookie") || strings.Contains(v, "Identity."):
			return facts.CredentialCookie
		case strings.Contains(v, "Bearer"):
			return facts.CredentialHeader
		}
	}
	return ""
}

// globalGuards are the guards every controller action or endpoint
// without its own authorization metadata gets: the fallback policy, a
// global AuthorizeFilter (controllers only), RequireAuthorization on
// MapControllers (controllers only).
func (a *app) globalGuards(controller bool) []router.Guard {
	var out []router.Guard
	if a.fallback != "" && demandsCaller.MatchString(a.fallback) {
		out = append(out, router.Guard{Name: "FallbackPolicy", Applied: a.fallbackAt,
			Verdict: router.Verdict{Auth: facts.AuthRequired, Evidence: "the fallback policy requires an authenticated user wherever no [Authorize] or [AllowAnonymous] is set"}})
	}
	if controller && a.filter != "" && (demandsCaller.MatchString(a.filter) || !strings.Contains(a.filter, "(") || strings.HasSuffix(strings.TrimSpace(a.filter), "()")) {
		out = append(out, router.Guard{Name: "AuthorizeFilter", Applied: a.filterAt,
			Verdict: router.Verdict{Auth: facts.AuthRequired, Evidence: "a global AuthorizeFilter authorizes every controller action"}})
	}
	if controller && a.controllersAuth != "" {
		if g, ok := a.policyGuard(strings.TrimPrefix(a.controllersAuth, "\x00policy:"), "MapControllers().RequireAuthorization()", a.controllersAtAt); ok {
			if !strings.HasPrefix(a.controllersAuth, "\x00policy:") {
				g, ok = a.policyGuard("", "MapControllers().RequireAuthorization()", a.controllersAtAt)
				_ = ok
			}
			out = append(out, g)
		}
	}
	return out
}

// authorized are the guards of an endpoint's [Authorize] attributes
// (written in file) and the app's global guards (a controller's: true
// for an action); the fallback policy applies only where no
// authorization metadata is set.
func (a *app) authorized(attrs []attr, file string, controller, metadata bool) []router.Guard {
	var gs []router.Guard
	for _, at := range attrs {
		if at.name != "Authorize" {
			continue
		}
		if g, ok := a.authorizeAttr(at, file); ok {
			gs = append(gs, g)
		}
	}
	for _, g := range a.globalGuards(controller) {
		if g.Name == "FallbackPolicy" && metadata {
			continue
		}
		gs = append(gs, g)
	}
	return gs
}

func has(attrs []attr, names ...string) bool {
	return slices.ContainsFunc(attrs, func(a attr) bool { return slices.Contains(names, a.name) })
}

// base is a class's base class in the tree.
func (ix *index) base(c *class) *class {
	if c.base == "" {
		return nil
	}
	if cs := ix.classes[c.base]; len(cs) > 0 && cs[0] != c {
		return cs[0]
	}
	return nil
}

// lineage is c and its base classes in the tree, c first.
func (ix *index) lineage(c *class) []*class {
	out := []*class{c}
	for b := ix.base(c); b != nil && len(out) < 8; b = ix.base(b) {
		out = append(out, b)
	}
	return out
}

// isController says c is a controller: [ApiController] or [Controller]
// on it or a base, a name ending in Controller, or a base class the
// framework's (Controller, ControllerBase) or one that is.
func (ix *index) isController(c *class) bool {
	if has(c.attrs, "NonController") {
		return false
	}
	for _, k := range ix.lineage(c) {
		if has(k.attrs, "ApiController", "Controller") {
			return true
		}
		if k.base == "Controller" || k.base == "ControllerBase" || k.base == "ApiController" {
			return true
		}
	}
	// A POCO controller: public, named ...Controller, routed by
	// attributes.
	return strings.HasSuffix(c.name, "Controller") && (c.base != "" || has(c.attrs, "Route") ||
		slices.ContainsFunc(c.methods, func(m *method) bool { v, r := attrTemplates(m.attrs); return len(v)+len(r) > 0 }))
}

var httpAttrs = map[string]string{
	"HttpGet": "GET", "HttpPost": "POST", "HttpPut": "PUT", "HttpDelete": "DELETE", "HttpPatch": "PATCH",
	"HttpHead": "HEAD", "HttpOptions": "OPTIONS",
}

// template is one route template an attribute gives.
type template struct {
	method string
	path   string
	set    bool // a template was written
}

func attrTemplates(attrs []attr) (verbs []template, routes []string) {
	for _, a := range attrs {
		if m, ok := httpAttrs[a.name]; ok {
			t := template{method: m}
			for i, ar := range a.args {
				if (ar.name == "" && i == 0 || ar.name == "template" || ar.name == "Template") && ar.ok {
					t.path, t.set = ar.str, true
				}
			}
			verbs = append(verbs, t)
		}
		if a.name == "AcceptVerbs" {
			var tpl string
			set := false
			for _, ar := range a.args {
				if ar.name == "Route" {
					tpl, set = ar.str, true
				}
			}
			for _, ar := range a.args {
				if ar.name == "" && ar.ok {
					for _, v := range strings.Split(ar.str, ",") {
						verbs = append(verbs, template{method: strings.ToUpper(strings.TrimSpace(v)), path: tpl, set: set})
					}
				}
			}
		}
		if a.name == "Route" && len(a.args) > 0 && a.args[0].ok {
			routes = append(routes, a.args[0].str)
		}
	}
	return verbs, routes
}

func (ix *index) controllers(out *detector.Sink) {
	for _, f := range ix.files {
		for _, c := range f.classes {
			if !ix.isController(c) || strings.HasPrefix(c.name, "Abstract") {
				continue
			}
			ix.controller(out, c)
		}
	}
}

func (ix *index) controller(out *detector.Sink, c *class) {
	a := ix.appOf(c.file)
	var classRoutes []string
	area := ""
	var classAuth []attr
	anonClass := false
	for _, k := range ix.lineage(c) {
		_, rs := attrTemplates(k.attrs)
		if len(classRoutes) == 0 {
			classRoutes = rs
		}
		for _, at := range k.attrs {
			switch at.name {
			case "Area":
				if area == "" && len(at.args) > 0 {
					area = at.args[0].str
				}
			case "Authorize":
				classAuth = append(classAuth, at)
			case "AllowAnonymous":
				anonClass = true
			}
		}
	}
	ctrl := strings.TrimSuffix(c.name, "Controller")
	for _, k := range ix.lineage(c) {
		for _, m := range k.methods {
			if !m.public || m.static || has(m.attrs, "NonAction") || k != c && !has(m.attrs, "HttpGet", "HttpPost", "HttpPut", "HttpDelete", "HttpPatch", "Route") {
				continue
			}
			verbs, routes := attrTemplates(m.attrs)
			action := strings.TrimSuffix(m.name, "Async")
			for _, at := range m.attrs {
				if at.name == "ActionName" && len(at.args) > 0 {
					action = at.args[0].str
				}
			}
			var paths []template
			switch {
			case len(verbs) > 0 || len(routes) > 0:
				if len(verbs) == 0 {
					verbs = []template{{method: "ANY"}}
				}
				for _, v := range verbs {
					tpls := []string{v.path}
					if !v.set && len(routes) > 0 {
						tpls = routes
					}
					for _, t := range tpls {
						if len(classRoutes) == 0 && !v.set && len(routes) == 0 {
							// [HttpPost] on a conventionally routed action.
							for _, p := range conventional(a.conventional, m) {
								paths = append(paths, template{method: v.method, path: p})
							}
							continue
						}
						for _, p := range combine(classRoutes, t) {
							paths = append(paths, template{method: v.method, path: p})
						}
					}
				}
			case len(classRoutes) > 0:
				// An action with no template of its own answers at the
				// controller's, when that names the action.
				for _, cr := range classRoutes {
					if strings.Contains(cr, "[action]") {
						paths = append(paths, template{method: "ANY", path: cr})
					}
				}
			default:
				for _, p := range conventional(a.conventional, m) {
					paths = append(paths, template{method: "GET", path: p})
				}
			}
			for _, p := range paths {
				full := strings.NewReplacer("[controller]", ctrl, "[action]", action, "[area]", area).Replace(p.path)
				full = strings.ReplaceAll(full, "{controller}", ctrl)
				full = strings.ReplaceAll(full, "{action}", action)
				ix.emitAction(out, a, k, m, p.method, joinPath(a.pathBase, full), classAuth, anonClass)
			}
		}
	}
}

// combine joins a controller's templates with an action's: an action's
// template that starts with / or ~/ stands alone.
func combine(classRoutes []string, t string) []string {
	if strings.HasPrefix(t, "/") || strings.HasPrefix(t, "~/") || len(classRoutes) == 0 {
		return []string{strings.TrimPrefix(t, "~")}
	}
	out := make([]string, 0, len(classRoutes))
	for _, c := range classRoutes {
		out = append(out, joinPath(c, t))
	}
	return out
}

// conventionalSeg is a conventional pattern's segment: {name=default} or
// {name?}.
var conventionalSeg = regexp.MustCompile(`^\{(\w+)(=[^}]*)?(\?)?\}$`)

// conventional is where a conventional route pattern serves an action:
// /Controller/Action, with an {id} the action takes a parameter for.
func conventional(patterns []string, m *method) []string {
	if len(patterns) == 0 {
		return nil
	}
	var out []string
	for _, p := range patterns {
		var segs []string
		for _, s := range strings.Split(strings.Trim(p, "/"), "/") {
			sm := conventionalSeg.FindStringSubmatch(s)
			if sm == nil {
				segs = append(segs, s)
				continue
			}
			switch sm[1] {
			case "controller", "action":
				segs = append(segs, "{"+sm[1]+"}")
			default:
				optional := sm[2] != "" || sm[3] != ""
				if optional && !slices.ContainsFunc(m.params, func(pp param) bool { return strings.EqualFold(pp.name, sm[1]) }) {
					continue
				}
				segs = append(segs, "{"+sm[1]+"}")
			}
		}
		out = append(out, strings.Join(segs, "/"))
	}
	return out
}

// routeParam is an ASP.NET Core route parameter: {id:int}, {id?},
// {*slug}, {**path}, {id=5}.
var routeParam = regexp.MustCompile(`\{\*{0,2}([A-Za-z_][A-Za-z0-9_]*)((?::[^{}]*(?:\{[^{}]*\})?[^{}]*)*)?\??(=[^}]*)?\}`)

func normalize(p string) (string, map[string]string) {
	types := map[string]string{}
	p = routeParam.ReplaceAllStringFunc(p, func(s string) string {
		sm := routeParam.FindStringSubmatch(s)
		cons := sm[2]
		switch {
		case strings.Contains(cons, ":int") || strings.Contains(cons, ":long"):
			types[sm[1]] = facts.TypeInt
		case strings.Contains(cons, ":guid"):
			types[sm[1]] = facts.TypeUUID
		case cons != "":
			types[sm[1]] = facts.TypeString
		}
		return "{" + sm[1] + "}"
	})
	p = strings.ReplaceAll(p, "?}", "}")
	return urlpath.Normalize(p), types
}

// paramTypes types path parameters from an action's signature.
func paramTypes(types map[string]string, ps []param) {
	for _, p := range ps {
		if _, ok := types[p.name]; ok {
			continue
		}
		switch strings.TrimSuffix(p.typ, "?") {
		case "int", "long", "short", "uint", "ulong":
			types[p.name] = facts.TypeInt
		case "Guid":
			types[p.name] = facts.TypeUUID
		case "string":
			types[p.name] = facts.TypeString
		}
	}
}

func (ix *index) emitAction(out *detector.Sink, a *app, c *class, m *method, verb, p string, classAuth []attr, anonClass bool) {
	full, types := normalize(p)
	paramTypes(types, m.params)
	r := facts.Route{Method: verb, Path: full, Framework: "aspnetcore", File: c.file, Line: m.line, EndLine: m.endLine,
		Handler: c.name + "." + m.name, Body: m.body, HandlerFile: c.file, HandlerLine: m.line}
	// An action that hands its request to a mediator runs the request's
	// handler: the route is read where that code is (its checks of the
	// caller, its writes, its sinks), as a minimal API's method group is.
	// The action's own code still counts for the auth decision.
	action := m.body
	ix.dispatched(&r, c.ns, m.body, m.params)
	var gs []router.Guard
	anon := has(m.attrs, "AllowAnonymous") || anonClass && !has(m.attrs, "Authorize")
	metadata := anon || len(classAuth) > 0 || has(m.attrs, "Authorize")
	if !anon {
		gs = a.authorized(append(slices.Clone(classAuth), m.attrs...), c.file, true, metadata)
	}
	// The anti-forgery check, on the action, its controller or as a
	// global filter, is named in the route's middleware: the CSRF rule
	// reads it there. [IgnoreAntiforgeryToken] on the action turns it off.
	if !has(m.attrs, "IgnoreAntiforgeryToken") {
		if at, ok := antiforgeryAttr(m.attrs); ok {
			r.Middleware = append(r.Middleware, "["+at+"]")
		} else if at, ok := antiforgeryAttr(c.attrs); ok && !has(c.attrs, "IgnoreAntiforgeryToken") {
			r.Middleware = append(r.Middleware, "["+at+"]")
		} else if a.antiforgery != "" {
			r.Middleware = append(r.Middleware, a.antiforgery)
		}
	}
	ix.emit(out, r, gs, types, "[AllowAnonymous]", anon, action)
}

// antiforgeryAttr finds an attribute that checks the anti-forgery token
// of the requests it covers.
func antiforgeryAttr(attrs []attr) (string, bool) {
	for _, a := range attrs {
		if a.name == "ValidateAntiForgeryToken" || a.name == "AutoValidateAntiforgeryToken" {
			return a.name, true
		}
	}
	return "", false
}

// antiforgeryFilter is MVC's global filter that checks the anti-forgery
// token of unsafe requests.
var antiforgeryFilter = regexp.MustCompile(`\b(?:AutoValidateAntiforgeryToken|ValidateAntiForgeryToken)(?:Attribute)?\b`)

// emit decides a route's auth and adds it; also is code that runs
// before the handler's (an action that dispatches to it), read with it.
func (ix *index) emit(out *detector.Sink, r facts.Route, gs []router.Guard, types map[string]string, anonName string, anon bool, also ...string) {
	if anon {
		r.Middleware = append(r.Middleware, anonName)
	}
	for _, g := range gs {
		r.Middleware = append(r.Middleware, g.Name)
	}
	r.Params = route.Params(r.Path, types)
	code := string(lang.StripComments(lang.CSharp, []byte(strings.Join(append(also, r.Body), "\n"))))
	if forbids.MatchString(code) {
		gs = append(gs, router.Guard{Text: "handler returns Forbid()/Challenge()", Applied: facts.Evidence{File: r.File, Line: r.Line},
			Verdict: router.Verdict{Auth: facts.AuthRequired, Evidence: "the handler answers a caller who fails its test of the user with Forbid() or Challenge()"}})
	}
	dec := route.DecidePath(ix.taught, gs, code, r.File+":"+strconv.Itoa(r.Line), r.Path, true, ix.lookup)
	r.Auth, r.AuthEvidence, r.AuthRole = dec.Auth, dec.Evidence, dec.Role
	if r.Auth == facts.AuthRequired {
		r.Credential = credential(gs)
	}
	if anon && r.Auth == facts.AuthNone {
		r.AuthEvidence = anonName + " lets anonymous callers in"
	}
	route.Classify(&r, vocab)
	out.AddRoute(r)
}

// credential is where a route's guards take the caller's credential
// from: a header only when a guard names a bearer scheme and none a
// cookie one.
func credential(gs []router.Guard) string {
	out := ""
	for _, g := range gs {
		switch g.Verdict.Credential {
		case facts.CredentialCookie:
			return facts.CredentialCookie
		case facts.CredentialHeader:
			out = facts.CredentialHeader
		}
	}
	return out
}

// forbids is a handler that turns away a caller its test of the user
// fails: if (!User.IsInRole("Admin")) return Forbid();
var forbids = regexp.MustCompile(`if\s*\([^)]*\bUser\b[^)]*\)[^;{]*\{?\s*return\s+(?:Forbid|Challenge)\(`)

var vocab = route.Vocabulary{
	Upload:     []string{"IFormFile", "Request.Form.Files", "MultipartReader"},
	UploadBody: regexp.MustCompile(`\bIFormFile\b|\.Form\.Files\b`),
}

func (ix *index) lookup(name string) (code, defined string, ok bool) {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	ms := ix.methods[name]
	if len(ms) != 1 {
		return "", "", false
	}
	c := ix.owner[ms[0]]
	return ms[0].body, c.file + ":" + strconv.Itoa(ms[0].line), true
}

// staticMounts adds a GET surface for each UseStaticFiles, tagged static,
// with the folder it serves: the scan lists the files in it. Static files
// are answered by their middleware with no authorization, whatever the
// endpoints' policies say.
func (ix *index) staticMounts(out *detector.Sink) {
	for _, f := range ix.files {
		a := ix.appOf(f.path)
		for _, st := range f.statics {
			p := joinPath(a.pathBase, st.path)
			r := facts.Route{Method: "GET", Path: path.Join("/", p, "{filename}"), Framework: "aspnetcore", File: f.path, Line: st.line, EndLine: st.line,
				Handler: "UseStaticFiles", Body: st.text, Auth: facts.AuthNone, Tags: []string{facts.TagStatic}}
			if st.dir != "" {
				r.Served = &facts.Served{Dir: st.dir}
			}
			out.AddRoute(r)
		}
	}
}

// minimal adds the minimal API endpoints.
func (ix *index) minimal(out *detector.Sink) {
	for _, f := range ix.files {
		a := ix.appOf(f.path)
		for _, mp := range f.maps {
			prefix := ""
			var auth []authCall
			seen := map[string]bool{}
			for on := mp.on; on != "" && !seen[on]; {
				seen[on] = true
				g := f.groups[on]
				if g == nil {
					break
				}
				prefix = joinPath(g.prefix, prefix)
				auth = append(slices.Clone(g.auth), auth...)
				on = g.parent
			}
			for _, g := range mp.inline {
				prefix = joinPath(prefix, g.prefix)
				auth = append(auth, g.auth...)
			}
			auth = append(auth, mp.auth...)
			full, types := normalize(joinPath(a.pathBase, joinPath(prefix, mp.path)))
			r := facts.Route{Method: "", Path: full, Framework: "aspnetcore", File: f.path, Line: mp.line, Handler: mp.handler.name}
			var attrs []attr
			var before string // the endpoint's own code, when it hands on to a mediator's handler
			if mp.handler.body != "" {
				r.Body, r.EndLine, r.HandlerFile, r.HandlerLine = mp.handler.body, mp.handler.endLine, f.path, mp.handler.line
				attrs = mp.handler.attrs
				if ps := lambdaParams(mp.handler.body); ix.dispatched(&r, mp.ns, mp.handler.body, ps) {
					paramTypes(types, ps)
					before = mp.handler.body
				}
			} else if ms := ix.methods[mp.handler.name]; len(ms) == 1 {
				m, c := ms[0], ix.owner[ms[0]]
				r.Body, r.File, r.Line, r.EndLine, r.HandlerFile, r.HandlerLine = m.body, c.file, m.line, m.endLine, c.file, m.line
				paramTypes(types, m.params)
				attrs = m.attrs
				if ix.dispatched(&r, c.ns, m.body, m.params) {
					before = m.body
				}
			}
			// The endpoint's own call, then its groups', innermost first:
			// the last AllowAnonymous or RequireAuthorization nearest the
			// endpoint decides; AllowAnonymous wins over any.
			anon := has(attrs, "AllowAnonymous")
			var gs []router.Guard
			for _, ac := range auth {
				if !ac.require {
					anon = true
				}
			}
			if !anon {
				for _, ac := range auth {
					name := "RequireAuthorization()"
					if ac.policy != "" && !strings.HasPrefix(ac.policy, "\x00") {
						name = "RequireAuthorization(" + strconv.Quote(ac.policy) + ")"
					}
					if g, ok := a.policyGuard(ac.policy, name, facts.Evidence{File: f.path, Line: ac.line}); ok {
						gs = append(gs, g)
					}
				}
				for _, at := range attrs {
					if at.name == "Authorize" {
						if g, ok := a.authorizeAttr(at, r.File); ok {
							gs = append(gs, g)
						}
					}
				}
				if len(auth) == 0 && !has(attrs, "Authorize") {
					gs = append(gs, a.globalGuards(false)...)
				}
			}
			for _, m := range mp.methods {
				rr := r
				rr.Method = m
				ix.emit(out, rr, gs, types, "AllowAnonymous()", anon, before)
			}
		}
	}
}
