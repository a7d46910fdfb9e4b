// Package csharp is the data-flow frontend for C#: it lowers each method
// of a file (and each lambda given to a minimal API's Map call) into a
// flow.Func, resolves calls into the repository's own classes (its own
// methods, a field or local typed by a class or interface of the tree),
// and starts the engine from every ASP.NET Core route's handler, whose
// bound parameters ([FromBody], [FromQuery], [FromRoute], [FromForm],
// plain parameters of actions and endpoint lambdas) and request reads
// (Request.Query[...], Request.Form[...], Request.Headers[...],
// HttpContext.Request.Body) are the sources. Sinks, cleaners and request
// parts are data, in vocab.go; the class scaffolding is shared with the
// Java frontend (package oo).
package csharp

import (
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/flow"
	"github.com/threatmap/threatmap/internal/flow/oo"
	"github.com/threatmap/threatmap/internal/lang"
)

// New returns the C# frontend for one scan.
func New() *oo.Detector { return oo.NewDetector(frontend) }

var frontend = oo.Frontend{Name: "flow/csharp", Lang: lang.CSharp, Lower: extract, Entry: entry, Templates: true,
	Unreached: map[string]bool{flow.SQLInjection: true, flow.CommandInjection: true}}

// entry is the handler a route runs, with what its parameters carry.
func entry(r *facts.Route, m *oo.Method) flow.Entry {
	e := oo.EntryOf(r, m)
	e.Parts = fromRequest
	for i, pr := range m.Decls {
		if requestTypes[pr.Type] {
			e.Roles[i] = flow.RoleRequest
			continue
		}
		if src := paramSource(pr, r); src != "" {
			e.Func.Params[i].Source = src
			if src != facts.SourceBody || pr.Type == "string" {
				// One named value bound (a query or form field, a
				// header, a route value), not the whole body.
				e.Func.Params[i].Path = "." + pr.Name
			}
		}
	}
	return e
}

// paramSource is what a handler's parameter carries, from its
// attributes and type: model binding reads a simple type from the route
// or the query by its name and a complex type from the body (or the
// form); a service, a token or a scalar carries nothing a sink misreads.
func paramSource(pr oo.Param, r *facts.Route) string {
	t := strings.TrimSuffix(pr.Type, "?")
	if scalar[t] || nonData[t] {
		return ""
	}
	for a, src := range paramSources {
		if _, ok := pr.Anns[a]; ok {
			return src
		}
	}
	if _, ok := pr.Anns["FromServices"]; ok {
		return ""
	}
	if formTypes[t] {
		return facts.SourceBody
	}
	if service(t) {
		return ""
	}
	if t == "string" || t == "string[]" || strings.HasPrefix(t, "List<string") || strings.HasPrefix(t, "IEnumerable<string") {
		if strings.Contains(strings.ToLower(r.Path), "{"+strings.ToLower(pr.Name)+"}") {
			return facts.SourceParam
		}
		return facts.SourceQuery
	}
	return facts.SourceBody
}

// service reports a type the container gives a handler (an interface,
// a context, a logger), not one bound from the request.
func service(t string) bool {
	if i := strings.IndexByte(t, '<'); i >= 0 {
		t = t[:i]
	}
	if len(t) > 1 && t[0] == 'I' && t[1] >= 'A' && t[1] <= 'Z' {
		return true
	}
	for _, s := range serviceSuffixes {
		if strings.HasSuffix(t, s) {
			return true
		}
	}
	return false
}
