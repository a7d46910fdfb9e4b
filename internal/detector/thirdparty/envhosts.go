package thirdparty

import (
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/facts"
)

// An environment template (.env.example) documents a variable's usual
// value: OPENNODE_API_ENDPOINT=https://api.opennode.com/. Where shipped
// code reads that variable, the service the value's host names is the
// one the code calls, though the code names only the variable (a
// settings field with no default). A value nobody reads, or one that
// names no catalogued host, says nothing. Only the URL's host is read,
// never the value's secret part.

// envURLRE is a template line whose value is an http(s) URL.
var envURLRE = regexp.MustCompile(`(?m)^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*=[ \t]*["']?(https?://[^\s"'#]+)`)

// envHost is one template line naming a catalogued service's URL.
type envHost struct {
	service string
	at      facts.Evidence
}

// envTemplateHosts are a template's variables whose values are the URLs
// of catalogued services.
func envTemplateHosts(p string, src []byte) map[string][]envHost {
	out := map[string][]envHost{}
	for _, m := range envURLRE.FindAllSubmatchIndex(src, -1) {
		s := urlService(string(src[m[4]:m[5]]))
		if s == nil {
			continue
		}
		name := string(src[m[2]:m[3]])
		out[name] = append(out[name], envHost{service: s.ID, at: facts.Evidence{File: p, Line: code.LineAt(src, m[2])}})
	}
	return out
}

// envState is what the detector keeps for the templates' hosts: by
// variable, the hosts templates give it and the places code reads it.
type envState struct {
	mu    sync.Mutex
	hosts map[string][]envHost
	reads map[string][]facts.Evidence
}

func (e *envState) addHosts(h map[string][]envHost) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.hosts == nil {
		e.hosts = map[string][]envHost{}
	}
	for k, v := range h {
		e.hosts[k] = append(e.hosts[k], v...)
	}
}

func (e *envState) addRead(name string, at facts.Evidence) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.reads == nil {
		e.reads = map[string][]facts.Evidence{}
	}
	e.reads[strings.ToUpper(name)] = append(e.reads[strings.ToUpper(name)], at)
}

// envHostUses records, for each variable a template gives a service's
// URL and code the product ships reads, the service with the template
// line and the reads. The caller holds d.mu.
func (d *Detector) envHostUses(out *detector.Sink) {
	d.env.mu.Lock()
	defer d.env.mu.Unlock()
	for name, hs := range d.env.hosts {
		reads := d.env.reads[strings.ToUpper(name)]
		if !slices.ContainsFunc(reads, func(e facts.Evidence) bool { return ships(out.RoleOf(e.File).Kind) }) {
			continue // read by no code the product ships
		}
		for _, h := range hs {
			d.uses[h.service] = append(d.uses[h.service], h.at)
			d.uses[h.service] = append(d.uses[h.service], reads...)
		}
	}
}
