package golang

import (
	"context"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/route/router"
	"github.com/threatmap/threatmap/internal/facts"
)

// TestGuardEvidence: the router tree's guards say where middleware is
// applied and, when the module declares it, where it is defined and its
// code, for guard semantics to judge. A guard from outside the module has
// no definition.
func TestGuardEvidence(t *testing.T) {
	files := map[string]string{
		"go.mod": "module example.com/app\n",
		"main.go": `package main

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"example.com/app/auth"
)

func main() {
	r := chi.NewRouter()
	r.Use(middleware.Logger)
	r.With(auth.Required("admin")).Get("/admin", admin)
	r.Get("/open", admin)
	http.ListenAndServe(":8080", r)
}

func admin(w http.ResponseWriter, r *http.Request) {}
`,
		"auth/auth.go": `package auth

import "net/http"

// Required rejects callers without the role.
func Required(role string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("X-Role") != role {
				http.Error(w, "forbidden", http.StatusForbidden)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}
`,
	}
	d := New()
	sink := detector.NewSink()
	for p, src := range files {
		if err := d.Detect(context.Background(), &detector.File{Path: p, Data: []byte(src)}, sink); err != nil {
			t.Fatal(err)
		}
	}
	m := newModule(d.files, d.modules)
	m.run(context.Background())
	m.routes()
	got := map[string][]router.Guard{}
	tr := tree{}
	for _, p := range m.pending {
		c := tr.of(p.node).Paths()[0].Compose(&router.Route{Path: p.path, Guards: p.mw, Seq: p.seq})
		got[c.Path] = c.Guards
	}
	admin := got["/admin"]
	if len(admin) != 2 {
		t.Fatalf("/admin guards = %+v, want the logger and auth.Required", admin)
	}
	logger, req := admin[0], admin[1]
	if logger.Name != "middleware.Logger" || logger.Applied != (facts.Evidence{File: "main.go", Line: 14}) || logger.Defined != (facts.Evidence{}) || logger.Source != "" {
		t.Errorf("logger guard = %+v, want applied at main.go:14 and no definition (outside the module)", logger)
	}
	if req.Name != "auth.Required" || req.Applied != (facts.Evidence{File: "main.go", Line: 15}) || req.Defined != (facts.Evidence{File: "auth/auth.go", Line: 6}) {
		t.Errorf("auth guard = %+v, want applied at main.go:15, defined at auth/auth.go:6", req)
	}
	if !strings.Contains(req.Source, "http.StatusForbidden") {
		t.Errorf("auth guard source = %q, want the function's code", req.Source)
	}
	if open := got["/open"]; len(open) != 1 || open[0].Name != "middleware.Logger" {
		t.Errorf("/open guards = %+v, want only the logger", open)
	}
}

// TestGuardLookupPrefersCallersPackage: a helper name declared in two
// packages is the one of the calling file's package; a name the caller's
// package does not declare is found in the one package that does; a name
// qualified by an import is the imported package's.
func TestGuardLookupPrefersCallersPackage(t *testing.T) {
	files := map[string]string{
		"go.mod": "module example.com/app\n",
		"main.go": `package main

import (
	"example.com/app/store"
	"github.com/acme/ext"
)

func requireAuth() {}

func New() {}

var _, _ = store.New, ext.Open
`,
		"web/web.go": `package web

func requireAuth() {}

func onlyHere() {}

func Open() {}
`,
		"store/store.go": `package store

func New() {}
`,
	}
	d := New()
	sink := detector.NewSink()
	for p, src := range files {
		if err := d.Detect(context.Background(), &detector.File{Path: p, Data: []byte(src)}, sink); err != nil {
			t.Fatal(err)
		}
	}
	m := newModule(d.files, d.modules)
	var caller *goFile
	for _, f := range d.files {
		if f.path == "main.go" {
			caller = f
		}
	}
	if caller == nil {
		t.Fatal("main.go not parsed")
	}
	lookup := m.guardLookup(caller)
	for _, tc := range []struct{ name, want string }{
		{"requireAuth", "main.go:8"},
		{"s.requireAuth", "main.go:8"},
		{"onlyHere", "web/web.go:5"},
		// A call qualified by an import is that package's function: the
		// module's one, or (from outside the module) none, never the
		// caller's own of the same name nor another package's.
		{"New", "main.go:10"},
		{"store.New", "store/store.go:3"},
		{"ext.Open", ""},
	} {
		_, at, ok := lookup(tc.name)
		if tc.want == "" {
			if ok {
				t.Errorf("lookup(%q) = %q; want none", tc.name, at)
			}
			continue
		}
		if !ok || at != tc.want {
			t.Errorf("lookup(%q) = %q, %v; want %q", tc.name, at, ok, tc.want)
		}
	}
}
