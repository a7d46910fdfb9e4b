package threat

import (
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
