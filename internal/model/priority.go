package model

import (
	"sort"
	"strings"
	"time"
)

// Priority is the source's difficulty × impact matrix as code. Threats in
// code that runs in production come first; then threats are ordered by difficulty (low first: what bots find first), then impact
// (critical first), then the exposure of their surface (public before
// authenticated before internal), then id.
//
// A threat leaves the "fix first" list when it is answered: accepted,
// eliminated or transferred, or when all its controls are implemented. It
// stays on the map.

// Ranked is a threat with its place in the ranking (1 = fix first).
type Ranked struct {
	Threat   *Threat
	Surface  *Surface // nil if the threat names a missing surface
	Priority int
	Open     bool // still on the "fix first" list
}

// Rank orders every threat of m and numbers them from 1.
func Rank(m *Model) []Ranked {
	surfaces := map[string]*Surface{}
	for i := range m.Surfaces {
		surfaces[m.Surfaces[i].ID] = &m.Surfaces[i]
	}
	out := make([]Ranked, 0, len(m.Threats))
	for i := range m.Threats {
		t := &m.Threats[i]
		out = append(out, Ranked{Threat: t, Surface: surfaces[t.Surface], Open: t.IsOpen()})
	}
	sort.SliceStable(out, func(i, j int) bool { return Less(out[i], out[j]) })
	for i := range out {
		out[i].Priority = i + 1
	}
	return out
}

// Less is the ranking order.
func Less(a, b Ranked) bool {
	if x, y := a.Threat.Where != "", b.Threat.Where != ""; x != y {
		return y // served code first: a bot cannot reach the rest
	}
	if x, y := a.Threat.Difficulty.Rank(), b.Threat.Difficulty.Rank(); x != y {
		return x < y
	}
	if x, y := a.Threat.Impact.Rank(), b.Threat.Impact.Rank(); x != y {
		return x < y
	}
	if x, y := exposureRank(a.Surface), exposureRank(b.Surface); x != y {
		return x < y
	}
	return a.Threat.ID < b.Threat.ID
}

func exposureRank(s *Surface) int {
	if s == nil {
		return 0
	}
	return s.Exposure.Rank()
}

// IsOpen reports whether the threat still needs work: not answered by
// accept / eliminate / transfer, and not fully mitigated.
func (t *Threat) IsOpen() bool {
	switch t.Response {
	case Accept, Eliminate, TransferRisk:
		return false
	}
	return !t.FullyMitigated()
}

// FullyMitigated reports whether the threat has controls and all of them
// are implemented.
func (t *Threat) FullyMitigated() bool {
	if len(t.Controls) == 0 {
		return false
	}
	for _, c := range t.Controls {
		if c.Status != Implemented {
			return false
		}
	}
	return true
}

// EffectiveResponse is the response, with an empty one read as undecided.
func (t *Threat) EffectiveResponse() Response {
	if t.Response == "" {
		return Undecided
	}
	return t.Response
}

// ReviewDue returns when the next review is due, and whether the model has
// ever been reviewed.
func (m *Model) ReviewDue() (time.Time, bool) {
	if m.Review.Last == nil || m.Review.Last.On.IsZero() {
		return time.Time{}, false
	}
	every := m.Review.Every
	if every.IsZero() {
		every = DefaultReviewEvery
	}
	return m.Review.Last.On.AddDate(0, 0, every.Days), true
}

// SameControlText reports whether two control texts say the same thing to a
// reader: letter case, spacing and a closing full stop aside.
func SameControlText(a, b string) bool {
	norm := func(s string) string {
		return strings.TrimRight(strings.Join(strings.Fields(s), " "), ".")
	}
	return strings.EqualFold(norm(a), norm(b))
}

// ControlFor returns the index of the control of t that c stands for: the
// one with c's check, else one without a check whose text is c's (a
// control a person wrote before threatmap checked it); -1 when none.
// Controls for which skip reports true are passed over.
func (t *Threat) ControlFor(c Control, skip func(int) bool) int {
	if skip == nil {
		skip = func(int) bool { return false }
	}
	if c.Check != "" {
		for i, fc := range t.Controls {
			if !skip(i) && fc.Check == c.Check {
				return i
			}
		}
	}
	for i, fc := range t.Controls {
		if !skip(i) && (fc.Check == "" || c.Check == "") && SameControlText(fc.Text, c.Text) {
			return i
		}
	}
	return -1
}
