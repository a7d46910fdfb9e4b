package exchange

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/model"
)

// The required fields, enumerations and references of each format, written
// from its published specification (OTM 0.2.0: the Open Threat Model
// README and otm_schema.json; TM-BOM 1.0.2: threat-model.schema.json of the
// OWASP Threat Model Library). Paths name every object at that place:
// "components[].threats[]" is each threat instance of each component.

type rule struct {
	path     string
	required []string
	// allowed, when set, is every property the object may have (the
	// schema's additionalProperties: false).
	allowed []string
	enums   map[string][]string
}

var otmRules = []rule{
	{path: "", required: []string{"otmVersion", "project"}},
	{path: "project", required: []string{"name", "id"}},
	{path: "representations[]", required: []string{"name", "id", "type"}},
	{path: "assets[]", required: []string{"name", "id", "risk"}},
	{path: "assets[].risk", required: []string{"confidentiality", "integrity", "availability"}},
	{path: "trustZones[]", required: []string{"id", "name", "risk"}},
	{path: "trustZones[].risk", required: []string{"trustRating"}},
	{path: "components[]", required: []string{"id", "name", "type", "parent"}},
	{path: "components[].representations[]", required: []string{"representation", "id"}},
	{path: "components[].threats[]", required: []string{"threat", "state"}},
	{path: "components[].threats[].mitigations[]", required: []string{"mitigation", "state"}},
	{path: "dataflows[]", required: []string{"id", "name", "source", "destination"}},
	{path: "threats[]", required: []string{"id", "name", "risk"}},
	{path: "threats[].risk", required: []string{"likelihood", "impact"}},
	{path: "mitigations[]", required: []string{"id", "name", "riskReduction"}},
}

var (
	degree        = []string{"minimal", "low", "moderate", "high", "maximal"}
	sensitivities = []string{"pii", "phi", "fin", "ip", "cred", "biz", "gov", "pci", "op"}
)

var tmbomRules = []rule{
	{path: "", required: []string{"version", "scope", "trust_zones", "trust_boundaries", "actors", "components", "data_stores", "data_sets", "data_flows"},
		allowed: []string{"$schema", "version", "scope", "description", "frozen", "released_at", "product_release_date", "release_docs_link", "reviewed_at", "repo_link", "diagrams", "trust_zones", "trust_boundaries", "actors", "components", "data_stores", "data_sets", "data_flows", "assumptions", "threat_personas", "threats", "controls", "risks", "extensions"}},
	{path: "scope", required: []string{"title", "description", "business_criticality", "data_sensitivity", "exposure", "tier"},
		allowed: []string{"title", "description", "business_criticality", "data_sensitivity", "exposure", "tier"},
		enums: map[string][]string{"business_criticality": degree, "data_sensitivity": sensitivities, "exposure": {"internal", "external"},
			"tier": {"mission_critical", "business_critical", "important", "non_critical"}}},
	{path: "diagrams[]", required: []string{"title", "type", "source"}, allowed: []string{"title", "description", "link", "type", "source"},
		enums: map[string][]string{"type": {"graphviz", "mermaid", "plantuml", "svg"}}},
	{path: "trust_zones[]", required: []string{"symbolic_name", "title", "description"}, allowed: []string{"symbolic_name", "title", "description"}},
	{path: "trust_boundaries[]", required: []string{"trust_zone_a", "trust_zone_b"},
		allowed: []string{"trust_zone_a", "trust_zone_b", "access_control_methods", "authentication_methods", "access_token_expires", "access_token_ttl", "has_refresh_token", "refresh_token_expires", "refresh_token_ttl", "can_user_logout", "can_system_logout"}},
	{path: "actors[]", required: []string{"symbolic_name", "title", "description", "type", "trust_zone"},
		allowed: []string{"symbolic_name", "title", "description", "type", "permissions", "trust_zone"},
		enums:   map[string][]string{"type": {"system", "user", "power_user", "administrator", "engineer", "third_party"}}},
	{path: "components[]", required: []string{"symbolic_name", "title", "description", "trust_zone"},
		allowed: []string{"symbolic_name", "title", "description", "parent_component", "trust_zone", "repo_link"}},
	{path: "data_stores[]", required: []string{"symbolic_name", "title", "description", "type", "trust_zone"},
		allowed: []string{"symbolic_name", "title", "description", "type", "vendor", "product", "trust_zone"},
		enums:   map[string][]string{"type": {"sql", "key_value", "document", "object", "graph", "time_series"}}},
	{path: "data_sets[]", required: []string{"symbolic_name", "title", "description", "placements", "data_sensitivity"},
		allowed: []string{"symbolic_name", "title", "description", "placements", "data_sensitivity", "access_control_methods", "record_count"},
		enums:   map[string][]string{"data_sensitivity": sensitivities}},
	{path: "data_sets[].placements[]", allowed: []string{"data_store", "encrypted"}},
	{path: "data_flows[]", required: []string{"symbolic_name", "title", "description", "source", "destination", "has_sensitive_data", "encrypted"},
		allowed: []string{"symbolic_name", "title", "description", "source", "destination", "has_sensitive_data", "encrypted"}},
	{path: "data_flows[].source", required: []string{"type", "object"}, allowed: []string{"type", "object"}},
	{path: "data_flows[].destination", required: []string{"type", "object"}, allowed: []string{"type", "object"}},
	{path: "threat_personas[]", required: []string{"symbolic_name", "title", "description", "is_person", "skill_level", "access_level", "malicious_intent", "applicability_to_org"},
		allowed: []string{"symbolic_name", "title", "description", "is_person", "skill_level", "access_level", "malicious_intent", "applicability_to_org"},
		enums: map[string][]string{"skill_level": {"script_kid", "insider", "engineer", "expert_engineer", "oc_sponsored", "state_sponsored"},
			"access_level": {"anonymous", "user", "admin"}, "applicability_to_org": degree}},
	{path: "threats[]", required: []string{"symbolic_name", "title", "description", "threat_persona", "event", "sources"},
		allowed: []string{"symbolic_name", "title", "description", "components_affected", "threat_persona", "event", "sources", "attack_mechanisms", "weaknesses"},
		enums:   map[string][]string{"sources": {"adversary", "human_error", "failure", "events_beyond_org_control"}}},
	{path: "threats[].weaknesses[]", required: []string{"cwe_id"}, allowed: []string{"cwe_id", "cwe_title"}},
	{path: "controls[]", required: []string{"symbolic_name", "title", "description", "threats", "status", "priority"},
		allowed: []string{"symbolic_name", "title", "description", "threats", "trust_boundary", "status", "priority"},
		enums: map[string][]string{"status": {"assumed", "active", "suggested", "under_review", "approved", "scheduled", "retired", "wont_do"},
			"priority": {"none", "low", "medium", "high", "critical"}}},
	{path: "controls[].trust_boundary", required: []string{"trust_zone_a", "trust_zone_b"}, allowed: []string{"trust_zone_a", "trust_zone_b"}},
	{path: "risks[]", required: []string{"symbolic_name", "title", "description", "threats", "likelihood", "impact", "impact_description", "score", "level"},
		allowed: []string{"symbolic_name", "title", "description", "threats", "likelihood", "impact", "impact_description", "score", "level"},
		enums: map[string][]string{"likelihood": {"rare", "unlikely", "possible", "likely", "certain"},
			"impact": {"negligible", "minor", "moderate", "major", "severe"},
			"level":  {"very_low", "low", "medium", "high", "very_high", "critical"}}},
}

// at returns every object at path in doc.
func at(doc any, path string) []map[string]any {
	nodes := []any{doc}
	if path != "" {
		for _, step := range strings.Split(path, ".") {
			key, list := strings.CutSuffix(step, "[]")
			var next []any
			for _, n := range nodes {
				obj, ok := n.(map[string]any)
				if !ok {
					continue
				}
				v, ok := obj[key]
				if !ok || v == nil {
					continue
				}
				if list {
					items, _ := v.([]any)
					next = append(next, items...)
				} else {
					next = append(next, v)
				}
			}
			nodes = next
		}
	}
	var out []map[string]any
	for _, n := range nodes {
		if obj, ok := n.(map[string]any); ok {
			out = append(out, obj)
		}
	}
	return out
}

// conform checks doc against rules and returns every violation.
func conform(doc any, rules []rule) []string {
	var bad []string
	for _, r := range rules {
		for i, obj := range at(doc, r.path) {
			where := fmt.Sprintf("%s#%d", r.path, i)
			for _, f := range r.required {
				if v, ok := obj[f]; !ok || v == nil {
					bad = append(bad, where+": missing "+f)
				} else if s, isStr := v.(string); isStr && strings.TrimSpace(s) == "" {
					bad = append(bad, where+": empty "+f)
				}
			}
			if r.allowed != nil {
				for k := range obj {
					if !slices.Contains(r.allowed, k) {
						bad = append(bad, where+": property "+k+" is not in the schema")
					}
				}
			}
			for f, values := range r.enums {
				vals := []any{obj[f]}
				if list, ok := obj[f].([]any); ok {
					vals = list
				}
				for _, v := range vals {
					if s, ok := v.(string); ok && !slices.Contains(values, s) {
						bad = append(bad, fmt.Sprintf("%s: %s %q is not one of %v", where, f, s, values))
					}
				}
			}
		}
	}
	return bad
}

var symbolicName = regexp.MustCompile(`^[0-9a-z-]+$`)

func decode(t *testing.T, b []byte) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	return doc
}

func loadExample(t *testing.T) *model.Model {
	t.Helper()
	doc, err := model.Load("../../examples/docqa/threatmap.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return doc.Model
}

// decided is docqa with a decision of every kind recorded.
func decided(t *testing.T) *model.Model {
	m := loadExample(t)
	day := func(s string) model.Date {
		d, err := model.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for i := range m.Threats {
		th := &m.Threats[i]
		switch th.ID {
		case "chat-credit-drain":
			th.Controls[0].Status = model.Implemented
			th.Controls[0].Evidence = []model.Evidence{{File: "backend/app/limits.py", Line: 12}}
			th.Controls[1].Status = model.InProgress
			th.Controls[2].External = &model.External{What: "WAF rate rule", Where: "Cloudflare", By: "sam", Date: day("2026-10-02")}
			th.Controls[2].Status = model.Implemented
			// A grouped row: its sites survive every format (a name
			// with a comma and a quote in it too).
			th.Sites = []model.Site{
				{Surface: "post-api-chat", Name: "POST /api/chat", Evidence: []model.Evidence{{File: "backend/app/routes/chat.py", Line: 22}}},
				{Surface: "post-api-upload", Name: `POST /api/upload, "v2"`},
			}
		case "documents-idor":
			th.Response = model.Accept
			th.Acceptance = &model.Acceptance{By: "sam", On: day("2026-10-01"), Why: "ids are UUIDv4", Revisit: day("2027-01-15")}
		case "stripe-webhook-forgery":
			th.Response = model.TransferRisk
			th.Transfer = &model.Transfer{To: "Stripe", How: "Stripe Checkout verifies", By: "sam", On: day("2026-10-01")}
		case "admin-exposed":
			th.Response = model.Eliminate
			th.Elimination = &model.Decision{Why: "admin panel removed", By: "sam", On: day("2026-10-01")}
		}
	}
	return m
}

func TestOTMRequiredFields(t *testing.T) {
	for name, m := range map[string]*model.Model{"docqa": loadExample(t), "decided": decided(t), "empty": {Version: 1, Product: model.Product{Name: "empty"}}} {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteOTM(&b, m); err != nil {
				t.Fatal(err)
			}
			doc := decode(t, b.Bytes())
			for _, p := range conform(doc, otmRules) {
				t.Error(p)
			}
			if doc["otmVersion"] != "0.2.0" {
				t.Errorf("otmVersion = %v", doc["otmVersion"])
			}
			// References resolve: parents, flow ends, threat and mitigation
			// instances, asset instances.
			ids := func(path string) map[string]bool {
				out := map[string]bool{}
				for _, o := range at(doc, path) {
					out[o["id"].(string)] = true
				}
				return out
			}
			zones, comps, threats, mits, assets := ids("trustZones[]"), ids("components[]"), ids("threats[]"), ids("mitigations[]"), ids("assets[]")
			for _, c := range at(doc, "components[]") {
				p := c["parent"].(map[string]any)
				if len(p) != 1 || (p["trustZone"] == nil) == (p["component"] == nil) {
					t.Errorf("component %v: parent must be one trust zone or one component: %v", c["id"], p)
				}
				if z, ok := p["trustZone"].(string); ok && !zones[z] {
					t.Errorf("component %v: parent zone %q is not a trust zone", c["id"], z)
				}
				for _, r := range at(c, "representations[]") {
					if r["representation"] != "code" {
						t.Errorf("representation %v", r["representation"])
					}
				}
				for _, ti := range at(c, "threats[]") {
					if !threats[ti["threat"].(string)] {
						t.Errorf("threat instance %v names no threat", ti["threat"])
					}
					for _, mi := range at(ti, "mitigations[]") {
						if !mits[mi["mitigation"].(string)] {
							t.Errorf("mitigation instance %v names no mitigation", mi["mitigation"])
						}
					}
				}
				if a, ok := c["assets"].(map[string]any); ok {
					for _, k := range []string{"processed", "stored"} {
						list, _ := a[k].([]any)
						for _, x := range list {
							if !assets[x.(string)] {
								t.Errorf("component %v: asset %v is not an asset", c["id"], x)
							}
						}
					}
				}
			}
			for _, f := range at(doc, "dataflows[]") {
				for _, end := range []string{"source", "destination"} {
					if !comps[f[end].(string)] {
						t.Errorf("dataflow %v: %s %v is not a component", f["id"], end, f[end])
					}
				}
			}
			for _, group := range []string{"trustZones[]", "components[]", "dataflows[]", "threats[]", "mitigations[]", "assets[]"} {
				seen := map[string]bool{}
				for _, o := range at(doc, group) {
					if id := o["id"].(string); seen[id] {
						t.Errorf("%s: id %q twice", group, id)
					} else {
						seen[id] = true
					}
				}
			}
			for _, th := range at(doc, "threats[]") {
				for _, k := range []string{"likelihood", "impact"} {
					if v := th["risk"].(map[string]any)[k].(float64); v < 0 || v > 100 {
						t.Errorf("threat %v: %s %v is not 0-100", th["id"], k, v)
					}
				}
			}
		})
	}
}

func TestTMBOMRequiredFields(t *testing.T) {
	for name, m := range map[string]*model.Model{"docqa": loadExample(t), "decided": decided(t), "empty": {Version: 1, Product: model.Product{Name: "empty"}}} {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteTMBOM(&b, m, "flowchart LR\n  c1([browser])\n"); err != nil {
				t.Fatal(err)
			}
			doc := decode(t, b.Bytes())
			for _, p := range conform(doc, tmbomRules) {
				t.Error(p)
			}
			if doc["$schema"] != TMBOMSchema {
				t.Errorf("$schema = %v", doc["$schema"])
			}
			if v, _ := doc["version"].(string); !regexp.MustCompile(`^\d+(\.\d+)*$`).MatchString(v) {
				t.Errorf("version %q", v)
			}
			// Every symbolic name has the schema's shape, is unique in its
			// kind, and every reference resolves.
			names := map[string]map[string]bool{}
			for _, group := range []string{"trust_zones", "actors", "components", "data_stores", "data_sets", "data_flows", "threat_personas", "threats", "controls", "risks"} {
				names[group] = map[string]bool{}
				for _, o := range at(doc, group+"[]") {
					n, _ := o["symbolic_name"].(string)
					if !symbolicName.MatchString(n) {
						t.Errorf("%s: symbolic name %q", group, n)
					}
					if names[group][n] {
						t.Errorf("%s: %q twice", group, n)
					}
					names[group][n] = true
				}
			}
			ref := func(where, group string, v any) {
				if s, _ := v.(string); !names[group][s] {
					t.Errorf("%s: %v is not in %s", where, v, group)
				}
			}
			for _, group := range []string{"actors[]", "components[]", "data_stores[]"} {
				for _, o := range at(doc, group) {
					ref(group, "trust_zones", o["trust_zone"])
				}
			}
			for _, o := range at(doc, "trust_boundaries[]") {
				ref("trust boundary", "trust_zones", o["trust_zone_a"])
				ref("trust boundary", "trust_zones", o["trust_zone_b"])
			}
			kinds := map[string]string{"actor": "actors", "component": "components", "data-store": "data_stores"}
			for _, f := range at(doc, "data_flows[]") {
				for _, end := range []string{"source", "destination"} {
					e := f[end].(map[string]any)
					group, ok := kinds[e["type"].(string)]
					if !ok {
						t.Errorf("data flow %v: %s type %v", f["symbolic_name"], end, e["type"])
						continue
					}
					ref("data flow", group, e["object"])
				}
			}
			for _, ds := range at(doc, "data_sets[]") {
				for _, p := range at(ds, "placements[]") {
					ref("placement", "data_stores", p["data_store"])
				}
			}
			for _, th := range at(doc, "threats[]") {
				ref("threat", "threat_personas", th["threat_persona"])
				list, _ := th["components_affected"].([]any)
				for _, c := range list {
					if s := c.(string); !names["components"][s] && !names["data_stores"][s] {
						t.Errorf("threat %v affects %v, no component", th["symbolic_name"], c)
					}
				}
			}
			for _, group := range []string{"controls[]", "risks[]"} {
				for _, o := range at(doc, group) {
					for _, th := range o["threats"].([]any) {
						ref(group, "threats", th)
					}
				}
			}
			for _, r := range at(doc, "risks[]") {
				if s := r["score"].(float64); s < 0 || s > 25 {
					t.Errorf("risk score %v", s)
				}
			}
			if ext, ok := doc["extensions"].(map[string]any); ok {
				key := regexp.MustCompile(`^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]+(/[-$%'()*+,.:;=@^_~0-9A-Za-z]+)+$`)
				for k := range ext {
					if !key.MatchString(k) {
						t.Errorf("extension key %q", k)
					}
				}
			}
		})
	}
}

// Two exports of one model are the same bytes, and the model's order, not
// a map's, decides every list.
func TestExportDeterministic(t *testing.T) {
	for _, w := range []struct {
		name  string
		write func(*bytes.Buffer, *model.Model) error
	}{
		{"otm", func(b *bytes.Buffer, m *model.Model) error { return WriteOTM(b, m) }},
		{"tmbom", func(b *bytes.Buffer, m *model.Model) error { return WriteTMBOM(b, m, "flowchart LR\n") }},
	} {
		t.Run(w.name, func(t *testing.T) {
			var first bytes.Buffer
			if err := w.write(&first, decided(t)); err != nil {
				t.Fatal(err)
			}
			for range 20 {
				var again bytes.Buffer
				if err := w.write(&again, decided(t)); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(first.Bytes(), again.Bytes()) {
					t.Fatal("two exports of the same model differ")
				}
			}
		})
	}
}
