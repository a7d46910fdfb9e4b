// Package process holds the post-scan processors: what the scan does to
// the facts once every detector has finished and the sink has put them in
// order, as an ordered list (the way golangci-lint runs processors over
// its linters' issues). Detectors report every declaration they see; a
// processor decides, over the whole set, what the model keeps: one
// surface per route, a route both documented and coded merged into one,
// preflight-only methods dropped, a database that compose only declares
// folded into the one the code opens, a model declared in code and as a
// table one asset.
//
// A processor works on facts.Facts in place and keeps the order the sink
// gave each list. Adding one is a function here and a line in Default.
package process

import (
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/route/openapi"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/urlpath"
)

// A Processor rewrites the facts of a finished scan.
type Processor struct {
	Name string
	Run  func(*facts.Facts)
}

// Default is what every scan runs, in order: each step reads what the
// one before left.
var Default = []Processor{
	{"dedupe-routes", DedupeRoutes},
	{"merge-tool-routes", MergeToolRoutes},
	{"merge-spec-routes", MergeSpecRoutes},
	{"drop-options", DropOptions},
	{"fold-declared-stores", FoldDeclaredStores},
	{"merge-models", MergeModels},
	{"llm-tags", LLMTags},
	{"drop-browser-calls", DropBrowserCalls},
	{"reach-roles", ReachRoles},
}

// Run applies ps to f in order.
func Run(f *facts.Facts, ps []Processor) {
	for _, p := range ps {
		p.Run(f)
	}
}

// DedupeRoutes keeps one route per id; the sink's order puts the first
// declaration (by file and line) first, and it wins. A route declared
// twice with the same method and path in different files gets a distinct
// id so neither is lost.
func DedupeRoutes(f *facts.Facts) {
	seen := map[string]string{}
	out := f.Surfaces[:0]
	for _, r := range f.Surfaces {
		if file, ok := seen[r.ID]; ok {
			if file == r.File {
				continue
			}
			r.ID = detector.ID("route", r.Method, r.Path, r.File)
			if _, dup := seen[r.ID]; dup {
				continue
			}
		}
		seen[r.ID] = r.File
		out = append(out, r)
	}
	f.Surfaces = out
}

// routeShape keys a route by method and path with parameter names
// blanked: the spec's /posts/{postId} is the code's /posts/{postID}.
func routeShape(r facts.Route) string { return r.Method + " " + urlpath.Shape(r.Path) }

// MergeSpecRoutes keeps one surface for a route both documented in an
// OpenAPI or Swagger document and declared in code: the code's, which
// knows the handler. What only the spec knows (auth when the code's is
// unknown, parameter types, tags) is carried over. A route the code serves from
// the document (Route.Documented: connexion) replaces the document's
// operation whatever its path, and has read its security already.
func MergeSpecRoutes(f *facts.Facts) {
	rs := f.Surfaces
	code := map[string]int{}
	documented := map[facts.Evidence]int{}
	for i, r := range rs {
		if r.Framework != openapi.Framework {
			if _, ok := code[routeShape(r)]; !ok {
				code[routeShape(r)] = i
			}
			if r.Documented.File != "" {
				documented[r.Documented] = i
			}
		}
	}
	drop := map[int]bool{}
	// renamed are the dropped operations' ids a weakness may name: the
	// code's route held the same id (one method and path) when the flow
	// followed it, until DedupeRoutes told the two files apart.
	renamed := map[string]string{}
	for i, r := range rs {
		if r.Framework != openapi.Framework {
			continue
		}
		if _, ok := documented[facts.Evidence{File: r.File, Line: r.Line}]; ok {
			drop[i] = true // the code read this operation, security and all
			continue
		}
		j, ok := code[routeShape(r)]
		if !ok {
			j, ok = mountedUnder(code, r)
		}
		if !ok {
			if w := wildcardServing(rs, r); w >= 0 {
				// The code serves the spec's operations through one
				// route (a gateway mux behind /api/v1/*): its guard is
				// theirs.
				w := rs[w]
				rs[i].Auth, rs[i].AuthRole = w.Auth, w.AuthRole
				rs[i].AuthEvidence = w.AuthEvidence + " (served through " + w.Method + " " + w.Path + ", " + w.File + ")"
			}
			continue
		}
		drop[i] = true
		c := &rs[j]
		if r.ID != c.ID {
			renamed[r.ID] = c.ID
		}
		if c.Auth == facts.AuthUnknown && r.Auth != facts.AuthUnknown && r.Auth != "" {
			c.Auth, c.AuthEvidence = r.Auth, r.AuthEvidence
		}
		for _, tag := range r.Tags {
			// What the spec says a route takes (a multipart upload) the
			// code may not show.
			if !slices.Contains(c.Tags, tag) {
				c.Tags = append(c.Tags, tag)
				slices.Sort(c.Tags)
			}
		}
		if len(c.Params) == len(r.Params) {
			for k := range c.Params {
				if c.Params[k].Type == facts.TypeUnknown {
					c.Params[k].Type = r.Params[k].Type
				}
			}
		}
	}
	if len(drop) == 0 {
		return
	}
	out := rs[:0]
	for i, r := range rs {
		if !drop[i] {
			out = append(out, r)
		}
	}
	f.Surfaces = out
	for i := range f.Weaknesses {
		w := &f.Weaknesses[i]
		for k, id := range w.Routes {
			if to, ok := renamed[id]; ok {
				w.Routes[k] = to
			}
		}
		slices.Sort(w.Routes)
		w.Routes = slices.Compact(w.Routes)
	}
}

// mountedUnder finds the code's route a spec's operation documents when
// the code's router is mounted under a prefix the scan could not read (a
// catch-all page that hands every request to the router): the spec's
// path less its first segments is the code's, for a code path of two
// segments or more.
func mountedUnder(code map[string]int, r facts.Route) (int, bool) {
	segs := strings.Split(strings.Trim(r.Path, "/"), "/")
	for k := 1; len(segs)-k >= 2; k++ {
		rest := r
		rest.Path = "/" + strings.Join(segs[k:], "/")
		if j, ok := code[routeShape(rest)]; ok {
			return j, true
		}
	}
	return 0, false
}

// wildcardServing is the code's route that serves a spec's operation
// through a wildcard (ANY /api/v1/* handing every request to a gateway
// mux), when its guard is read: the longest such prefix; -1 when none.
func wildcardServing(rs []facts.Route, r facts.Route) int {
	if r.Auth != facts.AuthUnknown && r.Auth != "" {
		return -1
	}
	best, bestLen := -1, 0
	for i, c := range rs {
		if c.Framework == openapi.Framework || c.Auth != facts.AuthRequired || (c.Method != "ANY" && c.Method != r.Method) {
			continue
		}
		prefix, ok := strings.CutSuffix(c.Path, "/*")
		if !ok || prefix == "" || !strings.HasPrefix(r.Path, prefix+"/") || len(prefix) <= bestLen {
			continue
		}
		best, bestLen = i, len(prefix)
	}
	return best
}

// MergeToolRoutes keeps one surface for a route another tool found (its
// Source is set: OWASP Noir's) that the scan also found, in the code or
// in a spec: the scan's, which knows the handler. What only the tool saw
// (a guard, when the scan's auth is unknown) is carried over, and the
// tool's other routes join the map.
func MergeToolRoutes(f *facts.Facts) {
	rs := f.Surfaces
	own := map[string]int{}
	for i, r := range rs {
		if r.Source == "" {
			if _, ok := own[routeShape(r)]; !ok {
				own[routeShape(r)] = i
			}
		}
	}
	drop := map[int]bool{}
	for i, r := range rs {
		if r.Source == "" {
			continue
		}
		j, ok := own[routeShape(r)]
		if !ok {
			continue
		}
		drop[i] = true
		if c := &rs[j]; c.Auth == facts.AuthUnknown && r.Auth != facts.AuthUnknown && r.Auth != "" {
			c.Auth, c.AuthEvidence = r.Auth, r.AuthEvidence
		}
	}
	if len(drop) == 0 {
		return
	}
	out := rs[:0]
	for i, r := range rs {
		if !drop[i] {
			out = append(out, r)
		}
	}
	f.Surfaces = out
}

// DropOptions drops an OPTIONS route when another method serves the same
// path: it answers CORS preflight there, no surface of its own.
func DropOptions(f *facts.Facts) {
	served := map[string]bool{}
	for _, r := range f.Surfaces {
		if r.Method != "OPTIONS" {
			served[urlpath.Shape(r.Path)] = true
		}
	}
	out := f.Surfaces[:0]
	for _, r := range f.Surfaces {
		if r.Method == "OPTIONS" && served[urlpath.Shape(r.Path)] {
			continue
		}
		out = append(out, r)
	}
	f.Surfaces = out
}

// DropBrowserCalls drops the outbound calls made from a page's script
// (lang.Browser, as the whole tree decided): the request goes from the
// user's browser, and no data leaves the product's servers there.
func DropBrowserCalls(f *facts.Facts) {
	out := f.Exits[:0]
	for _, x := range f.Exits {
		if x.Kind == facts.ExitOutboundCall && len(x.Evidence) > 0 && f.RoleOf(x.Evidence[0].File).Kind == lang.Browser {
			continue
		}
		out = append(out, x)
	}
	f.Exits = out
}

// ReachRoles says where the sink of a weakness no route reaches runs, by
// the file's final role (facts.Facts.RoleOf: its content's and the whole
// tree's word, not only its path's): a data-flow frontend reads one file
// at a time. Served code is ReachNone; a script's sink is "script".
func ReachRoles(f *facts.Facts) {
	for i := range f.Weaknesses {
		w := &f.Weaknesses[i]
		if w.Reach == "" || w.Reach == facts.ReachRoute || len(w.Path) == 0 {
			continue
		}
		w.Reach = facts.ReachNone
		if r := f.RoleOf(w.Path[len(w.Path)-1].File); !r.Served() {
			w.Reach = r.Kind.String()
		}
	}
}

// LLMTags tags llm every route whose handler calls a model
// (facts.SignalCallsLLM): the tag says what the code does, never what it
// names.
func LLMTags(f *facts.Facts) {
	calls := map[string]bool{}
	for _, s := range f.Signals {
		if s.Kind == facts.SignalCallsLLM {
			calls[s.Route] = true
		}
	}
	for i := range f.Surfaces {
		r := &f.Surfaces[i]
		if calls[r.Key()] && !slices.Contains(r.Tags, facts.TagLLM) {
			r.Tags = append(r.Tags, facts.TagLLM)
			slices.Sort(r.Tags)
		}
	}
}
