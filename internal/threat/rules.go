package threat

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/model"
)

// Rule is one entry of the catalogue: which facts it fires on, the STRIDE
// questions it answers, how it rates difficulty and impact, and the
// controls it suggests, each with the evidence check that verifies it.
// A rule reads the scan's facts through a Context and returns hits; the
// drafter turns each hit into a threat on a surface, drafting the surface
// and the assets the hit names.
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

// catalogue lists every rule, each declared in the file of its family:
// abuse of cost and volume (rules_abuse.go), access to routes and objects
// (rules_access.go), injection (rules_injection.go), settings that weaken
// sessions, tokens and transport, and what leaks out (rules_config.go),
// secrets (rules_secrets.go), infrastructure (rules_infra.go) and the
// supply chain (rules_supply.go).
var catalogue = []*Rule{
	creditDrain, messagePumping, limiterKeyedOnHeader, uploadUnsafe, idor,
	webhookForgery, adminExposed, debugEndpoint, unauthenticatedWrite,
	noAuditLog, credentialStuffing, promptInjection, graphqlUnbounded,
	secretsCommitted, signingKey, serverFileServed, bucketExposure, weakPasswordHash,
	corsWildcardCredentials, jwtUnverified, cookieInsecure, weakSessionToken, clientRoleCheck, ssrf,
	sqlInjection, codeInjection, commandInjection, unsafeDeserialization,
	xxe, openRedirect, nosqlInjection, pathTraversal,
	reflectedXSS, massAssignment, templateInjection, prototypePollution, xpathInjection, tlsUnverified, verboseErrors,
	debugMode, sensitiveLogs, openSecurityGroup, publicDatabase,
	defaultCredentials, publicEntrypoint, prTargetCheckout, ciSecretExposure,
	unpinnedActions, unpinnedDependencies, envExposure,
	// Web-app weaknesses read from facts and patterns (rules_web.go).
	xssClient, directoryListing, graphqlExposed, jwtUnpinned, jwtNoExpiry, passwordPlaintext,
	csrf, stateChangingGet, functionLevelAuthz, sensitiveResponse,
}

// ---- route helpers ----------------------------------------------------------

// routes are the routes keep selects among those the product serves as
// deployed: one the code serves only in development or tests is not an
// internet-facing way in.
func routes(c *Context, keep func(r *facts.Route) bool) []*facts.Route {
	var out []*facts.Route
	for i := range c.F.Surfaces {
		if r := &c.F.Surfaces[i]; r.Condition == "" && keep(r) {
			out = append(out, r)
		}
	}
	return out
}

func isWrite(r *facts.Route) bool {
	if r.Kind == "graphql" {
		// Every operation is a POST; only mutations change anything.
		return strings.Contains(r.Path, "#Mutation.")
	}
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

// callerActions are the last path segments of routes that change only
// the caller's own relation to an object: following a profile or liking
// a post reads the object but hands nothing of another user's back.
var callerActions = []string{"follow", "unfollow", "favorite", "favourite", "unfavorite", "unfavourite", "like", "unlike",
	"subscribe", "unsubscribe", "star", "unstar", "bookmark", "unbookmark", "vote", "upvote", "downvote", "clap", "react", "watch", "unwatch"}

func actsOnCaller(r *facts.Route) bool {
	segs := strings.Split(strings.Trim(strings.ToLower(r.Path), "/"), "/")
	return has(callerActions, segs[len(segs)-1])
}

// refusal is a handler answering that the method is not served: 405
// Method Not Allowed or 501 Not Implemented, as a status or an error.
var refusal = regexp.MustCompile(`(?i)(status(Code)?\s*[=:(]\s*(405|501)\b|\b(405|501)\s*[,)]|MethodNotAllowed|method not allowed|NotImplemented)`)

// removal is a call that deletes or changes stored state.
var removal = regexp.MustCompile(`(?i)(delete|destroy|remove|drop|purge|truncate|unlink|erase|clear|update|save|insert|write)\w*\s*\(`)

// refusesMethod: a handler, read, that only says the method is not
// served (router.delete('/', ctx => { ctx.status = 405 })): it deletes
// nothing, so there is nothing to audit or to guard.
func refusesMethod(r *facts.Route) bool {
	return strings.TrimSpace(r.Body) != "" && refusal.MatchString(r.Body) && !removal.MatchString(r.Body)
}

// publicName and privateWords: see facts.PublicName.
var publicName, privateWords = facts.PublicName, facts.PrivateWords

// publicRead: a GET by slug or username with no auth guard serves public
// content (an article, a profile), not another user's private record.
func publicRead(r *facts.Route) bool {
	return r.Method == "GET" && r.Auth != facts.AuthRequired && publicName.MatchString(r.Params[len(r.Params)-1].Name) &&
		!privateWords.MatchString(r.Path)
}

var (
	adminSegments = []string{"admin", "internal", "management", "superuser", "backoffice", "staff"}
	// eureka, proxy.stream and turbine.stream are Spring Cloud's registry,
	// metrics dashboard and metrics stream, which the framework serves itself.
	debugSegments = []string{"debug", "__debug__", "metrics", "actuator", "pprof", "heapdump", "env", "phpinfo", "eureka", "proxy.stream", "turbine.stream"}
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
