// Package facts is what a scan finds in the code: the JSON contract of
// `threatmap scan --format json`. Other tools read it: fields are only ever
// added, never renamed. Its schema is schema/scan.schema.json.
package facts

import (
	"strconv"
	"strings"

	"github.com/threatmap/threatmap/internal/lang"
)

// Facts is one scan of one tree.
type Facts struct {
	Version        int              `json:"version"`
	Root           string           `json:"root"`
	Surfaces       []Route          `json:"surfaces"`
	ThirdParties   []ThirdParty     `json:"third_parties"`
	Stores         []Store          `json:"stores"`
	Assets         []Asset          `json:"assets"`
	Exits          []Exit           `json:"exits"`
	Secrets        []Secret         `json:"secrets"`
	Infrastructure []Infrastructure `json:"infrastructure"`
	Pipeline       []Pipeline       `json:"pipeline"`
	Credentials    []Credential     `json:"credentials"`
	Controls       []Control        `json:"controls"`
	Weaknesses     []Weakness       `json:"weaknesses"`
	Warnings       []Warning        `json:"warnings"`
	Stats          Stats            `json:"stats"`
	// StaticFiles are the files the static mounts among Surfaces serve,
	// one route each (TagStaticFile), in the order of their mounts. The
	// scan JSON lists them in surfaces after their mount (Listed); kept
	// apart in memory so the model, the page and the rules see one surface
	// per mount.
	StaticFiles []Route `json:"-"`
	// Signals are read from each route's handler and guards for the
	// threat rules; kept in memory, like Route.Body.
	Signals []Signal `json:"-"`
	// Roles are where the code of the files whose content refined what
	// their path says runs (lang.Classify: a command under cmd/, a server
	// started from bin/); every other file's role is lang.RoleOf(path).
	// In memory, for the rules.
	Roles map[string]lang.Role `json:"-"`
	// Commands are, by file, the command-line commands the served files
	// register (lang.Commands): code in one runs from an operator's
	// shell, whatever its file's role (RoleAt). In memory, for the rules.
	Commands map[string][]lang.Span `json:"-"`
}

// Listed is f as the scan JSON writes it: each static mount's files
// (StaticFiles) follow the mount in Surfaces. f is not changed.
func (f Facts) Listed() Facts {
	if len(f.StaticFiles) == 0 {
		return f
	}
	byMount := map[string][]Route{}
	for _, r := range f.StaticFiles {
		byMount[r.StaticMount] = append(byMount[r.StaticMount], r)
	}
	out := make([]Route, 0, len(f.Surfaces)+len(f.StaticFiles))
	for _, r := range f.Surfaces {
		out = append(out, r)
		out = append(out, byMount[r.ID]...)
	}
	f.Surfaces = out
	f.StaticFiles = nil
	return f
}

// RoleOf is where a file's code runs, as the scan classified it.
func (f *Facts) RoleOf(path string) lang.Role {
	if r, ok := f.Roles[path]; ok {
		return r
	}
	return lang.RoleOf(path)
}

// RoleAt is where the code at a line of a file runs: a served file's
// command-line command (Commands) is an operator's script; anything else
// is the file's role. Line 0 is the file's.
func (f *Facts) RoleAt(path string, line int) lang.Role {
	r := f.RoleOf(path)
	if r.Kind != lang.App || line <= 0 {
		return r
	}
	if s, ok := lang.SpanAt(f.Commands[path], line); ok {
		return s.Role()
	}
	return r
}

// SchemaVersion is Facts.Version.
const SchemaVersion = 1

// Auth says whether a route is guarded.
const (
	AuthRequired = "required"
	AuthNone     = "none"
	AuthUnknown  = "unknown"
)

// Where a route's guard takes the caller's credential from
// (Route.Credential).
const (
	CredentialHeader = "header"
	CredentialCookie = "cookie"
)

// Route tags.
const (
	TagUpload      = "upload"
	TagWebhook     = "webhook"
	TagAdmin       = "admin"
	TagLLM         = "llm"
	TagPayment     = "payment"
	TagDestructive = "destructive"
	TagGraphQL     = "graphql"
	TagWebsocket   = "websocket"
	TagStatic      = "static"
	// TagStaticFile marks one file a static mount serves, listed in the
	// scan JSON beside the mount (Route.StaticMount names it).
	TagStaticFile = "static-file"
	// TagServerFileCopy marks a static file that is a copy of a file the
	// server keeps outside its static folders, a settings or code file
	// under another name (appsettings_backup.json beside appsettings.json,
	// config.php.bak): what was meant for the server, served to anyone.
	TagServerFileCopy = "server-file-copy"
	TagAuth           = "auth" // login, signup, password reset: credential-taking routes
	// TagServerAction marks a Next.js server action: a function the
	// browser calls with a POST (a 'use server' export); its path is its
	// name, as it has no URL of its own.
	TagServerAction = "server-action"
)

// Route is one entry point: an HTTP route a real app serves.
type Route struct {
	ID string `json:"id"`
	// Kind is "endpoint" for an HTTP route, "graphql" for one GraphQL
	// operation (Method POST, Path the endpoint's with #Query.field,
	// #Mutation.field or #Subscription.field) and "websocket" for one
	// event a socket handles.
	Kind      string `json:"kind"`
	Method    string `json:"method"`
	Path      string `json:"path"`
	Framework string `json:"framework"`
	// Source names the tool that found the route when it is not
	// threatmap itself: "noir" for OWASP Noir's output (scan
	// --routes-from). Empty for routes read from the tree.
	Source       string `json:"source,omitempty"`
	File         string `json:"file"`
	Line         int    `json:"line"`
	Handler      string `json:"handler,omitempty"`
	Auth         string `json:"auth"`
	AuthEvidence string `json:"auth_evidence,omitempty"`
	// AuthRole is the role or permission a guard on the route demands
	// (admin, staff, posts:write), when it checks one.
	AuthRole string `json:"auth_role,omitempty"`
	// Credential is where the guard that authenticates the route takes
	// the caller's credential from, when the detector read it:
	// CredentialHeader (an Authorization header or an API-key header the
	// browser never adds on its own) or CredentialCookie (a cookie
	// session). "" is unknown. Only a cookie is sent by a cross-site form.
	Credential string   `json:"credential,omitempty"`
	Params     []Param  `json:"params"`
	Tags       []string `json:"tags"`
	// Middleware lists what runs before the handler, outermost first, as
	// written in the code (names only).
	Middleware []string `json:"middleware,omitempty"`
	// EndLine is the last line of the handler, when known: with File and
	// Line it spans the handler for evidence checks.
	EndLine int `json:"end_line,omitempty"`
	// Condition is set when the code serves the route only in one
	// environment: "dev" (development) or "test". Such a route is not an
	// internet-facing surface of the product as deployed.
	Condition string `json:"condition,omitempty"`
	// StaticMount and StaticFile are set on a route that is one file a
	// static mount serves (tag static-file): the mount's id and the
	// served file's path in the tree. File and Line stay where the mount
	// is registered. Only the scan JSON lists such routes; the model and
	// the page keep the one surface of the mount.
	StaticMount string `json:"static_mount,omitempty"`
	StaticFile  string `json:"static_file,omitempty"`
	// Served is the folder a static mount serves, as the code names it:
	// the scan lists its files when it resolves inside the tree. In
	// memory.
	Served *Served `json:"-"`
	// Body is the handler's source, kept in memory for the threat rules'
	// evidence checks and never printed.
	Body string `json:"-"`
	// HandlerFile and HandlerLine are where the handler's code starts
	// (its declaration, or the func literal), when the detector resolved
	// it: the data-flow frontends start their walk there. In memory.
	HandlerFile string `json:"-"`
	HandlerLine int    `json:"-"`
	// Runs are other files whose code runs as this handler's, whole: the
	// code a PHP page includes for itself alone. A finding in one of them
	// is the route's. In memory.
	Runs []string `json:"-"`
	// Scope names what a guard that checked the caller hands the handler:
	// the object it loaded for the caller's session or credentials (a
	// Flask hook's g.project, a decorator's project= argument). A lookup
	// given one of them besides the id is looked up among the caller's.
	// In memory.
	Scope []string `json:"-"`
	// Documented is the operation of an OpenAPI document the route
	// serves, when code serves the document under a path of its own
	// (connexion's base_path): the document's route is this one. In memory.
	Documented Evidence `json:"-"`
}

// Served is a folder a static mount serves.
type Served struct {
	// Dir is the folder as written, with '/'. Relative to the folder of
	// the file that registers the mount when InFile (__dirname,
	// Path(__file__).parent, Flask's root_path); otherwise to the process's
	// working folder, which the scan looks for from that file's folder up
	// to its project's root. An absolute Dir is outside the tree.
	Dir    string
	InFile bool
	// From is the file whose folder an InFile Dir is relative to, when it
	// is not the one registering the mount (a BASE_DIR defined in
	// settings).
	From string
	// URL is where a file's URL path starts, when it is not the mount's
	// own path: http.StripPrefix's prefix, "" for none (a file server
	// without one sees the whole URL). Set only when HasURL.
	URL    string
	HasURL bool
	// Dotfiles says files and folders whose name begins with a dot are
	// served too (Go's http.FileServer, Starlette, Flask); serve-static
	// and send, under Express, Fastify, NestJS and Koa, ignore them by
	// default.
	Dotfiles bool
	// IfPresent is a mount the framework makes by default whatever the
	// tree holds (Flask's /static): kept only when its folder is there.
	IfPresent bool
}

// Param is a path parameter.
type Param struct {
	Name string `json:"name"`
	In   string `json:"in"`   // "path" or "query"
	Type string `json:"type"` // int | uuid | string | enum | unknown
}

// Param types.
const (
	TypeInt    = "int"
	TypeUUID   = "uuid"
	TypeString = "string"
	// TypeEnum is a value from a closed set the code declares (a Literal
	// or an Enum class): a choice, never an object's id.
	TypeEnum    = "enum"
	TypeUnknown = "unknown"
)

// Evidence is a place in the tree: repo-relative slash path, 1-based line.
type Evidence struct {
	File string `json:"file"`
	Line int    `json:"line"`
}

// ThirdParty is a service the product depends on and does not own.
type ThirdParty struct {
	ID          string     `json:"id"`
	Service     string     `json:"service"`  // catalogue id: openai, stripe, aws-s3, ...
	Name        string     `json:"name"`     // display name: OpenAI
	Category    string     `json:"category"` // catalog.Categories
	Asset       string     `json:"asset"`    // the bucket at risk: user-data|credentials|integrity
	Evidence    []Evidence `json:"evidence"`
	Credentials []string   `json:"credentials"`
	// Source is "host" for a service no catalogue entry names, found as
	// an HTTP call from server code to a fixed host (Category "api") or
	// as a script or stylesheet a served page loads from one (Category
	// "cdn"), named by that host's registrable domain (Service and Name
	// are the domain); empty for a catalogue service.
	Source string `json:"source,omitempty"`
}

// ThirdPartyByHost is ThirdParty.Source for a service named by its host.
const ThirdPartyByHost = "host"

// Store is where data rests: a database, cache, bucket, queue or folder.
type Store struct {
	ID       string     `json:"id"`
	Kind     string     `json:"kind"` // postgres|mysql|sqlite|mongodb|redis|s3|gcs|azure-blob|filesystem|...
	Name     string     `json:"name"`
	Evidence []Evidence `json:"evidence"`
}

// Asset is something worth protecting that the code shows.
type Asset struct {
	ID     string   `json:"id"`
	Kind   string   `json:"kind"` // user-data|credentials|integrity
	Name   string   `json:"name"`
	Fields []string `json:"fields,omitempty"`
	// Classes says what each field holds: identity, contact,
	// auth-secret, financial, health, location, free-text, file or
	// billing.
	Classes  map[string]string `json:"classes,omitempty"`
	Evidence []Evidence        `json:"evidence"`
	// Owner is why a model whose fields name nothing personal is user
	// data: it belongs to a user (a foreign key, relation or ref to the
	// user model, or to a model that belongs to one), at File:Line.
	Owner *AssetOwner `json:"owner,omitempty"`
}

// AssetOwner is the relation that makes a model a user's data: the
// model it references and where.
type AssetOwner struct {
	Model string `json:"model"`
	File  string `json:"file"`
	Line  int    `json:"line"`
}

// Asset kinds a model makes.
const (
	AssetUserData  = "user-data"
	AssetIntegrity = "integrity"
	// AssetCredentials: a model that keeps the app's own credentials
	// for a service (an OAuth client's secret), or a secret the code reads.
	AssetCredentials = "credentials"
)

// BillingAssetName names the integrity asset of a model's billing state.
func BillingAssetName(model string) string { return billingPrefix + model + ")" }

const billingPrefix = "Subscription / billing state ("

// BilledModel is the model a billing-state asset name names, and whether
// it names one.
func BilledModel(name string) (string, bool) {
	inner, ok := strings.CutPrefix(name, billingPrefix)
	return strings.TrimSuffix(inner, ")"), ok
}

// Exit is where data leaves: error responses, logs, e-mail, exports,
// outbound calls.
type Exit struct {
	ID       string     `json:"id"`
	Kind     string     `json:"kind"` // error-response|log|email|export|outbound-call|debug-mode
	Detail   string     `json:"detail"`
	Evidence []Evidence `json:"evidence"`
}

// ExitReturnsError starts the Detail of an error-response exit that is a
// bare return of the exception text: an HTTP answer only when the
// function returning it is a route's handler.
const ExitReturnsError = "returned"

// ExitOutboundCall is Exit.Kind for a call that sends data to a host.
const ExitOutboundCall = "outbound-call"

// Secret is a committed secret. Redacted is all that is ever printed.
type Secret struct {
	ID          string `json:"id"`
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Line        int    `json:"line"`
	Redacted    string `json:"redacted"`
	Description string `json:"description,omitempty"`
	// Variable is the name the secret is assigned to, when known
	// (OPENAI_API_KEY in a .env file): it ties the secret to what it unlocks.
	Variable string `json:"variable,omitempty"`
	// Commit is set for a secret found only in git history (scan
	// --history): the commit that added it. File and Line are as of then.
	Commit string `json:"commit,omitempty"`
	// Same fingerprints the value (redact.Same) so that one value in two
	// files is known as one: keyed for this run only, never printed.
	Same string `json:"-"`
}

// Infrastructure is a piece of cloud or deployment configuration that
// changes who can reach what.
type Infrastructure struct {
	ID       string     `json:"id"`
	Kind     string     `json:"kind"` // public-bucket|published-bucket|bucket|open-security-group|public-database|load-balancer|ingress|compose-port|default-password|...
	Detail   string     `json:"detail"`
	Evidence []Evidence `json:"evidence"`
	// Subject is what the fact is about when several facts of a kind can
	// be about one thing (a compose service's two default passwords):
	// "mysql (mysql)". Its Detail starts with it.
	Subject string `json:"-"`
}

// Pipeline is a fact about CI/CD and the supply chain.
type Pipeline struct {
	ID       string     `json:"id"`
	Kind     string     `json:"kind"` // workflow|pull-request-target|unpinned-action|secret-echo|secret-scanning|missing-lockfile|...
	Detail   string     `json:"detail"`
	Evidence []Evidence `json:"evidence"`
}

// Credential is a configuration value the code reads.
type Credential struct {
	ID       string     `json:"id"`
	Name     string     `json:"name"`    // OPENAI_API_KEY
	Secret   bool       `json:"secret"`  // by name and use
	Service  string     `json:"service"` // catalogue id it unlocks, if known
	Evidence []Evidence `json:"evidence"`
}

// Control is a security control found in code: evidence a mitigation is
// really there (a rate limiter, a signature check, a public-access block).
type Control struct {
	ID     string `json:"id"`
	Kind   string `json:"kind"` // rate-limit|webhook-signature|idempotency|ownership-check|upload-type-check|opaque-keys|bucket-public-access-block|signed-urls|secret-scanning|audit-log|...
	Detail string `json:"detail"`
	// Scope is "app" when the control applies to every route (a limiter
	// installed as app-wide middleware); empty when it is local to a file.
	Scope    string     `json:"scope,omitempty"`
	Evidence []Evidence `json:"evidence"`
}

// ControlReplaced is a setting the settings module production loads
// assigns again after importing the module that assigns it first (a
// committed SECRET_KEY in base.py that prod.py reads from a file):
// Detail is ReplacedKey, the evidence the line that assigns it again.
const ControlReplaced = "replaced-in-production"

// ControlCSRFOff is a CSRF check turned off for the whole app
// (Flask-WTF's WTF_CSRF_ENABLED = False): no CSRFProtect and no form's
// token check stands while it holds.
const ControlCSRFOff = "csrf-disabled"

// ControlEnvFileUsed says the app keeps settings in a .env file (one is in
// the tree, or a template for it, or something loads one): the file a
// careless `git add .` commits.
const ControlEnvFileUsed = "env-file-used"

// ReplacedKey is what a ControlReplaced names: the setting and the file
// that assigns it first ("SECRET_KEY of app/settings/base.py").
func ReplacedKey(name, file string) string { return name + " of " + file }

// Weakness is a code pattern that is a risk in itself rather than a
// surface: a weak password hash, a wildcard CORS policy with credentials,
// a JWT check that accepts "none", a URL from the request fetched
// server-side.
type Weakness struct {
	ID       string     `json:"id"`
	Kind     string     `json:"kind"` // weak-password-hash|cors-wildcard-credentials|jwt-unverified|cookie-insecure|ssrf|sql-injection|nosql-injection|command-injection|code-injection|unsafe-deserialization|xxe|open-redirect|path-traversal|xss|mass-assignment|template-injection|prototype-pollution|xpath-injection|tls-unverified|llm-tools
	Detail   string     `json:"detail"`
	Evidence []Evidence `json:"evidence"`
	// Routes are the ids (Route.ID) of the surfaces whose handler reaches
	// the sink, when a data-flow frontend followed request data to it.
	Routes []string `json:"routes,omitempty"`
	// Source is where the request data enters (Source* constants).
	Source string `json:"source,omitempty"`
	// Path is how the data gets there: the route, the handler, each call
	// it passes through, and the sink last, each step saying what happens.
	Path []Step `json:"path,omitempty"`
	// Reach is ReachRoute when a route reaches the sink; otherwise the
	// role of the code that holds it (lang.Kind's name: script, migration,
	// test, ...) or ReachNone when nothing the scan knows of calls it.
	// Empty for a pattern-only weakness, whose reach is not known.
	Reach string `json:"reach,omitempty"`
	// Guard is where the code refuses what the sink would be abused
	// with, found on the path or where the sink's client is made (a
	// dialer that rejects private and loopback addresses before a fetch
	// connects): the rule drafts the row mitigated, with it as evidence.
	Guard []Evidence `json:"guard,omitempty"`
}

// Step is one place on a weakness's path from the request to the sink.
type Step struct {
	File string `json:"file"`
	Line int    `json:"line"`
	// Note says what happens there: "req.query.to read", "passed to
	// runCmd(cmd)", "exec(cmd)".
	Note string `json:"note"`
}

// Where request data enters a weakness's path (Weakness.Source).
const (
	SourceParam      = "param"  // a path parameter
	SourceQuery      = "query"  // the query string
	SourceBody       = "body"   // the request body, form or JSON
	SourceHeader     = "header" // a request header
	SourceCookie     = "cookie"
	SourceFileName   = "file-name"   // an uploaded file's name
	SourceGraphQLArg = "graphql-arg" // a GraphQL resolver's arguments
	SourceMessage    = "message"     // a WebSocket or queue message
	SourceURL        = "url"         // the whole request URL
	// SourceStored: what a user saved earlier, read back from a record
	// and shown to whoever views it (stored XSS), not this request's data.
	SourceStored = "stored"
)

// Reach values other than a lang.Kind's name (Weakness.Reach).
const (
	ReachRoute = "route"
	ReachNone  = "none"
)

// Warning is something the scan could not read; the scan went on.
type Warning struct {
	File    string `json:"file"`
	Message string `json:"message"`
	// Line is where in File, when the warning is about one place: the
	// first registration of routes that could not be composed.
	Line int `json:"line,omitempty"`
	// Kind classifies the warning when a reader may act on it; empty for
	// a file that could not be read. WarnRoutesMissed: the file registers
	// routes the scan could not compose, so the map lacks them.
	Kind string `json:"kind,omitempty"`
}

// Route conditions.
const (
	ConditionDev  = "dev"
	ConditionTest = "test"
)

// Warning kinds.
const WarnRoutesMissed = "routes-missed"

// WarnStaticCapped is a static mount whose folder holds more files than
// the scan lists: the first ones (in path order) are listed, the rest are
// counted in the message.
const WarnStaticCapped = "static-files-capped"

// Where is the warning's place as people read it: file, or file:line.
func (w Warning) Where() string {
	if w.Line > 0 {
		return w.File + ":" + strconv.Itoa(w.Line)
	}
	return w.File
}

// Stats counts what the scan did.
type Stats struct {
	Files   int   `json:"files"`
	Bytes   int64 `json:"bytes"`
	Skipped int   `json:"skipped"`
	// RoutesMissed counts route registrations the scan saw and could not
	// compose (a router it cannot resolve, a path built at run time):
	// each is an entry point missing from the map. Absent when none.
	RoutesMissed int `json:"routes_missed,omitempty"`
}

// LoginEvidence starts the auth evidence of a route the route judge read
// as a login (its handler takes a password it was sent and checks it):
// where credentials come in.
const LoginEvidence = "login handler"
