package js

import (
	"context"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
)

func TestRoutePath(t *testing.T) {
	tests := []struct {
		in, want string
		types    map[string]string
	}{
		{"/users/:id", "/users/{id}", map[string]string{}},
		{"/users/:id?", "/users/{id}", map[string]string{}},
		{"/users/:id(\\d+)", "/users/{id}", map[string]string{"id": facts.TypeInt}},
		{"/posts/:id{[0-9]+}", "/posts/{id}", map[string]string{"id": facts.TypeInt}},
		{"/files/*", "/files/{wildcard}", map[string]string{}},
		{"*", "/{wildcard}", map[string]string{}},
		{"/assets/*path", "/assets/{path}", map[string]string{}},
		{"/users{/:id}", "/users/{id}", map[string]string{}},
		{"api//v1/", "/api/v1", map[string]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, types := routePath(tt.in)
			if got != tt.want || !maps.Equal(types, tt.types) {
				t.Errorf("routePath(%q) = %q %v, want %q %v", tt.in, got, types, tt.want, tt.types)
			}
		})
	}
}

func TestParamTypes(t *testing.T) {
	tests := []struct {
		body string
		want string
	}{
		{"const id = parseInt(req.params.id, 10)", facts.TypeInt},
		{"Number(c.req.param('id'))", facts.TypeInt},
		{"await db.find(Number(ctx.params.id))", facts.TypeInt},
		{"await db.find(req.params.id)", ""},
		{"parseInt(req.params.identity)", ""},
	}
	for _, tt := range tests {
		got := paramTypes("/x/{id}", map[string]string{}, tt.body)["id"]
		if got != tt.want {
			t.Errorf("paramTypes(%q) = %q, want %q", tt.body, got, tt.want)
		}
	}
}

func TestNextPath(t *testing.T) {
	tests := []struct {
		file, want, root string
		app, ok          bool
	}{
		{"pages/api/hello.ts", "/api/hello", "", false, true},
		{"src/pages/api/users/index.js", "/api/users", "", false, true},
		{"src/pages/api/users/[id].ts", "/api/users/{id}", "", false, true},
		{"apps/web/pages/api/auth/[...nextauth].ts", "/api/auth/{nextauth}", "apps/web", false, true},
		{"app/api/users/[id]/route.ts", "/api/users/{id}", "", true, true},
		{"src/app/(shop)/api/items/[[...slug]]/route.js", "/api/items/{slug}", "", true, true},
		{"apps/site/src/app/@modal/feed/route.ts", "/feed", "apps/site", true, true},
		{"app/route.ts", "/", "", true, true},
		{"app/_lib/api/route.ts", "", "", false, false},
		{"app/api/users/page.tsx", "", "", false, false},
		{"pages/about.tsx", "", "", false, false},
		{"lib/api/users.ts", "", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, root, app, ok := nextPath(tt.file)
			if got != tt.want || root != tt.root || app != tt.app || ok != tt.ok {
				t.Errorf("nextPath(%q) = %q %q %v %v, want %q %q %v %v", tt.file, got, root, app, ok, tt.want, tt.root, tt.app, tt.ok)
			}
		})
	}
}

// TestLayoutPath: SvelteKit and Nuxt/Nitro files map to their URLs,
// methods and app roots; files beside them route nothing.
func TestLayoutPath(t *testing.T) {
	tests := []struct {
		file                  string
		kind                  layoutKind
		url, root, method, fw string
	}{
		{"src/routes/+server.ts", svelteEndpoint, "/", "", "", fwSvelteKit},
		{"web/src/routes/(app)/blog/[slug]/+server.js", svelteEndpoint, "/blog/{slug}", "web", "", fwSvelteKit},
		{"src/routes/files/[...path]/+page.server.ts", sveltePageServer, "/files/{path}", "", "", fwSvelteKit},
		{"src/routes/items/[id=integer]/+server.ts", svelteEndpoint, "/items/{id}", "", "", fwSvelteKit},
		{"src/hooks.server.ts", svelteHooks, "", "", "", fwSvelteKit},
		{"server/api/users/[id].delete.ts", nitroHandler, "/api/users/{id}", "", "DELETE", fwNuxt},
		{"apps/shop/server/api/index.post.ts", nitroHandler, "/api", "apps/shop", "POST", fwNuxt},
		{"server/routes/feed.xml.ts", nitroHandler, "/feed.xml", "", "", fwNuxt},
		{"server/middleware/auth.ts", nitroMiddleware, "", "", "", fwNuxt},
		{"app/routes/_index.tsx", remixRoute, "/", "", "", fwRemix},
		{"web/app/routes/notes.$noteId/route.tsx", remixRoute, "/notes/{noteId}", "web", "", fwRemix},
		{"app/routes/_auth.login.tsx", remixRoute, "/login", "", "", fwRemix},
		{"app/routes/($lang).docs.$.tsx", remixRoute, "/{lang}/docs/{splat}", "", "", fwRemix},
		{"app/routes/sitemap[.]xml.ts", remixRoute, "/sitemap.xml", "", "", fwRemix},
		{"app/routes/users_.edit.tsx", remixRoute, "/users/edit", "", "", fwRemix},
		{"src/routes/_drafts/+server.ts", layoutNone, "", "", "", ""},
		{"src/routes/about/+page.svelte", layoutNone, "", "", "", ""},
		{"src/lib/server/db.ts", layoutNone, "", "", "", ""},
		{"server/utils/db.ts", layoutNone, "", "", "", ""},
		{"server/api/types.d.ts", layoutNone, "", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, ok := layoutPath(tt.file)
			if !ok {
				got = layoutFile{}
			}
			want := layoutFile{kind: tt.kind, url: tt.url, root: tt.root, method: tt.method, fw: tt.fw}
			if got != want {
				t.Errorf("layoutPath(%q) = %+v, want %+v", tt.file, got, want)
			}
		})
	}
}

func TestPageMethods(t *testing.T) {
	tests := []struct {
		body string
		want []string
	}{
		{"if (req.method !== 'POST') return res.status(405).end()", []string{"POST"}},
		{"if ('GET' === req.method) {} else if (req.method === 'PUT') {}", []string{"GET", "PUT"}},
		{"switch (req.method) { case 'GET': break; case 'DELETE': break }", []string{"DELETE", "GET"}},
		{"res.json({ ok: true })", nil},
	}
	for _, tt := range tests {
		got := pageMethods(tt.body)
		if len(got) != len(tt.want) {
			t.Errorf("pageMethods(%q) = %v, want %v", tt.body, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("pageMethods(%q) = %v, want %v", tt.body, got, tt.want)
			}
		}
	}
}

func TestIsSource(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"src/app.js", true},
		{"src/app.tsx", true},
		{"server/index.mjs", true},
		{"src/users.test.js", false},
		{"src/users.spec.ts", false},
		{"src/__tests__/users.js", false},
		{"test/app.js", false},
		{"types/index.d.ts", false},
		{"app.py", false},
	}
	for _, tt := range tests {
		if got := isSource(tt.path); got != tt.want {
			t.Errorf("isSource(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

// TestDetails pins what the fixtures say beyond method and path: the
// handler, parameter types, tags and middleware a route carries.
func TestDetails(t *testing.T) {
	express := scanDir(t, "testdata/express")
	r := find(t, express, "POST", "/api/users/{id}/avatar")
	if !hasTag(r, facts.TagUpload) || r.Handler != "ctl.avatar" || r.Params[0].Type != facts.TypeInt || r.Line != 20 {
		t.Errorf("avatar route: %+v", r)
	}
	if r := find(t, express, "DELETE", "/admin/users/{id}"); r.Handler != "purgeUser" || !hasTag(r, facts.TagDestructive) || !strings.HasPrefix(r.AuthEvidence, "requireAuth (defined src/middleware/auth.js:3, applied src/app.js:18)") {
		t.Errorf("admin delete: %+v", r)
	}
	if r := find(t, express, "GET", "/uploads"); !hasTag(r, facts.TagStatic) {
		t.Errorf("static mount: %+v", r)
	}
	if r := find(t, express, "POST", "/v2/orders/{orderId}/checkout"); !hasTag(r, facts.TagPayment) || r.EndLine <= r.Line {
		t.Errorf("checkout: %+v", r)
	}

	nest := scanDir(t, "testdata/nestjs")
	if r := find(t, nest, "GET", "/api/users/{id}"); r.Handler != "UsersController.findOne" || r.Params[0].Type != facts.TypeInt {
		t.Errorf("nest findOne: %+v", r)
	}
	if r := find(t, nest, "POST", "/api/files/upload"); !hasTag(r, facts.TagUpload) {
		t.Errorf("nest upload: %+v", r)
	}

	hono := scanDir(t, "testdata/hono")
	if r := find(t, hono, "GET", "/api/users/{id}"); r.Params[0].Type != facts.TypeInt {
		t.Errorf("hono typed param: %+v", r)
	}

	fastify := scanDir(t, "testdata/fastify")
	if r := find(t, fastify, "POST", "/v1/users/{id}/avatar"); !hasTag(r, facts.TagUpload) {
		t.Errorf("fastify multipart: %+v", r)
	}

	next := scanDir(t, "testdata/nextjs")
	if r := find(t, next, "DELETE", "/api/posts/{postId}"); !strings.HasPrefix(r.AuthEvidence, "withAuth:") || r.Params[0].Type != facts.TypeInt {
		t.Errorf("next wrapped handler: %+v", r)
	}
	for _, f := range []facts.Facts{express, nest, hono, fastify, next} {
		unread := slices.DeleteFunc(slices.Clone(f.Warnings), func(w facts.Warning) bool { return w.Kind == facts.WarnRoutesMissed })
		if len(unread) != 1 {
			t.Errorf("want exactly the broken file's warning, got %+v", unread)
		}
	}
}

func scanDir(t *testing.T, dir string) facts.Facts {
	t.Helper()
	return scanWith(t, dir)
}

func hasTag(r facts.Route, tag string) bool {
	for _, x := range r.Tags {
		if x == tag {
			return true
		}
	}
	return false
}

// TestCycle: routers that mount each other must not hang or repeat.
func TestCycle(t *testing.T) {
	d := New()
	sink := detector.NewSink()
	files := map[string]string{
		"a.js": "const express = require('express');\nconst r = express.Router();\nconst b = require('./b');\nr.use('/b', b);\nr.get('/x', h);\nmodule.exports = r;\n",
		"b.js": "const express = require('express');\nconst r = express.Router();\nconst a = require('./a');\nr.use('/a', a);\nr.get('/y', h);\nmodule.exports = r;\n",
	}
	for p, src := range files {
		if err := d.Detect(context.Background(), &detector.File{Path: p, Data: []byte(src)}, sink); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.Finish(context.Background(), sink); err != nil {
		t.Fatal(err)
	}
	if n := len(sink.Result().Surfaces); n == 0 || n > 2*maxContexts {
		t.Errorf("cycle gave %d routes", n)
	}
}

// TestMatcherMatches: a Next.js middleware runs only on the paths its
// config.matcher lists; a pattern with a regular expression is taken to
// match everything.
func TestMatcherMatches(t *testing.T) {
	tests := []struct {
		pat, path string
		want      bool
	}{
		{"/dashboard/:path*", "/dashboard", true},
		{"/dashboard/:path*", "/dashboard/billing/plan", true},
		{"/dashboard/:path*", "/dashboards", false},
		{"/dashboard/:path*", "/api/dashboard", false},
		{"/api/:path+", "/api", false},
		{"/api/:path+", "/api/posts/{id}", true},
		{"/users/:id", "/users/{userId}", true},
		{"/users/:id", "/users/{userId}/posts", false},
		{"/users/:id?", "/users", true},
		{"/login", "/login", true},
		{"/login", "/api/login", false},
		{"/((?!api|_next/static).*)", "/api/og", true},
		{"/admin/:path*", "/{slug}/x", true},
	}
	for _, tt := range tests {
		if got := matcherMatches(tt.pat, tt.path); got != tt.want {
			t.Errorf("matcherMatches(%q, %q) = %v, want %v", tt.pat, tt.path, got, tt.want)
		}
	}
	src := []byte("export const config = {\n  matcher: [\"/dashboard/:path*\", '/editor/:path*'],\n}\n")
	if got := matcherList(src); !slices.Equal(got, []string{"/dashboard/:path*", "/editor/:path*"}) {
		t.Errorf("matcherList = %q", got)
	}
	if got := matcherList([]byte("export const config = { matcher: [{ source: '/api/:path*', has: [{ type: 'header', key: 'x-user' }] }] }")); got != nil {
		t.Errorf("matcherList of objects = %q, want nil (every path)", got)
	}
}
