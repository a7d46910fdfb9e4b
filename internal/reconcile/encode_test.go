package reconcile

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/threatmap/threatmap/internal/model"
)

func date(t testing.TB, s string) model.Date {
	t.Helper()
	d, err := model.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// sample is a small valid model; tweak changes one string in it.
func sample(t testing.TB, tweak func(m *model.Model)) *model.Model {
	no := false
	m := &model.Model{
		Version: 1,
		Product: model.Product{Name: "docqa", Description: "Ask questions about your documents"},
		Review:  model.Review{Last: &model.ReviewEntry{On: date(t, "2026-01-02"), By: "sam"}, Every: model.Duration{Days: 90}},
		Assets: []model.Asset{
			{ID: "openai-credits", Name: "OpenAI credits", Kind: model.Credentials, Impact: model.High, Evidence: []model.Evidence{{File: "api/chat.py", Line: 12}}},
			{ID: "accounts", Name: "Accounts", Kind: model.UserData, Impact: model.Critical, Fields: []string{"email", "password_hash"}},
		},
		Boundaries: []model.Boundary{{ID: "browser-api", Name: "Browser to API", From: "browser", To: "api"}},
		Surfaces: []model.Surface{
			{ID: "post-api-chat", Kind: model.KindEndpoint, Direction: model.Entry, Name: "POST /api/chat", Exposure: model.Authenticated,
				Assets: []string{"openai-credits"}, Boundary: "browser-api", Match: &model.SurfaceMatch{Method: "POST", Path: "/api/chat"},
				Evidence: []model.Evidence{{File: "api/chat.py", Line: 10}, {File: "api/app.py"}}},
			{ID: "openai", Kind: model.KindThirdParty, Direction: model.Exit, Name: "OpenAI", Owned: &no, Match: &model.SurfaceMatch{Fact: "sdk.openai.1a2b"}},
		},
		Threats: []model.Threat{{
			ID: "chat-credit-drain", Rule: "llm-cost", Title: "Credit drain", Surface: "post-api-chat", Assets: []string{"openai-credits"},
			Stride: model.Stride{"D"}, CWE: []string{"CWE-770"},
			Statement:  "If POST /api/chat is abused, an attacker could drain OpenAI credits by calling it at high volume, and this would require only a free account.",
			Difficulty: model.Easy, Impact: model.High, Response: model.Accept, Owner: "sam",
			Controls: []model.Control{
				{Text: "Rate limit per account", Status: model.Implemented, Evidence: []model.Evidence{{File: "api/limits.py", Line: 4}}, Check: "rate-limit"},
				{Text: "Budget alerts", Status: model.Planned},
			},
			Acceptance: &model.Acceptance{By: "sam", On: date(t, "2026-01-02"), Why: "Beta only; ten users.", Revisit: date(t, "2026-04-01")},
		}},
	}
	if tweak != nil {
		tweak(m)
	}
	return m
}

func modelJSON(t *testing.T, m *model.Model) string {
	t.Helper()
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestEncodeRoundTrip(t *testing.T) {
	tricky := []string{
		"plain words",
		"colon: inside",
		"ends with colon:",
		"# starts like a comment",
		"a #hash inside",
		`"double" and 'single' quotes`,
		"'leading single quote",
		"*looks like an alias",
		"&looks like an anchor",
		"- looks like a list item",
		"? looks like a key",
		"!looks like a tag",
		"% directive-ish",
		"@at and `backtick`",
		"[flow] {indicators}, commas",
		"yes", "no", "on", "off", "null", "~", "true", "123", "1e3", "0x1F", "2026-01-02",
		"unicode: café, 日本語, emoji 🔥",
		"multi\nline\ntext",
		"multi\nline with trailing newline\n",
		"  leading spaces",
		"trailing spaces  ",
		"tab\tinside",
		"back\\slash",
		strings.Repeat("a long sentence that goes on and on, ", 8) + "end.",
		"If POST /api/chat: is abused, an attacker could # not a comment, drain credits by calling it at a high volume over many hours.",
		"line one\n\n  indented line three\n",
	}
	for _, s := range tricky {
		t.Run(s, func(t *testing.T) {
			m := sample(t, func(m *model.Model) {
				m.Product.Description = s
				m.Assets[0].Name = s
				m.Threats[0].Statement = s
				m.Threats[0].Acceptance.Why = s
				m.Threats[0].Controls[1].Text = s
				m.Boundaries[0].Name = s
			})
			out, err := Encode(m, "https://example.com/threatmap.schema.json")
			if err != nil {
				t.Fatal(err)
			}
			doc, err := model.Parse("threatmap.yaml", out)
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			if got, want := modelJSON(t, doc.Model), modelJSON(t, m); got != want {
				t.Errorf("round trip changed the model:\n%s\nfile:\n%s", got, out)
			}
		})
	}
}

func TestEncodeShape(t *testing.T) {
	out, err := Encode(sample(t, nil), "../schema/threatmap.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, want := range []string{
		"# yaml-language-server: $schema=../schema/threatmap.schema.json\n",
		"\n# What you cannot afford to lose.\n",
		"user-data | credentials | integrity",
		"undecided | mitigate | eliminate | accept | transfer",
		"planned | in-progress | implemented",
		"zero-knowledge",
		"evidence: [api/chat.py:10, api/app.py]",
		"match: {method: POST, path: /api/chat}",
		"  last: {on: 2026-01-02, by: sam}",
		"    statement: >-\n      If POST /api/chat is abused,",
		"  - {id: browser-api, name: Browser to API, from: browser, to: api}",
		"    stride: [D]",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
	if !strings.HasPrefix(text, "# yaml-language-server: $schema=") {
		t.Errorf("first line is not the schema line")
	}
	for i, line := range strings.Split(text, "\n") {
		if len(line) > 100 {
			t.Errorf("line %d is %d characters long: %q", i+1, len(line), line)
		}
	}
	if !bytes.HasSuffix(out, []byte("\n")) {
		t.Error("output does not end with a newline")
	}
}

// A route that is not UTF-8 (a Latin-1 source file) is stored escaped, not
// as !!binary, reads back as the same text, and a second scan of the same
// code matches it: no new row, no gone row, nothing changed.
func TestInvalidUTF8RoundTrips(t *testing.T) {
	draft := tinyDraft(t)
	draft.Surfaces[0].Name = "POST /caf\xe9"
	draft.Surfaces[0].Match.Path = "/caf\xe9"
	draft.Threats[0].Statement = "If POST /caf\xe9 is abused, credits drain."
	data, err := Encode(draft, "schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte("!!binary")) || !utf8.Valid(data) {
		t.Fatalf("not stored as escaped text:\n%s", data)
	}
	doc, err := model.Parse("m", data)
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Model.Surfaces[0].Match.Path; got != `/caf\xe9` {
		t.Errorf("path reads back as %q", got)
	}
	out, sum, err := Merge(data, draft, "threatmap.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if sum.Changed() || !bytes.Equal(out, data) {
		t.Errorf("a second scan of the same code changed the model: %s\n%s", sum, out)
	}
	// The same for a file a person started, and a decision typed in Latin-1.
	accepted, err := Accept(data, draft.Threats[0].ID, "Andr\xe9", "ok", date(t, "2026-01-01"), date(t, "2026-06-01"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(accepted, []byte("!!binary")) || !bytes.Contains(accepted, []byte(`Andr\xe9`)) {
		t.Errorf("decision not stored as escaped text:\n%s", accepted)
	}
}
