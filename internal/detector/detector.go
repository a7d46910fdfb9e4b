// Package detector defines what a detector is and collects what detectors
// find. A detector is small: a name, a cheap Match on the path before any
// byte is read, and Detect on one file's content. Detectors that need the
// whole tree (prefixes mounted across files) also implement Finisher.
package detector

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/redact"
)

// File is one file of the tree, read once and shared by every detector.
// A File must not be copied once used (it holds its memo's lock).
type File struct {
	Path string // relative to the scanned root, with '/'
	Data []byte

	memoMu sync.Mutex
	memo   map[any]any // key -> *memoEntry[T]
}

type memoEntry[T any] struct {
	mu   sync.Mutex
	done bool
	v    T
}

// Memo returns what compute returns for f and key, computing it once per
// File: several detectors that need the same view of a file (its
// environment reads) share one computation. The value must depend only
// on the file (Path and Data), never on the caller.
//
// Guarantees: Memo is safe for concurrent use on the same File (the scan
// today hands one File to its detectors in turn, on one worker; nothing
// here relies on it). Concurrent callers of one key wait for a single
// compute; different keys compute independently. A compute that panics
// stores nothing: the panic reaches its caller, and the next caller
// computes again. compute must not call Memo for the same file and key
// (it would wait for itself).
//
// The value is shared: callers must not modify it. It lives as long as
// the File. A key follows the rules of context keys: a value of an
// unexported type of the package that owns the value, so that packages
// cannot collide; one key always comes with one T.
func Memo[T any](f *File, key any, compute func() T) T {
	f.memoMu.Lock()
	e, _ := f.memo[key].(*memoEntry[T])
	if e == nil {
		if f.memo == nil {
			f.memo = map[any]any{}
		}
		if f.memo[key] != nil {
			f.memoMu.Unlock()
			panic("detector.Memo: one key used with two types")
		}
		e = &memoEntry[T]{}
		f.memo[key] = e
	}
	f.memoMu.Unlock()

	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.done {
		e.v = compute()
		e.done = true
	}
	return e.v
}

// Detector finds facts in files.
type Detector interface {
	// Name is a short, stable id: "route/fastapi", "secret/gitleaks".
	Name() string
	// Match is called with the repo-relative path before the file is read.
	Match(path string) bool
	// Detect reads one file. It is called from several goroutines at once.
	Detect(ctx context.Context, f *File, out *Sink) error
}

// Keyworded detectors are only given files that contain one of their
// keywords (a case-sensitive substring): the cheap prefilter that keeps
// parsers and regexes off files that cannot matter.
type Keyworded interface {
	Keywords() []string
}

// PrefilterExempt lets a Keyworded detector read some files whatever
// their content: a manifest's every line matters, and a bare
// requirements.txt need not contain any keyword.
type PrefilterExempt interface {
	Exempt(path string) bool
}

// Finisher detectors run once more after every file has been seen, for
// work that spans files (a router mounted under a prefix in another file).
type Finisher interface {
	Finish(ctx context.Context, out *Sink) error
}

// ID makes a stable, content-based id: a prefix and a short hash of the
// parts that identify the fact (never a line number).
func ID(prefix string, parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return prefix + "-" + hex.EncodeToString(h[:5])
}

// Sink collects facts from detectors running in parallel, merging facts
// with the same id (one third party seen in many files is one entry with
// all its evidence). Merging goes through an index, so a scan with many
// facts costs no quadratic step.
//
// Every fact is redacted as it comes in (redact.Copy), before its id is
// made: a key in a route path, a name or a file name never reaches the
// model, threatmap.yaml or an id, whichever output prints it later.
type Sink struct {
	mu             sync.Mutex
	routes         []facts.Route
	warnings       []facts.Warning
	missed         map[string]*missedRoutes // file -> what it registers that was lost
	thirdParties   byID[facts.ThirdParty]
	stores         byID[facts.Store]
	assets         byID[facts.Asset]
	exits          byID[facts.Exit]
	secrets        byID[facts.Secret]
	infrastructure byID[facts.Infrastructure]
	pipeline       byID[facts.Pipeline]
	credentials    byID[facts.Credential]
	controls       byID[facts.Control]
	weaknesses     byID[facts.Weakness]
	signals        []facts.Signal
	roles          map[string]lang.Role

	// A file's sink (Held) keeps its adds here until Commit.
	parent  *Sink
	pending []func(*Sink)
}

// byID is a list of facts with an index by id.
type byID[T any] struct {
	items []T
	index map[string]int
}

// add appends t, or merges it into the fact with the same id.
func (l *byID[T]) add(id string, t T, merge func(dst *T, src T)) {
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

// NewSink makes an empty sink.
func NewSink() *Sink { return &Sink{} }

// Held is a sink for one detector's read of one file: what the detector
// adds reaches s only at Commit, so a read abandoned half-way (over its
// time budget) adds nothing. Its Routes, Assets and ThirdParties are s's.
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

func (s *Sink) hold(add func(*Sink)) {
	s.mu.Lock()
	s.pending = append(s.pending, add)
	s.mu.Unlock()
}

// SetRole records the role a file's content gives it where that differs
// from what its path says (facts.Facts.Roles).
func (s *Sink) SetRole(file string, r lang.Role) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.roles == nil {
		s.roles = map[string]lang.Role{}
	}
	s.roles[file] = r
}

// Warn records a file the scan could not read; the scan goes on.
func (s *Sink) Warn(file, msg string) {
	if s.parent != nil {
		s.hold(func(p *Sink) { p.Warn(file, msg) })
		return
	}
	w := redact.Copy(facts.Warning{File: file, Message: msg})
	s.mu.Lock()
	s.warnings = append(s.warnings, w)
	s.mu.Unlock()
}

// missedRoutes is what one file registers and the scan could not compose.
type missedRoutes struct {
	line     int
	count    int
	detector string
	why      string
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
	if s.parent != nil {
		s.hold(func(p *Sink) { p.MissRoutes(file, line, n, detector, why) })
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.missed == nil {
		s.missed = map[string]*missedRoutes{}
	}
	m := s.missed[file]
	if m == nil {
		s.missed[file] = &missedRoutes{line: line, count: n, detector: detector, why: why}
		return
	}
	m.count += n
	if line < m.line {
		m.line, m.detector, m.why = line, detector, why
	}
}

// AddRoute records an entry point. Routes with the same method and path
// are one surface: Result keeps the first declaration of it.
func (s *Sink) AddRoute(r facts.Route) {
	if s.parent != nil {
		s.hold(func(p *Sink) { p.AddRoute(r) })
		return
	}
	r = redact.Copy(r)
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
	// Rules read the handler for controls: commented-out code is none.
	if r.Body != "" {
		r.Body = string(lang.StripComments(lang.Of(r.File), []byte(r.Body)))
	}
	s.mu.Lock()
	s.routes = append(s.routes, r)
	s.mu.Unlock()
}

// RouteID is the content-based id of a route.
func RouteID(method, path string) string {
	return ID("route", strings.ToUpper(method), path)
}

// withID sets a fact's id from its identifying parts when the detector
// left it empty.
func withID(id *string, prefix string, parts ...string) string {
	if *id == "" {
		*id = ID(prefix, parts...)
	}
	return *id
}

// AddThirdParty records a service; evidence and credentials merge by service.
func (s *Sink) AddThirdParty(t facts.ThirdParty) {
	if s.parent != nil {
		s.hold(func(p *Sink) { p.AddThirdParty(t) })
		return
	}
	t = redact.Copy(t)
	id := withID(&t.ID, "third-party", t.Service)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.thirdParties.add(id, t, func(p *facts.ThirdParty, t facts.ThirdParty) {
		p.Evidence = append(p.Evidence, t.Evidence...)
		p.Credentials = append(p.Credentials, t.Credentials...)
	})
}

// AddStore records a store; evidence merges by id.
func (s *Sink) AddStore(t facts.Store) {
	if s.parent != nil {
		s.hold(func(p *Sink) { p.AddStore(t) })
		return
	}
	t = redact.Copy(t)
	id := withID(&t.ID, "store", t.Kind, t.Name)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stores.add(id, t, func(p *facts.Store, t facts.Store) { p.Evidence = append(p.Evidence, t.Evidence...) })
}

// AddAsset records an asset; fields and evidence merge by id.
func (s *Sink) AddAsset(t facts.Asset) {
	if s.parent != nil {
		s.hold(func(p *Sink) { p.AddAsset(t) })
		return
	}
	t = redact.Copy(t)
	id := withID(&t.ID, "asset", t.Kind, t.Name)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.assets.add(id, t, func(p *facts.Asset, t facts.Asset) {
		p.Evidence = append(p.Evidence, t.Evidence...)
		p.Fields = append(p.Fields, t.Fields...)
	})
}

// AddExit records an exit.
func (s *Sink) AddExit(t facts.Exit) {
	if s.parent != nil {
		s.hold(func(p *Sink) { p.AddExit(t) })
		return
	}
	t = redact.Copy(t)
	id := withID(&t.ID, "exit", t.Kind, t.Detail, evidenceKey(t.Evidence))
	s.mu.Lock()
	defer s.mu.Unlock()
	s.exits.add(id, t, func(p *facts.Exit, t facts.Exit) { p.Evidence = append(p.Evidence, t.Evidence...) })
}

// AddSecret records a committed secret. The caller must have redacted it.
func (s *Sink) AddSecret(t facts.Secret) {
	if s.parent != nil {
		s.hold(func(p *Sink) { p.AddSecret(t) })
		return
	}
	t = redact.Copy(t)
	id := withID(&t.ID, "secret", t.Rule, t.File, t.Variable, t.Redacted)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.secrets.add(id, t, nil)
}

// AddInfrastructure records an infrastructure fact.
func (s *Sink) AddInfrastructure(t facts.Infrastructure) {
	if s.parent != nil {
		s.hold(func(p *Sink) { p.AddInfrastructure(t) })
		return
	}
	t = redact.Copy(t)
	id := withID(&t.ID, "infra", t.Kind, t.Detail)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.infrastructure.add(id, t, func(p *facts.Infrastructure, t facts.Infrastructure) { p.Evidence = append(p.Evidence, t.Evidence...) })
}

// AddPipeline records a CI/CD or supply-chain fact.
func (s *Sink) AddPipeline(t facts.Pipeline) {
	if s.parent != nil {
		s.hold(func(p *Sink) { p.AddPipeline(t) })
		return
	}
	t = redact.Copy(t)
	id := withID(&t.ID, "pipeline", t.Kind, t.Detail)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pipeline.add(id, t, func(p *facts.Pipeline, t facts.Pipeline) { p.Evidence = append(p.Evidence, t.Evidence...) })
}

// AddCredential records a configuration value the code reads; merges by name.
func (s *Sink) AddCredential(t facts.Credential) {
	if s.parent != nil {
		s.hold(func(p *Sink) { p.AddCredential(t) })
		return
	}
	t = redact.Copy(t)
	id := withID(&t.ID, "credential", t.Name)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.credentials.add(id, t, func(p *facts.Credential, t facts.Credential) {
		p.Evidence = append(p.Evidence, t.Evidence...)
		p.Secret = p.Secret || t.Secret
		if p.Service == "" {
			p.Service = t.Service
		}
	})
}

// AddControl records evidence of a security control.
func (s *Sink) AddControl(t facts.Control) {
	if s.parent != nil {
		s.hold(func(p *Sink) { p.AddControl(t) })
		return
	}
	t = redact.Copy(t)
	id := withID(&t.ID, "control", t.Kind, t.Detail, evidenceKey(t.Evidence))
	s.mu.Lock()
	defer s.mu.Unlock()
	s.controls.add(id, t, func(p *facts.Control, t facts.Control) { p.Evidence = append(p.Evidence, t.Evidence...) })
}

// AddWeakness records a weakness; evidence merges by id.
func (s *Sink) AddWeakness(t facts.Weakness) {
	if s.parent != nil {
		s.hold(func(p *Sink) { p.AddWeakness(t) })
		return
	}
	t = redact.Copy(t)
	id := withID(&t.ID, "weakness", t.Kind, evidenceKey(t.Evidence))
	s.mu.Lock()
	defer s.mu.Unlock()
	s.weaknesses.add(id, t, func(p *facts.Weakness, t facts.Weakness) { p.Evidence = append(p.Evidence, t.Evidence...) })
}

// AddSignal records what a route's handler or guards show.
func (s *Sink) AddSignal(t facts.Signal) {
	if s.parent != nil {
		s.hold(func(p *Sink) { p.AddSignal(t) })
		return
	}
	s.mu.Lock()
	s.signals = append(s.signals, t)
	s.mu.Unlock()
}

// Assets returns a copy of the assets found so far, for finishers that
// join them with routes.
func (s *Sink) Assets() []facts.Asset {
	if s.parent != nil {
		return s.parent.Assets()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.assets.items)
}

// ThirdParties returns a copy of the third parties found so far, for
// finishers that join them with routes.
func (s *Sink) ThirdParties() []facts.ThirdParty {
	if s.parent != nil {
		return s.parent.ThirdParties()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.thirdParties.items)
}

// Routes returns a copy of the routes found so far, for finishers that
// classify them.
func (s *Sink) Routes() []facts.Route {
	if s.parent != nil {
		return s.parent.Routes()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]facts.Route(nil), s.routes...)
}

func evidenceKey(ev []facts.Evidence) string {
	if len(ev) == 0 {
		return ""
	}
	return ev[0].File
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
