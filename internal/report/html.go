package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/threatmap/threatmap/internal/escape"
	"github.com/threatmap/threatmap/internal/model"
)

// HTML writes the page as one self-contained file: inline CSS and SVG, no
// script, font or request to anywhere, readable on screen and on paper.
// Every value goes through html/template, so model text cannot inject markup.
type HTML struct{}

//go:embed page.html.tmpl
var htmlSource string

var htmlTemplate = template.Must(template.New("page").Funcs(template.FuncMap{
	"join":          strings.Join,
	"evidence":      evidenceStrings,
	"glance":        glance,
	"upkeep":        func(u Upkeep) string { return upkeepText(u, false) },
	"title":         capitalize,
	"heading":       headingID,
	"columns":       func() []string { return MapColumns },
	"isNew":         func(s model.State) bool { return s == model.StateNew },
	"appendixTotal": func(p *Page) int { return len(p.Map) + len(p.Appendix) },
	"appendixN": func(p *Page) string {
		return fmt.Sprintf("Threats ranked %d to %d.", len(p.Map)+1, len(p.Map)+len(p.Appendix))
	},
}).Parse(htmlSource))

// Write renders p. html/template leaves control characters as they are,
// and the page may be printed to a terminal: escape.Document shows them.
func (HTML) Write(w io.Writer, p *Page) error {
	var b strings.Builder
	err := htmlTemplate.Execute(&b, htmlView{
		Page:     p,
		Headings: headings,
		Matrix:   newMatrixSVG(p.Matrix),
	})
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, escape.Document(b.String()))
	return err
}

type htmlView struct {
	*Page
	Headings map[string]string
	Matrix   matrixSVG
}

var headings = map[string]string{
	"Assets": HeadingAssets, "Exposed": HeadingExposed, "First": HeadingFirst,
	"Decisions": HeadingDecisions, "Flow": HeadingFlow, "Upkeep": HeadingUpkeep, "All": HeadingAll,
	"Outside": HeadingOutside,
}

// headingID is the anchor GitHub would give a heading, so links between
// the formats agree: "All threats" → "all-threats".
func headingID(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}

// matrixSVG is the difficulty × impact grid laid out for an inline SVG.
type matrixSVG struct {
	Width, Height int
	Columns       []svgLabel
	Rows          []svgLabel
	Cells         []svgCell
	AxisX, AxisY  svgLabel
}

type svgLabel struct {
	X, Y int
	Text string
}

type svgCell struct {
	X, Y, W, H int
	Fill, Ink  string
	Count      svgLabel
	Lines      []svgLabel
	Title      string
}

// heatColors run from the hottest cell (low difficulty, critical impact)
// to the coolest.
var heatColors = []struct{ fill, ink string }{
	{"#b91c1c", "#ffffff"}, {"#dc2626", "#ffffff"}, {"#f97316", "#1f2937"},
	{"#fbbf24", "#1f2937"}, {"#fde68a", "#1f2937"}, {"#fef9c3", "#1f2937"},
}

const (
	svgLabelW  = 96
	svgHeaderH = 44
	svgCellW   = 150
	svgCellH   = 84
	svgMaxIDs  = 3
)

func newMatrixSVG(x Matrix) matrixSVG {
	s := matrixSVG{
		Width:  svgLabelW + svgCellW*len(x.Impacts) + 8,
		Height: svgHeaderH + svgCellH*len(x.Difficulties) + 8,
	}
	s.AxisX = svgLabel{X: svgLabelW + svgCellW*len(x.Impacts)/2, Y: 14, Text: "Impact →"}
	s.AxisY = svgLabel{X: 8, Y: 36, Text: "Difficulty ↓"}
	for j, l := range x.Impacts {
		s.Columns = append(s.Columns, svgLabel{X: svgLabelW + j*svgCellW + svgCellW/2, Y: svgHeaderH - 8, Text: capitalize(string(l))})
	}
	for i, d := range x.Difficulties {
		y := svgHeaderH + i*svgCellH
		s.Rows = append(s.Rows, svgLabel{X: 8, Y: y + svgCellH/2 + 5, Text: capitalize(string(d))})
		for j, l := range x.Impacts {
			heat := heatColors[min(x.Heat(i, j), len(heatColors)-1)]
			c := svgCell{X: svgLabelW + j*svgCellW, Y: y, W: svgCellW - 4, H: svgCellH - 4, Fill: heat.fill, Ink: heat.ink}
			ids := x.Cells[i][j]
			c.Title = fmt.Sprintf("difficulty %s, impact %s: %d open", d, l, len(ids))
			if len(ids) > 0 {
				c.Count = svgLabel{X: c.X + 10, Y: c.Y + 24, Text: fmt.Sprint(len(ids))}
				c.Title += ": " + strings.Join(ids, ", ")
			}
			for k, id := range ids {
				if k == svgMaxIDs {
					c.Lines = append(c.Lines, svgLabel{X: c.X + 10, Y: c.Y + 40 + 13*k, Text: fmt.Sprintf("+%d more", len(ids)-k)})
					break
				}
				c.Lines = append(c.Lines, svgLabel{X: c.X + 10, Y: c.Y + 40 + 13*k, Text: shorten(id, 22)})
			}
			s.Cells = append(s.Cells, c)
		}
	}
	return s
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
