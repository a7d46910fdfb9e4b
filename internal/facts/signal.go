package facts

import (
	"regexp"
	"strconv"
)

// Signal is something one route's handler code or guards show that a
// threat rule asks about: a control applied there (a limiter call, a
// signature check, an ownership condition), or what the handler does
// (loads an object, sends mail, writes state, names a data model). The
// signal detector reads them from each route's handler and middleware;
// rules look them up by route instead of reading code.
//
// Signals are kept in memory for the rules, as Route.Body is, and are not
// part of the JSON contract.
type Signal struct {
	Kind string `json:"kind"`
	// Detail is what the signal names, for the kinds that name something:
	// a webhook's provider, a data model, a third-party service.
	Detail string `json:"detail,omitempty"`
	// Route is the Key of the route it was read from.
	Route string `json:"route"`
	// In is where: SignalInHandler (the handler's code, at Evidence) or
	// SignalInGuards (a middleware or guard name; Evidence is the route).
	In       string   `json:"in"`
	Evidence Evidence `json:"evidence"`
}

// Where a signal was read.
const (
	SignalInHandler = "handler"
	SignalInGuards  = "guards"
)

// Signal kinds. Those that are controls share the control facts' kind, so
// a rule asks for one name at the route, app-wide or anywhere.
const (
	// Controls.
	SignalRateLimit   = "rate-limit"
	SignalBudget      = "budget"
	SignalCaptcha     = "captcha"
	SignalWebhookSig  = "webhook-signature"
	SignalIdempotency = "idempotency"
	// SignalReplayBound: the sender's proof cannot be replayed by one
	// who lacks the secret: a signature over a timestamp the verifier
	// checks (Stripe's constructEvent, a standard-webhooks verify), or a
	// shared secret compared as it is (a captured request already holds
	// the secret, so replaying it is forging it).
	SignalReplayBound     = "replay-bound"
	SignalUploadTypeCheck = "upload-type-check"
	SignalOpaqueKeys      = "opaque-keys"
	// SignalUploadOpaqueKey: an upload is stored under a path or key
	// holding a value the code made (random or a hash), and nowhere under
	// the client's file name alone.
	SignalUploadOpaqueKey = "upload-opaque-key"
	SignalOwnership       = "ownership-check"
	SignalDenialLog       = "authz-logging"
	SignalAuditLog        = "audit-log"
	SignalAdminRole       = "admin-role"
	SignalMFA             = "mfa"
	SignalIPAllowlist     = "ip-allowlist"
	// SignalBasicAuth is one shared password in front of the route: HTTP
	// basic auth, an htpasswd file, a password compared in the handler.
	SignalBasicAuth = "basic-auth"

	// What the handler does.
	SignalObjectFetch    = "object-fetch"    // loads a stored object
	SignalSendsMessage   = "sends-message"   // sends e-mail or SMS through a provider
	SignalCreatesAccount = "creates-account" // creates a record and handles a password: a signup
	SignalWritesState    = "writes-state"    // creates, changes or deletes something
	// SignalSessionEnd: the handler ends the caller's own session (a
	// logout, a session destroyed, a library's logout view): what it
	// changes is the caller's.
	SignalSessionEnd = "session-end"
	// SignalTokenGate: the handler goes on only with a secret token the
	// request carries, verified (a refresh, reset or e-mail token looked
	// up or its signature checked), in its body or in the function it
	// hands the token to, which throws without it.
	SignalTokenGate = "token-gate"
	// SignalCallerOwn: the handler reads only records keyed by the
	// signed-in caller (their account, their links), none by a value
	// the request sends: under an admin path, the user's own page.
	SignalCallerOwn = "caller-own"
	// SignalCookieOnly: the handler's only writes set or clear the
	// caller's own cookies, itself or through a helper it calls (a server
	// action that saves a theme or a layout in a cookie).
	SignalCookieOnly = "cookie-only-write"
	// SignalBuildInfoOnly: the handler answers with nothing but string
	// literals and variables the build sets (a commit or version a
	// linker flag writes, declared without a value and assigned in code
	// only from such variables): it exposes no internals.
	SignalBuildInfoOnly = "build-info-only"
	// SignalIDLookup: a path parameter's value reaches a lookup in the
	// handler (Detail: the parameter's name).
	SignalIDLookup = "id-lookup"
	// SignalSharedModel: a model no user owns (no reference to a user,
	// account, owner or tenant, nor to a model that has one) in an app
	// that has a user model: its records are shared by the app's users
	// (Detail: the model's name; Evidence: its declaration; no Route).
	// The user-data detector reads it from the models.
	SignalSharedModel = "shared-model"
	// SignalModelTable: two names one model's records are kept under
	// (Detail: "MODEL TABLE"): the table a model maps to (@@map,
	// __tablename__, db_table, TypeORM's @Entity('name')), or a copy of a
	// model's table (the same columns under its name and more words:
	// observations_batch_staging). The user-data detector reads it from
	// the models; merging folds TABLE's asset into MODEL's.
	SignalModelTable = "model-table"
	// SignalSharedRecord: the lookup a path parameter reaches loads a
	// shared model's record, and no model a user owns (Detail: the
	// parameter's name): changing the id reaches no other user's data.
	SignalSharedRecord = "shared-record"
	// SignalListedRecord: a GET route's path parameter every lookup of
	// which loads a model another route shows whole to callers at least
	// as wide (a list with no condition, or a page open to all that
	// serves it by a public name) (Detail: the parameter's name): reading
	// one by id shows nothing the list does not.
	SignalListedRecord = "listed-record"
	// SignalCallerGatedWrite: every write of the handler sits under a
	// test that the caller is signed in or holds a permission (if
	// current_user.can(WRITE): ...): an anonymous caller writes nothing.
	SignalCallerGatedWrite = "caller-gated-write"
	// SignalPageNumber: a path parameter the code uses only to page a
	// list, in the function its handler hands it to (Detail: the
	// parameter's name): a page number, not an object id.
	SignalPageNumber = "page-number"
	// SignalCapability: a path parameter whose value reaches a store's
	// lookup at the key argument the app writes a randomly drawn value at
	// (an upload's token), in an app with no user model; or, accounts or
	// none, handed as the value of a record's field other than its id
	// that the app sets to a randomly drawn value (an invite code)
	// (Detail: the parameter's name): the URL is the capability, no
	// other user's object is one id away.
	SignalCapability = "capability-key"
	// SignalNoAccounts: the app has no user accounts: no model read is a
	// person (who someone is, how to reach them, a password they sign in
	// with), no auth library keeps a user table, and no model references
	// a framework's user model (no Route; Evidence: none). One login (a
	// password from config) or none: whoever is past it owns every
	// object, so no object is another user's. The user-data detector
	// reads it from the models.
	SignalNoAccounts = "no-accounts"
	// SignalWebhookProvider names who posts to a webhook route (Detail:
	// stripe, github, ...).
	SignalWebhookProvider = "webhook-provider"
	// SignalNamesModel: the handler names a user-data model the scan
	// found, as a whole word (Detail: the asset's name).
	SignalNamesModel = "names-model"
	// SignalNamesService: the handler names a third party the scan found,
	// by the first word of its id or by its name, in any case (Detail:
	// the service id).
	SignalNamesService = "names-service"
	// SignalCallsLLM: the handler calls a large language model, through
	// an LLM SDK's client or a function of the repository that does
	// (Detail: the service id); the route's llm tag comes from it.
	SignalCallsLLM = "calls-llm"
)

// PublicName is a path parameter that names public content (an
// article's slug, a profile's username) rather than a private record's
// id; PrivateWords in a path mean the record is private whatever names
// it: /passphrase/{username} is not a public profile.
var (
	PublicName   = regexp.MustCompile(`(?i)^(slug|\w+_slug|\w*Slug|username|user_?name|userName|handle)$`)
	PrivateWords = regexp.MustCompile(`(?i)(passphrase|password|secret|token|api_?key|private|ssn|card|billing|invoice|message|inbox)`)
)

// Key identifies a route through every step of a scan: its method, path
// and declaration. Its ID can change when duplicates are told apart.
func (r *Route) Key() string {
	return r.Method + " " + r.Path + " " + r.File + ":" + strconv.Itoa(r.Line)
}
