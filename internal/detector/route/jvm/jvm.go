// Package jvm finds the HTTP routes of Java and Kotlin apps: Spring MVC
// and WebFlux controllers (@RestController, @RequestMapping and the
// @GetMapping family), Spring's functional routes (RouterFunctions,
// Kotlin's router DSL) and JAX-RS resources (@Path with @GET...);
// Micronaut controllers (micronaut.go); and the routes router DSLs
// register with calls, Ktor's, Javalin's, Spark's and Vert.x Web's
// (dsl.go and a file each).
//
// A route's auth is read from what the code does: Spring Security's
// HttpSecurity rules (first match wins), method security annotations
// where the tree enables them, a servlet filter's code, and the
// handler's own 401/403; then route.DecidePath decides, as for every
// language.
//
// Constants in paths come from any file, so Detect keeps each file's
// declarations and Finish composes the routes.
package jvm

import (
	"bytes"
	"cmp"
	"context"
	"math"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/route"
	"github.com/threatmap/threatmap/internal/detector/route/router"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/urlpath"
)

// Detector is the Java and Kotlin route detector. Use New: it keeps
// per-scan state.
type Detector struct {
	mu    sync.Mutex
	files []*file
}

// New returns a detector for one scan.
func New() *Detector { return &Detector{} }

// Name implements detector.Detector.
func (*Detector) Name() string { return "route/jvm" }

// Match takes Java and Kotlin sources that are not tests, and the build
// files that say whether Spring Boot secures the app by default.
func (*Detector) Match(p string) bool {
	if isBuildFile(p) || isAppConfig(p) || isSettings(p) || isJSP(p) || isWebXML(p) {
		return true
	}
	switch lang.Of(p) {
	case lang.Java, lang.Kotlin:
		return !lang.IsTest(p)
	}
	return false
}

// Keywords keeps the parser off files that can declare no route, guard
// or constant a path uses.
func (*Detector) Keywords() []string {
	return []string{
		"Mapping", "Controller", "@Path", "HttpSecurity", "Filter", "MethodSecurity",
		"static final", "const val", "interface", "object ", "router", "Router", "route(",
		securityStarter, "SecurityAutoConfiguration", "context-path", "base-path", "exposure", "configserver", "cloud", "EnableResourceServer", "EnableAuthorizationServer", "AuthorizationServerConfigurer", "EnableEurekaServer", "EnableHystrixDashboard", "EnableTurbine", "SpringBootApplication", "password", "Password",
		"WebServlet", "HttpServlet", "HttpSession",
		// JAX-RS roots: the Application subclass and Quarkus REST settings.
		"@ApplicationPath", "root-path", "rest.path", "resteasy",
		"io.ktor", "io.javalin", "spark.", "io.vertx", "io.micronaut", micronautSecurityDep, "intercept-url-map",
	}
}

// Exempt reads every bootstrap file: the one that names an app to its
// config server may say nothing else.
func (*Detector) Exempt(p string) bool { return isBootstrap(p) || isJSP(p) || isWebXML(p) }

// Detect parses one file and keeps its declarations for Finish.
func (d *Detector) Detect(ctx context.Context, f *detector.File, out *detector.Sink) error {
	if isJSP(f.Path) || isWebXML(f.Path) {
		m := &file{path: f.Path}
		if isJSP(f.Path) {
			m.jsp = readJSP(f.Data)
		} else {
			m.web = parseWebXML(f.Path, f.Data)
		}
		d.mu.Lock()
		d.files = append(d.files, m)
		d.mu.Unlock()
		return nil
	}
	if isAppConfig(f.Path) || isBootstrap(f.Path) {
		cp := contextPath(f.Path, f.Data)
		rp := prefixSetting(f.Path, f.Data, restKeys)
		eps, line := actuator(f.Path, f.Data)
		if isBootstrap(f.Path) {
			cp, rp, eps = "", "", nil
		}
		name := configClient(f.Path, f.Data)
		urlMap := bytes.Contains(f.Data, []byte("intercept-url-map"))
		if cp != "" || rp != "" || len(eps) > 0 || name != "" || urlMap {
			d.mu.Lock()
			d.files = append(d.files, &file{path: f.Path, contextPath: cp, restPath: rp, actuator: eps, actuatorLine: line, appName: name, mnURLMap: urlMap})
			d.mu.Unlock()
		}
		return nil
	}
	if isSettings(f.Path) {
		// A file named after an app, which a config server serves to it.
		if cp := contextPath(f.Path, f.Data); cp != "" {
			d.mu.Lock()
			d.files = append(d.files, &file{path: f.Path, contextPath: cp, served: true})
			d.mu.Unlock()
		}
		return nil
	}
	if isBuildFile(f.Path) {
		if line, mn := starterLine(f.Path, f.Data), micronautSecurityLine(f.Data); line > 0 || mn > 0 {
			d.mu.Lock()
			d.files = append(d.files, &file{path: f.Path, starter: line, mnSecurity: mn})
			d.mu.Unlock()
		}
		return nil
	}
	l := lang.Of(f.Path)
	t, err := route.Tree(ctx, f, l, d.Name(), out)
	if err != nil {
		return err
	}
	m := extract(t, f.Path, l)
	m.dsl = readDSL(f.Path, l, f.Data)
	m.micronaut = micronautImport.Match(f.Data)
	if err := ctx.Err(); err != nil {
		return err
	}
	d.mu.Lock()
	d.files = append(d.files, m)
	d.mu.Unlock()
	return nil
}

// index is every file's declarations, for Finish.
type index struct {
	files   []*file
	classes map[string][]*class
	consts  map[string]*val
	methods map[string][]*method
	// chains are the security filter chains in the order Spring tries them.
	chains  []chain
	enabled enabled
	// isSpring: the tree has a Spring controller or bean.
	isSpring bool
	filters  []router.Guard
	// servlet is what the tree's servlet web apps declare, webFilters
	// the servlet filters with the requests each runs on.
	servlet    *webApps
	webFilters []servletFilter
	// decided caches auth decisions by handler, path and guards.
	decided map[string]route.Decision
	// contextPaths are the prefixes Spring Boot serves each module's
	// controllers under, by module root.
	contextPaths map[string]string
	// restPaths are the prefixes each module's JAX-RS resources are
	// served under (@ApplicationPath, or a setting), by module root.
	restPaths map[string]string
	// bootApps are the build modules that hold a @SpringBootApplication:
	// each one a program of its own.
	bootApps map[string]bool
	// dslCalls are the calls of route-building functions by name, and
	// resources the type-safe route classes (see dsl.go).
	dslCalls  map[string][]dslCall
	resources map[string]resource
	// mnSecurity is where the build adds Micronaut Security.
	mnSecurity mnSecurity
	// befores are the before filters, and managers the access manager,
	// of each build module's DSL apps (see javalin.go).
	befores  map[string][]router.Guard
	managers map[string]router.Guard
	// dslContext is the context path a module's DSL app serves under.
	dslContext map[string]string
}

func newIndex(files []*file) *index {
	slices.SortFunc(files, func(a, b *file) int { return strings.Compare(a.path, b.path) })
	resolveComposed(files)
	ix := &index{files: files, classes: map[string][]*class{}, consts: map[string]*val{}, methods: map[string][]*method{}, bootApps: map[string]bool{}}
	added := map[string]bool{}
	for _, f := range files {
		for k, v := range f.consts {
			if _, ok := ix.consts[k]; !ok {
				ix.consts[k] = v
			}
		}
		ix.indexDSL(f)
		if f.mnSecurity > 0 && ix.mnSecurity.path == "" {
			ix.mnSecurity.path, ix.mnSecurity.line = f.path, f.mnSecurity
		}
		if f.mnURLMap && ix.mnSecurity.urlMap == "" {
			ix.mnSecurity.urlMap = f.path
		}
		for _, m := range f.funcs {
			ix.methods[m.name] = append(ix.methods[m.name], m)
		}
		for _, c := range f.classes {
			ix.isSpring = ix.isSpring || !f.micronaut && hasAnn(c.anns, "RestController", "Controller", "Configuration", "SpringBootApplication", "Component", "Service") != nil
			if hasAnn(c.anns, "SpringBootApplication") != nil {
				ix.bootApps[moduleRoot(c.file)] = true
			}
			ix.classes[c.name] = append(ix.classes[c.name], c)
			for _, m := range c.methods {
				ix.methods[m.name] = append(ix.methods[m.name], m)
				ix.methods[c.name+"."+m.name] = append(ix.methods[c.name+"."+m.name], m)
			}
		}
		ix.enabled.pre = ix.enabled.pre || f.methodSecurity.pre
		ix.enabled.secured = ix.enabled.secured || f.methodSecurity.secured
		ix.enabled.jsr250 = ix.enabled.jsr250 || f.methodSecurity.jsr250
		for _, a := range f.filtersAdded {
			added[a] = true
		}
	}
	var starter *file
	configured, excluded := false, false
	ix.contextPaths = map[string]string{}
	clients := map[string][]string{} // app name -> modules that take it from a config server
	for _, f := range files {
		if f.appName != "" {
			clients[f.appName] = append(clients[f.appName], moduleRoot(f.path))
		}
	}
	for _, f := range files {
		if f.contextPath != "" && !f.served {
			if _, ok := ix.contextPaths[moduleRoot(f.path)]; !ok {
				ix.contextPaths[moduleRoot(f.path)] = f.contextPath
			}
		}
	}
	ix.restPaths = ix.jaxrsRoots(files)
	// What a config server serves an app overrides the app's own file,
	// as Spring Cloud orders them.
	for _, f := range files {
		if !f.served {
			continue
		}
		name := strings.TrimSuffix(path.Base(f.path), path.Ext(f.path))
		for _, m := range clients[name] {
			if m != moduleRoot(f.path) {
				ix.contextPaths[m] = f.contextPath
			}
		}
	}
	for _, f := range files {
		for _, s := range f.security {
			// A method that only helps configure (no matcher, no rule)
			// is no chain of its own.
			if c := ix.chainOf(f, s); len(c.rules) > 0 || len(c.patterns) > 0 {
				ix.chains = append(ix.chains, c)
			}
		}
		configured = configured || len(f.security) > 0
		excluded = excluded || f.excludesSecurity
		if f.starter > 0 && starter == nil {
			starter = f
		}
	}
	// Spring Boot secures every request itself (login form and HTTP
	// basic) when its security starter is on the classpath and the app
	// configures no HttpSecurity of its own.
	if starter != nil && !configured && !excluded {
		ix.chains = append(ix.chains, chain{module: strings.TrimPrefix(path.Dir(starter.path), "."), rules: []rule{{any: true, access: "authenticated", matcher: securityStarter + " with no HttpSecurity configuration", file: starter.path, line: starter.starter, bootDefault: true}}})
	}
	// @EnableResourceServer adds Spring Security OAuth's resource server
	// chain: unless the module's ResourceServerConfigurerAdapter writes
	// rules of its own (a chain read above, tried first), it asks every
	// request for a bearer token. It comes last of the module's chains
	// (its order is after any WebSecurityConfigurerAdapter's).
	for _, f := range files {
		for _, c := range f.classes {
			if a := hasAnn(c.anns, "EnableResourceServer"); a != nil {
				ix.chains = append(ix.chains, chain{module: moduleRoot(c.file), order: math.MaxInt32, rules: []rule{{any: true, access: "authenticated",
					matcher: "@EnableResourceServer", file: c.file, line: a.line,
					defaultWhy: "Spring Security OAuth's resource server answers 401 to a request without a valid bearer token"}}})
			}
		}
	}
	slices.SortStableFunc(ix.chains, func(a, b chain) int { return cmp.Compare(a.order, b.order) })
	// A filter runs on every request when it is a bean (Spring Boot
	// registers every Filter bean) or a security configuration adds it.
	for _, f := range files {
		for _, c := range f.classes {
			if !c.filter || c.filterSrc == "" {
				continue
			}
			// A @WebFilter runs on the requests its patterns match (see
			// servletFilters).
			if !added[c.name] && hasAnn(c.anns, "Component", "Service", "Configuration", "Provider") == nil {
				continue
			}
			ix.filters = append(ix.filters, router.Guard{Name: c.name, Source: c.filterSrc, Defined: facts.Evidence{File: c.file, Line: c.line}})
		}
	}
	return ix
}

// securityStarter is the Spring Boot starter that puts Spring Security,
// with its secure defaults, on the classpath.
const securityStarter = "spring-boot-starter-security"

// isBuildFile says p is a Maven or Gradle build file.
func isBuildFile(p string) bool {
	switch path.Base(p) {
	case "pom.xml", "build.gradle", "build.gradle.kts":
		return true
	}
	return false
}

// xmlComment is a comment in a Maven pom.
var xmlComment = regexp.MustCompile(`(?s)<!--.*?-->`)

// starterLine is the line of a build file that depends on the security
// starter, 0 when none does (comments do not count).
func starterLine(p string, data []byte) int {
	var src []byte
	if path.Base(p) == "pom.xml" {
		src = xmlComment.ReplaceAllFunc(data, func(c []byte) []byte {
			return bytes.Map(func(r rune) rune {
				if r == '\n' {
					return r
				}
				return ' '
			}, c)
		})
	} else {
		src = lang.StripComments(lang.Kotlin, data)
	}
	i := bytes.Index(src, []byte(securityStarter))
	if i < 0 {
		return 0
	}
	return 1 + bytes.Count(src[:i], []byte("\n"))
}

// lookup finds a method by the name code calls it by, when only one
// method of the tree has that name.
func (ix *index) lookup(name string) (code, defined string, ok bool) {
	name = strings.TrimPrefix(name, "this.")
	if parts := strings.Split(name, "."); len(parts) >= 2 {
		// Class.method of the one class of that name: its overloads read
		// as one (validateAdminSession(ses) and validateAdminSession(ses,
		// token, param) make the same check).
		owner := parts[len(parts)-2]
		if ms := ix.methods[owner+"."+parts[len(parts)-1]]; len(ms) > 1 && len(ix.classes[owner]) == 1 {
			bodies := make([]string, 0, len(ms))
			for _, m := range ms {
				bodies = append(bodies, m.body)
			}
			return strings.Join(bodies, "\n"), "", true
		}
	}
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	ms := ix.methods[name]
	if len(ms) != 1 {
		return "", "", false
	}
	return ms[0].body, "", true
}

// eval is every string v can be, resolving constants.
func (ix *index) eval(f *file, owner string, v *val, depth int) ([]string, bool) {
	if v == nil || depth > 8 {
		return nil, false
	}
	switch v.kind {
	case 's':
		return []string{v.s}, true
	case 'r':
		for _, k := range []string{owner + "." + v.s, v.s} {
			if c, ok := f.consts[k]; ok {
				return ix.eval(f, owner, c, depth+1)
			}
		}
		if c, ok := ix.consts[v.s]; ok {
			return ix.eval(f, owner, c, depth+1)
		}
		if i := strings.LastIndexByte(v.s, '.'); i >= 0 {
			if c, ok := ix.consts[v.s[i+1:]]; ok {
				return ix.eval(f, owner, c, depth+1)
			}
		}
		return nil, false
	case '+':
		out := []string{""}
		for _, p := range v.parts {
			ss, ok := ix.eval(f, owner, p, depth+1)
			if !ok {
				return nil, false
			}
			var next []string
			for _, a := range out {
				for _, b := range ss {
					next = append(next, a+b)
				}
			}
			if len(next) > 64 {
				return nil, false
			}
			out = next
		}
		return out, true
	case '[':
		var out []string
		for _, p := range v.parts {
			ss, ok := ix.eval(f, owner, p, depth+1)
			if !ok {
				return nil, false
			}
			out = append(out, ss...)
		}
		return out, true
	}
	return nil, false
}

// Finish composes every controller's routes.
func (d *Detector) Finish(ctx context.Context, out *detector.Sink) error {
	d.mu.Lock()
	files := d.files
	d.files = nil
	d.mu.Unlock()
	if len(files) == 0 {
		return nil
	}
	ix := newIndex(files)
	ix.decided = map[string]route.Decision{}
	ix.servlet = ix.webApps()
	ix.webFilters = ix.servletFilters(ix.servlet)
	taught := route.TaughtFrom(ctx)
	ix.judged(taught, ix.webFilters)
	for _, f := range ix.files {
		for _, c := range f.classes {
			for _, r := range ix.classRoutes(f, c, out) {
				ix.emit(taught, r, out)
			}
		}
		for _, fr := range f.funcRoutes {
			ix.emit(taught, ix.functionalRoute(f, fr), out)
		}
		if f.dsl != nil {
			for _, r := range f.dsl.routes {
				for _, p := range ix.dslRoutes(f, r) {
					ix.emit(taught, p, out)
				}
			}
		}
		for _, c := range f.classes {
			for _, r := range ix.authServerRoutes(c) {
				ix.emit(taught, r, out)
			}
			for _, r := range opsRoutes(c) {
				ix.emit(taught, r, out)
			}
		}
		// Actuator endpoints the configuration exposes are routes Spring
		// serves itself, under the same security chains.
		for _, ep := range f.actuator {
			if ix.isSpring {
				ix.emit(taught, pending{method: "GET", path: ep, framework: "spring", file: f.path, line: f.actuatorLine, endLine: f.actuatorLine,
					handler: "Spring Boot Actuator " + ep[strings.LastIndexByte(ep, '/')+1:]}, out)
			}
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	ix.servletRoutes(taught, out)
	return nil
}

// opsServers are the Spring Cloud servers an annotation turns an app
// into, and the routes each serves itself: a Eureka registry lists every
// instance's host and port and takes registrations (a fake instance draws
// its peers' traffic); a Hystrix dashboard shows the services' metrics
// and fetches any stream URL it is given (proxy.stream?origin=); Turbine
// streams every service's metrics. None asks for a login unless the
// app's own security chain does.
var opsServers = map[string][]struct{ method, path, what string }{
	"EnableEurekaServer": {
		{"GET", "/eureka/apps", "Eureka registry: every instance"},
		{"POST", "/eureka/apps/{appId}", "Eureka registry: register an instance"},
	},
	"EnableHystrixDashboard": {
		{"GET", "/proxy.stream", "Hystrix dashboard: fetches the stream URL it is given"},
	},
	// Turbine aggregates every service's Hystrix stream into one: the
	// services' names, hosts, call rates and failures, to anyone.
	"EnableTurbineStream": {
		{"GET", "/turbine.stream", "Turbine stream: every service's Hystrix metrics"},
	},
	"EnableTurbine": {
		{"GET", "/turbine.stream", "Turbine: every service's Hystrix metrics"},
	},
}

// opsRoutes are the routes the Spring Cloud server annotations on c serve.
func opsRoutes(c *class) []pending {
	var out []pending
	for _, a := range c.anns {
		for _, r := range opsServers[a.name] {
			// Its path variables are names (an application's id).
			types := map[string]string{}
			for _, seg := range strings.Split(r.path, "/") {
				if strings.HasPrefix(seg, "{") {
					types[strings.Trim(seg, "{}")] = facts.TypeString
				}
			}
			out = append(out, pending{method: r.method, path: r.path, framework: "spring", file: c.file, line: a.line, endLine: a.line, handler: r.what, types: types})
		}
	}
	return out
}

// pending is a route before its auth is decided.
type pending struct {
	method, path, framework string
	file                    string
	line, endLine           int
	handler, body           string
	hfile                   string // where the handler is, when not at the route
	hline                   int
	types                   map[string]string
	guards                  []router.Guard
	// credentials: the handler binds the request to a class that declares
	// a password field.
	credentials bool
	// own is the guard of an endpoint a framework serves behind a
	// security chain of its own, tried before the app's chains.
	own *router.Guard
	// servletNames name a servlet route's servlet (filters map to them);
	// includes are the files a JSP includes with their code, runs those
	// it alone includes.
	servletNames []string
	includes     [][2]string
	runs         []string
}

var verbs = map[string]string{
	"GetMapping": "GET", "PostMapping": "POST", "PutMapping": "PUT", "PatchMapping": "PATCH", "DeleteMapping": "DELETE",
}

var jaxVerbs = map[string]string{
	"GET": "GET", "POST": "POST", "PUT": "PUT", "PATCH": "PATCH", "DELETE": "DELETE", "HEAD": "HEAD", "OPTIONS": "OPTIONS",
}

// classRoutes lists a controller's or resource's routes.
func (ix *index) classRoutes(f *file, c *class, out *detector.Sink) []pending {
	if f.micronaut {
		return ix.micronautRoutes(f, c, out)
	}
	spring := hasAnn(c.anns, "RestController", "Controller") != nil
	jaxrs := !spring && hasAnn(c.anns, "Path") != nil && !c.iface
	if !spring && !jaxrs {
		return nil
	}
	var rs []pending
	prefixes := []string{""}
	if spring {
		a := hasAnn(c.anns, "RequestMapping")
		if a == nil {
			// The interface a controller implements may carry the prefix.
			for _, s := range c.supers {
				for _, ic := range ix.classes[s] {
					if a == nil && ic.iface {
						a = hasAnn(ic.anns, "RequestMapping")
					}
				}
			}
		}
		if a != nil {
			if v := a.arg("", "value", "path"); v != nil {
				ps, ok := ix.eval(f, c.name, v, 0)
				if !ok {
					out.MissRoutes(f.path, a.line, 1, "route/jvm", "its path is built at run time, not from literals and constants")
					return nil
				}
				prefixes = ps
			}
		}
	} else {
		a := hasAnn(c.anns, "Path")
		ps, ok := ix.eval(f, c.name, a.arg("", "value"), 0)
		if !ok {
			out.MissRoutes(f.path, a.line, 1, "route/jvm", "its path is built at run time, not from literals and constants")
			return nil
		}
		prefixes = ps
	}
	// Mappings may be declared on an interface the controller implements.
	methods := slices.Clone(c.methods)
	for _, s := range c.supers {
		for _, ic := range ix.classes[s] {
			if !ic.iface {
				continue
			}
			for _, im := range ic.methods {
				if !slices.ContainsFunc(methods, func(m *method) bool { return m.name == im.name && mapping(m.anns) != nil }) {
					methods = append(methods, im)
				}
			}
		}
	}
	classGuards := ix.methodSecurity(c.anns, c.file)
	for _, m := range methods {
		var ms, paths []string
		framework := "spring"
		if spring {
			a := mapping(m.anns)
			if a == nil {
				continue
			}
			ms = mappingMethods(a)
			v := a.arg("", "value", "path")
			if v == nil {
				paths = []string{""}
			} else {
				ps, ok := ix.eval(f, c.name, v, 0)
				if !ok {
					out.MissRoutes(f.path, a.line, 1, "route/jvm", "its path is built at run time, not from literals and constants")
					continue
				}
				paths = ps
			}
		} else {
			framework = "jax-rs"
			for _, a := range m.anns {
				if v, ok := jaxVerbs[a.name]; ok {
					ms = append(ms, v)
				}
			}
			if len(ms) == 0 {
				continue
			}
			paths = []string{""}
			if a := hasAnn(m.anns, "Path"); a != nil {
				ps, ok := ix.eval(f, c.name, a.arg("", "value"), 0)
				if !ok {
					continue
				}
				paths = ps
			}
		}
		guards := append(slices.Clone(classGuards), ix.methodSecurity(m.anns, c.file)...)
		types := paramTypes(m)
		creds := ix.postsPassword(m, c.file)
		for _, pre := range prefixes {
			for _, p := range paths {
				for _, meth := range ms {
					rs = append(rs, pending{
						method: meth, path: urlpath.Join(pre, p), framework: framework,
						file: c.file, line: m.line, endLine: m.endLine, handler: c.name + "." + m.name, body: m.body,
						types: types, guards: guards, credentials: creds,
					})
				}
			}
		}
	}
	return rs
}

// postsPassword says a handler binds the request (its body, or its form
// as a model attribute, which Spring binds from any parameter not
// annotated otherwise) to a class of the tree that declares a password
// field: the caller posts a credential, as a login or sign-up does.
// A class of the handler's own module is preferred when several share
// the name.
func (ix *index) postsPassword(m *method, file string) bool {
	for _, p := range m.params {
		bound := hasAnn(p.anns, "RequestBody", "ModelAttribute") != nil
		if !bound && len(p.anns) > 0 {
			continue
		}
		typ := strings.TrimSpace(p.typ)
		if i := strings.IndexByte(typ, '<'); i >= 0 {
			typ = typ[:i]
		}
		typ = lastDot(strings.TrimSuffix(typ, "?"))
		cs := ix.classes[typ]
		var pick *class
		for _, c := range cs {
			if pick == nil || moduleRoot(c.file) == moduleRoot(file) {
				pick = c
			}
		}
		if pick != nil && pick.password && !pick.iface {
			return true
		}
	}
	return false
}

// mapping is a method's Spring request mapping annotation.
func mapping(anns []annot) *annot {
	for i := range anns {
		if _, ok := verbs[anns[i].name]; ok || anns[i].name == "RequestMapping" {
			return &anns[i]
		}
	}
	return nil
}

// mappingMethods are the HTTP methods a mapping serves: its verb, or
// RequestMapping's method = ..., or every method.
func mappingMethods(a *annot) []string {
	if v, ok := verbs[a.name]; ok {
		return []string{v}
	}
	m := a.arg("method")
	if m == nil {
		return []string{"ANY"}
	}
	var out []string
	var add func(v *val)
	add = func(v *val) {
		if v == nil {
			return
		}
		if v.kind == '[' {
			for _, p := range v.parts {
				add(p)
			}
			return
		}
		if v.kind == 'r' {
			if verb, ok := jaxVerbs[lastDot(v.s)]; ok && !slices.Contains(out, verb) {
				out = append(out, verb)
			}
		}
	}
	add(m)
	if len(out) == 0 {
		return []string{"ANY"}
	}
	return out
}

// paramTypes types a handler's path variables from its parameters'
// declared types.
func paramTypes(m *method) map[string]string {
	types := map[string]string{}
	for _, p := range m.params {
		a := hasAnn(p.anns, "PathVariable", "PathParam")
		if a == nil {
			continue
		}
		name := p.name
		if v := a.arg("", "value", "name"); v != nil && v.kind == 's' {
			name = v.s
		}
		types[name] = typeOf(p.typ)
	}
	return types
}

func typeOf(t string) string {
	t = strings.TrimSuffix(strings.TrimSpace(t), "?")
	switch lastDot(t) {
	case "int", "long", "short", "Int", "Long", "Short", "Integer", "BigInteger":
		return facts.TypeInt
	case "UUID":
		return facts.TypeUUID
	case "String":
		return facts.TypeString
	}
	return facts.TypeUnknown
}

// placeholder is a property placeholder with a default: ${api.base:/api}.
var placeholder = regexp.MustCompile(`\$\{[\w.-]+:([^${}]*)\}`)

// placeholders puts each property placeholder's default in its place,
// innermost first: ${server.error.path:${error.path:/error}} is /error.
func placeholders(p string) string {
	for range 4 {
		q := placeholder.ReplaceAllString(p, "$1")
		if q == p {
			break
		}
		p = q
	}
	return p
}

var vocab = route.Vocabulary{Upload: []string{"MultipartFile", "FilePart", "@RequestPart"}}

// emit decides a route's auth and adds it.
func (ix *index) emit(taught *route.Taught, p pending, out *detector.Sink) {
	path, types := urlpath.Braces(placeholders(p.path))
	path = urlpath.Normalize(path)
	for k, v := range p.types {
		if v != facts.TypeUnknown || types[k] == "" {
			types[k] = v
		}
	}
	// Spring Security matches the path within the app; the world reaches
	// it under the context path.
	public := path
	if cp := ix.contextPaths[moduleRoot(p.file)]; cp != "" && (p.framework == "spring" || p.framework == "servlet" || p.framework == "jsp" || p.framework == "jax-rs" || p.framework == "micronaut") {
		public = urlpath.Join(cp, path)
	}
	if rp := ix.restPaths[moduleRoot(p.file)]; rp != "" && p.framework == "jax-rs" {
		public = urlpath.Join(urlpath.Join(ix.contextPaths[moduleRoot(p.file)], rp), path)
	}
	r := facts.Route{
		Method: p.method, Path: public, Framework: p.framework, File: p.file, Line: p.line, EndLine: p.endLine,
		Handler: p.handler, Body: p.body, HandlerFile: p.file, HandlerLine: p.line, Runs: p.runs,
	}
	if p.hfile != "" {
		r.HandlerFile, r.HandlerLine = p.hfile, p.hline
	}
	r.Params = route.Params(path, types)
	var gs []router.Guard
	var permit *rule
	if p.own != nil {
		gs = append(gs, *p.own)
	} else {
		permit = ix.urlRule(p.method, path, moduleRoot(p.file))
	}
	if permit != nil {
		gs = append(gs, permit.guard())
	}
	gs = append(gs, ix.filters...)
	gs = append(gs, filtersFor(ix.webFilters, ix.servlet, p.file, path, p.servletNames)...)
	gs = append(gs, p.guards...)
	for _, g := range gs {
		if g.Name != "" {
			r.Middleware = append(r.Middleware, g.Name)
		}
	}
	// A handler served at several patterns, or a page for GET and POST,
	// is judged once per path.
	key := p.file + ":" + strconv.Itoa(p.line) + " " + public + " " + strings.Join(r.Middleware, ",")
	dec, ok := ix.decided[key]
	if !ok {
		dec = ix.decide(taught, gs, p, public)
		ix.decided[key] = dec
	}
	r.Auth, r.AuthEvidence, r.AuthRole = dec.Auth, dec.Evidence, dec.Role
	if r.Auth == facts.AuthNone && r.AuthEvidence == "" && permit != nil && permit.access == "permitAll" {
		r.AuthEvidence = route.Where(permit.guard())
		r.AuthEvidence = permit.name() + " (" + r.AuthEvidence + "): Spring Security lets every caller through"
	}
	if r.Auth == facts.AuthNone && r.AuthEvidence == "" && p.own != nil && p.own.Verdict.Auth == facts.AuthNone {
		r.AuthEvidence = p.own.Name + " (" + route.Where(*p.own) + "): " + p.own.Verdict.Evidence
	}
	route.Classify(&r, vocab)
	// A public POST that takes a password in its body is where
	// credentials come in: a login or a sign-up, public by design.
	if p.credentials && r.Method == "POST" && r.Auth == facts.AuthNone && !slices.Contains(r.Tags, facts.TagAuth) {
		r.Tags = append(r.Tags, facts.TagAuth)
		slices.Sort(r.Tags)
	}
	out.AddRoute(r)
}

// decide judges a route's guards and handler code; a page's included
// header that turns an anonymous caller away guards it, named in the
// evidence.
func (ix *index) decide(taught *route.Taught, gs []router.Guard, p pending, public string) route.Decision {
	dec := route.DecidePath(taught, gs, p.body, p.file+":"+strconv.Itoa(p.line), public, true, ix.lookup)
	if p.framework == "jsp" && dec.Auth == facts.AuthRequired && strings.HasSuffix(dec.Evidence, "redirects to login") && redirectsToItself(p.body, public) {
		// The login page sends callers to itself: it turns no one away.
		dec = route.Decision{Auth: facts.AuthNone}
	}
	for _, inc := range p.includes {
		if dec.Auth == facts.AuthRequired || dec.Auth == facts.AuthNone && strings.HasPrefix(dec.Evidence, route.LoginEvidence) {
			break
		}
		if d := route.DecidePath(taught, nil, inc[1], inc[0]+":1", public, false, ix.lookup); d.Auth == facts.AuthRequired {
			d.Evidence = "includes " + inc[0] + ", which " + strings.TrimPrefix(d.Evidence, "handler ("+inc[0]+":1) ")
			dec = d
		}
	}
	return dec
}
