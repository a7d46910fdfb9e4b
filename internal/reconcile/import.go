package reconcile

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/threatmap/threatmap/internal/model"
)

// ImportSummary is what an import changed, with ids, for the CLI to print.
type ImportSummary struct {
	AddedAssets     []string
	AddedBoundaries []string
	AddedSurfaces   []string
	AddedThreats    []string
	// Decided lists the threats already in the file whose decision the
	// import recorded (accepted, transferred, eliminated, mitigated).
	Decided []string
	// Controls lists "threat-id: text" for every control added or whose
	// status changed.
	Controls []string
}

// String is one line: "2 new assets (a, b), 1 decision recorded (c), ...".
func (s ImportSummary) String() string {
	var parts []string
	add := func(ids []string, one, many string) {
		if len(ids) > 0 {
			parts = append(parts, countedIDs(ids, one, many))
		}
	}
	add(s.AddedAssets, "new asset", "new assets")
	add(s.AddedBoundaries, "new boundary", "new boundaries")
	add(s.AddedSurfaces, "new surface", "new surfaces")
	add(s.AddedThreats, "new threat", "new threats")
	add(s.Decided, "decision recorded", "decisions recorded")
	add(s.Controls, "control set", "controls set")
	if len(parts) == 0 {
		return "no changes"
	}
	return strings.Join(parts, ", ")
}

// Import folds in a model read from another tool (exchange.FromOTM):
// assets, boundaries, surfaces and threats the file lacks are appended as
// a person's (no state mark: nobody's scan found them); a surface the file
// already has (the same code, else the same id) and a threat it already
// has (the same id, on the same surface) are not added twice, and the
// imported decision and control statuses are recorded on them through the
// same edits the decision commands make. An undecided imported threat
// never clears a decision the file holds. Every other byte of existing
// stays as written.
func Import(existing []byte, in *model.Model) (out []byte, s ImportSummary, err error) {
	in = in.WithValidText()
	doc, err := model.Decode(model.FileName, existing)
	if err != nil {
		return nil, s, err
	}
	cur := doc.Model

	surfaceID := map[string]string{} // imported id → the file's
	taken := idSet(cur.Surfaces, func(x model.Surface) string { return x.ID })
	var newSurfaces []model.Surface
	for _, x := range in.Surfaces {
		if i := findSurface(cur.Surfaces, x); i >= 0 {
			surfaceID[x.ID] = cur.Surfaces[i].ID
			continue
		}
		n := x
		n.ID = unique(x.ID, taken)
		surfaceID[x.ID] = n.ID
		newSurfaces = append(newSurfaces, n)
	}

	var newAssets []model.Asset
	haveAssets := idSet(cur.Assets, func(x model.Asset) string { return x.ID })
	for _, a := range in.Assets {
		if !haveAssets[a.ID] {
			haveAssets[a.ID] = true
			newAssets = append(newAssets, a)
		}
	}
	// A boundary is the one the file has between the same two sides, else
	// the one with its id.
	var newBoundaries []model.Boundary
	boundaryID := map[string]string{} // imported id → the file's
	haveBoundaries := idSet(cur.Boundaries, func(x model.Boundary) string { return x.ID })
	for _, b := range in.Boundaries {
		if i := slices.IndexFunc(cur.Boundaries, func(c model.Boundary) bool { return c.From == b.From && c.To == b.To }); i >= 0 {
			boundaryID[b.ID] = cur.Boundaries[i].ID
			continue
		}
		boundaryID[b.ID] = b.ID
		if !haveBoundaries[b.ID] {
			haveBoundaries[b.ID] = true
			newBoundaries = append(newBoundaries, b)
		}
	}

	type decision struct {
		id string
		t  model.Threat
	}
	var decisions []decision
	var newThreats []model.Threat
	takenThreats := idSet(cur.Threats, func(x model.Threat) string { return x.ID })
	for _, t := range in.Threats {
		t.Surface = surfaceID[t.Surface]
		if i := slices.IndexFunc(cur.Threats, func(c model.Threat) bool { return c.ID == t.ID && c.Surface == t.Surface }); i >= 0 {
			decisions = append(decisions, decision{cur.Threats[i].ID, t})
			continue
		}
		t.ID = unique(t.ID, takenThreats)
		newThreats = append(newThreats, t)
	}
	for i := range newSurfaces {
		newSurfaces[i].Assets = known(newSurfaces[i].Assets, haveAssets)
		newSurfaces[i].Boundary = boundaryID[newSurfaces[i].Boundary]
	}
	for i := range newThreats {
		newThreats[i].Assets = known(newThreats[i].Assets, haveAssets)
	}

	out = existing
	if len(newAssets)+len(newBoundaries)+len(newSurfaces)+len(newThreats) > 0 {
		out, err = edit(out, func(f *file, want *model.Model) error {
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
					return err
				}
				for _, item := range seq.Content {
					if add.flow {
						item.Style = yaml.FlowStyle
					}
					*add.ids = append(*add.ids, value(item, "id").Value)
				}
				if err := f.appendItems(f.root, add.key, seq.Content, rootOrder); err != nil {
					return err
				}
			}
			want.Assets = append(slices.Clone(want.Assets), newAssets...)
			want.Boundaries = append(slices.Clone(want.Boundaries), newBoundaries...)
			want.Surfaces = append(slices.Clone(want.Surfaces), newSurfaces...)
			want.Threats = append(slices.Clone(want.Threats), newThreats...)
			return nil
		})
		if err != nil {
			return nil, s, err
		}
	}

	for _, d := range decisions {
		var changed bool
		if out, changed, err = recordDecision(out, d.id, d.t, &s); err != nil {
			return nil, s, err
		}
		if changed {
			s.Decided = append(s.Decided, d.id)
		}
	}
	return out, s, nil
}

func known(ids []string, have map[string]bool) []string {
	var out []string
	for _, id := range ids {
		if have[id] {
			out = append(out, id)
		}
	}
	return out
}

// recordDecision brings the file's threat id up to the imported one's
// controls and decision, with the decision commands' own edits.
func recordDecision(data []byte, id string, in model.Threat, s *ImportSummary) ([]byte, bool, error) {
	doc, err := model.Decode(model.FileName, data)
	if err != nil {
		return nil, false, err
	}
	i, err := FindThreat(doc.Model, id)
	if err != nil {
		return nil, false, err
	}
	cur := doc.Model.Threats[i]
	for _, c := range in.Controls {
		j := cur.ControlFor(c, nil)
		if j >= 0 && cur.Controls[j].Status == c.Status && (len(c.Evidence) == 0 || len(cur.Controls[j].Evidence) > 0) {
			continue
		}
		text := c.Text
		var ev []model.Evidence
		if j >= 0 {
			text = cur.Controls[j].Text
			if len(cur.Controls[j].Evidence) == 0 {
				ev = c.Evidence
			}
		} else {
			ev = c.Evidence
		}
		if data, err = SetControl(data, id, text, c.Status, ev); err != nil {
			return nil, false, err
		}
		s.Controls = append(s.Controls, id+": "+text)
	}
	changed := false
	switch r := in.EffectiveResponse(); {
	case r == model.Accept && in.Acceptance != nil && !equalAcceptance(cur.Acceptance, in.Acceptance):
		a := in.Acceptance
		data, err = Accept(data, id, a.By, a.Why, a.On, a.Revisit)
		changed = true
	case r == model.TransferRisk && in.Transfer != nil && (cur.Transfer == nil || *cur.Transfer != *in.Transfer):
		x := in.Transfer
		data, err = Transfer(data, id, x.To, x.How, x.By, x.On)
		changed = true
	case r == model.Eliminate && in.Elimination != nil && (cur.Elimination == nil || *cur.Elimination != *in.Elimination):
		x := in.Elimination
		data, err = Eliminate(data, id, x.Why, x.By, x.On)
		changed = true
	case r == model.Mitigate && cur.EffectiveResponse() != model.Mitigate:
		data, err = decide(data, id, func(f *file, tn *yaml.Node, t *model.Threat) error {
			t.Response = model.Mitigate
			_, err := f.setScalar(tn, "response", string(model.Mitigate), threatOrder)
			return err
		})
		changed = true
	}
	if err != nil {
		return nil, false, err
	}
	return data, changed, nil
}

func equalAcceptance(a, b *model.Acceptance) bool {
	return a != nil && b != nil && a.By == b.By && a.Why == b.Why && a.On.Equal(b.On.Time) && a.Revisit.Equal(b.Revisit.Time)
}
