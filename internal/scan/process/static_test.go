package process

import (
	"slices"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
)

// Two programs of one tree that serve a file at the same URL each list
// theirs; a route of the mount's own file at a file's URL wins over it.
func TestListStaticSameURL(t *testing.T) {
	mount := func(file, p, dir string) facts.Route {
		return facts.Route{ID: detector.ID("route", "GET", p, file), Method: "GET", Path: p, File: file, Line: 3,
			Tags: []string{facts.TagStatic}, Served: &facts.Served{Dir: dir}}
	}
	f := facts.Facts{Surfaces: []facts.Route{
		{ID: detector.RouteID("GET", "/about.html"), Method: "GET", Path: "/about.html", File: "a/main.go", Line: 2},
		mount("a/main.go", "/", "public"),
		mount("b/main.go", "/", "public"),
	}}
	files := []string{"a/go.mod", "a/main.go", "a/public/index.html", "a/public/about.html", "b/go.mod", "b/main.go", "b/public/index.html"}
	ListStatic(&f, files, 0)
	var got []string
	ids := map[string]bool{}
	for _, r := range f.StaticFiles {
		got = append(got, r.StaticFile)
		if ids[r.ID] {
			t.Errorf("id %s given twice", r.ID)
		}
		ids[r.ID] = true
	}
	slices.Sort(got)
	if want := []string{"a/public/index.html", "b/public/index.html"}; !slices.Equal(got, want) {
		t.Errorf("listed %v, want %v", got, want)
	}
}

func TestMountBase(t *testing.T) {
	for in, want := range map[string]string{
		"/assets": "/assets", "/static/*filepath": "/static/", "/static/{filename}": "/static/",
		"/files/{path...}": "/files/", "/users/:id/files": "/users/:id/files", "/": "/",
	} {
		if got := mountBase(in); got != want {
			t.Errorf("mountBase(%q) = %q, want %q", in, got, want)
		}
	}
}

// A static file that is a settings or server-code file of the tree under
// another name is marked a copy of it; the lookalikes are not: an asset
// with a suffix, a file whose original is in the served folder itself,
// one with no original, and a verbatim name (a library's package.json).
func TestServerFileCopy(t *testing.T) {
	f := facts.Facts{Surfaces: []facts.Route{{ID: "route-mount", Method: "GET", Path: "/{filename}", File: "Web/Program.cs", Line: 5,
		Tags: []string{facts.TagStatic}, Served: &facts.Served{Dir: "wwwroot"}}}}
	files := []string{
		"Web/Program.cs", "Web/appsettings.json", "Web/config.php", "package.json", ".env",
		"Web/wwwroot/appsettings_backup.json", "Web/wwwroot/config.php.bak", "Web/wwwroot/.env.old",
		"Web/wwwroot/site_old.css", "Web/wwwroot/data.json", "Web/wwwroot/data-2.json", "Web/wwwroot/manifest-v2.json",
		"Web/wwwroot/lib/x/package.json",
	}
	ListStatic(&f, files, 0)
	var got []string
	for _, r := range f.StaticFiles {
		if slices.Contains(r.Tags, facts.TagServerFileCopy) {
			got = append(got, r.StaticFile)
		}
	}
	if want := []string{"Web/wwwroot/appsettings_backup.json", "Web/wwwroot/config.php.bak"}; !slices.Equal(got, want) {
		t.Errorf("marked %v, want %v", got, want)
	}
}
