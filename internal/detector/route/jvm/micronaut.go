package jvm

import (
	"bytes"
	"cmp"
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/route/router"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/urlpath"
)

// micronautImport is a file that uses Micronaut's HTTP annotations: its
// @Controller takes the routes' prefix, unlike Spring's.
var micronautImport = regexp.MustCompile(`\bimport\s+io\.micronaut\.`)

// micronautVerbs are Micronaut's route annotations.
var micronautVerbs = map[string]string{
	"Get": "GET", "Post": "POST", "Put": "PUT", "Patch": "PATCH", "Delete": "DELETE", "Head": "HEAD", "Options": "OPTIONS", "Trace": "TRACE",
}

// micronautSecurityDep is the build dependency that puts Micronaut
// Security in front of every route.
const micronautSecurityDep = "micronaut-security"

// micronautRoutes lists a Micronaut @Controller's routes: @Get("/x") and
// its kin, on the class or an interface it implements.
func (ix *index) micronautRoutes(f *file, c *class, out *detector.Sink) []pending {
	a := hasAnn(c.anns, "Controller")
	if a == nil || c.iface {
		return nil
	}
	prefixes := []string{"/"}
	if v := a.arg("", "value"); v != nil {
		ps, ok := ix.eval(f, c.name, v, 0)
		if !ok {
			out.MissRoutes(f.path, a.line, 1, "route/jvm", "its path is built at run time, not from literals and constants")
			return nil
		}
		prefixes = ps
	}
	methods := slices.Clone(c.methods)
	// where is the file of a method an interface declares.
	where := map[*method]string{}
	for _, s := range c.supers {
		for _, ic := range sameModule(ix.classes[s], c.file) {
			if !ic.iface {
				continue
			}
			for _, im := range ic.methods {
				if !slices.ContainsFunc(methods, func(m *method) bool { return m.name == im.name && micronautVerb(m.anns) != nil }) {
					methods = append(methods, im)
					where[im] = ic.file
				}
			}
		}
	}
	var rs []pending
	for _, m := range methods {
		va := micronautVerb(m.anns)
		if va == nil {
			continue
		}
		verb := micronautVerbs[va.name]
		if va.name == "CustomHttpMethod" {
			v := va.arg("method")
			if v == nil || v.kind != 's' {
				continue
			}
			verb = strings.ToUpper(v.s)
		}
		paths := []string{""}
		if v := va.arg("", "value", "uri", "uris"); v != nil {
			ps, ok := ix.eval(f, c.name, v, 0)
			if !ok {
				out.MissRoutes(f.path, va.line, 1, "route/jvm", "its path is built at run time, not from literals and constants")
				continue
			}
			paths = ps
		}
		guards := ix.micronautGuards(c, m, cmp.Or(where[m], c.file))
		for _, pre := range prefixes {
			for _, p := range paths {
				full := uriTemplate(urlpath.Join(pre, p))
				rs = append(rs, pending{
					method: verb, path: full, framework: "micronaut",
					file: cmp.Or(where[m], c.file), line: m.line, endLine: m.endLine, handler: c.name + "." + m.name, body: m.body,
					types: micronautTypes(m, full), guards: guards, credentials: ix.postsPassword(m, c.file),
				})
			}
		}
	}
	return rs
}

// micronautVerb is a method's Micronaut route annotation.
func micronautVerb(anns []annot) *annot {
	for i := range anns {
		if _, ok := micronautVerbs[anns[i].name]; ok || anns[i].name == "CustomHttpMethod" {
			return &anns[i]
		}
	}
	return nil
}

// uriTemplate reads an RFC 6570 template as a path: {?q,page} and
// {&x} are query parameters, {/id} an optional segment, {+rest} a
// parameter that takes slashes.
func uriTemplate(p string) string {
	p = queryTemplate.ReplaceAllString(p, "")
	p = strings.ReplaceAll(p, "{/", "/{")
	return strings.ReplaceAll(p, "{+", "{")
}

var queryTemplate = regexp.MustCompile(`\{[?&][^}]*\}`)

// micronautTypes types a route's path variables: Micronaut binds a
// parameter to the variable of its name, annotated or not.
func micronautTypes(m *method, p string) map[string]string {
	types := paramTypes(m)
	for _, prm := range m.params {
		if _, ok := types[prm.name]; !ok && strings.Contains(p, "{"+prm.name+"}") {
			types[prm.name] = typeOf(prm.typ)
		}
	}
	return types
}

// micronautGuards is what Micronaut Security decides for a route: the
// method's @Secured, @PermitAll, @RolesAllowed or @DenyAll, else the
// class's; with none, Micronaut Security (when the build has it) rejects
// the request no rule allows.
func (ix *index) micronautGuards(c *class, m *method, file string) []router.Guard {
	for _, anns := range [][]annot{m.anns, c.anns} {
		for _, a := range anns {
			g := router.Guard{Name: "@" + a.name, Text: a.text, Applied: facts.Evidence{File: file, Line: a.line}}
			switch a.name {
			case "PermitAll":
				g.Verdict = router.Verdict{Auth: facts.AuthNone, Evidence: "lets every caller through"}
			case "DenyAll":
				g.Verdict = router.Verdict{Auth: facts.AuthRequired, Evidence: "Micronaut Security answers 401/403 to every caller"}
			case "Secured", "RolesAllowed":
				var rules []string
				if v := a.arg("", "value"); v != nil {
					rules, _ = ix.eval(&file0, "", v, 0)
					if v.kind == 'r' || v.kind == '[' {
						rules = append(rules, securityRules(v)...)
					}
				}
				switch {
				case slices.ContainsFunc(rules, func(r string) bool { return r == "isAnonymous()" || r == "IS_ANONYMOUS" }):
					g.Verdict = router.Verdict{Auth: facts.AuthNone, Evidence: "lets every caller through (isAnonymous())"}
				case slices.ContainsFunc(rules, func(r string) bool { return r == "isAuthenticated()" || r == "IS_AUTHENTICATED" }) || len(rules) == 0:
					g.Verdict = router.Verdict{Auth: facts.AuthRequired, Evidence: "Micronaut Security answers 401 unless the caller is authenticated"}
				default:
					g.Verdict = router.Verdict{Auth: facts.AuthRequired, Role: springRole(rules[0]), Evidence: "Micronaut Security answers 401/403 unless the caller has " + strings.Join(rules, ", ")}
				}
			default:
				continue
			}
			return []router.Guard{g}
		}
	}
	if ix.mnSecurity.path != "" {
		g := router.Guard{Name: micronautSecurityDep, Applied: facts.Evidence{File: ix.mnSecurity.path, Line: ix.mnSecurity.line}}
		g.Verdict = router.Verdict{Auth: facts.AuthRequired, Evidence: "Micronaut Security rejects a request no @Secured or rule allows"}
		if ix.mnSecurity.urlMap != "" {
			g.Verdict = router.Verdict{Auth: facts.AuthUnknown, Evidence: "Micronaut Security's intercept-url-map (" + ix.mnSecurity.urlMap + ") may allow it"}
		}
		return []router.Guard{g}
	}
	return nil
}

// securityRules are the SecurityRule constants a reference names
// (SecurityRule.IS_AUTHENTICATED), by their last part.
func securityRules(v *val) []string {
	switch v.kind {
	case 'r':
		return []string{lastDot(v.s)}
	case '[':
		var out []string
		for _, p := range v.parts {
			out = append(out, securityRules(p)...)
		}
		return out
	}
	return nil
}

// mnSecurity is where a build adds Micronaut Security, and the
// configuration that maps URLs to rules of its own, when one does.
type mnSecurity struct {
	path   string
	line   int
	urlMap string
}

// micronautSecurityLine is the line of a build file that depends on
// Micronaut Security, 0 when none does.
func micronautSecurityLine(data []byte) int {
	i := bytes.Index(data, []byte(micronautSecurityDep))
	if i < 0 {
		return 0
	}
	return 1 + bytes.Count(data[:i], []byte("\n"))
}

// sameModule keeps the classes of file's build module when any of cs is
// in it: two services may each declare a BookApi.
func sameModule(cs []*class, file string) []*class {
	var out []*class
	for _, c := range cs {
		if moduleRoot(c.file) == moduleRoot(file) {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return cs
	}
	return out
}
