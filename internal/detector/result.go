package detector

import (
	"cmp"
	"maps"
	"slices"
	"sort"
	"strconv"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/redact"
	"github.com/threatmap/threatmap/internal/urlpath"
)

// Result returns the collected facts, deduplicated and in a deterministic
// order, with every list non-nil so the JSON always has every key.
func (s *Sink) Result() facts.Facts {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := facts.Facts{
		Version:        facts.SchemaVersion,
		Surfaces:       slices.Clone(s.routes),
		ThirdParties:   slices.Clone(s.thirdParties.items),
		Stores:         slices.Clone(s.stores.items),
		Assets:         slices.Clone(s.assets.items),
		Exits:          slices.Clone(s.exits.items),
		Secrets:        slices.Clone(s.secrets.items),
		Infrastructure: slices.Clone(s.infrastructure.items),
		Pipeline:       slices.Clone(s.pipeline.items),
		Credentials:    slices.Clone(s.credentials.items),
		Controls:       slices.Clone(s.controls.items),
		Weaknesses:     slices.Clone(s.weaknesses.items),
		Warnings:       slices.Clone(s.warnings),
		Signals:        slices.Clone(s.signals),
		Roles:          maps.Clone(s.roles),
	}

	slices.SortStableFunc(f.Surfaces, func(a, b facts.Route) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Method, b.Method), cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
	})
	f.Surfaces = dedupeRoutes(f.Surfaces)
	for i := range f.ThirdParties {
		f.ThirdParties[i].Evidence = sortEvidence(f.ThirdParties[i].Evidence)
		f.ThirdParties[i].Credentials = sortStrings(f.ThirdParties[i].Credentials)
	}
	slices.SortFunc(f.ThirdParties, func(a, b facts.ThirdParty) int { return cmp.Compare(a.Service, b.Service) })
	for i := range f.Stores {
		f.Stores[i].Evidence = sortEvidence(f.Stores[i].Evidence)
	}
	slices.SortFunc(f.Stores, func(a, b facts.Store) int { return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Name, b.Name)) })
	for i := range f.Assets {
		f.Assets[i].Evidence = sortEvidence(f.Assets[i].Evidence)
		f.Assets[i].Fields = sortStrings(f.Assets[i].Fields)
	}
	slices.SortFunc(f.Assets, func(a, b facts.Asset) int { return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Name, b.Name)) })
	for i := range f.Exits {
		f.Exits[i].Evidence = sortEvidence(f.Exits[i].Evidence)
	}
	slices.SortFunc(f.Exits, func(a, b facts.Exit) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), compareFirst(a.Evidence, b.Evidence), cmp.Compare(a.Detail, b.Detail))
	})
	slices.SortFunc(f.Secrets, func(a, b facts.Secret) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Rule, b.Rule))
	})
	for i := range f.Infrastructure {
		f.Infrastructure[i].Evidence = sortEvidence(f.Infrastructure[i].Evidence)
	}
	slices.SortFunc(f.Infrastructure, func(a, b facts.Infrastructure) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), compareFirst(a.Evidence, b.Evidence), cmp.Compare(a.Detail, b.Detail))
	})
	for i := range f.Pipeline {
		f.Pipeline[i].Evidence = sortEvidence(f.Pipeline[i].Evidence)
	}
	slices.SortFunc(f.Pipeline, func(a, b facts.Pipeline) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), compareFirst(a.Evidence, b.Evidence), cmp.Compare(a.Detail, b.Detail))
	})
	for i := range f.Credentials {
		f.Credentials[i].Evidence = sortEvidence(f.Credentials[i].Evidence)
	}
	slices.SortFunc(f.Credentials, func(a, b facts.Credential) int { return cmp.Compare(a.Name, b.Name) })
	for i := range f.Controls {
		f.Controls[i].Evidence = sortEvidence(f.Controls[i].Evidence)
	}
	slices.SortFunc(f.Controls, func(a, b facts.Control) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), compareFirst(a.Evidence, b.Evidence), cmp.Compare(a.Detail, b.Detail))
	})
	for i := range f.Weaknesses {
		f.Weaknesses[i].Evidence = sortEvidence(f.Weaknesses[i].Evidence)
	}
	slices.SortFunc(f.Weaknesses, func(a, b facts.Weakness) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), compareFirst(a.Evidence, b.Evidence), cmp.Compare(a.Detail, b.Detail))
	})
	for file, m := range s.missed {
		f.Stats.RoutesMissed += m.count
		f.Warnings = append(f.Warnings, redact.Copy(facts.Warning{File: file, Line: m.line, Kind: facts.WarnRoutesMissed,
			Message: missedMessage(m)}))
	}
	slices.SortFunc(f.Warnings, func(a, b facts.Warning) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Message, b.Message))
	})
	f.Warnings = slices.Compact(f.Warnings)
	slices.SortFunc(f.Signals, func(a, b facts.Signal) int {
		return cmp.Or(cmp.Compare(a.Route, b.Route), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.In, b.In),
			cmp.Compare(a.Evidence.File, b.Evidence.File), cmp.Compare(a.Evidence.Line, b.Evidence.Line), cmp.Compare(a.Detail, b.Detail))
	})
	f.Signals = slices.Compact(f.Signals)

	f.Surfaces = nonNil(f.Surfaces)
	f.ThirdParties = nonNil(f.ThirdParties)
	f.Stores = nonNil(f.Stores)
	f.Assets = nonNil(f.Assets)
	f.Exits = nonNil(f.Exits)
	f.Secrets = nonNil(f.Secrets)
	f.Infrastructure = nonNil(f.Infrastructure)
	f.Pipeline = nonNil(f.Pipeline)
	f.Credentials = nonNil(f.Credentials)
	f.Controls = nonNil(f.Controls)
	f.Weaknesses = nonNil(f.Weaknesses)
	f.Warnings = nonNil(f.Warnings)
	return f
}

// missedMessage says how many routes of a file are missing and why.
func missedMessage(m *missedRoutes) string {
	if m.count == 1 {
		return m.detector + ": a route registered here could not be composed (" + m.why + ") and is missing from the map"
	}
	return m.detector + ": " + strconv.Itoa(m.count) + " routes registered in this file, the first here, could not be composed (" +
		m.why + ") and are missing from the map"
}

// dedupeRoutes keeps one route per id; the input is sorted so the first
// declaration (by file and line) wins. A route declared twice with the same
// method and path in different files gets a distinct id so neither is lost.
func dedupeRoutes(rs []facts.Route) []facts.Route {
	seen := map[string]string{}
	out := rs[:0]
	for _, r := range rs {
		if file, ok := seen[r.ID]; ok {
			if file == r.File {
				continue
			}
			r.ID = ID("route", r.Method, r.Path, r.File)
			if _, dup := seen[r.ID]; dup {
				continue
			}
		}
		seen[r.ID] = r.File
		out = append(out, r)
	}
	return dropOptions(mergeSpecRoutes(out))
}

// specFramework is the framework of routes read from an OpenAPI or
// Swagger document (route/openapi, which imports this package).
const specFramework = "openapi"

// routeShape keys a route by method and path with parameter names
// blanked: the spec's /posts/{postId} is the code's /posts/{postID}.
func routeShape(r facts.Route) string { return r.Method + " " + urlpath.Shape(r.Path) }

// mergeSpecRoutes keeps one surface for a route both documented in a spec
// and declared in code: the code's, which knows the handler. What only
// the spec knows (auth when the code's is unknown, parameter types) is
// carried over.
func mergeSpecRoutes(rs []facts.Route) []facts.Route {
	code := map[string]int{}
	for i, r := range rs {
		if r.Framework != specFramework {
			if _, ok := code[routeShape(r)]; !ok {
				code[routeShape(r)] = i
			}
		}
	}
	drop := map[int]bool{}
	for i, r := range rs {
		if r.Framework != specFramework {
			continue
		}
		j, ok := code[routeShape(r)]
		if !ok {
			continue
		}
		drop[i] = true
		c := &rs[j]
		if c.Auth == facts.AuthUnknown && r.Auth != facts.AuthUnknown && r.Auth != "" {
			c.Auth, c.AuthEvidence = r.Auth, r.AuthEvidence
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
		return rs
	}
	out := rs[:0]
	for i, r := range rs {
		if !drop[i] {
			out = append(out, r)
		}
	}
	return out
}

// dropOptions drops an OPTIONS route when another method serves the same
// path: it answers CORS preflight there, no surface of its own.
func dropOptions(rs []facts.Route) []facts.Route {
	served := map[string]bool{}
	for _, r := range rs {
		if r.Method != "OPTIONS" {
			served[urlpath.Shape(r.Path)] = true
		}
	}
	out := rs[:0]
	for _, r := range rs {
		if r.Method == "OPTIONS" && served[urlpath.Shape(r.Path)] {
			continue
		}
		out = append(out, r)
	}
	return out
}

func sortEvidence(ev []facts.Evidence) []facts.Evidence {
	slices.SortFunc(ev, func(a, b facts.Evidence) int { return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line)) })
	return nonNil(slices.Compact(ev))
}

func sortStrings(xs []string) []string {
	sort.Strings(xs)
	return nonNil(compactStrings(xs))
}

func compareFirst(a, b []facts.Evidence) int {
	switch {
	case len(a) == 0 && len(b) == 0:
		return 0
	case len(a) == 0:
		return -1
	case len(b) == 0:
		return 1
	}
	return cmp.Or(cmp.Compare(a[0].File, b[0].File), cmp.Compare(a[0].Line, b[0].Line))
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
