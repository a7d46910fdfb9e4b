package threat

import (
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/model"
)

// A deserialization whose format runs code by design (Python's pickle,
// node-serialize) is easy; Java's and .NET's need a gadget chain on the
// class path and stay moderate.
func TestDeserializationEase(t *testing.T) {
	tests := []struct {
		sink string
		want model.Difficulty
	}{
		{"app/views/reset.py", model.Easy},
		{"src/routes/session.js", model.Easy},
		{"src/main/java/app/Restore.java", model.Moderate},
		{"Controllers/StateController.cs", model.Moderate},
	}
	for _, tt := range tests {
		r := groupRoute("POST", "/reset", 10)
		f := facts.Facts{Surfaces: []facts.Route{r}, Weaknesses: []facts.Weakness{{ID: "weakness-0a1b2c3d4e",
			Kind: "unsafe-deserialization", Detail: "request data deserialized into live objects", Source: facts.SourceBody,
			Reach: facts.ReachRoute, Routes: []string{r.ID}, Evidence: []facts.Evidence{{File: tt.sink, Line: 5}},
			Path: []facts.Step{{File: r.File, Line: r.Line, Note: "POST /reset"}, {File: tt.sink, Line: 5, Note: "loads(state)"}}}}}
		rows := threatsOf(Draft(f, Options{}), "unsafe-deserialization")
		if len(rows) != 1 {
			t.Fatalf("%s: %d rows, want 1", tt.sink, len(rows))
		}
		if rows[0].Difficulty != tt.want {
			t.Errorf("%s: difficulty %s (%s), want %s", tt.sink, rows[0].Difficulty, rows[0].DifficultyReason, tt.want)
		}
	}
}

// Stored XSS (what a user saved, shown unescaped to others) reads as
// stored: no crafted link. Request data written into a page beside it
// (the lookalike) keeps the reflected wording, in a row of its own.
func TestStoredXSSWording(t *testing.T) {
	f := facts.Facts{Weaknesses: []facts.Weakness{
		{ID: "weakness-1a2b3c4d5e", Kind: "xss", Detail: "a text field users save (User.first_name) marked safe HTML",
			Source: facts.SourceStored, Evidence: []facts.Evidence{{File: "app/models/user.py", Line: 12}}},
		{ID: "weakness-2b3c4d5e6f", Kind: "xss", Detail: "request data pasted into HTML",
			Evidence: []facts.Evidence{{File: "app/pages.py", Line: 7}}},
	}}
	rows := threatsOf(Draft(f, Options{}), "xss")
	abuse := map[string]string{}
	for _, r := range rows {
		abuse[r.Surface] = r.Abuse + " / " + r.DifficultyReason
	}
	for surface, want := range map[string]string{"xss-stored": "saved", "xss-code": "crafted link"} {
		got, ok := abuse[surface]
		if !ok {
			t.Fatalf("no row on %s: %v", surface, abuse)
		}
		if !strings.Contains(got, want) {
			t.Errorf("%s: %q, want it to say %q", surface, got, want)
		}
	}
	if strings.Contains(abuse["xss-stored"], "link with a script") || strings.Contains(abuse["xss-stored"], "crafted link") {
		t.Errorf("stored row reads as reflected: %q", abuse["xss-stored"])
	}
}
