package reconcile

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/model"
)

// threatFile is a model whose first threat ends with tail (lines indented
// four spaces), with comments around it that no edit may lose.
func threatFile(tail string) string {
	return `version: 1
product: {name: x}   # the product
surfaces:
  - {id: s, kind: store, direction: store, name: S}   # a store
threats:
  # the first threat
  - id: a
    surface: s
    stride: [S]
    statement: x
    difficulty: low
    impact: low
` + tail + `  # between the threats
  - id: b
    surface: s
    stride: [T]
    statement: y
    difficulty: low
    impact: low
# the end
`
}

// reviewFile is a model whose review section is review.
func reviewFile(review string) string {
	return "version: 1\nproduct: {name: x}   # the product\n" + review + "threats: []   # none yet\n# the end\n"
}

// decisions are every decision edit, on threat a.
func decisions(t *testing.T) map[string]func([]byte) ([]byte, error) {
	on, revisit := date(t, "2026-03-01"), date(t, "2026-09-01")
	long := strings.Repeat("A reason long enough to be folded by the encoder, ", 3) + "end."
	return map[string]func([]byte) ([]byte, error){
		"accept": func(d []byte) ([]byte, error) { return Accept(d, "a", "sam", "Beta only: ten users.", on, revisit) },
		"accept long": func(d []byte) ([]byte, error) {
			return Accept(d, "a", "sam", long, on, revisit)
		},
		"transfer":  func(d []byte) ([]byte, error) { return Transfer(d, "a", "our insurer", "policy 4411", "sam", on) },
		"eliminate": func(d []byte) ([]byte, error) { return Eliminate(d, "a", "The route was removed.", "", on) },
		"control x": func(d []byte) ([]byte, error) {
			return SetControl(d, "a", "x", model.Implemented, []model.Evidence{{File: "b.py", Line: 2}})
		},
		"control new": func(d []byte) ([]byte, error) { return SetControl(d, "a", "New control", model.Planned, nil) },
		"review":      func(d []byte) ([]byte, error) { return Review(d, "alex", on) },
	}
}

// commentShapes are the places a person writes comments, in every shape a
// threat's decision fields take in YAML.
var commentShapes = map[string]string{
	"response empty with a comment":                 "    response:   # TODO decide by Friday\n",
	"response ~ with a comment":                     "    response: ~   # TODO\n",
	"response null with a comment":                  "    response: null   # TODO\n",
	"response with a comment":                       "    response: undecided   # still talking\n",
	"response quoted with a comment":                "    response: \"undecided\"   # still talking\n",
	"response with a comment above":                 "    # Sam decides this one\n    response: undecided\n",
	"response on the next line":                     "    response:   # c\n      undecided   # d\n",
	"acceptance empty with a comment":               "    acceptance:  # c\n",
	"acceptance empty, comments below":              "    acceptance:  # c\n      # c2\n    # c3\n",
	"elimination partial flow":                      "    response: eliminate\n    elimination: {why: y}   # c\n",
	"acceptance multi-line flow":                    "    response: accept\n    acceptance: {   # c1\n      by: x,   # c2\n      # c3\n      why: y, on: 2026-01-01,\n      revisit: 2026-02-01   # c4\n    }   # c5\n",
	"acceptance block, comments everywhere":         "    response: accept   # r\n    acceptance:   # a\n      # head of by\n      by: x   # by\n      # between\n      why: y   # why\n      on: 2026-01-01   # on\n      revisit: 2026-02-01   # revisit\n    # after the acceptance\n",
	"acceptance folded why with a comment":          "    response: accept\n    acceptance:\n      by: x\n      why: >-   # folded\n        a long reason that a person folded\n        over two lines # not a comment\n      on: 2026-01-01\n      revisit: 2026-02-01\n",
	"acceptance literal why":                        "    response: accept\n    acceptance:\n      by: x\n      why: |\n        # this line is text, not a comment\n      on: 2026-01-01   # on\n      revisit: 2026-02-01\n",
	"acceptance quoted why with a hash":             "    response: accept\n    acceptance: {by: x, why: 'see # 4', on: 2026-01-01, revisit: 2026-02-01}   # c\n",
	"acceptance, a plain value with }#":             "    response: accept\n    acceptance:\n      by: sam   }# not a comment\n      on: 2026-01-01\n      why: w\n      revisit: 2026-02-01\n",
	"acceptance why quoted over two lines":          "    response: accept\n    acceptance:\n      by: x\n      why: \"two   # not a comment\n        lines\"   # c\n      on: 2026-01-01\n      revisit: 2026-02-01\n",
	"controls [] with a comment":                    "    controls: []   # none yet\n",
	"controls [] with a comment at once":            "    controls: []#   # none yet\n",
	"controls empty with a comment":                 "    controls:   # none yet\n      # really none\n",
	"controls multi-line flow":                      "    controls: [   # c1\n      {text: x, status: planned},   # c2\n      # c3\n    ]   # c4\n",
	"control flow item over two lines":              "    controls:\n      - {text: x,   # c1\n         status: planned}   # c2\n",
	"control flow, a comment between key and value": "    controls: [{text: x, status:   # this comment sits between key and value\n      planned}]\n",
	"control flow item, a line less indented":       "    controls:\n      - {text: x,   # c1\n!        status: planned}   # c2\n",
	"control flow evidence with a comment":          "    controls:\n      - text: x   # t\n        status: planned   # s\n        evidence: [a.py:1]   # e\n",
	"control block evidence with comments":          "    controls:\n      - text: x\n        status: planned\n        evidence:   # e0\n          # e1\n          - a.py:1   # e2\n          - a.py:9   # e3\n",
	"control evidence empty with a comment":         "    controls:\n      - text: x\n        status: planned\n        evidence:   # where?\n",
	"compact control list":                          "    controls:\n    - text: x   # t\n      status: planned\n    # after\n",
	"transfer empty with a comment":                 "    transfer:   # c\n",
	"transfer flow with a comment":                  "    response: transfer\n    transfer: {to: x, how: y}   # c\n",
	"elimination empty with a comment":              "    elimination:   # c\n",
	"elimination block":                             "    response: eliminate\n    elimination:\n      why: gone   # c\n",
	"everything empty, comments on each":            "    response:   # r\n    owner:   # o\n    controls:   # c\n    acceptance:   # a\n    transfer:   # t\n    elimination:   # e\n",
}

// TestDecisionsKeepComments runs every decision over every shape: each
// succeeds, says what it meant (verify), and keeps every comment.
func TestDecisionsKeepComments(t *testing.T) {
	for shape, tail := range commentShapes {
		data := []byte(threatFile(tail))
		if _, err := model.Parse("in", data); err != nil {
			t.Fatalf("%s: fixture is not valid: %v\n%s", shape, err, data)
		}
		for name, edit := range decisions(t) {
			t.Run(shape+"/"+name, func(t *testing.T) {
				out, err := edit(data)
				if err != nil {
					t.Fatalf("%v\n%s", err, data)
				}
				assertKept(t, data, out)
			})
		}
	}
}

var reviewShapes = map[string]string{
	"none":                            "",
	"{} with a comment":               "review: {}   # c\n",
	"{} with a comment at once":       "review: {}#   # c\n",
	"flow every with a comment":       "review: {every: 90d}   # c\n",
	"flow last with a comment":        "review: {last: {on: 2026-01-01, by: sam}, every: 12w}   # c\n",
	"multi-line flow":                 "review: {   # c1\n  last: {on: 2026-01-01,   # c2\n    by: sam},\n  every: 12w   # c3\n}   # c4\n",
	"block with comments":             "review:   # r\n  # head\n  last: {on: 2026-01-01, by: sam}   # the first one\n  every: 90d   # quarterly\n",
	"block, no last":                  "review:\n  every: 90d   # quarterly\n",
	"last empty with a comment":       "review:\n  last:   # never\n  every: 90d\n",
	"last block with comments":        "review:\n  last:\n    on: 2026-01-01   # on\n    by: sam   # by\n  every: 90d\n",
	"every first, last in the middle": "review:\n  every: 90d   # e\n  # about last\n  last: {by: sam, on: 2026-01-01}   # l\n",
}

func TestReviewKeepsComments(t *testing.T) {
	on := date(t, "2026-03-01")
	for shape, review := range reviewShapes {
		t.Run(shape, func(t *testing.T) {
			data := []byte(reviewFile(review))
			if _, err := model.Parse("in", data); err != nil {
				t.Fatalf("fixture is not valid: %v\n%s", err, data)
			}
			out, err := Review(data, "alex", on)
			if err != nil {
				t.Fatalf("%v\n%s", err, data)
			}
			assertKept(t, data, out)
			doc, err := model.Parse("out", out)
			if err != nil {
				t.Fatal(err)
			}
			if l := doc.Model.Review.Last; l == nil || l.By != "alex" || l.On != on {
				t.Errorf("review.last = %+v\n%s", l, out)
			}
		})
	}
}

// mergeShapes are files in which a merge of tinyDraft changes something
// next to a comment: a state to drop or set, a control to refresh, rows
// to append.
var mergeShapes = map[string]string{
	"state gone with a comment, block": `version: 1
product: {name: tiny}
assets:
  - {id: credits, name: Credits, kind: credentials, impact: high}
surfaces:
  - id: post-chat
    kind: endpoint
    direction: entry
    name: POST /chat
    match: {method: POST, path: /chat}
    state: gone   # it was removed last week
    # after the state
threats: []   # none yet
`,
	"state gone first in its item": `version: 1
product: {name: tiny}
assets: [{id: credits, name: Credits, kind: credentials, impact: high}]   # c
surfaces:
  - state: gone   # it was removed
    id: post-chat
    kind: endpoint
    direction: entry
    name: POST /chat
    match: {method: POST, path: /chat}
threats:   # none yet
`,
	"state gone in a flow item": `version: 1
product: {name: tiny}
assets: [{id: credits, name: Credits, kind: credentials, impact: high}]
surfaces:
  - {id: post-chat, kind: endpoint, direction: entry, name: POST /chat,   # c1
     match: {method: POST, path: /chat}, state: gone}   # c2
  - {state: gone, id: old, kind: endpoint, direction: entry, name: GET /old, match: {path: /old}}   # c3
threats:
  - {id: post-chat-cost, rule: llm-cost, surface: post-chat, stride: [D], statement: s, difficulty: low, impact: high,   # c4
     controls: [   # c5
       {text: Rate limit, status: planned, check: rate-limit}   # c6
     ]}   # c7
`,
	"control in a multi-line flow list": `version: 1
product: {name: tiny}
assets: [{id: credits, name: Credits, kind: credentials, impact: high}]
surfaces: [{id: post-chat, kind: endpoint, direction: entry, name: POST /chat, match: {method: POST, path: /chat}}]   # s
threats:
  - id: post-chat-cost
    rule: llm-cost
    surface: post-chat
    stride: [D]
    statement: s
    difficulty: low
    impact: high
    controls: [   # c1
      {text: Rate limit,   # c2
       status: planned}   # c3
    ]   # c4
`,
	"hand-written control with an empty evidence": `version: 1
product: {name: tiny}
assets: [{id: credits, name: Credits, kind: credentials, impact: high}]
surfaces: [{id: post-chat, kind: endpoint, direction: entry, name: POST /chat, match: {method: POST, path: /chat}}]
threats:
  - id: post-chat-cost
    rule: llm-cost
    surface: post-chat
    stride: [D]
    statement: s
    difficulty: low
    impact: high
    controls:
      - text: rate limit   # ours
        status: planned   # soon
        evidence:   # none yet
`,
	"an empty section with a comment that looks like a key": `version: 1
product: {name: tiny}
assets:   # none yet
surfaces:   # none yet
  # really>threats:   # none yet
# the end
`,
	"a flow item over lines, less indented": `version: 1
product: {name: tiny}
assets: [{id: credits, name: Credits, kind: credentials, impact: high}]
surfaces:
  - {id: s, kind: store, direction: store, name:
S}   # a store
threats:
  - id: post-chat-cost
    rule: llm-cost
    surface: s
    stride: [D]
    statement: s
    difficulty: low
    impact: high
    controls:
      - {text: x,   # c1
!        status: planned}   # c2
`,
	"sections empty with comments": `version: 1
product: {name: tiny}
assets:   # none yet
boundaries: []   # none yet
surfaces:   # none yet
  # really
threats:   # none yet
# the end
`,
}

func TestMergeKeepsComments(t *testing.T) {
	for shape, existing := range mergeShapes {
		t.Run(shape, func(t *testing.T) {
			data := []byte(existing)
			if _, err := model.Parse("in", data); err != nil {
				t.Fatalf("fixture is not valid: %v\n%s", err, data)
			}
			draft := tinyDraft(t)
			out, sum, err := Merge(data, draft, "threatmap.yaml")
			if err != nil {
				t.Fatalf("%v\n%s", err, data)
			}
			if !sum.Changed() {
				t.Fatalf("the shape tests nothing: no change")
			}
			assertKept(t, data, out)
			again, sum2, err := Merge(out, draft, "threatmap.yaml")
			if err != nil || string(again) != string(out) || sum2.Changed() {
				t.Errorf("second merge is not a no-op (%v, %s):\n%s", err, sum2, again)
			}
		})
	}
}

// TestEditRefusesClearly: shapes the splicer will not change are refused
// with the place and what to do, never as a bug, and nothing is returned.
func TestEditRefusesClearly(t *testing.T) {
	on := date(t, "2026-03-01")
	tests := []struct {
		name string
		data string
		edit func([]byte) ([]byte, error)
		want string
	}{
		{
			name: "acceptance through an anchor",
			data: threatFile("    response: accept\n    acceptance: &acc {by: x, why: y, on: 2026-01-01, revisit: 2026-02-01}\n"),
			edit: func(d []byte) ([]byte, error) { return Accept(d, "a", "sam", "w", on, on) },
			want: "threatmap.yaml:",
		},
		{
			name: "a tagged value",
			data: threatFile("    response: !ccept   # c\n"),
			edit: func(d []byte) ([]byte, error) { return Accept(d, "a", "sam", "w", on, on) },
			want: "threatmap.yaml:13: cannot edit: the value of response has a tag (!ccept)",
		},
		{
			name: "a plain value over two lines inside braces",
			data: threatFile("    response: transfer\n    transfer: {to: our insurer, how: policy\n      4411}   # c\n"),
			edit: func(d []byte) ([]byte, error) { return Transfer(d, "a", "the provider", "their terms", "", on) },
			want: "threatmap.yaml:14: cannot edit: threatmap cannot rewrite the value of how as written",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := model.Parse("in", []byte(tt.data)); err != nil {
				t.Fatalf("fixture is not valid: %v", err)
			}
			out, err := tt.edit([]byte(tt.data))
			if err == nil {
				t.Fatalf("not refused:\n%s", out)
			}
			if out != nil {
				t.Errorf("a refused edit returned bytes")
			}
			if !errors.Is(err, errEdit) || strings.Contains(err.Error(), "bug") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q: want a cannot-edit error naming %q, not a bug", err, tt.want)
			}
		})
	}
}

// assertKept checks out against in: a valid model, and every comment line
// of in still in out. The comments are counted by a plain line reading,
// independent of the scanner verify uses: in these fixtures a '#' is a
// comment unless the line says "not a comment".
func assertKept(t *testing.T, in, out []byte) {
	t.Helper()
	if _, err := model.Parse("out", out); err != nil {
		t.Fatalf("invalid result: %v\n%s", err, out)
	}
	var before, after []string
	for _, pair := range []struct {
		data []byte
		into *[]string
	}{{in, &before}, {out, &after}} {
		for _, l := range strings.Split(string(pair.data), "\n") {
			if i := strings.Index(l, "#"); i >= 0 && !strings.Contains(l, "not a comment") && !strings.Contains(l, "see # 4") {
				*pair.into = append(*pair.into, strings.TrimSpace(l[i:]))
			}
		}
	}
	for _, c := range before {
		i := slices.Index(after, c)
		if i < 0 {
			t.Errorf("comment lost: %q\nbefore:\n%s\nafter:\n%s", c, in, out)
			continue
		}
		after = slices.Delete(after, i, i+1)
	}
}
