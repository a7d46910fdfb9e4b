package reconcile

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/threatmap/threatmap/internal/model"
)

// IDError is an id that names no threat, or more than one.
type IDError struct {
	ID        string
	Ambiguous bool
	// Candidates are the ids the person may have meant.
	Candidates []string
}

func (e *IDError) Error() string {
	if e.Ambiguous {
		return fmt.Sprintf("threat %q is ambiguous: it starts %d ids (%s); write one in full", e.ID, len(e.Candidates), strings.Join(e.Candidates, ", "))
	}
	msg := fmt.Sprintf("no threat has id %q", e.ID)
	if len(e.Candidates) > 0 {
		msg += "; did you mean " + strings.Join(e.Candidates, ", ") + "?"
	}
	return msg
}

// maxCandidates caps the ids listed when an id is unknown.
const maxCandidates = 5

// FindThreat returns the index of the threat id names: the exact id, or the
// one id it begins. An unknown or ambiguous id is an *IDError listing what
// the person may have meant.
func FindThreat(m *model.Model, id string) (int, error) {
	id = strings.TrimSpace(id)
	var prefixed []int
	for i, t := range m.Threats {
		if t.ID == id {
			return i, nil
		}
		if id != "" && strings.HasPrefix(t.ID, id) {
			prefixed = append(prefixed, i)
		}
	}
	if len(prefixed) == 1 {
		return prefixed[0], nil
	}
	all := make([]string, len(m.Threats))
	for i, t := range m.Threats {
		all[i] = t.ID
	}
	if len(prefixed) > 1 {
		e := &IDError{ID: id, Ambiguous: true}
		for _, i := range prefixed {
			e.Candidates = append(e.Candidates, all[i])
		}
		return -1, e
	}
	e := &IDError{ID: id}
	if c := model.Closest(id, all); c != "" {
		e.Candidates = append(e.Candidates, c)
	}
	for _, c := range all {
		if len(e.Candidates) >= maxCandidates {
			break
		}
		if id != "" && strings.Contains(strings.ToLower(c), strings.ToLower(id)) && !slices.Contains(e.Candidates, c) {
			e.Candidates = append(e.Candidates, c)
		}
	}
	return -1, e
}

// Accept records a decision to live with a threat: response accept, and
// who, when, why and when to look again.
func Accept(data []byte, threatID, by, why string, on, revisit model.Date) ([]byte, error) {
	validText(&by, &why)
	if err := required("by", by, "why", why, "on", on.String(), "revisit", revisit.String()); err != nil {
		return nil, err
	}
	return decide(data, threatID, func(f *file, tn *yaml.Node, t *model.Threat) error {
		t.Response = model.Accept
		t.Acceptance = &model.Acceptance{By: by, On: on, Why: why, Revisit: revisit}
		if _, err := f.setScalar(tn, "response", string(model.Accept), threatOrder); err != nil {
			return err
		}
		return f.setFields(tn, "acceptance", 0, threatOrder, acceptanceOrder,
			"by", by, "on", on.String(), "why", why, "revisit", revisit.String())
	})
}

// Transfer records that someone else carries the risk now: response
// transfer, to whom and how. by and on are kept as written when empty.
func Transfer(data []byte, threatID, to, how, by string, on model.Date) ([]byte, error) {
	validText(&to, &how, &by)
	if err := required("to", to, "how", how); err != nil {
		return nil, err
	}
	return decide(data, threatID, func(f *file, tn *yaml.Node, t *model.Threat) error {
		next := model.Transfer{To: to, How: how, By: by, On: on}
		if old := t.Transfer; old != nil && value(tn, "transfer") != nil && value(tn, "transfer").Kind == yaml.MappingNode {
			next.By, next.On = or(by, old.By), orDate(on, old.On)
		}
		t.Response, t.Transfer = model.TransferRisk, &next
		if _, err := f.setScalar(tn, "response", string(model.TransferRisk), threatOrder); err != nil {
			return err
		}
		return f.setFields(tn, "transfer", 0, threatOrder, canonical(model.Transfer{}),
			"to", to, "how", how, "by", next.By, "on", next.On.String())
	})
}

// Eliminate records that the surface behind a threat was removed: response
// eliminate, and why. by and on are kept as written when empty.
func Eliminate(data []byte, threatID, why, by string, on model.Date) ([]byte, error) {
	validText(&why, &by)
	if err := required("why", why); err != nil {
		return nil, err
	}
	return decide(data, threatID, func(f *file, tn *yaml.Node, t *model.Threat) error {
		next := model.Decision{By: by, On: on, Why: why}
		if old := t.Elimination; old != nil && value(tn, "elimination") != nil && value(tn, "elimination").Kind == yaml.MappingNode {
			next.By, next.On = or(by, old.By), orDate(on, old.On)
		}
		t.Response, t.Elimination = model.Eliminate, &next
		if _, err := f.setScalar(tn, "response", string(model.Eliminate), threatOrder); err != nil {
			return err
		}
		return f.setFields(tn, "elimination", 0, threatOrder, canonical(model.Decision{}),
			"by", next.By, "on", next.On.String(), "why", why)
	})
}

// SetControl sets the status of the threat's control whose text (ignoring
// case) or check is text, or appends a new control. Evidence, when given,
// replaces the control's. A threat still undecided becomes mitigate; an
// accepted, transferred or eliminated one keeps its recorded decision.
func SetControl(data []byte, threatID, text string, status model.ControlStatus, evidence []model.Evidence) ([]byte, error) {
	validText(&text)
	evidence = slices.Clone(evidence)
	for i := range evidence {
		validText(&evidence[i].File)
	}
	if err := required("text", text); err != nil {
		return nil, err
	}
	if !slices.Contains(model.ControlStatuses, status) {
		return nil, fmt.Errorf("status %q: use one of %s", status, strings.Join(model.Names(model.ControlStatuses), ", "))
	}
	return decide(data, threatID, func(f *file, tn *yaml.Node, t *model.Threat) error {
		j := slices.IndexFunc(t.Controls, func(c model.Control) bool { return c.Check != "" && c.Check == text })
		if j < 0 {
			j = t.ControlFor(model.Control{Text: text}, nil)
		}
		t.Controls = slices.Clone(t.Controls)
		// The response goes first: an insert at the same place as the
		// controls must come before them, as in a drafted file.
		if t.EffectiveResponse() == model.Undecided {
			t.Response = model.Mitigate
			if _, err := f.setScalar(tn, "response", string(model.Mitigate), threatOrder); err != nil {
				return err
			}
		}
		if j < 0 {
			c := model.Control{Text: text, Status: status, Evidence: evidence}
			t.Controls = append(t.Controls, c)
			nodes, err := nodeOf([]model.Control{c})
			if err != nil {
				return err
			}
			if err := f.appendItems(tn, "controls", nodes.Content, threatOrder); err != nil {
				return err
			}
		} else {
			cn, err := item(f, value(tn, "controls"), j)
			if err != nil {
				return err
			}
			t.Controls[j].Status = status
			if _, err := f.setScalar(cn, "status", string(status), controlOrder); err != nil {
				return err
			}
			if len(evidence) > 0 {
				t.Controls[j].Evidence = evidence
				if err := f.setEntry(cn, "evidence", evidenceNode(evidence), controlOrder); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// Review records that the model was checked against what runs: review.last.
func Review(data []byte, by string, on model.Date) ([]byte, error) {
	validText(&by)
	if err := required("by", by, "on", on.String()); err != nil {
		return nil, err
	}
	return edit(data, func(f *file, want *model.Model) error {
		want.Review.Last = &model.ReviewEntry{On: on, By: by}
		review := value(f.root, "review")
		if review == nil || review.Kind != yaml.MappingNode || review.Anchor != "" || len(review.Content) == 0 {
			every := ""
			if review != nil && review.Kind == yaml.MappingNode {
				every = want.Review.Every.String()
			}
			return f.setEntry(f.root, "review", mapping(0,
				"last", mapping(yaml.FlowStyle, "on", on.String(), "by", by),
				"every", every), rootOrder)
		}
		return f.setFields(review, "last", yaml.FlowStyle, reviewOrder, canonical(model.ReviewEntry{}),
			"on", on.String(), "by", by)
	})
}

// decide edits the threat threatID names.
func decide(data []byte, threatID string, change func(f *file, tn *yaml.Node, t *model.Threat) error) ([]byte, error) {
	return edit(data, func(f *file, want *model.Model) error {
		i, err := FindThreat(want, threatID)
		if err != nil {
			return err
		}
		tn, err := item(f, section(f, "threats"), i)
		if err != nil {
			return err
		}
		want.Threats = slices.Clone(want.Threats)
		return change(f, tn, &want.Threats[i])
	})
}

// edit runs one change over the file and checks the result says exactly
// what the change meant.
func edit(data []byte, change func(f *file, want *model.Model) error) (_ []byte, err error) {
	name := model.FileName
	defer guard(name, &err)
	doc, err := model.Decode(name, data)
	if err != nil {
		return nil, err
	}
	wasValid := len(model.Validate(doc)) == 0
	f, err := parseFile(name, data)
	if err != nil {
		return nil, err
	}
	want := *doc.Model
	if err := change(f, &want); err != nil {
		return nil, err
	}
	out, err := f.bytes()
	if err != nil {
		return nil, err
	}
	if err := verify(f, out, &want, wasValid); err != nil {
		return nil, err
	}
	return out, nil
}

// validText makes what a person typed fit the file (model.ValidText).
func validText(ss ...*string) {
	for _, s := range ss {
		*s = model.ValidText(*s)
	}
}

// required refuses empty values, given as name, value pairs.
func required(kv ...string) error {
	var missing []string
	for i := 0; i+1 < len(kv); i += 2 {
		if strings.TrimSpace(kv[i+1]) == "" {
			missing = append(missing, kv[i])
		}
	}
	if len(missing) > 0 {
		return errors.New("missing " + strings.Join(missing, ", "))
	}
	return nil
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func orDate(a, b model.Date) model.Date {
	if !a.IsZero() {
		return a
	}
	return b
}
