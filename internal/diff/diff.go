// Package diff says what a change does to the threat map: the surfaces and
// threat rows it adds or removes, and the rows whose difficulty, impact or
// priority it changes, between two drafts of the same repository.
package diff

import (
	"cmp"
	"slices"

	"github.com/threatmap/threatmap/internal/check"
	"github.com/threatmap/threatmap/internal/model"
)

// Result is the difference between two drafted threat maps.
type Result struct {
	Base       string `json:"base"`
	Head       string `json:"head"`
	BaseCommit string `json:"base_commit,omitempty"`
	HeadCommit string `json:"head_commit,omitempty"`
	// Model names the threatmap.yaml at head when there is one; then each
	// added row says whether the model already covers it.
	Model    string         `json:"model,omitempty"`
	Surfaces SurfaceChanges `json:"surfaces"`
	Threats  ThreatChanges  `json:"threats"`
	// Gate is how the change loosens threatmap-check.yaml, the check's
	// own configuration (absent when it does not).
	Gate []check.Loosening `json:"gate,omitempty"`
	// GateFile names that file when Gate is set.
	GateFile string `json:"gate_file,omitempty"`
}

// SurfaceChanges is the surfaces a change adds and removes.
type SurfaceChanges struct {
	Added   []SurfaceRow `json:"added"`
	Removed []SurfaceRow `json:"removed"`
}

// ThreatChanges is the threat rows a change adds, removes and changes.
type ThreatChanges struct {
	Added   []ThreatRow    `json:"added"`
	Removed []ThreatRow    `json:"removed"`
	Changed []ThreatChange `json:"changed"`
}

// SurfaceRow is one surface of a draft.
type SurfaceRow struct {
	ID       string              `json:"id"`
	Kind     string              `json:"kind"`
	Name     string              `json:"name"`
	Exposure string              `json:"exposure,omitempty"`
	Match    *model.SurfaceMatch `json:"match,omitempty"`
	File     string              `json:"file,omitempty"`
	Line     int                 `json:"line,omitempty"`
	InModel  *bool               `json:"in_model,omitempty"`
}

// ThreatRow is one row of a threat map.
type ThreatRow struct {
	ID          string `json:"id"`
	Rule        string `json:"rule,omitempty"`
	Surface     string `json:"surface"`
	SurfaceName string `json:"surface_name"`
	Abuse       string `json:"abuse"`
	Statement   string `json:"statement"`
	Rating
	InModel *bool `json:"in_model,omitempty"`
	// Sites are a grouped threat's routes: the row stands for one cause
	// they share.
	Sites []SiteRow `json:"sites,omitempty"`
}

// SiteRow is one route of a grouped threat.
type SiteRow struct {
	Surface string `json:"surface"`
	Name    string `json:"name"`
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	// InModel, on a site a row gained, says whether the model at head
	// lists it on that row already (sync recorded it).
	InModel *bool `json:"in_model,omitempty"`
}

// Rating is where a row stands on the difficulty × impact matrix.
type Rating struct {
	Difficulty string `json:"difficulty"`
	Impact     string `json:"impact"`
	Priority   int    `json:"priority"` // 1 = fix first, within its draft
}

// ThreatChange is a row both drafts have, rated differently.
type ThreatChange struct {
	ID          string `json:"id"`
	Rule        string `json:"rule,omitempty"`
	Surface     string `json:"surface"`
	SurfaceName string `json:"surface_name"`
	Abuse       string `json:"abuse"`
	Before      Rating `json:"before"`
	After       Rating `json:"after"`
	// SitesAdded and SitesRemoved are the routes a grouped threat gained
	// and lost: a route that joins a row joins its cause (and, in the
	// model, the decision on it).
	SitesAdded   []SiteRow `json:"sites_added,omitempty"`
	SitesRemoved []SiteRow `json:"sites_removed,omitempty"`
	// Decision is the model's response to the row, with a covering model,
	// when a person decided it (accept, transfer, eliminate): a site it
	// gained is one that decision did not cover.
	Decision string `json:"decision,omitempty"`
}

// Empty reports whether the change leaves the threat map as it was (the
// gate's configuration aside).
func (r *Result) Empty() bool {
	return len(r.Surfaces.Added)+len(r.Surfaces.Removed)+len(r.Threats.Added)+len(r.Threats.Removed)+len(r.Threats.Changed) == 0
}

// Compare finds what head adds to, removes from and changes in base.
// Surfaces are the same when their matches are (method and path, or the
// fact they stand for); threats when their rule and surface are. When
// covering is not nil (the threatmap.yaml at head), added rows say
// whether it already covers them.
func Compare(base, head, covering *model.Model) *Result {
	r := &Result{
		Surfaces: SurfaceChanges{Added: []SurfaceRow{}, Removed: []SurfaceRow{}},
		Threats:  ThreatChanges{Added: []ThreatRow{}, Removed: []ThreatRow{}, Changed: []ThreatChange{}},
	}
	bs, hs := surfacesByKey(base), surfacesByKey(head)
	for _, s := range head.Surfaces {
		if s.Grouped() {
			continue // its routes are surfaces of their own
		}
		if _, ok := bs[surfaceKey(&s)]; !ok {
			row := surfaceRow(&s)
			if covering != nil {
				row.InModel = ptr(covering.FindSurface(&s) >= 0)
			}
			r.Surfaces.Added = append(r.Surfaces.Added, row)
		}
	}
	for _, s := range base.Surfaces {
		if s.Grouped() {
			continue
		}
		if _, ok := hs[surfaceKey(&s)]; !ok {
			r.Surfaces.Removed = append(r.Surfaces.Removed, surfaceRow(&s))
		}
	}

	bt, ht := rankByKey(base), rankByKey(head)
	shared := map[string]bool{}
	for k := range ht {
		if _, ok := bt[k]; ok {
			shared[k] = true
		}
	}
	// Priority changes are judged among the rows both drafts share, so a
	// new row ranked above others does not mark them all as changed.
	bOrder, hOrder := sharedOrder(bt, shared), sharedOrder(ht, shared)
	for _, k := range sortedKeys(ht) {
		h := ht[k]
		b, ok := bt[k]
		if !ok {
			row := threatRow(h)
			if covering != nil {
				row.InModel = ptr(covers(covering, head, h))
			}
			r.Threats.Added = append(r.Threats.Added, row)
			continue
		}
		before, after := threatRow(b), threatRow(h)
		gained, lost := sitesBetween(base, head, b.Threat, h.Threat), sitesBetween(head, base, h.Threat, b.Threat)
		if before.Difficulty != after.Difficulty || before.Impact != after.Impact || bOrder[k] != hOrder[k] || len(gained)+len(lost) > 0 {
			c := ThreatChange{ID: after.ID, Rule: after.Rule, Surface: after.Surface,
				SurfaceName: after.SurfaceName, Abuse: after.Abuse, Before: before.Rating, After: after.Rating,
				SitesAdded: gained, SitesRemoved: lost}
			if covering != nil && len(gained) > 0 {
				row := modelRow(covering, h)
				if row != nil {
					switch resp := row.EffectiveResponse(); resp {
					case model.Accept, model.TransferRisk, model.Eliminate:
						c.Decision = string(resp)
					}
				}
				for i := range gained {
					ds := head.SurfaceByID(gained[i].Surface)
					listed := row != nil && ds != nil && covering.SiteIn(head, model.Site{Surface: ds.ID}, row.Sites)
					gained[i].InModel = ptr(listed)
				}
			}
			r.Threats.Changed = append(r.Threats.Changed, c)
		}
	}
	for _, k := range sortedKeys(bt) {
		if _, ok := ht[k]; !ok {
			r.Threats.Removed = append(r.Threats.Removed, threatRow(bt[k]))
		}
	}
	return r
}

func ptr(b bool) *bool { return &b }

// surfaceKey is what makes two drafts' surfaces the same surface.
func surfaceKey(s *model.Surface) string {
	if m := s.Match; m != nil {
		return "match\x00" + m.Method + "\x00" + m.Path + "\x00" + m.Fact
	}
	return "id\x00" + s.ID
}

func surfacesByKey(m *model.Model) map[string]*model.Surface {
	out := map[string]*model.Surface{}
	for i := range m.Surfaces {
		out[surfaceKey(&m.Surfaces[i])] = &m.Surfaces[i]
	}
	return out
}

// threatKey is what makes two drafts' threats the same row: the rule that
// drafted it and the surface it is about (its id for a hand-written one).
func threatKey(r model.Ranked) string {
	rule := r.Threat.Rule
	if rule == "" {
		rule = "id:" + r.Threat.ID
	}
	surface := "id\x00" + r.Threat.Surface
	if r.Surface != nil {
		surface = surfaceKey(r.Surface)
	}
	return rule + "\x00" + surface
}

func rankByKey(m *model.Model) map[string]model.Ranked {
	out := map[string]model.Ranked{}
	for _, r := range model.Rank(m) {
		out[threatKey(r)] = r
	}
	return out
}

// sharedOrder numbers the shared rows in their draft's priority order.
func sharedOrder(rows map[string]model.Ranked, shared map[string]bool) map[string]int {
	var keys []string
	for k := range shared {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Compare(rows[a].Priority, rows[b].Priority) })
	out := map[string]int{}
	for i, k := range keys {
		out[k] = i
	}
	return out
}

// sortedKeys lists rows in priority order, so tables read fix-first.
func sortedKeys(rows map[string]model.Ranked) []string {
	keys := make([]string, 0, len(rows))
	for k := range rows {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Compare(rows[a].Priority, rows[b].Priority) })
	return keys
}

func surfaceRow(s *model.Surface) SurfaceRow {
	row := SurfaceRow{ID: s.ID, Kind: string(s.Kind), Name: s.Name, Exposure: string(s.Exposure), Match: s.Match}
	if len(s.Evidence) > 0 {
		row.File, row.Line = s.Evidence[0].File, s.Evidence[0].Line
	}
	return row
}

func threatRow(r model.Ranked) ThreatRow {
	t := r.Threat
	row := ThreatRow{ID: t.ID, Rule: t.Rule, Surface: t.Surface, SurfaceName: t.Surface, Abuse: t.Abuse, Statement: t.Statement,
		Rating: Rating{Difficulty: string(t.Difficulty), Impact: string(t.Impact), Priority: r.Priority}}
	if r.Surface != nil {
		row.SurfaceName = r.Surface.Name
	}
	for _, s := range t.Sites {
		row.Sites = append(row.Sites, siteRow(s))
	}
	if len(t.Sites) == 1 {
		row.SurfaceName = t.Sites[0].Name
	}
	if row.Abuse == "" {
		row.Abuse = t.Statement
	}
	return row
}

func siteRow(s model.Site) SiteRow {
	row := SiteRow{Surface: s.Surface, Name: s.Name}
	if len(s.Evidence) > 0 {
		row.File, row.Line = s.Evidence[0].File, s.Evidence[0].Line
	}
	return row
}

// sitesBetween lists the sites of grouped threat h (in draft to) that
// grouped threat b (in draft from) lacks: the same route by its match.
func sitesBetween(from, to *model.Model, b, h *model.Threat) []SiteRow {
	had := map[string]bool{}
	for _, s := range b.Sites {
		if x := from.SurfaceByID(s.Surface); x != nil {
			had[surfaceKey(x)] = true
		}
	}
	var out []SiteRow
	for _, s := range h.Sites {
		if x := to.SurfaceByID(s.Surface); x == nil || !had[surfaceKey(x)] {
			out = append(out, siteRow(s))
		}
	}
	return out
}

// modelRow is m's row for drafted threat r: the same rule on the surface
// that stands for r's, else the same id; nil when m has none.
func modelRow(m *model.Model, r model.Ranked) *model.Threat {
	if r.Surface != nil {
		if i := m.FindSurface(r.Surface); i >= 0 {
			for j := range m.Threats {
				if t := &m.Threats[j]; t.Rule == r.Threat.Rule && t.Surface == m.Surfaces[i].ID {
					return t
				}
			}
		}
	}
	for j := range m.Threats {
		if m.Threats[j].ID == r.Threat.ID {
			return &m.Threats[j]
		}
	}
	return nil
}

// covers reports whether the model already has a row for a drafted
// threat: the same id, or the same rule on the surface that stands for it.
// A grouped threat is covered, too, when each of its routes has a row
// of the rule of its own (one from before threats were grouped).
func covers(m, draft *model.Model, r model.Ranked) bool {
	for _, t := range m.Threats {
		if t.ID == r.Threat.ID {
			return true
		}
	}
	if sites := r.Threat.Sites; len(sites) > 0 && !slices.ContainsFunc(sites, func(s model.Site) bool {
		ds := draft.SurfaceByID(s.Surface)
		return ds == nil || m.OwnRow(r.Threat.Rule, ds) < 0
	}) {
		return true
	}
	if r.Surface == nil {
		return false
	}
	i := m.FindSurface(r.Surface)
	if i < 0 {
		return false
	}
	for _, t := range m.Threats {
		if t.Surface == m.Surfaces[i].ID && t.Rule != "" && t.Rule == r.Threat.Rule {
			return true
		}
	}
	return false
}
