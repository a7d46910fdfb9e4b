package golang

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/detector/detectortest"
	"github.com/threatmap/threatmap/internal/facts"
)

// TestFixtureApps scores each framework's fixture app against the want:
// comments on its route lines.
func TestFixtureApps(t *testing.T) {
	for _, app := range []string{"nethttp", "gorilla", "chi", "gin", "echo", "fiber", "httprouter"} {
		t.Run(app, func(t *testing.T) {
			dir := filepath.Join("testdata", app)
			f := detectortest.Scan(t, dir, New())
			var got []string
			for _, r := range f.Surfaces {
				got = append(got, r.Method+" "+r.Path)
			}
			detectortest.Check(t, app, got, detectortest.Wants(t, dir, ""))
			for _, w := range f.Warnings {
				if !strings.HasPrefix(w.File, "broken") {
					t.Errorf("unexpected warning: %v", w)
				}
			}
		})
	}
}

func TestBrokenFileWarns(t *testing.T) {
	f := detectortest.Scan(t, "testdata/nethttp", New())
	for _, w := range f.Warnings {
		if w.File == "broken.go" && strings.Contains(w.Message, "line") {
			return
		}
	}
	t.Errorf("no warning for broken.go: %v", f.Warnings)
}

// TestRouteDetails pins what a route carries beyond its method and path.
func TestRouteDetails(t *testing.T) {
	tests := []struct {
		app, route string
		framework  string
		auth       string
		handler    string
		params     map[string]string
		tags       []string
		notTags    []string
	}{
		{app: "nethttp", route: "GET /items/{id}", framework: "net/http", auth: facts.AuthNone, handler: "getItem", params: map[string]string{"id": facts.TypeInt}},
		{app: "nethttp", route: "DELETE /items/{id}", auth: facts.AuthNone, tags: []string{facts.TagDestructive}},
		{app: "nethttp", route: "ANY /admin", auth: facts.AuthRequired, handler: "adminHome", tags: []string{facts.TagAdmin}},
		{app: "nethttp", route: "ANY /static", tags: []string{facts.TagStatic}},
		{app: "nethttp", route: "ANY /api/upload", tags: []string{facts.TagUpload}},
		{app: "nethttp", route: "POST /api/login", tags: []string{facts.TagAuth}},
		{app: "nethttp", route: "ANY /query", framework: "graphql", tags: []string{facts.TagGraphQL}},
	}
	scanned := map[string]map[string]facts.Route{}
	for _, tt := range tests {
		t.Run(tt.app+" "+tt.route, func(t *testing.T) {
			if scanned[tt.app] == nil {
				f := detectortest.Scan(t, filepath.Join("testdata", tt.app), New())
				scanned[tt.app] = map[string]facts.Route{}
				for _, r := range f.Surfaces {
					scanned[tt.app][r.Method+" "+r.Path] = r
				}
			}
			r, ok := scanned[tt.app][tt.route]
			if !ok {
				t.Fatal("route not found")
			}
			if tt.framework != "" && r.Framework != tt.framework {
				t.Errorf("framework = %q, want %q", r.Framework, tt.framework)
			}
			if tt.auth != "" && r.Auth != tt.auth {
				t.Errorf("auth = %q (%q, middleware %v), want %q", r.Auth, r.AuthEvidence, r.Middleware, tt.auth)
			}
			if tt.handler != "" && r.Handler != tt.handler {
				t.Errorf("handler = %q, want %q", r.Handler, tt.handler)
			}
			for name, typ := range tt.params {
				i := slices.IndexFunc(r.Params, func(p facts.Param) bool { return p.Name == name })
				if i < 0 || r.Params[i].Type != typ {
					t.Errorf("params = %v, want %s %s", r.Params, name, typ)
				}
			}
			for _, tag := range tt.tags {
				if !slices.Contains(r.Tags, tag) {
					t.Errorf("tags = %v, want %s", r.Tags, tag)
				}
			}
			for _, tag := range tt.notTags {
				if slices.Contains(r.Tags, tag) {
					t.Errorf("tags = %v, must not have %s", r.Tags, tag)
				}
			}
		})
	}
}
