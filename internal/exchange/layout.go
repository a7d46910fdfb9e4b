// Package exchange writes the threat model in the formats other threat
// modelling tools read, and reads one of them back:
//
//   - OTM, the Open Threat Model (0.2.0), which IriusRisk speaks natively,
//     OWASP Threat Dragon imports, and threatcl and StartLeft write;
//   - TM-BOM, the OWASP Threat Model Library's schema (1.0.2).
//
// Both describe a system as trust zones holding components, with data
// flows between them. threatmap's model has trust boundaries (from one
// context to another) and surfaces on them, so both writers share one
// layout (this file): each side of a boundary is a zone, and each surface
// sits in one of them. docs/formats.md documents the mapping field by
// field, and what each format cannot hold.
//
// Output is deterministic: everything is written in the model's order, and
// every id is derived from the model's ids, never from a counter or a map's
// order, so two exports of the same model are byte-identical.
package exchange

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/threatmap/threatmap/internal/model"
)

// Placement is where a surface sits: in the zone of one side of its
// boundary, with the other side the far end of its data flow.
type placement struct {
	zone  string // the context the surface sits in
	other string // the far end of its flow; "" when it names no boundary
	// inbound says data flows from the other side to the surface (an
	// entry, a store or an exit the product reaches across the boundary);
	// otherwise from the surface to the other side.
	inbound bool
}

// layout is the model seen as zones: the contexts its boundaries join, in
// the order they first appear, and where each surface sits.
type layout struct {
	contexts []string
	// home is the context a surface with no (known) boundary is put in.
	home     string
	place    map[string]placement // surface id → placement
	boundary map[string]model.Boundary
	// inward marks the contexts the product's own entries are served in
	// (the far side of a boundary data enters through): the product.
	inward map[string]bool
	// outward marks the contexts data enters from: callers.
	outward map[string]bool
}

// unplaced names the zone of surfaces whose boundary the model does not
// record.
const unplaced = "unplaced"

func newLayout(m *model.Model) *layout {
	l := &layout{place: map[string]placement{}, boundary: map[string]model.Boundary{},
		inward: map[string]bool{}, outward: map[string]bool{}}
	seen := map[string]bool{}
	add := func(c string) {
		if !seen[c] {
			seen[c] = true
			l.contexts = append(l.contexts, c)
		}
	}
	for _, b := range m.Boundaries {
		l.boundary[b.ID] = b
		add(b.From)
		add(b.To)
	}
	for _, s := range m.Surfaces {
		b, ok := l.boundary[s.Boundary]
		if !ok {
			if l.home == "" {
				l.home = unplaced
			}
			l.place[s.ID] = placement{zone: unplaced}
			continue
		}
		// What lives in the repository or in CI (a committed secret, a
		// workflow) sits on the boundary's near side, exposed to its far
		// side; everything else sits where the data arrives: a route in the
		// API, a bucket in the store's context, a provider in its own.
		if s.Kind == model.KindSecret || s.Kind == model.KindPipeline {
			l.place[s.ID] = placement{zone: b.From, other: b.To}
			l.outward[b.To] = true
			continue
		}
		l.place[s.ID] = placement{zone: b.To, other: b.From, inbound: true}
		if s.Direction == model.Entry {
			l.inward[b.To] = true
			l.outward[b.From] = true
		}
	}
	if l.home != "" {
		add(unplaced)
	}
	return l
}

// trust rates a context from 0 (anyone) to 100 (the product's own): the
// side requests come in from (or that reads what the repository holds) is
// untrusted, the side the product serves them on is trusted, and every
// other context (a provider, a store) is in between. threatmap records no trust
// rating of its own; docs/formats.md says so.
func (l *layout) trust(c string) int {
	switch {
	case l.outward[c] && !l.inward[c]:
		return 0
	case l.inward[c]:
		return 100
	}
	return 50
}

// populated reports whether any surface sits in context c.
func (l *layout) populated(c string) bool {
	for _, p := range l.place {
		if p.zone == c {
			return true
		}
	}
	return false
}

// ---- names -----------------------------------------------------------------

var nonName = regexp.MustCompile(`[^0-9a-z]+`)

// symbol turns s into [0-9a-z-]+, TM-BOM's symbolic name.
func symbol(s string) string {
	s = nonName.ReplaceAllString(strings.ToLower(s), "-")
	s = strings.Trim(s, "-")
	if s == "" {
		return "x"
	}
	return s
}

// names hands out unique names: the same key always gets the same name,
// and two keys that would share one get -2, -3 in the order they ask.
type names struct {
	byKey map[string]string
	taken map[string]bool
}

func newNames() *names { return &names{byKey: map[string]string{}, taken: map[string]bool{}} }

func (n *names) get(key, want string) string {
	if s, ok := n.byKey[key]; ok {
		return s
	}
	s := want
	for i := 2; n.taken[s]; i++ {
		s = want + "-" + strconv.Itoa(i)
	}
	n.taken[s] = true
	n.byKey[key] = s
	return s
}

// ---- scales ----------------------------------------------------------------

// threatmap rates difficulty for a zero-knowledge automated attacker; the
// formats rate likelihood. Easy is likely.
var likelihood = map[model.Difficulty]int{model.Easy: 80, model.Moderate: 50, model.Hard: 20}

var impactScore = map[model.Level]int{model.Low: 25, model.Medium: 50, model.High: 75, model.Critical: 100}

// difficultyOf reads a 0-100 likelihood back: the nearest of the three.
func difficultyOf(likely float64) model.Difficulty {
	switch {
	case likely >= 65:
		return model.Easy
	case likely >= 35:
		return model.Moderate
	}
	return model.Hard
}

// levelOf reads a 0-100 impact back: the nearest of the four.
func levelOf(score float64) model.Level {
	switch {
	case score >= 88:
		return model.Critical
	case score >= 63:
		return model.High
	case score >= 38:
		return model.Medium
	}
	return model.Low
}

// strideNames are the six categories as OTM's categories spell them.
var strideNames = map[string]string{
	"S": "Spoofing", "T": "Tampering", "R": "Repudiation",
	"I": "Information Disclosure", "D": "Denial of Service", "E": "Elevation of Privilege",
}

// strideLetter reads a category back, by its name or its letter.
func strideLetter(category string) string {
	c := strings.ToLower(strings.Join(strings.Fields(category), " "))
	for l, n := range strideNames {
		if c == strings.ToLower(n) || c == strings.ToLower(l) {
			return l
		}
	}
	switch c {
	case "information disclosure", "disclosure", "info disclosure":
		return "I"
	case "dos", "denial-of-service":
		return "D"
	case "elevation of privileges", "privilege escalation", "eop":
		return "E"
	}
	return ""
}
