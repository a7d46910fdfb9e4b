package reconcile

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/model"
)

// controlDraft is tinyDraft with the given drafted controls.
func controlDraft(t *testing.T, controls ...model.Control) *model.Model {
	d := tinyDraft(t)
	d.Threats[0].Controls = controls
	return d
}

// TestMergeControls: a drafted control is the file's control with its
// check, else the hand-written one with its text; a person's status,
// evidence and decision are never undone, and a closed threat is not
// reopened by a suggestion.
func TestMergeControls(t *testing.T) {
	ev := func(s string) []model.Evidence {
		e, _ := model.ParseEvidence(s)
		return []model.Evidence{e}
	}
	rateLimit := func(status model.ControlStatus, evidence string) model.Control {
		c := model.Control{Text: "Rate limit", Status: status, Check: "rate-limit"}
		if evidence != "" {
			c.Evidence = ev(evidence)
		}
		return c
	}
	tests := []struct {
		name     string
		controls string // the threat's controls and decision in the file
		draft    []model.Control
		want     []model.Control
		open     bool
		summary  string
	}{
		{
			name:     "hand-written control with the draft's text is the same control",
			controls: "    controls:\n      - text: Rate limit\n        status: in-progress\n",
			draft:    []model.Control{rateLimit(model.Planned, "")},
			want:     []model.Control{{Text: "Rate limit", Status: model.InProgress, Check: "rate-limit"}},
			open:     true,
			summary:  "1 control updated (post-chat-cost/rate-limit)",
		},
		{
			name:     "text compared without case, spacing or a full stop",
			controls: "    controls:\n      - {text: '  rate   LIMIT.', status: implemented, evidence: [gw/nginx.conf:9]}\n",
			draft:    []model.Control{rateLimit(model.Planned, "")},
			want:     []model.Control{{Text: "  rate   LIMIT.", Status: model.Implemented, Evidence: ev("gw/nginx.conf:9"), Check: "rate-limit"}},
			summary:  "1 control updated (post-chat-cost/rate-limit)",
		},
		{
			name:     "all controls implemented by hand: a planned suggestion does not reopen the threat",
			controls: "    response: mitigate\n    controls:\n      - text: Per-account quota at the gateway\n        status: implemented\n        evidence: [gw/quota.tf:4]\n",
			draft:    []model.Control{rateLimit(model.Planned, "")},
			want:     []model.Control{{Text: "Per-account quota at the gateway", Status: model.Implemented, Evidence: ev("gw/quota.tf:4")}},
			summary:  "no changes",
		},
		{
			name:     "an accepted threat gets no planned suggestion",
			controls: "    response: accept\n    acceptance: {by: sam, on: 2026-01-01, why: beta, revisit: 2027-01-01}\n",
			draft:    []model.Control{rateLimit(model.Planned, "")},
			summary:  "no changes",
		},
		{
			name:     "a closed threat still learns what the code implements",
			controls: "    response: accept\n    acceptance: {by: sam, on: 2026-01-01, why: beta, revisit: 2027-01-01}\n",
			draft:    []model.Control{rateLimit(model.Implemented, "app.py:3")},
			want:     []model.Control{rateLimit(model.Implemented, "app.py:3")},
			summary:  "1 control updated (post-chat-cost/rate-limit)",
		},
		{
			name:     "an open threat gets the suggestion",
			controls: "    controls:\n      - {text: Captcha, status: planned}\n",
			draft:    []model.Control{rateLimit(model.Planned, "")},
			want:     []model.Control{{Text: "Captcha", Status: model.Planned}, rateLimit(model.Planned, "")},
			open:     true,
			summary:  "1 control updated (post-chat-cost/rate-limit)",
		},
		{
			name:     "evidence a person gave stays when the scan cannot see the control (issue 14)",
			controls: "    controls:\n      - text: Rate limit\n        check: rate-limit\n        status: implemented\n        evidence: [gw/nginx.conf:9]   # the limit is in the proxy\n",
			draft:    []model.Control{rateLimit(model.Planned, "")},
			want:     []model.Control{rateLimit(model.Implemented, "gw/nginx.conf:9")},
			summary:  "no changes",
		},
		{
			name:     "evidence a person gave stays when the scan finds the control elsewhere",
			controls: "    controls:\n      - text: Rate limit\n        check: rate-limit\n        status: implemented\n        evidence: [app.py:10]\n",
			draft:    []model.Control{rateLimit(model.Implemented, "app.py:3")},
			want:     []model.Control{rateLimit(model.Implemented, "app.py:10")},
			summary:  "no changes",
		},
		{
			name:     "a control without evidence gets the scan's",
			controls: "    controls:\n      - text: Rate limit\n        check: rate-limit\n        status: planned\n",
			draft:    []model.Control{rateLimit(model.Implemented, "app.py:3")},
			want:     []model.Control{rateLimit(model.Implemented, "app.py:3")},
			summary:  "1 control updated (post-chat-cost/rate-limit)",
		},
		{
			name:     "the same text under another check is another control",
			controls: "    controls:\n      - {text: Rate limit, status: planned, check: ip-limit}\n",
			draft:    []model.Control{rateLimit(model.Planned, "")},
			want:     []model.Control{{Text: "Rate limit", Status: model.Planned, Check: "ip-limit"}, rateLimit(model.Planned, "")},
			open:     true,
			summary:  "1 control updated (post-chat-cost/rate-limit)",
		},
		{
			name:     "one hand-written control stands for one drafted control",
			controls: "    controls:\n      - {text: Rate limit, status: planned}\n",
			draft:    []model.Control{rateLimit(model.Planned, ""), {Text: "Rate limit", Status: model.Planned, Check: "ip-limit"}},
			want:     []model.Control{{Text: "Rate limit", Status: model.Planned, Check: "rate-limit"}, {Text: "Rate limit", Status: model.Planned, Check: "ip-limit"}},
			open:     true,
			summary:  "2 controls updated (post-chat-cost/rate-limit, post-chat-cost/ip-limit)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			existing := `version: 1
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
` + tt.controls
			if _, err := model.Parse("in", []byte(existing)); err != nil {
				t.Fatalf("fixture: %v", err)
			}
			draft := controlDraft(t, tt.draft...)
			out, sum, err := Merge([]byte(existing), draft, "threatmap.yaml")
			if err != nil {
				t.Fatal(err)
			}
			doc, err := model.Parse("out", out)
			if err != nil {
				t.Fatalf("invalid result: %v\n%s", err, out)
			}
			th := doc.Model.Threats[0]
			if !reflect.DeepEqual(th.Controls, tt.want) {
				t.Errorf("controls:\n%s\nwant:\n%s\nfile:\n%s", fmtControls(th.Controls), fmtControls(tt.want), out)
			}
			if th.IsOpen() != tt.open {
				t.Errorf("open = %v, want %v", th.IsOpen(), tt.open)
			}
			if sum.String() != tt.summary {
				t.Errorf("summary %q, want %q", sum, tt.summary)
			}
			if missing := missingComments(t, []byte(existing), out); len(missing) > 0 {
				t.Errorf("comments lost: %q", missing)
			}
			again, sum2, err := Merge(out, draft, "threatmap.yaml")
			if err != nil || string(again) != string(out) || sum2.Changed() {
				t.Errorf("second merge is not a no-op (%v, %s):\n%s", err, sum2, again)
			}
		})
	}
}

func fmtControls(cs []model.Control) string {
	var b strings.Builder
	for _, c := range cs {
		fmt.Fprintf(&b, "  %+v\n", c)
	}
	return b.String()
}

// missingComments lists the comment lines of before that after lacks.
func missingComments(t *testing.T, before, after []byte) []string {
	t.Helper()
	count := map[string]int{}
	for _, l := range strings.Split(string(after), "\n") {
		if i := strings.Index(l, "#"); i >= 0 {
			count[strings.TrimSpace(l[i:])]++
		}
	}
	var missing []string
	for _, l := range strings.Split(string(before), "\n") {
		if i := strings.Index(l, "#"); i >= 0 {
			c := strings.TrimSpace(l[i:])
			if count[c] == 0 {
				missing = append(missing, c)
			}
			count[c]--
		}
	}
	return missing
}
