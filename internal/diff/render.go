package diff

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/threatmap/threatmap/internal/escape"
	"github.com/threatmap/threatmap/internal/redact"
)

// Heading starts the Markdown output: a pull-request comment bot can find
// its previous comment by it.
const Heading = "## Threat map changes"

const (
	tableHeader = "| Surface | Threat | Difficulty | Impact | Priority |"
	tableRule   = "| --- | --- | --- | --- | --- |"
)

// JSON writes the result as one JSON object, every key masked.
func (r *Result) JSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(redact.Copy(r))
}

// Markdown writes the result ready to post as a pull-request comment: the
// rows the change adds, then those it removes, then those it re-rates.
func (r *Result) Markdown(w io.Writer) error {
	var b strings.Builder
	b.WriteString(Heading + "\n\n")
	fmt.Fprintf(&b, "%s → %s", escape.Code(r.Base), escape.Code(r.Head))
	if r.BaseCommit != "" && r.HeadCommit != "" {
		fmt.Fprintf(&b, " (%s..%s)", short(r.BaseCommit), short(r.HeadCommit))
	}
	b.WriteString("\n\n")
	if r.Empty() {
		b.WriteString("No change to the threat map.\n")
		r.gateSection(&b)
		_, err := io.WriteString(w, b.String())
		return err
	}
	withModel := r.Model != ""
	header, rule := tableHeader, tableRule
	if withModel {
		header += " In " + cell(r.Model) + " |"
		rule += " --- |"
	}

	added := r.addedRows()
	if len(added) > 0 {
		fmt.Fprintf(&b, "### Added (%d)\n\n%s\n%s\n", len(added), header, rule)
		covered := 0
		for _, a := range added {
			b.WriteString(a.text)
			if withModel {
				mark := "no"
				if a.inModel {
					mark, covered = "yes", covered+1
				}
				b.WriteString(" " + mark + " |")
			}
			b.WriteString("\n")
		}
		if withModel {
			fmt.Fprintf(&b, "\n%s already covers %d of the %d added row%s", cell(r.Model), covered, len(added), plural(len(added)))
			if covered < len(added) {
				b.WriteString("; run `threatmap sync` to add the rest, then decide on them")
			}
			b.WriteString(".\n")
		}
		b.WriteString("\n")
	}

	removed := r.removedRows()
	if len(removed) > 0 {
		fmt.Fprintf(&b, "### Removed (%d)\n\n%s\n%s\n", len(removed), tableHeader, tableRule)
		for _, row := range removed {
			b.WriteString(row + "\n")
		}
		b.WriteString("\n")
	}

	// A row whose only change is its sites is in the tables above.
	var rerated []ThreatChange
	for _, c := range r.Threats.Changed {
		if c.Before != c.After {
			rerated = append(rerated, c)
		}
	}
	if len(rerated) > 0 {
		fmt.Fprintf(&b, "### Changed (%d)\n\n%s\n%s\n", len(rerated), tableHeader, tableRule)
		for _, c := range rerated {
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", cell(c.SurfaceName), cell(c.Abuse),
				change(c.Before.Difficulty, c.After.Difficulty), change(c.Before.Impact, c.After.Impact),
				change(fmt.Sprint(c.Before.Priority), fmt.Sprint(c.After.Priority)))
		}
		b.WriteString("\n")
	}
	b.WriteString("Priority 1 is fixed first: low difficulty (what bots find first), then high impact.\n")
	r.gateSection(&b)
	_, err := io.WriteString(w, b.String())
	return err
}

// gateSection lists how the change loosens the check's own configuration:
// a pull request that adds a route could also switch off the gate.
func (r *Result) gateSection(b *strings.Builder) {
	if len(r.Gate) == 0 {
		return
	}
	fmt.Fprintf(b, "\n### Gate weakened (%d)\n\n%s at %s makes `threatmap check` less strict than at %s:\n\n",
		len(r.Gate), escape.Code(r.GateFile), escape.Code(r.Head), escape.Code(r.Base))
	for _, l := range r.Gate {
		if l.Before == "" {
			fmt.Fprintf(b, "- %s added: %s\n", escape.Code(l.Setting), escape.Code(l.After))
		} else {
			fmt.Fprintf(b, "- %s: %s → %s\n", escape.Code(l.Setting), escape.Code(l.Before), escape.Code(l.After))
		}
	}
}

type addedRow struct {
	text    string
	inModel bool
}

// addedRows is every added threat, every route a grouped threat gained
// (a new exposure, though the row was there: it joins the row's cause,
// and the decision on it), then every added surface none of those is
// about (a row with no threat drafted yet).
func (r *Result) addedRows() []addedRow {
	var rows []addedRow
	about := map[string]bool{}
	for _, t := range r.Threats.Added {
		about[t.Surface] = true
		for _, s := range t.Sites {
			about[s.Surface] = true
		}
		rows = append(rows, addedRow{threatCells(t), t.InModel != nil && *t.InModel})
	}
	for _, c := range r.Threats.Changed {
		for _, s := range c.SitesAdded {
			about[s.Surface] = true
			rows = append(rows, addedRow{siteCells(s, c, "joins"), s.InModel != nil && *s.InModel})
		}
	}
	for _, s := range r.Surfaces.Added {
		if !about[s.ID] {
			rows = append(rows, addedRow{surfaceCells(s), s.InModel != nil && *s.InModel})
		}
	}
	return rows
}

func (r *Result) removedRows() []string {
	var rows []string
	about := map[string]bool{}
	for _, t := range r.Threats.Removed {
		about[t.Surface] = true
		for _, s := range t.Sites {
			about[s.Surface] = true
		}
		rows = append(rows, threatCells(t))
	}
	for _, c := range r.Threats.Changed {
		for _, s := range c.SitesRemoved {
			about[s.Surface] = true
			rows = append(rows, siteCells(s, c, "leaves"))
		}
	}
	for _, s := range r.Surfaces.Removed {
		if !about[s.ID] {
			rows = append(rows, surfaceCells(s))
		}
	}
	return rows
}

func threatCells(t ThreatRow) string {
	return fmt.Sprintf("| %s | %s | %s | %s | %d |", cell(t.SurfaceName), cell(t.Abuse), t.Difficulty, t.Impact, t.Priority)
}

// siteCells is a route joining or leaving a grouped row: the row's threat,
// named, with the decision on it when the model has one.
func siteCells(s SiteRow, c ThreatChange, verb string) string {
	what := fmt.Sprintf("%s (%s %s", c.Abuse, verb, c.ID)
	if c.Decision != "" {
		what += ", " + decided(c.Decision) + " in the model: the decision did not cover this route"
	}
	return fmt.Sprintf("| %s | %s) | %s | %s | %d |", cell(s.Name), cell(what), c.After.Difficulty, c.After.Impact, c.After.Priority)
}

func decided(response string) string {
	switch response {
	case "transfer":
		return "transferred"
	case "eliminate":
		return "eliminated"
	}
	return response + "ed"
}

func surfaceCells(s SurfaceRow) string {
	return fmt.Sprintf("| %s | (no threat drafted) | – | – | – |", cell(s.Name))
}

func change(before, after string) string {
	if before == after {
		return before
	}
	return before + " → " + after
}

// cell makes text safe in a table cell of a comment: names come from the
// scanned code, so no markup, link, mention or line break may pass
// through (escape.Markdown).
func cell(s string) string { return escape.Markdown(s) }

func short(commit string) string {
	if len(commit) > 7 {
		return commit[:7]
	}
	return commit
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
