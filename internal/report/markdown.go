package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/threatmap/threatmap/internal/escape"
	"github.com/threatmap/threatmap/internal/model"
)

// Markdown writes the page as GitHub-flavoured Markdown: it reads in a
// terminal and renders in a pull request (the data flow as a Mermaid block).
type Markdown struct{}

// Write renders p.
func (Markdown) Write(w io.Writer, p *Page) error {
	bw := bufio.NewWriter(w)
	md := &mdWriter{w: bw}
	md.page(p)
	return bw.Flush()
}

type mdWriter struct{ w *bufio.Writer }

func (m *mdWriter) f(format string, args ...any) { fmt.Fprintf(m.w, format, args...) }

func (m *mdWriter) page(p *Page) {
	m.f("# Threat model: %s\n\n", mdText(p.Product.Name))
	if p.Drafted {
		m.f("> **Drafted from the code, not saved.** This page was drafted in memory on %s; nothing was written. "+
			"Run `threatmap init` to keep it as `threatmap.yaml`, then record your decisions there.\n\n", p.Generated)
	}
	if p.Product.Description != "" {
		m.f("%s\n\n", mdText(p.Product.Description))
	}
	m.f("**At a glance:** %s\n\n", glance(p))

	m.f("## %s\n\n", HeadingAssets)
	for _, b := range p.Buckets {
		m.f("### %s\n\n", b.Title)
		if len(b.Assets) == 0 {
			m.f("_None recorded._\n\n")
			continue
		}
		for _, a := range b.Assets {
			m.asset(a, p.ExposedBy[a.ID])
		}
		m.f("\n")
	}

	m.f("## %s\n\n", HeadingExposed)
	if len(p.Map) == 0 && len(p.Outside) > 0 {
		m.f("_No threats in code that runs in production; the rest are under [%s](#%s)._\n\n", HeadingOutside, headingID(HeadingOutside))
	} else if len(p.Map) == 0 {
		m.f("_No threats recorded yet._\n\n")
	} else {
		m.table(p.Map)
		if len(p.Appendix) > 0 {
			m.f("\nTop %d of %d threats by priority; the rest are under [%s](#all-threats).\n", len(p.Map), len(p.Map)+len(p.Appendix), HeadingAll)
		}
		m.f("\n")
	}

	m.f("## %s\n\n", HeadingFirst)
	if len(p.FixFirst) == 0 {
		m.f("_No open threats: every threat is answered or fully mitigated._\n\n")
	} else {
		for _, r := range p.FixFirst {
			m.f("- **#%d** %s · difficulty %s · impact %s  \n  %s\n", r.Priority, idCode(r.Threat.ID), r.Threat.Difficulty, r.Threat.Impact, mdText(r.Threat.Statement))
		}
		if p.MoreOpen > 0 {
			m.f("- … and %d more open threats under [%s](#all-threats).\n", p.MoreOpen, HeadingAll)
		}
		m.f("\n")
	}
	m.matrix(p.Matrix)

	if len(p.Outside) > 0 {
		m.f("## %s\n\n", HeadingOutside)
		m.f("Out of reach of a bot on the internet: whoever can change or run this code is the attacker.\n\n")
		m.f("| Surface | What happens if abused | Where it runs | Status |\n|---|---|---|---|\n")
		for _, r := range p.Outside {
			m.f("| %s | %s | %s | %s |\n", textCell(r.SurfaceName), textCell(r.Abuse), textCell(r.Threat.Where), textCell(r.Status))
		}
		m.f("\n")
	}

	m.f("## %s\n\n", HeadingDecisions)
	if len(p.Decisions) == 0 {
		m.f("_No threat is accepted, transferred or eliminated._\n\n")
	} else {
		m.f("| Threat | Decision | By | On | Revisit | Why |\n|---|---|---|---|---|---|\n")
		for _, d := range p.Decisions {
			revisit := d.Revisit.String()
			if d.Overdue {
				revisit += " **OVERDUE**"
			}
			m.f("| %s | %s | %s | %s | %s | %s |\n", idCell(d.Threat.ID), d.Verb, textCell(d.By), d.On, revisit, textCell(d.Detail))
		}
		m.f("\n")
	}

	m.f("## %s\n\n", HeadingFlow)
	m.f("```mermaid\n%s```\n\n", p.Flow.Mermaid())

	m.f("## %s\n\n%s\n", HeadingUpkeep, upkeepText(p.Upkeep, true))

	if len(p.Appendix) > 0 {
		m.f("\n## %s\n\n", HeadingAll)
		m.f("Threats ranked %d to %d.\n\n", len(p.Map)+1, len(p.Map)+len(p.Appendix))
		m.table(p.Appendix)
	}
}

func (m *mdWriter) asset(a model.Asset, exposedBy []string) {
	m.f("- **%s**: impact %s.", mdText(a.Name), a.Impact)
	if a.Description != "" {
		m.f(" %s", mdText(sentence(a.Description)))
	}
	if len(exposedBy) > 0 {
		m.f(" Exposed by: %s.", mdText(strings.Join(exposedBy, ", ")))
	}
	if len(a.Fields) > 0 {
		m.f(" Fields: %s.", codeList(a.Fields))
	}
	if len(a.Evidence) > 0 {
		m.f(" Evidence: %s.", codeList(evidenceStrings(a.Evidence)))
	}
	if a.State == model.StateNew {
		m.f(" _(new)_")
	}
	m.f("\n")
}

func (m *mdWriter) table(rows []Row) {
	m.f("| %s |\n|%s\n", strings.Join(MapColumns, " | "), strings.Repeat("---|", len(MapColumns)))
	for _, r := range rows {
		m.f("| %s | %s | %s | %s | %s | %s |\n", codeCell(r.SurfaceName), textCell(r.AssetAtRisk), textCell(r.Abuse), textCell(r.Difficulty),
			textCell(strings.Join(r.Mitigations, "; ")), textCell(r.Status))
	}
}

func (m *mdWriter) matrix(x Matrix) {
	m.f("Open threats by difficulty and impact: the top-left cell is what bots find and exploit first.\n\n")
	m.f("| Difficulty \\ Impact |")
	for _, l := range x.Impacts {
		m.f(" %s |", capitalize(string(l)))
	}
	m.f("\n|---|%s\n", strings.Repeat("---|", len(x.Impacts)))
	for i, d := range x.Difficulties {
		m.f("| **%s** |", capitalize(string(d)))
		for j := range x.Impacts {
			ids := x.Cells[i][j]
			if len(ids) == 0 {
				m.f(" · |")
				continue
			}
			codes := make([]string, len(ids))
			for k, id := range ids {
				codes[k] = idCell(id)
			}
			m.f(" %s |", strings.Join(codes, ", "))
		}
		m.f("\n")
	}
	m.f("\n")
}

// glance is the one-paragraph summary of the three answers.
func glance(p *Page) string {
	s := p.Summary
	out := fmt.Sprintf("%s, %s and %s; %d open, %d of them with low difficulty and high or critical impact.",
		count(s.Assets, "asset"), count(s.Surfaces, "surface"), count(s.Threats, "threat"), s.Open, s.Urgent)
	if s.OverdueAcceptances > 0 {
		out += fmt.Sprintf(" %s past %s revisit date.", count(s.OverdueAcceptances, "acceptance"), pick(s.OverdueAcceptances, "its", "their"))
	}
	if p.Upkeep.Overdue {
		out += " The review is overdue."
	}
	return out + " Generated " + p.Generated.String() + "."
}

// upkeepText says when the model was last reviewed and when it is due.
func upkeepText(u Upkeep, markdown bool) string {
	if !u.Reviewed {
		return fmt.Sprintf("Never reviewed. Review it every %s, and whenever you add an integration, expose an endpoint or change how data flows; then record it under `review.last`.", u.Every)
	}
	by := u.LastBy
	if markdown {
		by = mdText(by)
	}
	s := fmt.Sprintf("Last reviewed on %s by %s; reviewed every %s; next review due %s.", u.LastOn, by, u.Every, u.Due)
	if u.Overdue {
		if markdown {
			s += " **OVERDUE**"
		} else {
			s += " OVERDUE"
		}
	}
	return s
}

// sentence ends s with a full stop unless it already ends a sentence.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?") {
		return s
	}
	return s + "."
}

func count(n int, noun string) string {
	return fmt.Sprintf("%d %s", n, pick(n, noun, noun+"s"))
}

func pick(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func evidenceStrings(es []model.Evidence) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.String()
	}
	return out
}

func codeList(xs []string) string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = code(x)
	}
	return strings.Join(out, ", ")
}

// code wraps s in a code span, which shows route syntax such as <id> or
// {id} literally.
func code(s string) string { return escape.Code(s) }

// codeCell is code in a table cell, where a pipe must be escaped.
func codeCell(s string) string { return escape.CodeCell(s) }

// idCode and idCell print a threat's id, which redaction leaves whole
// unless it holds a key by its form (escape.IDCode).
func idCode(s string) string { return escape.IDCode(s) }
func idCell(s string) string { return escape.IDCodeCell(s) }

// mdText escapes what would turn plain text into markup, a link, a
// mention or a line break (escape.Markdown); it is safe in a table cell.
func mdText(s string) string { return escape.Markdown(s) }

// textCell is plain text in a table cell.
func textCell(s string) string { return mdText(s) }
