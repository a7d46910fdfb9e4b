// Package java is the data-flow frontend for Java: it lowers each method
// of a file into a flow.Func, resolves calls into the repository's own
// classes (this.m(), a static Cls.m(), a field or local typed by a class
// of the tree), and starts the engine from every Java route's handler,
// whose bound parameters (@RequestParam, @PathVariable, JAX-RS @QueryParam
// ...) and servlet request (getParameter, getHeader, getCookies) are the
// sources. Sinks, cleaners and request parts are data, in vocab.go.
package java

import (
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/flow"
	"github.com/threatmap/threatmap/internal/flow/oo"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/syntax"
)

// New returns the frontend for one scan: Detect lowers each file;
// Finish starts the engine from every Java route's handler and reports
// each sink request data reaches as a weakness on that route, and each
// injection sink only a method's parameter reaches with no route found.
func New() *oo.Detector {
	log4j := false // a build depends on a log4j-core that resolves lookups
	forms := map[string]bool{}
	return oo.NewDetector(oo.Frontend{Name: "flow/java", Lang: lang.Java, Unreached: unreachedKinds, Templates: true,
		Entry: func(r *facts.Route, best *method) flow.Entry { return entry(r, best, forms) },
		Reads: isBuildFile,
		Read:  func(_ string, data []byte) { log4j = log4j || vulnerableLog4j(data) },
		Before: func(classes []*class) {
			if !log4j {
				dropLog4Shell(classes)
			}
			for _, c := range classes {
				if len(c.Fields) > 0 {
					forms[c.Name] = true
				}
			}
			keepMassAssign(classes)
		},
		Translates: isJSP, Translate: jspJava,
		Lower: func(t *syntax.Tree, path string) []*class {
			m := &module{path: path}
			extract(t, m)
			if isJSP(path) {
				jspPage(m.classes)
			}
			return m.classes
		}})
}

// unreachedKinds are reported when only a parameter reaches them.
var unreachedKinds = map[string]bool{flow.SQLInjection: true, flow.CommandInjection: true}

// entry is the handler a route runs, with what its parameters carry;
// forms are the app's own classes with fields, which Spring MVC binds
// from the request's parameters when a handler takes one.
func entry(r *facts.Route, best *method, forms map[string]bool) flow.Entry {
	e := oo.EntryOf(r, best)
	e.Parts = fromRequest
	cp := e.Func
	jaxrs := strings.Contains(r.Framework, "jax")
	for i, pr := range best.Decls {
		if requestTypes[pr.Type] {
			e.Roles[i] = flow.RoleRequest
			continue
		}
		if src := paramSource(pr, jaxrs, r, forms); src != "" {
			cp.Params[i].Source = src
			if (src != facts.SourceBody || pr.Type == "String") && !forms[pr.Type] {
				// One named value bound (a query or form field, a
				// header), not the whole body as parsed.
				cp.Params[i].Path = "." + pr.Name
			}
		}
	}
	return e
}

// paramSource is what a handler's parameter carries, from its
// annotations and type.
func paramSource(pr param, jaxrs bool, r *facts.Route, forms map[string]bool) string {
	if scalar[pr.Type] || nonData[pr.Type] {
		return ""
	}
	for a, src := range paramSources {
		if _, ok := pr.Anns[a]; ok {
			return src
		}
	}
	if len(pr.Anns) > 0 {
		// @AuthenticationPrincipal, @Valid alone, @Context: what the
		// framework or a guard gives, unless a binding says otherwise.
		if _, ok := pr.Anns["Valid"]; !ok || len(pr.Anns) > 1 {
			return ""
		}
	}
	switch {
	case jaxrs:
		// JAX-RS: the one unannotated parameter is the entity body.
		return facts.SourceBody
	case pr.Type == "String" || pr.Type == "List" || pr.Type == "Map" || pr.Type == "MultiValueMap":
		// Spring binds a simple unannotated parameter from the query
		// or form by its name.
		if strings.Contains(r.Path, "{"+pr.Name+"}") {
			return facts.SourceParam
		}
		return facts.SourceQuery
	case pr.Type == "MultipartFile":
		return facts.SourceBody
	case forms[pr.Type]:
		// A form object with no annotation (processForm(@Valid Owner
		// owner)): Spring binds it as @ModelAttribute, every field from
		// the query or the posted form, whatever its name.
		if r.Method == "GET" {
			return facts.SourceQuery
		}
		return facts.SourceBody
	}
	return ""
}
