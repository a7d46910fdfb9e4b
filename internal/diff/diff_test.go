package diff

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/check"
	"github.com/threatmap/threatmap/internal/golden"
	"github.com/threatmap/threatmap/internal/model"
)

func route(method, path string) model.Surface {
	id := strings.ToLower(method) + strings.ReplaceAll(path, "/", "-")
	return model.Surface{ID: id, Kind: model.SurfaceKind("endpoint"), Name: method + " " + path, Exposure: model.Exposure("public"),
		Match: &model.SurfaceMatch{Method: method, Path: path}, Evidence: []model.Evidence{{File: "app.py", Line: 3}}}
}

func threatOn(s model.Surface, rule, difficulty, impact string) model.Threat {
	return model.Threat{ID: rule + "." + s.ID, Rule: rule, Surface: s.ID, Statement: "If " + s.Name + " is abused, " + rule + ".",
		Abuse: rule + " via " + s.Name, Difficulty: model.Difficulty(difficulty), Impact: model.Level(impact)}
}

func TestCompare(t *testing.T) {
	chat, upload, admin := route("POST", "/api/chat"), route("POST", "/api/upload"), route("GET", "/admin")
	store := model.Surface{ID: "store-db", Kind: "store", Name: "Database", Match: &model.SurfaceMatch{Fact: "store:database"}}
	base := &model.Model{
		Surfaces: []model.Surface{chat, upload, store},
		Threats: []model.Threat{
			threatOn(chat, "credit-drain", "low", "high"),
			threatOn(upload, "upload-abuse", "medium", "high"),
			threatOn(upload, "upload-xss", "medium", "medium"),
		},
	}
	renamed := upload
	renamed.ID = "upload-renamed" // same match: the same surface
	head := &model.Model{
		Surfaces: []model.Surface{chat, renamed, admin},
		Threats: []model.Threat{
			threatOn(chat, "credit-drain", "low", "critical"), // impact changed
			threatOn(renamed, "upload-abuse", "medium", "high"),
			threatOn(admin, "admin-exposed", "low", "critical"),
		},
	}
	head.Threats[1].Surface = renamed.ID
	r := Compare(base, head, nil)
	got := func(rows []SurfaceRow) string {
		var s []string
		for _, r := range rows {
			s = append(s, r.Name)
		}
		return strings.Join(s, ",")
	}
	if g := got(r.Surfaces.Added); g != "GET /admin" {
		t.Errorf("surfaces added = %s", g)
	}
	if g := got(r.Surfaces.Removed); g != "Database" {
		t.Errorf("surfaces removed = %s", g)
	}
	if len(r.Threats.Added) != 1 || r.Threats.Added[0].Rule != "admin-exposed" || r.Threats.Added[0].Priority != 1 || r.Threats.Added[0].InModel != nil {
		t.Errorf("threats added = %+v", r.Threats.Added)
	}
	if len(r.Threats.Removed) != 1 || r.Threats.Removed[0].Rule != "upload-xss" {
		t.Errorf("threats removed = %+v", r.Threats.Removed)
	}
	// The admin row ranks above the others at head, but that alone is no
	// change: only credit-drain's impact moved.
	if len(r.Threats.Changed) != 1 || r.Threats.Changed[0].Rule != "credit-drain" || r.Threats.Changed[0].Before.Impact != "high" || r.Threats.Changed[0].After.Impact != "critical" {
		t.Errorf("threats changed = %+v", r.Threats.Changed)
	}
	if r.Empty() {
		t.Error("Empty() on a change")
	}
	if !Compare(base, base, nil).Empty() {
		t.Error("a model compared with itself is not empty")
	}
}

func TestComparePriorityChange(t *testing.T) {
	a, b := route("POST", "/a"), route("POST", "/b")
	base := &model.Model{Surfaces: []model.Surface{a, b}, Threats: []model.Threat{threatOn(a, "r1", "low", "high"), threatOn(b, "r2", "medium", "high")}}
	head := &model.Model{Surfaces: []model.Surface{a, b}, Threats: []model.Threat{threatOn(a, "r1", "high", "high"), threatOn(b, "r2", "medium", "high")}}
	r := Compare(base, head, nil)
	if len(r.Threats.Changed) != 2 {
		t.Fatalf("changed = %+v, want both rows (one re-rated, one re-ordered)", r.Threats.Changed)
	}
	if c := r.Threats.Changed[0]; c.Rule != "r2" || c.Before.Priority != 2 || c.After.Priority != 1 || c.Before.Difficulty != c.After.Difficulty {
		t.Errorf("first change = %+v, want r2 moving from 2 to 1", c)
	}
}

func TestCompareCoverage(t *testing.T) {
	chat, admin := route("POST", "/api/chat"), route("GET", "/admin/users")
	head := &model.Model{Surfaces: []model.Surface{chat, admin}, Threats: []model.Threat{threatOn(chat, "credit-drain", "low", "high"), threatOn(admin, "admin-exposed", "low", "critical")}}
	adminRow := model.Surface{ID: "admin-panel", Kind: "admin", Name: "Admin", Match: &model.SurfaceMatch{Path: "/admin"}}
	covering := &model.Model{
		Surfaces: []model.Surface{adminRow},
		Threats:  []model.Threat{{ID: "admin-takeover", Rule: "admin-exposed", Surface: "admin-panel"}},
	}
	r := Compare(&model.Model{}, head, covering)
	in := map[string]bool{}
	for _, s := range r.Surfaces.Added {
		in[s.Name] = *s.InModel
	}
	for _, t := range r.Threats.Added {
		in[t.Rule] = *t.InModel
	}
	want := map[string]bool{"POST /api/chat": false, "GET /admin/users": true, "credit-drain": false, "admin-exposed": true}
	for k, v := range want {
		if in[k] != v {
			t.Errorf("%s in model = %v, want %v", k, in[k], v)
		}
	}
}

func TestMarkdownGolden(t *testing.T) {
	chat, admin, old := route("POST", "/api/chat"), route("GET", "/admin"), route("GET", "/old")
	hook := route("POST", "/webhook|<b>x</b>")
	base := &model.Model{Surfaces: []model.Surface{chat, old}, Threats: []model.Threat{threatOn(chat, "credit-drain", "low", "high"), threatOn(old, "old-leak", "medium", "low")}}
	head := &model.Model{Surfaces: []model.Surface{chat, admin, hook}, Threats: []model.Threat{threatOn(chat, "credit-drain", "medium", "high"), threatOn(admin, "admin-exposed", "low", "critical")}}
	covering := &model.Model{Surfaces: []model.Surface{admin}, Threats: []model.Threat{threatOn(admin, "admin-exposed", "low", "critical")}}
	tests := []struct {
		name string
		r    *Result
	}{
		{"changes.md", withRevs(Compare(base, head, nil))},
		{"changes-model.md", withModel(withRevs(Compare(base, head, covering)))},
		{"empty.md", withRevs(Compare(base, base, nil))},
		{"gate.md", withGate(withRevs(Compare(base, head, nil)))},
		{"gate-only.md", withGate(withRevs(Compare(base, base, nil)))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.r.Markdown(&b); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", tt.name), b.Bytes())
		})
	}
}

func withRevs(r *Result) *Result {
	r.Base, r.Head, r.BaseCommit, r.HeadCommit = "origin/main", "HEAD", "0123456789abcdef", "fedcba9876543210"
	return r
}

// withGate adds the loosenings of a pull request that switches the gate
// off, with text that must not break out of its code span.
func withGate(r *Result) *Result {
	r.GateFile = "threatmap-check.yaml"
	r.Gate = []check.Loosening{
		{Setting: "fail-on", Before: "error", After: "never"},
		{Setting: "exclude", After: "/*"},
		{Setting: "ignore", After: "(kind drift), reason: `x` | <b>", Line: 4},
	}
	return r
}

func withModel(r *Result) *Result {
	r.Model = "threatmap.yaml"
	return r
}
