// Package detector defines what a detector is and collects what detectors
// find. A detector is small: a name, a cheap Match on the path before any
// byte is read, and Detect on one file's content. Detectors that need the
// whole tree (prefixes mounted across files) also implement Finisher.
package detector

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
	"sync"

	"github.com/threatmap/threatmap/internal/facts"
)

// File is one file of the tree, read once and shared by every detector.
type File struct {
	Path string // relative to the scanned root, with '/'
	Data []byte
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
// all its evidence).
type Sink struct {
	mu sync.Mutex
	f  facts.Facts
}

// NewSink makes an empty sink.
func NewSink() *Sink { return &Sink{} }

// Warn records a file the scan could not read; the scan goes on.
func (s *Sink) Warn(file, msg string) {
	s.mu.Lock()
	s.f.Warnings = append(s.f.Warnings, facts.Warning{File: file, Message: msg})
	s.mu.Unlock()
}

// AddRoute records an entry point. Routes with the same method and path
// are one surface: Result keeps the first declaration of it.
func (s *Sink) AddRoute(r facts.Route) {
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
	s.mu.Lock()
	s.f.Surfaces = append(s.f.Surfaces, r)
	s.mu.Unlock()
}

// RouteID is the content-based id of a route.
func RouteID(method, path string) string {
	return ID("route", strings.ToUpper(method), path)
}

// AddThirdParty records a service; evidence and credentials merge by service.
func (s *Sink) AddThirdParty(t facts.ThirdParty) {
	if t.ID == "" {
		t.ID = ID("third-party", t.Service)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.f.ThirdParties {
		if p := &s.f.ThirdParties[i]; p.ID == t.ID {
			p.Evidence = append(p.Evidence, t.Evidence...)
			p.Credentials = append(p.Credentials, t.Credentials...)
			return
		}
	}
	s.f.ThirdParties = append(s.f.ThirdParties, t)
}

// AddStore records a store; evidence merges by id.
func (s *Sink) AddStore(t facts.Store) {
	if t.ID == "" {
		t.ID = ID("store", t.Kind, t.Name)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.f.Stores {
		if p := &s.f.Stores[i]; p.ID == t.ID {
			p.Evidence = append(p.Evidence, t.Evidence...)
			return
		}
	}
	s.f.Stores = append(s.f.Stores, t)
}

// AddAsset records an asset; fields and evidence merge by id.
func (s *Sink) AddAsset(t facts.Asset) {
	if t.ID == "" {
		t.ID = ID("asset", t.Kind, t.Name)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.f.Assets {
		if p := &s.f.Assets[i]; p.ID == t.ID {
			p.Evidence = append(p.Evidence, t.Evidence...)
			p.Fields = append(p.Fields, t.Fields...)
			return
		}
	}
	s.f.Assets = append(s.f.Assets, t)
}

// AddExit records an exit.
func (s *Sink) AddExit(t facts.Exit) {
	if t.ID == "" {
		t.ID = ID("exit", t.Kind, t.Detail, evidenceKey(t.Evidence))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.f.Exits {
		if p := &s.f.Exits[i]; p.ID == t.ID {
			p.Evidence = append(p.Evidence, t.Evidence...)
			return
		}
	}
	s.f.Exits = append(s.f.Exits, t)
}

// AddSecret records a committed secret. The caller must have redacted it.
func (s *Sink) AddSecret(t facts.Secret) {
	if t.ID == "" {
		t.ID = ID("secret", t.Rule, t.File, t.Variable, t.Redacted)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range s.f.Secrets {
		if p.ID == t.ID {
			return
		}
	}
	s.f.Secrets = append(s.f.Secrets, t)
}

// AddInfrastructure records an infrastructure fact.
func (s *Sink) AddInfrastructure(t facts.Infrastructure) {
	if t.ID == "" {
		t.ID = ID("infra", t.Kind, t.Detail)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.f.Infrastructure {
		if p := &s.f.Infrastructure[i]; p.ID == t.ID {
			p.Evidence = append(p.Evidence, t.Evidence...)
			return
		}
	}
	s.f.Infrastructure = append(s.f.Infrastructure, t)
}

// AddPipeline records a CI/CD or supply-chain fact.
func (s *Sink) AddPipeline(t facts.Pipeline) {
	if t.ID == "" {
		t.ID = ID("pipeline", t.Kind, t.Detail)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.f.Pipeline {
		if p := &s.f.Pipeline[i]; p.ID == t.ID {
			p.Evidence = append(p.Evidence, t.Evidence...)
			return
		}
	}
	s.f.Pipeline = append(s.f.Pipeline, t)
}

// AddCredential records a configuration value the code reads; merges by name.
func (s *Sink) AddCredential(t facts.Credential) {
	if t.ID == "" {
		t.ID = ID("credential", t.Name)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.f.Credentials {
		if p := &s.f.Credentials[i]; p.ID == t.ID {
			p.Evidence = append(p.Evidence, t.Evidence...)
			p.Secret = p.Secret || t.Secret
			if p.Service == "" {
				p.Service = t.Service
			}
			return
		}
	}
	s.f.Credentials = append(s.f.Credentials, t)
}

// AddControl records evidence of a security control.
func (s *Sink) AddControl(t facts.Control) {
	if t.ID == "" {
		t.ID = ID("control", t.Kind, t.Detail, evidenceKey(t.Evidence))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.f.Controls {
		if p := &s.f.Controls[i]; p.ID == t.ID {
			p.Evidence = append(p.Evidence, t.Evidence...)
			return
		}
	}
	s.f.Controls = append(s.f.Controls, t)
}

// AddWeakness records a weakness; evidence merges by id.
func (s *Sink) AddWeakness(t facts.Weakness) {
	if t.ID == "" {
		t.ID = ID("weakness", t.Kind, evidenceKey(t.Evidence))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.f.Weaknesses {
		if p := &s.f.Weaknesses[i]; p.ID == t.ID {
			p.Evidence = append(p.Evidence, t.Evidence...)
			return
		}
	}
	s.f.Weaknesses = append(s.f.Weaknesses, t)
}

// Routes returns a copy of the routes found so far, for finishers that
// classify them.
func (s *Sink) Routes() []facts.Route {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]facts.Route(nil), s.f.Surfaces...)
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
