package threat

import (
	"fmt"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/model"
)

// Web-app weaknesses that need facts and patterns rather than a flow
// from the request: HTML put into the page in the browser, directory
// listings, a GraphQL schema open to anyone, tokens checked loosely,
// passwords kept readable.

var xssClient = weaknessRule{
	ID: "xss-client", Title: "HTML from data inserted into the page (client-side XSS)",
	Stride: []string{"T", "I", "E"}, CWE: []string{"CWE-79"},
	Fires:      "the frontend inserts non-constant HTML without a sanitiser: dangerouslySetInnerHTML, bypassSecurityTrust*, innerHTML/outerHTML, document.write, v-html, {@html}, jQuery .html() or appended markup",
	Difficulty: model.Moderate, Reason: "needs a victim to open a page that shows the attacker's data or link", Level: model.High,
	Impact: "run script in other users' sessions", Method: "storing or linking markup the page inserts as HTML",
	Abuse: "Markup an attacker controls runs as script in the victim's page: their session, data and actions are the attacker's",
	Controls: []Suggestion{
		{Text: "Insert text, or sanitise HTML with DOMPurify on the way in"},
		{Text: "Set a Content-Security-Policy that forbids inline script", Check: "csp"},
	},
	Surface: "HTML inserted in the page", Direction: model.Exit,
	Browser: true,
}.rule()

var directoryListing = weaknessRule{
	ID: "directory-listing", Title: "Directory listing served",
	Stride: []string{"I"}, CWE: []string{"CWE-548"},
	Fires:      "a static server with listing on: serve-index, @fastify/static list, SimpleHTTPRequestHandler, show_indexes, http.FileServer(http.Dir(...)), gin.Dir(..., true), Browse: true",
	Difficulty: model.Easy, Reason: "only the URL: scanners request directories by name", Level: model.Medium,
	Impact: "read files nobody linked (backups, exports, keys)", Method: "opening a directory and following its listing",
	Abuse: "A listed directory hands over every file in it, including the ones left there by mistake",
	Controls: []Suggestion{
		{Text: "Serve named files only; turn listing off (a FileSystem that refuses directories, no serve-index)"},
	},
	Surface: "Static file serving", Direction: model.Exit,
}.rule()

var graphqlExposed = weaknessRule{
	ID: "graphql-exposed", Title: "GraphQL schema open to anyone, or batched operations allowed",
	Stride: []string{"I", "D"}, CWE: []string{"CWE-200", "CWE-799"},
	Fires:      "GraphQL introspection or GraphiQL/playground turned on outside development, batching allowed, or introspection off with field suggestions left on (Apollo, graphql-yoga, express-graphql, graphene, Strawberry, gqlgen)",
	Difficulty: model.Easy, Reason: "only the endpoint: introspection and GraphiQL answer any client", Level: model.Medium,
	Impact: "map every query and mutation, then try passwords or ids in batches", Method: "asking the schema for itself and sending many operations in one request",
	Abuse: "The schema names every hidden field and admin mutation; batching turns one rate-limited request into thousands of guesses",
	Controls: []Suggestion{
		{Text: "Turn introspection, GraphiQL and field suggestions off outside development"},
		{Text: "Reject batched operations, or count each operation against the rate limit", Check: "rate-limit"},
	},
	Surface: "GraphQL server settings", Direction: model.Entry,
}.rule()

var jwtUnpinned = weaknessRule{
	ID: "jwt-algorithm-unpinned", Title: "JWT verified without pinning the algorithm",
	Stride: []string{"S"}, CWE: []string{"CWE-347", "CWE-327"},
	Fires:      "a JWT verified with no list of accepted algorithms (jwt.verify(token, key), PyJWT or python-jose decode without algorithms, golang-jwt Parse whose key function does not check the method) or with the algorithm the token's own header names",
	Difficulty: model.Moderate, Reason: "needs the public key or a library that honours the token's own algorithm", Level: model.Critical,
	Impact: "sign in as any user", Method: "forging a token with a swapped algorithm (HS256 keyed with the public key, or none)",
	Abuse: "A token signed with an algorithm the server did not mean to accept passes as any account's",
	Controls: []Suggestion{
		{Text: "Pass the accepted algorithms explicitly (algorithms: [\"RS256\"], jwt.WithValidMethods)"},
	},
	Surface: "Token verification", Direction: model.Entry,
}.rule()

var jwtNoExpiry = weaknessRule{
	ID: "jwt-no-expiry", Title: "JWT issued with no expiry",
	Stride: []string{"S"}, CWE: []string{"CWE-613"},
	Fires:      "a JWT signed with no exp claim and no expiry option (jsonwebtoken's jwt.sign without expiresIn, PyJWT's jwt.encode without exp, golang-jwt's NewWithClaims without ExpiresAt) in a file that sets none",
	Difficulty: model.Moderate, Reason: "needs one token that leaked (a log, a shared device, a script on the page)", Level: model.High,
	Impact: "act as the token's user for as long as the signing key lasts", Method: "replaying a leaked token",
	Abuse: "A token that never expires keeps working after logout or a password change: one leak is permanent access",
	Controls: []Suggestion{
		{Text: "Give every token a short expiry (expiresIn, an exp claim) and renew it with a refresh token"},
	},
	Surface: "Token issuance", Direction: model.Entry,
}.rule()

var passwordPlaintext = weaknessRule{
	ID: "password-plaintext", Title: "Password stored or compared as plain text",
	Stride: []string{"I"}, CWE: []string{"CWE-256", "CWE-257"},
	Fires:      "a password from the request stored or compared as it came, or base64-encoded, in a file with no slow hash",
	Difficulty: model.Hard, Reason: "needs a copy of the database first: a chain", Level: model.Critical,
	Impact: "read every user's password as typed", Method: "reading the users table from a leak or an injection",
	Abuse: "One leaked table hands over every password, and reused passwords open the users' other accounts",
	Controls: []Suggestion{
		{Text: "Hash passwords with bcrypt, scrypt or Argon2 before they are stored", Check: "password-hashing"},
	},
	Surface: "Password storage", Direction: model.Store,
}.rule()

// ---- CSRF -------------------------------------------------------------------

// cookieSessions are the weakness facts that show a cookie-based session
// (and the views exempted from the app's CSRF check).
func (c *Context) cookieSessions() []facts.Weakness {
	var out []facts.Weakness
	for _, w := range c.F.Weaknesses {
		if w.Kind == "csrf" && len(w.Evidence) > 0 && c.RoleOf(w.Evidence[0].File).Served() {
			out = append(out, w)
		}
	}
	return out
}

// csrfTurnedOff reports an app-wide CSRF check turned off in code that
// runs in production (WTF_CSRF_ENABLED = False outside a testing or
// development config).
func (c *Context) csrfTurnedOff() bool {
	for _, ctl := range c.ControlsOf(facts.ControlCSRFOff) {
		for _, e := range ctl.Evidence {
			if c.RoleOf(e.File).Served() {
				return true
			}
		}
	}
	return false
}

// sessionWrite is a route that changes state with whatever the browser
// sends: a write, not a webhook (the sender is a server), not a socket
// event or GraphQL operation (neither takes a cross-site form post).
func sessionWrite(r *facts.Route) bool {
	return httpRoute(r) && isWrite(r) && r.Method != "ANY" && r.Auth != facts.AuthNone &&
		!has(r.Tags, facts.TagWebhook) && !has(r.Tags, facts.TagStatic)
}

// httpRoute is an HTTP endpoint: not a GraphQL operation or socket event.
func httpRoute(r *facts.Route) bool { return r.Kind != "graphql" && r.Kind != "websocket" }

var csrf = &Rule{
	ID: "csrf", Title: "State-changing requests accepted on a cookie session without a CSRF check",
	Stride: []string{"S", "T"}, CWE: []string{"CWE-352"},
	Fires:  "a cookie-based session (express-session, cookie-session, a token read from a cookie, Flask-Login or Flask's session, Django sessions, gorilla/sessions, scs) and state-changing routes behind it, not those whose guard takes its credential from a header (an Authorization token); one row for the app, one per view exempted from the check (csrf_exempt). A bearer-token API has no cookie session and no row",
	Rating: "moderate: needs a signed-in victim to open the attacker's page; impact high: actions taken in the victim's name",
	Controls: []Suggestion{
		{Text: "Check a CSRF token on every state-changing request (csrf-csrf, lusca, Flask-WTF CSRFProtect, Django's CsrfViewMiddleware, gorilla/csrf, nosurf), or set the session cookie SameSite=Strict", Check: "csrf-protection"},
	},
	fire: func(c *Context) []Hit {
		sessions := c.cookieSessions()
		if len(sessions) == 0 {
			return nil
		}
		// A route whose handler checks the token itself (a Flask-WTF
		// form's validate_on_submit before every write) or whose guards
		// do ([ValidateAntiForgeryToken], a csrf middleware) is
		// protected, unless the app turned the check off.
		off := c.csrfTurnedOff()
		// A route whose guard takes its credential from a header (an
		// Authorization token) is not authenticated by the cookie a
		// cross-site form carries.
		writes := routes(c, func(r *facts.Route) bool {
			return sessionWrite(r) && r.Credential != facts.CredentialHeader && (off || !c.Shows(facts.SignalCSRFCheck, r) || c.Shows(facts.SignalCSRFExempt, r))
		})
		if len(writes) == 0 {
			return nil
		}
		var hits []Hit
		var ev []model.Evidence
		for _, s := range sessions {
			ev = append(ev, toModel(s.Evidence)...)
		}
		hit := func(r *facts.Route, surface *NewSurface, reason string, evidence []model.Evidence) Hit {
			return Hit{
				Route: r, New: surface, Assets: c.AllUserData(),
				Impact: "change data or settings in a signed-in user's name", Method: "a page that posts a form to the app while the victim is signed in",
				Requires:   "a signed-in victim opening the attacker's page",
				Abuse:      "Any site the victim visits submits requests the app takes as the victim's own: changed e-mail, transfers, deletions",
				Difficulty: model.Moderate, DifficultyReason: "needs a signed-in victim to open the attacker's page",
				Level: model.High, ImpactReason: reason, Evidence: evidence,
			}
		}
		for _, r := range writes {
			if c.Shows(facts.SignalCSRFExempt, r) {
				hits = append(hits, hit(r, nil, "the view is exempted from the app's CSRF check", routeEvidence(r)))
			}
		}
		for _, r := range writes {
			ev = append(ev, routeEvidence(r)...)
		}
		name := fmt.Sprintf("Cookie session (%d state-changing routes)", len(writes))
		if len(writes) == 1 {
			name = "Cookie session (1 state-changing route)"
		}
		hits = append(hits, hit(nil, &NewSurface{ID: "cookie-session", Kind: model.KindEndpoint, Direction: model.Entry, Name: name,
			Exposure: model.Public, Evidence: ev, Fact: "weakness:csrf:session"},
			"the browser sends the session cookie with requests from any site", ev))
		return hits
	},
}

var stateChangingGet = &Rule{
	ID: "state-changing-get", Title: "State changed by a GET request",
	Stride: []string{"T"}, CWE: []string{"CWE-352", "CWE-650"},
	Fires:  "a GET route whose handler creates, changes or deletes stored records (an ORM or SQL write), behind a cookie session or no auth; not one whose only write adds a constant to a counter (views = views + 1, $inc, increment)",
	Rating: "low: a link or an image tag is enough; impact medium: one change per visit, in the visitor's name",
	Controls: []Suggestion{
		{Text: "Change state only on POST, PUT, PATCH or DELETE, behind the CSRF check"},
	},
	fire: func(c *Context) []Hit {
		cookie := len(c.cookieSessions()) > 0
		var hits []Hit
		for _, r := range routes(c, func(r *facts.Route) bool {
			// A GET whose path carries a secret token the handler looks
			// up and refuses without (an e-mail link) is a link no one
			// else can write: a forged image tag lacks the token.
			return httpRoute(r) && r.Method == "GET" && c.InHandler(facts.SignalMutatesStore, r) != nil &&
				(cookie || r.Auth == facts.AuthNone) && !has(r.Tags, facts.TagWebhook) && !has(r.Tags, facts.TagAuth) &&
				c.urlTokenGate(r) == nil
		}) {
			hits = append(hits, Hit{
				Route: r, Assets: c.DataIn(r),
				Impact: "make signed-in users change or delete data without knowing", Method: "an image tag or link that points at the route",
				Requires:   "a victim loading a page or e-mail with the link",
				Abuse:      "Prefetchers, crawlers and any page the victim opens trigger the change; SameSite=Lax cookies still go with it",
				Difficulty: model.Easy, DifficultyReason: "a link or an image tag is enough; no token protects a GET",
				Level: model.Medium, ImpactReason: "each visit makes one change in the visitor's name",
				Evidence: append(routeEvidence(r), c.InHandler(facts.SignalMutatesStore, r)...),
			})
		}
		return hits
	},
}

// ---- function-level authorization -----------------------------------------

var functionLevelAuthz = &Rule{
	ID: "function-level-authz", Title: "Admin operation open to any signed-in user",
	Stride: []string{"E"}, CWE: []string{"CWE-285", "CWE-269"},
	Fires:  "in an app that keeps user accounts, a route that requires login but no role or permission test, under an admin path whose handler reaches data (grouped per prefix) or whose handler sets a role from the request or deletes an account by an id it was given; an admin guard the code defines and no route applies",
	Rating: "low: a signup and a session are all it takes; impact critical: every user and setting",
	Controls: []Suggestion{
		{Text: "Check the caller's role on every admin route and privileged operation", Check: "admin-role"},
	},
	fire: func(c *Context) []Hit {
		if c.noAccounts() {
			// No user accounts (no model is a person): whoever signs in
			// holds the one account there is, the administrator's.
			return nil
		}
		// A shared admin password or an address allow-list is a credential
		// only administrators hold: admin-exposed rates how weak it is.
		noRole := func(r *facts.Route) bool {
			return r.Auth == facts.AuthRequired && r.AuthRole == "" && !c.Shows(facts.SignalAdminRole, r) && !c.Shows(facts.SignalPermissionCheck, r) &&
				!c.Shows(facts.SignalBasicAuth, r) && !c.Shows(facts.SignalIPAllowlist, r) && c.InFile("basic-auth", r.File) == nil
		}
		var hits []Hit
		for _, rs := range groupByPrefix(routes(c, func(r *facts.Route) bool {
			// An admin page that reads and changes nothing gives a
			// signed-in user no function (see admin-exposed).
			// A page that reads only the caller's own records (their
			// dashboard, their links) is theirs, not an admin's.
			return noRole(r) && segmentIn(r.Path, adminSegments...) && reachesData(c, r) && !c.Shows(facts.SignalCallerOwn, r)
		}), adminSegments) {
			first := shortest(rs)
			var ev []model.Evidence
			for _, r := range rs {
				ev = append(ev, routeEvidence(r)...)
			}
			hits = append(hits, Hit{
				Route: first, Assets: append([]string{assetAllCredentials}, c.AllUserData()...),
				Impact: "use the admin functions under " + prefixThrough(first.Path, adminSegments), Method: "signing up and calling the admin routes", Requires: "only signup and a valid session",
				Abuse:      "The admin routes check that someone is signed in, not who: any account can use them",
				Difficulty: model.Easy, DifficultyReason: "the guard checks a session, not a role",
				Level: model.Critical, ImpactReason: "admin functions reach every user's data and the product's settings",
				Evidence: ev,
			})
		}
		if h, ok := c.unappliedAdminGuard(); ok {
			hits = append(hits, h)
		}
		for _, r := range routes(c, func(r *facts.Route) bool {
			return noRole(r) && !segmentIn(r.Path, adminSegments...) && c.InHandler(facts.SignalPrivilegedOp, r) != nil
		}) {
			hits = append(hits, Hit{
				Route: r, Assets: append([]string{assetAllCredentials}, c.AllUserData()...),
				Impact: "give themselves a role or delete other users' accounts", Method: "calling the route with a chosen role or id", Requires: "only signup and a valid session",
				Abuse:      "A privileged operation checks only that the caller is signed in",
				Difficulty: model.Easy, DifficultyReason: "the route checks a session, not a role",
				Level: model.Critical, ImpactReason: "a role change or an account deletion is an administrator's power",
				Evidence: append(routeEvidence(r), c.InHandler(facts.SignalPrivilegedOp, r)...),
			})
		}
		return hits
	},
}

var sensitiveResponse = weaknessRule{
	ID: "sensitive-response", Title: "Password hashes, tokens or secrets returned to the client",
	Stride: []string{"I"}, CWE: []string{"CWE-200", "CWE-213"},
	Fires:      "a handler that looks up a model with a password, token or secret field and sends it back whole (res.json(user), jsonify(user.__dict__), FastAPI's return user with no response_model, json.NewEncoder(w).Encode(user) on a struct whose Password JSON shows, a string or bytes, or a struct that holds one), a DRF serializer of every field of such a model, or a JSONP endpoint; not a secret a POST handler creates and shows to the caller who asked for it, on a route not open to anyone",
	Difficulty: model.Easy, Reason: "only a request to the route: the secrets are in the answer", Level: model.High,
	Impact: "collect password hashes and tokens", Method: "reading the fields the API returns with the record",
	Abuse: "Every answer carries the hash or token along: crack the hashes offline or replay the tokens",
	Controls: []Suggestion{
		{Text: "Return a response model or DTO that lists the fields the client needs; hide secret fields in the model (select: false, json:\"-\")"},
	},
	Surface: "API responses", Direction: model.Exit,
}.rule()

// unappliedAdminGuard is a hit when the code defines a guard that lets
// only administrators through and no route applies it, nor checks a role
// any other way: the routes it was written for are open to every user.
func (c *Context) unappliedAdminGuard() (Hit, bool) {
	guards := c.ControlsOf("admin-guard")
	if len(guards) == 0 {
		return Hit{}, false
	}
	for i := range c.F.Surfaces {
		r := &c.F.Surfaces[i]
		if r.AuthRole != "" || c.Shows(facts.SignalAdminRole, r) {
			return Hit{}, false
		}
		for _, g := range guards {
			for _, m := range r.Middleware {
				if m == g.Detail || strings.HasSuffix(m, "."+g.Detail) {
					return Hit{}, false
				}
			}
		}
	}
	var ev []model.Evidence
	var names []string
	for _, g := range guards {
		if !c.RoleOf(firstFile(g.Evidence)).Served() {
			continue
		}
		ev = append(ev, toModel(g.Evidence)...)
		names = appendNew(names, g.Detail)
	}
	if len(ev) == 0 {
		return Hit{}, false
	}
	return Hit{
		New: &NewSurface{ID: "admin-guard-unapplied", Kind: model.KindEndpoint, Direction: model.Entry, Exposure: model.Public,
			Name: "Admin guard never applied (" + joinMax(names, 2) + ")", Evidence: ev, Fact: "control:admin-guard:unapplied"},
		Assets: append([]string{assetAllCredentials}, c.AllUserData()...),
		Impact: "use the functions the admin guard was written for", Method: "signing up and calling them", Requires: "only signup and a valid session",
		Abuse:      "The code has an admin check, but no route uses it: whatever it was meant to protect is open to every account",
		Difficulty: model.Easy, DifficultyReason: "no route checks a role",
		Level: model.High, ImpactReason: "the routes the guard was meant for are open to every signed-in user",
		Evidence: ev,
	}, true
}

// victimCanSend reports whether a victim's browser can be made to send the
// request that carries the attacker's value (from source) to route r: a
// link or a cross-site form can send only GET and POST, and sets no
// header and no cookie of the attacker's choosing. A PUT, PATCH or DELETE
// needs script on the product's own origin (a preflight refuses it
// elsewhere): what it echoes reaches only the caller who sent it.
//
// A route signed in by a bearer token is no victim's either, but the
// scan has no fact that proves the scheme: an app without a cookie
// session found (Rails keeps its session in a cookie by default, and no
// fact says so) is not proof of a token, so the auth scheme does not
// decide here.
func (c *Context) victimCanSend(r *facts.Route, source string) bool {
	switch strings.ToUpper(r.Method) {
	case "PUT", "PATCH", "DELETE":
		return false
	}
	return source != facts.SourceHeader && source != facts.SourceCookie
}
