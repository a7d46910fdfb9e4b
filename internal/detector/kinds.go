package detector

import (
	"cmp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/redact"
	"github.com/threatmap/threatmap/internal/urlpath"
)

// A Kind is one kind of fact the sink collects, declared once: how a fact
// of it is completed and identified as it comes in, how two facts with one
// id merge, its canonical order, and its list in facts.Facts. A new kind
// of fact is its type and its field in internal/facts plus one Kind below.
type Kind[T any] struct {
	// key completes a fact as it comes in (its id when the detector left
	// it empty, defaults) and returns it with the id facts of the kind
	// merge by; nil or "" keeps every fact. (By value: a pointer handed
	// to a func value would move every fact to the heap.)
	key func(T) (T, string)
	// merge folds a later fact into the first one with its id; nil keeps
	// the first as it is.
	merge func(dst *T, src T)
	// sort puts the kind's facts in their canonical order (and each
	// fact's own lists), dropping exact repeats; it may reuse xs.
	sort func(xs []T) []T
	// field is the kind's list in facts.Facts, ordered by sort once
	// every kind has added to it.
	field func(*facts.Facts) *[]T
	// into, for a kind without a list of its own, puts its facts into
	// facts.Facts (a summary the sink keeps while the scan runs).
	into func(*facts.Facts, []T)
	// raw facts are not redacted as they come in: signals are read from
	// facts that already were, and a summary is redacted as it is put.
	raw bool

	index int // in kinds and Sink.tables
}

// kindOf is what the sink does with every kind alike.
type kindOf interface {
	// put adds a copy of the kind's facts in s to f.
	put(s *Sink, f *facts.Facts)
	// order puts the kind's list in f in order, never nil.
	order(f *facts.Facts)
}

func (k *Kind[T]) put(s *Sink, f *facts.Facts) {
	xs := slices.Clone(tableOf(s, k).items)
	if k.field == nil {
		k.into(f, xs)
		return
	}
	if dst := k.field(f); *dst == nil {
		*dst = xs
	} else {
		*dst = append(*dst, xs...)
	}
}

func (k *Kind[T]) order(f *facts.Facts) {
	if k.field == nil {
		return
	}
	xs := *k.field(f)
	if k.sort != nil {
		xs = k.sort(xs)
	}
	*k.field(f) = nonNil(xs)
}

// kinds are every Kind, in declaration order: the order in which Result
// puts them (a summary's warnings go after the warnings' own).
var kinds []kindOf

func newKind[T any](k *Kind[T]) *Kind[T] {
	k.index = len(kinds)
	kinds = append(kinds, k)
	return k
}

// RouteKind: entry points. Every declaration is kept, the first of a
// method and path first: which one is the surface is the scan's to say.
var RouteKind = newKind(&Kind[facts.Route]{
	key: func(r facts.Route) (facts.Route, string) {
		if r.Kind == "" {
			r.Kind = "endpoint"
		}
		r.Method = strings.ToUpper(r.Method)
		if r.ID == "" {
			r.ID = RouteID(r.Method, r.Path)
		}
		if r.Auth == "" {
			r.Auth = facts.AuthUnknown
		}
		if r.Params == nil {
			r.Params = []facts.Param{}
		}
		if r.Tags == nil {
			r.Tags = []string{}
		}
		sort.Strings(r.Tags)
		r.Tags = compactStrings(r.Tags)
		return r, ""
	},
	sort: func(rs []facts.Route) []facts.Route {
		slices.SortStableFunc(rs, func(a, b facts.Route) int {
			return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Method, b.Method), cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
		})
		return rs
	},
	field: func(f *facts.Facts) *[]facts.Route { return &f.Surfaces },
})

// RouteID is the content-based id of a route.
func RouteID(method, path string) string {
	return ID("route", strings.ToUpper(method), path)
}

// ThirdPartyKind: services; evidence and credentials merge by service.
var ThirdPartyKind = newKind(&Kind[facts.ThirdParty]{
	key: func(t facts.ThirdParty) (facts.ThirdParty, string) {
		setID(&t.ID, "third-party", t.Service)
		return t, t.ID
	},
	merge: func(p *facts.ThirdParty, t facts.ThirdParty) {
		p.Evidence = append(p.Evidence, t.Evidence...)
		p.Credentials = append(p.Credentials, t.Credentials...)
	},
	sort: func(xs []facts.ThirdParty) []facts.ThirdParty {
		for i := range xs {
			xs[i].Evidence = SortEvidence(xs[i].Evidence)
			xs[i].Credentials = sortStrings(xs[i].Credentials)
		}
		slices.SortFunc(xs, func(a, b facts.ThirdParty) int { return cmp.Compare(a.Service, b.Service) })
		return xs
	},
	field: func(f *facts.Facts) *[]facts.ThirdParty { return &f.ThirdParties },
})

// StoreKind: data stores; evidence merges by kind and name.
var StoreKind = newKind(&Kind[facts.Store]{
	key: func(t facts.Store) (facts.Store, string) {
		setID(&t.ID, "store", t.Kind, t.Name)
		return t, t.ID
	},
	merge: func(p *facts.Store, t facts.Store) { p.Evidence = append(p.Evidence, t.Evidence...) },
	sort: func(xs []facts.Store) []facts.Store {
		for i := range xs {
			xs[i].Evidence = SortEvidence(xs[i].Evidence)
		}
		slices.SortFunc(xs, func(a, b facts.Store) int { return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Name, b.Name)) })
		return xs
	},
	field: func(f *facts.Facts) *[]facts.Store { return &f.Stores },
})

// AssetKind: data the code holds; fields and evidence merge by kind and name.
var AssetKind = newKind(&Kind[facts.Asset]{
	key: func(t facts.Asset) (facts.Asset, string) {
		setID(&t.ID, "asset", t.Kind, t.Name)
		return t, t.ID
	},
	merge: func(p *facts.Asset, t facts.Asset) {
		p.Evidence = append(p.Evidence, t.Evidence...)
		p.Fields = append(p.Fields, t.Fields...)
		if p.Owner == nil {
			p.Owner = t.Owner
		}
		for k, v := range t.Classes {
			if p.Classes == nil {
				p.Classes = map[string]string{}
			}
			if _, ok := p.Classes[k]; !ok {
				p.Classes[k] = v
			}
		}
	},
	sort: func(xs []facts.Asset) []facts.Asset {
		for i := range xs {
			xs[i].Evidence = SortEvidence(xs[i].Evidence)
			xs[i].Fields = sortStrings(xs[i].Fields)
		}
		slices.SortFunc(xs, func(a, b facts.Asset) int { return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Name, b.Name)) })
		return xs
	},
	field: func(f *facts.Facts) *[]facts.Asset { return &f.Assets },
})

// ExitKind: where data leaves; evidence merges by kind, detail and file.
var ExitKind = newKind(&Kind[facts.Exit]{
	key: func(t facts.Exit) (facts.Exit, string) {
		setID(&t.ID, "exit", t.Kind, t.Detail, evidenceKey(t.Evidence))
		return t, t.ID
	},
	merge: func(p *facts.Exit, t facts.Exit) { p.Evidence = append(p.Evidence, t.Evidence...) },
	sort: func(xs []facts.Exit) []facts.Exit {
		for i := range xs {
			xs[i].Evidence = SortEvidence(xs[i].Evidence)
		}
		slices.SortFunc(xs, func(a, b facts.Exit) int {
			return cmp.Or(cmp.Compare(a.Kind, b.Kind), compareFirst(a.Evidence, b.Evidence), cmp.Compare(a.Detail, b.Detail))
		})
		return xs
	},
	field: func(f *facts.Facts) *[]facts.Exit { return &f.Exits },
})

// SecretKind: committed secrets, which the detector has redacted; one per
// rule, file, variable and redacted value.
var SecretKind = newKind(&Kind[facts.Secret]{
	key: func(t facts.Secret) (facts.Secret, string) {
		setID(&t.ID, "secret", t.Rule, t.File, t.Variable, t.Redacted)
		return t, t.ID
	},
	sort: func(xs []facts.Secret) []facts.Secret {
		slices.SortFunc(xs, func(a, b facts.Secret) int {
			return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Rule, b.Rule))
		})
		return xs
	},
	field: func(f *facts.Facts) *[]facts.Secret { return &f.Secrets },
})

// InfrastructureKind: infrastructure facts; evidence merges by kind and detail.
var InfrastructureKind = newKind(&Kind[facts.Infrastructure]{
	key: func(t facts.Infrastructure) (facts.Infrastructure, string) {
		setID(&t.ID, "infra", t.Kind, t.Detail)
		return t, t.ID
	},
	merge: func(p *facts.Infrastructure, t facts.Infrastructure) { p.Evidence = append(p.Evidence, t.Evidence...) },
	sort: func(xs []facts.Infrastructure) []facts.Infrastructure {
		for i := range xs {
			xs[i].Evidence = SortEvidence(xs[i].Evidence)
		}
		slices.SortFunc(xs, func(a, b facts.Infrastructure) int {
			return cmp.Or(cmp.Compare(a.Kind, b.Kind), compareFirst(a.Evidence, b.Evidence), cmp.Compare(a.Detail, b.Detail))
		})
		return xs
	},
	field: func(f *facts.Facts) *[]facts.Infrastructure { return &f.Infrastructure },
})

// PipelineKind: CI/CD and supply-chain facts; evidence merges by kind and detail.
var PipelineKind = newKind(&Kind[facts.Pipeline]{
	key: func(t facts.Pipeline) (facts.Pipeline, string) {
		setID(&t.ID, "pipeline", t.Kind, t.Detail)
		return t, t.ID
	},
	merge: func(p *facts.Pipeline, t facts.Pipeline) { p.Evidence = append(p.Evidence, t.Evidence...) },
	sort: func(xs []facts.Pipeline) []facts.Pipeline {
		for i := range xs {
			xs[i].Evidence = SortEvidence(xs[i].Evidence)
		}
		slices.SortFunc(xs, func(a, b facts.Pipeline) int {
			return cmp.Or(cmp.Compare(a.Kind, b.Kind), compareFirst(a.Evidence, b.Evidence), cmp.Compare(a.Detail, b.Detail))
		})
		return xs
	},
	field: func(f *facts.Facts) *[]facts.Pipeline { return &f.Pipeline },
})

// CredentialKind: configuration values the code reads; merge by name, a
// secret if any read says so.
var CredentialKind = newKind(&Kind[facts.Credential]{
	key: func(t facts.Credential) (facts.Credential, string) {
		setID(&t.ID, "credential", t.Name)
		return t, t.ID
	},
	merge: func(p *facts.Credential, t facts.Credential) {
		p.Evidence = append(p.Evidence, t.Evidence...)
		p.Secret = p.Secret || t.Secret
		if p.Service == "" {
			p.Service = t.Service
		}
	},
	sort: func(xs []facts.Credential) []facts.Credential {
		for i := range xs {
			xs[i].Evidence = SortEvidence(xs[i].Evidence)
		}
		slices.SortFunc(xs, func(a, b facts.Credential) int { return cmp.Compare(a.Name, b.Name) })
		return xs
	},
	field: func(f *facts.Facts) *[]facts.Credential { return &f.Credentials },
})

// ControlKind: evidence of security controls; merges by kind, detail and file.
var ControlKind = newKind(&Kind[facts.Control]{
	key: func(t facts.Control) (facts.Control, string) {
		setID(&t.ID, "control", t.Kind, t.Detail, evidenceKey(t.Evidence))
		return t, t.ID
	},
	merge: func(p *facts.Control, t facts.Control) { p.Evidence = append(p.Evidence, t.Evidence...) },
	sort: func(xs []facts.Control) []facts.Control {
		for i := range xs {
			xs[i].Evidence = SortEvidence(xs[i].Evidence)
		}
		slices.SortFunc(xs, func(a, b facts.Control) int {
			return cmp.Or(cmp.Compare(a.Kind, b.Kind), compareFirst(a.Evidence, b.Evidence), cmp.Compare(a.Detail, b.Detail))
		})
		return xs
	},
	field: func(f *facts.Facts) *[]facts.Control { return &f.Controls },
})

// WeaknessKind: weaknesses; evidence merges by kind and file.
var WeaknessKind = newKind(&Kind[facts.Weakness]{
	key: func(t facts.Weakness) (facts.Weakness, string) {
		setID(&t.ID, "weakness", t.Kind, evidenceKey(t.Evidence))
		return t, t.ID
	},
	// One sink reached from several routes is one weakness: its routes
	// are every route's, its path the first found.
	merge: func(p *facts.Weakness, t facts.Weakness) {
		p.Evidence = append(p.Evidence, t.Evidence...)
		for _, r := range t.Routes {
			if !slices.Contains(p.Routes, r) {
				p.Routes = append(p.Routes, r)
			}
		}
		if len(p.Path) == 0 {
			p.Path, p.Source = t.Path, t.Source
		}
		if len(p.Guard) == 0 {
			p.Guard = t.Guard
		}
		if p.Reach == "" || t.Reach == facts.ReachRoute {
			p.Reach = t.Reach
		}
	},
	sort: func(xs []facts.Weakness) []facts.Weakness {
		for i := range xs {
			xs[i].Evidence = SortEvidence(xs[i].Evidence)
			slices.Sort(xs[i].Routes)
		}
		// Two rows of one kind may start at one line (a pattern's, and a
		// data-flow frontend's reached from a route): their ids order them.
		slices.SortFunc(xs, func(a, b facts.Weakness) int {
			return cmp.Or(cmp.Compare(a.Kind, b.Kind), compareFirst(a.Evidence, b.Evidence), cmp.Compare(a.Detail, b.Detail), cmp.Compare(a.ID, b.ID))
		})
		return xs
	},
	field: func(f *facts.Facts) *[]facts.Weakness { return &f.Weaknesses },
})

// WarningKind: files the scan could not read.
var WarningKind = newKind(&Kind[facts.Warning]{
	sort: func(xs []facts.Warning) []facts.Warning {
		slices.SortFunc(xs, func(a, b facts.Warning) int {
			return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Message, b.Message))
		})
		return slices.Compact(xs)
	},
	field: func(f *facts.Facts) *[]facts.Warning { return &f.Warnings },
})

// missedKind: what each file registers that the scan could not compose
// (Sink.MissRoutes), said as one warning per file, at its first such
// line, and counted in Stats.RoutesMissed.
var missedKind = newKind(&Kind[missedRoutes]{
	raw: true, // redacted as the warning it becomes
	key: func(m missedRoutes) (missedRoutes, string) { return m, "missed:" + m.file },
	merge: func(p *missedRoutes, m missedRoutes) {
		p.count += m.count
		p.keptN += m.keptN
		if !m.kept {
			p.lostWhy = m.why
		}
		if m.line < p.line {
			p.line, p.detector, p.why, p.kept = m.line, m.detector, m.why, m.kept
		}
	},
	into: func(f *facts.Facts, ms []missedRoutes) {
		for _, m := range ms {
			f.Stats.RoutesMissed += m.count
			f.Warnings = append(f.Warnings, redact.Copy(facts.Warning{File: m.file, Line: m.line, Kind: facts.WarnRoutesMissed,
				Message: m.message()}))
		}
	},
})

// missedRoutes is what one file registers and the scan could not compose.
type missedRoutes struct {
	file     string
	line     int
	count    int
	detector string
	why      string
	// kept: a mount under a prefix not known, whose routes are listed
	// under urlpath.UnknownPrefix rather than missing. keptN counts such
	// places among count; lostWhy is why the others are missing, when a
	// file has both.
	kept    bool
	keptN   int
	lostWhy string
}

// message says how many routes of a file are missing and why.
func (m missedRoutes) message() string {
	if lost := m.count - m.keptN; lost > 0 && m.keptN > 0 {
		// Both in one file: the missing routes first, as they are what
		// the map lacks.
		miss := missedRoutes{count: lost, detector: m.detector, why: m.lostWhy}
		verb := " are"
		if m.keptN == 1 {
			verb = " is"
		}
		return miss.message() + "; " + strconv.Itoa(m.keptN) + " more, whose prefix is built at run time," + verb + " listed under " + urlpath.UnknownPrefix
	}
	if m.kept {
		if m.count == 1 {
			return m.detector + ": a router mounted here has a prefix that could not be composed (" + m.why +
				"); its routes are listed under " + urlpath.UnknownPrefix
		}
		return m.detector + ": " + strconv.Itoa(m.count) + " routers mounted in this file, the first here, have a prefix that could not be composed (" +
			m.why + "); their routes are listed under " + urlpath.UnknownPrefix
	}
	if m.count == 1 {
		return m.detector + ": a route registered here could not be composed (" + m.why + ") and is missing from the map"
	}
	return m.detector + ": " + strconv.Itoa(m.count) + " routes registered in this file, the first here, could not be composed (" +
		m.why + ") and are missing from the map"
}

// SignalKind: what a route's handler or guards show, read from the
// routes (already redacted).
var SignalKind = newKind(&Kind[facts.Signal]{
	raw: true,
	sort: func(xs []facts.Signal) []facts.Signal {
		slices.SortFunc(xs, func(a, b facts.Signal) int {
			return cmp.Or(cmp.Compare(a.Route, b.Route), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.In, b.In),
				cmp.Compare(a.Evidence.File, b.Evidence.File), cmp.Compare(a.Evidence.Line, b.Evidence.Line), cmp.Compare(a.Detail, b.Detail))
		})
		return slices.Compact(xs)
	},
	field: func(f *facts.Facts) *[]facts.Signal { return &f.Signals },
})

// setID sets a fact's id from its identifying parts when the detector
// left it empty.
func setID(id *string, prefix string, parts ...string) {
	if *id == "" {
		*id = ID(prefix, parts...)
	}
}

func evidenceKey(ev []facts.Evidence) string {
	if len(ev) == 0 {
		return ""
	}
	return ev[0].File
}

// SortEvidence puts evidence in order of file and line, without repeats,
// never nil: a fact's evidence as the sink gives it.
func SortEvidence(ev []facts.Evidence) []facts.Evidence {
	slices.SortFunc(ev, func(a, b facts.Evidence) int { return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line)) })
	return nonNil(slices.Compact(ev))
}

func sortStrings(xs []string) []string {
	sort.Strings(xs)
	return nonNil(compactStrings(xs))
}

func compactStrings(xs []string) []string {
	out := xs[:0]
	for i, x := range xs {
		if x != "" && (i == 0 || x != xs[i-1]) {
			out = append(out, x)
		}
	}
	return out
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

// roleKind: the files whose content gives them another role than their
// path does (Sink.SetRole), put in facts.Facts.Roles. The last word on a
// file wins. Raw: the keys are looked up by the paths the scan walked.
var roleKind = newKind(&Kind[fileRole]{
	raw:   true,
	key:   func(r fileRole) (fileRole, string) { return r, r.file },
	merge: func(p *fileRole, r fileRole) { p.role = r.role },
	into: func(f *facts.Facts, rs []fileRole) {
		if len(rs) == 0 {
			return
		}
		f.Roles = make(map[string]lang.Role, len(rs))
		for _, r := range rs {
			f.Roles[r.file] = r.role
		}
	},
})

// commandKind: the command-line commands each file registers
// (Sink.SetCommands), put in facts.Facts.Commands. Raw, as roleKind.
var commandKind = newKind(&Kind[fileCommands]{
	raw:   true,
	key:   func(c fileCommands) (fileCommands, string) { return c, c.file },
	merge: func(p *fileCommands, c fileCommands) { p.spans = c.spans },
	into: func(f *facts.Facts, cs []fileCommands) {
		if len(cs) == 0 {
			return
		}
		f.Commands = make(map[string][]lang.Span, len(cs))
		for _, c := range cs {
			f.Commands[c.file] = c.spans
		}
	},
})

// fileCommands are the command spans of one file.
type fileCommands struct {
	file  string
	spans []lang.Span
}

// fileRole is the role one file's content gives it.
type fileRole struct {
	file string
	role lang.Role
}
