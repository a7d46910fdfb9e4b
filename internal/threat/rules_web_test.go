package threat

import (
	"slices"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/model"
)

// session is a cookie-based session the scan read in app code.
var session = facts.Weakness{Kind: "csrf", Detail: "cookie-based session", Evidence: []facts.Evidence{{File: "app/main.js", Line: 5}}}

func TestWebRulesOnLiteralFacts(t *testing.T) {
	for _, tc := range []struct {
		name, rule string
		f          facts.Facts
		want       []string
	}{
		{"csrf: one row for the session's writes, none for reads, webhooks or public routes", "csrf",
			scan(facts.Facts{Weaknesses: []facts.Weakness{session}},
				rt("POST", "/notes", facts.AuthRequired, nil, nil), rt("DELETE", "/notes/{id}", facts.AuthUnknown, nil, intID),
				rt("GET", "/notes", facts.AuthRequired, nil, nil), rt("POST", "/hooks/github", facts.AuthNone, tags(facts.TagWebhook), nil),
				rt("POST", "/contact", facts.AuthNone, nil, nil)),
			[]string{"new cookie-session (Cookie session (2 state-changing routes)) [user-data] difficulty medium impact high"}},
		{"csrf: a bearer-token API has no cookie session", "csrf",
			scan(facts.Facts{}, rt("POST", "/notes", facts.AuthRequired, nil, nil)),
			nil},
		{"csrf: a route whose guard reads an Authorization header is not the cookie session's", "csrf",
			scan(facts.Facts{Weaknesses: []facts.Weakness{session}},
				withCredential(rt("POST", "/api/posts", facts.AuthRequired, nil, nil), facts.CredentialHeader),
				withCredential(rt("POST", "/profile", facts.AuthRequired, nil, nil), facts.CredentialCookie),
				rt("POST", "/notes", facts.AuthRequired, nil, nil)),
			[]string{"new cookie-session (Cookie session (2 state-changing routes)) [user-data] difficulty medium impact high"}},
		{"csrf: a route whose guards check the token ([ValidateAntiForgeryToken], a csrf middleware) is protected", "csrf",
			scan(facts.Facts{Weaknesses: []facts.Weakness{session}},
				rt("POST", "/profile/name", facts.AuthRequired, nil, nil, "guards:csrf-check"),
				rt("POST", "/profile/email", facts.AuthRequired, nil, nil)),
			[]string{"new cookie-session (Cookie session (1 state-changing route)) [user-data] difficulty medium impact high"}},
		{"csrf: every write behind a header token: no row", "csrf",
			scan(facts.Facts{Weaknesses: []facts.Weakness{session}},
				withCredential(rt("POST", "/api/posts", facts.AuthRequired, nil, nil), facts.CredentialHeader)),
			nil},
		{"csrf: a session only a script sets up is not the app's", "csrf",
			scan(facts.Facts{Weaknesses: []facts.Weakness{{Kind: "csrf", Evidence: []facts.Evidence{{File: "scripts/seed.js", Line: 3}}}}},
				rt("POST", "/notes", facts.AuthRequired, nil, nil)),
			nil},
		{"csrf: an exempted view is a row of its own", "csrf",
			scan(facts.Facts{Weaknesses: []facts.Weakness{session}}, rt("POST", "/pay", facts.AuthRequired, nil, nil, "guards:csrf-exempt")),
			[]string{"POST /pay [user-data] difficulty medium impact high", "new cookie-session (Cookie session (1 state-changing route)) [user-data] difficulty medium impact high"}},
		{"state-changing-get: a GET that writes, behind the session", "state-changing-get",
			scan(facts.Facts{Weaknesses: []facts.Weakness{session}},
				rt("GET", "/notes/{id}/delete", facts.AuthRequired, nil, intID, "mutates-store"),
				rt("GET", "/notes/{id}", facts.AuthRequired, nil, intID, "object-fetch"),
				rt("POST", "/notes/{id}/delete", facts.AuthRequired, nil, intID, "mutates-store")),
			[]string{"GET /notes/{id}/delete [user-data] difficulty low impact medium"}},
		{"state-changing-get: not an e-mail link whose path token the handler checks; the GET beside it without one", "state-changing-get",
			scan(facts.Facts{Weaknesses: []facts.Weakness{session}},
				rt("GET", "/account/confirm/{token}", facts.AuthRequired, nil, nil, "mutates-store", "token-gate=token"),
				rt("GET", "/account/archive/{name}", facts.AuthRequired, nil, nil, "mutates-store")),
			[]string{"GET /account/archive/{name} [user-data] difficulty low impact medium"}},
		{"state-changing-get: behind a bearer token no page can send it", "state-changing-get",
			scan(facts.Facts{}, rt("GET", "/notes/{id}/delete", facts.AuthRequired, nil, intID, "mutates-store")),
			nil},
		{"function-level-authz: admin prefix with a session and no role, grouped", "function-level-authz",
			scan(facts.Facts{},
				rt("GET", "/admin/users", facts.AuthRequired, nil, nil, "object-fetch"), rt("DELETE", "/admin/users/{id}", facts.AuthRequired, nil, intID, "writes-state"),
				rt("GET", "/management", facts.AuthRequired, nil, nil), // a page that reads and changes nothing
				withRole(rt("GET", "/staff/reports", facts.AuthRequired, nil, nil), "staff"),
				rt("GET", "/internal/audit", facts.AuthRequired, nil, nil, "admin-role"),
				rt("GET", "/backoffice", facts.AuthRequired, nil, nil, "guards:basic-auth"),
				rt("GET", "/admin/teams", facts.AuthRequired, nil, nil, "permission-check"),
				rt("GET", "/admin/open", facts.AuthNone, nil, nil)),
			[]string{"GET /admin/users [all-credentials user-data] difficulty low impact critical"}},
		{"function-level-authz: a page under admin that reads only the caller's own records is theirs", "function-level-authz",
			scan(facts.Facts{},
				rt("GET", "/admin", facts.AuthRequired, nil, nil, "object-fetch", "caller-own"),
				rt("GET", "/admin/all_links", facts.AuthRequired, nil, nil, "object-fetch")),
			[]string{"GET /admin/all_links [all-credentials user-data] difficulty low impact critical"}},
		{"function-level-authz: a privileged operation outside admin paths", "function-level-authz",
			scan(facts.Facts{},
				rt("PUT", "/members/{id}/role", facts.AuthRequired, nil, intID, "privileged-op"),
				rt("PUT", "/teams/{id}/role", facts.AuthRequired, nil, intID, "privileged-op", "guards:admin-role"),
				rt("PUT", "/me", facts.AuthRequired, nil, nil, "writes-state")),
			[]string{"PUT /members/{id}/role [all-credentials user-data] difficulty low impact critical"}},
		{"function-level-authz: an admin guard no route applies", "function-level-authz",
			scan(facts.Facts{Controls: []facts.Control{{Kind: "admin-guard", Detail: "isAdminUserMiddleware", Evidence: []facts.Evidence{{File: "app/session.js", Line: 25}}}}},
				rt("GET", "/benefits", facts.AuthRequired, nil, nil)),
			[]string{"new admin-guard-unapplied (Admin guard never applied (isAdminUserMiddleware)) [all-credentials user-data] difficulty low impact high"}},
		{"function-level-authz: an admin guard a route applies", "function-level-authz",
			scan(facts.Facts{Controls: []facts.Control{{Kind: "admin-guard", Detail: "requireAdmin", Evidence: []facts.Evidence{{File: "app/session.js", Line: 25}}}}},
				rt("GET", "/benefits", facts.AuthRequired, nil, nil), withMiddleware(rt("GET", "/reports", facts.AuthRequired, nil, nil), "auth.requireAdmin")),
			nil},
		{"idor: an id from the body, not on a login", "idor",
			scan(facts.Facts{},
				rt("POST", "/api/invoices/download", facts.AuthRequired, nil, nil, "object-fetch", "id-from-request"),
				rt("POST", "/login", facts.AuthNone, tags(facts.TagAuth), nil, "object-fetch", "id-from-request"),
				rt("POST", "/api/search", facts.AuthRequired, nil, nil, "object-fetch"),
				rt("GET", "/api/team", facts.AuthRequired, nil, nil, "object-fetch", "privileged-client")),
			[]string{"POST /api/invoices/download [user-data] difficulty medium impact high", "GET /api/team [user-data] difficulty medium impact high"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := RuleByID(tc.rule)
			if r == nil {
				t.Fatalf("no rule %s", tc.rule)
			}
			var got []string
			for _, h := range r.fire(newContext(tc.f)) {
				got = append(got, summary(h))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("hits:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
		})
	}
}

func withMiddleware(mk func() (facts.Route, []facts.Signal), names ...string) func() (facts.Route, []facts.Signal) {
	return func() (facts.Route, []facts.Signal) {
		r, sigs := mk()
		r.Middleware = names
		return r, sigs
	}
}

func withCredential(mk func() (facts.Route, []facts.Signal), credential string) func() (facts.Route, []facts.Signal) {
	return func() (facts.Route, []facts.Signal) {
		r, sigs := mk()
		r.Credential = credential
		return r, sigs
	}
}

func withRole(mk func() (facts.Route, []facts.Signal), role string) func() (facts.Route, []facts.Signal) {
	return func() (facts.Route, []facts.Signal) {
		r, sigs := mk()
		r.AuthRole = role
		return r, sigs
	}
}

func TestCSRFCheck(t *testing.T) {
	at := []facts.Evidence{{File: "app/main.js", Line: 4}}
	for _, tc := range []struct {
		name string
		f    facts.Facts
		want []model.Evidence
	}{
		{"a token check app-wide", scan(facts.Facts{Controls: []facts.Control{{Kind: "csrf-protection", Evidence: at}}}, rt("POST", "/notes", facts.AuthRequired, nil, nil)),
			[]model.Evidence{{File: "app/main.js", Line: 4}}},
		{"a csrf guard on the route", scan(facts.Facts{}, rt("POST", "/notes", facts.AuthRequired, nil, nil, "guards:csrf-check")),
			[]model.Evidence{{File: "app/routes.py", Line: 10}}},
		{"an exempted view has none, whatever the app installs",
			scan(facts.Facts{Controls: []facts.Control{{Kind: "csrf-protection", Evidence: at}}}, rt("POST", "/pay", facts.AuthRequired, nil, nil, "guards:csrf-exempt", "guards:csrf-check")),
			nil},
		{"none", scan(facts.Facts{}, rt("POST", "/notes", facts.AuthRequired, nil, nil)), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newContext(tc.f)
			if got := c.verify("csrf-protection", Hit{Route: &c.F.Surfaces[0]}); !slices.Equal(got, tc.want) {
				t.Errorf("csrf-protection = %v, want %v", got, tc.want)
			}
		})
	}
}
