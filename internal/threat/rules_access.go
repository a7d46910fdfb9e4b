package threat

import (
	"cmp"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/model"
)

// Access: who can reach a route, an object, an admin or debug page, and what
// is recorded.

var uploadUnsafe = &Rule{
	ID: "upload-unsafe", Title: "Upload without server-side type check, or with predictable object keys",
	Stride: []string{"T", "I"}, CWE: []string{"CWE-434", "CWE-639"},
	Fires:  "a route that accepts files (tag upload); mitigated when its handler, or a function it calls (two deep), refuses a file whose name, extension or MIME type fails a list, pattern or lookup, re-encodes the image, or stores it under a random or hash key and never under the client's file name alone",
	Rating: "medium: needs knowledge of the key pattern; low when the route is public; impact high: other users' files",
	Controls: []Suggestion{
		{Text: "Validate MIME type and file signature server-side", Check: "upload-type-check"},
		{Text: "Use opaque object keys (UUIDv4)", Check: "opaque-keys"},
		{Text: "Store in private buckets; serve through short-lived signed URLs", Check: "signed-urls"},
	},
	fire: func(c *Context) []Hit {
		var hits []Hit
		// A GET takes no file: it renders the upload form (its middleware
		// tagged it, a CSRF token minted for the form).
		for _, r := range routes(c, func(r *facts.Route) bool {
			return has(r.Tags, facts.TagUpload) && r.Method != "GET" && r.Method != "HEAD"
		}) {
			diff, reason, needs := model.Moderate, "needs knowledge of key pattern, or low if keys use user_id/filename", "knowledge of the key pattern"
			if r.Auth != facts.AuthRequired {
				diff, reason, needs = model.Easy, "the upload route has no authentication guard", "only the URL"
			}
			hits = append(hits, Hit{
				Route: r, Assets: []string{assetUploadedFiles},
				Impact: "plant malicious files or read other users' uploads", Method: "uploading unchecked content and enumerating predictable object keys", Requires: needs,
				Abuse:      "Attacker uploads malicious files that get processed unsanitized, or enumerates other users' uploads if object keys are predictable",
				Difficulty: diff, DifficultyReason: reason,
				Level: model.High, ImpactReason: "uploaded files are user data; one bad file can reach every user who opens it",
				Evidence: routeEvidence(r), Gate: "upload-checked",
				// Every upload route lacks the same checks, and one
				// validation and key scheme answers them all: one row.
				Cause: &Cause{ID: "upload-routes", Name: "Routes that accept files", Sites: "upload routes"},
			})
		}
		return hits
	},
}

var idor = &Rule{
	ID: "idor", Title: "Object fetched by id without an ownership condition",
	Stride: []string{"I"}, CWE: []string{"CWE-639", "CWE-284"},
	Fires:  "a route with a path parameter whose value reaches a lookup in its handler, unless the record looked up is of a model no user owns in an app with a user model, or, in an app with no user model, by a key the app itself drew at random for it (a capability link: written at a store's key, or of a key type whose new values the app draws at random), or, accounts or none, by equality with a field other than its id that the app draws at random (an invite code), or the app has no login at all (every route open, none takes a credential, no record keeps a sign-in secret) and lists its records to every visitor (an open GET with no path parameter that reads a store), or the route is behind the login of an app with no user accounts (no model is a person, no code reads a signed-in user: the one login owns every object), or open to all in such an app whose login writes and where no open route keeps what a visitor sends (a single-author blog's posts), or the route adds a child (POST) to a record a GET open to all serves by the same parameter (at the record's own path too, when it changes no field of a record and deletes nothing), or the route is a GET whose record another route shows whole to callers at least as wide (a list with no condition on it, or a page open to all that serves it by a public name), or a guard or the handler demands a role or permission (mitigated when the caller's id (read off the session, a token or what a guard put on the request, never a user_id the client sends), or the caller the framework hands the handler, scopes it, or the handler checks the owner: compares it, or the path's id, with the caller and refuses when they differ), or whose handler looks up, changes or deletes a record by an id from the body or query or through a service-role client that bypasses row-level security (not a login or signup)",
	Rating: "low when ids are sequential integers; medium when they are opaque; impact high: other users' data",
	Controls: []Suggestion{
		{Text: "Enforce ownership at query time (WHERE doc.owner_id = authenticated_user_id)", Check: "ownership-check"},
		{Text: "Use UUIDs instead of sequential IDs", Check: "uuid-ids"},
		{Text: "Log and alert on authorization denials", Check: "authz-logging"},
	},
	fire: func(c *Context) []Hit {
		// Nobody signs in and the app lists its records to everyone: every
		// visitor is the same anonymous caller, and no record is another
		// user's. (Where nothing lists them, a key is all that keeps one
		// visitor's upload from the next: a file drop's rows stay.)
		if c.nobodySignsIn() && c.openListing() {
			return nil
		}
		var hits []Hit
		// One login and no accounts: whoever is past it owns every
		// object. (An open route of such an app still serves anonymous
		// visitors' objects to each other: a file drop's.)
		single := c.noAccounts()
		// And where the login writes and no route open to all keeps what
		// its caller sends, every object is the login's: an open route
		// serves what the one author published (a blog's posts, by slug,
		// category or tag). Where no write is read at all, who made the
		// objects is unknown: the rows stay.
		published := single && c.loginWrites() && !c.anonymousObjects()
		for _, r := range routes(c, func(r *facts.Route) bool {
			if single && r.Auth == facts.AuthRequired || published {
				return false
			}
			// Admin routes, and handlers or guards that demand a role or a
			// permission, reach every record by design: their row is
			// admin-exposed.
			byPath := len(r.Params) > 0 && len(ownedLookups(c, r)) > 0 && !publicRead(r) && !childOfPublic(c, r)
			// An id from the body or query: the path names nothing, the
			// handler is handed the key (a login looks up its caller).
			byRequest := len(r.Params) == 0 && (c.InHandler(facts.SignalIDFromRequest, r) != nil || c.InHandler(facts.SignalPrivilegedClient, r) != nil) &&
				!has(r.Tags, facts.TagAuth) &&
				!c.Shows(facts.SignalCreatesAccount, r) && c.Shows(facts.SignalObjectFetch, r)
			return (byPath || byRequest) && !has(r.Tags, facts.TagWebhook) && !has(r.Tags, facts.TagStatic) && !has(r.Tags, facts.TagAdmin) &&
				r.AuthRole == "" && !c.Shows(facts.SignalAdminRole, r) && !actsOnCaller(r)
		}) {
			id := facts.Param{Name: "id", In: "body", Type: facts.TypeUnknown}
			if len(r.Params) > 0 {
				id = lookedUp(r, ownedLookups(c, r))
			}
			diff, reason := model.Moderate, "needs a valid id of another user's object"
			if id.Type == facts.TypeInt {
				diff, reason = model.Easy, "sequential IDs make this trivial"
			}
			method := "changing the {" + id.Name + "} in the URL"
			ev := routeEvidence(r)
			if len(r.Params) == 0 {
				method = "changing the id in the request body or query"
				ev = append(ev, c.InHandler(facts.SignalIDFromRequest, r)...)
			}
			if pc := c.InHandler(facts.SignalPrivilegedClient, r); pc != nil {
				// Row-level security is what would have stopped it.
				method += ", through a client keyed to bypass row-level security"
				ev = append(ev, pc...)
			}
			needs := "only a valid session and the next id"
			if r.Auth != facts.AuthRequired {
				needs = "only the URL and the next id"
			}
			hits = append(hits, Hit{
				Route: r, Assets: c.DataIn(r),
				Impact: "read other users' data", Method: method, Requires: needs,
				Abuse:      "IDOR: changing the ID returns another user's data if the endpoint lacks ownership checks",
				Difficulty: diff, DifficultyReason: reason,
				Level: model.High, ImpactReason: "it leaks user data directly, one record per request",
				Evidence: ev, Gate: "ownership-check", // an owner condition answers it
				// Where it does, the owner condition is one pattern applied
				// everywhere: one row; an open route's fix is its own.
				Cause: &Cause{ID: "owner-scoped-lookups", Name: "Records looked up by id, scoped to their owner", MitigatedOnly: true,
					Open: resourceCause(r, id)},
			})
		}
		return hits
	},
}

// resourceCause is the cause the open routes of one resource share: the
// same record looked up by the same parameter (GET, PATCH and DELETE of
// /dials/{id}, /dials/{id}/edit), in one handler file, with the same
// guard, each without the owner condition. One check, written once per
// resource or in the store it calls, answers them all; routes of another
// resource, file or guard are another weakness, kept apart.
func resourceCause(r *facts.Route, id facts.Param) *Cause {
	if id.In == "body" {
		return nil
	}
	through, ok := throughParam(r.Path, id.Name)
	if !ok {
		return nil
	}
	file := cmp.Or(r.HandlerFile, r.File)
	guard := ""
	if r.Auth != facts.AuthRequired {
		guard = "-open"
	}
	return &Cause{ID: slug(through) + "-in-" + slug(strings.TrimSuffix(path.Base(file), path.Ext(file))) + guard,
		Name: "Routes that look up " + through + " by {" + id.Name + "} (" + path.Base(file) + ")"}
}

// noAccounts: the app keeps no user accounts (no-accounts: no model is a
// person, no code reads a signed-in user): no object belongs to another
// user. (A sign-in that creates a session reads as creating an account:
// not asked.)
func (c *Context) noAccounts() bool {
	for _, s := range c.F.Signals {
		if s.Kind == facts.SignalNoAccounts {
			return true
		}
	}
	return false
}

// nobodySignsIn: the app has no login at all: every route is open (none
// guarded, none of unknown guard, none demanding a role), none takes a
// credential (a sign-in, a sign-up, a password reset), no identity
// provider is called, and no record keeps a secret someone signs in with
// (a password, a token). Records of people it keeps (a clinic's pet
// owners) are data about them, not accounts.
func (c *Context) nobodySignsIn() bool {
	routes := 0
	for i := range c.F.Surfaces {
		r := &c.F.Surfaces[i]
		routes++
		if r.Auth != facts.AuthNone || r.AuthRole != "" || has(r.Tags, facts.TagAuth) || c.Shows(facts.SignalCreatesAccount, r) {
			return false
		}
	}
	for _, t := range c.F.ThirdParties {
		if t.Category == "auth" {
			return false
		}
	}
	for _, a := range c.F.Assets {
		if a.Kind == "credentials" {
			return false
		}
		for _, cl := range a.Classes {
			if cl == "auth-secret" {
				return false
			}
		}
	}
	return routes > 0
}

// openListing: a GET open to all, with no path parameter, serves
// records from a store: the app shows its records to every visitor.
func (c *Context) openListing() bool {
	for i := range c.F.Surfaces {
		r := &c.F.Surfaces[i]
		if r.Method == "GET" && len(r.Params) == 0 && r.Auth == facts.AuthNone && c.Shows(facts.SignalObjectFetch, r) {
			return true
		}
	}
	return false
}

// loginWrites: a route behind the login changes state: the one login
// is who writes the app's records.
func (c *Context) loginWrites() bool {
	for i := range c.F.Surfaces {
		r := &c.F.Surfaces[i]
		if isWrite(r) && r.Auth == facts.AuthRequired && (c.Shows(facts.SignalWritesState, r) || c.Shows(facts.SignalMutatesStore, r)) {
			return true
		}
	}
	return false
}

// anonymousObjects: a route open to all keeps what its caller sends (an
// upload, a paste, a record posted): anonymous visitors' objects, each
// another visitor's. A comment added to a published record is the
// product, public by design (publicContribution), and a sign-in, a
// sign-up or a webhook keeps no visitor's object.
func (c *Context) anonymousObjects() bool {
	for i := range c.F.Surfaces {
		r := &c.F.Surfaces[i]
		switch r.Method {
		case "POST", "PUT", "PATCH":
		default:
			continue
		}
		if r.Auth == facts.AuthRequired || has(r.Tags, facts.TagWebhook) || has(r.Tags, facts.TagAuth) ||
			c.Shows(facts.SignalCreatesAccount, r) || c.Shows(facts.SignalSessionEnd, r) || publicContribution(c, r) {
			continue
		}
		if strings.TrimSpace(r.Body) == "" || has(r.Tags, facts.TagUpload) || c.Shows(facts.SignalWritesState, r) || c.Shows(facts.SignalMutatesStore, r) {
			return true
		}
	}
	return false
}

// publicContribution: a POST that adds a child to a record its readers
// all see (a comment on a published post), in an app with no accounts
// or where a GET open to all serves that record by the same parameter.
// Adding to it is what the form is for; the record's own fields stay.
func publicContribution(c *Context, r *facts.Route) bool {
	return r.Method == "POST" && appendsChild(c, r) && (c.noAccounts() || childOfPublic(c, r))
}

// childAppend is a call that adds to a collection a record holds:
// post.Comments.Add(comment), article.comments.push(c),
// entry.replies.append(reply).
var childAppend = regexp.MustCompile(`\b([A-Za-z_]\w*)\s*\.\s*\w+\s*\.\s*(?:Add|add|append|Append|push|insert|Insert)\s*\(`)

// appendsChild: r's handler loads the record a path parameter names
// (post = blog.GetPostById(postId)) and adds to one of its collections,
// and sets none of that record's fields (post.Title = ...).
func appendsChild(c *Context, r *facts.Route) bool {
	names := c.Named(facts.SignalIDLookup, r)
	if len(names) == 0 || strings.TrimSpace(r.Body) == "" {
		return false
	}
	for _, m := range childAppend.FindAllStringSubmatch(r.Body, -1) {
		rec := regexp.QuoteMeta(m[1])
		for _, n := range names {
			loaded := regexp.MustCompile(`\b` + rec + `\s*:?=\s*[^;\n]*\b` + regexp.QuoteMeta(n) + `\b`)
			if loaded.MatchString(r.Body) && !regexp.MustCompile(`\b`+rec+`\s*\.\s*\w+\s*=[^=]`).MatchString(r.Body) {
				return true
			}
		}
	}
	return false
}

// ownedLookups are the path parameters whose value reaches a lookup,
// less those whose lookup loads only a record of a model no user owns
// (shared-record): another id there reaches no other user's data; and
// less the secret tokens the handler refuses without (token-gate): a
// capability, which nobody guesses as they would the next id.
func ownedLookups(c *Context, r *facts.Route) []string {
	shared := append(c.Named(facts.SignalSharedRecord, r), c.Named(facts.SignalTokenGate, r)...)
	// A key the app drew at random for the object, in an app with no
	// user model: the URL is the capability (capability-key).
	shared = append(shared, c.Named(facts.SignalCapability, r)...)
	// A page number (page-number): it picks a page of a list, no record.
	shared = append(shared, c.Named(facts.SignalPageNumber, r)...)
	// A record another route shows whole to the same callers
	// (listed-record): one read by id shows nothing the list does not.
	shared = append(shared, c.Named(facts.SignalListedRecord, r)...)
	// A parameter typed as a closed set of choices (a Literal, an Enum)
	// names a kind of thing, not one of them.
	for _, p := range r.Params {
		if p.Type == facts.TypeEnum {
			shared = append(shared, p.Name)
		}
	}
	var out []string
	for _, n := range c.Named(facts.SignalIDLookup, r) {
		if !has(shared, n) {
			out = append(out, n)
		}
	}
	return out
}

// lookedUp is the path parameter whose value reaches a lookup: the last
// of those named, as the innermost object is the one fetched.
func lookedUp(r *facts.Route, names []string) facts.Param {
	for i := len(r.Params) - 1; i >= 0; i-- {
		if has(names, r.Params[i].Name) {
			return r.Params[i]
		}
	}
	return r.Params[len(r.Params)-1]
}

var webhookForgery = &Rule{
	ID: "webhook-forgery", Title: "Webhook without signature verification or replay protection",
	Stride: []string{"S", "T"}, CWE: []string{"CWE-345", "CWE-294"},
	Fires:  "a webhook route (tag webhook) that demands no signed-in caller",
	Rating: "low: webhook URLs are guessable and payload formats are documented (high once signatures are verified: only replay is left; mitigated when the verifier checks a timestamp, the sender sends a shared secret compared in constant time, or the URL carries a secret token the handler refuses without); impact high for billing events",
	Controls: []Suggestion{
		{Text: "Verify webhook signatures before any side effects; reject on mismatch", Check: "webhook-signature"},
		{Text: "Use idempotency keys to prevent replay", Check: "idempotency"},
	},
	fire: func(c *Context) []Hit {
		var hits []Hit
		// A route whose guard demands a signed-in caller or a credential
		// is no receiver a sender posts to blind: the app's own webhook
		// settings (POST /workspaces/{slug}/webhooks) are behind the login.
		for _, r := range routes(c, func(r *facts.Route) bool { return has(r.Tags, facts.TagWebhook) && r.Auth != facts.AuthRequired }) {
			provider := c.webhookProvider(r)
			who := "the sender"
			if provider != "" {
				who = titleCase(provider)
			}
			assets := []string{assetBillingState}
			level := model.High
			impact := "grant themselves paid access or credits without paying"
			if !has(r.Tags, facts.TagPayment) && provider != "stripe" && provider != "paddle" && provider != "lemonsqueezy" && provider != "paypal" {
				assets = c.DataIn(r)
				level = model.Medium
				impact = "make the product act on events that never happened"
			}
			diff, reason, needs := model.Easy, "endpoint URL is guessable, payload format is documented by "+who, "only the guessable endpoint URL"
			gate := ""
			if checks["webhook-signature"](c, Hit{Route: r}) != nil {
				// With the signature checked, what is left is replaying a
				// real event someone captured: no bot does that blind.
				diff, reason, needs = model.Hard, "signatures are verified: forging needs the signing secret, replay needs a captured event", "a captured, validly signed event"
				if c.Shows(facts.SignalReplayBound, r) || c.urlTokenGate(r) != nil {
					// A timestamp the verifier checks, or a shared secret
					// compared as it is: replay needs the secret too, so
					// the sender's check answers the threat.
					gate = "webhook-signature"
				}
			}
			hits = append(hits, Hit{
				Route: r, Assets: assets,
				Impact: impact, Method: "posting a forged or replayed event", Requires: needs,
				Abuse:      "Forged webhook grants premium access or credits without payment if signature verification is missing",
				Difficulty: diff, DifficultyReason: reason,
				Level: level, ImpactReason: "the handler changes state on the sender's word",
				Evidence: routeEvidence(r), Gate: gate,
			})
		}
		return hits
	},
}

var adminExposed = &Rule{
	ID: "admin-exposed", Title: "Admin panel reachable from the internet without strong auth",
	Stride: []string{"I", "E"}, CWE: []string{"CWE-306", "CWE-1390"},
	Fires:  "routes under an admin, internal, management, superuser, backoffice or staff path, grouped per prefix: unguarded, or behind a login and reaching data (a handler that loads, changes or names a record); not a page that reads only the caller's own records or checks the caller owns the record it loads",
	Rating: "low with no auth; medium behind basic auth or one shared password; impact critical: every user and secret",
	Controls: []Suggestion{
		{Text: "Do not expose admin to the public internet; bind to internal network or VPN", Check: "ip-allowlist"},
		{Text: "Require MFA", Check: "mfa"},
		{Text: "If it must be public, strong auth plus IP allowlisting", Check: "admin-role"},
	},
	fire: func(c *Context) []Hit {
		var hits []Hit
		// A handler that answers only callers on its own host or an
		// allow-listed address is no panel on the internet: only a fetch
		// the server makes for a caller (an SSRF) reaches it.
		ssrfFound := false
		for _, w := range c.F.Weaknesses {
			ssrfFound = ssrfFound || w.Kind == "ssrf"
		}
		// A page named admin that reads and changes nothing (a static
		// "access granted" page, a template the browser fills from the
		// API) opens nothing, guarded or not: the admin actions are the
		// routes that reach data, each drafted on its own. Only a route
		// that reaches data (or whose handler was not read) is the panel
		// this rule is about.
		for _, rs := range groupByPrefix(routes(c, func(r *facts.Route) bool {
			// A page that reads only the caller's own records is the
			// user's, not the admin panel (caller-own), and so is one
			// whose handler checks the caller owns the record it loads:
			// an admin path prefix alone is no admin function.
			return segmentIn(r.Path, adminSegments...) && reachesData(c, r) && !signIn(r) && !c.Shows(facts.SignalCallerOwn, r) &&
				c.InHandler(facts.SignalOwnership, r) == nil && (ssrfFound || !c.Shows(facts.SignalIPAllowlist, r))
		}), adminSegments) {
			first := shortest(rs)
			prefix := prefixThrough(first.Path, adminSegments)
			diff, reason, needs := model.Easy, "no authentication on a well-known path", "only the well-known URL"
			internal := true
			for _, r := range rs {
				internal = internal && c.Shows(facts.SignalIPAllowlist, r)
			}
			weak := false
			for _, ctl := range c.ControlsOf("basic-auth") {
				for _, r := range rs {
					if len(ctl.Evidence) > 0 && ctl.Evidence[0].File == r.File {
						weak = true
					}
				}
			}
			for _, r := range rs {
				if c.Shows(facts.SignalBasicAuth, r) {
					weak = true
				}
			}
			switch {
			case internal:
				diff, reason, needs = model.Moderate, "answers only callers on its own host or allow-listed addresses; the server's fetch of a caller's URL reaches it", "a URL the server fetches for the attacker (SSRF)"
			case weak:
				diff, reason, needs = model.Moderate, "behind basic auth with a weak password", "guessing one shared password"
			case first.Auth == facts.AuthRequired:
				diff, reason, needs = model.Moderate, "behind the app's login; one phished or reused admin password opens it", "a stolen admin password"
			}
			var ev []model.Evidence
			for _, r := range rs {
				ev = append(ev, routeEvidence(r)...)
			}
			name := prefix
			if len(rs) > 1 {
				name = fmt.Sprintf("%s (%d routes)", prefix, len(rs))
			}
			hits = append(hits, Hit{
				Route: first, Assets: append([]string{assetAllCredentials}, c.AllUserData()...),
				Impact: "read, change or delete every account under " + name, Method: "opening the admin routes", Requires: needs,
				Abuse:      "Full access to user data, configuration, and potentially secrets if admin panel is exposed without auth or uses weak credentials",
				Difficulty: diff, DifficultyReason: reason,
				Level: model.Critical, ImpactReason: "admin reaches every user's data and the product's configuration",
				Evidence: ev,
			})
		}
		return hits
	},
}

// signIn says a route is where a caller signs in (/admin/login,
// /admin/sessions/sign-in): open to anyone by design, it is the way to
// the panel, not the panel; guessing its password is credential-stuffing's
// row.
func signIn(r *facts.Route) bool {
	if r.Auth != facts.AuthNone || !has(r.Tags, facts.TagAuth) {
		return false
	}
	segs := strings.Split(strings.Trim(strings.ToLower(r.Path), "/"), "/")
	return slices.Contains([]string{"login", "signin", "sign-in", "sign_in", "log-in", "logon"}, segs[len(segs)-1])
}

// reachesData says a route's handler loads, changes or names a record,
// calls anything besides answering (a service a record may lie behind),
// or was not read (an unread handler may do anything).
func reachesData(c *Context, r *facts.Route) bool {
	return strings.TrimSpace(r.Body) == "" || c.Shows(facts.SignalObjectFetch, r) || c.Shows(facts.SignalWritesState, r) ||
		c.Shows(facts.SignalMutatesStore, r) || c.Shows(facts.SignalIDLookup, r) || len(c.Named(facts.SignalNamesModel, r)) > 0 ||
		!onlyAnswers(r.Body)
}

// calledName is a call's callee, the last name before the parenthesis.
var calledName = regexp.MustCompile(`([A-Za-z_$][\w$]*)\s*\(`)

// answering names what a handler calls to answer, and the function
// keywords a handler's own text is written with.
var answering = map[string]bool{
	"render": true, "send": true, "json": true, "status": true, "end": true, "sendStatus": true, "redirect": true,
	"render_template": true, "HttpResponse": true, "JSONResponse": true, "jsonify": true,
	"function": true, "async": true, "if": true, "return": true, "get": true, "post": true, "next": true,
}

// onlyAnswers says a handler calls nothing but what answers the request:
// res.render('admin', { title: ... }) shows a fixed page.
func onlyAnswers(body string) bool {
	for _, m := range calledName.FindAllStringSubmatchIndex(body, -1) {
		name := body[m[2]:m[3]]
		if answering[name] || definedAt(body, m[2]) {
			continue
		}
		return false
	}
	return true
}

// definedAt says the name at i is the one a definition gives (def
// admin_page(), function adminPage()), not a call.
func definedAt(body string, i int) bool {
	before := strings.TrimRight(body[:i], " \t")
	for _, kw := range []string{"def", "function", "func"} {
		if rest, ok := strings.CutSuffix(before, kw); ok && (rest == "" || !isWordByte(rest[len(rest)-1])) {
			return true
		}
	}
	return false
}

func isWordByte(b byte) bool {
	return b == '_' || b == '$' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

var debugEndpoint = &Rule{
	ID: "debug-endpoint", Title: "Debug, metrics or profiling endpoint reachable without auth",
	Stride: []string{"I"}, CWE: []string{"CWE-215", "CWE-489"},
	Fires:  "routes under debug, metrics, actuator or pprof paths (and Spring Cloud's Eureka registry, Hystrix stream proxy and Turbine stream) without an auth guard, unless the handler writes only literals and strings the build sets (a commit or version from a linker flag)",
	Rating: "low: scanners probe these paths on every host; impact medium to high: internals, memory, config",
	Controls: []Suggestion{
		{Text: "Serve debug and metrics on an internal port, or behind an IP allow-list or basic auth", Check: "debug-guard"},
	},
	fire: func(c *Context) []Hit {
		var hits []Hit
		// One row per debug prefix: /debug/pprof and its five pages are
		// one exposure with one fix.
		for _, rs := range groupByPrefix(routes(c, func(r *facts.Route) bool {
			// A handler that writes only what the build set (a commit, a
			// version) exposes no internals.
			return r.Auth != facts.AuthRequired && segmentIn(r.Path, debugSegments...) && !c.Shows(facts.SignalBuildInfoOnly, r)
		}), debugSegments) {
			first := shortest(rs)
			level := model.Medium
			var ev []model.Evidence
			for _, r := range rs {
				if segmentIn(r.Path, "pprof", "heapdump", "env", "actuator") {
					level = model.High
				}
				ev = append(ev, routeEvidence(r)...)
			}
			hits = append(hits, Hit{
				Route: first, Assets: []string{assetAllCredentials},
				Impact: "read the service's internals, configuration or memory", Method: "requesting a well-known debug path", Requires: "only the well-known URL",
				Abuse:      "Scanners find debug and metrics endpoints by name and read internals, configuration or secrets",
				Difficulty: model.Easy, DifficultyReason: "a well-known path with no authentication",
				Level: level, ImpactReason: "debug output often holds configuration, tokens or memory",
				Evidence: ev,
			})
		}
		return hits
	},
}

// authLibraryHandler reports a route an authentication library serves
// whole: Auth.js/next-auth's catch-all, whose parameter the library reads
// by the name it requires ([...nextauth]), or a handler built by the
// library's own call (NextAuth(...), better-auth's toNextJsHandler(auth)).
// Sign-in, callbacks, sign-out and CSRF are its endpoints, public by
// design, each checked by the library.
func authLibraryHandler(r *facts.Route) bool {
	if r.Framework == "nextjs" {
		for _, p := range r.Params {
			if p.In == "path" && p.Name == "nextauth" {
				return true
			}
		}
	}
	return authLibraryCall.MatchString(r.Body)
}

var authLibraryCall = regexp.MustCompile(`\b(?:NextAuth|toNextJsHandler|toNodeHandler)\s*\(`)

var unauthenticatedWrite = &Rule{
	ID: "unauthenticated-write", Title: "State-changing route without authentication",
	Stride: []string{"S", "E"}, CWE: []string{"CWE-306", "CWE-862"},
	Fires:  "a POST, PUT, PATCH or DELETE route the scan knows has no auth (not webhooks, login or signup (a handler, or the one function it calls, creating a user and hashing a password), a logout, a route a token from the request opens, or a POST that adds a child to a record all may read, changing none of its fields: a comment on a published post, or a handler whose every write sits under a test that the caller is signed in or holds a permission)",
	Rating: "low: anyone who finds the URL can call it; impact high for deletes, medium otherwise",
	Controls: []Suggestion{
		{Text: "Require authentication on every state-changing route by default"},
	},
	fire: func(c *Context) []Hit {
		var hits []Hit
		for _, r := range routes(c, func(r *facts.Route) bool {
			return isWrite(r) && r.Method != "ANY" && r.Auth == facts.AuthNone &&
				!has(r.Tags, facts.TagWebhook) && !has(r.Tags, facts.TagAuth) && !has(r.Tags, facts.TagAdmin) && !has(r.Tags, facts.TagLLM) && !has(r.Tags, facts.TagUpload) &&
				!c.Shows(facts.SignalCreatesAccount, r) && (r.Body == "" || c.Shows(facts.SignalWritesState, r)) &&
				// Ending the caller's own session, or a write the request's
				// secret token opens (a refresh, reset or e-mail token), is
				// public by design: the token is the authentication.
				!c.Shows(facts.SignalSessionEnd, r) && !c.Shows(facts.SignalTokenGate, r) &&
				// An auth library's own handler signs callers in: public by
				// design, its checks are the library's.
				!authLibraryHandler(r) &&
				// A write only to the caller's own cookies (a theme or
				// locale a server action sets) changes nothing anyone else
				// sees.
				!c.Shows(facts.SignalCookieOnly, r) &&
				// Every write under a test that the caller is signed in or
				// holds a permission: the test is the authentication.
				!c.Shows(facts.SignalCallerGatedWrite, r) &&
				// A comment added to a published post: the form is the
				// product, open to all by design.
				!publicContribution(c, r)
		}) {
			level := model.Medium
			if r.Method == "DELETE" || has(r.Tags, facts.TagDestructive) {
				level = model.High
			}
			hits = append(hits, Hit{
				Route: r, Assets: c.DataIn(r),
				Impact: "change or delete data as nobody in particular", Method: "calling it directly", Requires: "only the URL",
				Abuse:      "Anyone who finds the route changes data without an account",
				Difficulty: model.Easy, DifficultyReason: "the route has no authentication",
				Level: level, ImpactReason: "writes happen without knowing who made them",
				Evidence: routeEvidence(r),
				// Authentication by default is the one fix.
				Cause: &Cause{ID: "unauthenticated-writes", Name: "State-changing routes without authentication"},
			})
		}
		return hits
	},
}

var noAuditLog = &Rule{
	ID: "no-audit-log", Title: "Destructive or admin action without an audit log",
	Stride: []string{"R"}, CWE: []string{"CWE-778"},
	Fires:  "a DELETE or destructive admin route whose handler records nothing",
	Rating: "medium: needs access to the action; impact medium: no one can tell who did it",
	Controls: []Suggestion{
		{Text: "Write an audit log entry (who, what, when) for every destructive action", Check: "audit-log"},
	},
	fire: func(c *Context) []Hit {
		var hits []Hit
		for _, r := range routes(c, func(r *facts.Route) bool {
			// Un-following or un-liking acts on the caller's own state,
			// and so does a logout, or a handler whose only write is the
			// caller's own cookie: no record is deleted, nothing to audit.
			return (r.Method == "DELETE" || (has(r.Tags, facts.TagDestructive) && has(r.Tags, facts.TagAdmin) && isWrite(r))) && !actsOnCaller(r) && !refusesMethod(r) &&
				!c.Shows(facts.SignalSessionEnd, r) && !c.Shows(facts.SignalCookieOnly, r)
		}) {
			diff, reason := model.Moderate, "needs an account allowed to perform the action"
			if r.Auth != facts.AuthRequired {
				diff, reason = model.Easy, "the action has no authentication guard"
			}
			hits = append(hits, Hit{
				Route: r, Assets: c.DataIn(r),
				Impact: "delete data and leave no trace of who did it", Method: "calling the action", Requires: "access to the action",
				Abuse:      "An admin or attacker deletes user data and nothing records who did it",
				Difficulty: diff, DifficultyReason: reason,
				Level: model.Medium, ImpactReason: "without a record, an incident cannot be traced or disputed",
				Evidence: routeEvidence(r),
				Cause:    &Cause{ID: "unaudited-deletes", Name: "Destructive actions without an audit log"},
			})
		}
		return hits
	},
}

var (
	// fieldWrite sets a field of a record: post.body = ..., doc["title"] = ...
	fieldWrite = regexp.MustCompile(`(?m)\b[A-Za-z_$][\w$]*(?:(?:\.|->)[A-Za-z_$][\w$]*|\[[^\]\n]+\])+\s*(?:\+|-)?=[^=]`)
	// recordChange deletes or changes records in place.
	recordChange = regexp.MustCompile(`(?i)\b(?:delete|destroy|remove|update|upsert|patch)\w*\s*\(`)
)

// childOfPublic reports whether r creates a child of a record every
// caller may read by design (POST /articles/{slug}/comments where GET
// /articles/{slug}, open to all, serves the same record by the same
// parameter): another key there names a record its caller could read
// anyway, and adding to it is what the action is for.
func childOfPublic(c *Context, r *facts.Route) bool {
	if r.Method != "POST" {
		return false
	}
	names := ownedLookups(c, r)
	if len(names) != 1 {
		return false
	}
	parent, ok := throughParam(r.Path, names[0])
	// A POST to the record's own path (POST /post/{id} adding a
	// comment) is a child's creation only when it changes no field of a
	// record and deletes nothing.
	if !ok || parent == r.Path && (strings.TrimSpace(r.Body) == "" || fieldWrite.MatchString(r.Body) || recordChange.MatchString(r.Body)) {
		return false
	}
	for i := range c.F.Surfaces {
		g := &c.F.Surfaces[i]
		if g.Method != "GET" || g.Auth == facts.AuthRequired || !samePathShape(g.Path, parent) {
			continue
		}
		// The read serves the record it looks up by that parameter, with
		// no guard demanding a role, and is itself a public read (a GET
		// that drafts its own IDOR row reads what it should not).
		if len(g.Params) > 0 && len(c.Named(facts.SignalIDLookup, g)) > 0 && g.AuthRole == "" && (publicRead(g) || len(c.Named(facts.SignalListedRecord, g)) > 0) {
			return true
		}
	}
	return false
}

// throughParam is path up to and including the segment {name}.
func throughParam(p, name string) (string, bool) {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		if s == "{"+name+"}" {
			return strings.Join(segs[:i+1], "/"), true
		}
	}
	return "", false
}

// samePathShape compares two paths with every {param} the same.
func samePathShape(a, b string) bool {
	norm := func(p string) string {
		segs := strings.Split(strings.TrimSuffix(p, "/"), "/")
		for i, s := range segs {
			if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") {
				segs[i] = "{}"
			}
		}
		return strings.Join(segs, "/")
	}
	return norm(a) == norm(b)
}
