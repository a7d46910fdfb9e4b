package exchange

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/model"
)

var today = model.NewDate(mustDate("2026-06-15").Time)

func mustDate(s string) model.Date {
	d, err := model.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// decisionOf is everything a person decided about a threat.
type decisionOf struct {
	Response    model.Response
	Owner       string
	Acceptance  *model.Acceptance
	Transfer    *model.Transfer
	Elimination *model.Decision
	Controls    []model.Control
}

func decisions(m *model.Model) map[string]decisionOf {
	out := map[string]decisionOf{}
	for _, t := range m.Threats {
		cs := slices.Clone(t.Controls)
		for i := range cs {
			cs[i].Check = "" // threatmap's, not a person's
		}
		out[t.ID] = decisionOf{t.EffectiveResponse(), t.Owner, t.Acceptance, t.Transfer, t.Elimination, cs}
	}
	return out
}

// A model exported as OTM and read back keeps every decision and every
// item, written as a person's.
func TestOTMRoundTrip(t *testing.T) {
	m := decided(t)
	var b bytes.Buffer
	if err := WriteOTM(&b, m); err != nil {
		t.Fatal(err)
	}
	o, err := ParseOTM("docqa.otm.json", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	im := FromOTM(o, today)
	if len(im.Skipped) > 0 || len(im.Filled) > 0 {
		t.Errorf("skipped %v, filled %v", im.Skipped, im.Filled)
	}
	got := im.Model
	want, have := decisions(m), decisions(got)
	for id, w := range want {
		h, ok := have[id]
		if !ok {
			t.Errorf("threat %s lost", id)
			continue
		}
		if !equalJSON(t, w, h) {
			t.Errorf("threat %s: decision\n got %+v\nwant %+v", id, h, w)
		}
	}
	if len(have) != len(want) {
		t.Errorf("%d threats, want %d", len(have), len(want))
	}
	for _, th := range got.Threats {
		if th.Rule != "" {
			t.Errorf("threat %s keeps rule %s: imported threats are a person's", th.ID, th.Rule)
		}
	}
	for _, part := range []struct {
		name      string
		got, want any
	}{
		{"assets", got.Assets, m.Assets},
		{"boundaries", got.Boundaries, m.Boundaries},
		{"surfaces", got.Surfaces, m.Surfaces},
		{"review", got.Review, m.Review},
		{"product", got.Product, m.Product},
	} {
		if !equalJSON(t, part.got, part.want) {
			t.Errorf("%s:\n got %s\nwant %s", part.name, toJSON(t, part.got), toJSON(t, part.want))
		}
	}
	for i, th := range got.Threats {
		w := m.Threats[i]
		w.Rule = ""
		for j := range w.Controls {
			w.Controls[j].Check = ""
		}
		if !equalJSON(t, th, w) {
			t.Errorf("threat %s:\n got %s\nwant %s", th.ID, toJSON(t, th), toJSON(t, w))
		}
	}
	if errs := model.Validate(&model.Doc{Model: got}); len(errs) > 0 {
		t.Errorf("the imported model is not valid: %v", errs)
	}
}

// A model drawn in another tool: what maps, maps; what cannot is named.
func TestFromOTMDrawn(t *testing.T) {
	data, err := os.ReadFile("testdata/drawn.otm.json")
	if err != nil {
		t.Fatal(err)
	}
	o, err := ParseOTM("drawn.otm.json", data)
	if err != nil {
		t.Fatal(err)
	}
	im := FromOTM(o, today)
	m := im.Model
	if errs := model.Validate(&model.Doc{Model: m}); len(errs) > 0 {
		t.Errorf("not a valid model: %v", errs)
	}
	byID := map[string]model.Threat{}
	for _, th := range m.Threats {
		byID[th.ID] = th
	}
	tests := []struct {
		id, surface string
		stride      string
		difficulty  model.Difficulty
		impact      model.Level
		response    model.Response
		controls    string
	}{
		{"t-sqli", "web-api", "TI", model.Easy, model.Critical, model.Mitigate, "Parameterised queries=implemented"},
		{"t-enum", "web-api", "I", model.Moderate, model.Medium, model.Accept, ""},
		{"t-backup", "db", "E", model.Hard, model.Low, model.Eliminate, ""},
		{"t-csrf", "web-api", "S", model.Moderate, model.Medium, model.Mitigate, "Anti-CSRF tokens=planned"},
	}
	for _, tt := range tests {
		th, ok := byID[tt.id]
		if !ok {
			t.Errorf("threat %s not imported (have %v)", tt.id, m.Threats)
			continue
		}
		var cs []string
		for _, c := range th.Controls {
			cs = append(cs, c.Text+"="+string(c.Status))
		}
		got := []string{th.Surface, th.Stride.String(), string(th.Difficulty), string(th.Impact), string(th.Response), strings.Join(cs, ",")}
		want := []string{tt.surface, tt.stride, string(tt.difficulty), string(tt.impact), string(tt.response), tt.controls}
		if !slices.Equal(got, want) {
			t.Errorf("%s: got %v, want %v", tt.id, got, want)
		}
	}
	if _, ok := byID["t-other"]; ok {
		t.Error("a threat with no STRIDE category was imported")
	}
	skipped := strings.Join(im.Skipped, "\n")
	for _, want := range []string{`threat "T-OTHER"`, `component "browser": no threat, asset or code`, `"Web application firewall" of threat "T-SQLI": state rejected`} {
		if !strings.Contains(skipped, want) {
			t.Errorf("skipped does not say %q:\n%s", want, skipped)
		}
	}
	if len(im.Filled) != 2 {
		t.Errorf("filled %v, want the acceptance and the elimination", im.Filled)
	}
	kinds := map[string]string{}
	for _, s := range m.Surfaces {
		kinds[s.ID] = string(s.Kind) + "/" + string(s.Direction) + "/" + s.Boundary + "/" + strings.Join(s.Assets, ",")
		if s.ID == "web-api" && (len(s.Evidence) != 1 || s.Evidence[0].String() != "src/api/booking.py:41") {
			t.Errorf("web-api evidence %v", s.Evidence)
		}
	}
	want := map[string]string{
		"browser": "", // a web client with nothing on it: who stands at the boundary
		"web-api": "endpoint/entry/internet-private/owner-data",
		"db":      "store/store//owner-data,invoices",
	}
	for id, w := range want {
		if kinds[id] != w {
			t.Errorf("surface %s = %s, want %s", id, kinds[id], w)
		}
	}
	assets := map[string]string{}
	for _, a := range m.Assets {
		assets[a.ID] = string(a.Kind) + "/" + string(a.Impact)
	}
	if assets["owner-data"] != "user-data/critical" || assets["invoices"] != "integrity/high" {
		t.Errorf("assets %v", assets)
	}
	if len(m.Boundaries) != 1 || m.Boundaries[0].From != "Internet" || m.Boundaries[0].To != "Private" {
		t.Errorf("boundaries %+v", m.Boundaries)
	}
}

func TestParseOTMErrors(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"syntax", "{\n  \"otmVersion\": \"0.2.0\",\n  \"project\": {\"name\": \"x\",}\n}", "f.json:3:27: invalid character"},
		{"type", "{\n  \"otmVersion\": \"0.2.0\",\n  \"threats\": {\"id\": 1}\n}", "f.json:3:"},
		{"no version", `{"project": {"name": "x", "id": "x"}}`, "no otmVersion"},
		{"version 1", `{"otmVersion": "1.0.0", "project": {"name": "x", "id": "x"}}`, "reads OTM 0.x"},
		{"yaml alias", "otmVersion: 0.2.0\nproject: &p {name: x, id: x}\nother: *p\n", "f.json:3:8: aliases"},
		{"yaml", "otmVersion: 0.2.0\nproject: [", "f.json: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseOTM("f.json", []byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
	o, err := ParseOTM("f.yaml", []byte("otmVersion: 0.2.0\nproject: {name: Y, id: y}\nassets:\n  - {id: a, name: A, risk: {confidentiality: 100, integrity: 0, availability: 0}}\n"))
	if err != nil || len(o.Assets) != 1 || o.Assets[0].Risk.Confidentiality != 100 {
		t.Errorf("YAML OTM: %v %+v", err, o)
	}
}

func equalJSON(t *testing.T, a, b any) bool { return toJSON(t, a) == toJSON(t, b) }

func toJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A grouped threat's sites are one OTM attribute and one TM-BOM
// extension, and import otm reads them back as they were.
func TestSitesRoundTrip(t *testing.T) {
	m := decided(t)
	var want []model.Site
	for _, th := range m.Threats {
		if th.ID == "chat-credit-drain" {
			want = th.Sites
		}
	}
	var b bytes.Buffer
	if err := WriteOTM(&b, m); err != nil {
		t.Fatal(err)
	}
	o, err := ParseOTM("sites.otm.json", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	got := FromOTM(o, today).Model
	for _, th := range got.Threats {
		if th.ID == "chat-credit-drain" && !equalJSON(t, th.Sites, want) {
			t.Errorf("sites after import otm:\n got %s\nwant %s", toJSON(t, th.Sites), toJSON(t, want))
		}
	}
	b.Reset()
	if err := WriteTMBOM(&b, m, ""); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Extensions map[string]json.RawMessage `json:"extensions"`
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	var sites map[string][]model.Site
	if err := json.Unmarshal(doc.Extensions[sitesKey], &sites); err != nil {
		t.Fatalf("extension %s: %v", sitesKey, err)
	}
	if len(sites) != 1 {
		t.Fatalf("sites of %d threats, want 1: %v", len(sites), sites)
	}
	for _, s := range sites {
		if !equalJSON(t, s, want) {
			t.Errorf("TM-BOM sites:\n got %s\nwant %s", toJSON(t, s), toJSON(t, want))
		}
	}
}

// An OTM attribute threatmap.sites that is not a list of sites is named,
// and the threat is imported without it.
func TestSitesAttributeBad(t *testing.T) {
	m := decided(t)
	var b bytes.Buffer
	if err := WriteOTM(&b, m); err != nil {
		t.Fatal(err)
	}
	bad := bytes.Replace(b.Bytes(), []byte(`"threatmap.sites": "[`), []byte(`"threatmap.sites": "x[`), 1)
	o, err := ParseOTM("bad.otm.json", bad)
	if err != nil {
		t.Fatal(err)
	}
	im := FromOTM(o, today)
	if len(im.Skipped) != 1 || !strings.Contains(im.Skipped[0], "threatmap.sites") {
		t.Errorf("skipped %v, want the sites attribute named", im.Skipped)
	}
}
