package process

import (
	"slices"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/detector/route/openapi"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
)

// TestDefault: a route declared twice in one file is one surface (the
// first), in two files two; a route in both a spec and the code is one
// surface (the code's, with what only the spec knew); OPTIONS next to
// another method on the same path is no surface.
func TestDefault(t *testing.T) {
	param := func(name, typ string) []facts.Param { return []facts.Param{{Name: name, In: "path", Type: typ}} }
	tests := []struct {
		name   string
		routes []facts.Route
		want   []string // method path framework auth param-type
	}{
		{
			name: "spec and code, parameter names differ",
			routes: []facts.Route{
				{Method: "GET", Path: "/posts/{postId}", Framework: openapi.Framework, File: "openapi.yaml", Auth: facts.AuthRequired, AuthEvidence: "security: bearer", Params: param("postId", facts.TypeInt)},
				{Method: "GET", Path: "/posts/{postID}", Framework: "express", File: "routes/posts.js", Auth: facts.AuthUnknown, Params: param("postID", facts.TypeUnknown)},
			},
			want: []string{"GET /posts/{postID} express required int"},
		},
		{
			name: "code auth wins over the spec's",
			routes: []facts.Route{
				{Method: "DELETE", Path: "/notes/{id}", Framework: "express", File: "notes.js", Auth: facts.AuthNone, Params: param("id", facts.TypeString)},
				{Method: "DELETE", Path: "/notes/{noteId}", Framework: openapi.Framework, File: "swagger.json", Auth: facts.AuthRequired, Params: param("noteId", facts.TypeInt)},
			},
			want: []string{"DELETE /notes/{id} express none string"},
		},
		{
			name: "spec-only and other methods stay",
			routes: []facts.Route{
				{Method: "GET", Path: "/books", Framework: openapi.Framework, File: "spec.yaml", Auth: facts.AuthUnknown},
				{Method: "POST", Path: "/books", Framework: "express", File: "books.js", Auth: facts.AuthRequired},
			},
			want: []string{"GET /books openapi unknown -", "POST /books express required -"},
		},
		{
			name: "a route served from the document under its own base replaces the operation, without its auth",
			routes: []facts.Route{
				{Method: "GET", Path: "/api/export", Framework: openapi.Framework, File: "spec/api.yaml", Line: 80, Auth: facts.AuthRequired},
				{Method: "GET", Path: "/v2/export", Framework: "connexion", File: "spec/api.yaml", Line: 80, Auth: facts.AuthUnknown,
					Documented: facts.Evidence{File: "spec/api.yaml", Line: 80}},
				{Method: "GET", Path: "/api/other", Framework: openapi.Framework, File: "spec/api.yaml", Line: 90, Auth: facts.AuthNone},
			},
			want: []string{"GET /api/other openapi none -", "GET /v2/export connexion unknown -"},
		},
		{
			name: "the code's router mounted under a prefix the scan did not read: one surface, the code's guard",
			routes: []facts.Route{
				{Method: "PUT", Path: "/api/v1/admin/users/{userId}", Framework: openapi.Framework, File: "spec.json", Auth: facts.AuthUnknown},
				{Method: "PUT", Path: "/v1/admin/users/{userId}", Framework: "hono", File: "routes/admin.ts", Auth: facts.AuthRequired},
				{Method: "GET", Path: "/api/health", Framework: openapi.Framework, File: "spec.json", Auth: facts.AuthUnknown},
				{Method: "GET", Path: "/health", Framework: "hono", File: "routes/health.ts", Auth: facts.AuthNone},
			},
			want: []string{"GET /api/health openapi unknown -", "GET /health hono none -", "PUT /v1/admin/users/{userId} hono required -"},
		},
		{
			name: "spec operations served through a guarded wildcard take its guard; an open wildcard's keep theirs",
			routes: []facts.Route{
				{Method: "ANY", Path: "/api/v1/*", Framework: "echo", File: "v1.go", Auth: facts.AuthRequired, AuthEvidence: "authMw: responds 401"},
				{Method: "GET", Path: "/api/v1/memos/{memo}", Framework: openapi.Framework, File: "openapi.yaml", Auth: facts.AuthUnknown},
				{Method: "ANY", Path: "/public/*", Framework: "echo", File: "v1.go", Auth: facts.AuthNone},
				{Method: "GET", Path: "/public/feed", Framework: openapi.Framework, File: "openapi.yaml", Auth: facts.AuthUnknown},
			},
			want: []string{"ANY /api/v1/* echo required -", "ANY /public/* echo none -", "GET /api/v1/memos/{memo} openapi required -", "GET /public/feed openapi unknown -"},
		},
		{
			name: "two code routes in two files both stay",
			routes: []facts.Route{
				{Method: "GET", Path: "/health", Framework: "express", File: "a/server.js", Auth: facts.AuthNone},
				{Method: "GET", Path: "/health", Framework: "express", File: "b/server.js", Auth: facts.AuthNone},
			},
			want: []string{"GET /health express none -", "GET /health express none -"},
		},
		{
			name: "one route declared twice in one file is one surface, the first",
			routes: []facts.Route{
				{Method: "GET", Path: "/health", Framework: "express", File: "server.js", Line: 9, Auth: facts.AuthRequired},
				{Method: "get", Path: "/health", Framework: "express", File: "server.js", Line: 3, Auth: facts.AuthNone},
			},
			want: []string{"GET /health express none -"},
		},
		{
			name: "a route Noir found and the code declares is the code's, with Noir's guard",
			routes: []facts.Route{
				{Method: "GET", Path: "/orders/{order_id}", Framework: "go_gin", Source: "noir", File: "api/orders.go", Auth: facts.AuthRequired, AuthEvidence: "Protected by JWT (OWASP Noir, go_auth)"},
				{Method: "GET", Path: "/orders/{id}", Framework: "gin", File: "api/orders.go", Auth: facts.AuthUnknown},
				{Method: "DELETE", Path: "/orders/{id}", Framework: "gin", File: "api/orders.go", Auth: facts.AuthNone},
				{Method: "DELETE", Path: "/orders/{id}", Framework: "go_gin", Source: "noir", File: "api/orders.go", Auth: facts.AuthRequired},
				{Method: "GET", Path: "/reports", Framework: "go_gin", Source: "noir", File: "api/reports.go", Auth: facts.AuthUnknown},
			},
			want: []string{"DELETE /orders/{id} gin none -", "GET /orders/{id} gin required -", "GET /reports go_gin unknown -"},
		},
		{
			name: "a spec route and Noir's: the spec's, from the tree",
			routes: []facts.Route{
				{Method: "POST", Path: "/login", Framework: openapi.Framework, File: "openapi.yaml", Auth: facts.AuthNone},
				{Method: "POST", Path: "/login", Framework: "python_flask", Source: "noir", File: "app.py", Auth: facts.AuthUnknown},
			},
			want: []string{"POST /login openapi none -"},
		},
		{
			name: "OPTIONS beside another method goes, alone it stays",
			routes: []facts.Route{
				{Method: "GET", Path: "/community/posts/{postID}", Framework: "gorilla", File: "main.go", Auth: facts.AuthRequired},
				{Method: "OPTIONS", Path: "/community/posts/{postId}", Framework: "gorilla", File: "main.go", Auth: facts.AuthRequired},
				{Method: "OPTIONS", Path: "/preflight-only", Framework: "gorilla", File: "main.go", Auth: facts.AuthNone},
			},
			want: []string{"GET /community/posts/{postID} gorilla required -", "OPTIONS /preflight-only gorilla none -"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := detector.NewSink()
			for _, r := range tt.routes {
				s.AddRoute(r)
			}
			f := s.Result()
			Run(&f, Default)
			var got []string
			for _, r := range f.Surfaces {
				typ := "-"
				if len(r.Params) > 0 {
					typ = r.Params[0].Type
				}
				got = append(got, r.Method+" "+r.Path+" "+r.Framework+" "+r.Auth+" "+typ)
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestMergeModels: a model declared in code and as a table is one asset
// under the code's name with the fields and evidence of both; models
// whose names differ by more than a plural stay apart.
func TestMergeModels(t *testing.T) {
	ev := func(file string) []facts.Evidence { return []facts.Evidence{{File: file, Line: 1}} }
	f := &facts.Facts{Assets: []facts.Asset{
		{Kind: "user-data", Name: "User", Fields: []string{"password"}, Evidence: ev("prisma/schema.prisma")},
		{Kind: "user-data", Name: "WebsiteEvent", Fields: []string{"referrerPath"}, Evidence: ev("prisma/schema.prisma")},
		{Kind: "user-data", Name: "user", Fields: []string{"password", "email"}, Evidence: ev("db/01.sql")},
		{Kind: "user-data", Name: "user_sessions", Fields: []string{"token"}, Evidence: ev("db/01.sql")},
		{Kind: "user-data", Name: "users", Fields: []string{"username"}, Evidence: ev("db/02.sql")},
		{Kind: "user-data", Name: "website_event", Fields: []string{"referrer_path", "city"}, Evidence: ev("db/ch.sql")},
		{Kind: "integrity", Name: "Subscription / billing state (customers)", Fields: []string{"stripe_customer_id"}, Evidence: ev("a.sql")},
		{Kind: "integrity", Name: "Subscription / billing state (Customer)", Fields: []string{"plan"}, Evidence: ev("schema.prisma")},
		{Kind: "credentials", Name: "users", Evidence: ev("x.go")},
	}}
	MergeModels(f)
	var got []string
	for _, a := range f.Assets {
		var files []string
		for _, e := range a.Evidence {
			files = append(files, e.File)
		}
		got = append(got, a.Kind+" "+a.Name+" "+strings.Join(a.Fields, ",")+" "+strings.Join(files, ","))
	}
	want := []string{
		"user-data User email,password,username db/01.sql,db/02.sql,prisma/schema.prisma",
		"user-data WebsiteEvent city,referrerPath db/ch.sql,prisma/schema.prisma",
		"user-data user_sessions token db/01.sql",
		"integrity Subscription / billing state (Customer) plan,stripe_customer_id a.sql,schema.prisma",
		"credentials users  x.go",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestFinalRoles: where a sink no route reaches runs, and whether an
// outbound call leaves the servers, are read from the final roles: a
// tools/ module the tree made app code is served, a settings module it
// made a developer's is not, and a page's script sends nothing.
func TestFinalRoles(t *testing.T) {
	f := facts.Facts{
		Roles: map[string]lang.Role{
			"app/tools/search.py":     {Kind: lang.App},
			"app/settings/dev.py":     {Kind: lang.DevEnv},
			"web/src/useSave.ts":      {Kind: lang.Browser},
			"app/processor/client.ts": {Kind: lang.App},
		},
		Weaknesses: []facts.Weakness{
			{Kind: "ssrf", Reach: facts.ReachNone, Path: []facts.Step{{File: "app/x.py"}, {File: "app/tools/search.py"}}},
			{Kind: "ssrf", Reach: facts.ReachNone, Path: []facts.Step{{File: "app/settings/dev.py"}}},
			{Kind: "ssrf", Reach: "tooling", Path: []facts.Step{{File: "tools/gen.py"}}},
			{Kind: "ssrf", Reach: facts.ReachRoute, Path: []facts.Step{{File: "scripts/x.py"}}},
			{Kind: "xss"},
		},
		Exits: []facts.Exit{
			{Kind: facts.ExitOutboundCall, Evidence: []facts.Evidence{{File: "web/src/useSave.ts", Line: 3}}},
			{Kind: facts.ExitOutboundCall, Evidence: []facts.Evidence{{File: "app/processor/client.ts", Line: 3}}},
			{Kind: "log", Evidence: []facts.Evidence{{File: "web/src/useSave.ts", Line: 4}}},
		},
	}
	Run(&f, Default)
	var reach []string
	for _, w := range f.Weaknesses {
		reach = append(reach, w.Reach)
	}
	if want := []string{facts.ReachNone, "dev-env", "tooling", facts.ReachRoute, ""}; !slices.Equal(reach, want) {
		t.Errorf("reach = %q, want %q", reach, want)
	}
	var exits []string
	for _, x := range f.Exits {
		exits = append(exits, x.Kind+" "+x.Evidence[0].File)
	}
	if want := []string{"outbound-call app/processor/client.ts", "log web/src/useSave.ts"}; !slices.Equal(exits, want) {
		t.Errorf("exits = %q, want %q", exits, want)
	}
}

// TestMergeCarriesSpecTags: the spec's multipart upload is the code's
// route's too when the code does not show it.
func TestMergeCarriesSpecTags(t *testing.T) {
	s := detector.NewSink()
	s.AddRoute(facts.Route{Method: "POST", Path: "/api/v1/assets", Framework: openapi.Framework, File: "spec.json", Auth: facts.AuthRequired, Tags: []string{facts.TagUpload}})
	s.AddRoute(facts.Route{Method: "POST", Path: "/v1/assets", Framework: "hono", File: "routes/assets.ts", Auth: facts.AuthRequired, Tags: []string{facts.TagStatic}})
	f := s.Result()
	Run(&f, Default)
	if len(f.Surfaces) != 1 || !slices.Contains(f.Surfaces[0].Tags, facts.TagUpload) || f.Surfaces[0].Framework != "hono" {
		t.Fatalf("want one hono route tagged upload, got %+v", f.Surfaces)
	}
}

// TestMergeKeepsWeaknessRoutes: a weakness the flow followed from a route
// the spec documents too names the surface kept, the code's, whichever
// of the two files held the route's id first.
func TestMergeKeepsWeaknessRoutes(t *testing.T) {
	for _, spec := range []string{"api/openapi.yaml", "zz/openapi.yaml"} {
		s := detector.NewSink()
		code := facts.Route{Method: "GET", Path: "/items/{text}", Framework: "spring", File: "src/ItemController.java", Auth: facts.AuthRequired}
		s.AddRoute(facts.Route{Method: "GET", Path: "/items/{text}", Framework: openapi.Framework, File: spec, Auth: facts.AuthUnknown})
		s.AddRoute(code)
		s.AddWeakness(facts.Weakness{Kind: "sql-injection", Detail: "SQL built from request data", Reach: facts.ReachRoute,
			Routes: []string{detector.RouteID("GET", "/items/{text}")}, Evidence: []facts.Evidence{{File: "src/Search.java", Line: 9}}})
		f := s.Result()
		Run(&f, Default)
		if len(f.Surfaces) != 1 || len(f.Weaknesses) != 1 {
			t.Fatalf("%s: want one surface and one weakness, got %+v %+v", spec, f.Surfaces, f.Weaknesses)
		}
		if got := f.Weaknesses[0].Routes; len(got) != 1 || got[0] != f.Surfaces[0].ID {
			t.Errorf("%s: weakness routes %v, want the kept surface %s", spec, got, f.Surfaces[0].ID)
		}
	}
}
