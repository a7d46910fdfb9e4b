package python

import (
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/threatmap/threatmap/internal/urlpath"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/detector/route/router"
	"github.com/threatmap/threatmap/internal/facts"
)

// django composes urlpatterns across include() chains, from each root
// URLconf (one no other includes), and expands DRF routers.
type django struct {
	ix *index
	// settingsSeen says a settings module was read, so app-wide auth
	// (login middleware, DRF default permissions) is known.
	settingsSeen bool
	defaultPerms *expr
	// permsAt is where each permission_classes list read is written.
	permsAt map[*expr]facts.Evidence
	loginMW string
	routers map[string][]registration // router key → its register() calls
	out     *detector.Sink
	// graph holds the Django Ninja APIs a URLconf serves (path("api/",
	// api.urls)); it emits their routes under the URLconf's path.
	graph *graph
	// settingsMods are the settings modules read, for settings.X.
	settingsMods []*module
}

type registration struct {
	mod     *module
	prefix  *expr
	viewset *expr
}

// djangoCtx is what a URLconf passes down to what it includes.
type djangoCtx struct {
	prefix string
	types  map[string]string
	chain  guards
	depth  int
	// lookup is a DRF router's detail param: its type is not declared.
	lookup string
}

func newDjango(ix *index, g *graph) *django {
	return &django{ix: ix, routers: map[string][]registration{}, graph: g}
}

func (dj *django) emit(out *detector.Sink) {
	dj.out = out
	var confs []*module
	for _, m := range dj.ix.mods {
		if _, ok := m.assigns["INSTALLED_APPS"]; ok {
			dj.settings(m)
		} else if _, ok := m.assigns["ROOT_URLCONF"]; ok {
			dj.settings(m)
		}
		if _, ok := m.assigns["urlpatterns"]; ok || len(m.appends["urlpatterns"]) > 0 {
			confs = append(confs, m)
		}
		for _, c := range m.calls {
			if c.callee() != "register" || c.fn.obj == nil {
				continue
			}
			if key := dj.routerKey(m, c.fn.obj); key != "" {
				dj.routers[key] = append(dj.routers[key], registration{mod: m, prefix: c.arg(0, "prefix"), viewset: c.arg(1, "viewset")})
			}
		}
	}
	included := map[*module]bool{}
	for _, m := range confs {
		for _, p := range dj.patterns(m, nil) {
			if p.kind != exCall || !isPathCall(p.callee()) {
				continue
			}
			if inc := p.arg(1, "view"); inc != nil && inc.kind == exCall && inc.callee() == "include" {
				if target, _ := dj.includeTarget(m, inc); target != nil && target != m {
					included[target] = true
				}
			}
		}
	}
	for _, m := range confs {
		if !included[m] {
			dj.walk(m, dj.patterns(m, nil), djangoCtx{types: map[string]string{}}, map[*module]bool{m: true})
		}
	}
}

func (dj *django) settings(m *module) {
	dj.settingsSeen = true
	dj.settingsMods = append(dj.settingsMods, m)
	if rf, ok := m.assigns["REST_FRAMEWORK"]; ok && rf.kind == exDict {
		if v, ok := rf.kw["DEFAULT_PERMISSION_CLASSES"]; ok {
			dj.defaultPerms = v
			dj.notePerms(m, v)
		}
	}
	for _, mw := range dj.ix.strs(m, m.assigns["MIDDLEWARE"]) {
		low := strings.ToLower(mw)
		if strings.Contains(low, "loginrequired") || strings.Contains(low, "login_required") {
			dj.loginMW = mw
		}
	}
}

func isPathCall(name string) bool { return name == "path" || name == "re_path" || name == "url" }

// wrapsPatterns says a call's arguments are URL patterns themselves.
func wrapsPatterns(name string) bool {
	return name == "format_suffix_patterns" || name == "i18n_patterns"
}

// patterns lists a URLconf's entries: urlpatterns, its += additions,
// and lists spliced in with * or +.
func (dj *django) patterns(m *module, list *expr) []*expr {
	var src []*expr
	if list != nil {
		src = []*expr{list}
	} else {
		src = append([]*expr{m.assigns["urlpatterns"]}, m.appends["urlpatterns"]...)
	}
	var out []*expr
	var flat func(e *expr, depth int)
	flat = func(e *expr, depth int) {
		if e == nil || depth > 8 {
			return
		}
		switch e.kind {
		case exList, exAdd:
			for _, it := range e.items {
				flat(it, depth+1)
			}
		case exSplat:
			flat(e.obj, depth+1)
		case exCall:
			if wrapsPatterns(e.callee()) {
				for _, it := range e.items {
					flat(it, depth+1)
				}
				return
			}
			out = append(out, e)
		case exAttr:
			out = append(out, e) // router.urls
		case exName:
			if s := dj.ix.resolve(m, e); s.value != nil && s.value != e && s.mod == m {
				flat(s.value, depth+1)
			}
		}
	}
	for _, e := range src {
		flat(e, 0)
	}
	return out
}

// includeTarget resolves include("app.urls"), include(module),
// include(("app.urls", "ns")): the URLconf module it names, or an inline
// list of patterns, or a router's urls.
func (dj *django) includeTarget(m *module, inc *expr) (*module, *expr) {
	arg := inc.arg(0, "arg")
	if arg != nil && arg.kind == exList && len(arg.items) > 0 && arg.items[0].kind != exCall {
		arg = arg.items[0] // (module, app_name)
	}
	if arg == nil {
		return nil, nil
	}
	if s, ok := dj.ix.str(m, arg); ok {
		return dj.ix.module(m, s), nil
	}
	switch arg.kind {
	case exList:
		return nil, arg
	case exAttr:
		if arg.name == "urls" && dj.routerKey(m, arg.obj) != "" {
			return nil, arg
		}
	}
	if s := dj.ix.resolve(m, arg); s.isModule && s.mod != nil {
		return s.mod, nil
	} else if s.value != nil && s.value.kind == exList {
		return nil, s.value
	}
	return nil, nil
}

// routerKey names the DRF router an expression refers to, or "".
func (dj *django) routerKey(m *module, e *expr) string {
	s := dj.ix.resolve(m, e)
	if s.value == nil || s.value.kind != exCall || s.mod == nil {
		return ""
	}
	c := dj.ix.resolve(s.mod, s.value.fn)
	if drfRouter(c) {
		return s.mod.path + "#" + s.name
	}
	if c.cls != nil {
		// class CustomRouter(routers.DefaultRouter): the app's own
		// router registers viewsets as the one it extends does.
		for _, cm := range dj.ix.lineage(c.mod, c.cls) {
			for _, b := range cm.cls.bases {
				if drfRouter(dj.ix.resolve(cm.mod, b)) {
					return s.mod.path + "#" + s.name
				}
			}
		}
	}
	return ""
}

// drfRouter says a resolved name is one of DRF's routers.
func drfRouter(c symbol) bool {
	n := c.last()
	return c.cls == nil && (n == "DefaultRouter" || n == "SimpleRouter" || strings.HasSuffix(n, "Router") && strings.HasPrefix(c.ext, "rest_framework"))
}

func (dj *django) walk(m *module, entries []*expr, ctx djangoCtx, onPath map[*module]bool) {
	if ctx.depth > maxResolveDepth {
		return
	}
	for _, e := range entries {
		if e.kind == exAttr && e.name == "urls" {
			if key := dj.routerKey(m, e.obj); key != "" {
				dj.router(key, ctx)
			}
			continue
		}
		if e.kind == exCall && e.callee() == "static" {
			dj.static(m, e, ctx)
			continue
		}
		if e.kind != exCall || !isPathCall(e.callee()) {
			continue
		}
		raw, ok := dj.ix.str(m, e.arg(0, "route"))
		if !ok {
			continue
		}
		seg, types := raw, map[string]string{}
		if e.callee() != "path" {
			seg, types = urlpath.RegexPath(raw)
		}
		sub := djangoCtx{prefix: joinKeep(ctx.prefix, seg), types: maps.Clone(ctx.types), chain: ctx.chain, depth: ctx.depth + 1}
		maps.Copy(sub.types, types)
		view := e.arg(1, "view")
		if view == nil {
			continue
		}
		if view.kind == exCall && view.callee() == "include" {
			target, list := dj.includeTarget(m, view)
			switch {
			case target != nil && !onPath[target]:
				onPath[target] = true
				dj.walk(target, dj.patterns(target, nil), sub, onPath)
				delete(onPath, target)
			case list != nil && list.kind == exAttr:
				dj.router(dj.routerKey(m, list.obj), sub)
			case list != nil:
				dj.walk(m, dj.patterns(m, list), sub, onPath)
			}
			continue
		}
		if view.kind == exAttr && view.name == "urls" && dj.graph != nil {
			if o := dj.graph.object(m, view.obj); o != nil && o.kind == objNinja {
				o.served = append(o.served, edge{prefix: sub.prefix, chain: sub.chain})
				continue
			}
		}
		if view.kind == exAttr && view.name == "urls" && dj.adminSite(m, view.obj) {
			// Django's AdminSite lets in only active staff (has_permission):
			// its own code is the role check.
			dj.add(facts.Route{Method: "ANY", Framework: "django", File: m.path, Line: int(e.line), EndLine: int(e.line),
				Handler: exprDotted(view), Auth: facts.AuthRequired, AuthEvidence: "django admin (staff login)", AuthRole: "staff",
				Tags: []string{facts.TagAdmin}}, sub)
			continue
		}
		dj.view(m, view, int(e.line), sub)
	}
}

// static reads django.conf.urls.static's static(prefix,
// document_root=folder): a route ^prefix(?P<path>.*)$ that serves the
// folder's files, only when DEBUG is on (it returns no pattern
// otherwise), so a development surface.
func (dj *django) static(m *module, e *expr, ctx djangoCtx) {
	if s := dj.ix.resolve(m, e.fn); s.ext != "django.conf.urls.static.static" {
		return
	}
	pm, pe := dj.setting(m, e.arg(0, "prefix"))
	prefix, ok := dj.ix.str(pm, pe)
	if !ok || prefix == "" || strings.Contains(prefix, "://") {
		return // not known, or served from another host: no pattern
	}
	sub := ctx
	sub.prefix = joinKeep(ctx.prefix, strings.TrimLeft(prefix, "/")+"{path}")
	r := facts.Route{Method: "GET", Framework: "django", File: m.path, Line: int(e.line), EndLine: int(e.line),
		Handler: "django.views.static.serve", Tags: []string{facts.TagStatic}, Condition: facts.ConditionDev}
	if dm, de := dj.setting(m, e.arg(-1, "document_root")); de != nil && dj.graph != nil {
		if served := dj.graph.folder(dm, de, false); served != nil {
			served.Dotfiles = true
			r.Served = served
		}
	}
	// Django's serve view checks nobody: what guards it is the project's.
	dj.authorize(&r, m, ctx.chain, nil, false)
	dj.add(r, sub)
}

// setting is the value settings.NAME has (django.conf's settings, the
// project's settings module; the one nearest m when a tree has several),
// or e itself in m.
func (dj *django) setting(m *module, e *expr) (*module, *expr) {
	if e == nil || e.kind != exAttr || e.obj == nil || dj.ix.resolve(m, e.obj).ext != "django.conf.settings" {
		return m, e
	}
	var best *module
	for _, sm := range dj.settingsMods {
		if _, ok := sm.assigns[e.name]; ok && (best == nil || commonPrefix(sm.path, m.path) > commonPrefix(best.path, m.path)) {
			best = sm
		}
	}
	if best == nil {
		return m, e
	}
	return best, best.assigns[e.name]
}

// adminSite reports whether e is a Django admin site: django.contrib's
// admin.site, or an instance of AdminSite or of a class built on it.
// A name is not enough: website.urls may be any object's.
func (dj *django) adminSite(m *module, e *expr) bool {
	s := dj.ix.resolve(m, e)
	if s.ext != "" {
		return s.ext == "django.contrib.admin.site" || s.ext == "django.contrib.admin.sites.site"
	}
	if s.value == nil || s.value.kind != exCall {
		return false
	}
	c := dj.ix.resolve(s.mod, s.value.fn)
	if c.cls != nil {
		return slices.Contains(dj.ix.baseNames(c.mod, c.cls), "AdminSite")
	}
	return c.last() == "AdminSite" && strings.HasPrefix(c.ext, "django.contrib.admin")
}

func exprDotted(e *expr) string {
	s, _ := e.dotted()
	return s
}

// joinKeep joins Django route segments, which carry their own slashes.
func joinKeep(prefix, seg string) string { return prefix + seg }

// view adds the routes of one view: a function, a class's as_view(), or
// either wrapped in a decorator call (login_required(views.profile)).
func (dj *django) view(m *module, view *expr, line int, ctx djangoCtx) {
	if view.kind == exCall && view.callee() == "as_view" {
		s := dj.ix.resolve(m, view.fn.obj)
		if s.cls != nil {
			dj.classView(s.mod, s.cls, ctx)
			return
		}
		name := exprDotted(view.fn.obj)
		methods := genericMethods[s.last()]
		if s.last() == "" {
			methods = genericMethods[name[strings.LastIndexByte(name, '.')+1:]]
		}
		if len(methods) == 0 {
			methods = []string{"ANY"}
		}
		for _, meth := range methods {
			r := facts.Route{Method: meth, Framework: "django", File: m.path, Line: line, EndLine: line, Handler: name}
			// Django's own generic views check nothing; another package's
			// view might.
			chain := ctx.chain
			if last := s.last(); loginMixins[last] && strings.HasPrefix(s.ext, "django.contrib.auth") {
				chain = chain.plus(guards{})
				chain.add(last, last, at(m, view))
				chain.requireLast(last+" (django.contrib.auth requires login)", "")
			}
			dj.authorize(&r, m, chain, nil, false)
			if len(genericMethods[s.last()]) == 0 && r.Auth == facts.AuthNone {
				r.Auth = facts.AuthUnknown
			}
			dj.add(r, ctx)
		}
		return
	}
	if view.kind == exCall && len(view.items) > 0 {
		name, _ := decoratorName(view)
		sub := ctx
		sub.chain = ctx.chain.plus(guards{})
		sub.chain.add(name, name, at(m, view))
		dj.view(m, view.items[0], line, sub)
		return
	}
	s := dj.ix.resolve(m, view)
	if s.fn == nil {
		dj.add(facts.Route{Method: "ANY", Framework: "django", File: m.path, Line: line, EndLine: line, Handler: exprDotted(view)}, ctx)
		return
	}
	methods := []string{"ANY"}
	framework := "django"
	chain := ctx.chain
	var perms *expr
	for _, d := range s.fn.decorators {
		n, _ := decoratorName(d)
		short := n[strings.LastIndexByte(n, '.')+1:]
		switch short {
		case "api_view":
			framework = "drf"
			methods = upper(dj.ix.strs(s.mod, d.arg(0, "http_method_names")))
			if len(methods) == 0 {
				methods = []string{"GET"}
			}
			continue
		case "require_http_methods":
			methods = upper(dj.ix.strs(s.mod, d.arg(0, "request_method_list")))
			continue
		case "require_GET", "require_safe":
			methods = []string{"GET"}
			continue
		case "require_POST":
			methods = []string{"POST"}
			continue
		case "permission_classes":
			// Decided below from the classes themselves: the decorator's
			// name says nothing about whether they admit anyone.
			perms = d.arg(0, "permission_classes")
			dj.notePerms(s.mod, perms)
			continue
		}
		chain.add("@"+d.text, n, at(s.mod, d))
	}
	if framework == "drf" && perms == nil {
		perms = dj.defaultPerms
	}
	for _, meth := range methods {
		r := facts.Route{Method: meth, Framework: framework, File: s.mod.path, Line: s.fn.line, EndLine: s.fn.endLine,
			Handler: s.fn.name, Body: s.fn.source()}
		dj.authorize(&r, s.mod, chain, perms, framework == "drf")
		dj.add(r, ctx)
	}
}

// genericMethods are the HTTP methods Django's and DRF's generic views
// answer without the subclass defining them.
var genericMethods = map[string][]string{
	"TemplateView": {"GET"}, "ListView": {"GET"}, "DetailView": {"GET"}, "RedirectView": {"GET"},
	"ArchiveIndexView": {"GET"}, "YearArchiveView": {"GET"}, "MonthArchiveView": {"GET"}, "DayArchiveView": {"GET"},
	"FormView": {"GET", "POST"}, "CreateView": {"GET", "POST"}, "UpdateView": {"GET", "POST"}, "DeleteView": {"GET", "POST"},
	"LoginView": {"GET", "POST"}, "LogoutView": {"POST"}, "PasswordChangeView": {"GET", "POST"},
	"PasswordResetView": {"GET", "POST"}, "PasswordResetConfirmView": {"GET", "POST"},
	"PasswordResetDoneView": {"GET"}, "PasswordResetCompleteView": {"GET"}, "PasswordChangeDoneView": {"GET"},
	"ListAPIView": {"GET"}, "CreateAPIView": {"POST"}, "RetrieveAPIView": {"GET"}, "DestroyAPIView": {"DELETE"},
	"UpdateAPIView": {"PUT", "PATCH"}, "ListCreateAPIView": {"GET", "POST"}, "RetrieveUpdateAPIView": {"GET", "PUT", "PATCH"},
	"RetrieveDestroyAPIView": {"GET", "DELETE"}, "RetrieveUpdateDestroyAPIView": {"GET", "PUT", "PATCH", "DELETE"},
	"ObtainAuthToken": {"POST"}, "TokenObtainPairView": {"POST"}, "TokenRefreshView": {"POST"},
}

// drfBases mark a class as a DRF view.
var drfBases = map[string]bool{
	"APIView": true, "GenericAPIView": true, "ViewSet": true, "GenericViewSet": true, "ModelViewSet": true,
	"ReadOnlyModelViewSet": true, "ViewSetMixin": true,
}

// loginMixins guard every method of a class-based view.
var loginMixins = map[string]bool{
	"LoginRequiredMixin": true, "PermissionRequiredMixin": true, "UserPassesTestMixin": true,
	"StaffRequiredMixin": true, "SuperuserRequiredMixin": true,
	// django.contrib.auth decorates their dispatch with login_required.
	"PasswordChangeView": true, "PasswordChangeDoneView": true,
}

var httpVerbs = []string{"get", "post", "put", "patch", "delete"}

// classView adds a class-based view's routes: the methods it defines and
// those its generic bases answer.
func (dj *django) classView(m *module, c *class, ctx djangoCtx) {
	bases := dj.ix.baseNames(m, c)
	framework := "django"
	var methods []string
	for _, b := range bases {
		if drfBases[b] || genericMethods[b] != nil && strings.Contains(b, "API") {
			framework = "drf"
		}
		for _, meth := range genericMethods[b] {
			if !slices.Contains(methods, meth) {
				methods = append(methods, meth)
			}
		}
	}
	for _, v := range httpVerbs {
		if fn, _ := dj.ix.method(m, c, v); fn != nil && !slices.Contains(methods, strings.ToUpper(v)) {
			methods = append(methods, strings.ToUpper(v))
		}
	}
	if len(methods) == 0 {
		methods = []string{"ANY"}
	}
	chain := dj.classChain(m, c, bases, ctx.chain)
	perms, pm := dj.ix.classAttr(m, c, "permission_classes")
	dj.notePerms(pm, perms)
	if framework == "drf" && perms == nil {
		perms = dj.defaultPerms
	}
	for _, meth := range methods {
		def := strings.ToLower(meth)
		r := dj.classRoute(m, c, meth, def, framework)
		// An APIView has no self.action: only method rules can match.
		dj.authorize(&r, m, dj.methodChain(m, c, def, chain), dj.methodPerms(m, c, def, "", meth, perms), framework == "drf")
		if r.Auth == facts.AuthRequired && r.AuthRole == "" {
			r.AuthRole = dj.mixinPermission(m, c)
		}
		dj.add(r, ctx)
	}
}

// mixinPermission is the permission django.contrib.auth's permission
// mixins demand of a class-based view: PermissionRequiredMixin's
// permission_required, or "test_func" for UserPassesTestMixin with a
// test_func in the view's lineage. Only the library's mixins, imported
// from django.contrib.auth, in the view's lineage (the app's own mixin
// may extend one): a class of the app's own by that name that extends
// neither is judged by its code (classChain).
func (dj *django) mixinPermission(m *module, c *class) string {
	lineage := dj.ix.lineage(m, c)
	for _, cm := range lineage {
		for _, b := range cm.cls.bases {
			s := dj.ix.resolve(cm.mod, b)
			if s.cls != nil || !strings.HasPrefix(s.ext, "django.contrib.auth.") {
				continue
			}
			switch s.last() {
			case "PermissionRequiredMixin":
				if v, _ := dj.ix.classAttr(m, c, "permission_required"); v != nil {
					if p := strings.Trim(v.text, "()[], \"'"); p != "" {
						return p
					}
				}
			case "UserPassesTestMixin":
				for _, cm := range lineage {
					if _, ok := cm.cls.methods["test_func"]; ok {
						return "test_func"
					}
				}
			}
		}
	}
	return ""
}

// classChain is the guards a class-based view declares for every method.
func (dj *django) classChain(m *module, c *class, bases []string, outer guards) guards {
	chain := outer.plus(guards{})
	for _, b := range bases {
		if loginMixins[b] {
			chain.add(b, b, facts.Evidence{File: m.path, Line: c.line})
			chain.requireLast(b, "")
		}
	}
	// A dispatch of the app's own in the view's lineage runs before every
	// method (class StaffOnlyMixin(AccessMixin) whose dispatch returns
	// handle_no_permission() unless request.user.is_staff): judged by its code.
	for _, cm := range dj.ix.lineage(m, c) {
		if fn, ok := cm.cls.methods["dispatch"]; ok {
			chain = append(chain, router.Guard{Name: cm.cls.name, Text: cm.cls.name + ".dispatch", Source: fn.source(),
				Defined: facts.Evidence{File: cm.mod.path, Line: fn.line}, Applied: facts.Evidence{File: m.path, Line: c.line}})
		}
	}
	for _, d := range c.decorators {
		if _, only := dj.decoratedMethod(m, d); only {
			continue // @method_decorator(x, name="get"): that method's
		}
		n, _ := decoratorName(d)
		chain.add("@"+d.text, n, at(m, d))
	}
	return chain
}

// decoratedMethod reads a class decorator @method_decorator(x, name="get"):
// the one method it wraps, and whether it is for one method only
// (name="dispatch" wraps them all).
func (dj *django) decoratedMethod(m *module, d *expr) (string, bool) {
	if n, _ := decoratorName(d); n != "method_decorator" && !strings.HasSuffix(n, ".method_decorator") || d.kind != exCall {
		return "", false
	}
	name, ok := dj.ix.str(m, d.arg(-1, "name"))
	if !ok || name == "dispatch" {
		return "", false
	}
	return name, true
}

// methodChain adds to a class's guards those of one method: its own
// decorators and the class's method_decorator(..., name=method). DRF's
// @action and @permission_classes are not guards by name: their classes
// are judged in authorize (see methodPerms).
func (dj *django) methodChain(m *module, c *class, method string, chain guards) guards {
	chain = chain.plus(guards{})
	for _, d := range c.decorators {
		if name, only := dj.decoratedMethod(m, d); only && name == method {
			n, _ := decoratorName(d)
			chain.add("@"+d.text, n, at(m, d))
		}
	}
	if fn, fmod := dj.ix.method(m, c, method); fn != nil {
		for _, d := range fn.decorators {
			n, _ := decoratorName(d)
			if short := n[strings.LastIndexByte(n, '.')+1:]; short == "action" || short == "permission_classes" {
				continue
			}
			chain.add("@"+d.text, n, at(fmod, d))
		}
	}
	return chain
}

// notePerms records where a permission_classes list is written, for
// evidence.
func (dj *django) notePerms(m *module, perms *expr) {
	if e := at(m, perms); e.File != "" {
		if dj.permsAt == nil {
			dj.permsAt = map[*expr]facts.Evidence{}
		}
		dj.permsAt[perms] = e
	}
}

// methodPerms is the permission classes for one method of a class view:
// a @permission_classes([...]) on the method itself, else what
// get_permissions picks for the action and HTTP method, else perms.
func (dj *django) methodPerms(m *module, c *class, def, action, method string, perms *expr) *expr {
	if fn, fm := dj.ix.method(m, c, def); fn != nil {
		for _, d := range fn.decorators {
			if n, _ := decoratorName(d); n == "permission_classes" || strings.HasSuffix(n, ".permission_classes") {
				if p := d.arg(0, "permission_classes"); p != nil {
					perms = p
					dj.notePerms(fm, p)
				}
			}
		}
	}
	return dj.permsFor(m, c, action, method, perms)
}

// classRoute is the fact for one method of a class, pointing at the
// method's def when the class or an in-tree base defines it.
func (dj *django) classRoute(m *module, c *class, method, def, framework string) facts.Route {
	r := facts.Route{Method: method, Framework: framework, File: m.path, Line: c.line, EndLine: c.endLine,
		Handler: c.name, Body: c.source()}
	if fn, fm := dj.ix.method(m, c, def); fn != nil {
		r.File, r.Line, r.EndLine, r.Handler, r.Body = fm.path, fn.line, fn.endLine, c.name+"."+fn.name, fn.source()
	}
	return r
}

// djangoVocab: model and form file fields take files (Django's and DRF's).
var djangoVocab = route.Vocabulary{Upload: []string{"FileField", "ImageField"}}

var safeMethods = map[string]bool{"GET": true, "HEAD": true, "OPTIONS": true}

// authorize sets a Django or DRF route's auth: known login mixins and
// middleware, DRF permission classes (AllowAny and *OrReadOnly on a safe
// method admit anyone), then decorators and the body via route.AuthOf.
func (dj *django) authorize(r *facts.Route, m *module, chain guards, perms *expr, drf bool) {
	r.Middleware = chain.names()
	if g, ok := router.Required(chain); ok {
		r.Auth, r.AuthEvidence, r.AuthRole = facts.AuthRequired, g.Verdict.Evidence, g.Verdict.Role
		if w := route.Where(g); w != "" {
			r.AuthEvidence += " (" + w + ")"
		}
		if r.AuthRole == "" {
			// A later guard may demand a role (PermissionRequiredMixin,
			// then a mixin whose dispatch tests request.user.is_staff).
			r.AuthRole = dj.ix.decide(m, chain, "", "", false).Role
		}
		return
	}
	if dj.loginMW != "" {
		r.Auth, r.AuthEvidence = facts.AuthRequired, dj.loginMW
		return
	}
	complete := dj.settingsSeen
	body := r.Body
	if drf && perms != nil {
		// A class body names its permission classes; that is no check.
		body = strings.ReplaceAll(body, perms.text, "")
		for _, it := range dj.ix.listItems(m, perms) {
			a, role, why := dj.permission(m, it, r.Method)
			if a == facts.AuthRequired {
				r.Auth, r.AuthEvidence, r.AuthRole = facts.AuthRequired, "permission_classes = "+perms.text, role
				if why != "" {
					r.AuthEvidence += ": " + why
				}
				if e, ok := dj.permsAt[perms]; ok {
					r.AuthEvidence += " (applied " + e.File + ":" + strconv.Itoa(e.Line) + ")"
				}
				return
			}
			if a != facts.AuthNone {
				complete = false // a custom permission whose code is not in the tree
			}
		}
	}
	dec := dj.ix.decide(m, chain, body, r.File+":"+strconv.Itoa(r.Line), complete)
	r.Auth, r.AuthEvidence, r.AuthRole = dec.Auth, dec.Evidence, dec.Role
}

// add composes a Django route's path and params and records it.
func (dj *django) add(r facts.Route, ctx djangoCtx) {
	p, types := urlpath.Braces(urlpath.Normalize(ctx.prefix))
	for k, v := range ctx.types {
		if _, ok := types[k]; !ok {
			types[k] = v
		}
	}
	r.Path = p
	r.Params = route.Params(p, types)
	for i := range r.Params {
		if r.Params[i].Type == facts.TypeUnknown && r.Params[i].Name != ctx.lookup {
			r.Params[i].Type = facts.TypeString // Django's default converter is str
		}
	}
	if r.Auth == "" {
		r.Middleware = ctx.chain.names()
		dec := dj.ix.decide(nil, ctx.chain, r.Body, "", false)
		r.Auth, r.AuthEvidence, r.AuthRole = dec.Auth, dec.Evidence, dec.Role
	}
	route.Classify(&r, pythonVocab)
	dj.out.AddRoute(r)
}

// permission judges one item of a DRF permission_classes list for a
// method: a class by name or code, or a composition. A & B lets a caller
// through only when both do, so it requires what either requires; A | B
// requires only what both require.
func (dj *django) permission(m *module, it *expr, method string) (auth, role, why string) {
	if it.kind == exAnd || it.kind == exOr {
		a1, r1, w1 := dj.permission(m, it.items[0], method)
		a2, r2, w2 := dj.permission(m, it.items[1], method)
		if a1 != facts.AuthRequired {
			a1, r1, w1, a2, r2, w2 = a2, r2, w2, a1, r1, w1
		}
		switch {
		case it.kind == exAnd && a1 == facts.AuthRequired:
			return a1, r1, w1
		case it.kind == exOr && a1 == facts.AuthRequired && a2 == facts.AuthRequired:
			if r1 != r2 {
				r1 = ""
			}
			return a1, r1, w1
		case a1 == facts.AuthNone && (it.kind == exAnd && a2 == facts.AuthNone || it.kind == exOr):
			return facts.AuthNone, "", ""
		case it.kind == exOr && a2 == facts.AuthNone:
			return facts.AuthNone, "", ""
		}
		return facts.AuthUnknown, "", ""
	}
	name, ok := it.dotted()
	if !ok {
		name, ok = dj.ix.str(m, it)
	}
	if !ok {
		return facts.AuthUnknown, "", ""
	}
	short := name[strings.LastIndexByte(name, '.')+1:]
	switch {
	case short == "AllowAny":
		return facts.AuthNone, "", ""
	case strings.HasSuffix(short, "OrReadOnly") && safeMethods[method]:
		return facts.AuthNone, "", ""
	}
	if a, _ := route.AuthFrom([]string{short}); a == facts.AuthRequired {
		return a, route.RoleOf(short), ""
	}
	return dj.customPerm(m, it, name, method)
}

// customPerm judges a DRF permission class of the app's own by its code:
// the nearest has_permission in its lineage when one is in the tree (it
// rejects when it returns a test of the caller: request.user.is_staff,
// is_authenticated, has_perm), else the DRF class it extends
// (class ModelPerms(DjangoModelPermissions) with only a perms_map).
// Unknown when the class is not in the tree or extends none DRF knows.
func (dj *django) customPerm(m *module, it *expr, name, method string) (auth, role, why string) {
	s := dj.ix.resolve(m, it)
	if s.cls == nil && strings.Contains(name, ".") && it.kind != exName && it.kind != exAttr {
		// "api.permissions.ModelPerms" in settings: module, then class.
		i := strings.LastIndexByte(name, '.')
		s = dj.ix.member(dj.ix.moduleSymbol(m, name[:i]), name[i+1:], 0)
	}
	if s.cls == nil {
		return facts.AuthUnknown, "", ""
	}
	for _, cm := range dj.ix.lineage(s.mod, s.cls) {
		if fn, ok := cm.cls.methods["has_permission"]; ok {
			code := fn.source()
			if t := callerTest.FindString(code); t != "" && !(safeMethods[method] && readsLetThrough.MatchString(t)) {
				return facts.AuthRequired, route.RoleOf(code), s.cls.name + " (defined " + cm.mod.path + ":" + strconv.Itoa(fn.line) + ") tests the caller in has_permission"
			}
			if t, h := dj.helperTestsCaller(cm.mod, code); h != "" && !(safeMethods[method] && readsLetThrough.MatchString(t)) {
				role := route.RoleOf(t)
				if role == "" {
					role = route.RoleOf(s.cls.name) // CustomIsAdmin: the group it hands the helper
				}
				return facts.AuthRequired, role, s.cls.name + " (defined " + cm.mod.path + ":" + strconv.Itoa(fn.line) + ") tests the caller in has_permission through " + h
			}
			return facts.AuthNone, "", ""
		}
		for _, b := range cm.cls.bases {
			bs := dj.ix.resolve(cm.mod, b)
			if bs.cls != nil {
				continue // its own lineage entry follows
			}
			short := bs.last()
			if a, _ := route.AuthFrom([]string{short}); a == facts.AuthRequired {
				return facts.AuthRequired, route.RoleOf(short), s.cls.name + " (defined " + cm.mod.path + ":" + strconv.Itoa(cm.cls.line) + ") extends " + short
			}
		}
	}
	return facts.AuthUnknown, "", ""
}

// readsLetThrough is a has_permission's return that lets safe methods
// through before it tests the caller: request.method in SAFE_METHODS or
// request.user.is_staff.
var readsLetThrough = regexp.MustCompile(`\brequest\.method\b[^\n]*\bor\b`)

// callerTest is a has_permission that returns a test of the caller.
var callerTest = regexp.MustCompile(`(?m)^\s*return\b[^\n]*\brequest\.user\b[^\n]*\b(?:is_authenticated|is_staff|is_superuser|has_perms?|groups)\b`)

// helperTestsCaller finds a has_permission that returns what a function
// of the tree answers for the caller (return has_group_permission(
// request.user, ['user'])), where that function turns an anonymous
// caller down: it returns False when the parameter it is given is not
// authenticated, or returns a test of it. It gives the return statement
// and the function's name and place, or "".
func (dj *django) helperTestsCaller(m *module, code string) (stmt, helper string) {
	for _, loc := range returnStmt.FindAllStringIndex(code, -1) {
		stmt := statement(code[loc[0]:])
		for _, c := range helperCall.FindAllStringSubmatchIndex(stmt, -1) {
			name := stmt[c[2]:c[3]]
			at := argIndex(stmt[c[1]:], "request.user")
			if at < 0 {
				continue
			}
			sym := dj.ix.lookup(m, name, 0)
			if sym.fn == nil {
				continue
			}
			src := sym.fn.source()
			params := defParams.FindStringSubmatch(src)
			if params == nil {
				continue
			}
			ps := strings.Split(params[1], ",")
			if at >= len(ps) {
				continue
			}
			p := strings.TrimSpace(ps[at])
			p = strings.TrimSpace(strings.FieldsFunc(p, func(r rune) bool { return r == ':' || r == '=' })[0])
			if paramTest(p).MatchString(src) {
				return stmt, name + " (defined " + sym.mod.path + ":" + strconv.Itoa(sym.fn.line) + ")"
			}
		}
	}
	return "", ""
}

var (
	returnStmt = regexp.MustCompile(`(?m)^\s*return\b`)
	// helperCall is a call of a function by its bare name.
	helperCall = regexp.MustCompile(`(?:^|[^\w.])([A-Za-z_]\w*)\(`)
	defParams  = regexp.MustCompile(`\bdef\s+\w+\s*\(([^)]*)\)`)
)

// paramTest is a function's refusal of an anonymous caller given as p:
// if not p.is_authenticated: return False, or return p.is_staff and ...
func paramTest(p string) *regexp.Regexp {
	q := regexp.QuoteMeta(p)
	return regexp.MustCompile(`(?m)^\s*if\s+(?:not\s+` + q + `\.is_authenticated|` + q + `\.is_anonymous)\b[^\n]*:\s*(?:\n\s*)?return\s+False\b` +
		`|^\s*return\b[^\n]*\b` + q + `\.(?:is_authenticated|is_staff|is_superuser|has_perms?)\b`)
}

// statement is Python code from its start to the end of its first
// logical line: past the newlines inside brackets.
func statement(code string) string {
	depth := 0
	for i := 0; i < len(code); i++ {
		switch code[i] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case '\n':
			if depth <= 0 {
				return code[:i]
			}
		}
	}
	return code
}

// argIndex is the position of the argument that is arg in a call whose
// "(" was just read, or -1.
func argIndex(rest, arg string) int {
	depth, n, start := 0, 0, 0
	for i := 0; i < len(rest); i++ {
		switch rest[i] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth == 0 {
				if strings.TrimSpace(rest[start:i]) == arg {
					return n
				}
				return -1
			}
			depth--
		case ',':
			if depth == 0 {
				if strings.TrimSpace(rest[start:i]) == arg {
					return n
				}
				n, start = n+1, i+1
			}
		}
	}
	return -1
}
