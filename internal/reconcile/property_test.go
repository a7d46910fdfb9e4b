package reconcile

import (
	"fmt"
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/model"
)

// humanGen writes random model files the way people edit them: decisions,
// owners, controls with and without checks and evidence, acceptances,
// transfers, eliminations, in block and flow style, with comments in every
// place YAML allows one near them; and drafts of a scan of the same code.
type humanGen struct {
	r *rand.Rand
	n int // comments written, so each is unique
}

func (g *humanGen) maybe(p float64) bool { return g.r.Float64() < p }

func (g *humanGen) pick(xs ...string) string { return xs[g.r.Intn(len(xs))] }

// trailing is a comment beside a value, or nothing.
func (g *humanGen) trailing() string {
	if !g.maybe(0.4) {
		return ""
	}
	g.n++
	return fmt.Sprintf("   # note %d", g.n)
}

// above is a comment line at indent, or nothing.
func (g *humanGen) above(indent string) string {
	if !g.maybe(0.2) {
		return ""
	}
	g.n++
	return fmt.Sprintf("%s# about what follows %d\n", indent, g.n)
}

var (
	propRules  = []string{"llm-cost", "idor", "webhook-forgery"}
	propChecks = []string{"rate-limit", "budget-cap", "owner-filter", "signature"}
	propTexts  = map[string]string{
		"rate-limit": "Rate limit per account", "budget-cap": "A hard monthly budget cap",
		"owner-filter": "Check the owner in the query", "signature": "Verify the signature",
	}
)

// control writes one control under a list at indent (the dash's).
func (g *humanGen) control(indent string) string {
	check := ""
	if g.maybe(0.5) {
		check = g.pick(propChecks...)
	}
	text := g.pick("Rate limit per account", "rate limit per account.", "Alert on spend", "A hard monthly budget cap", "WAF rule 12")
	if check != "" && g.maybe(0.5) {
		text = propTexts[check]
	}
	status := g.pick("planned", "in-progress", "implemented")
	evidence := ""
	if g.maybe(0.5) {
		evidence = g.pick("[gw/limits.conf:12]", "[ops/alerts.tf:3, ops/alerts.tf:9]", "[api/notes.py:40]")
	}
	// A control outside the repository, attested by a person.
	external := ""
	if g.maybe(0.25) {
		external = g.pick("{what: WAF rate rule, where: Cloudflare dashboard, by: sam, date: 2026-02-01}",
			"{what: 'gateway key check', where: \"ops repo, kong.yaml\", by: mia, date: 2026-01-15}")
	}
	if g.maybe(0.3) {
		parts := []string{"text: " + text, "status: " + status}
		if evidence != "" {
			parts = append(parts, "evidence: "+evidence)
		}
		if external != "" {
			parts = append(parts, "external: "+external)
		}
		if check != "" {
			parts = append(parts, "check: "+check)
		}
		return g.above(indent) + indent + "- {" + strings.Join(parts, ", ") + "}" + g.trailing() + "\n"
	}
	var b strings.Builder
	b.WriteString(g.above(indent))
	b.WriteString(indent + "- text: " + text + g.trailing() + "\n")
	in := indent + "  "
	b.WriteString(g.above(in) + in + "status: " + status + g.trailing() + "\n")
	switch {
	case evidence != "":
		b.WriteString(in + "evidence: " + evidence + g.trailing() + "\n")
	case g.maybe(0.2):
		b.WriteString(in + "evidence:" + g.trailing() + "\n")
	}
	if check != "" {
		b.WriteString(in + "check: " + check + g.trailing() + "\n")
	}
	if external != "" {
		if g.maybe(0.5) {
			b.WriteString(in + "external: " + external + g.trailing() + "\n")
		} else {
			b.WriteString(g.above(in) + in + "external:" + g.trailing() + "\n")
			for _, kv := range strings.Split(strings.Trim(external, "{}"), ", ") {
				b.WriteString(in + "  " + kv + g.trailing() + "\n")
			}
		}
	}
	return b.String()
}

// threat writes threat i on surface i.
func (g *humanGen) threat(i int) string {
	var b strings.Builder
	in := "    "
	b.WriteString(g.above("  "))
	fmt.Fprintf(&b, "  - id: t%d%s\n", i, g.trailing())
	if g.maybe(0.8) {
		fmt.Fprintf(&b, "%srule: %s\n", in, propRules[i%len(propRules)])
	}
	fmt.Fprintf(&b, "%ssurface: s%d\n%sstride: [T]\n%sstatement: If route %d is abused, something bad happens.\n", in, i, in, in, i)
	fmt.Fprintf(&b, "%sdifficulty: %s\n%simpact: %s\n", in, g.pick("low", "medium"), in, g.pick("high", "critical"))
	if g.maybe(0.5) {
		fmt.Fprintf(&b, "%s%sowner: %s%s\n", g.above(in), in, g.pick("sam", "mia"), g.trailing())
	}
	response := g.pick("", "", "empty", "undecided", "mitigate", "accept", "transfer", "eliminate")
	switch response {
	case "":
	case "empty":
		fmt.Fprintf(&b, "%sresponse:%s\n", in, g.trailing())
	default:
		fmt.Fprintf(&b, "%s%sresponse: %s%s\n", g.above(in), in, response, g.trailing())
	}
	switch g.r.Intn(5) {
	case 0:
	case 1:
		fmt.Fprintf(&b, "%scontrols: []%s\n", in, g.trailing())
	case 2:
		fmt.Fprintf(&b, "%scontrols:%s\n", in, g.trailing())
	default:
		fmt.Fprintf(&b, "%s%scontrols:%s\n", g.above(in), in, g.trailing())
		dash := in + "  "
		if g.maybe(0.2) {
			dash = in // a compact list
		}
		for range 1 + g.r.Intn(3) {
			b.WriteString(g.control(dash))
		}
	}
	switch response {
	case "accept":
		if g.maybe(0.5) {
			fmt.Fprintf(&b, "%sacceptance: {by: sam, on: 2026-01-01, why: beta users only, revisit: 2026-09-01}%s\n", in, g.trailing())
		} else {
			fmt.Fprintf(&b, "%sacceptance:%s\n", in, g.trailing())
			for _, kv := range []string{"by: sam", "on: 2026-01-01", "why: beta users only", "revisit: 2026-09-01"} {
				fmt.Fprintf(&b, "%s%s  %s%s\n", g.above(in+"  "), in, kv, g.trailing())
			}
		}
	case "transfer":
		fmt.Fprintf(&b, "%stransfer: {to: our insurer, how: policy 4411}%s\n", in, g.trailing())
	case "eliminate":
		fmt.Fprintf(&b, "%selimination:%s\n%s  why: the route was removed%s\n", in, g.trailing(), in, g.trailing())
	default:
		if g.maybe(0.2) {
			fmt.Fprintf(&b, "%sacceptance:%s\n", in, g.trailing())
		}
	}
	return b.String()
}

// file is a whole model with n surfaces and threats.
func (g *humanGen) file(n int) string {
	var b strings.Builder
	b.WriteString("# Our threat model; ask Sam before accepting anything.\nversion: 1\n")
	fmt.Fprintf(&b, "product: {name: gen}%s\n", g.trailing())
	if g.maybe(0.5) {
		fmt.Fprintf(&b, "review:%s\n  last: {on: 2026-01-01, by: sam}%s\n  every: 90d%s\n", g.trailing(), g.trailing(), g.trailing())
	}
	b.WriteString("surfaces:\n")
	for i := range n {
		b.WriteString(g.above("  "))
		gone := g.maybe(0.15)
		if g.maybe(0.5) {
			state := ""
			if gone {
				state = ", state: gone"
			}
			fmt.Fprintf(&b, "  - {id: s%d, kind: endpoint, direction: entry, name: GET /r%d, match: {method: GET, path: /r%d}%s}%s\n", i, i, i, state, g.trailing())
			continue
		}
		fmt.Fprintf(&b, "  - id: s%d%s\n    kind: endpoint\n    direction: entry\n    name: GET /r%d%s\n    match: {method: GET, path: /r%d}%s\n", i, g.trailing(), i, g.trailing(), i, g.trailing())
		if gone {
			fmt.Fprintf(&b, "%s    state: gone%s\n", g.above("    "), g.trailing())
		}
	}
	b.WriteString(g.above(""))
	b.WriteString("threats:" + g.trailing() + "\n")
	for i := range n {
		b.WriteString(g.threat(i))
	}
	b.WriteString(g.above(""))
	return b.String()
}

// draft is a scan of the same code: most routes still there, one new,
// each rule's controls with what the scan finds.
func (g *humanGen) draft(n int) *model.Model {
	d := &model.Model{Version: 1, Product: model.Product{Name: "gen"}}
	for i := range n + 1 {
		if i < n && g.maybe(0.2) {
			continue // the code is gone
		}
		sid := fmt.Sprintf("s%d", i)
		d.Surfaces = append(d.Surfaces, model.Surface{ID: sid, Kind: model.KindEndpoint, Direction: model.Entry,
			Name: fmt.Sprintf("GET /r%d", i), Match: &model.SurfaceMatch{Method: "GET", Path: fmt.Sprintf("/r%d", i)}})
		th := model.Threat{ID: fmt.Sprintf("t%d", i), Rule: propRules[i%len(propRules)], Surface: sid, Stride: model.Stride{"T"},
			Statement: fmt.Sprintf("If route %d is abused, something bad happens.", i), Difficulty: model.Easy, Impact: model.High}
		for _, c := range propChecks {
			if !g.maybe(0.5) {
				continue
			}
			dc := model.Control{Text: propTexts[c], Status: model.Planned, Check: c}
			if g.maybe(0.4) {
				dc.Status = model.Implemented
				dc.Evidence = []model.Evidence{{File: "app.py", Line: 1 + g.r.Intn(50)}}
			}
			th.Controls = append(th.Controls, dc)
		}
		d.Threats = append(d.Threats, th)
	}
	return d
}

// TestHumanFieldsSurvive: over generated models, sync and every decision
// command keep every human field and every comment (issues 14 and 16).
func TestHumanFieldsSurvive(t *testing.T) {
	on, revisit := date(t, "2026-03-01"), date(t, "2026-09-01")
	runs := 150
	if testing.Short() {
		runs = 30
	}
	for seed := range runs {
		g := &humanGen{r: rand.New(rand.NewSource(int64(seed)))}
		n := 1 + g.r.Intn(4)
		data := []byte(g.file(n))
		before, err := model.Parse("gen", data)
		if err != nil {
			t.Fatalf("seed %d: the generator wrote an invalid model: %v\n%s", seed, err, data)
		}
		target := fmt.Sprintf("t%d", g.r.Intn(n))
		// The control whose evidence the person replaces (as documented).
		evidencedText := g.pick("Rate limit per account", "WAF rule 12", "New control")
		groupedDraft := grouped(g.draft(n), "idor")
		edits := map[string]func() ([]byte, error){
			"sync": func() ([]byte, error) {
				out, _, err := Merge(data, g.draft(n), "threatmap.yaml")
				return out, err
			},
			// A draft made from scratch, as init --force would make it,
			// folded in: every route gone, or all under new ids.
			"sync-redraft-empty": func() ([]byte, error) {
				out, _, err := Merge(data, &model.Model{Version: 1, Product: model.Product{Name: "gen"}}, "threatmap.yaml")
				return out, err
			},
			// A draft by a threatmap that groups a rule's routes into one
			// row per cause: the file's per-route rows of that rule are
			// folded when untouched, kept with their route when not.
			"sync-grouped": func() ([]byte, error) {
				out, _, err := Merge(data, groupedDraft, "threatmap.yaml")
				return out, err
			},
			"sync-redraft-renamed": func() ([]byte, error) {
				d := g.draft(n)
				for i := range d.Surfaces {
					d.Surfaces[i].ID = "new-" + d.Surfaces[i].ID
					d.Surfaces[i].Match.Path += "/v2"
				}
				for i := range d.Threats {
					d.Threats[i].ID = "new-" + d.Threats[i].ID
					d.Threats[i].Surface = "new-" + d.Threats[i].Surface
				}
				out, _, err := Merge(data, d, "threatmap.yaml")
				return out, err
			},
			"accept":    func() ([]byte, error) { return Accept(data, target, "alex", "decided in review", on, revisit) },
			"transfer":  func() ([]byte, error) { return Transfer(data, target, "the provider", "their terms", "", on) },
			"eliminate": func() ([]byte, error) { return Eliminate(data, target, "the route is gone", "", on) },
			"control": func() ([]byte, error) {
				return SetControl(data, target, g.pick("Rate limit per account", "New control"), model.InProgress, nil)
			},
			"control-implemented": func() ([]byte, error) {
				return SetControl(data, target, evidencedText, model.Implemented, []model.Evidence{{File: "api/limits.py", Line: 7}})
			},
			"review": func() ([]byte, error) { return Review(data, "alex", on) },
		}
		for _, name := range slices.Sorted(mapKeys(edits)) {
			out, err := edits[name]()
			if err != nil {
				t.Errorf("seed %d, %s: %v\n%s", seed, name, err, data)
				continue
			}
			assertKept(t, data, out)
			after, err := model.Parse("out", out)
			if err != nil {
				t.Errorf("seed %d, %s: %v", seed, name, err)
				continue
			}
			sync := strings.HasPrefix(name, "sync")
			touched := ""
			if !sync && name != "review" {
				touched = target
			}
			for i, bt := range before.Model.Threats {
				at := after.Model.Threats[i]
				if bt.ID == touched {
					// The decision's own threat: TestDecisions says what
					// it becomes; its owner and the rest of its controls
					// stay.
					edited := ""
					if name == "control-implemented" {
						edited = evidencedText
					}
					if msg := keptByDecision(bt, at, edited); msg != "" {
						t.Errorf("seed %d, %s: threat %s: %s\nbefore:\n%s\nafter:\n%s", seed, name, bt.ID, msg, data, out)
					}
					continue
				}
				if msg := keptHuman(bt, at, sync); msg != "" {
					t.Errorf("seed %d, %s: threat %s: %s\nbefore:\n%s\nafter:\n%s", seed, name, bt.ID, msg, data, out)
				}
				// A row a person decided is never folded away: its
				// route keeps it while the code is there.
				if name == "sync-grouped" && !untouched(bt) && bt.Rule == "idor" && at.State == model.StateGone && bt.State != model.StateGone {
					if s := before.Model.SurfaceByID(bt.Surface); s != nil && s.State != model.StateGone && slices.ContainsFunc(groupedDraft.Threats, func(x model.Threat) bool {
						return slices.ContainsFunc(x.Sites, func(site model.Site) bool { return site.Surface == bt.Surface })
					}) {
						t.Errorf("seed %d, %s: decided threat %s was folded into the group\n%s", seed, name, bt.ID, out)
					}
				}
			}
			if name != "review" && !reflect.DeepEqual(before.Model.Review, after.Model.Review) {
				t.Errorf("seed %d, %s: the review changed", seed, name)
			}
		}
	}
}

// keptByDecision reports what of a person's threat b a decision about it
// lost in a, or "": its owner, and every control's text, evidence, check
// and external record. A control decision may set a status, and replace
// the evidence of the control it names (edited) with the evidence given.
func keptByDecision(b, a model.Threat, edited string) string {
	if b.Owner != a.Owner {
		return "owner " + a.Owner
	}
	if len(a.Controls) < len(b.Controls) {
		return "a control was removed"
	}
	for i, bc := range b.Controls {
		ac := a.Controls[i]
		switch {
		case bc.Text != ac.Text:
			return "control text " + ac.Text
		case bc.Check != ac.Check:
			return "control check " + ac.Check
		case !reflect.DeepEqual(bc.External, ac.External):
			return "control external record"
		case edited != "" && (model.SameControlText(bc.Text, edited) || bc.Check == edited):
		case !slices.Equal(bc.Evidence, ac.Evidence):
			return fmt.Sprintf("control evidence %v, was %v", ac.Evidence, bc.Evidence)
		}
	}
	return ""
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// keptHuman reports what of a person's threat b did not survive into a, or
// "". A sync may mark a control implemented that the scan found, fill in
// evidence and a check where there were none, and append controls, but
// never reopen a threat that was closed.
func keptHuman(b, a model.Threat, sync bool) string {
	switch {
	case b.Owner != a.Owner:
		return "owner " + a.Owner
	case b.Response != a.Response:
		return "response " + string(a.Response)
	case !reflect.DeepEqual(b.Acceptance, a.Acceptance):
		return "acceptance"
	case !reflect.DeepEqual(b.Transfer, a.Transfer):
		return "transfer"
	case !reflect.DeepEqual(b.Elimination, a.Elimination):
		return "elimination"
	case len(a.Controls) < len(b.Controls):
		return "a control was removed"
	case !b.IsOpen() && a.IsOpen():
		return "a closed threat was reopened"
	}
	if !sync {
		if !reflect.DeepEqual(b, a) {
			return "changed by a decision about another threat"
		}
		return ""
	}
	for i, bc := range b.Controls {
		ac := a.Controls[i]
		switch {
		case bc.Text != ac.Text:
			return "control text " + ac.Text
		case bc.Status != ac.Status && ac.Status != model.Implemented:
			return "control status " + string(ac.Status)
		case len(bc.Evidence) > 0 && !reflect.DeepEqual(bc.Evidence, ac.Evidence):
			return fmt.Sprintf("control evidence %v, was %v", ac.Evidence, bc.Evidence)
		case bc.Check != "" && bc.Check != ac.Check:
			return "control check " + ac.Check
		case !reflect.DeepEqual(bc.External, ac.External):
			return "control external record"
		}
	}
	for _, added := range a.Controls[len(b.Controls):] {
		for _, bc := range b.Controls {
			if bc.Check == "" && model.SameControlText(bc.Text, added.Text) {
				return "a drafted control doubled the hand-written " + bc.Text
			}
		}
	}
	return ""
}

// grouped is draft d with rule's per-route threats made one grouped row,
// as threatmap drafts a rule that groups its routes by cause.
func grouped(d *model.Model, rule string) *model.Model {
	out := *d
	out.Threats = nil
	var g *model.Threat
	for _, th := range d.Threats {
		if th.Rule != rule {
			out.Threats = append(out.Threats, th)
			continue
		}
		if g == nil {
			c := th
			c.ID, c.Surface, c.Sites = rule+".cause", "cause-"+rule, nil
			g = &c
		}
		s := d.SurfaceByID(th.Surface)
		g.Sites = append(g.Sites, model.Site{Surface: th.Surface, Name: s.Name})
	}
	if g != nil {
		out.Threats = append(out.Threats, *g)
		out.Surfaces = append(slices.Clone(d.Surfaces), model.Surface{ID: g.Surface, Kind: model.KindEndpoint, Direction: model.Entry,
			Name: "Routes of one cause", Match: &model.SurfaceMatch{Fact: model.GroupFact + rule + ":cause"}})
	}
	return &out
}
