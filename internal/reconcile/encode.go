package reconcile

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/threatmap/threatmap/internal/model"
)

// teach is the comment above each section of a fresh file: enough for a
// first-time reader to fill it in without the manual.
var teach = map[string]string{
	"product": `What this threat model is about.`,
	"review": `Upkeep: when the model was last checked against what runs
(threatmap review --by NAME), and how often it must be: 90d or 12w.`,
	"assets": `What you cannot afford to lose.
  kind: user-data | credentials | integrity
  impact: low | medium | high | critical (what losing it would cost)
  state: new (found by the last scan); delete the line once you agree`,
	"boundaries": `Trust boundaries: where data passes from one context to another with
different privileges (from -> to).`,
	"surfaces": `Where those things are exposed: entry points, stores and exits.
  kind: endpoint | upload | webhook | admin | store | exit | third-party |
        pipeline | secret | infrastructure
  direction: entry | store | exit    exposure: public | authenticated | internal
    (change exposure by hand and its drafted threats are re-rated)
  match: the code this surface stands for, and the exposure it showed
         (written by threatmap; keep it)
  state: new (found by the last scan) or gone (its code disappeared)`,
	"threats": `What can go wrong, one row of the threat map each.
  stride: which question it answers: S spoofing, T tampering, R repudiation,
          I information disclosure, D denial of service, E elevation of privilege
  statement: If [surface] is abused, an attacker could [impact] by [method],
             and this would require [difficulty].
  difficulty: low | medium | high, for a zero-knowledge, automated attacker
              (low: what bots find first)
  impact: low | medium | high | critical
  response: undecided | mitigate | eliminate | accept | transfer
  controls: what mitigates it, each with a status:
            planned | in-progress | implemented (with evidence: [file:line])
  acceptance: to accept a risk, record who (by), when (on), why, and when to
              look again (revisit): threatmap accept ID --by --why --revisit`,
}

// Encode writes a fresh threatmap.yaml for m: a schema line for editors,
// a comment teaching each section, short items on one line, threats in
// block style. The output reads back (model.Parse) as the same model, with
// text that is not UTF-8 written as model.ValidText.
func Encode(m *model.Model, schemaRef string) ([]byte, error) {
	return encode(m, schemaRef, "drafted from its code")
}

// EncodeImported is Encode for a model read from another tool's file
// (import otm): its header says where it came from, not that threatmap
// drafted it from the code.
func EncodeImported(m *model.Model, schemaRef, file string) ([]byte, error) {
	return encode(m, schemaRef, "imported from "+oneLine(file))
}

func encode(m *model.Model, schemaRef, origin string) ([]byte, error) {
	m = m.WithValidText()
	root, err := nodeOf(m)
	if err != nil {
		return nil, fmt.Errorf("encode model: %w", err)
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i]
		if c, ok := teach[k.Value]; ok {
			k.HeadComment = comment(c)
		}
	}
	head := "threatmap.yaml: the threat model of this product, " + origin + ".\n" +
		"Edit it freely: your words (responses, owners, acceptances, comments)\n" +
		"survive every re-scan, and `threatmap check` keeps it honest in CI."
	if m.Product.Name != "" {
		head = strings.Replace(head, "this product", oneLine(m.Product.Name), 1)
	}
	doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root},
		HeadComment: "# yaml-language-server: $schema=" + oneLine(schemaRef) + "\n" + comment(head)}
	text, err := render(doc)
	if err != nil {
		return nil, fmt.Errorf("encode model: %w", err)
	}
	return []byte(spaceSections(text)), nil
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func comment(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight("# "+l, " ")
	}
	return strings.Join(lines, "\n")
}

// spaceSections puts a blank line before each top-level section and
// between threats, so the file reads as the page it stands for.
func spaceSections(text string) string {
	lines := strings.Split(text, "\n")
	out := make([]string, 0, len(lines)+32)
	inThreats := false
	for i, l := range lines {
		top := l != "" && l[0] != ' '
		if top && !strings.HasPrefix(l, "#") {
			inThreats = strings.HasPrefix(l, "threats:")
		}
		if i > 0 {
			prev := lines[i-1]
			prevComment := strings.HasPrefix(prev, "#")
			startsBlock := top && prev != "" && !prevComment
			nextThreat := inThreats && strings.HasPrefix(l, "  - ") && !strings.HasPrefix(prev, "threats:") && !strings.HasPrefix(prev, "#")
			if (startsBlock || nextThreat) && out[len(out)-1] != "" {
				out = append(out, "")
			}
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}
