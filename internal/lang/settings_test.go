package lang

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// treeRoles runs Tree over a fixture folder, as the scan would.
func treeRoles(t *testing.T, dir string) map[string]Role {
	t.Helper()
	var tr Tree
	root := filepath.Join("testdata", "tree", dir)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if !TreeWants(rel) {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		tr.Add(rel, src)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return tr.Roles()
}

// TestTreeSettings: a settings module production does not load is a
// developer's (or the test suite's); which one production loads is read
// from the code that names it, names deciding only where nothing does.
func TestTreeSettings(t *testing.T) {
	tests := []struct {
		dir  string
		want map[string]string // file → reason; files not listed keep their own role
	}{
		// The Dockerfile's ENV overrides wsgi.py's default (dev); prod
		// imports base and logging; test.py only pytest.ini names.
		{"django", map[string]string{
			"proj/settings/dev.py":  "in a settings module production does not load (production loads proj.settings.prod, named in deploy/Dockerfile:3): runs on a developer's machine, not in production",
			"proj/settings/test.py": "in a settings module production does not load (production loads proj.settings.prod, named in deploy/Dockerfile:3): runs only in the test suite",
		}},
		// Lookalike: a module named local that production loads stays the
		// product's; it imports prod, so prod is loaded too.
		{"local", map[string]string{
			"site/settings/dev.py": "in a settings module production does not load (production loads site.settings.local, named in site/asgi.py:5): runs on a developer's machine, not in production",
		}},
		// A module imported only when an environment variable says
		// development; one imported under another condition is loaded.
		{"envvar", map[string]string{
			"app/settings/dev.py": "in a settings module production does not load (production loads app.settings, named in app/wsgi.py:3): runs on a developer's machine, not in production",
		}},
		// Nothing names a module: the names decide, only beside a
		// production one (api/dev.py and src/local.js have none).
		{"names", map[string]string{
			"config/development.js": "in a development settings file (named development.js beside production.js): runs on a developer's machine, not in production",
			"config/test.js":        "in a test settings file (named test.js beside production.js): runs only in the test suite",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			checkTreeRoles(t, tt.dir, tt.want)
		})
	}
}

// TestTreeBrowser: the bundle's entry and a helper only the page's
// scripts import are the page's; a server module that calls fetch, a
// script written for both sides and one server code imports are not.
func TestTreeBrowser(t *testing.T) {
	checkTreeRoles(t, "browser", map[string]string{
		"frontend/index.js":        "in a browser script (the entry of a page's bundle, in rollup.config.mjs): runs in the user's browser, not on the server",
		"frontend/utils/format.js": "in a browser script (imported only by the page's scripts, index.js): runs in the user's browser, not on the server",
		"shared/banner.js":         "in an application file (imported by server code, server.js): served or run in production",
	})
	for p, want := range map[string]string{
		"frontend/api.js":      "browser",
		"lib/fetcher.js":       "app",
		"shared/isomorphic.js": "app",
		"shared/banner.js":     "browser", // by its content alone; the tree corrects it
	} {
		src, err := os.ReadFile(filepath.Join("testdata", "tree", "browser", p))
		if err != nil {
			t.Fatal(err)
		}
		if got := Classify(p, src).String(); got != want {
			t.Errorf("Classify(%s) = %s, want %s", p, got, want)
		}
	}
}

func checkTreeRoles(t *testing.T, dir string, want map[string]string) {
	t.Helper()
	got := treeRoles(t, dir)
	for p, r := range got {
		if want[p] == "" {
			t.Errorf("%s: %s, want its own role", p, r.Reason())
		}
	}
	for p, w := range want {
		r, ok := got[p]
		if !ok {
			t.Errorf("%s: no role from the tree, want %q", p, w)
			continue
		}
		if r.Reason() != w {
			t.Errorf("%s:\n got %q\nwant %q", p, r.Reason(), w)
		}
	}
}

// TestTreeReplaced: a setting the production module assigns after the
// import that brings the first value is replaced; one assigned by a
// module production does not load, or only added, is not.
func TestTreeReplaced(t *testing.T) {
	for _, tt := range []struct {
		dir  string
		want []string
	}{
		// prod.py: from .base import * (line 3), then ALLOWED_HOSTS (6).
		{"django", []string{"ALLOWED_HOSTS proj/settings/base.py:5 by proj/settings/prod.py:6"}},
		// local.py adds TIME_ZONE, which prod.py never set.
		{"local", nil},
	} {
		var tr Tree
		root := filepath.Join("testdata", "tree", tt.dir)
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			if rel = filepath.ToSlash(rel); TreeWants(rel) {
				src, _ := os.ReadFile(p)
				tr.Add(rel, src)
			}
			return nil
		})
		var got []string
		for _, r := range tr.Replaced() {
			got = append(got, fmt.Sprintf("%s %s:%d by %s:%d", r.Name, r.File, r.Line, r.By, r.ByLine))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: replaced %q, want %q", tt.dir, got, tt.want)
		}
	}
}
