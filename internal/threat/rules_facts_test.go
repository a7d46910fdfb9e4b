package threat

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/model"
)

// Rules read facts only: each case below is a scan written as a literal,
// with the signals a detector would have read from the handlers, and the
// hits the rule must return. No detector runs.

// route builds a route and its signals; a signal "kind" is read in the
// handler at the route's line, "guards:kind" in its guards, and
// "kind=detail" names something.
func route(method, path, auth string, tags []string, params []facts.Param, signals ...string) (facts.Route, []facts.Signal) {
	r := facts.Route{ID: "route-" + method + path, Method: method, Path: path, File: "app/routes.py", Line: 10, EndLine: 20,
		Auth: auth, Tags: tags, Params: params, Body: "handler code"}
	var out []facts.Signal
	for _, s := range signals {
		sig := facts.Signal{Kind: s, Route: r.Key(), In: facts.SignalInHandler, Evidence: facts.Evidence{File: r.File, Line: 12}}
		if k, ok := strings.CutPrefix(s, "guards:"); ok {
			sig.Kind, sig.In, sig.Evidence.Line = k, facts.SignalInGuards, r.Line
		}
		if k, d, ok := strings.Cut(sig.Kind, "="); ok {
			sig.Kind, sig.Detail = k, d
		}
		out = append(out, sig)
	}
	return r, out
}

// scan gathers routes and their signals into facts.
func scan(f facts.Facts, rs ...func() (facts.Route, []facts.Signal)) facts.Facts {
	for _, mk := range rs {
		r, sigs := mk()
		f.Surfaces = append(f.Surfaces, r)
		f.Signals = append(f.Signals, sigs...)
	}
	return f
}

// withBody sets the handler code a route was read with ("" for a route
// with no handler read: an OpenAPI operation).
// withAuthEvidence sets what the route judge said of a route's auth.
func withAuthEvidence(mk func() (facts.Route, []facts.Signal), ev string) func() (facts.Route, []facts.Signal) {
	return func() (facts.Route, []facts.Signal) {
		r, s := mk()
		r.AuthEvidence = ev
		return r, s
	}
}

func withBody(mk func() (facts.Route, []facts.Signal), body string) func() (facts.Route, []facts.Signal) {
	return func() (facts.Route, []facts.Signal) {
		r, sigs := mk()
		r.Body = body
		return r, sigs
	}
}

// withCondition marks a route served only in one environment.
func withCondition(mk func() (facts.Route, []facts.Signal), cond string) func() (facts.Route, []facts.Signal) {
	return func() (facts.Route, []facts.Signal) {
		r, sigs := mk()
		r.Condition = cond
		return r, sigs
	}
}

// withKind makes a route a GraphQL operation or a socket event.
func withKind(mk func() (facts.Route, []facts.Signal), kind string) func() (facts.Route, []facts.Signal) {
	return func() (facts.Route, []facts.Signal) {
		r, sigs := mk()
		r.Kind = kind
		return r, sigs
	}
}

func rt(method, path, auth string, tags []string, params []facts.Param, signals ...string) func() (facts.Route, []facts.Signal) {
	return func() (facts.Route, []facts.Signal) { return route(method, path, auth, tags, params, signals...) }
}

var (
	intID  = []facts.Param{{Name: "id", In: "path", Type: facts.TypeInt}}
	uuidID = []facts.Param{{Name: "id", In: "path", Type: facts.TypeUUID}}
	user   = []facts.Param{{Name: "username", In: "path", Type: facts.TypeString}}
	tags   = func(t ...string) []string { return t }
	llms   = []facts.ThirdParty{
		{Service: "openai", Name: "OpenAI", Category: "llm"},
		{Service: "anthropic", Name: "Anthropic", Category: "llm"},
	}
	documents = []facts.Asset{{Kind: "user-data", Name: "Document", Fields: []string{"body"}}}
)

// summary says where a hit is, what it puts at risk and how it is rated.
func summary(h Hit) string {
	where := ""
	switch {
	case h.New != nil:
		where = "new " + h.New.ID + " (" + h.New.Name + ")"
	case h.Secrets != "":
		where = "secrets " + h.Secrets
	case h.Store != nil:
		where = "store " + h.Store.Name
	case h.Route != nil:
		where = h.Route.Method + " " + h.Route.Path
	}
	return fmt.Sprintf("%s %v difficulty %s impact %s", where, h.Assets, h.Difficulty, h.Level)
}

func TestRulesOnLiteralFacts(t *testing.T) {
	for _, tc := range []struct {
		name, rule string
		f          facts.Facts
		want       []string
	}{
		{"credit-drain names the model the handler calls", "credit-drain",
			scan(facts.Facts{ThirdParties: llms}, rt("POST", "/api/chat", facts.AuthRequired, tags(facts.TagLLM), nil, "names-service=openai")),
			[]string{"POST /api/chat [credits-openai] difficulty low impact high"}},
		{"credit-drain: every model when the handler names none", "credit-drain",
			scan(facts.Facts{ThirdParties: llms}, rt("POST", "/api/chat", facts.AuthNone, tags(facts.TagLLM), nil)),
			[]string{"POST /api/chat [credits-openai credits-anthropic] difficulty low impact high"}},
		{"credit-drain: model credits when no LLM is known", "credit-drain",
			scan(facts.Facts{}, rt("POST", "/api/ask", facts.AuthNone, tags(facts.TagLLM), nil)),
			[]string{"POST /api/ask [credits-llm] difficulty low impact high"}},
		{"message-pumping: public", "message-pumping",
			scan(facts.Facts{}, rt("POST", "/invite", facts.AuthNone, nil, nil, "sends-message"), rt("GET", "/mail", facts.AuthNone, nil, nil, "sends-message"),
				rt("POST", "/note", facts.AuthNone, nil, nil)),
			[]string{"POST /invite [outgoing-email] difficulty low impact medium"}},
		{"message-pumping: behind login", "message-pumping",
			scan(facts.Facts{}, rt("POST", "/invite", facts.AuthRequired, nil, nil, "sends-message")),
			[]string{"POST /invite [outgoing-email] difficulty medium impact medium"}},
		{"upload-unsafe", "upload-unsafe",
			scan(facts.Facts{}, rt("POST", "/upload", facts.AuthRequired, tags(facts.TagUpload), nil), rt("POST", "/public-upload", facts.AuthNone, tags(facts.TagUpload), nil),
				rt("GET", "/upload", facts.AuthRequired, tags(facts.TagUpload), nil)),
			[]string{"POST /upload [uploaded-files] difficulty medium impact high", "POST /public-upload [uploaded-files] difficulty low impact high"}},
		{"idor: sequential ids, the model the handler names", "idor",
			scan(facts.Facts{Assets: documents}, rt("GET", "/docs/{id}", facts.AuthRequired, nil, intID, "id-lookup=id", "names-model=Document")),
			[]string{"GET /docs/{id} [data-document] difficulty low impact high"}},
		{"idor: opaque ids", "idor",
			scan(facts.Facts{Assets: documents}, rt("GET", "/docs/{id}", facts.AuthRequired, nil, uuidID, "id-lookup=id")),
			[]string{"GET /docs/{id} [user-data] difficulty medium impact high"}},
		{"idor: none without a lookup of the id, on admin routes or ones demanding an admin, on the caller's own action or a public profile", "idor",
			scan(facts.Facts{}, rt("GET", "/docs/{id}", facts.AuthRequired, nil, intID, "object-fetch"),
				rt("GET", "/admin/docs/{id}", facts.AuthRequired, tags(facts.TagAdmin), intID, "id-lookup=id"),
				rt("DELETE", "/users/{id}", facts.AuthRequired, nil, intID, "id-lookup=id", "admin-role"),
				rt("POST", "/posts/{id}/like", facts.AuthRequired, nil, intID, "id-lookup=id"),
				rt("GET", "/profiles/{username}", facts.AuthNone, nil, user, "id-lookup=username")),
			nil},
		{"webhook-forgery: payment webhook", "webhook-forgery",
			scan(facts.Facts{}, rt("POST", "/webhook/stripe", facts.AuthNone, tags(facts.TagWebhook, facts.TagPayment), nil, "webhook-provider=stripe")),
			[]string{"POST /webhook/stripe [billing-state] difficulty low impact high"}},
		{"webhook-forgery: signature verified leaves replay", "webhook-forgery",
			scan(facts.Facts{}, rt("POST", "/webhook/stripe", facts.AuthNone, tags(facts.TagWebhook), nil, "webhook-provider=stripe", "webhook-signature")),
			[]string{"POST /webhook/stripe [billing-state] difficulty high impact high"}},
		{"webhook-forgery: other senders reach data, not billing", "webhook-forgery",
			scan(facts.Facts{Assets: documents}, rt("POST", "/hooks/github", facts.AuthNone, tags(facts.TagWebhook), nil, "webhook-provider=github", "names-model=Document")),
			[]string{"POST /hooks/github [data-document] difficulty low impact medium"}},
		{"admin-exposed: one row per prefix", "admin-exposed",
			scan(facts.Facts{Assets: documents}, rt("GET", "/admin/users", facts.AuthNone, nil, nil, "object-fetch"), rt("GET", "/admin", facts.AuthNone, nil, nil, "object-fetch")),
			[]string{"GET /admin [all-credentials data-document] difficulty low impact critical"}},
		{"admin-exposed: not on the admin's own sign-in, which is open by design; on the panel beside it", "admin-exposed",
			scan(facts.Facts{Assets: documents}, rt("POST", "/api/admin/login", facts.AuthNone, tags(facts.TagAuth), nil, "object-fetch"),
				rt("GET", "/backoffice/login", facts.AuthNone, tags(facts.TagAuth), nil, "object-fetch"),
				rt("GET", "/backoffice/login-as/{id}", facts.AuthNone, tags(facts.TagAuth), intID, "object-fetch")),
			[]string{"GET /backoffice/login-as/{id} [all-credentials data-document] difficulty low impact critical"}},
		{"admin-exposed: a page under /admin whose handler checks the caller owns the record is the user's; the panel beside it is not", "admin-exposed",
			scan(facts.Facts{Assets: documents}, rt("GET", "/admin/stats/{code}", facts.AuthRequired, nil, nil, "object-fetch", "ownership-check"),
				rt("GET", "/admin/users", facts.AuthRequired, nil, nil, "object-fetch")),
			[]string{"GET /admin/users [all-credentials data-document] difficulty medium impact critical"}},
		{"admin-exposed: not on a handler that answers only loopback callers; on the open panel beside it", "admin-exposed",
			scan(facts.Facts{Assets: documents}, rt("GET", "/internal/keys", facts.AuthNone, nil, nil, "object-fetch", "ip-allowlist"),
				rt("GET", "/admin/users", facts.AuthNone, nil, nil, "object-fetch")),
			[]string{"GET /admin/users [all-credentials data-document] difficulty low impact critical"}},
		{"admin-exposed: a loopback-only handler in an app that fetches callers' URLs is reached through it", "admin-exposed",
			scan(facts.Facts{Assets: documents, Weaknesses: []facts.Weakness{{Kind: "ssrf", Evidence: []facts.Evidence{{File: "app/fetch.py", Line: 4}}}}},
				rt("GET", "/internal/keys", facts.AuthNone, nil, nil, "object-fetch", "ip-allowlist")),
			[]string{"GET /internal/keys [all-credentials data-document] difficulty medium impact critical"}},
		{"admin-exposed: one shared password", "admin-exposed",
			scan(facts.Facts{}, rt("GET", "/admin", facts.AuthNone, nil, nil, "guards:basic-auth", "object-fetch")),
			[]string{"GET /admin [all-credentials user-data] difficulty medium impact critical"}},
		{"debug-endpoint: pprof is high, metrics medium, guarded ones none", "debug-endpoint",
			scan(facts.Facts{}, rt("GET", "/debug/pprof/heap", facts.AuthNone, nil, nil), rt("GET", "/debug/pprof", facts.AuthNone, nil, nil),
				rt("GET", "/metrics", facts.AuthUnknown, nil, nil), rt("GET", "/actuator", facts.AuthRequired, nil, nil)),
			[]string{"GET /debug/pprof [all-credentials] difficulty low impact high", "GET /metrics [all-credentials] difficulty low impact medium"}},
		{"debug-endpoint: Turbine's open stream, not a guarded one", "debug-endpoint",
			scan(facts.Facts{}, rt("GET", "/turbine.stream", facts.AuthNone, nil, nil), rt("GET", "/ops/turbine.stream", facts.AuthRequired, nil, nil)),
			[]string{"GET /turbine.stream [all-credentials] difficulty low impact medium"}},
		{"unauthenticated-write", "unauthenticated-write",
			scan(facts.Facts{}, rt("POST", "/items", facts.AuthNone, nil, nil, "writes-state"), rt("DELETE", "/items/{id}", facts.AuthNone, nil, intID, "writes-state"),
				rt("POST", "/signup", facts.AuthNone, nil, nil, "writes-state", "creates-account"), rt("POST", "/search", facts.AuthNone, nil, nil),
				rt("PUT", "/items/{id}", facts.AuthUnknown, nil, intID, "writes-state")),
			[]string{"POST /items [user-data] difficulty low impact medium", "DELETE /items/{id} [user-data] difficulty low impact high"}},
		{"unauthenticated-write: none on routes served only in development or tests", "unauthenticated-write",
			scan(facts.Facts{}, withCondition(rt("POST", "/__debug/reset", facts.AuthNone, nil, nil, "writes-state"), facts.ConditionDev),
				withCondition(rt("DELETE", "/test/items/{id}", facts.AuthNone, nil, intID, "writes-state"), facts.ConditionTest),
				rt("POST", "/items", facts.AuthNone, nil, nil, "writes-state")),
			[]string{"POST /items [user-data] difficulty low impact medium"}},
		{"unauthenticated-write: GraphQL mutations write, queries do not", "unauthenticated-write",
			scan(facts.Facts{}, withKind(rt("POST", "/graphql#Mutation.deleteNote", facts.AuthNone, nil, nil, "writes-state"), "graphql"),
				withKind(rt("POST", "/graphql#Query.notes", facts.AuthNone, nil, nil, "writes-state"), "graphql")),
			[]string{"POST /graphql#Mutation.deleteNote [user-data] difficulty low impact medium"}},
		{"no-audit-log: a handler that only answers 405 deletes nothing; one that answers 405 after deleting does", "no-audit-log",
			scan(facts.Facts{}, rt("DELETE", "/items/{id}", facts.AuthRequired, nil, intID), rt("DELETE", "/open/{id}", facts.AuthNone, nil, intID),
				rt("DELETE", "/users/{id}/follow", facts.AuthRequired, nil, intID),
				withBody(rt("DELETE", "/mcp", facts.AuthNone, nil, nil), `ctx.status = 405; ctx.set("Allow", "POST"); ctx.body = { error: "Method not allowed" };`),
				withBody(rt("DELETE", "/files/{id}", facts.AuthRequired, nil, intID), `if (!req.params.id) return res.status(405).end(); await File.destroy({ where: { id: req.params.id } });`)),
			[]string{"DELETE /items/{id} [user-data] difficulty medium impact medium", "DELETE /open/{id} [user-data] difficulty low impact medium",
				"DELETE /files/{id} [user-data] difficulty medium impact medium"}},
		{"credential-stuffing: a handler handling a password, an account created, an operation by its path", "credential-stuffing",
			scan(facts.Facts{},
				withBody(rt("POST", "/login", facts.AuthNone, tags(facts.TagAuth), nil), "check_password(form.password)"),
				withBody(rt("GET", "/login", facts.AuthNone, tags(facts.TagAuth), nil), "check_password(form.password)"),
				rt("POST", "/signup", facts.AuthNone, nil, nil, "creates-account"),
				rt("POST", "/settings", facts.AuthRequired, nil, nil, "creates-account"), // no word: a settings form
				withBody(rt("POST", "/users/v1/register", facts.AuthNone, nil, nil), ""),
				// Lookalikes: the words without a password. OAuth client
				// registration, an analytics reset, a WebAuthn step, an
				// OpenAPI operation whose path only says token.
				withBody(rt("POST", "/oauth/register", facts.AuthNone, tags(facts.TagAuth), nil), "clients.create(req.body.redirect_uris)"),
				withBody(rt("POST", "/api/websites/{id}/reset", facts.AuthRequired, tags(facts.TagAuth), intID), "resetWebsite(id)"),
				withBody(rt("POST", "/webauthn/login/finish", facts.AuthNone, tags(facts.TagAuth), nil), "webauthn.FinishLogin(user, session)"),
				withBody(rt("POST", "/token", facts.AuthNone, tags(facts.TagAuth), nil), "")),
			[]string{"POST /login [user-data] difficulty low impact high", "POST /signup [user-data] difficulty low impact high",
				"POST /users/v1/register [user-data] difficulty low impact high"}},
		{"credential-stuffing: a route of any method is a login only where the judge read one", "credential-stuffing",
			scan(facts.Facts{},
				withAuthEvidence(withBody(rt("ANY", "/loginFunc", facts.AuthNone, tags(facts.TagAuth), nil), "if util.PasswordOK(conf.Password, data.Password) {"), facts.LoginEvidence+": takes credentials"),
				// Lookalike: the login page, served to every method, reads
				// the app's own password setting to show the form.
				withBody(rt("ANY", "/login", facts.AuthNone, tags(facts.TagAuth), nil), "tmpl.Execute(w, conf.Password == \"\")"),
				// A form's password compared with a setting: no login read,
				// the posted field named.
				withBody(rt("ANY", "/signin", facts.AuthNone, tags(facts.TagAuth), nil), "if r.FormValue(\"password\") != cfg.Password {")),
			[]string{"ANY /loginFunc [user-data] difficulty low impact high", "ANY /signin [user-data] difficulty low impact high"}},
		{"prompt-injection: reads without an owner condition", "prompt-injection",
			scan(facts.Facts{}, rt("POST", "/ask", facts.AuthRequired, tags(facts.TagLLM), nil, "object-fetch"),
				rt("POST", "/ask-mine", facts.AuthRequired, tags(facts.TagLLM), nil, "object-fetch", "ownership-check")),
			[]string{"POST /ask [user-data] difficulty medium impact high"}},
		{"prompt-injection: tools make every LLM route one", "prompt-injection",
			scan(facts.Facts{Weaknesses: []facts.Weakness{{Kind: "llm-tools", Evidence: []facts.Evidence{{File: "app/agent.py", Line: 3}}}}},
				rt("POST", "/ask-mine", facts.AuthRequired, tags(facts.TagLLM), nil, "object-fetch", "ownership-check")),
			[]string{"POST /ask-mine [user-data] difficulty medium impact high"}},
		{"graphql-unbounded", "graphql-unbounded",
			scan(facts.Facts{}, rt("POST", "/graphql", facts.AuthNone, tags(facts.TagGraphQL), nil)),
			[]string{"POST /graphql [user-data] difficulty low impact medium"}},
		{"secrets-committed", "secrets-committed",
			facts.Facts{Secrets: []facts.Secret{{Rule: "dotenv", File: ".env", Line: 1, Variable: "OPENAI_API_KEY"}}},
			[]string{"secrets .env [all-credentials] difficulty medium impact critical"}},
		{"secrets-committed: served by a static mount, anyone can fetch it", "secrets-committed",
			servedFacts("Web/wwwroot/settings.json", "", facts.AuthNone),
			[]string{"secrets Web/wwwroot/settings.json [all-credentials] difficulty low impact critical"}},
		// Lookalikes: a mount served only in development, one behind a login,
		// and a secret outside the served folder are committed secrets only.
		{"secrets-committed: a development-only mount", "secrets-committed",
			servedFacts("Web/wwwroot/settings.json", facts.ConditionDev, facts.AuthNone),
			[]string{"secrets Web/wwwroot/settings.json [all-credentials] difficulty medium impact critical"}},
		{"secrets-committed: a mount behind a login", "secrets-committed",
			servedFacts("Web/wwwroot/settings.json", "", facts.AuthRequired),
			[]string{"secrets Web/wwwroot/settings.json [all-credentials] difficulty medium impact critical"}},
		{"secrets-committed: the secret is outside the served folder", "secrets-committed",
			servedFacts("Web/settings.json", "", facts.AuthNone),
			[]string{"secrets Web/settings.json [all-credentials] difficulty medium impact critical"}},
		{"bucket-exposure: public bucket", "bucket-exposure",
			facts.Facts{
				Stores:         []facts.Store{{Kind: "s3", Name: "S3 bucket media", Evidence: []facts.Evidence{{File: "infra/s3.tf", Line: 1}}}},
				Infrastructure: []facts.Infrastructure{{Kind: "public-bucket", Detail: "media", Evidence: []facts.Evidence{{File: "infra/s3.tf", Line: 4}}}},
			},
			[]string{"store S3 bucket media [uploaded-files] difficulty low impact critical"}},
		{"weakness in a handler lands on its route", "sql-injection",
			scan(facts.Facts{Weaknesses: []facts.Weakness{{Kind: "sql-injection", Evidence: []facts.Evidence{{File: "app/routes.py", Line: 14}}}}},
				rt("GET", "/search", facts.AuthNone, nil, nil)),
			[]string{"GET /search [user-data] difficulty low impact critical"}},
		{"weakness outside handlers gets a surface of its own", "sql-injection",
			facts.Facts{Weaknesses: []facts.Weakness{{Kind: "sql-injection", Evidence: []facts.Evidence{{File: "app/db.py", Line: 4}}}}},
			[]string{"new sql-injection-code (Database queries (db.py)) [user-data] difficulty low impact critical"}},
		{"one cause, one row: the same weakness in several files, apart from the scripts", "sql-injection",
			facts.Facts{Weaknesses: []facts.Weakness{
				{Kind: "sql-injection", Evidence: []facts.Evidence{{File: "app/db.py", Line: 4}}},
				{Kind: "sql-injection", Evidence: []facts.Evidence{{File: "app/reports.py", Line: 9}}},
				{Kind: "sql-injection", Evidence: []facts.Evidence{{File: "scripts/backfill.py", Line: 2}}}}},
			[]string{"new sql-injection-code (Database queries (db.py, reports.py)) [user-data] difficulty low impact critical",
				"new sql-injection-script (Database queries (backfill.py)) [user-data] difficulty low impact critical"}},
		{"debug-mode: a debugger escalates", "debug-mode",
			facts.Facts{Exits: []facts.Exit{
				{Kind: "debug-mode", Detail: "Flask debug with the werkzeug debugger", Evidence: []facts.Evidence{{File: "app/main.py", Line: 40}}},
				{Kind: "debug-mode", Detail: "DEBUG = True", Evidence: []facts.Evidence{{File: "app/settings.py", Line: 2}}},
			}},
			[]string{"new debug-mode-app/main.py (Debug mode (main.py)) [user-data] difficulty low impact high",
				"new debug-mode-app/settings.py (Debug mode (settings.py)) [user-data] difficulty low impact medium"}},
		{"infrastructure: credentials at risk only for default passwords", "default-credentials",
			facts.Facts{Infrastructure: []facts.Infrastructure{{Kind: "default-password", Detail: "postgres password", Evidence: []facts.Evidence{{File: "compose.yml", Line: 9}}}}},
			[]string{"new infra-default-password-postgres password (postgres password) [all-credentials] difficulty low impact high"}},
		{"infrastructure: data for open security groups", "open-security-group",
			facts.Facts{Infrastructure: []facts.Infrastructure{{Kind: "open-security-group", Detail: "sg db 0.0.0.0/0:5432", Evidence: []facts.Evidence{{File: "infra/net.tf", Line: 3}}}}},
			[]string{"new infra-open-security-group-sg db 0.0.0.0/0:5432 (sg db 0.0.0.0/0:5432) [user-data] difficulty low impact critical"}},
		{"pipeline: one row for every workflow", "unpinned-actions",
			facts.Facts{Pipeline: []facts.Pipeline{
				{Kind: "unpinned-action", Detail: "a/b@v1", Evidence: []facts.Evidence{{File: ".github/workflows/ci.yml", Line: 5}}},
				{Kind: "unpinned-action", Detail: "c/d@main", Evidence: []facts.Evidence{{File: ".github/workflows/release.yml", Line: 7}}},
			}},
			[]string{"new ci-pipeline (CI/CD pipeline) [all-credentials] difficulty high impact high"}},
		{"pipeline: dependencies have their own surface", "unpinned-dependencies",
			facts.Facts{Pipeline: []facts.Pipeline{{Kind: "missing-lockfile", Detail: "package.json", Evidence: []facts.Evidence{{File: "package.json", Line: 1}}}}},
			[]string{"new dependencies (Dependencies (package manifests)) [all-credentials] difficulty high impact high"}},
		{"env-exposure: .env not ignored", "env-exposure",
			facts.Facts{
				Credentials: []facts.Credential{{Name: "OPENAI_API_KEY", Secret: true, Evidence: []facts.Evidence{{File: "app/llm.py", Line: 3}}}},
				Controls:    []facts.Control{{Kind: facts.ControlEnvFileUsed, Evidence: []facts.Evidence{{File: ".env.example", Line: 1}}}},
			},
			[]string{"new env-file (Environment variables / .env) [all-credentials] difficulty medium impact critical"}},
		{"env-exposure: settings only in the process environment, no .env in use", "env-exposure",
			facts.Facts{Credentials: []facts.Credential{{Name: "OPENAI_API_KEY", Secret: true, Evidence: []facts.Evidence{{File: "app/llm.py", Line: 3}}}}},
			nil},
		{"env-exposure: .env ignored", "env-exposure",
			facts.Facts{
				Credentials: []facts.Credential{{Name: "OPENAI_API_KEY", Secret: true, Evidence: []facts.Evidence{{File: "app/llm.py", Line: 3}}}},
				Controls:    []facts.Control{{Kind: "env-ignored", Evidence: []facts.Evidence{{File: ".gitignore", Line: 1}}}},
			},
			[]string{"new env-file (Environment variables / .env) [all-credentials] difficulty high impact critical"}},
		{"env-exposure: none once a secret is committed", "env-exposure",
			facts.Facts{
				Credentials: []facts.Credential{{Name: "OPENAI_API_KEY", Secret: true, Evidence: []facts.Evidence{{File: "app/llm.py", Line: 3}}}},
				Secrets:     []facts.Secret{{Rule: "dotenv", File: ".env", Line: 1}},
			},
			nil},
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

// The drafter drafts what hits name, once: a surface two hits share is
// one surface, and an asset no hit, surface or evidence names is not
// drafted (the infrastructure rule names user data for an open security
// group, not the credentials).
func TestDraftMakesWhatHitsName(t *testing.T) {
	f := facts.Facts{
		Weaknesses: []facts.Weakness{
			{Kind: "sql-injection", Detail: "one", Evidence: []facts.Evidence{{File: "app/db.py", Line: 4}}},
			{Kind: "sql-injection", Detail: "two", Evidence: []facts.Evidence{{File: "app/db.py", Line: 9}}},
		},
		Infrastructure: []facts.Infrastructure{{Kind: "open-security-group", Detail: "sg db", Evidence: []facts.Evidence{{File: "infra/net.tf", Line: 3}}}},
	}
	m := Draft(f, Options{})
	var surfaces, assets []string
	for _, s := range m.Surfaces {
		surfaces = append(surfaces, s.ID)
	}
	for _, a := range m.Assets {
		assets = append(assets, a.ID)
	}
	if want := []string{"sql-injection-code", "infra-open-security-group-sg-db"}; !slices.Equal(surfaces, want) {
		t.Errorf("surfaces %v, want %v", surfaces, want)
	}
	if want := []string{"user-data"}; !slices.Equal(assets, want) {
		t.Errorf("assets %v, want %v", assets, want)
	}
	if len(m.Threats) != 2 {
		t.Errorf("%d threats, want one per rule and surface", len(m.Threats))
	}
}

// Every sink a route reaches is on the route's row: two SQL sinks one
// handler reaches make one threat naming both, with both as evidence
// (even when the first path's steps fill the evidence), and a sink
// another route reaches stays on that route's row only.
func TestOneRowPerRouteKeepsEverySink(t *testing.T) {
	r, _ := route("GET", "/search", facts.AuthNone, nil, nil)
	other, _ := route("GET", "/other", facts.AuthNone, nil, nil)
	other.Line = 30
	step := func(file string, line int, note string) facts.Step {
		return facts.Step{File: file, Line: line, Note: note}
	}
	followed := func(route facts.Route, sink facts.Step, via ...facts.Step) facts.Weakness {
		path := append([]facts.Step{step(route.File, route.Line, "GET"), step("app/routes.py", 11, "req.query.q read")}, via...)
		return facts.Weakness{Kind: "sql-injection", Detail: "SQL built from request data", Routes: []string{route.ID}, Source: facts.SourceQuery,
			Evidence: []facts.Evidence{{File: sink.File, Line: sink.Line}}, Path: append(path, sink), Reach: facts.ReachRoute}
	}
	f := facts.Facts{Surfaces: []facts.Route{r, other}, Weaknesses: []facts.Weakness{
		followed(r, step("app/db.py", 40, "cursor.execute(a)"), step("app/a.py", 3, "passed to a(q)"), step("app/b.py", 3, "passed to b(q)"), step("app/c.py", 3, "passed to c(q)")),
		followed(r, step("app/db.py", 50, "cursor.execute(b)")),
		followed(other, step("app/db.py", 60, "cursor.execute(c)")),
	}}
	m := Draft(f, Options{})
	var rows []model.Threat
	for _, th := range m.Threats {
		if th.Rule == "sql-injection" {
			rows = append(rows, th)
		}
	}
	if len(rows) != 2 {
		t.Fatalf("%d sql-injection rows, want one per route: %+v", len(rows), rows)
	}
	search, oth := rows[0], rows[1]
	if search.Surface != "get-search" {
		search, oth = oth, search
	}
	for _, want := range []model.Evidence{{File: "app/db.py", Line: 40}, {File: "app/db.py", Line: 50}} {
		if !slices.Contains(search.Evidence, want) {
			t.Errorf("GET /search evidence %v lacks the sink %v", search.Evidence, want)
		}
	}
	if !strings.Contains(search.ImpactReason, "cursor.execute(a) at app/db.py:40") || !strings.Contains(search.ImpactReason, "also cursor.execute(b) at app/db.py:50") {
		t.Errorf("GET /search reason %q does not name both sinks", search.ImpactReason)
	}
	if slices.Contains(oth.Evidence, model.Evidence{File: "app/db.py", Line: 50}) || strings.Contains(oth.ImpactReason, "cursor.execute(b)") {
		t.Errorf("GET /other names a sink only /search reaches: %v %q", oth.Evidence, oth.ImpactReason)
	}
}

// Each check looks at the route (guards, handler, controls in its span),
// app-wide or anywhere, as its kind asks.
func TestChecksOnLiteralFacts(t *testing.T) {
	at := func(file string, line int) []facts.Evidence { return []facts.Evidence{{File: file, Line: line}} }
	for _, tc := range []struct {
		name, check string
		f           facts.Facts
		want        []model.Evidence
	}{
		{"rate limit in a guard", "rate-limit",
			scan(facts.Facts{}, rt("POST", "/login", facts.AuthNone, nil, nil, "guards:rate-limit", "rate-limit")),
			[]model.Evidence{{File: "app/routes.py", Line: 10}}},
		{"rate limit in the handler", "rate-limit",
			scan(facts.Facts{}, rt("POST", "/login", facts.AuthNone, nil, nil, "rate-limit")),
			[]model.Evidence{{File: "app/routes.py", Line: 12}}},
		{"rate limit as a control in the handler's lines", "rate-limit",
			scan(facts.Facts{Controls: []facts.Control{{Kind: "rate-limit", Evidence: at("app/routes.py", 8)}}}, rt("POST", "/login", facts.AuthNone, nil, nil)),
			[]model.Evidence{{File: "app/routes.py", Line: 8}}},
		{"rate limit app-wide", "rate-limit",
			scan(facts.Facts{Controls: []facts.Control{{Kind: "rate-limit", Scope: "app", Evidence: at("app/main.py", 3)}}}, rt("POST", "/login", facts.AuthNone, nil, nil)),
			[]model.Evidence{{File: "app/main.py", Line: 3}}},
		{"the route's own limit in a guard", "route-rate-limit",
			scan(facts.Facts{}, rt("POST", "/invite", facts.AuthNone, nil, nil, "guards:rate-limit")),
			[]model.Evidence{{File: "app/routes.py", Line: 10}}},
		{"an app-wide limit is not the route's own", "route-rate-limit",
			scan(facts.Facts{Controls: []facts.Control{{Kind: "rate-limit", Scope: "app", Evidence: at("app/main.py", 3)}}}, rt("POST", "/invite", facts.AuthNone, nil, nil)),
			nil},
		{"a local limiter elsewhere is not this route's", "rate-limit",
			scan(facts.Facts{Controls: []facts.Control{{Kind: "rate-limit", Evidence: at("app/other.py", 3)}}}, rt("POST", "/login", facts.AuthNone, nil, nil)),
			nil},
		{"ownership only in the handler", "ownership-check",
			scan(facts.Facts{}, rt("GET", "/docs/{id}", facts.AuthRequired, nil, intID, "ownership-check")),
			[]model.Evidence{{File: "app/routes.py", Line: 12}}},
		{"uuid ids from the route's parameter", "uuid-ids",
			scan(facts.Facts{}, rt("GET", "/docs/{id}", facts.AuthRequired, nil, uuidID)),
			[]model.Evidence{{File: "app/routes.py", Line: 10}}},
		{"integer ids are not opaque even with uuids elsewhere", "uuid-ids",
			scan(facts.Facts{}, rt("GET", "/docs/{id}", facts.AuthRequired, nil, intID, "opaque-keys")),
			nil},
		{"MFA named in a guard", "mfa",
			scan(facts.Facts{}, rt("GET", "/admin", facts.AuthRequired, nil, nil, "guards:mfa")),
			[]model.Evidence{{File: "app/routes.py", Line: 10}}},
		{"metrics behind basic auth", "debug-guard",
			scan(facts.Facts{}, rt("GET", "/metrics", facts.AuthUnknown, nil, nil, "basic-auth")),
			[]model.Evidence{{File: "app/routes.py", Line: 12}}},
		{"metrics behind an allow-list guard", "debug-guard",
			scan(facts.Facts{}, rt("GET", "/metrics", facts.AuthUnknown, nil, nil, "guards:ip-allowlist")),
			[]model.Evidence{{File: "app/routes.py", Line: 10}}},
		{"an allow-list elsewhere does not guard metrics", "debug-guard",
			scan(facts.Facts{Controls: []facts.Control{{Kind: "ip-allowlist", Evidence: at("app/net.py", 5)}}}, rt("GET", "/metrics", facts.AuthUnknown, nil, nil)),
			nil},
		{"an IP allowlist anywhere", "ip-allowlist",
			scan(facts.Facts{Controls: []facts.Control{{Kind: "ip-allowlist", Evidence: at("app/net.py", 5)}}}, rt("GET", "/admin", facts.AuthRequired, nil, nil)),
			[]model.Evidence{{File: "app/net.py", Line: 5}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newContext(tc.f)
			got := c.verify(tc.check, Hit{Route: &c.F.Surfaces[0]})
			if !slices.Equal(got, tc.want) {
				t.Errorf("%s = %v, want %v", tc.check, got, tc.want)
			}
		})
	}
}

// A model that keeps the app's own credentials (an OAuth client's
// secret) is drafted under credentials, and the database that holds it
// names it; a secret the code reads (no fields) folds into the one
// all-credentials asset, as before.
func TestDraftStoredCredentials(t *testing.T) {
	ev := []facts.Evidence{{File: "db/schema.sql", Line: 3}}
	f := facts.Facts{
		Assets: []facts.Asset{
			{Kind: facts.AssetCredentials, Name: "oauth_clients", Fields: []string{"secret"}, Classes: map[string]string{"secret": "auth-secret"}, Evidence: ev},
			{Kind: facts.AssetCredentials, Name: "API key (PAYMENTS_KEY)", Evidence: ev},
		},
		Credentials: []facts.Credential{{Name: "PAYMENTS_KEY", Secret: true, Evidence: ev}},
		Stores:      []facts.Store{{Kind: "postgres", Name: "PostgreSQL", Evidence: ev}},
	}
	m := Draft(f, Options{})
	var assets []string
	for _, a := range m.Assets {
		assets = append(assets, a.ID+" "+string(a.Kind))
	}
	slices.Sort(assets)
	if want := []string{"all-credentials credentials", "stored-oauth-clients credentials"}; !slices.Equal(assets, want) {
		t.Errorf("assets %v, want %v", assets, want)
	}
	stores := 0
	for _, s := range m.Surfaces {
		if s.Kind == model.KindStore {
			stores++
			if !slices.Contains(s.Assets, "stored-oauth-clients") {
				t.Errorf("store %s names %v, not the stored credentials", s.ID, s.Assets)
			}
		}
	}
	if stores != 1 {
		t.Errorf("%d store surfaces, want the database", stores)
	}
}

// servedFacts is a secret in file, and a static mount of Web/wwwroot (in
// condition, with auth) that serves its one file, css/site.css, and
// settings.json when file is in it.
func servedFacts(file, condition, auth string) facts.Facts {
	mount := facts.Route{ID: "route-mount", Method: "GET", Path: "/{filename}", File: "Web/Program.cs", Line: 5, Auth: auth,
		Condition: condition, Tags: []string{facts.TagStatic}}
	f := facts.Facts{
		Secrets:  []facts.Secret{{Rule: "generic-api-key", File: file, Line: 3, Variable: "ApiKey"}},
		Surfaces: []facts.Route{mount},
	}
	for _, served := range []string{"Web/wwwroot/css/site.css", "Web/wwwroot/settings.json"} {
		if served == "Web/wwwroot/settings.json" && file != served {
			continue
		}
		r := mount
		r.ID, r.Path, r.StaticMount, r.StaticFile = "route-"+served, "/"+strings.TrimPrefix(served, "Web/wwwroot/"), mount.ID, served
		f.StaticFiles = append(f.StaticFiles, r)
	}
	return f
}
