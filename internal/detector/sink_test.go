package detector

import (
	"reflect"
	"slices"
	"testing"

	"github.com/threatmap/threatmap/internal/facts"
)

// TestEveryListHasOneKind: each list of facts.Facts is the list of
// exactly one Kind, so a new list without its kind (or two kinds claiming
// one list) fails here rather than printing null or losing facts.
func TestEveryListHasOneKind(t *testing.T) {
	var f facts.Facts
	v := reflect.ValueOf(&f).Elem()
	owners := map[string]int{}
	for _, k := range kinds {
		for i := range v.NumField() {
			if v.Field(i).Kind() == reflect.Slice {
				v.Field(i).Set(reflect.Zero(v.Field(i).Type()))
			}
		}
		k.order(&f)
		for i := range v.NumField() {
			if v.Field(i).Kind() == reflect.Slice && !v.Field(i).IsNil() {
				owners[v.Type().Field(i).Name]++
			}
		}
	}
	// Lists filled after the sink, by the scan's later steps, have no kind.
	afterSink := map[string]bool{"StaticFiles": true} // process.ListStatic
	for i := range v.NumField() {
		if name := v.Type().Field(i).Name; v.Field(i).Kind() == reflect.Slice && !afterSink[name] && owners[name] != 1 {
			t.Errorf("facts.Facts.%s is the list of %d kinds, want 1", name, owners[name])
		}
	}
}

// TestSinkMerges: facts with one id are one fact with everything each
// brought; facts of kinds without an id, or with different ids, stay
// apart; the result is in each kind's order.
func TestSinkMerges(t *testing.T) {
	ev := func(file string, line int) []facts.Evidence { return []facts.Evidence{{File: file, Line: line}} }
	s := NewSink()
	s.AddThirdParty(facts.ThirdParty{Service: "stripe", Evidence: ev("b.py", 2), Credentials: []string{"STRIPE_KEY"}})
	s.AddThirdParty(facts.ThirdParty{Service: "stripe", Evidence: ev("a.py", 1), Credentials: []string{"STRIPE_KEY", "STRIPE_HOOK"}})
	s.AddThirdParty(facts.ThirdParty{Service: "openai", Evidence: ev("c.py", 3)})
	s.AddCredential(facts.Credential{Name: "DB_URL", Evidence: ev("a.py", 1)})
	s.AddCredential(facts.Credential{Name: "DB_URL", Secret: true, Service: "postgres", Evidence: ev("a.py", 1)})
	s.AddRoute(facts.Route{Method: "get", Path: "/b", File: "a.py", Tags: []string{"z", "", "a", "a"}})
	s.AddRoute(facts.Route{Method: "GET", Path: "/a", File: "a.py"})
	s.AddRoute(facts.Route{Method: "GET", Path: "/a", File: "a.py"})
	s.Warn("x", "w")
	s.Warn("x", "w")
	s.MissRoutes("r.js", 9, 1, "route/js", "why")
	s.MissRoutes("r.js", 4, 2, "route/js", "first")
	f := s.Result()

	var services []string
	for _, tp := range f.ThirdParties {
		services = append(services, tp.Service)
	}
	if want := []string{"openai", "stripe"}; !slices.Equal(services, want) {
		t.Errorf("third parties %v, want %v", services, want)
	}
	if st := f.ThirdParties[1]; len(st.Evidence) != 2 || st.Evidence[0].File != "a.py" || !slices.Equal(st.Credentials, []string{"STRIPE_HOOK", "STRIPE_KEY"}) {
		t.Errorf("stripe merged into %+v", st)
	}
	if len(f.Credentials) != 1 || !f.Credentials[0].Secret || f.Credentials[0].Service != "postgres" || len(f.Credentials[0].Evidence) != 1 {
		t.Errorf("credentials merged into %+v", f.Credentials)
	}
	// Routes are all kept (the scan's processors keep one surface),
	// completed and in order of path.
	if len(f.Surfaces) != 3 || f.Surfaces[0].Path != "/a" || f.Surfaces[2].Path != "/b" {
		t.Fatalf("routes %+v", f.Surfaces)
	}
	if r := f.Surfaces[2]; r.Method != "GET" || r.Kind != "endpoint" || r.Auth != facts.AuthUnknown || r.ID != RouteID("GET", "/b") ||
		r.Params == nil || !slices.Equal(r.Tags, []string{"a", "z"}) {
		t.Errorf("route completed as %+v", r)
	}
	if len(f.Warnings) != 2 || f.Warnings[0].File != "r.js" || f.Warnings[0].Line != 4 || f.Stats.RoutesMissed != 3 ||
		f.Warnings[0].Message != "route/js: 3 routes registered in this file, the first here, could not be composed (first) and are missing from the map" {
		t.Errorf("warnings %+v (%d routes missed), want the repeat dropped and one for r.js at its first miss", f.Warnings, f.Stats.RoutesMissed)
	}
	if got := Collected(s, ThirdPartyKind); len(got) != 2 || got[0].Service != "stripe" {
		t.Errorf("Collected gives %+v, want the facts in the order they came", got)
	}
}
