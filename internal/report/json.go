package report

import (
	"encoding/json"
	"io"

	"github.com/threatmap/threatmap/internal/model"
)

// JSON writes the whole model with its computed priority: the contract of
// `threatmap report --format json` (schema/report.schema.json). Fields are
// only ever added, never renamed.
type JSON struct{}

// JSONReport is the report JSON document.
type JSONReport struct {
	Version    int              `json:"version" jsonschema:"enum=1"`
	Product    model.Product    `json:"product"`
	Review     JSONReview       `json:"review"`
	Generated  string           `json:"generated" jsonschema:"format=date"`
	Drafted    bool             `json:"drafted" jsonschema:"description=The model was drafted in memory from the code; not read from a file."`
	Summary    Summary          `json:"summary"`
	Assets     []model.Asset    `json:"assets"`
	Boundaries []model.Boundary `json:"boundaries"`
	Surfaces   []model.Surface  `json:"surfaces"`
	// Threats are in priority order.
	Threats   []JSONThreat `json:"threats"`
	ReviewDue *string      `json:"review_due" jsonschema:"nullable,format=date,description=When the next review is due; null when the model was never reviewed."`
	Overdue   bool         `json:"overdue" jsonschema:"description=The review is past due."`
}

// JSONThreat is a threat with its surface spelled out and its place in the
// ranking.
type JSONThreat struct {
	ID               string           `json:"id"`
	Rule             string           `json:"rule"`
	Title            string           `json:"title"`
	Stride           model.Stride     `json:"stride"`
	CWE              []string         `json:"cwe"`
	Statement        string           `json:"statement"`
	Abuse            string           `json:"abuse" jsonschema:"description=What happens if abused: the statement when the model gives no abuse text."`
	Surface          JSONSurfaceRef   `json:"surface"`
	Assets           []string         `json:"assets"`
	Evidence         []model.Evidence `json:"evidence"`
	Difficulty       model.Difficulty `json:"difficulty" jsonschema:"enum=low,enum=medium,enum=high"`
	DifficultyReason string           `json:"difficulty_reason"`
	Impact           model.Level      `json:"impact" jsonschema:"enum=low,enum=medium,enum=high,enum=critical"`
	ImpactReason     string           `json:"impact_reason"`
	Priority         int              `json:"priority" jsonschema:"minimum=1,description=1 = fix first."`
	Open             bool             `json:"open" jsonschema:"description=Still on the fix-first list: not accepted; eliminated or transferred; and not fully mitigated."`
	Response         model.Response   `json:"response" jsonschema:"enum=undecided,enum=mitigate,enum=eliminate,enum=accept,enum=transfer"`
	Owner            string           `json:"owner"`
	Status           string           `json:"status" jsonschema:"description=The threat map's status column: response and control progress."`
	Controls         []JSONControl    `json:"controls"`
	Acceptance       *JSONAcceptance  `json:"acceptance" jsonschema:"nullable"`
	AcceptanceDue    bool             `json:"acceptance_overdue" jsonschema:"description=Accepted; and past the revisit date."`
	Transfer         *JSONTransfer    `json:"transfer" jsonschema:"nullable"`
	Elimination      *JSONElimination `json:"elimination" jsonschema:"nullable"`
	State            model.State      `json:"state" jsonschema:"description=new or gone after a re-scan; empty when known and present."`
	Sites            []model.Site     `json:"sites,omitempty" jsonschema:"description=A grouped threat's sites: each route that shares its cause; absent for a threat about one surface."`
	Where            string           `json:"where,omitempty" jsonschema:"description=Set when the threat's code does not run in production: where it runs and what reaching it takes."`
}

// JSONSurfaceRef is the surface a threat is about.
type JSONSurfaceRef struct {
	ID     string            `json:"id"`
	Kind   model.SurfaceKind `json:"kind"`
	Name   string            `json:"name"`
	Method string            `json:"method"`
	Path   string            `json:"path"`
	File   string            `json:"file"`
	Line   int               `json:"line"`
}

// JSONControl is a control and its evidence.
type JSONControl struct {
	Text     string              `json:"text"`
	Status   model.ControlStatus `json:"status" jsonschema:"enum=planned,enum=in-progress,enum=implemented"`
	Evidence []model.Evidence    `json:"evidence"`
	// External is a control outside the repository, attested by a person.
	External *JSONExternal `json:"external,omitempty"`
}

// JSONExternal is an attested control outside the repository.
type JSONExternal struct {
	What     string `json:"what"`
	Where    string `json:"where"`
	By       string `json:"by"`
	Date     string `json:"date" jsonschema:"format=date"`
	Verified bool   `json:"verified" jsonschema:"description=Always false: threatmap cannot see outside the repository."`
}

// The decisions and the review are restated with their dates as
// YYYY-MM-DD strings: model.Date embeds time.Time, whose promoted
// MarshalJSON would write a full timestamp.

// JSONReview is the model's upkeep record.
type JSONReview struct {
	Last  *JSONReviewEntry `json:"last,omitempty"`
	Every model.Duration   `json:"every" jsonschema:"description=How often the model is reviewed: 90d or 12w."`
}

// JSONReviewEntry is the last review.
type JSONReviewEntry struct {
	On string `json:"on" jsonschema:"format=date"`
	By string `json:"by"`
}

// JSONAcceptance is an accepted risk: who, when, why and when to revisit.
type JSONAcceptance struct {
	By      string `json:"by"`
	On      string `json:"on" jsonschema:"format=date"`
	Why     string `json:"why"`
	Revisit string `json:"revisit" jsonschema:"format=date"`
}

// JSONTransfer is who carries a risk now, and how.
type JSONTransfer struct {
	To  string `json:"to"`
	How string `json:"how"`
	By  string `json:"by,omitempty"`
	On  string `json:"on,omitempty" jsonschema:"format=date"`
}

// JSONElimination is how a surface was removed.
type JSONElimination struct {
	By  string `json:"by,omitempty"`
	On  string `json:"on,omitempty" jsonschema:"format=date"`
	Why string `json:"why"`
}

// Write renders p.
func (JSON) Write(w io.Writer, p *Page) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(NewJSONReport(p))
}

// NewJSONReport builds the JSON document of p. Lists are never null.
func NewJSONReport(p *Page) JSONReport {
	m := p.Model
	r := JSONReport{
		Version:    1,
		Product:    p.Product,
		Review:     JSONReview{Every: p.Upkeep.Every},
		Generated:  p.Generated.String(),
		Drafted:    p.Drafted,
		Summary:    p.Summary,
		Assets:     orEmpty(m.Assets),
		Boundaries: orEmpty(m.Boundaries),
		Surfaces:   orEmpty(m.Surfaces),
		Threats:    make([]JSONThreat, 0, len(p.Rows)),
		Overdue:    p.Upkeep.Overdue,
	}
	if p.Upkeep.Reviewed {
		due := p.Upkeep.Due.String()
		r.ReviewDue = &due
		r.Review.Last = &JSONReviewEntry{On: p.Upkeep.LastOn.String(), By: p.Upkeep.LastBy}
	}
	for _, row := range p.Rows {
		r.Threats = append(r.Threats, jsonThreat(row))
	}
	return r
}

func jsonThreat(row Row) JSONThreat {
	t := row.Threat
	out := JSONThreat{
		ID:               t.ID,
		Rule:             t.Rule,
		Title:            t.Title,
		Stride:           orEmpty(t.Stride),
		CWE:              orEmpty(t.CWE),
		Statement:        t.Statement,
		Abuse:            row.Abuse,
		Surface:          JSONSurfaceRef{ID: t.Surface},
		Assets:           orEmpty(t.Assets),
		Evidence:         orEmpty(t.Evidence),
		Difficulty:       t.Difficulty,
		DifficultyReason: t.DifficultyReason,
		Sites:            t.Sites,
		Where:            t.Where,
		Impact:           t.Impact,
		ImpactReason:     t.ImpactReason,
		Priority:         row.Priority,
		Open:             row.Open,
		Response:         t.EffectiveResponse(),
		Owner:            t.Owner,
		Status:           row.Status,
		Controls:         make([]JSONControl, 0, len(t.Controls)),
		AcceptanceDue:    row.Overdue,
		State:            t.State,
	}
	if a := t.Acceptance; a != nil {
		out.Acceptance = &JSONAcceptance{By: a.By, On: a.On.String(), Why: a.Why, Revisit: a.Revisit.String()}
	}
	if x := t.Transfer; x != nil {
		out.Transfer = &JSONTransfer{To: x.To, How: x.How, By: x.By, On: x.On.String()}
	}
	if x := t.Elimination; x != nil {
		out.Elimination = &JSONElimination{By: x.By, On: x.On.String(), Why: x.Why}
	}
	if s := row.Surface; s != nil {
		out.Surface.Kind, out.Surface.Name = s.Kind, s.Name
		if s.Match != nil {
			out.Surface.Method, out.Surface.Path = s.Match.Method, s.Match.Path
		}
		if len(s.Evidence) > 0 {
			out.Surface.File, out.Surface.Line = s.Evidence[0].File, s.Evidence[0].Line
		}
	}
	for _, c := range t.Controls {
		jc := JSONControl{Text: c.Text, Status: c.Status, Evidence: orEmpty(c.Evidence)}
		if x := c.External; x != nil {
			jc.External = &JSONExternal{What: x.What, Where: x.Where, By: x.By, Date: x.Date.String()}
		}
		out.Controls = append(out.Controls, jc)
	}
	return out
}

func orEmpty[S ~[]E, E any](s S) S {
	if s == nil {
		return S{}
	}
	return s
}
