package reconcile

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/threatmap/threatmap/internal/model"
)

// Summary is what a merge changed, with ids, for the CLI to print.
type Summary struct {
	AddedAssets     []string
	AddedBoundaries []string
	AddedSurfaces   []string
	GoneSurfaces    []string
	RevivedSurfaces []string
	AddedThreats    []string
	GoneThreats     []string
	RevivedThreats  []string
	// Controls lists "threat-id/check" for every control the scan set or
	// added.
	Controls []string
	// Sites lists the grouped threats whose sites changed: a route joined
	// or left the cause they share.
	Sites []string
	// Exposures lists the surfaces whose match gained the exposure the
	// code shows (a model drafted before threatmap recorded it), so that
	// an exposure changed by hand re-rates their threats.
	Exposures []string
}

// Changed reports whether the merge changed anything.
func (s Summary) Changed() bool { return s.String() != "no changes" }

// String is one line: "2 new surfaces (a, b), 1 gone threat (c), ...".
func (s Summary) String() string {
	var parts []string
	add := func(ids []string, one, many string) {
		if len(ids) > 0 {
			parts = append(parts, countedIDs(ids, one, many))
		}
	}
	add(s.AddedAssets, "new asset", "new assets")
	add(s.AddedBoundaries, "new boundary", "new boundaries")
	add(s.AddedSurfaces, "new surface", "new surfaces")
	add(s.GoneSurfaces, "gone surface", "gone surfaces")
	add(s.RevivedSurfaces, "surface found again", "surfaces found again")
	add(s.AddedThreats, "new threat", "new threats")
	add(s.GoneThreats, "gone threat", "gone threats")
	add(s.RevivedThreats, "threat found again", "threats found again")
	add(s.Controls, "control updated", "controls updated")
	add(s.Sites, "grouped threat with changed sites", "grouped threats with changed sites")
	add(s.Exposures, "drafted exposure recorded", "drafted exposures recorded")
	if len(parts) == 0 {
		return "no changes"
	}
	return strings.Join(parts, ", ")
}

// Merge folds a fresh draft from a new scan into the file a person edits.
// Surfaces and threats are recognised by what they stand for in the code
// (match; rule and surface) before their ids; new ones are appended with
// state: new, vanished ones marked state: gone (never deleted), and only
// threatmap's own findings (checked controls) are refreshed. Every other
// byte of existing stays as written; merging the same draft twice changes
// nothing the second time.
func Merge(existing []byte, drafted *model.Model, name string) (out []byte, s Summary, err error) {
	defer guard(name, &err)
	drafted = drafted.WithValidText()
	doc, err := model.Decode(name, existing)
	if err != nil {
		return nil, s, err
	}
	wasValid := len(model.Validate(doc)) == 0
	f, err := parseFile(name, existing)
	if err != nil {
		return nil, s, err
	}
	cur := doc.Model
	want := *cur
	want.Surfaces = slices.Clone(cur.Surfaces)
	want.Threats = slices.Clone(cur.Threats)

	// Surfaces: which file surface each drafted one is, if any. A grouped
	// threat's own surface is added only if the threat is (below).
	fileSurface := map[string]string{} // drafted id → file id
	surfaceFound := make([]bool, len(cur.Surfaces))
	codeExposure := map[int]model.Exposure{} // file index → the exposure the code shows
	var newSurfaces []model.Surface
	taken := idSet(cur.Surfaces, func(x model.Surface) string { return x.ID })
	groupSurface := map[string]bool{}
	for _, d := range drafted.Threats {
		if len(d.Sites) > 0 {
			groupSurface[d.Surface] = true
		}
	}
	pending := map[string]model.Surface{} // drafted id → a new group surface
	for _, d := range drafted.Surfaces {
		if i := findSurface(cur.Surfaces, d); i >= 0 {
			fileSurface[d.ID] = cur.Surfaces[i].ID
			surfaceFound[i] = true
			if d.Match != nil && d.Match.Exposure != "" {
				codeExposure[i] = d.Match.Exposure
			}
			continue
		}
		if groupSurface[d.ID] {
			pending[d.ID] = d
			continue
		}
		n := d
		n.ID = unique(d.ID, taken)
		n.State = model.StateNew
		fileSurface[d.ID] = n.ID
		newSurfaces = append(newSurfaces, n)
	}

	// Threats: the same rule on the same surface, else the same id.
	threatFound := make([]bool, len(cur.Threats))
	drafts := map[int]model.Threat{} // file index → drafted threat
	sites := map[int][]model.Site{}  // file index → a grouped threat's sites, in file ids
	var newThreats []model.Threat
	takenThreats := idSet(cur.Threats, func(x model.Threat) string { return x.ID })
	for _, d := range drafted.Threats {
		var ds []model.Site
		if len(d.Sites) > 0 {
			ds = groupSites(cur.Threats, d, fileSurface, func(i int) {
				if !threatFound[i] {
					drafts[i] = d
				}
				threatFound[i] = true
			})
			if len(ds) == 0 {
				continue // every site keeps a row of its own
			}
			if p, ok := pending[d.Surface]; ok {
				delete(pending, d.Surface)
				p.ID = unique(p.ID, taken)
				p.State = model.StateNew
				fileSurface[d.Surface] = p.ID
				newSurfaces = append(newSurfaces, p)
			}
		}
		surface, ok := fileSurface[d.Surface]
		if !ok {
			surface = d.Surface
		}
		if i := findThreat(cur.Threats, d, surface); i >= 0 {
			if !threatFound[i] {
				drafts[i] = d
				if ds != nil {
					sites[i] = ds
				}
			}
			threatFound[i] = true
			continue
		}
		n := d
		n.ID = unique(d.ID, takenThreats)
		n.Surface = surface
		n.State = model.StateNew
		n.Controls = slices.Clone(d.Controls)
		n.Sites = ds
		newThreats = append(newThreats, n)
	}

	// What new rows refer to must exist: drafted assets and boundaries the
	// file lacks come along (assets marked new).
	var newAssets []model.Asset
	haveAssets := idSet(cur.Assets, func(x model.Asset) string { return x.ID })
	for _, a := range drafted.Assets {
		if !haveAssets[a.ID] {
			haveAssets[a.ID] = true
			a.State = model.StateNew
			newAssets = append(newAssets, a)
		}
	}
	var newBoundaries []model.Boundary
	haveBoundaries := idSet(cur.Boundaries, func(x model.Boundary) string { return x.ID })
	for _, b := range drafted.Boundaries {
		if !haveBoundaries[b.ID] {
			haveBoundaries[b.ID] = true
			newBoundaries = append(newBoundaries, b)
		}
	}

	surfaces := section(f, "surfaces")
	for i, sf := range cur.Surfaces {
		if e, ok := codeExposure[i]; ok && sf.Match != nil && sf.Match.Exposure == "" {
			recorded, err := recordExposure(f, surfaces, i, e)
			if err != nil {
				return nil, s, err
			}
			if recorded {
				m := *sf.Match
				m.Exposure = e
				want.Surfaces[i].Match = &m
				s.Exposures = append(s.Exposures, sf.ID)
			}
		}
		next := nextState(sf.State, surfaceFound[i], hasMatch(sf.Match))
		if next == sf.State {
			continue
		}
		if err := setState(f, surfaces, i, next, surfaceOrder); err != nil {
			return nil, s, err
		}
		want.Surfaces[i].State = next
		if next == model.StateGone {
			s.GoneSurfaces = append(s.GoneSurfaces, sf.ID)
		} else {
			s.RevivedSurfaces = append(s.RevivedSurfaces, sf.ID)
		}
	}

	threats := section(f, "threats")
	for i, t := range cur.Threats {
		if d, ok := drafts[i]; ok {
			controls, changed, err := refreshControls(f, threats, i, t, d)
			if err != nil {
				return nil, s, err
			}
			want.Threats[i].Controls = controls
			s.Controls = append(s.Controls, changed...)
		}
		if ds, ok := sites[i]; ok && !slices.EqualFunc(ds, t.Sites, sameSite) {
			n, err := item(f, threats, i)
			if err != nil {
				return nil, s, err
			}
			v, err := nodeOf(map[string][]model.Site{"sites": ds})
			if err != nil {
				return nil, s, err
			}
			if err := f.setEntry(n, "sites", value(v, "sites"), threatOrder); err != nil {
				return nil, s, err
			}
			want.Threats[i].Sites = ds
			s.Sites = append(s.Sites, t.ID)
		}
		next := nextState(t.State, threatFound[i], t.Rule != "")
		if next == t.State {
			continue
		}
		if err := setState(f, threats, i, next, threatOrder); err != nil {
			return nil, s, err
		}
		want.Threats[i].State = next
		if next == model.StateGone {
			s.GoneThreats = append(s.GoneThreats, t.ID)
		} else {
			s.RevivedThreats = append(s.RevivedThreats, t.ID)
		}
	}

	for _, add := range []struct {
		key   string
		items any
		ids   *[]string
		flow  bool
	}{
		{"assets", newAssets, &s.AddedAssets, false},
		{"boundaries", newBoundaries, &s.AddedBoundaries, true},
		{"surfaces", newSurfaces, &s.AddedSurfaces, false},
		{"threats", newThreats, &s.AddedThreats, false},
	} {
		seq, err := nodeOf(add.items)
		if err != nil {
			return nil, s, err
		}
		for _, item := range seq.Content {
			if add.flow {
				item.Style = yaml.FlowStyle
			}
			*add.ids = append(*add.ids, value(item, "id").Value)
		}
		if err := f.appendItems(f.root, add.key, seq.Content, rootOrder); err != nil {
			return nil, s, err
		}
	}
	want.Assets = append(slices.Clone(cur.Assets), newAssets...)
	want.Boundaries = append(slices.Clone(cur.Boundaries), newBoundaries...)
	want.Surfaces = append(want.Surfaces, newSurfaces...)
	want.Threats = append(want.Threats, newThreats...)

	out, err = f.bytes()
	if err != nil {
		return nil, s, err
	}
	if err := verify(f, out, &want, wasValid); err != nil {
		return nil, s, err
	}
	return out, s, nil
}

func idSet[T any](xs []T, id func(T) string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[id(x)] = true
	}
	return m
}

// unique returns id, or id-2, id-3... when taken, and marks it taken.
func unique(id string, taken map[string]bool) string {
	out := id
	for n := 2; taken[out]; n++ {
		out = id + "-" + strconv.Itoa(n)
	}
	taken[out] = true
	return out
}

func hasMatch(m *model.SurfaceMatch) bool {
	return m != nil && (m.Method != "" || m.Path != "" || m.Fact != "")
}

// findSurface is the file surface a drafted one stands for, by the one
// rule the model defines (model.FindSurface).
func findSurface(file []model.Surface, d model.Surface) int {
	return (&model.Model{Surfaces: file}).FindSurface(&d)
}

// groupSites is what a drafted grouped threat d lists in the file: its
// sites in file ids, less each site the file answers with a row of its own.
// A row of d's rule on a site's surface (from before threats were grouped,
// or written by hand) keeps its site when a person wrote anything in it,
// and is reported to keep (found, so its controls are refreshed); a row
// threatmap drafted and nobody touched folds into the group (left
// unfound, it is marked gone).
func groupSites(file []model.Threat, d model.Threat, fileSurface map[string]string, keep func(int)) []model.Site {
	out := []model.Site{}
	for _, site := range d.Sites {
		id, ok := fileSurface[site.Surface]
		if !ok {
			id = site.Surface
		}
		own := slices.IndexFunc(file, func(t model.Threat) bool { return t.Rule == d.Rule && t.Surface == id && len(t.Sites) == 0 })
		if own >= 0 && !untouched(file[own]) {
			keep(own)
			continue
		}
		site.Surface = id
		out = append(out, site)
	}
	return out
}

// untouched reports whether a threat holds nothing a person wrote: no
// response, owner or decision record, and only drafted controls (each with
// its check), planned, with no evidence or external record.
func untouched(t model.Threat) bool {
	if t.Response != "" && t.Response != model.Undecided || t.Owner != "" || t.Acceptance != nil || t.Transfer != nil || t.Elimination != nil {
		return false
	}
	for _, c := range t.Controls {
		if c.Check == "" || c.Status != model.Planned || len(c.Evidence) > 0 || c.External != nil {
			return false
		}
	}
	return true
}

// sameSite compares sites as the file records them.
func sameSite(a, b model.Site) bool {
	return a.Surface == b.Surface && a.Name == b.Name && slices.Equal(a.Evidence, b.Evidence)
}

func findThreat(file []model.Threat, d model.Threat, surface string) int {
	if d.Rule != "" {
		for i, t := range file {
			if t.Rule == d.Rule && t.Surface == surface {
				return i
			}
		}
	}
	for i, t := range file {
		if t.ID == d.ID {
			return i
		}
	}
	return -1
}

// nextState is an item's state after a scan: a scanned item (tracked) that
// was not found is gone; a gone one found again loses the mark.
func nextState(s model.State, found, tracked bool) model.State {
	switch {
	case !tracked:
		return s
	case !found:
		return model.StateGone
	case s == model.StateGone:
		return ""
	}
	return s
}

// section is the block list under a top-level key, or nil.
func section(f *file, key string) *yaml.Node {
	if v := value(f.root, key); v != nil && v.Kind == yaml.SequenceNode {
		return v
	}
	return nil
}

// item is the mapping of entry i of a list, refusing aliases: editing one
// would edit every place that refers to it.
func item(f *file, seq *yaml.Node, i int) (*yaml.Node, error) {
	if seq == nil || i >= len(seq.Content) {
		return nil, fmt.Errorf("%s: %w: the list is written through an alias", f.name, errEdit)
	}
	n := seq.Content[i]
	if n.Kind != yaml.MappingNode || n.Anchor != "" || len(n.Content) == 0 {
		return nil, fmt.Errorf("%s:%d: %w: item %d is an alias, an anchor or empty; write it out", f.name, n.Line, errEdit, i+1)
	}
	return n, nil
}

// recordExposure writes the exposure the code shows into surface i's
// match, which threatmap wrote and owns.
func recordExposure(f *file, seq *yaml.Node, i int, e model.Exposure) (bool, error) {
	n, err := item(f, seq, i)
	if err != nil {
		return false, err
	}
	m := value(n, "match")
	if m == nil || m.Kind != yaml.MappingNode || m.Anchor != "" {
		return false, nil // written by hand in another shape: left as it is
	}
	_, err = f.setScalar(m, "exposure", string(e), canonical(model.SurfaceMatch{}))
	return err == nil, err
}

func setState(f *file, seq *yaml.Node, i int, s model.State, order []string) error {
	n, err := item(f, seq, i)
	if err != nil {
		return err
	}
	if s == "" {
		return f.deleteEntry(n, "state")
	}
	_, err = f.setScalar(n, "state", string(s), order)
	return err
}

// refreshControls brings the checked controls of file threat i up to the
// draft. A drafted control is the file's control with the same check, else
// the one a person wrote with the same text (which then gains the check, so
// the two stay one). What the scan finds implemented is marked so, and gets
// the scan's evidence when it has none; evidence already there is a
// person's, or was confirmed by one, and is never replaced or removed.
// Drafted controls the threat lacks are appended, except that a planned one
// never reopens a threat a person closed (decided, or every control
// implemented). Controls no draft stands for are not touched.
func refreshControls(f *file, seq *yaml.Node, i int, t, d model.Threat) ([]model.Control, []string, error) {
	out := slices.Clone(t.Controls)
	var changed []string
	var tn, cs *yaml.Node
	node := func() error {
		if tn != nil {
			return nil
		}
		var err error
		tn, err = item(f, seq, i)
		if err == nil {
			cs = value(tn, "controls")
		}
		return err
	}
	closed := !t.IsOpen()
	matched := make([]bool, len(t.Controls))
	var added []model.Control
	for _, dc := range d.Controls {
		if dc.Check == "" {
			continue
		}
		j := t.ControlFor(dc, func(k int) bool { return matched[k] })
		if j < 0 {
			if closed && dc.Status != model.Implemented {
				continue
			}
			added = append(added, dc)
			out = append(out, dc)
			changed = append(changed, t.ID+"/"+dc.Check)
			continue
		}
		matched[j] = true
		fc := t.Controls[j]
		setCheck := fc.Check == ""
		setStatus := dc.Status == model.Implemented && fc.Status != model.Implemented
		setEvidence := dc.Status == model.Implemented && len(fc.Evidence) == 0 && len(dc.Evidence) > 0
		if !setCheck && !setStatus && !setEvidence {
			continue
		}
		if err := node(); err != nil {
			return nil, nil, err
		}
		cn, err := item(f, cs, j)
		if err != nil {
			return nil, nil, err
		}
		if setStatus {
			if _, err := f.setScalar(cn, "status", string(model.Implemented), controlOrder); err != nil {
				return nil, nil, err
			}
			out[j].Status = model.Implemented
		}
		if setEvidence {
			if err := f.setEntry(cn, "evidence", evidenceNode(dc.Evidence), controlOrder); err != nil {
				return nil, nil, err
			}
			out[j].Evidence = slices.Clone(dc.Evidence)
		}
		if setCheck {
			if _, err := f.setScalar(cn, "check", dc.Check, controlOrder); err != nil {
				return nil, nil, err
			}
			out[j].Check = dc.Check
		}
		changed = append(changed, t.ID+"/"+dc.Check)
	}
	if len(added) > 0 {
		if err := node(); err != nil {
			return nil, nil, err
		}
		nodes, err := nodeOf(added)
		if err != nil {
			return nil, nil, err
		}
		if err := f.appendItems(tn, "controls", nodes.Content, threatOrder); err != nil {
			return nil, nil, err
		}
	}
	return out, changed, nil
}

// countedIDs is one part of a summary line: "2 new surfaces (a, b)".
func countedIDs(ids []string, one, many string) string {
	noun := one
	if len(ids) > 1 {
		noun = many
	}
	return fmt.Sprintf("%d %s (%s)", len(ids), noun, strings.Join(ids, ", "))
}
