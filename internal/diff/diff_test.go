package diff

import (
	"archive/tar"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

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

func withModel(r *Result) *Result {
	r.Model = "threatmap.yaml"
	return r
}

type entry struct {
	name     string
	typeflag byte
	body     string
	link     string
}

func tarOf(t testing.TB, entries []entry) []byte {
	var b bytes.Buffer
	tw := tar.NewWriter(&b)
	for _, e := range entries {
		h := &tar.Header{Name: e.name, Typeflag: e.typeflag, Mode: 0o644, Size: int64(len(e.body)), Linkname: e.link}
		if e.typeflag != tar.TypeReg {
			h.Size = 0
		}
		if e.typeflag == tar.TypeXGlobalHeader {
			h = &tar.Header{Name: e.name, Typeflag: e.typeflag, PAXRecords: map[string]string{"comment": "0123abcd"}}
		}
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
		if e.typeflag == tar.TypeReg {
			if _, err := tw.Write([]byte(e.body)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestUntar: only regular files and folders inside dest are written.
func TestUntar(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "tree")
	if err := os.Mkdir(dest, 0o755); err != nil {
		t.Fatal(err)
	}
	data := tarOf(t, []entry{
		{name: "pax_global_header", typeflag: tar.TypeXGlobalHeader},
		{name: "app/", typeflag: tar.TypeDir},
		{name: "app/main.py", typeflag: tar.TypeReg, body: "print(1)\n"},
		{name: "./app/util.py", typeflag: tar.TypeReg, body: "x = 1\n"},
		{name: "../escape.txt", typeflag: tar.TypeReg, body: "out"},
		{name: "/abs.txt", typeflag: tar.TypeReg, body: "abs"},
		{name: "app/link", typeflag: tar.TypeSymlink, link: "../../etc/passwd"},
		{name: "app/hard", typeflag: tar.TypeLink, link: "app/main.py"},
		{name: "node_modules/lib/index.js", typeflag: tar.TypeReg, body: "module.exports = 1"},
		{name: "big.bin", typeflag: tar.TypeReg, body: strings.Repeat("x", 100)},
		{name: "app/main.py", typeflag: tar.TypeReg, body: "second copy"},
	})
	if err := Untar(bytes.NewReader(data), dest, 50); err != nil {
		t.Fatal(err)
	}
	var files []string
	err := filepath.Walk(parent, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(parent, p)
		if info.Mode()&os.ModeSymlink != 0 {
			t.Errorf("a link was written: %s", rel)
		}
		if info.Mode().IsRegular() {
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(files, " "); got != "tree/app/main.py tree/app/util.py" {
		t.Errorf("files written: %s", got)
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "app", "main.py")); string(b) != "print(1)\n" {
		t.Errorf("app/main.py = %q, want the first copy", b)
	}
	if err := Untar(strings.NewReader("not a tar archive, but long enough to hold a header? no"), t.TempDir(), 0); err == nil {
		t.Error("a broken archive gave no error")
	}
}

// FuzzUntar: any archive is written inside dest or refused, never a panic.
func FuzzUntar(f *testing.F) {
	f.Add(tarOf(f, []entry{{name: "a/b.py", typeflag: tar.TypeReg, body: "x"}}))
	f.Add(tarOf(f, []entry{{name: "../x", typeflag: tar.TypeReg, body: "x"}, {name: "l", typeflag: tar.TypeSymlink, link: "/"}}))
	f.Add(tarOf(f, []entry{{name: "a", typeflag: tar.TypeReg, body: "x"}, {name: "a/b", typeflag: tar.TypeReg, body: "y"}}))
	f.Add([]byte("garbage"))
	f.Fuzz(func(t *testing.T, data []byte) {
		parent := t.TempDir()
		dest := filepath.Join(parent, "tree")
		if err := os.Mkdir(dest, 0o755); err != nil {
			t.Fatal(err)
		}
		_ = Untar(bytes.NewReader(data), dest, 1<<16)
		entries, err := os.ReadDir(parent)
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) != 1 {
			t.Fatalf("something was written beside dest: %v", entries)
		}
	})
}
