package reconcile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/model"
)

// verify reads the new bytes back and compares them with the model the
// edit meant to produce, so that a splice gone wrong is an error and never
// a file that says something else. When the old file was valid, the new
// one must be too, and every comment of the old file must still be there.
func verify(f *file, out []byte, want *model.Model, wasValid bool) error {
	name := f.name
	doc, err := model.Decode(name, out)
	if err != nil {
		return fmt.Errorf("%w: the edited file would not load: %v", errEdit, err)
	}
	got, exp := canonicalJSON(doc.Model), canonicalJSON(want)
	if !bytes.Equal(got, exp) {
		return fmt.Errorf("%w: the edited file would not say what was meant (this is a bug in threatmap; the file was not written)", errEdit)
	}
	if wasValid {
		if ps := model.Validate(doc); len(ps) > 0 {
			return fmt.Errorf("%w: the edited file would not be valid: %v", errEdit, ps)
		}
	}
	return keepComments(f, out)
}

// canonicalJSON writes a model the way reading it back from YAML would
// give it: STRIDE letters in order, evidence as parsed from file:line.
func canonicalJSON(m *model.Model) []byte {
	c := *m
	c.Assets = slices.Clone(m.Assets)
	for i := range c.Assets {
		c.Assets[i].Evidence = reparsed(c.Assets[i].Evidence)
	}
	c.Surfaces = slices.Clone(m.Surfaces)
	for i := range c.Surfaces {
		c.Surfaces[i].Evidence = reparsed(c.Surfaces[i].Evidence)
	}
	c.Threats = slices.Clone(m.Threats)
	for i := range c.Threats {
		t := &c.Threats[i]
		var stride model.Stride
		for _, l := range model.StrideLetters {
			if slices.ContainsFunc(t.Stride, func(s string) bool { return strings.EqualFold(strings.TrimSpace(s), l) }) {
				stride = append(stride, l)
			}
		}
		t.Stride = stride
		t.Evidence = reparsed(t.Evidence)
		t.Controls = slices.Clone(t.Controls)
		for j := range t.Controls {
			t.Controls[j].Evidence = reparsed(t.Controls[j].Evidence)
		}
	}
	data, err := json.Marshal(c)
	if err != nil {
		return []byte(err.Error())
	}
	return data
}

func reparsed(ev []model.Evidence) []model.Evidence {
	if len(ev) == 0 {
		return nil
	}
	out := make([]model.Evidence, len(ev))
	for i, e := range ev {
		if p, err := model.ParseEvidence(e.String()); err == nil {
			out[i] = p
		} else {
			out[i] = e
		}
	}
	return out
}
