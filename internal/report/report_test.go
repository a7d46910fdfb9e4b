package report

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/threatmap/threatmap/internal/golden"
	"github.com/threatmap/threatmap/internal/model"
)

// now pins the clock: the acceptance of llm-prompt-leak (revisit
// 2026-03-01) and the review (due 2026-04-05) are overdue on this day.
var now = time.Date(2026, 6, 15, 9, 30, 0, 0, time.UTC)

// goldenTop is small so that the goldens show the appendix too.
const goldenTop = 5

func loadGolden(t *testing.T) *model.Model {
	t.Helper()
	doc, err := model.Load(filepath.Join("testdata", "model.yaml"))
	if err != nil {
		t.Fatalf("load golden model: %v", err)
	}
	return doc.Model
}

// format is a writer under test and its golden file's extension.
type format struct {
	Name, Ext string
	Writer    Writer
}

var formats = []format{{"md", ".md", Markdown{}}, {"html", ".html", HTML{}}, {"json", ".json", JSON{}}}

func render(t *testing.T, f format, p *Page) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f.Writer.Write(&buf, p); err != nil {
		t.Fatalf("%s: %v", f.Name, err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	m := loadGolden(t)
	for _, f := range formats {
		t.Run(f.Name, func(t *testing.T) {
			got := render(t, f, Build(m, now, Options{Top: goldenTop}))
			golden.Check(t, filepath.Join("testdata", "golden"+f.Ext), got)
			// Rendering twice gives the same bytes: no map order, no clock.
			if again := render(t, f, Build(m, now, Options{Top: goldenTop})); !bytes.Equal(got, again) {
				t.Errorf("%s is not deterministic", f.Name)
			}
		})
	}
}

func TestBuildRules(t *testing.T) {
	p := Build(loadGolden(t), now, Options{Top: goldenTop})
	byID := map[string]Row{}
	var order []string
	for _, r := range p.Rows {
		byID[r.Threat.ID] = r
		order = append(order, r.Threat.ID)
	}
	wantOrder := "debug-takeover note-idor billing-forgery summarise-credits bucket-listing summary-repudiation llm-prompt-leak command-injection.release-shell"
	if got := strings.Join(order, " "); got != wantOrder {
		t.Errorf("priority order:\n got %s\nwant %s", got, wantOrder)
	}
	tests := []struct {
		id, status, assets, difficulty string
		open                           bool
	}{
		{"note-idor", "undecided", "User data (notes and attachments)", "Low: sequential ids make this trivial", true},
		{"summarise-credits", "mitigate · 1/3 implemented", "Credentials and credits (LLM tokens)", "Low: requires only signup and a session", true},
		{"billing-forgery", "mitigate · 1/1 implemented", "Product integrity and reputation (billing state)", "Low: the URL is guessable and the payload documented", false},
		{"bucket-listing", "transferred to StoreCo managed storage", "User data (notes and attachments)", "Medium: keys are opaque but listing must be blocked", false},
		{"llm-prompt-leak", "accepted until 2026-03-01 · OVERDUE", "User data (notes and attachments); Credentials and credits (LLM tokens)", "High: needs a breach of a large provider", false},
		{"summary-repudiation", "accepted until 2027-01-31", "Credentials and credits (LLM tokens)", "Medium", false},
		{"debug-takeover", "eliminated · new", "User data (accounts, notes and attachments)", "Low: <script>alert(1)</script> scanners try /debug first", false},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			r := byID[tt.id]
			if r.Status != tt.status {
				t.Errorf("status = %q, want %q", r.Status, tt.status)
			}
			if r.AssetAtRisk != tt.assets {
				t.Errorf("asset at risk = %q, want %q", r.AssetAtRisk, tt.assets)
			}
			if r.Difficulty != tt.difficulty {
				t.Errorf("difficulty = %q, want %q", r.Difficulty, tt.difficulty)
			}
			if r.Open != tt.open {
				t.Errorf("open = %v, want %v", r.Open, tt.open)
			}
		})
	}
	if got := len(p.Map) + len(p.Appendix); got != len(p.Rows)-1 || len(p.Map) != goldenTop {
		t.Errorf("map %d + appendix %d rows, want %d + %d", len(p.Map), len(p.Appendix), goldenTop, len(p.Rows)-1-goldenTop)
	}
	// The release script's threat is off the map and the fix-first list,
	// in its own section, though it is open.
	if len(p.Outside) != 1 || p.Outside[0].Threat.ID != "command-injection.release-shell" || !p.Outside[0].Open {
		t.Errorf("outside = %+v, want the open release-script threat", p.Outside)
	}
	for _, r := range p.FixFirst {
		if r.Threat.Where != "" {
			t.Errorf("fix first lists %s, in code that does not run in production", r.Threat.ID)
		}
	}
	s := p.Summary
	if s.Open != 3 || s.Urgent != 2 || s.Decided != 4 || s.OverdueAcceptances != 1 {
		t.Errorf("summary = %+v", s)
	}
	if !p.Upkeep.Overdue || p.Upkeep.Due.String() != "2026-04-05" {
		t.Errorf("upkeep = %+v, want overdue since 2026-04-05", p.Upkeep)
	}
	if got := p.Matrix.Cells[0][0]; strings.Join(got, ",") != "note-idor" {
		t.Errorf("low × critical cell = %v, want [note-idor]", got)
	}
	if got := p.Matrix.Cells[0][1]; strings.Join(got, ",") != "summarise-credits" {
		t.Errorf("low × high cell = %v, want [summarise-credits]", got)
	}
}

func TestTopDefaultAndFixFirstLimit(t *testing.T) {
	m := loadGolden(t)
	if p := Build(m, now, Options{}); len(p.Map) != len(m.Threats)-len(p.Outside) || len(p.Appendix) != 0 {
		t.Errorf("default top: map %d, appendix %d", len(p.Map), len(p.Appendix))
	}
	p := Build(m, now, Options{Top: 1})
	if len(p.FixFirst) != 1 || p.MoreOpen != 1 {
		t.Errorf("top 1: fix first %d, more %d; want 1 and 1", len(p.FixFirst), p.MoreOpen)
	}
}

func TestUpkeepNeverReviewed(t *testing.T) {
	m := &model.Model{Version: 1, Product: model.Product{Name: "Empty"}}
	p := Build(m, now, Options{Drafted: true})
	for _, f := range formats {
		out := string(render(t, f, p))
		switch f.Name {
		case "json":
			if !strings.Contains(out, `"review_due": null`) || !strings.Contains(out, `"drafted": true`) || !strings.Contains(out, `"threats": []`) {
				t.Errorf("json of an empty drafted model:\n%s", out)
			}
		default:
			for _, want := range []string{"Never reviewed", "threatmap init", "Drafted from the code", "No threats recorded yet"} {
				if !strings.Contains(out, want) {
					t.Errorf("%s lacks %q", f.Name, want)
				}
			}
		}
	}
}

func TestMarkdownEscaping(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a | b", `a \| b`},
		{"line one\nline two", "line one line two"},
		{"GET /x/<id>", `GET /x/\<id\>`},
		{"![x](http://evil/x.png) @admin #1", `!\[x\](http:&#8203;//evil/x.png) @&#8203;admin #&#8203;1`},
		{"crlf\r\nend", "crlf end"},
	}
	for _, tt := range tests {
		if got := textCell(tt.in); got != tt.want {
			t.Errorf("textCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	codes := []struct{ in, want string }{{"GET /a", "`GET /a`"}, {"a`b", "``a`b``"}, {"`x", "`` `x ``"}, {"", ""}}
	for _, tt := range codes {
		if got := code(tt.in); got != tt.want {
			t.Errorf("code(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMermaid(t *testing.T) {
	m := loadGolden(t)
	got := Build(m, now, Options{}).Flow.Mermaid()
	for _, want := range []string{
		"flowchart LR\n",
		`subgraph b1["Internet to API"]`,
		`s2["GET /api/notes/#lt;note_id#gt;"]`,
		"c1 --> b1 --> c2",
		`subgraph b3["api → object storage"]`,
		`s6["/debug console"]`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("mermaid lacks %q:\n%s", want, got)
		}
	}
}

func TestJSONShape(t *testing.T) {
	var doc map[string]any
	out := render(t, formats[2], Build(loadGolden(t), now, Options{Top: goldenTop}))
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"version", "product", "review", "generated", "drafted", "summary", "assets", "boundaries", "surfaces", "threats", "review_due", "overdue"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("json lacks %q", k)
		}
	}
	threats := doc["threats"].([]any)
	if len(threats) != 8 {
		t.Fatalf("json has %d threats, want all 8 (not only the top %d)", len(threats), goldenTop)
	}
	first := threats[1].(map[string]any)
	surface := first["surface"].(map[string]any)
	if first["id"] != "note-idor" || first["priority"] != 2.0 || surface["method"] != "GET" || surface["file"] != "api/routes.py" || surface["line"] != 22.0 {
		t.Errorf("first threat = %v", first)
	}
}

// FuzzMarkdownCell checks that no text can break out of a table cell.
func FuzzMarkdownCell(f *testing.F) {
	for _, s := range []string{"a|b", "x\ny", "\\|", "<b>", "`|`", "\r"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range []string{textCell(s), codeCell(s)} {
			if strings.ContainsAny(c, "\r\n") {
				t.Fatalf("cell %q holds a line break", c)
			}
			if strings.Count(c, "|") != strings.Count(c, `\|`) {
				t.Fatalf("cell %q holds an unescaped pipe", c)
			}
		}
	})
}

// FuzzMermaidLabel checks that no name can close a Mermaid label early.
func FuzzMermaidLabel(f *testing.F) {
	for _, s := range []string{`a"b`, "end", "x\ny", "<script>", "#quot;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l := mermaidLabel(s)
		inner := l[1 : len(l)-1]
		if strings.ContainsAny(inner, "\"<>\r\n`") {
			t.Fatalf("label %s is not safe", l)
		}
	})
}

func TestAssetAtRisk(t *testing.T) {
	assets := map[string]*model.Asset{
		"tokens":  {ID: "tokens", Name: "OpenAI tokens", Kind: model.Credentials},
		"keys":    {ID: "keys", Name: "API keys", Kind: model.Credentials},
		"files":   {ID: "files", Name: "uploaded files", Kind: model.UserData},
		"written": {ID: "written", Name: "Credits (OpenAI tokens)", Kind: model.Credentials},
	}
	tests := []struct {
		ids  []string
		want string
	}{
		{[]string{"tokens"}, "Credentials and credits (OpenAI tokens)"},
		{[]string{"tokens", "files", "keys"}, "User data (uploaded files); Credentials and credits (OpenAI tokens, API keys)"},
		{[]string{"written"}, "Credits (OpenAI tokens)"},
		{[]string{"missing"}, "missing"},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := assetAtRisk(tt.ids, assets); got != tt.want {
			t.Errorf("assetAtRisk(%v) = %q, want %q", tt.ids, got, tt.want)
		}
	}
}
