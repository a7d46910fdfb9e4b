package detector

import (
	"slices"
	"sync"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/redact"
)

// Sink collects facts from detectors running in parallel, one table per
// Kind, merging facts with the same id (one third party seen in many
// files is one entry with all its evidence). Merging goes through an
// index, so a scan with many facts costs no quadratic step.
//
// Every fact is redacted as it comes in (redact.Copy), before its id is
// made: a key in a route path, a name or a file name never reaches the
// model, threatmap.yaml or an id, whichever output prints it later.
//
// The sink only collects and orders: what the scan does with the whole
// set afterwards (one surface per route, spec and code merged) is the
// scan's post-scan processors' business (internal/scan/process).
type Sink struct {
	mu     sync.Mutex
	tables []any // by Kind.index: *table[T]

	// A file's sink (Held) keeps its adds here until Commit.
	parent  *Sink
	pending []func(*Sink)
}

// table is one kind's facts in the order they came, with an index by id.
type table[T any] struct {
	items []T
	index map[string]int
}

// add appends t, or merges it into the fact with the same id; an empty id
// always appends.
func (l *table[T]) add(id string, t T, merge func(dst *T, src T)) {
	if id == "" {
		l.items = append(l.items, t)
		return
	}
	if l.index == nil {
		l.index = map[string]int{}
	}
	if i, ok := l.index[id]; ok {
		if merge != nil {
			merge(&l.items[i], t)
		}
		return
	}
	l.index[id] = len(l.items)
	l.items = append(l.items, t)
}

// tableOf is s's table of kind k; s.mu must be held.
func tableOf[T any](s *Sink, k *Kind[T]) *table[T] {
	if s.tables == nil {
		s.tables = make([]any, len(kinds))
	}
	t, _ := s.tables[k.index].(*table[T])
	if t == nil {
		t = &table[T]{}
		s.tables[k.index] = t
	}
	return t
}

// NewSink makes an empty sink.
func NewSink() *Sink { return &Sink{} }

// Held is a sink for one detector's read of one file: what the detector
// adds reaches s only at Commit, so a read abandoned half-way (over its
// time budget) adds nothing. What it reads (Collected) is s's.
func (s *Sink) Held() *Sink { return &Sink{parent: s} }

// Commit adds to the parent sink what a Held sink kept, and empties it.
func (s *Sink) Commit() {
	s.mu.Lock()
	pending := s.pending
	s.pending = nil
	s.mu.Unlock()
	for _, add := range pending {
		add(s.parent)
	}
}

// Add records one fact of kind k: redacted, completed by the kind (its
// id, its defaults) and merged into the fact with the same id, if any.
func Add[T any](s *Sink, k *Kind[T], t T) {
	if s.parent != nil {
		hold(s, k, t)
		return
	}
	if !k.raw {
		t = redact.Copy(t)
	}
	var id string
	if k.key != nil {
		t, id = k.key(t)
	}
	s.mu.Lock()
	tableOf(s, k).add(id, t, k.merge)
	s.mu.Unlock()
}

// hold keeps t for Commit. (Apart from Add, whose t is reassigned: a
// closure there would move every fact to the heap.)
func hold[T any](s *Sink, k *Kind[T], t T) {
	s.mu.Lock()
	s.pending = append(s.pending, func(p *Sink) { Add(p, k, t) })
	s.mu.Unlock()
}

// Collected returns a copy of the facts of kind k found so far, in the
// order they came, for finishers that join them with others.
func Collected[T any](s *Sink, k *Kind[T]) []T {
	if s.parent != nil {
		return Collected(s.parent, k)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(tableOf(s, k).items)
}

// Result returns the collected facts, each kind in its canonical order
// (Kind.sort), with every list non-nil so the JSON always has every key.
func (s *Sink) Result() facts.Facts {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := facts.Facts{Version: facts.SchemaVersion}
	for _, k := range kinds {
		k.put(s, &f)
	}
	for _, k := range kinds {
		k.order(&f)
	}
	return f
}

// SetRole records the role a file's content gives it where that differs
// from what its path says (facts.Facts.Roles).
func (s *Sink) SetRole(file string, r lang.Role) {
	Add(s, roleKind, fileRole{file: file, role: r})
}

// FilesOf are the files SetRole gave kind k, in the order it did.
func (s *Sink) FilesOf(k lang.Kind) []string {
	if s.parent != nil {
		return s.parent.FilesOf(k)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, r := range tableOf(s, roleKind).items {
		if r.role.Kind == k {
			out = append(out, r.file)
		}
	}
	return out
}

// SetCommands records the command-line commands a file registers
// (facts.Facts.Commands).
func (s *Sink) SetCommands(file string, spans []lang.Span) {
	Add(s, commandKind, fileCommands{file: file, spans: spans})
}

// RoleOf is where a file's code runs as far as the scan knows: the role
// SetRole recorded last, else what its path says. Read in a Finisher,
// after the Classifier's, it is the final role (facts.Facts.RoleOf).
func (s *Sink) RoleOf(file string) lang.Role {
	if s.parent != nil {
		return s.parent.RoleOf(file)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t := tableOf(s, roleKind)
	if i, ok := t.index[file]; ok {
		return t.items[i].role
	}
	return lang.RoleOf(file)
}

// MissRoutes records n route registrations in file the detector saw and
// could not compose (a router it cannot resolve, a path built at run
// time), the first at line: one warning per file, at its first such
// line, and every one counted in Stats.RoutesMissed, so a page never
// looks complete while an API is missing. why says what was not
// understood ("path built at run time").
func (s *Sink) MissRoutes(file string, line, n int, detector, why string) {
	if n <= 0 {
		return
	}
	Add(s, missedKind, missedRoutes{file: file, line: line, count: n, detector: detector, why: why, lostWhy: why})
}

// UnsurePrefix records a mount in file, at line, whose prefix is built at
// run time: its routes are kept under urlpath.UnknownPrefix, and the mount
// is said like routes that could not be composed (one warning per file,
// counted in Stats.RoutesMissed), so a path is never shown as certain
// when its start is not known.
func (s *Sink) UnsurePrefix(file string, line int, detector string) {
	Add(s, missedKind, missedRoutes{file: file, line: line, count: 1, detector: detector, kept: true, keptN: 1,
		why: "its prefix is built at run time, not from literals and constants"})
}

// The Add methods below are Add with the kind named, for detectors.

// Warn records a file the scan could not read; the scan goes on.
func (s *Sink) Warn(file, msg string) {
	Add(s, WarningKind, facts.Warning{File: file, Message: msg})
}

// AddRoute records an entry point. Routes with the same method and path
// are all kept here; the scan keeps one surface of them.
func (s *Sink) AddRoute(r facts.Route) { Add(s, RouteKind, r) }

// AddThirdParty records a service; evidence and credentials merge by service.
func (s *Sink) AddThirdParty(t facts.ThirdParty) { Add(s, ThirdPartyKind, t) }

// AddStore records a store; evidence merges by id.
func (s *Sink) AddStore(t facts.Store) { Add(s, StoreKind, t) }

// AddAsset records an asset; fields and evidence merge by id.
func (s *Sink) AddAsset(t facts.Asset) { Add(s, AssetKind, t) }

// AddExit records an exit.
func (s *Sink) AddExit(t facts.Exit) { Add(s, ExitKind, t) }

// AddSecret records a committed secret. The caller must have redacted it.
func (s *Sink) AddSecret(t facts.Secret) { Add(s, SecretKind, t) }

// AddInfrastructure records an infrastructure fact.
func (s *Sink) AddInfrastructure(t facts.Infrastructure) { Add(s, InfrastructureKind, t) }

// AddPipeline records a CI/CD or supply-chain fact.
func (s *Sink) AddPipeline(t facts.Pipeline) { Add(s, PipelineKind, t) }

// AddCredential records a configuration value the code reads; merges by name.
func (s *Sink) AddCredential(t facts.Credential) { Add(s, CredentialKind, t) }

// AddControl records evidence of a security control.
func (s *Sink) AddControl(t facts.Control) { Add(s, ControlKind, t) }

// AddWeakness records a weakness; evidence merges by id.
func (s *Sink) AddWeakness(t facts.Weakness) { Add(s, WeaknessKind, t) }

// AddSignal records what a route's handler or guards show.
func (s *Sink) AddSignal(t facts.Signal) { Add(s, SignalKind, t) }

// Assets returns a copy of the assets found so far.
func (s *Sink) Assets() []facts.Asset { return Collected(s, AssetKind) }

// ThirdParties returns a copy of the third parties found so far.
func (s *Sink) ThirdParties() []facts.ThirdParty { return Collected(s, ThirdPartyKind) }

// Routes returns a copy of the routes found so far.
func (s *Sink) Routes() []facts.Route { return Collected(s, RouteKind) }
