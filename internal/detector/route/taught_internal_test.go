package route

import "testing"

func TestPublicMatches(t *testing.T) {
	tests := []struct {
		pattern, method, path string
		want                  bool
	}{
		{"GET /health", "GET", "/health", true},
		{"GET /health", "POST", "/health", false},
		{"GET /health", "GET", "/health/deep", false},
		{"/health", "POST", "/health", true},
		{"* /health", "DELETE", "/health", true},
		{"post /api/webhooks/*", "POST", "/api/webhooks/stripe", true},
		{"POST /api/webhooks/*", "POST", "/api/webhooks", false},
		{"POST /api/webhooks/*", "POST", "/api/webhooks/stripe/events", false},
		{"POST /api/webhooks/**", "POST", "/api/webhooks/stripe/events", true},
		{"POST /api/webhooks/**", "POST", "/api/webhooks", true},
		{"GET /files/*.png", "GET", "/files/logo.png", true},
		{"GET /files/*.png", "GET", "/files/logo.svg", false},
		{"GET /users/:id", "GET", "/users/{user_id}", true},
		{"GET /users/{id}", "GET", "/users/me", false},
		{"GET /users/*", "GET", "/users/{id}", true},
		{"QUERY /search", "QUERY", "/search", true},
		{"QUERY /search", "GET", "/search", false},
	}
	for _, tt := range tests {
		p, err := ParsePublic(tt.pattern)
		if err != nil {
			t.Fatalf("ParsePublic(%q): %v", tt.pattern, err)
		}
		if got := p.Matches(tt.method, tt.path); got != tt.want {
			t.Errorf("%q matches %s %s = %v, want %v", tt.pattern, tt.method, tt.path, got, tt.want)
		}
	}
}

// A taught guard counts only where code calls it before the first write:
// not in a comment, a string, a longer name or its own definition.
func TestTaughtCall(t *testing.T) {
	tg := &Taught{File: "c.yaml", Guards: []TaughtGuard{{Name: "parseRequest", Line: 2}, {Name: "require_user", Line: 3}}}
	tests := []struct {
		src, want string
	}{
		{"const { user } = await parseRequest(req);\nawait db.insert(x)", "parseRequest"},
		{"user = require_user(request)\nsave(x)", "require_user"},
		{"await api.parseRequest(req)", "parseRequest"},
		{"// parseRequest(req)\nawait db.insert(x)", ""},
		{"/* parseRequest(req) */ x()", ""},
		{"# require_user(request)\nsave()", ""},
		{`log("parseRequest(req) skipped")`, ""},
		{"log('require_user() is not called')", ""},
		{"log(`parseRequest(${x})`)", ""},
		{`"""Call require_user(request) first."""`, ""},
		{"parseRequestBody(req)", ""},
		{"myparseRequest(req)", ""},
		{"await db.notes.update(id, b)\nawait parseRequest(req)", ""},
		{"def require_user(request):\n    return 1", ""},
		{"function parseRequest(req) {}", ""},
	}
	for _, tt := range tests {
		g, ok := tg.call(tt.src)
		if got := map[bool]string{true: g.Name}[ok]; got != tt.want {
			t.Errorf("call(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
	var none *Taught
	if _, ok := none.call("parseRequest(req)"); ok {
		t.Error("a nil Taught found a call")
	}
}

func TestTaughtGuardName(t *testing.T) {
	tg := &Taught{Guards: []TaughtGuard{{Name: "requireUser"}, {Name: "auth.require_scope"}}}
	for name, want := range map[string]bool{
		"requireUser":                       true,
		"kit.requireUser":                   true,
		"@requireUser":                      true,
		"requireUser()":                     true,
		"Depends(requireUser)":              true,
		"auth.require_scope('posts:write')": true,
		"require_scope":                     false,
		"requireUserName":                   false,
		"optionalRequireUser":               false,
	} {
		if _, got := tg.guard(name); got != want {
			t.Errorf("guard(%q) = %v, want %v", name, got, want)
		}
	}
}
