package reconcile

import (
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
