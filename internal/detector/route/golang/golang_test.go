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
	for _, app := range []string{"nethttp", "gorilla", "chi", "gin", "echo", "fiber", "httprouter", "iris", "extrouter", "echowrap", "gateway", "pathswitch", "goji", "sessiontest", "hertz", "gozero", "beego", "fasthttp", "huma", "goframe"} {
		t.Run(app, func(t *testing.T) {
			dir := filepath.Join("testdata", app)
			f := detectortest.Scan(t, dir, New())
			var got []string
			for _, r := range f.Surfaces {
				got = append(got, r.Method+" "+r.Path)
			}
			var routes []string
			for _, w := range detectortest.Wants(t, dir, "") {
				if !strings.HasPrefix(w, "missed ") {
					routes = append(routes, w)
				}
			}
			detectortest.Check(t, app, got, routes)
			detectortest.Check(t, app+" missed", detectortest.Missed(f), detectortest.WantsAt(t, dir, "missed"))
			for _, w := range f.Warnings {
				if !strings.HasPrefix(w.File, "broken") && w.Kind != facts.WarnRoutesMissed {
					t.Errorf("unexpected warning: %v", w)
				}
			}
		})
	}
}

// TestUntypedRouterFramework: a Handle on a field that gorilla route
// chains elsewhere in the package use is gorilla's, not net/http's (which
// the file imports, and the old guess picked).
func TestUntypedRouterFramework(t *testing.T) {
	f := detectortest.Scan(t, "testdata/extrouter", New())
	for _, r := range f.Surfaces {
		if r.Path == "/members" {
			if r.Framework != gorilla {
				t.Fatalf("/members: framework %q, want %q", r.Framework, gorilla)
			}
			return
		}
	}
	t.Fatal("/members not found")
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
		{app: "sessiontest", route: "ANY /notes", auth: facts.AuthRequired},
		{app: "sessiontest", route: "ANY /signin", auth: facts.AuthNone},
		{app: "sessiontest", route: "ANY /search", auth: facts.AuthNone},
		{app: "sessiontest", route: "ANY /beta", auth: facts.AuthNone},
		{app: "goji", route: "GET /{unknown-prefix}/items/{id}", framework: "goji", auth: facts.AuthRequired, handler: "showItem"},
		{app: "nethttp", route: "ANY /static", tags: []string{facts.TagStatic}},
		{app: "nethttp", route: "ANY /api/upload", tags: []string{facts.TagUpload}},
		{app: "nethttp", route: "POST /api/login", tags: []string{facts.TagAuth}},
		{app: "nethttp", route: "ANY /query", framework: "graphql", tags: []string{facts.TagGraphQL}},
		{app: "gorilla", route: "GET /health", framework: "gorilla/mux", auth: facts.AuthNone, handler: "s.health"},
		{app: "gorilla", route: "GET /api/users/{id}", auth: facts.AuthRequired, params: map[string]string{"id": facts.TypeInt}},
		{app: "gorilla", route: "GET /api/documents/{docID}", auth: facts.AuthRequired, params: map[string]string{"docID": facts.TypeUUID}},
		{app: "gorilla", route: "ANY /api/admin/stats", auth: facts.AuthRequired, tags: []string{facts.TagAdmin}},
		{app: "gorilla", route: "ANY /assets", tags: []string{facts.TagStatic}},
		{app: "gorilla", route: "GET /orders/{id}", auth: facts.AuthRequired, handler: "s.getOrder"},
		{app: "gorilla", route: "GET /reports", auth: facts.AuthRequired, handler: "s.reports"},
		{app: "gorilla", route: "GET /status", auth: facts.AuthNone, handler: "s.status"},
		{app: "chi", route: "GET /health", framework: "chi", auth: facts.AuthNone},
		{app: "chi", route: "GET /api/notes/{noteID}", auth: facts.AuthNone},
		{app: "chi", route: "POST /api/notes", auth: facts.AuthRequired},
		{app: "chi", route: "DELETE /api/notes/{noteID}", auth: facts.AuthRequired, tags: []string{facts.TagDestructive}},
		{app: "chi", route: "GET /api/stats", auth: facts.AuthRequired},
		{app: "chi", route: "GET /admin/users", auth: facts.AuthRequired, tags: []string{facts.TagAdmin}},
		{app: "chi", route: "POST /api/billing/checkout", auth: facts.AuthNone, notTags: []string{facts.TagPayment}}, // a billing path whose handler calls no payment SDK
		{app: "chi", route: "POST /api/webhooks/stripe", tags: []string{facts.TagWebhook}},
		{app: "gin", route: "GET /ping", framework: "gin", auth: facts.AuthNone},
		{app: "gin", route: "POST /v1/login", auth: facts.AuthNone, tags: []string{facts.TagAuth}},
		{app: "gin", route: "GET /v1/users/{id}", auth: facts.AuthRequired, params: map[string]string{"id": facts.TypeInt}},
		{app: "gin", route: "POST /v1/avatar", auth: facts.AuthRequired, tags: []string{facts.TagUpload}},
		{app: "gin", route: "ANY /admin/{action}", auth: facts.AuthRequired, tags: []string{facts.TagAdmin}},
		{app: "gin", route: "GET /assets", tags: []string{facts.TagStatic}},
		{app: "gin", route: "POST /api/accounts/login", auth: facts.AuthNone, tags: []string{facts.TagAuth}},
		{app: "gin", route: "GET /api/catalog/items", auth: facts.AuthNone},
		{app: "gin", route: "GET /api/help/faq", auth: facts.AuthNone},
		{app: "gin", route: "GET /api/cart", auth: facts.AuthRequired},
		{app: "gin", route: "GET /api/me", auth: facts.AuthRequired},
		{app: "echo", route: "GET /", framework: "echo", auth: facts.AuthNone},
		{app: "echo", route: "POST /api/chat", auth: facts.AuthRequired},
		{app: "echo", route: "DELETE /api/orders/{id}", auth: facts.AuthRequired, tags: []string{facts.TagDestructive}},
		{app: "fiber", route: "GET /", framework: "fiber", auth: facts.AuthNone},
		{app: "hertz", route: "GET /ping", framework: "hertz", auth: facts.AuthNone, handler: "ping"},
		{app: "hertz", route: "POST /api/login", auth: facts.AuthNone, tags: []string{facts.TagAuth}},
		{app: "hertz", route: "GET /api/orders/{id}", auth: facts.AuthRequired, handler: "showOrder"},
		{app: "hertz", route: "DELETE /api/sessions/{id}", auth: facts.AuthRequired},
		{app: "hertz", route: "GET /assets", tags: []string{facts.TagStatic}},
		{app: "hertz", route: "GET /shop/cart", auth: facts.AuthRequired, handler: "showCart"},
		{app: "hertz", route: "GET /catalog", auth: facts.AuthNone, handler: "catalog"},
		{app: "gozero", route: "GET /healthz", framework: "go-zero", auth: facts.AuthNone},
		{app: "gozero", route: "POST /v1/user/login", auth: facts.AuthNone, handler: "LoginHandler"},
		{app: "gozero", route: "GET /v1/user/{id}", auth: facts.AuthRequired},
		{app: "gozero", route: "DELETE /v1/user/{id}", auth: facts.AuthRequired},
		{app: "gozero", route: "GET /admin/stats", auth: facts.AuthRequired},
		{app: "beego", route: "GET /", framework: "beego", auth: facts.AuthNone, handler: "HomeController.Get"},
		{app: "beego", route: "POST /login", auth: facts.AuthNone, handler: "AccountController.Login", tags: []string{facts.TagAuth}},
		{app: "beego", route: "GET /pages/{id}", auth: facts.AuthRequired, handler: "PageController.Show"},
		{app: "beego", route: "GET /manage/users", auth: facts.AuthRequired},
		{app: "beego", route: "GET /feed/latest", auth: facts.AuthNone},
		{app: "beego", route: "GET /api/search", auth: facts.AuthNone},
		{app: "beego", route: "GET /api/admin/stats", auth: facts.AuthRequired},
		{app: "goframe", route: "ANY /ping", framework: "goframe", auth: facts.AuthNone, handler: "ping"},
		{app: "goframe", route: "POST /admin/purge", auth: facts.AuthRequired, tags: []string{facts.TagAdmin}},
		{app: "goframe", route: "POST /api/login", auth: facts.AuthNone},
		{app: "goframe", route: "GET /api/orders/{id}", auth: facts.AuthRequired},
		{app: "goframe", route: "DELETE /api/v2/orders/{id}", auth: facts.AuthRequired},
		{app: "goframe", route: "GET /docs", auth: facts.AuthNone},
		{app: "goframe", route: "PUT /api/profile/pw", auth: facts.AuthRequired, handler: "profile"},
		{app: "huma", route: "GET /health", framework: "huma", auth: facts.AuthNone, handler: "health"},
		{app: "huma", route: "DELETE /notes/{id}", auth: facts.AuthRequired, handler: "deleteNote"},
		{app: "huma", route: "GET /notes/{id}", auth: facts.AuthNone, handler: "getNote"},
		{app: "huma", route: "POST /admin/reindex", auth: facts.AuthRequired},
		{app: "huma", route: "GET /audit/events", auth: facts.AuthRequired, handler: "listEvents"},
		{app: "fasthttp", route: "GET /", framework: "fasthttp/router", auth: facts.AuthNone, handler: "index"},
		{app: "fasthttp", route: "POST /admin/reindex", auth: facts.AuthRequired, handler: "reindex"},
		{app: "fasthttp", route: "GET /v1/orders/{id}", auth: facts.AuthRequired},
		{app: "fasthttp", route: "GET /static/{filepath}", tags: []string{facts.TagStatic}},
		{app: "fiber", route: "GET /api/products/{id}", auth: facts.AuthNone, params: map[string]string{"id": facts.TypeInt}},
		{app: "fiber", route: "PUT /account/password", auth: facts.AuthRequired, tags: []string{facts.TagAuth}},
		{app: "fiber", route: "ANY /webhooks/paddle", tags: []string{facts.TagWebhook}},
		{app: "httprouter", route: "GET /hello/{name}", framework: "httprouter", auth: facts.AuthNone},
		{app: "httprouter", route: "POST /users/{id}/avatar", auth: facts.AuthRequired, tags: []string{facts.TagUpload}},
		{app: "httprouter", route: "GET /public/{filepath}", tags: []string{facts.TagStatic}},
		// Routes registered through the app's own wrapper of the router:
		// the handler and the middleware it was handed are read where the
		// caller wrote them, per route, through Use and a sub-group's list.
		{app: "echowrap", route: "GET /", framework: "echo", auth: facts.AuthNone, handler: "home"},
		{app: "echowrap", route: "POST /upload", auth: facts.AuthRequired, handler: "upload", tags: []string{facts.TagUpload}},
		{app: "echowrap", route: "GET /feed", auth: facts.AuthNone, handler: "feed"},
		{app: "echowrap", route: "GET /search", auth: facts.AuthRequired, handler: "search"},
		{app: "echowrap", route: "DELETE /settings/account", auth: facts.AuthRequired, handler: "deleteAccount"},
		{app: "echowrap", route: "GET /admin/users", auth: facts.AuthRequired, handler: "listUsers"},
		{app: "echowrap", route: "POST /hooks/push", auth: facts.AuthNone, handler: "push"},
		{app: "echowrap", route: "GET /drafts", auth: facts.AuthRequired, handler: "drafts"},
		{app: "echowrap", route: "GET /api/me", auth: facts.AuthRequired, handler: "me"},
		{app: "echowrap", route: "GET /welcome", auth: facts.AuthNone, handler: "welcome"},
		// A handler dispatching on the request's path is a route per
		// branch, each with the handler's checks before the switch and
		// the branch's own; the handler the branch hands on is named.
		{app: "pathswitch", route: "ANY /about", framework: "net/http", auth: facts.AuthNone, handler: "s.about"},
		{app: "pathswitch", route: "ANY /admin", auth: facts.AuthRequired, handler: "s.admin"},
		{app: "pathswitch", route: "POST /", auth: facts.AuthNone, handler: "s.create"},
		{app: "pathswitch", route: "GET /api/v1/items", auth: facts.AuthRequired, handler: "a.list"},
		{app: "pathswitch", route: "ANY /api/v1/items", auth: facts.AuthRequired, handler: "a.get"},
		{app: "pathswitch", route: "ANY /assets", auth: facts.AuthNone, handler: "assets"},
		{app: "extrouter", route: "POST /tally/api/v1/push", framework: "gorilla/mux", auth: facts.AuthUnknown, handler: "a.push"},
		{app: "extrouter", route: "GET /admin/limits", framework: "gorilla/mux", auth: facts.AuthUnknown, handler: "a.limits"},
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

// TestWrapperRouteLine: a route a wrapper of the router registers is shown
// where the caller wrote its path, not at the wrapper's one line.
func TestWrapperRouteLine(t *testing.T) {
	f := detectortest.Scan(t, "testdata/echowrap", New())
	want := map[string]int{"GET /": 13, "POST /upload": 14, "DELETE /settings/account": 20, "GET /admin/users": 23}
	for _, r := range f.Surfaces {
		if line, ok := want[r.Method+" "+r.Path]; ok {
			if r.File != "main.go" || r.Line != line {
				t.Errorf("%s %s at %s:%d, want main.go:%d", r.Method, r.Path, r.File, r.Line, line)
			}
			delete(want, r.Method+" "+r.Path)
		}
	}
	if len(want) > 0 {
		t.Errorf("routes not found: %v", want)
	}
}

// TestGatewayMuxGuards: grpc-gateway's runtime.WithMiddlewares wraps every
// handler of the mux, so a middleware that fails closed guards the route
// that serves the mux (through a variable and echo.WrapHandler); one that
// only logs guards nothing.
func TestGatewayMuxGuards(t *testing.T) {
	f := detectortest.Scan(t, "testdata/gateway", New())
	want := map[string]string{"/api/v1/*": facts.AuthRequired, "/public/v1/*": facts.AuthNone}
	for _, r := range f.Surfaces {
		if w, ok := want[r.Path]; ok {
			if r.Auth != w {
				t.Errorf("%s %s: auth %q (%s), want %q", r.Method, r.Path, r.Auth, r.AuthEvidence, w)
			}
			delete(want, r.Path)
		}
	}
	for p := range want {
		t.Errorf("%s not found", p)
	}
}

// TestWrapChainAuth: a route registered through the app's own nested
// wrappers (m.Logged(m.SignedIn(h)), each a method of a value another
// package builds) is guarded by the one that redirects a caller without
// a session to the login page, named through a variable; a wrapper that
// only logs such a caller, or redirects by the path and not the caller,
// guards nothing.
func TestWrapChainAuth(t *testing.T) {
	f := detectortest.Scan(t, "testdata/wrapchain", New())
	want := map[string]string{
		"GET /":       facts.AuthRequired,
		"GET /notes":  facts.AuthRequired,
		"POST /notes": facts.AuthRequired,
		"GET /about":  facts.AuthNone,
		"GET /start":  facts.AuthNone,
	}
	for _, r := range f.Surfaces {
		k := r.Method + " " + r.Path
		if w, ok := want[k]; ok && r.Auth != w {
			t.Errorf("%s: auth %q (%s), want %q", k, r.Auth, r.AuthEvidence, w)
		}
		delete(want, k)
	}
	for k := range want {
		t.Errorf("%s: no route", k)
	}
}
