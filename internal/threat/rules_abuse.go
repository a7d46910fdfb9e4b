package threat

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/model"
)

// Abuse of cost and volume: routes a bot calls in a loop to spend money,
// send spam or guess passwords.

var creditDrain = &Rule{
	ID: "credit-drain", Title: "Token-consuming route without a rate limit or budget",
	Stride: []string{"D"}, CWE: []string{"CWE-770", "CWE-799"},
	Fires:  "a route whose handler calls an LLM (tag llm)",
	Rating: "low: a bot needs at most a free account; impact high: every call spends money",
	Controls: []Suggestion{
		{Text: "Per-account and per-IP rate limiting on token-consuming routes", Check: "rate-limit"},
		{Text: "Budget alerts with automatic throttling", Check: "budget"},
		{Text: "Require email verification before granting API access", Check: "email-verification"},
	},
	fire: func(c *Context) []Hit {
		var hits []Hit
		for _, r := range routes(c, func(r *facts.Route) bool { return has(r.Tags, facts.TagLLM) }) {
			assets, names := c.CreditsFor(r)
			diff, needs := reach(r)
			hits = append(hits, Hit{
				Route: r, Assets: assets,
				Impact: "drain " + names + " credits", Method: "calling it at high volume from free-tier accounts", Requires: needs,
				Abuse:      "Attacker calls it at high volume from free-tier accounts, draining your " + names + " budget",
				Difficulty: diff, DifficultyReason: "requires " + needs,
				Level: model.High, ImpactReason: "every call is billed to you; a script spends a month's budget in hours",
				Evidence: routeEvidence(r),
				// One limiter or budget answers every such route.
				Cause: &Cause{ID: "model-calls", Name: "Routes that spend model credits"},
			})
		}
		return hits
	},
}

var messagePumping = &Rule{
	ID: "message-pumping", Title: "Route that sends e-mail or SMS without a rate limit",
	Stride: []string{"S", "D"}, CWE: []string{"CWE-770"},
	Fires:  "a route whose handler sends e-mail or SMS through a provider",
	Rating: "low when the route is public; medium behind login; impact medium: cost and your sender reputation",
	Controls: []Suggestion{
		{Text: "Rate limit per account, per IP and per recipient", Check: "rate-limit"},
		{Text: "CAPTCHA or proof of work on public forms that send mail", Check: "captcha"},
	},
	fire: func(c *Context) []Hit {
		var hits []Hit
		for _, r := range routes(c, func(r *facts.Route) bool { return isWrite(r) && c.Shows(facts.SignalSendsMessage, r) }) {
			diff, needs := reach(r)
			if r.Auth == facts.AuthRequired {
				diff = model.Moderate
			}
			hits = append(hits, Hit{
				Route: r, Assets: []string{assetOutgoingEmail},
				Impact: "send spam or SMS in your name and run up the bill", Method: "calling it in a loop with victims' addresses", Requires: needs,
				Abuse:      "Attacker triggers mail or SMS in bulk: provider costs, blocked sender, phishing from your domain",
				Difficulty: diff, DifficultyReason: "requires " + needs,
				Level: model.Medium, ImpactReason: "messages cost money and burn the sending domain's reputation",
				Evidence: routeEvidence(r),
				// A limiter of the route's own answers it (drafted
				// mitigated); the app-wide one alone does not.
				Gate:  "route-rate-limit",
				Cause: &Cause{ID: "message-sends", Name: "Routes that send e-mail or SMS"},
			})
		}
		return hits
	},
}

var credentialStuffing = &Rule{
	ID: "credential-stuffing", Title: "Login, signup or password reset without rate limiting",
	Stride: []string{"S", "D"}, CWE: []string{"CWE-307"},
	Fires:  "a write route on a login, signup, session, token or password-reset path whose handler handles a password or creates an account (by the path alone when no handler was read: an OpenAPI operation), or any route the route judge read as a login (it checks a password it was sent); a route of no one method (it serves GET too) only when read as a login or creating an account; mitigated by a limiter, or a login that counts failed attempts and refuses past a bound",
	Rating: "low: credential-stuffing lists and bots are free; impact high: account takeover",
	Controls: []Suggestion{
		{Text: "Rate limit login, signup and reset per IP and per account", Check: "rate-limit"},
		{Text: "Offer or require MFA", Check: "mfa"},
	},
	fire: func(c *Context) []Hit {
		var hits []Hit
		forged, how := c.forgedLimiter()
		setting := c.settingLimiter()
		for _, r := range routes(c, func(r *facts.Route) bool { return takesCredentials(c, r) }) {
			reason, ev := "credential lists and bots are free; the route is public by design", routeEvidence(r)
			conditional := ""
			if forged != nil {
				// The limiter is there but counts per forged address.
				reason += "; " + how
				ev = append(ev, forged...)
			} else if setting != nil && len(c.InGuards(facts.SignalRateLimit, r)) > 0 {
				// The limiter is there but limits only where the
				// deployment turns it on.
				reason += "; the limiter lets every request through unless a setting turns it on"
				ev = append(ev, setting...)
				conditional = "rate-limit"
			}
			hits = append(hits, Hit{
				Route: r, Assets: c.AllUserData(),
				Impact: "take over accounts or flood signups", Method: "trying leaked passwords at volume", Requires: "only a list of leaked credentials",
				Abuse:      "Bots replay leaked passwords or mass-register accounts",
				Difficulty: model.Easy, DifficultyReason: reason,
				Level: model.High, ImpactReason: "a taken-over account exposes that user's data and actions",
				Evidence: ev,
				// A limiter in front of the route is the control the rule
				// is named for: the row is drafted mitigated with it, MFA
				// only deepening the defence.
				Gate:        "rate-limit",
				Conditional: conditional,
				Cause:       &Cause{ID: "credential-routes", Name: "Login, signup and password routes"},
			})
		}
		return hits
	},
}

var graphqlUnbounded = &Rule{
	ID: "graphql-unbounded", Title: "GraphQL without depth or cost limits",
	Stride: []string{"D"}, CWE: []string{"CWE-770"},
	Fires:    "a GraphQL endpoint (tag graphql)",
	Rating:   "low: one nested query from any client; impact medium: the service stalls",
	Controls: []Suggestion{{Text: "Limit query depth and cost; disable introspection in production", Check: "graphql-limit"}},
	fire: func(c *Context) []Hit {
		var hits []Hit
		for _, r := range routes(c, func(r *facts.Route) bool { return has(r.Tags, facts.TagGraphQL) }) {
			diff, needs := reach(r)
			hits = append(hits, Hit{
				Route: r, Assets: c.AllUserData(),
				Impact: "stall the service", Method: "sending deeply nested or expensive queries", Requires: needs,
				Abuse:      "One deeply nested query exhausts the server",
				Difficulty: diff, DifficultyReason: "one crafted query; GraphQL endpoints are found by name",
				Level: model.Medium, ImpactReason: "an outage for every user while it runs",
				Evidence: routeEvidence(r),
				Cause:    &Cause{ID: "graphql-endpoints", Name: "GraphQL endpoints"},
			})
		}
		return hits
	},
}

// passwordWord is a handler handling a password or credentials.
var passwordWord = regexp.MustCompile(`(?i)passw(or)?d|passwd`)

// postedPassword is a password field named as a key of what the client
// sent: a form or JSON key in quotes.
var postedPassword = regexp.MustCompile(`(?i)["'\x60](?:passw(?:or)?d|passwd)["'\x60]`)

// takesCredentials says a route is where credentials come in: on a path
// that names a login, signup, session, token or reset, its handler
// handles a password or creates an account. A route whose handler was not
// read (an OpenAPI operation) is judged by its path alone, with only the
// words that mean a login, a signup or a password. A word in the path is
// not enough where a handler was read: OAuth client registration, an
// analytics "reset" and a WebAuthn step handle no password.
func takesCredentials(c *Context, r *facts.Route) bool {
	if !isWrite(r) || r.Method == "DELETE" {
		return false
	}
	if r.Body == "" {
		return segmentIn(r.Path, "login", "signin", "sign-in", "log-in", "signup", "sign-up", "register", "password", "forgot")
	}
	// The route judge read a login: the handler checks a password it was
	// sent against the one kept, whatever the path is called (/loginFunc).
	if strings.HasPrefix(r.AuthEvidence, facts.LoginEvidence) {
		return true
	}
	// A route of no one method serves a GET too: where no login was read,
	// no account is created and no password field of what was sent is
	// named (FormValue("password"), a json:"password" tag), it shows the
	// form (its handler reading the app's own password setting), and
	// takes nothing.
	if r.Method == "ANY" && !c.Shows(facts.SignalCreatesAccount, r) && !postedPassword.MatchString(r.Body) {
		return false
	}
	return (passwordWord.MatchString(r.Body) || c.Shows(facts.SignalCreatesAccount, r)) &&
		segmentIn(r.Path, "login", "signin", "sign-in", "log-in", "signup", "sign-up", "register", "token", "reset", "forgot", "password", "auth", "session", "sessions")
}

// limiterKeyedOnHeader: a limiter whose key is a header the client sets
// limits no one who changes it with each request. Rules that need the
// limit (credential-stuffing, credit-drain, message-pumping) count it as
// none; this row says so where none of them fires (an anonymous
// pastebin's anti-spam limit).
var limiterKeyedOnHeader = weaknessRule{
	ID: "limiter-keyed-on-header", Title: "Rate limit keyed on a client-set header",
	Stride: []string{"D"}, CWE: []string{"CWE-348", "CWE-770"},
	Fires:      "a rate limiter whose key is X-Forwarded-For or X-Real-IP as the client sends it (no trusted-proxy setting, not the connection's address)",
	Difficulty: model.Easy, Reason: "only a new X-Forwarded-For value with each request", Level: model.Low,
	Impact: "send requests past the rate limit at any volume", Method: "sending a different X-Forwarded-For or X-Real-IP with each request",
	Abuse:    "Bots rotate the header and the limiter counts each request as a new client: floods, spam and guessing go unthrottled",
	Controls: []Suggestion{{Text: "Key the limiter on the connection's address, or believe forwarding headers only from a proxy you trust"}},
	Surface:  "Rate limiting", Direction: model.Entry,
}.rule()
