package reconcile

import (
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/model"
)

// tinyDraft is one route with one threat whose rate limit is implemented.
func tinyDraft(t testing.TB) *model.Model {
	doc, err := model.Parse("draft", []byte(`version: 1
product: {name: tiny}
assets:
  - {id: credits, name: Credits, kind: credentials, impact: high}
surfaces:
  - {id: post-chat, kind: endpoint, direction: entry, name: POST /chat, assets: [credits], match: {method: POST, path: /chat}}
threats:
  - id: post-chat-cost
    rule: llm-cost
    surface: post-chat
    stride: [D]
    statement: If POST /chat is abused, credits drain.
    difficulty: low
    impact: high
    controls:
      - {text: Rate limit, status: implemented, evidence: [app.py:3], check: rate-limit}
`))
	if err != nil {
		t.Fatal(err)
	}
	return doc.Model
}

func TestMergeCases(t *testing.T) {
	tests := []struct {
		name     string
		existing string
		contains []string // lines the output must hold
		summary  string
	}{
		{
			name: "gone surface found again loses its mark, id differs",
			existing: `version: 1
product: {name: tiny}
assets:
  - {id: credits, name: Credits, kind: credentials, impact: high}
surfaces:
  - id: chat
    kind: endpoint
    direction: entry
    name: POST /chat
    match: {method: post, path: /chat/}
    state: gone   # it was removed last week
threats:
  - id: chat-cost
    rule: llm-cost
    surface: chat
    stride: [D]
    statement: Drains credits.
    difficulty: low
    impact: high
    state: gone
    controls:
      - {text: Rate limit, status: implemented, evidence: [app.py:3], check: rate-limit}
`,
			contains: []string{"    match: {method: post, path: /chat/}\n    # it was removed last week\nthreats:", "    impact: high\n    controls:"},
			summary:  "1 surface found again (chat), 1 threat found again (chat-cost)",
		},
		{
			name: "no threats section yet, compact lists, no final newline",
			existing: `version: 1
product:
  name: tiny
assets:
- id: credits
  name: Credits
  kind: credentials
  impact: high
surfaces:
- id: post-chat
  kind: endpoint
  direction: entry
  name: POST /chat
  match: {method: POST, path: /chat}`,
			contains: []string{"  match: {method: POST, path: /chat}\nthreats:\n  - id: post-chat-cost\n"},
			summary:  "1 new threat (post-chat-cost)",
		},
		{
			name:     "CRLF line breaks and a byte order mark",
			existing: "\xEF\xBB\xBFversion: 1\r\nproduct:\r\n  name: tiny   # CRLF\r\nassets:\r\n  - id: credits\r\n    name: Credits\r\n    kind: credentials\r\n    impact: high\r\n",
			contains: []string{"\xEF\xBB\xBFversion: 1\r\n", "  name: tiny   # CRLF\r\n", "    impact: high\r\nsurfaces:\r\n  - id: post-chat\r\n"},
			summary:  "1 new surface (post-chat), 1 new threat (post-chat-cost)",
		},
		{
			name: "flow lists and a flow control",
			existing: `version: 1
product: {name: tiny}
assets: [{id: credits, name: Credits, kind: credentials, impact: high}]
surfaces: []
threats:
  - id: chat-cost
    rule: llm-cost
    surface: post-chat
    stride: [D]
    statement: Drains credits.
    difficulty: low
    impact: high
    controls:
      - {text: Rate limit, status: planned, check: rate-limit}   # soon
`,
			contains: []string{"      - {text: Rate limit, status: implemented, evidence: [app.py:3], check: rate-limit}   # soon", "surfaces:\n  - id: post-chat\n"},
			summary:  "1 new surface (post-chat), 1 control updated (chat-cost/rate-limit)",
		},
		{
			name: "state first in its item, and a quoted status",
			existing: `version: 1
product: {name: tiny}
assets:
  - id: credits
    name: Credits
    kind: credentials
    impact: high
surfaces:
  - state: gone
    id: post-chat
    kind: endpoint
    direction: entry
    name: POST /chat
    match: {method: POST, path: /chat}
threats:
  - id: chat-cost
    rule: llm-cost
    surface: post-chat
    stride: [D]
    statement: Drains credits.
    difficulty: low
    impact: high
    controls:
      - status: "planned"
        text: Rate limit
        check: rate-limit
`,
			contains: []string{"surfaces:\n  - id: post-chat\n", `      - status: "implemented"`, "        evidence: [app.py:3]\n"},
			summary:  "1 surface found again (post-chat), 1 control updated (chat-cost/rate-limit)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			draft := tinyDraft(t)
			out, sum, err := Merge([]byte(tt.existing), draft, "threatmap.yaml")
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range tt.contains {
				if !strings.Contains(string(out), want) {
					t.Errorf("output lacks %q:\n%s", want, out)
				}
			}
			if sum.String() != tt.summary {
				t.Errorf("summary %q, want %q", sum, tt.summary)
			}
			if _, err := model.Parse("out", out); err != nil {
				t.Errorf("output is not valid: %v\n%s", err, out)
			}
			again, sum2, err := Merge(out, draft, "threatmap.yaml")
			if err != nil || string(again) != string(out) || sum2.Changed() {
				t.Errorf("second merge is not a no-op (%v, %s):\n%s", err, sum2, again)
			}
		})
	}
}

func TestMergeRefuses(t *testing.T) {
	for name, existing := range map[string]string{
		"not yaml":       "version: [1\n",
		"unknown key":    "version: 1\nproduct: {name: x}\nthreads: []\n",
		"root is a list": "- a\n- b\n",
	} {
		t.Run(name, func(t *testing.T) {
			if _, _, err := Merge([]byte(existing), tinyDraft(t), "threatmap.yaml"); err == nil {
				t.Error("merge accepted a broken file")
			}
		})
	}
}
