package scan

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/threatmap/threatmap/internal/detector/all"
	"github.com/threatmap/threatmap/internal/facts"
)

// A route is tagged llm when its handler calls a model: through a client
// made from an SDK the catalogue knows (an OpenAI-compatible one with a
// base URL too), one imported from another file, or a function of the
// repository that calls one, in Python, JavaScript and Go. A handler
// that names providers in strings or comments, or lists them for a
// settings page, calls none.
func TestLLMTagFromCalls(t *testing.T) {
	res, err := Run(context.Background(), filepath.Join(repoRoot, "internal", "detector", "signal", "testdata", "llm"), all.New(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{
		"POST /ask": true, "POST /summaries": true, "POST /digest": true,
		"GET /about": false, "GET /settings/providers": false, "GET /models": false, "GET /integrations": false,
	}
	for _, r := range res.Surfaces {
		w, ok := want[r.Method+" "+r.Path]
		if !ok {
			continue
		}
		delete(want, r.Method+" "+r.Path)
		if got := slices.Contains(r.Tags, facts.TagLLM); got != w {
			t.Errorf("%s %s: llm tag %v, want %v (tags %v)", r.Method, r.Path, got, w, r.Tags)
		}
	}
	for k := range want {
		t.Errorf("route %s not found", k)
	}
}
