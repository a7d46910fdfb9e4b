// Package report renders the one page: the three answers of "Threat
// Modelling for Builders" (what you cannot afford to lose, where it is
// exposed, which exposures would be found and exploited first), then the
// decisions, the data flow and the upkeep.
//
// A Page is built once from a model; every format reads the same Page, so
// the page's rules (fix first or not, open or answered, overdue, which
// rows go to the appendix) live here and nowhere else. The priority order
// itself is the model's (model.Rank).
package report

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/threatmap/threatmap/internal/model"
	"github.com/threatmap/threatmap/internal/redact"
)

// Section headings, shared by every human-readable format.
const (
	HeadingAssets    = "What you cannot afford to lose"
	HeadingExposed   = "Where those things are exposed"
	HeadingFirst     = "Which exposures would be found and exploited first"
	HeadingDecisions = "Decisions"
	HeadingFlow      = "Data flow"
	HeadingUpkeep    = "Upkeep"
	HeadingAll       = "All threats"
	HeadingOutside   = "In code that does not run in production"
)

// MapColumns are the threat map's columns: the source's five, plus status.
var MapColumns = []string{"Surface", "Asset at risk", "What happens if abused", "Difficulty", "Mitigation", "Status"}

// DefaultTop is how many threat map rows the page shows before the appendix.
const DefaultTop = 15

// Options shape a page.
type Options struct {
	// Drafted says the model was drafted in memory from the code, not read
	// from a file: the page says so and suggests keeping it.
	Drafted bool
	// Top is how many rows the threat map shows; the rest go to the
	// appendix. 0 means DefaultTop.
	Top int
}

// Page is everything a renderer shows, computed once.
type Page struct {
	Model     *model.Model
	Product   model.Product
	Generated model.Date
	Drafted   bool
	Summary   Summary

	Buckets []Bucket
	// ExposedBy names, per asset id, the surfaces that expose the asset
	// (at most maxExposedBy, then how many more): the asset rows and the
	// surface column say the same.
	ExposedBy map[string][]string
	// Rows is every threat in priority order; Map and Appendix split
	// those in code the product serves, Outside holds the rest.
	Rows     []Row
	Map      []Row
	Appendix []Row
	// Outside is the threats in code that does not run in production (a
	// release script, a migration, a developer's machine), each with
	// where it runs and what reaching it takes (model.Threat.Where): out
	// of a bot's reach, so off the map and the fix-first list.
	Outside []Row
	// FixFirst is the open threats in priority order, at most Top of them;
	// MoreOpen counts the open threats left off.
	FixFirst []Row
	MoreOpen int
	Matrix   Matrix

	Decisions []Decision
	Flow      Flow
	Upkeep    Upkeep
}

// Summary is the "at a glance" counts.
type Summary struct {
	Assets     int `json:"assets"`
	Boundaries int `json:"boundaries"`
	Surfaces   int `json:"surfaces"`
	Threats    int `json:"threats"`
	// Open threats still need work: not answered, not fully mitigated.
	Open int `json:"open"`
	// Urgent is the open threats at the top-left of the matrix: low
	// difficulty and high or critical impact.
	Urgent int `json:"urgent"`
	// Decided threats were accepted, transferred or eliminated.
	Decided int `json:"decided"`
	// OverdueAcceptances are acceptances past their revisit date.
	OverdueAcceptances int `json:"overdue_acceptances"`
}

// Bucket is one of the three asset buckets with its assets.
type Bucket struct {
	Kind   model.AssetKind
	Title  string
	Assets []model.Asset
}

// Row is one threat as the page shows it.
type Row struct {
	Threat   *model.Threat
	Surface  *model.Surface // nil when the threat names a missing surface
	Priority int            // 1 = fix first
	Open     bool
	Overdue  bool // an acceptance past its revisit date

	SurfaceName string
	AssetAtRisk string
	Abuse       string
	Difficulty  string
	Mitigations []string
	Status      string
}

// Urgent reports a threat at the top-left of the matrix: low difficulty and
// high or critical impact.
func (r Row) Urgent() bool {
	return r.Threat.Difficulty == model.Easy && r.Threat.Impact.Rank() <= model.High.Rank()
}

// Matrix is the difficulty × impact grid of open threats.
type Matrix struct {
	Difficulties []model.Difficulty // rows, easiest first
	Impacts      []model.Level      // columns, most severe first
	// Cells[i][j] lists the ids of open threats with Difficulties[i] and
	// Impacts[j], in priority order.
	Cells [][][]string
}

// Heat is how urgent a cell is: 0 for the top-left (low difficulty,
// critical impact), growing towards the bottom-right.
func (m Matrix) Heat(i, j int) int { return i + j }

// MaxHeat is the heat of the bottom-right cell.
func (m Matrix) MaxHeat() int { return len(m.Difficulties) + len(m.Impacts) - 2 }

// Decision is a recorded answer other than mitigate.
type Decision struct {
	Threat   *model.Threat
	Response model.Response
	Verb     string // accepted, transferred, eliminated
	By       string
	On       model.Date
	Revisit  model.Date // acceptances only
	Overdue  bool
	// Detail is why it was accepted or eliminated, or to whom and how it
	// was transferred.
	Detail string
}

// Upkeep is the review schedule.
type Upkeep struct {
	Reviewed bool
	LastOn   model.Date
	LastBy   string
	Every    model.Duration
	Due      model.Date
	Overdue  bool
}

// Build computes the page for m as of now. The page reads a redacted copy
// of m (redact.Copy), so no format can print a secret the model holds.
func Build(m *model.Model, now time.Time, opt Options) *Page {
	m = redact.Copy(m)
	// A surface's exposure edited by hand re-rates its drafted threats.
	m, _ = model.Rerated(m, model.DraftedExposure)
	if opt.Top <= 0 {
		opt.Top = DefaultTop
	}
	today := model.NewDate(now)
	p := &Page{Model: m, Product: m.Product, Generated: today, Drafted: opt.Drafted}

	assets := map[string]*model.Asset{}
	for i := range m.Assets {
		assets[m.Assets[i].ID] = &m.Assets[i]
	}
	for _, k := range model.AssetKinds {
		b := Bucket{Kind: k, Title: k.Title()}
		for _, a := range m.Assets {
			if a.Kind == k {
				b.Assets = append(b.Assets, a)
			}
		}
		p.Buckets = append(p.Buckets, b)
	}

	p.ExposedBy = exposedBy(m)

	var served []Row
	for _, r := range model.Rank(m) {
		row := newRow(r, assets, today)
		p.Rows = append(p.Rows, row)
		if r.Threat.Where != "" {
			p.Outside = append(p.Outside, row)
		} else {
			served = append(served, row)
		}
		if row.Open {
			p.Summary.Open++
			if row.Urgent() {
				p.Summary.Urgent++
			}
			if r.Threat.Where != "" {
				// Out of a bot's reach: not what is fixed first.
			} else if len(p.FixFirst) < opt.Top {
				p.FixFirst = append(p.FixFirst, row)
			} else {
				p.MoreOpen++
			}
		}
		if d, ok := newDecision(r.Threat, today); ok {
			p.Decisions = append(p.Decisions, d)
			p.Summary.Decided++
			if d.Overdue {
				p.Summary.OverdueAcceptances++
			}
		}
	}
	p.Map = served[:min(opt.Top, len(served))]
	p.Appendix = served[len(p.Map):]
	p.Matrix = newMatrix(served)
	p.Flow = newFlow(m)
	p.Upkeep = newUpkeep(m, today)

	p.Summary.Assets = len(m.Assets)
	p.Summary.Boundaries = len(m.Boundaries)
	p.Summary.Surfaces = m.WaysIn()
	p.Summary.Threats = len(m.Threats)
	return p
}

// maxExposedBy is how many surfaces an asset row names.
const maxExposedBy = 6

// exposedBy lists, per asset, the surfaces that name it, entries first
// in the model's order. A grouped threat's cause surface is no way in of
// its own: its routes are listed in their own right.
func exposedBy(m *model.Model) map[string][]string {
	all := map[string][]string{}
	for _, s := range m.Surfaces {
		if s.State == model.StateGone || s.Grouped() {
			continue
		}
		for _, id := range s.Assets {
			if !slices.Contains(all[id], s.Name) {
				all[id] = append(all[id], s.Name)
			}
		}
	}
	for id, names := range all {
		if len(names) > maxExposedBy {
			all[id] = append(names[:maxExposedBy:maxExposedBy], fmt.Sprintf("and %d more", len(names)-maxExposedBy))
		}
	}
	return all
}

func newRow(r model.Ranked, assets map[string]*model.Asset, today model.Date) Row {
	t := r.Threat
	row := Row{Threat: t, Surface: r.Surface, Priority: r.Priority, Open: r.Open, SurfaceName: t.Surface}
	ids := t.Assets
	if r.Surface != nil {
		row.SurfaceName = r.Surface.Name
		if len(ids) == 0 {
			ids = r.Surface.Assets
		}
	}
	row.SurfaceName = sitesName(row.SurfaceName, t.Sites)
	row.AssetAtRisk = assetAtRisk(ids, assets)
	row.Abuse = t.Abuse
	if row.Abuse == "" {
		row.Abuse = t.Statement
	}
	row.Difficulty = capitalize(string(t.Difficulty))
	if t.DifficultyReason != "" {
		row.Difficulty += ": " + t.DifficultyReason
	}
	for _, c := range t.Controls {
		text := c.Text
		if x := c.External; x != nil {
			// Outside the code: a person's word, shown as such.
			text += fmt.Sprintf(" (attested, not verified: %s, set in %s, by %s on %s)", x.What, x.Where, x.By, x.Date)
		}
		row.Mitigations = append(row.Mitigations, text)
	}
	row.Overdue = acceptanceOverdue(t, today)
	row.Status = status(t, row.Overdue)
	return row
}

// assetAtRisk names the assets with their bucket, the way the source's
// table does: "Credentials and credits (OpenAI tokens)". A name that already
// carries its qualifier, such as the source's own "Credits (OpenAI tokens)",
// is shown as written.
func assetAtRisk(ids []string, assets map[string]*model.Asset) string {
	byKind := map[model.AssetKind][]string{}
	var asWritten []string
	for _, id := range ids {
		a, ok := assets[id]
		switch {
		case !ok:
			asWritten = append(asWritten, id)
		case strings.Contains(a.Name, "("):
			asWritten = append(asWritten, a.Name)
		default:
			byKind[a.Kind] = append(byKind[a.Kind], a.Name)
		}
	}
	var parts []string
	for _, k := range model.AssetKinds {
		if names := byKind[k]; len(names) > 0 {
			parts = append(parts, fmt.Sprintf("%s (%s)", k.Title(), strings.Join(names, ", ")))
		}
	}
	return strings.Join(append(parts, asWritten...), "; ")
}

func acceptanceOverdue(t *model.Threat, today model.Date) bool {
	return t.Response == model.Accept && t.Acceptance != nil &&
		!t.Acceptance.Revisit.IsZero() && t.Acceptance.Revisit.Before(today.Time)
}

// status is the response and how far its controls have got:
// "mitigate · 1/3 implemented", "accepted until 2027-01-31", "undecided".
func status(t *model.Threat, overdue bool) string {
	var s string
	switch t.EffectiveResponse() {
	case model.Accept:
		s = "accepted"
		if t.Acceptance != nil && !t.Acceptance.Revisit.IsZero() {
			s += " until " + t.Acceptance.Revisit.String()
		}
		if overdue {
			s += " · OVERDUE"
		}
	case model.TransferRisk:
		s = "transferred"
		if t.Transfer != nil && t.Transfer.To != "" {
			s += " to " + t.Transfer.To
		}
	case model.Eliminate:
		s = "eliminated"
	default:
		s = string(t.EffectiveResponse())
		if n := len(t.Controls); n > 0 {
			done := 0
			for _, c := range t.Controls {
				if c.Status == model.Implemented {
					done++
				}
			}
			s += fmt.Sprintf(" · %d/%d implemented", done, n)
		} else if t.EffectiveResponse() == model.Mitigate {
			s += " · no controls yet"
		}
	}
	switch t.State {
	case model.StateNew:
		s += " · new"
	case model.StateGone:
		s += " · code gone"
	}
	return s
}

func newDecision(t *model.Threat, today model.Date) (Decision, bool) {
	d := Decision{Threat: t, Response: t.Response}
	switch t.Response {
	case model.Accept:
		d.Verb = "accepted"
		if a := t.Acceptance; a != nil {
			d.By, d.On, d.Revisit, d.Detail = a.By, a.On, a.Revisit, a.Why
		}
		d.Overdue = acceptanceOverdue(t, today)
	case model.TransferRisk:
		d.Verb = "transferred"
		if x := t.Transfer; x != nil {
			d.By, d.On = x.By, x.On
			d.Detail = "to " + x.To
			if x.How != "" {
				d.Detail += ": " + x.How
			}
		}
	case model.Eliminate:
		d.Verb = "eliminated"
		if x := t.Elimination; x != nil {
			d.By, d.On, d.Detail = x.By, x.On, x.Why
		}
	default:
		return Decision{}, false
	}
	return d, true
}

func newMatrix(rows []Row) Matrix {
	m := Matrix{Difficulties: model.Difficulties}
	for i := len(model.Levels) - 1; i >= 0; i-- {
		m.Impacts = append(m.Impacts, model.Levels[i])
	}
	m.Cells = make([][][]string, len(m.Difficulties))
	for i := range m.Cells {
		m.Cells[i] = make([][]string, len(m.Impacts))
	}
	for _, r := range rows {
		if !r.Open {
			continue
		}
		i, j := r.Threat.Difficulty.Rank(), r.Threat.Impact.Rank()
		if i < len(m.Difficulties) && j < len(m.Impacts) {
			m.Cells[i][j] = append(m.Cells[i][j], r.Threat.ID)
		}
	}
	return m
}

func newUpkeep(m *model.Model, today model.Date) Upkeep {
	u := Upkeep{Every: m.Review.Every}
	if u.Every.IsZero() {
		u.Every = model.DefaultReviewEvery
	}
	due, ok := m.ReviewDue()
	if !ok {
		return u
	}
	u.Reviewed = true
	u.LastOn, u.LastBy = m.Review.Last.On, m.Review.Last.By
	u.Due = model.NewDate(due)
	u.Overdue = u.Due.Before(today.Time)
	return u
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// sitesName names a grouped threat's surface by its sites: the one route,
// or the cause with the routes that share it, as the column has room for.
func sitesName(name string, sites []model.Site) string {
	switch len(sites) {
	case 0:
		return name
	case 1:
		return sites[0].Name
	}
	const shown = 3
	var names []string
	for _, s := range sites[:min(len(sites), shown)] {
		names = append(names, s.Name)
	}
	list := strings.Join(names, ", ")
	if len(sites) > shown {
		list += fmt.Sprintf(" and %d more", len(sites)-shown)
	}
	return fmt.Sprintf("%s (%d routes: %s)", name, len(sites), list)
}
