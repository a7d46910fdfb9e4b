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
		// A module beside settings.py that assigns a constant and that
		// views in another folder import is code production loads; one
		// nothing imports is a settings module production does not load.
		{"helper", map[string]string{
			"books/settings_local.py": "in a settings module production does not load (production loads books.settings, named in books/wsgi.py:5): runs on a developer's machine, not in production",
		}},
		// A deploy manifest (a Kubernetes env list) names production's
		// module over wsgi.py's default; those a devcontainer, a CI
		// workflow or a test command names run there, and one nothing
		// names is a developer's. Lookalike: storage.py, which prod
		// imports through common.py, stays the product's.
		{"manifest", map[string]string{
			"shop/settings/dev.py":     "in a settings module production does not load (production loads shop.settings.prod, named in deploy/k8s/deployment.yaml:13): runs on a developer's machine, not in production",
			"shop/settings/ci.py":      "in a settings module production does not load (production loads shop.settings.prod, named in deploy/k8s/deployment.yaml:13): runs in CI; needs commit access or a pull request",
			"shop/settings/testing.py": "in a settings module production does not load (production loads shop.settings.prod, named in deploy/k8s/deployment.yaml:13): runs only in the test suite",
			"shop/settings/staging.py": "in a settings module production does not load (production loads shop.settings.prod, named in deploy/k8s/deployment.yaml:13): runs on a developer's machine, not in production",
		}},
		// Nothing names production's module: one only a devcontainer or a
		// test command names is theirs. Lookalikes: base.py, which a CI
		// workflow names but the others import, production.py, which a
		// deploy workflow names, and hosted.py, which nothing names, keep
		// their own role.
		{"undecided", map[string]string{
			"site/settings/development.py": "in a settings module only a developer's environment names (named in .devcontainer.json:3): runs on a developer's machine, not in production",
			"site/settings/test.py":        "in a settings module only the test suite names (named in scripts/test.sh:2): runs only in the test suite",
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

// TestTreeBundle: a script of a package that depends on a page framework
// and no server's module, built by a bundler beside its package.json, is
// a page's, whatever it reads; the lookalike's package also depends on
// express: its scripts may run on the server.
func TestTreeBundle(t *testing.T) {
	roles := treeRoles(t, "bundle")
	if r, ok := roles["viz/src/chart/custom.ts"]; !ok || r.Kind != Browser {
		t.Errorf("viz/src/chart/custom.ts: %v, want browser", r)
	} else {
		t.Log(r.Reason())
	}
	if r, ok := roles["ssr/src/render.js"]; ok && r.Kind == Browser {
		t.Errorf("ssr/src/render.js: %v, want no browser role (its package depends on express)", r)
	}
}

// TestTreeImported: a module under tools/, dev/ or scripts/ that app
// code imports, itself or through one it imports, is app code. Lookalikes
// keep their folder's role: profile.py, which only a test and a script
// import, and dev/gen_locales.py, which nothing imports. A module under a
// tooling folder that runs as a program and that app code does not
// import is a hand-run script (tools/translate.py's __main__ guard,
// tools/release.py's top-level print); tools/mailer.py, no program,
// keeps its folder's word, and processor/tools/export.py, a program the
// router imports, is app code.
func TestTreeImported(t *testing.T) {
	checkTreeRoles(t, "imported", map[string]string{
		"tools/translate.py":                        `in a hand-run script (under tools/, runs as a program (if __name__ == "__main__"), and no app code imports it): needs commit access`,
		"tools/release.py":                          "in a hand-run script (under tools/, its top-level code reads its arguments, prints or exits, and no app code imports it): needs commit access",
		"src/shop/processor/tools/export.py":        "in an application file (imported by app code, src/shop/routers/search.py): served or run in production",
		"src/shop/processor/tools/__init__.py":      "in an application file (imported by app code, src/shop/routers/search.py): served or run in production",
		"src/shop/processor/tools/online_search.py": "in an application file (imported by app code, src/shop/routers/search.py): served or run in production",
		"src/shop/processor/tools/helpers.py":       "in an application file (imported by app code, src/shop/processor/tools/online_search.py): served or run in production",
		"dev/locales.py":                            "in an application file (imported by app code, src/shop/routers/search.py): served or run in production",
	})
	if k := RoleOf("dev/gen_locales.py").Kind; k != Tooling {
		t.Errorf("dev/gen_locales.py: %v, want tooling", k)
	}
}

// TestTreeCLIPackage: a workspace package with a command (bin) that no
// other package depends on or imports is a developer's command-line tool,
// though the root lists it among its devDependencies. Lookalikes keep
// their own roles: a package whose command starts a server, and one whose
// module another package imports (@acme/codegen/lib).
func TestTreeCLIPackage(t *testing.T) {
	checkTreeRoles(t, "clitool", map[string]string{
		"packages/cli/src/deploy.ts": "in a command-line tool (in a workspace package with a command (bin, packages/cli/package.json) that no other package imports): needs commit access",
	})
}

// TestTreeDevTools: a package.json that lists only devDependencies, in
// a tree where nothing installs JavaScript packages, is a manifest of a
// developer's tools. The lookalike's Dockerfile installs the same kind of
// manifest to build the served assets, so it keeps its own role, and a
// vendored library's Dockerfile installing packages installs none of
// the tree's.
func TestTreeDevTools(t *testing.T) {
	checkTreeRoles(t, "devtools", map[string]string{
		"package.json": "in a developer tools' manifest (lists only devDependencies, and no Dockerfile, CI workflow or script in the tree installs JavaScript packages): needs commit access",
	})
	checkTreeRoles(t, "devtools-installed", map[string]string{})
	// An app that keeps its framework among devDependencies builds with
	// them: the product, though nothing in the tree installs it.
	checkTreeRoles(t, "devtools-app", map[string]string{})
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

// TestSettingsRefsManifests: the forms deploy manifests set the
// variable in, each read as production's; a devcontainer's and a
// workflow's as theirs.
func TestSettingsRefsManifests(t *testing.T) {
	tests := []struct {
		file, src, module string
		line              int
		use               refUse
	}{
		{"app.json", "{\n  \"env\": {\n    \"DJANGO_SETTINGS_MODULE\": {\n      \"description\": \"settings\",\n      \"value\": \"web.settings.heroku\"\n    }\n  }\n}\n", "web.settings.heroku", 5, useProduction},
		{"app.json", "{\"env\": {\"DJANGO_SETTINGS_MODULE\": {\"value\": \"web.settings.heroku\"}}}\n", "web.settings.heroku", 1, useProduction},
		{"task-definition.json", "[{\"name\": \"DJANGO_SETTINGS_MODULE\", \"value\": \"web.settings.ecs\"}]\n", "web.settings.ecs", 1, useProduction},
		{"fly.toml", "[env]\n  DJANGO_SETTINGS_MODULE = \"web.settings.fly\"\n", "web.settings.fly", 2, useProduction},
		{"render.yaml", "services:\n  - type: web\n    envVars:\n      - key: DJANGO_SETTINGS_MODULE\n        value: web.settings.render\n", "web.settings.render", 5, useProduction},
		{"docker-compose.yml", "services:\n  web:\n    environment:\n      - DJANGO_SETTINGS_MODULE=web.settings.compose\n", "web.settings.compose", 4, useProduction},
		{"gunicorn.conf.py", "raw_env = [\"DJANGO_SETTINGS_MODULE=web.settings.gunicorn\"]\n", "web.settings.gunicorn", 1, useProduction},
		{"docker-compose.override.yml", "services:\n  web:\n    environment:\n      DJANGO_SETTINGS_MODULE: web.settings.dev\n", "web.settings.dev", 4, useDev},
		{".github/workflows/ci.yml", "env:\n  DJANGO_SETTINGS_MODULE: web.settings.ci\n", "web.settings.ci", 2, useCI},
		{"Makefile", "test:\n\tpython manage.py test --settings=web.settings.test\n", "web.settings.test", 2, useTest},
		{".github/workflows/deploy.yml", "steps:\n  - run: heroku config:set DJANGO_SETTINGS_MODULE=web.settings.heroku\n", "web.settings.heroku", 2, useProduction},
		// Lookalikes: the tests run in the image before it sets the
		// server's module; a variable listed with no value (read from a
		// secret).
		{"Dockerfile", "FROM python:3.12\nRUN pytest\nENV DJANGO_SETTINGS_MODULE=web.settings.prod\n", "web.settings.prod", 3, useProduction},
		{"k8s/deploy.yaml", "env:\n  - name: DJANGO_SETTINGS_MODULE\n    valueFrom:\n      configMapKeyRef: {name: web, key: settings}\n  - name: PORT\n    value: \"8000\"\n", "", 0, 0},
	}
	for _, tt := range tests {
		refs := settingsRefs(tt.file, []byte(tt.src))
		if tt.module == "" {
			if len(refs) != 0 {
				t.Errorf("%s: %+v, want none", tt.file, refs)
			}
			continue
		}
		if len(refs) != 1 || refs[0].module != tt.module || refs[0].line != tt.line || refs[0].use != tt.use {
			t.Errorf("%s: %+v, want %s at line %d, use %d", tt.file, refs, tt.module, tt.line, tt.use)
		}
	}
}

// TestTreeVendored: a library copied into the server's tree is known by
// its folder's evidence: a licence naming another holder than the
// repository's, and a file naming the repository it came from. Every
// file under it is the library's. Lookalikes: the app's helper that links
// a repository but has no licence of its own, a monorepo package licensed
// by the app's own holder, and a folder with another holder's licence but
// no file saying where it comes from.
func TestTreeVendored(t *testing.T) {
	why := "in a vendored library (a copy of another project: its licence names another holder, and index.js:3 names where it comes from): a third-party library's own code, fixed by upgrading it"
	checkTreeRoles(t, "vendored", map[string]string{
		"server/libs/tokenlib/index.js":      why,
		"server/libs/tokenlib/verify.js":     why,
		"server/libs/tokenlib/lib/decode.js": why,
		// Another sign than a repository: a package of its own, PHP
		// namespaces the app does not declare, a banner claiming another
		// holder's copyright. A plugin in the app's namespace and a
		// contractor's folder whose banner names the repository's own
		// holder are the app's.
		"server/libs/queue/index.js":        "in a vendored library (a copy of another project: its licence names another holder, and it is a package of its own (package.json)): a third-party library's own code, fixed by upgrading it",
		"libs/qrcode/src/Builder.php":       "in a vendored library (a copy of another project: its licence names another holder, and its PHP code declares namespace Qrgen, which the app's own code does not): a third-party library's own code, fixed by upgrading it",
		"libs/mailer/classes/Transport.php": "in a vendored library (a copy of another project: its licence names another holder, and classes/Transport.php claims a copyright for another holder): a third-party library's own code, fixed by upgrading it",
	})
}

// TestTreeVendoredPlugin: a library's part with no banner of its own is
// the library's where it sits beside the library's bannered file, is
// named for it and declares a release. Lookalikes: the app's script named
// for the library with no version, and a versioned script named so in a
// folder with no library beside it.
func TestTreeVendoredPlugin(t *testing.T) {
	checkTreeRoles(t, "vendored-plugin", map[string]string{
		"static/js/kit/widgetkit.tips.js": "in a vendored library (a part of the library widgetkit.js beside it: named for it, with a version of its own): a third-party library's own code, fixed by upgrading it",
	})
}

// TestTreeVendoredNoRootLicence: with no licence of the repository's
// own, a package's manifest and banner are a monorepo's as much as a
// copy's; PHP namespaces the app does not declare still say whose code
// it is.
func TestTreeVendoredNoRootLicence(t *testing.T) {
	checkTreeRoles(t, "vendored-noroot", map[string]string{
		"libs/qr/Code.php": "in a vendored library (a copy of another project: its licence names another holder, and its PHP code declares namespace Qrgen, which the app's own code does not): a third-party library's own code, fixed by upgrading it",
	})
}

func TestSourceComment(t *testing.T) {
	for src, want := range map[string]int{
		"/**\n * @license node-zip | (c) 2020 Someone | https://github.com/someone/node-zip/blob/master/LICENSE\n */\nlet fs = 1\n": 2,
		"'use strict';\n\n//\n// used by uploads\n// Source: https://github.com/someone/busy\n//\nconst x = 1\n":                    5,
		"// Workaround for https://github.com/someone/slugs/issues/12\nconst x = 1\n":                                               0,
		"const x = 1\n// Source: https://github.com/someone/late\n":                                                                 0,
		"# Copyright (c) 2012 Someone\n# https://github.com/someone/pylib\nimport os\n":                                             2,
	} {
		if got := sourceComment([]byte(src)); got != want {
			t.Errorf("sourceComment(%q) = %d, want %d", src, got, want)
		}
	}
}
