package openapi_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/threatmap/threatmap/internal/detector/detectortest"
	"github.com/threatmap/threatmap/internal/detector/route/openapi"
	"github.com/threatmap/threatmap/internal/facts"
)

func TestFixtureApp(t *testing.T) {
	const dir = "testdata/app"
	f := detectortest.Scan(t, dir, openapi.New())
	var got []string
	for _, r := range f.Surfaces {
		got = append(got, r.Method+" "+r.Path)
		if r.Framework != openapi.Framework {
			t.Errorf("%s %s: framework %q", r.Method, r.Path, r.Framework)
		}
	}
	detectortest.Check(t, "openapi", got, detectortest.Wants(t, dir, ""))

	var warned bool
	for _, w := range f.Warnings {
		if w.File == "broken/openapi.yaml" {
			warned = true
		}
	}
	if !warned {
		t.Errorf("no warning for the broken spec; warnings: %v", f.Warnings)
	}
}

func TestRouteDetails(t *testing.T) {
	f := detectortest.Scan(t, "testdata/app", openapi.New())
	byKey := map[string]facts.Route{}
	for _, r := range f.Surfaces {
		byKey[r.Method+" "+r.Path] = r
	}
	tests := []struct {
		route   string
		auth    string
		handler string
		file    string
		line    int
		params  []facts.Param
		tags    []string
	}{
		{route: "GET /api/v1/health", auth: facts.AuthNone, handler: "health", file: "openapi.yaml", line: 11},
		{route: "GET /api/v1/notes", auth: facts.AuthRequired, handler: "listNotes"},
		{route: "GET /api/v1/notes/{noteId}", auth: facts.AuthRequired, params: []facts.Param{{Name: "noteId", In: "path", Type: facts.TypeInt}}},
		{route: "DELETE /api/v1/notes/{noteId}", auth: facts.AuthRequired, tags: []string{facts.TagDestructive}},
		{route: "PUT /api/v1/notes/{noteId}/attachments/{attachmentId}", tags: []string{facts.TagUpload},
			params: []facts.Param{{Name: "noteId", In: "path", Type: facts.TypeInt}, {Name: "attachmentId", In: "path", Type: facts.TypeUUID}}},
		{route: "GET /api/v1/admin/users", auth: facts.AuthRequired, tags: []string{facts.TagAdmin}},
		{route: "GET /v2/pets", auth: facts.AuthUnknown, file: "api/swagger.json"},
		{route: "POST /v2/pets", auth: facts.AuthRequired, tags: []string{facts.TagUpload}},
		{route: "GET /v2/pets/{petId}", params: []facts.Param{{Name: "petId", In: "path", Type: facts.TypeInt}}},
		{route: "POST /v2/webhooks/stripe", auth: facts.AuthNone, tags: []string{facts.TagPayment, facts.TagWebhook}},
		{route: "POST /billing/checkout", auth: facts.AuthUnknown, tags: []string{facts.TagPayment}},
	}
	for _, tt := range tests {
		t.Run(tt.route, func(t *testing.T) {
			r, ok := byKey[tt.route]
			if !ok {
				t.Fatalf("route not found")
			}
			if tt.auth != "" && r.Auth != tt.auth {
				t.Errorf("auth = %q (%s), want %q", r.Auth, r.AuthEvidence, tt.auth)
			}
			if tt.handler != "" && r.Handler != tt.handler {
				t.Errorf("handler = %q, want %q", r.Handler, tt.handler)
			}
			if tt.file != "" && r.File != tt.file {
				t.Errorf("file = %q, want %q", r.File, tt.file)
			}
			if tt.line != 0 && r.Line != tt.line {
				t.Errorf("line = %d, want %d", r.Line, tt.line)
			}
			if tt.params != nil && !slices.Equal(r.Params, tt.params) {
				t.Errorf("params = %v, want %v", r.Params, tt.params)
			}
			for _, tag := range tt.tags {
				if !slices.Contains(r.Tags, tag) {
					t.Errorf("tags = %v, want %s", r.Tags, tag)
				}
			}
		})
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"not a spec", "name: app\npaths: {/x: {get: {}}}\n", nil},
		{"no paths", "openapi: 3.0.0\ninfo: {title: x}\n", nil},
		{"server without path", "openapi: 3.0.0\nservers: [{url: 'https://api.example.com'}]\npaths: {/x: {get: {}}}\n", []string{"GET /x"}},
		{"relative server", "openapi: 3.0.0\nservers: [{url: /api/}]\npaths: {'/x/{id}': {post: {}}}\n", []string{"POST /api/x/{id}"}},
		{"swagger basePath", "swagger: '2.0'\nbasePath: /v1\npaths: {/: {get: {}}}\n", []string{"GET /v1"}},
		{"non-method keys skipped", "openapi: 3.0.0\npaths: {/x: {summary: s, parameters: [], x-foo: {}, patch: {}}}\n", []string{"PATCH /x"}},
		{"json with tabs", "{\n\t\"openapi\": \"3.0.0\",\n\t\"paths\": {\"/t\": {\"get\": {}}}\n}", []string{"GET /t"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := openapi.Parse([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range rs {
				got = append(got, r.Method+" "+r.Path)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("openapi: 3.0.0\nservers: [{url: /api}]\npaths: {/x/{id}: {get: {security: []}}}\n"))
	f.Add([]byte(`{"swagger":"2.0","basePath":"/v1","paths":{"/p":{"post":{"parameters":[{"$ref":"#/parameters/a"}]}}}}`))
	f.Add([]byte("openapi: 3\npaths:\n  /a:\n    get: [\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = openapi.Parse(data)
	})
}

// TestParseDoc: what a framework serving the document reads beyond the
// routes: the security alternatives with their scopes, an empty security
// as public, each scheme's check function, x-openapi-router-controller
// joined to operationId, and a route rebased under another prefix.
func TestParseDoc(t *testing.T) {
	const src = `openapi: 3.0.0
servers: [{url: /api}]
components:
  securitySchemes:
    jwt: {type: http, scheme: bearer, x-bearerInfoFunc: app.auth.decode}
    key: {type: apiKey, in: header, name: X-Key}
security:
  - jwt: []
paths:
  /a/{id}:
    x-openapi-router-controller: app.views
    get:
      operationId: get_a
      parameters: [{name: id, in: path, schema: {type: integer}}]
    post:
      operationId: app.views.post_a
      security: []
    delete:
      security:
        - key: []
        - jwt: [admin, audit]
`
	d, err := openapi.ParseDoc([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Routes) != 3 || len(d.Ops) != 3 {
		t.Fatalf("routes %d ops %d, want 3", len(d.Routes), len(d.Ops))
	}
	tests := []struct {
		i       int
		handler string
		public  bool
		sec     string
	}{
		{0, "app.views.get_a", false, "[[{jwt []}]]"},
		{1, "app.views.app.views.post_a", true, "[]"},
		{2, "", false, "[[{key []}] [{jwt [admin audit]}]]"},
	}
	for _, tt := range tests {
		r, op := d.Routes[tt.i], d.Ops[tt.i]
		if r.Handler != tt.handler || op.Public != tt.public || fmt.Sprint(op.Security) != tt.sec || op.Path != "/a/{id}" {
			t.Errorf("op %d: handler %q public %v security %v path %q, want %q %v %s", tt.i, r.Handler, op.Public, op.Security, op.Path, tt.handler, tt.public, tt.sec)
		}
	}
	if s := d.Schemes["jwt"]; s.Checker != "app.auth.decode" || s.Line != 5 {
		t.Errorf("jwt scheme %+v", s)
	}
	if s := d.Schemes["key"]; s.Checker != "" || s.Type != "apiKey" {
		t.Errorf("key scheme %+v", s)
	}
	if r := d.Rebase(0, "/v2"); r.Path != "/v2/a/{id}" || len(r.Params) != 1 || r.Params[0].Type != facts.TypeInt {
		t.Errorf("rebased %s %+v", r.Path, r.Params)
	}
}
