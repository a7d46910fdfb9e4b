package detector

import (
	"testing"

	"github.com/threatmap/threatmap/internal/facts"
)

// TestHeldSink: a held sink's adds and warnings reach its parent only at
// Commit, each once; its reads are the parent's.
func TestHeldSink(t *testing.T) {
	parent := NewSink()
	parent.AddRoute(facts.Route{Method: "GET", Path: "/before"})
	held := parent.Held()
	held.AddRoute(facts.Route{Method: "GET", Path: "/held"})
	held.AddStore(facts.Store{Kind: "postgres", Name: "db"})
	held.AddControl(facts.Control{Kind: "rate-limit", Detail: "x"})
	held.Warn("a.py", "warned")
	if got := len(held.Routes()); got != 1 {
		t.Errorf("held sink reads %d routes, want the parent's 1", got)
	}
	if r := parent.Result(); len(r.Surfaces) != 1 || len(r.Stores) != 0 || len(r.Controls) != 0 || len(r.Warnings) != 0 {
		t.Fatalf("before Commit the parent holds %+v", r)
	}
	held.Commit()
	held.Commit() // nothing left to add twice
	r := parent.Result()
	if len(r.Surfaces) != 2 || len(r.Stores) != 1 || len(r.Controls) != 1 || len(r.Warnings) != 1 {
		t.Fatalf("after Commit the parent holds %d routes, %d stores, %d controls, %d warnings", len(r.Surfaces), len(r.Stores), len(r.Controls), len(r.Warnings))
	}
}
