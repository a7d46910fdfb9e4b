package threat

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/model"
)

// Rule is one entry of the catalogue: which surfaces it fires on, the
// STRIDE questions it answers, how it rates difficulty and impact, and the
// controls it suggests, each with the evidence check that verifies it.
type Rule struct {
	ID     string
	Title  string
	Stride []string
	CWE    []string
	// Fires says, in words, the facts the rule needs.
	Fires string
	// Rating says, in words, how difficulty and impact are estimated.
	Rating   string
	Controls []Suggestion
	fire     func(c *Context) []Hit
}

// Suggestion is a control a rule suggests; Check names the evidence check
// that finds it in code ("" when no check can: a policy, a process).
type Suggestion struct {
	Text  string `json:"text"`
	Check string `json:"check,omitempty"`
}

// Rules is the catalogue, in one list. Order does not matter for the
// output (threats are ranked), only for `threatmap rules`.
func Rules() []*Rule { return catalogue }

// RuleByID finds a rule.
func RuleByID(id string) *Rule {
	for _, r := range catalogue {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// ---- route helpers ----------------------------------------------------------

func routes(c *Context, keep func(r *facts.Route) bool) []*facts.Route {
	var out []*facts.Route
	for i := range c.F.Surfaces {
		if r := &c.F.Surfaces[i]; keep(r) {
			out = append(out, r)
		}
	}
	return out
}

func isWrite(r *facts.Route) bool {
	switch r.Method {
	case "POST", "PUT", "PATCH", "DELETE", "ANY":
		return true
	}
	return false
}

func routeEvidence(r *facts.Route) []model.Evidence {
	return []model.Evidence{{File: r.File, Line: r.Line}}
}

// reach is how a zero-knowledge bot gets to a route: the difficulty and
// what it needs, in the source's words.
func reach(r *facts.Route) (model.Difficulty, string) {
	switch r.Auth {
	case facts.AuthRequired:
		return model.Easy, "only signup and a valid session"
	case facts.AuthNone:
		return model.Easy, "only the URL: the route has no authentication"
	}
	return model.Easy, "only the URL: no authentication guard was found on the route"
}

func segmentIn(p string, words ...string) bool {
	for _, s := range strings.Split(strings.ToLower(p), "/") {
		for _, w := range words {
			if s == w || strings.HasPrefix(s, w+"-") || strings.HasPrefix(s, w+"_") || strings.HasPrefix(s, "_"+w) {
				return true
			}
		}
	}
	return false
}

// ---- the catalogue ----------------------------------------------------------

var catalogue = []*Rule{
	{
		ID: "credit-drain", Title: "Token-consuming route without a rate limit or budget",
		Stride: []string{"D"}, CWE: []string{"CWE-770", "CWE-799"},
		Fires:  "a route whose handler calls an LLM (tag llm)",
		Rating: "low: a bot needs at most a free account; impact high: every call spends money",
		Controls: []Suggestion{
			{"Per-account and per-IP rate limiting on token-consuming routes", "rate-limit"},
			{"Budget alerts with automatic throttling", "budget"},
			{"Require email verification before granting API access", "email-verification"},
		},
		fire: func(c *Context) []Hit {
			var hits []Hit
			for _, r := range routes(c, func(r *facts.Route) bool { return has(r.Tags, facts.TagLLM) }) {
				assets, names := c.CreditsFor(r)
				diff, needs := reach(r)
				hits = append(hits, Hit{
					Surface: c.RouteSurface(*r), Route: r, Assets: assets,
					Impact: "drain " + names + " credits", Method: "calling it at high volume from free-tier accounts", Requires: needs,
					Abuse:      "Attacker calls it at high volume from free-tier accounts, draining your " + names + " budget",
					Difficulty: diff, DifficultyReason: "requires " + needs,
					Level: model.High, ImpactReason: "every call is billed to you; a script spends a month's budget in hours",
					Evidence: routeEvidence(r),
				})
			}
			return hits
		},
	},
	{
		ID: "message-pumping", Title: "Route that sends e-mail or SMS without a rate limit",
		Stride: []string{"S", "D"}, CWE: []string{"CWE-770"},
		Fires:  "a route whose handler sends e-mail or SMS through a provider",
		Rating: "low when the route is public; medium behind login; impact medium: cost and your sender reputation",
		Controls: []Suggestion{
			{"Rate limit per account, per IP and per recipient", "rate-limit"},
			{"CAPTCHA or proof of work on public forms that send mail", "captcha"},
		},
		fire: func(c *Context) []Hit {
			var hits []Hit
			for _, r := range routes(c, func(r *facts.Route) bool { return isWrite(r) && c.Shows(facts.SignalSendsMessage, r) }) {
				diff, needs := reach(r)
				if r.Auth == facts.AuthRequired {
					diff = model.Moderate
				}
				hits = append(hits, Hit{
					Surface: c.RouteSurface(*r), Route: r, Assets: []string{c.OutgoingEmail()},
					Impact: "send spam or SMS in your name and run up the bill", Method: "calling it in a loop with victims' addresses", Requires: needs,
					Abuse:      "Attacker triggers mail or SMS in bulk: provider costs, blocked sender, phishing from your domain",
					Difficulty: diff, DifficultyReason: "requires " + needs,
					Level: model.Medium, ImpactReason: "messages cost money and burn the sending domain's reputation",
					Evidence: routeEvidence(r),
				})
			}
			return hits
		},
	},
	{
		ID: "upload-unsafe", Title: "Upload without server-side type check, or with predictable object keys",
		Stride: []string{"T", "I"}, CWE: []string{"CWE-434", "CWE-639"},
		Fires:  "a route that accepts files (tag upload)",
		Rating: "medium: needs knowledge of the key pattern; low when the route is public; impact high: other users' files",
		Controls: []Suggestion{
			{"Validate MIME type and file signature server-side", "upload-type-check"},
			{"Use opaque object keys (UUIDv4)", "opaque-keys"},
			{"Store in private buckets; serve through short-lived signed URLs", "signed-urls"},
		},
		fire: func(c *Context) []Hit {
			var hits []Hit
			for _, r := range routes(c, func(r *facts.Route) bool { return has(r.Tags, facts.TagUpload) }) {
				diff, reason, needs := model.Moderate, "needs knowledge of key pattern, or low if keys use user_id/filename", "knowledge of the key pattern"
				if r.Auth != facts.AuthRequired {
					diff, reason, needs = model.Easy, "the upload route has no authentication guard", "only the URL"
				}
				hits = append(hits, Hit{
					Surface: c.RouteSurface(*r), Route: r, Assets: []string{c.UploadedFiles()},
					Impact: "plant malicious files or read other users' uploads", Method: "uploading unchecked content and enumerating predictable object keys", Requires: needs,
					Abuse:      "Attacker uploads malicious files that get processed unsanitized, or enumerates other users' uploads if object keys are predictable",
					Difficulty: diff, DifficultyReason: reason,
					Level: model.High, ImpactReason: "uploaded files are user data; one bad file can reach every user who opens it",
					Evidence: routeEvidence(r),
				})
			}
			return hits
		},
	},
	{
		ID: "idor", Title: "Object fetched by id without an ownership condition",
		Stride: []string{"I"}, CWE: []string{"CWE-639", "CWE-284"},
		Fires:  "a route with an id in its path whose handler loads an object",
		Rating: "low when ids are sequential integers; medium when they are opaque; impact high: other users' data",
		Controls: []Suggestion{
			{"Enforce ownership at query time (WHERE doc.owner_id = authenticated_user_id)", "ownership-check"},
			{"Use UUIDs instead of sequential IDs", "uuid-ids"},
			{"Log and alert on authorization denials", "authz-logging"},
		},
		fire: func(c *Context) []Hit {
			var hits []Hit
			for _, r := range routes(c, func(r *facts.Route) bool {
				// Admin routes reach every record by design: their row is admin-exposed.
				return len(r.Params) > 0 && !has(r.Tags, facts.TagWebhook) && !has(r.Tags, facts.TagStatic) && !has(r.Tags, facts.TagAdmin) &&
					c.Shows(facts.SignalObjectFetch, r) && !actsOnCaller(r) && !publicRead(r)
			}) {
				id := r.Params[len(r.Params)-1]
				diff, reason := model.Moderate, "needs a valid id of another user's object"
				if id.Type == facts.TypeInt {
					diff, reason = model.Easy, "sequential IDs make this trivial"
				}
				needs := "only a valid session and the next id"
				if r.Auth != facts.AuthRequired {
					needs = "only the URL and the next id"
				}
				hits = append(hits, Hit{
					Surface: c.RouteSurface(*r), Route: r, Assets: c.DataIn(r),
					Impact: "read other users' data", Method: "changing the {" + id.Name + "} in the URL", Requires: needs,
					Abuse:      "IDOR: changing the ID returns another user's data if the endpoint lacks ownership checks",
					Difficulty: diff, DifficultyReason: reason,
					Level: model.High, ImpactReason: "it leaks user data directly, one record per request",
					Evidence: routeEvidence(r),
				})
			}
			return hits
		},
	},
	{
		ID: "webhook-forgery", Title: "Webhook without signature verification or replay protection",
		Stride: []string{"S", "T"}, CWE: []string{"CWE-345", "CWE-294"},
		Fires:  "a webhook route (tag webhook)",
		Rating: "low: webhook URLs are guessable and payload formats are documented (high once signatures are verified: only replay is left); impact high for billing events",
		Controls: []Suggestion{
			{"Verify webhook signatures before any side effects; reject on mismatch", "webhook-signature"},
			{"Use idempotency keys to prevent replay", "idempotency"},
		},
		fire: func(c *Context) []Hit {
			var hits []Hit
			for _, r := range routes(c, func(r *facts.Route) bool { return has(r.Tags, facts.TagWebhook) }) {
				provider := c.webhookProvider(r)
				who := "the sender"
				if provider != "" {
					who = titleCase(provider)
				}
				assets := []string{c.BillingState()}
				level := model.High
				impact := "grant themselves paid access or credits without paying"
				if !has(r.Tags, facts.TagPayment) && provider != "stripe" && provider != "paddle" && provider != "lemonsqueezy" && provider != "paypal" {
					assets = c.DataIn(r)
					level = model.Medium
					impact = "make the product act on events that never happened"
				}
				diff, reason, needs := model.Easy, "endpoint URL is guessable, payload format is documented by "+who, "only the guessable endpoint URL"
				if checks["webhook-signature"](c, Hit{Route: r}) != nil {
					// With the signature checked, what is left is replaying a
					// real event someone captured: no bot does that blind.
					diff, reason, needs = model.Hard, "signatures are verified: forging needs the signing secret, replay needs a captured event", "a captured, validly signed event"
				}
				hits = append(hits, Hit{
					Surface: c.RouteSurface(*r), Route: r, Assets: assets,
					Impact: impact, Method: "posting a forged or replayed event", Requires: needs,
					Abuse:      "Forged webhook grants premium access or credits without payment if signature verification is missing",
					Difficulty: diff, DifficultyReason: reason,
					Level: level, ImpactReason: "the handler changes state on the sender's word",
					Evidence: routeEvidence(r),
				})
			}
			return hits
		},
	},
	{
		ID: "admin-exposed", Title: "Admin panel reachable from the internet without strong auth",
		Stride: []string{"I", "E"}, CWE: []string{"CWE-306", "CWE-1390"},
		Fires:  "routes under an admin, internal, management, superuser, backoffice or staff path, grouped per prefix",
		Rating: "low with no auth; medium behind basic auth or one shared password; impact critical: every user and secret",
		Controls: []Suggestion{
			{"Do not expose admin to the public internet; bind to internal network or VPN", "ip-allowlist"},
			{"Require MFA", "mfa"},
			{"If it must be public, strong auth plus IP allowlisting", "admin-role"},
		},
		fire: func(c *Context) []Hit {
			var hits []Hit
			for _, rs := range groupByPrefix(routes(c, func(r *facts.Route) bool { return segmentIn(r.Path, adminSegments...) }), adminSegments) {
				first := shortest(rs)
				prefix := prefixThrough(first.Path, adminSegments)
				diff, reason, needs := model.Easy, "no authentication on a well-known path", "only the well-known URL"
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
					Surface: c.RouteSurface(*first), Route: first, Assets: append([]string{c.AllCredentials()}, c.AllUserData()...),
					Impact: "read, change or delete every account under " + name, Method: "opening the admin routes", Requires: needs,
					Abuse:      "Full access to user data, configuration, and potentially secrets if admin panel is exposed without auth or uses weak credentials",
					Difficulty: diff, DifficultyReason: reason,
					Level: model.Critical, ImpactReason: "admin reaches every user's data and the product's configuration",
					Evidence: ev,
				})
			}
			return hits
		},
	},
	{
		ID: "debug-endpoint", Title: "Debug, metrics or profiling endpoint reachable without auth",
		Stride: []string{"I"}, CWE: []string{"CWE-215", "CWE-489"},
		Fires:  "routes under debug, metrics, actuator or pprof paths without an auth guard",
		Rating: "low: scanners probe these paths on every host; impact medium to high: internals, memory, config",
		Controls: []Suggestion{
			{"Serve debug and metrics on an internal port or behind auth", "ip-allowlist"},
		},
		fire: func(c *Context) []Hit {
			var hits []Hit
			// One row per debug prefix: /debug/pprof and its five pages are
			// one exposure with one fix.
			for _, rs := range groupByPrefix(routes(c, func(r *facts.Route) bool {
				return r.Auth != facts.AuthRequired && segmentIn(r.Path, debugSegments...)
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
					Surface: c.RouteSurface(*first), Route: first, Assets: []string{c.AllCredentials()},
					Impact: "read the service's internals, configuration or memory", Method: "requesting a well-known debug path", Requires: "only the well-known URL",
					Abuse:      "Scanners find debug and metrics endpoints by name and read internals, configuration or secrets",
					Difficulty: model.Easy, DifficultyReason: "a well-known path with no authentication",
					Level: level, ImpactReason: "debug output often holds configuration, tokens or memory",
					Evidence: ev,
				})
			}
			return hits
		},
	},
	{
		ID: "unauthenticated-write", Title: "State-changing route without authentication",
		Stride: []string{"S", "E"}, CWE: []string{"CWE-306", "CWE-862"},
		Fires:  "a POST, PUT, PATCH or DELETE route the scan knows has no auth (not webhooks, login or signup)",
		Rating: "low: anyone who finds the URL can call it; impact high for deletes, medium otherwise",
		Controls: []Suggestion{
			{"Require authentication on every state-changing route by default", ""},
		},
		fire: func(c *Context) []Hit {
			var hits []Hit
			for _, r := range routes(c, func(r *facts.Route) bool {
				return isWrite(r) && r.Method != "ANY" && r.Auth == facts.AuthNone &&
					!has(r.Tags, facts.TagWebhook) && !has(r.Tags, facts.TagAuth) && !has(r.Tags, facts.TagAdmin) && !has(r.Tags, facts.TagLLM) && !has(r.Tags, facts.TagUpload) &&
					!c.Shows(facts.SignalCreatesAccount, r) && (r.Body == "" || c.Shows(facts.SignalWritesState, r))
			}) {
				level := model.Medium
				if r.Method == "DELETE" || has(r.Tags, facts.TagDestructive) {
					level = model.High
				}
				hits = append(hits, Hit{
					Surface: c.RouteSurface(*r), Route: r, Assets: c.DataIn(r),
					Impact: "change or delete data as nobody in particular", Method: "calling it directly", Requires: "only the URL",
					Abuse:      "Anyone who finds the route changes data without an account",
					Difficulty: model.Easy, DifficultyReason: "the route has no authentication",
					Level: level, ImpactReason: "writes happen without knowing who made them",
					Evidence: routeEvidence(r),
				})
			}
			return hits
		},
	},
	{
		ID: "no-audit-log", Title: "Destructive or admin action without an audit log",
		Stride: []string{"R"}, CWE: []string{"CWE-778"},
		Fires:  "a DELETE or destructive admin route whose handler records nothing",
		Rating: "medium: needs access to the action; impact medium: no one can tell who did it",
		Controls: []Suggestion{
			{"Write an audit log entry (who, what, when) for every destructive action", "audit-log"},
		},
		fire: func(c *Context) []Hit {
			var hits []Hit
			for _, r := range routes(c, func(r *facts.Route) bool {
				// Un-following or un-liking acts on the caller's own state:
				// nothing to audit.
				return (r.Method == "DELETE" || (has(r.Tags, facts.TagDestructive) && has(r.Tags, facts.TagAdmin) && isWrite(r))) && !actsOnCaller(r)
			}) {
				diff, reason := model.Moderate, "needs an account allowed to perform the action"
				if r.Auth != facts.AuthRequired {
					diff, reason = model.Easy, "the action has no authentication guard"
				}
				hits = append(hits, Hit{
					Surface: c.RouteSurface(*r), Route: r, Assets: c.DataIn(r),
					Impact: "delete data and leave no trace of who did it", Method: "calling the action", Requires: "access to the action",
					Abuse:      "An admin or attacker deletes user data and nothing records who did it",
					Difficulty: diff, DifficultyReason: reason,
					Level: model.Medium, ImpactReason: "without a record, an incident cannot be traced or disputed",
					Evidence: routeEvidence(r),
				})
			}
			return hits
		},
	},
	{
		ID: "credential-stuffing", Title: "Login, signup or password reset without rate limiting",
		Stride: []string{"S", "D"}, CWE: []string{"CWE-307"},
		Fires:  "a login, signup, token or password-reset route (tag auth) that accepts writes",
		Rating: "low: credential-stuffing lists and bots are free; impact high: account takeover",
		Controls: []Suggestion{
			{"Rate limit login, signup and reset per IP and per account", "rate-limit"},
			{"Offer or require MFA", "mfa"},
		},
		fire: func(c *Context) []Hit {
			var hits []Hit
			for _, r := range routes(c, func(r *facts.Route) bool {
				return has(r.Tags, facts.TagAuth) && isWrite(r) && segmentIn(r.Path, "login", "signin", "sign-in", "signup", "sign-up", "register", "token", "reset", "forgot", "password", "auth", "session", "sessions")
			}) {
				hits = append(hits, Hit{
					Surface: c.RouteSurface(*r), Route: r, Assets: c.AllUserData(),
					Impact: "take over accounts or flood signups", Method: "trying leaked passwords at volume", Requires: "only a list of leaked credentials",
					Abuse:      "Bots replay leaked passwords or mass-register accounts",
					Difficulty: model.Easy, DifficultyReason: "credential lists and bots are free; the route is public by design",
					Level: model.High, ImpactReason: "a taken-over account exposes that user's data and actions",
					Evidence: routeEvidence(r),
				})
			}
			return hits
		},
	},
	{
		ID: "prompt-injection", Title: "User text reaching an LLM that can call tools or read other users' data",
		Stride: []string{"T", "I"}, CWE: []string{"CWE-1427", "CWE-77"},
		Fires:  "an LLM route whose handler loads stored data without an ownership condition, or an LLM given tools",
		Rating: "medium: needs a crafted prompt; impact high: other users' data or actions taken in their name",
		Controls: []Suggestion{
			{"Scope what the model can read to the caller's own data", "ownership-check"},
			{"Give tools least privilege and confirm side effects with the user", ""},
		},
		fire: func(c *Context) []Hit {
			tools := false
			for _, w := range c.F.Weaknesses {
				if w.Kind == "llm-tools" {
					tools = true
				}
			}
			var hits []Hit
			for _, r := range routes(c, func(r *facts.Route) bool { return has(r.Tags, facts.TagLLM) }) {
				reads := c.Shows(facts.SignalObjectFetch, r) && !c.Shows(facts.SignalOwnership, r)
				if !tools && !reads {
					continue
				}
				method := "asking the model, in the prompt, for data or actions outside the caller's account"
				hits = append(hits, Hit{
					Surface: c.RouteSurface(*r), Route: r, Assets: c.DataIn(r),
					Impact: "read other users' data or act in their name", Method: method, Requires: "a crafted prompt",
					Abuse:      "Prompt injection steers the model to reveal other users' data or call tools it should not",
					Difficulty: model.Moderate, DifficultyReason: "needs a crafted prompt and some knowledge of what the model can reach",
					Level: model.High, ImpactReason: "the model reads data or takes actions beyond the caller's account",
					Evidence: routeEvidence(r),
				})
			}
			return hits
		},
	},
	{
		ID: "graphql-unbounded", Title: "GraphQL without depth or cost limits",
		Stride: []string{"D"}, CWE: []string{"CWE-770"},
		Fires:    "a GraphQL endpoint (tag graphql)",
		Rating:   "low: one nested query from any client; impact medium: the service stalls",
		Controls: []Suggestion{{"Limit query depth and cost; disable introspection in production", "graphql-limit"}},
		fire: func(c *Context) []Hit {
			var hits []Hit
			for _, r := range routes(c, func(r *facts.Route) bool { return has(r.Tags, facts.TagGraphQL) }) {
				diff, needs := reach(r)
				hits = append(hits, Hit{
					Surface: c.RouteSurface(*r), Route: r, Assets: c.AllUserData(),
					Impact: "stall the service", Method: "sending deeply nested or expensive queries", Requires: needs,
					Abuse:      "One deeply nested query exhausts the server",
					Difficulty: diff, DifficultyReason: "one crafted query; GraphQL endpoints are found by name",
					Level: model.Medium, ImpactReason: "an outage for every user while it runs",
					Evidence: routeEvidence(r),
				})
			}
			return hits
		},
	},
	secretsCommitted, signingKey, bucketExposure,
	weaknessRule("weak-password-hash", "Password stored without a slow hash", []string{"I"}, []string{"CWE-916", "CWE-328"},
		"a password hashed with MD5 or SHA", model.Hard, "needs a copy of the database first: a chain", model.High,
		"crack every user's password offline", "cracking fast hashes from a leaked database",
		"A leaked table of fast hashes is cracked in hours, and reused passwords open other services",
		[]Suggestion{{"Hash passwords with bcrypt, scrypt or Argon2", "slow-password-hash"}}, "Password hashing", model.Store),
	weaknessRule("cors-wildcard-credentials", "CORS allows any origin with credentials", []string{"I"}, []string{"CWE-942"},
		"a CORS policy with a wildcard or reflected origin and credentials", model.Moderate, "needs a victim to visit the attacker's page while signed in", model.High,
		"read signed-in users' data from another site", "luring a signed-in user to a page that calls the API",
		"Any website can call the API with the visitor's cookies and read the answers",
		[]Suggestion{{"Allow only your own origins when credentials are sent", ""}}, "CORS policy", model.Exit),
	weaknessRule("jwt-unverified", "JWT accepted without verifying its signature", []string{"S"}, []string{"CWE-347"},
		"a JWT decoded with verification off or the none algorithm", model.Easy, "only a hand-made token", model.Critical,
		"sign in as any user", "forging a token with any user id",
		"Anyone forges a token for any account, admins included",
		[]Suggestion{{"Verify every token's signature and pin the algorithm", ""}}, "Token verification", model.Entry),
	weaknessRule("cookie-insecure", "Session cookie without HttpOnly or Secure", []string{"I"}, []string{"CWE-1004", "CWE-614"},
		"a session cookie set without HttpOnly or Secure", model.Moderate, "needs an XSS bug or a network position", model.Medium,
		"steal sessions", "reading the cookie from script or plain HTTP",
		"A script or a network observer reads the session cookie and takes over the session",
		[]Suggestion{{"Set HttpOnly, Secure and SameSite on session cookies", ""}}, "Session cookies", model.Exit),
	weaknessRule("ssrf", "User-supplied URL fetched server-side", []string{"I", "E"}, []string{"CWE-918"},
		"a URL from the request passed to an HTTP client", model.Easy, "only a URL pointing inside your network", model.High,
		"reach internal services and cloud metadata", "submitting an internal URL for the server to fetch",
		"The server fetches attacker-chosen URLs: cloud metadata credentials and internal services",
		[]Suggestion{{"Allow only known hosts; block private and metadata addresses", ""}}, "Server-side fetch", model.Exit),
	weaknessRule("sql-injection", "SQL built from strings", []string{"T", "I"}, []string{"CWE-89"},
		"SQL text built with f-strings, concatenation or Sprintf", model.Easy, "only a quote in a parameter; scanners try it on every field", model.Critical,
		"read or change any row in the database", "injecting SQL through a parameter",
		"Injected SQL reads or rewrites any table",
		[]Suggestion{{"Use parameterised queries everywhere", ""}}, "Database queries", model.Store),
	weaknessRule("code-injection", "Request data evaluated as code", []string{"T", "E"}, []string{"CWE-94", "CWE-95"},
		"eval, exec, new Function or vm.runIn*Context given request data", model.Easy, "only an expression in a parameter", model.Critical,
		"run any code inside the server process", "sending code where the handler expects a value",
		"The server evaluates the attacker's code: its secrets, its data and its network",
		[]Suggestion{{"Never evaluate request data; parse it (JSON, a safe expression parser) instead", ""}}, "Code evaluation", model.Entry),
	weaknessRule("command-injection", "Shell command built from request data", []string{"T", "E"}, []string{"CWE-78"},
		"a shell command (os.system, subprocess with shell=True, child_process.exec, sh -c) built from request data or string formatting", model.Easy, "only a ; or $( ) in a parameter", model.Critical,
		"run any command on the server", "appending shell syntax to a parameter",
		"Injected shell syntax runs the attacker's commands with the server's rights: files, secrets, the network behind it",
		[]Suggestion{{"Pass arguments as a list with no shell, and validate them against an allowlist", ""}}, "Shell commands", model.Entry),
	weaknessRule("unsafe-deserialization", "Untrusted data deserialized into objects", []string{"T", "E"}, []string{"CWE-502"},
		"pickle.loads, yaml.load without a safe loader, or node-serialize's unserialize", model.Moderate, "needs a crafted payload for the library, which public tools generate", model.Critical,
		"run code on the server", "sending a serialized object that runs code when loaded",
		"A crafted payload runs code while it is being deserialized",
		[]Suggestion{{"Parse data formats (JSON, yaml.safe_load) instead of deserializing objects", ""}}, "Deserialization", model.Entry),
	weaknessRule("xxe", "XML parsed with external entities", []string{"I"}, []string{"CWE-611"},
		"an XML parser with entity expansion or network access turned on (resolve_entities, no_network=False, noent, feature_external_ges)", model.Easy, "only an XML upload with an entity declaration", model.High,
		"read server files and reach internal URLs", "uploading XML whose entities point at local files",
		"An external entity in uploaded XML reads server files or fetches internal URLs",
		[]Suggestion{{"Turn off entity expansion and DTDs in the XML parser (defusedxml)", ""}}, "XML parsing", model.Entry),
	weaknessRule("open-redirect", "Redirect to a URL taken from the request", []string{"S"}, []string{"CWE-601"},
		"a redirect whose target comes from the request", model.Easy, "only a link to the product with the attacker's URL in it", model.Medium,
		"send users from a trusted link to a phishing page", "sharing a product link whose redirect target is the attacker's site",
		"A link on the product's own domain forwards users to a phishing page or leaks tokens in the redirect",
		[]Suggestion{{"Redirect only to relative paths or an allowlist of hosts", ""}}, "Redirects", model.Exit),
	weaknessRule("tls-unverified", "TLS certificates not verified", []string{"T", "I"}, []string{"CWE-295"},
		"an outbound TLS connection with certificate checks turned off (verify=False, rejectUnauthorized: false, InsecureSkipVerify)", model.Hard, "needs a network position between the server and the host it calls", model.High,
		"read or change what the server sends and receives", "intercepting the connection with any certificate",
		"Anyone on the path presents any certificate and reads or rewrites the traffic, credentials included",
		[]Suggestion{{"Keep certificate verification on; pin a private CA instead of turning checks off", ""}}, "Outbound TLS", model.Exit),
	exitRule("verbose-errors", "error-response", "Verbose errors return internals to the client", []string{"I"}, []string{"CWE-209"},
		model.Easy, "any request that triggers an error", model.Medium,
		"learn the stack, queries and paths to aim the next attack", "triggering errors",
		"A verbose error message that includes a stack trace or database query leaks internals",
		[]Suggestion{{"Return generic errors; log details server-side only", ""}}, "Error responses", nil),
	exitRule("debug-mode", "debug-mode", "Debug mode left on", []string{"I", "E"}, []string{"CWE-489", "CWE-215"},
		model.Easy, "only an error page; debug consoles are well known", model.Medium,
		"read configuration or run code through the debugger", "opening the debug pages",
		"Debug mode shows tracebacks and settings, and some debuggers run code",
		[]Suggestion{{"Turn debug off in production, from configuration", ""}}, "Debug mode", regexp.MustCompile(`(?i)debugger|werkzeug|console`)),
	exitRule("sensitive-logs", "log", "Logs capture auth headers or request bodies", []string{"I"}, []string{"CWE-532"},
		model.Hard, "needs access to the logs: a second compromise", model.High,
		"collect tokens and user data from logs", "reading the log pipeline",
		"A log pipeline that captures full request bodies, including auth headers, leaks them to everyone with log access",
		[]Suggestion{{"Redact Authorization, cookies and bodies before logging", ""}}, "Request logging", nil),
	infraRule("open-security-group", []string{"open-security-group"}, "Security group open to the internet", []string{"I", "E"}, []string{"CWE-284"},
		model.Easy, "nothing: internet-wide scanners sweep every port in minutes", model.Critical,
		"reach databases or SSH directly", "connecting from anywhere",
		"A database or SSH port open to 0.0.0.0/0 is found by internet-wide scans",
		[]Suggestion{{"Allow only known source ranges; keep databases on private subnets", ""}}),
	infraRule("public-database", []string{"public-database", "compose-port"}, "Database reachable from outside", []string{"I", "E"}, []string{"CWE-284"},
		model.Moderate, "needs the host and a password; defaults are tried first", model.Critical,
		"read or wipe the database", "connecting to its published port",
		"A database with a public address or published port is one password away",
		[]Suggestion{{"Keep databases off public addresses; bind published ports to 127.0.0.1", ""}}),
	infraRule("default-credentials", []string{"default-password"}, "Default or example passwords", []string{"S", "E"}, []string{"CWE-1392", "CWE-798"},
		model.Easy, "only the default password, which is the first one bots try", model.High,
		"log in with the default password", "trying the well-known defaults",
		"Default passwords are the first thing bots try",
		[]Suggestion{{"Generate strong passwords and read them from a secret store", "secret-store"}}),
	infraRule("public-entrypoint", []string{"load-balancer", "ingress"}, "Cluster service exposed to the internet", []string{"I"}, []string{"CWE-668"},
		model.Easy, "only the public address", model.Medium,
		"reach the service directly", "finding the public address",
		"Services behind a public load balancer or ingress are reachable by every scanner",
		[]Suggestion{{"Expose only what must be public; put auth in front of the rest", ""}}),
	pipelineRule("pr-target-checkout", []string{"pull-request-target-checkout"}, "pull_request_target runs pull-request code with secrets", []string{"E"}, []string{"CWE-829"},
		model.Easy, "only a pull request from any GitHub account", model.Critical,
		"steal repository secrets and push to the repository", "opening a pull request whose code runs with the target's token",
		"A pull request's code runs with the repository's secrets and write token",
		[]Suggestion{{"Never check out pull-request code in pull_request_target; use pull_request", ""}}),
	pipelineRule("ci-secret-exposure", []string{"secret-exposure"}, "CI prints or hands secrets to untrusted steps", []string{"I"}, []string{"CWE-532"},
		model.Moderate, "needs read access to CI logs or a step that runs untrusted code", model.High,
		"copy production secrets from CI", "reading build logs or a compromised step",
		"Secrets echoed in CI logs or given to untrusted steps leak with them",
		[]Suggestion{{"Pass secrets only to trusted steps; never echo them", ""}}),
	pipelineRule("unpinned-actions", []string{"unpinned-action"}, "Third-party actions not pinned to a commit", []string{"T"}, []string{"CWE-829", "CWE-494"},
		model.Hard, "needs the action's repository to be compromised first: a chain", model.High,
		"run code in your CI with its secrets", "compromising an action you use by tag",
		"A retagged third-party action runs its new code in your CI",
		[]Suggestion{{"Pin third-party actions to a full commit SHA", ""}}),
	pipelineRule("unpinned-dependencies", []string{"missing-lockfile", "unpinned-requirements"}, "Dependencies without a lockfile", []string{"T"}, []string{"CWE-1357", "CWE-494"},
		model.Hard, "needs a dependency to be compromised first: a chain", model.High,
		"ship a poisoned dependency into your build", "publishing a malicious version you install unpinned",
		"A poisoned dependency in your build runs with your credentials",
		[]Suggestion{{"Commit lockfiles and install from them (npm ci, pip install -r with hashes)", ""}}),
	envExposure,
}

// callerActions are the last path segments of routes that change only
// the caller's own relation to an object: following a profile or liking
// a post reads the object but hands nothing of another user's back.
var callerActions = []string{"follow", "unfollow", "favorite", "favourite", "unfavorite", "unfavourite", "like", "unlike",
	"subscribe", "unsubscribe", "star", "unstar", "bookmark", "unbookmark", "vote", "upvote", "downvote", "clap", "react", "watch", "unwatch"}

func actsOnCaller(r *facts.Route) bool {
	segs := strings.Split(strings.Trim(strings.ToLower(r.Path), "/"), "/")
	return has(callerActions, segs[len(segs)-1])
}

// publicName is a parameter that names public content (an article's
// slug, a profile's username) rather than a private record's id.
var publicName = regexp.MustCompile(`(?i)^(slug|\w+_slug|\w*Slug|username|user_?name|userName|handle)$`)

// privateWords in a path or handler mean the record is private whatever
// names it: /passphrase/{username} is not a public profile.
var privateWords = regexp.MustCompile(`(?i)(passphrase|password|secret|token|api_?key|private|ssn|card|billing|invoice|message|inbox)`)

// publicRead: a GET by slug or username with no auth guard serves public
// content (an article, a profile), not another user's private record.
func publicRead(r *facts.Route) bool {
	return r.Method == "GET" && r.Auth != facts.AuthRequired && publicName.MatchString(r.Params[len(r.Params)-1].Name) &&
		!privateWords.MatchString(r.Path)
}

var (
	adminSegments = []string{"admin", "internal", "management", "superuser", "backoffice", "staff"}
	debugSegments = []string{"debug", "__debug__", "metrics", "actuator", "pprof", "heapdump", "env", "phpinfo"}
)

// prefixThrough is the path up to and including the first segment that is
// one of words: /admin/users/{id} → /admin.
func prefixThrough(p string, words []string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		if segmentIn("/"+s, words...) {
			return strings.Join(segs[:i+1], "/")
		}
	}
	return p
}

// groupByPrefix groups routes that share a prefix through one of words, in
// the order the prefixes first appear: one threat per group.
func groupByPrefix(rs []*facts.Route, words []string) [][]*facts.Route {
	idx := map[string]int{}
	var out [][]*facts.Route
	for _, r := range rs {
		p := prefixThrough(r.Path, words)
		i, ok := idx[p]
		if !ok {
			i = len(out)
			idx[p] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], r)
	}
	return out
}

// shortest is the group's route with the shortest path: the row's surface.
func shortest(rs []*facts.Route) *facts.Route {
	first := rs[0]
	for _, r := range rs {
		if len(r.Path) < len(first.Path) {
			first = r
		}
	}
	return first
}
