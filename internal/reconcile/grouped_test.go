package reconcile

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/model"
	"github.com/threatmap/threatmap/internal/threat"
)

// One row per cause: the same weakness in several files is one threat
// whose id does not depend on which files hold it, so a decision a person
// recorded on it survives a sync after a site is added or removed.
func TestGroupedThreatKeepsDecision(t *testing.T) {
	weak := func(files ...string) facts.Facts {
		var f facts.Facts
		for _, file := range files {
			f.Weaknesses = append(f.Weaknesses, facts.Weakness{Kind: "sql-injection", Evidence: []facts.Evidence{{File: file, Line: 3}}})
		}
		return f
	}
	first := threat.Draft(weak("app/db.py", "app/reports.py"), threat.Options{Product: "p"})
	data, err := Encode(first, "")
	if err != nil {
		t.Fatal(err)
	}
	id := ""
	for _, th := range first.Threats {
		if th.Rule == "sql-injection" {
			id = th.ID
		}
	}
	if id == "" {
		t.Fatal("no sql-injection threat drafted")
	}
	on := model.NewDate(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	data, err = Accept(data, id, "Ana", "queries are built from constants only", on, model.NewDate(time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)))
	if err != nil {
		t.Fatal(err)
	}
	for _, sites := range [][]string{
		{"app/db.py", "app/reports.py", "app/export.py"}, // a site added
		{"app/reports.py"}, // sites removed
	} {
		next := threat.Draft(weak(sites...), threat.Options{Product: "p"})
		out, s, err := Merge(data, next, "threatmap.yaml")
		if err != nil {
			t.Fatal(err)
		}
		if len(s.AddedThreats) > 0 || len(s.GoneThreats) > 0 {
			t.Errorf("sites %v: added %v, gone %v; want the one row kept", sites, s.AddedThreats, s.GoneThreats)
		}
		doc, err := model.Decode("threatmap.yaml", out)
		if err != nil {
			t.Fatal(err)
		}
		i, err := FindThreat(doc.Model, id)
		if err != nil {
			t.Fatal(err)
		}
		if th := doc.Model.Threats[i]; th.Response != model.Accept || th.Acceptance == nil || th.Acceptance.By != "Ana" {
			t.Errorf("sites %v: decision lost: %+v", sites, th)
		}
		if !strings.Contains(string(out), "queries are built from constants only") {
			t.Errorf("sites %v: the acceptance's reason is gone", sites)
		}
	}
}

func llmRoutes(paths ...string) facts.Facts {
	var f facts.Facts
	for i, p := range paths {
		f.Surfaces = append(f.Surfaces, facts.Route{ID: p, Method: "POST", Path: p, File: "app/routes.py", Line: 10 * (i + 1),
			Auth: facts.AuthRequired, Tags: []string{facts.TagLLM}})
	}
	return f
}

// A model written before route rules were grouped has a row per route.
// sync folds the rows nobody touched into the cause's one row and marks
// them gone; a row a person decided keeps its route, its decision and its
// comment, and the grouped row lists only the other routes.
func TestGroupedRowMigratesPerRouteRows(t *testing.T) {
	routes := []string{"/api/chat", "/api/summarise", "/api/translate"}
	old := threat.Draft(llmRoutes(routes...), threat.Options{Product: "p"})
	// Undo the grouping, as an older threatmap drafted it.
	var per []model.Threat
	var group model.Threat
	for _, th := range old.Threats {
		if th.Rule == "credit-drain" {
			group = th
			continue
		}
		per = append(per, th)
	}
	for _, s := range group.Sites {
		th := group
		th.ID, th.Surface, th.Sites = "credit-drain."+s.Surface, s.Surface, nil
		per = append(per, th)
	}
	old.Threats = per
	old.Surfaces = slices.DeleteFunc(old.Surfaces, func(s model.Surface) bool { return s.Grouped() })
	data, err := Encode(old, "")
	if err != nil {
		t.Fatal(err)
	}
	on := model.NewDate(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	if data, err = Accept(data, "credit-drain.post-api-chat", "Ana", "chat is for paying users only", on, model.NewDate(time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC))); err != nil {
		t.Fatal(err)
	}
	data = []byte(strings.Replace(string(data), "  - id: credit-drain.post-api-chat\n", "  # ask Ana before reopening\n  - id: credit-drain.post-api-chat\n", 1))

	next := threat.Draft(llmRoutes(append(routes, "/api/ask")...), threat.Options{Product: "p"})
	out, s, err := Merge(data, next, "threatmap.yaml")
	if err != nil {
		t.Fatal(err)
	}
	assertKept(t, data, out)
	doc, err := model.Decode("threatmap.yaml", out)
	if err != nil {
		t.Fatal(err)
	}
	if p := model.Validate(doc); len(p) > 0 {
		t.Fatalf("merged model is invalid: %v\n%s", p, out)
	}
	m := doc.Model
	states := map[string]model.State{}
	for _, th := range m.Threats {
		states[th.ID] = th.State
	}
	want := map[string]model.State{
		"credit-drain.post-api-chat":      "",
		"credit-drain.post-api-summarise": model.StateGone,
		"credit-drain.post-api-translate": model.StateGone,
		"credit-drain.model-calls":        model.StateNew,
	}
	for id, st := range want {
		if got, ok := states[id]; !ok || got != st {
			t.Errorf("%s: state %q (present %v), want %q\n%s", id, got, ok, st, out)
		}
	}
	i, err := FindThreat(m, "credit-drain.post-api-chat")
	if err != nil {
		t.Fatal(err)
	}
	if th := m.Threats[i]; th.Response != model.Accept || th.Acceptance == nil || th.Acceptance.By != "Ana" {
		t.Errorf("the decided per-route row lost its decision: %+v", th)
	}
	i, _ = FindThreat(m, "credit-drain.model-calls")
	var names []string
	for _, site := range m.Threats[i].Sites {
		names = append(names, site.Name)
	}
	if !slices.Equal(names, []string{"POST /api/ask", "POST /api/summarise", "POST /api/translate"}) {
		t.Errorf("grouped row's sites %v: want every route but the one with its own decided row", names)
	}
	if !strings.Contains(string(out), "# ask Ana before reopening") {
		t.Error("the comment above the decided row is gone")
	}
	// A second sync of the same code changes nothing.
	again, s2, err := Merge(out, next, "threatmap.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if s2.Changed() || string(again) != string(out) {
		t.Errorf("second sync changed %s (first: %s)", s2, s)
	}
}

// A decision on a grouped row survives routes joining and leaving it:
// the id stays, the sites are refreshed, and the decision is kept.
func TestGroupedRowKeepsDecisionAcrossSites(t *testing.T) {
	first := threat.Draft(llmRoutes("/api/chat", "/api/ask"), threat.Options{Product: "p"})
	data, err := Encode(first, "")
	if err != nil {
		t.Fatal(err)
	}
	on := model.NewDate(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	if data, err = Accept(data, "credit-drain.model-calls", "Ana", "a provider cap limits spend", on, model.NewDate(time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC))); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		routes []string
		sites  int
	}{
		{[]string{"/api/chat", "/api/ask", "/api/translate"}, 3}, // a route joins
		{[]string{"/api/translate"}, 1},                          // two leave
	} {
		out, s, err := Merge(data, threat.Draft(llmRoutes(tc.routes...), threat.Options{Product: "p"}), "threatmap.yaml")
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(s.Sites, "credit-drain.model-calls") || slices.Contains(s.AddedThreats, "credit-drain.model-calls") {
			t.Errorf("%v: summary %s; want the row's sites changed, no new row", tc.routes, s)
		}
		doc, err := model.Decode("threatmap.yaml", out)
		if err != nil {
			t.Fatal(err)
		}
		i, err := FindThreat(doc.Model, "credit-drain.model-calls")
		if err != nil {
			t.Fatal(err)
		}
		th := doc.Model.Threats[i]
		if th.Response != model.Accept || th.Acceptance == nil || th.Acceptance.By != "Ana" || th.State != "" {
			t.Errorf("%v: decision lost: %+v", tc.routes, th)
		}
		if len(th.Sites) != tc.sites {
			t.Errorf("%v: %d sites, want %d", tc.routes, len(th.Sites), tc.sites)
		}
		if p := model.Validate(doc); len(p) > 0 {
			t.Errorf("%v: invalid: %v", tc.routes, p)
		}
	}
}
