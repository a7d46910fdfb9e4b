package flow

import (
	"testing"

	"github.com/threatmap/threatmap/internal/facts"
)

// A weakness's id is its sink's kind, file and code: lines moving keeps
// it, two sinks with the same code in a file have two ids, and a second
// route reaching a sink joins its weakness.
func TestReportIDs(t *testing.T) {
	at := func(line int, note string) facts.Step { return facts.Step{File: "lib/db.js", Line: line, Note: note} }
	build := func(shift int) []facts.Weakness {
		r := NewReport()
		r.Route(Finding{Kind: SQLInjection, Route: "route-a", Sink: at(6+shift, "db.query(q)"), Path: []facts.Step{at(6+shift, "db.query(q)")}})
		r.Route(Finding{Kind: SQLInjection, Route: "route-b", Sink: at(6+shift, "db.query(q)"), Path: []facts.Step{at(6+shift, "db.query(q)")}})
		r.Route(Finding{Kind: SQLInjection, Route: "route-a", Sink: at(9+shift, "db.query(q)"), Path: []facts.Step{at(9+shift, "db.query(q)")}})
		r.Route(Finding{Kind: CommandInjection, Route: "route-a", Sink: at(12+shift, "exec(cmd)"), Path: []facts.Step{at(12+shift, "exec(cmd)")}})
		r.Add(facts.Weakness{Kind: SQLInjection, Reach: facts.ReachNone}, at(6+shift, "db.query(q)"))
		return r.Weaknesses()
	}
	ws, moved := build(0), build(3)
	if len(ws) != 3 {
		t.Fatalf("%d weaknesses, want one per sink: %+v", len(ws), ws)
	}
	ids := map[string]bool{}
	for i, w := range ws {
		if ids[w.ID] {
			t.Errorf("id %s repeated", w.ID)
		}
		ids[w.ID] = true
		if moved[i].ID != w.ID {
			t.Errorf("%s at line %d: id %s became %s when the file's lines moved", w.Kind, w.Evidence[0].Line, w.ID, moved[i].ID)
		}
	}
	tests := []struct {
		i      int
		kind   string
		line   int
		routes int
	}{
		{0, CommandInjection, 12, 1},
		{1, SQLInjection, 6, 2},
		{2, SQLInjection, 9, 1},
	}
	for _, tt := range tests {
		w := ws[tt.i]
		if w.Kind != tt.kind || w.Evidence[0].Line != tt.line || len(w.Routes) != tt.routes || w.Reach != facts.ReachRoute {
			t.Errorf("weakness %d: %s at %d with %d routes (%s), want %s at %d with %d routes reached", tt.i, w.Kind, w.Evidence[0].Line, len(w.Routes), w.Reach, tt.kind, tt.line, tt.routes)
		}
	}
}
