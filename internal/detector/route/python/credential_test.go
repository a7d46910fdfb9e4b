package python

import (
	"testing"

	"github.com/threatmap/threatmap/internal/facts"
)

// TestCredentialAndAppHooks pins where a route's guard takes the
// caller's credential from, and that a blueprint's before_app_request
// guards every route of the app while its before_request guards only
// its own.
func TestCredentialAndAppHooks(t *testing.T) {
	type want struct {
		app, method, path string
		auth, credential  string
		evidence          string
	}
	for _, w := range []want{
		// A hook decorated with a Flask-HTTPAuth object's login_required
		// reads the Authorization header.
		{"flask_credentials", "POST", "/api/notes", "required", facts.CredentialHeader, "before_request authenticate (defined board/api.py:16)"},
		// Flask-Login's login_required reads the session cookie.
		{"flask_credentials", "POST", "/profile", "required", facts.CredentialCookie, ""},
		{"flask_credentials", "POST", "/keys/rotate", "required", facts.CredentialHeader, ""},
		// The API blueprint's before_request does not reach the web
		// blueprint's routes.
		{"flask_credentials", "GET", "/about", "none", "", ""},
		// A blueprint's before_app_request guards the other blueprints'
		// routes too, and comes before their own hooks.
		{"flask_apphook", "GET", "/about", "required", facts.CredentialCookie, "before_app_request signed_in_only (defined portal/gate.py:8)"},
		{"flask_apphook", "GET", "/gate/status", "required", facts.CredentialCookie, ""},
		{"flask_apphook", "GET", "/staff/board", "required", facts.CredentialCookie, "before_app_request signed_in_only (defined portal/gate.py:8)"},
	} {
		f := scan(t, w.app)
		found := false
		for _, r := range f.Surfaces {
			if r.Method != w.method || r.Path != w.path {
				continue
			}
			found = true
			if r.Auth != w.auth || r.Credential != w.credential || w.evidence != "" && r.AuthEvidence != w.evidence {
				t.Errorf("%s %s %s: auth %q credential %q evidence %q, want %q %q %q", w.app, w.method, w.path, r.Auth, r.Credential, r.AuthEvidence, w.auth, w.credential, w.evidence)
			}
		}
		if !found {
			t.Errorf("%s %s %s: no route", w.app, w.method, w.path)
		}
	}
}
