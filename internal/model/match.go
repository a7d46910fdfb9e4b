package model

import (
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/urlpath"
)

// Covers reports whether the surface match m (from the model file) stands
// for the scanned surface o. Facts match by equal keys. A route matches by
// method and path; a match with a path and no method covers every method
// at that path and every route below it ("/admin" covers
// "DELETE /admin/users/{id}"), so one hand-written row can stand for a
// group of routes.
func (m *SurfaceMatch) Covers(o *SurfaceMatch) bool {
	if m == nil || o == nil {
		return false
	}
	// Text is compared as the model file holds it (ValidText), whichever
	// side was read from the file and whichever from a scan.
	if m.Fact != "" || o.Fact != "" {
		mf, of := ValidText(m.Fact), ValidText(o.Fact)
		if mfs, ok := strings.CutPrefix(mf, SecretsFact); ok {
			if ofs, ok := strings.CutPrefix(of, SecretsFact); ok {
				return sharesFile(mfs, ofs)
			}
		}
		return m.Fact != "" && mf == of
	}
	if m.Path == "" || o.Path == "" {
		return false
	}
	mp, op := urlpath.Canonical(ValidText(m.Path)), urlpath.Canonical(ValidText(o.Path))
	if m.Method != "" {
		return strings.EqualFold(ValidText(m.Method), ValidText(o.Method)) && mp == op
	}
	return op == mp || strings.HasPrefix(op, strings.TrimSuffix(mp, "/")+"/")
}

// FindSurface returns the index of the model surface that stands for the
// scanned surface s: by match first, then by id; -1 when none does.
func (m *Model) FindSurface(s *Surface) int {
	best := -1
	for i := range m.Surfaces {
		ms := &m.Surfaces[i]
		if ms.Match.Covers(s.Match) {
			// An exact method+path match beats a path-prefix match.
			if best < 0 || (ms.Match.Method != "" && m.Surfaces[best].Match.Method == "") {
				best = i
			}
		}
	}
	if best >= 0 {
		return best
	}
	for i := range m.Surfaces {
		if m.Surfaces[i].ID == s.ID {
			return i
		}
	}
	return -1
}

// SecretsFact starts the match of the surface of one committed secret,
// and of its copies: "secrets:FILE,FILE...". The surface stands for the
// value, which no model holds, so it covers a scanned one that shares a
// file with it: a copy added to another file, or a copy removed, leaves
// the row it was drafted as (and what people wrote in it).
const SecretsFact = "secrets:"

// sharesFile reports whether two comma-separated file lists share a file.
func sharesFile(a, b string) bool {
	files := strings.Split(a, ",")
	for _, f := range strings.Split(b, ",") {
		if f != "" && slices.Contains(files, f) {
			return true
		}
	}
	return false
}

// GroupFact starts the match of a grouped threat's surface: it stands for
// a cause its sites share ("group:RULE:CAUSE"), not for code of its own.
const GroupFact = "group:"

// Grouped reports whether the surface is a grouped threat's.
func (s *Surface) Grouped() bool { return s.Match != nil && strings.HasPrefix(s.Match.Fact, GroupFact) }

// SurfaceByID is the surface with id, or nil.
func (m *Model) SurfaceByID(id string) *Surface {
	for i := range m.Surfaces {
		if m.Surfaces[i].ID == id {
			return &m.Surfaces[i]
		}
	}
	return nil
}

// OwnRow is the index of the model's row of rule about the surface that
// stands for the scanned surface s alone (not a grouped row), or -1.
func (m *Model) OwnRow(rule string, s *Surface) int {
	i := m.FindSurface(s)
	if i < 0 {
		return -1
	}
	id := m.Surfaces[i].ID
	for j := range m.Threats {
		if t := &m.Threats[j]; t.Rule == rule && t.Surface == id && len(t.Sites) == 0 {
			return j
		}
	}
	return -1
}

// SiteIn reports whether a site of a drafted grouped threat (its route's
// surface, site, in draft) is among sites, the sites a model's row lists:
// the same route, by the one rule FindSurface defines.
func (m *Model) SiteIn(draft *Model, site Site, sites []Site) bool {
	ds := draft.SurfaceByID(site.Surface)
	if ds == nil {
		return false
	}
	i := m.FindSurface(ds)
	if i < 0 {
		return false
	}
	for _, s := range sites {
		if s.Surface == m.Surfaces[i].ID {
			return true
		}
	}
	return false
}

// WaysIn counts the surfaces that are ways in of their own: every surface
// but a grouped threat's, whose routes are counted in their own right.
func (m *Model) WaysIn() int {
	n := 0
	for i := range m.Surfaces {
		if !m.Surfaces[i].Grouped() {
			n++
		}
	}
	return n
}
