package threat

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/golden"
	"github.com/threatmap/threatmap/internal/model"
)

func TestCatalogue(t *testing.T) {
	if n := len(Rules()); n < 30 {
		t.Errorf("%d rules; the catalogue promises at least 30", n)
	}
	ids := map[string]bool{}
	letters := map[string]bool{}
	for _, r := range Rules() {
		if ids[r.ID] {
			t.Errorf("duplicate rule id %s", r.ID)
		}
		ids[r.ID] = true
		if r.Title == "" || r.Fires == "" || r.Rating == "" || len(r.CWE) == 0 || len(r.Controls) == 0 || r.fire == nil {
			t.Errorf("rule %s is incomplete", r.ID)
		}
		var order []int
		for _, l := range r.Stride {
			letters[l] = true
			order = append(order, slices.Index(model.StrideLetters, l))
		}
		if !slices.IsSorted(order) || slices.Contains(order, -1) {
			t.Errorf("rule %s: STRIDE %v is not in S T R I D E order", r.ID, r.Stride)
		}
		for _, c := range r.CWE {
			if !strings.HasPrefix(c, "CWE-") {
				t.Errorf("rule %s: %q is not a CWE id", r.ID, c)
			}
		}
		for _, c := range r.Controls {
			if _, ok := checks[c.Check]; c.Check != "" && !ok {
				t.Errorf("rule %s: control %q names unknown check %q", r.ID, c.Text, c.Check)
			}
		}
	}
	for _, l := range model.StrideLetters {
		if !letters[l] {
			t.Errorf("no rule answers STRIDE %s", l)
		}
	}
}

// TestReferenceCurrent keeps docs/rules.md generated from the catalogue.
func TestReferenceCurrent(t *testing.T) {
	var b bytes.Buffer
	if err := WriteReference(&b); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("..", "..", "docs", "rules.md"), b.Bytes())
}

func TestGroupByPrefix(t *testing.T) {
	var rs []*facts.Route
	for _, p := range []string{"/debug/pprof/cmdline", "/api/x", "/debug/pprof", "/admin/users", "/debug/vars"} {
		rs = append(rs, &facts.Route{Method: "GET", Path: p})
	}
	groups := groupByPrefix(rs, debugSegments)
	if len(groups) != 3 || len(groups[0]) != 3 {
		t.Fatalf("groups = %v, want the three /debug routes together first", groups)
	}
	if got := shortest(groups[0]).Path; got != "/debug/vars" {
		t.Errorf("shortest = %s, want /debug/vars", got)
	}
	if got := prefixThrough("/admin/users/{id}", adminSegments); got != "/admin" {
		t.Errorf("prefixThrough = %s, want /admin", got)
	}
}
