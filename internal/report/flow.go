package report

import (
	"fmt"
	"strings"

	"github.com/threatmap/threatmap/internal/escape"
	"github.com/threatmap/threatmap/internal/model"
)

// Flow is the data-flow picture: the contexts that trust boundaries join,
// each boundary with the surfaces where data crosses it.
type Flow struct {
	Contexts   []FlowNode
	Boundaries []FlowBoundary
	// Loose are surfaces that name no (known) boundary.
	Loose []FlowNode
}

// FlowNode is a box in the picture. ID is safe to use as a Mermaid id.
type FlowNode struct {
	ID, Label string
}

// FlowBoundary is one trust boundary between two contexts.
type FlowBoundary struct {
	FlowNode
	From, To FlowNode
	Surfaces []FlowNode
}

// newFlow lays out the model's boundaries and surfaces. Ids are generated
// from positions, not from names, so any name is safe in Mermaid.
func newFlow(m *model.Model) Flow {
	var f Flow
	contexts := map[string]FlowNode{}
	context := func(name string) FlowNode {
		if n, ok := contexts[name]; ok {
			return n
		}
		n := FlowNode{ID: fmt.Sprintf("c%d", len(contexts)+1), Label: name}
		contexts[name] = n
		f.Contexts = append(f.Contexts, n)
		return n
	}
	index := map[string]int{}
	for i, b := range m.Boundaries {
		label := b.Name
		if label == "" {
			label = b.From + " → " + b.To
		}
		fb := FlowBoundary{FlowNode: FlowNode{ID: fmt.Sprintf("b%d", i+1), Label: label}, From: context(b.From), To: context(b.To)}
		index[b.ID] = len(f.Boundaries)
		f.Boundaries = append(f.Boundaries, fb)
	}
	drawn := 0
	for _, s := range m.Surfaces {
		if s.Grouped() {
			continue // its routes are drawn, each on its own
		}
		drawn++
		n := FlowNode{ID: fmt.Sprintf("s%d", drawn), Label: s.Name}
		if bi, ok := index[s.Boundary]; ok {
			f.Boundaries[bi].Surfaces = append(f.Boundaries[bi].Surfaces, n)
		} else {
			f.Loose = append(f.Loose, n)
		}
	}
	return f
}

// Mermaid renders the flow as a `flowchart LR`, each trust boundary a
// subgraph holding its surfaces.
func (f Flow) Mermaid() string {
	var b strings.Builder
	b.WriteString("flowchart LR\n")
	for _, c := range f.Contexts {
		fmt.Fprintf(&b, "  %s([%s])\n", c.ID, mermaidLabel(c.Label))
	}
	for _, fb := range f.Boundaries {
		if len(fb.Surfaces) == 0 {
			fmt.Fprintf(&b, "  %s -->|%s| %s\n", fb.From.ID, mermaidLabel(fb.Label), fb.To.ID)
			continue
		}
		fmt.Fprintf(&b, "  subgraph %s[%s]\n", fb.ID, mermaidLabel(fb.Label))
		for _, s := range fb.Surfaces {
			fmt.Fprintf(&b, "    %s[%s]\n", s.ID, mermaidLabel(s.Label))
		}
		b.WriteString("  end\n")
		fmt.Fprintf(&b, "  %s --> %s --> %s\n", fb.From.ID, fb.ID, fb.To.ID)
	}
	for _, s := range f.Loose {
		fmt.Fprintf(&b, "  %s[%s]\n", s.ID, mermaidLabel(s.Label))
	}
	return b.String()
}

// mermaidLabel quotes text for a Mermaid label. Quotes, angle brackets and
// line breaks become entity codes or spaces, so a surface name such as
// GET /users/<id> cannot break out of the label or be read as HTML;
// other control characters are escaped as on a terminal.
var mermaidEscaper = strings.NewReplacer(
	`"`, "#quot;", "<", "#lt;", ">", "#gt;", "#", "#35;", "\r", " ", "\n", " ", "`", "#96;",
)

func mermaidLabel(s string) string { return `"` + escape.Terminal(mermaidEscaper.Replace(s)) + `"` }
