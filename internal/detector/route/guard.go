package route

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/threatmap/threatmap/internal/detector/route/router"
	"github.com/threatmap/threatmap/internal/facts"
)

// guard is what Decide reads of a router.Guard.
type guard struct {
	name      string // as judged: its Text, else its Name
	config    string // the code configuring its value (router.Guard.Config)
	code      string
	defined   string // file:line
	applied   string
	verdict   router.Verdict
	framework string
}

func guardOf(g router.Guard) guard {
	name := g.Text
	if name == "" {
		name = g.Name
	}
	if name == "" && g.Source != "" {
		name = "inline middleware"
	}
	return guard{name: name, config: g.Name + "\n" + g.Config, code: g.Source, defined: at(g.Defined), applied: at(g.Applied), verdict: g.Verdict, framework: g.Framework}
}

func at(e facts.Evidence) string {
	if e.File == "" {
		return ""
	}
	if e.Line == 0 {
		return e.File
	}
	return e.File + ":" + strconv.Itoa(e.Line)
}

// Lookup finds the source of a function by the name code calls it by,
// in the file that calls it or through its imports, and says where it is
// defined (file:line). Decide uses it to read a guard named without its
// code and to follow the helpers a handler or guard calls.
//
// Asked for ValuePrefix+name, a Lookup that can returns the declaration
// of a package-level value instead (Go: var errSignIn = HTTPError{401,
// ...}), for a rejection a handler returns by name.
type Lookup func(name string) (code, defined string, ok bool)

// ValuePrefix asks a Lookup for a value's declaration, not a function's.
const ValuePrefix = "value:"

// Decision is a route's auth: facts.Route's Auth, AuthRole and
// AuthEvidence.
type Decision struct {
	Auth     string
	Role     string
	Evidence string
}

// verdicts of one guard.
const (
	vOther      = iota // cannot reject anyone: plumbing, optional auth, a guard's code that never rejects
	vRequired          // can reject a caller with no identity
	vAnon              // for anonymous callers only: guest-only guards, a login strategy
	vUnresolved        // looks like a guard, but its code is not in the tree and no library is known
)

// maxFollow bounds how deep Decide follows calls from a handler or guard
// into helpers (handler → parseRequest → checkAuth), and maxCalls how many
// callees of one function it reads: auth checks come first.
const (
	maxFollow = 3
	maxCalls  = 24
)

// Decide decides a route's auth from the guards on its path, outermost
// first, and the handler's body (body, at bodyAt). A guard that can reject
// an anonymous caller makes it required; a guest-only guard or a login
// strategy makes it none; a guard whose code cannot be found makes it
// unknown, named in the evidence. With no guard deciding, the handler's own
// checks (or a helper's it calls) decide; complete says the detector saw
// every guard on the path, so that nothing else can make it none. What a
// person taught (t, may be nil) comes first: a guard they named rejects
// wherever it is applied or called.
func Decide(t *Taught, gs []router.Guard, body, bodyAt string, complete bool, lookup Lookup) Decision {
	return DecidePath(t, gs, body, bodyAt, "", complete, lookup)
}

// DecidePath is Decide for a route whose path is known: a guard that lets
// listed paths through before it rejects (if !authed(r) && !isPublic(r),
// where isPublic compares the request's path with "/login" or a prefix
// "/share/") does not guard the routes at those paths.
func DecidePath(t *Taught, gs []router.Guard, body, bodyAt, path string, complete bool, lookup Lookup) Decision {
	j := judge{lookup: lookup, seen: map[string]bool{}, taught: t}
	anon, unresolved := "", ""
	guards := make([]guard, 0, len(gs))
	for _, g := range gs {
		guards = append(guards, guardOf(g))
	}
	for i := range guards {
		g := &guards[i]
		v, role, why := j.guard(g)
		if v == vRequired && path != "" && (j.exempts(g.code, path) || j.configuredExempt(*g, path)) {
			continue
		}
		switch v {
		case vRequired:
			// The first guard that rejects is the evidence; a later one
			// may still demand a role (requireAuth, then requireAdmin).
			for _, later := range guards[i+1:] {
				if role != "" {
					break
				}
				if v, r, _ := j.guard(&later); v == vRequired {
					role = r
				}
			}
			if role == "" && body != "" {
				if ok, r, _ := j.code(body, 0); ok {
					role = r
				}
			}
			return Decision{Auth: facts.AuthRequired, Role: role, Evidence: guardEvidence(*g, why)}
		case vAnon:
			if anon == "" {
				anon = guardEvidence(*g, why)
			}
		case vUnresolved:
			if unresolved == "" {
				unresolved = g.name + ": its code is not in the tree"
				if why != "" {
					unresolved = g.name + ": " + why
				}
				if g.applied != "" {
					unresolved += " (applied " + g.applied + ")"
				}
			}
		}
	}
	if anon != "" {
		// A guest-only guard or a login strategy settles it: a login
		// handler reads the user it has just signed in.
		return Decision{Auth: facts.AuthNone, Evidence: anon}
	}
	if body != "" {
		if codeExchange.MatchString(body) {
			return Decision{Auth: facts.AuthNone, Evidence: LoginEvidence + ": exchanges an authorization code or a passkey assertion"}
		}
		if TakesCredentials(body) || j.callsLogin(body) || j.secretLogin(body) {
			// A login answers 401 to a wrong password: only a guard it
			// calls first (a password change checks the session) counts.
			j.helpersOnly = true
			if ok, role, why := j.code(body, 0); ok {
				return Decision{Auth: facts.AuthRequired, Role: role, Evidence: "handler " + why}
			}
			return Decision{Auth: facts.AuthNone, Evidence: LoginEvidence + ": takes credentials"}
		}
		if ok, role, why := j.code(body, 0); ok {
			ev := "handler " + why
			if bodyAt != "" {
				ev = "handler (" + bodyAt + ") " + why
			}
			return Decision{Auth: facts.AuthRequired, Role: role, Evidence: ev}
		}
	}
	if unresolved != "" {
		return Decision{Auth: facts.AuthUnknown, Evidence: unresolved}
	}
	if complete {
		if s := openUnlessSetting(body); s != "" {
			ev := "handler: open unless " + s
			if bodyAt != "" {
				ev = "handler (" + bodyAt + "): open unless " + s
			}
			return Decision{Auth: facts.AuthNone, Evidence: ev}
		}
		return Decision{Auth: facts.AuthNone}
	}
	return Decision{Auth: facts.AuthUnknown}
}

// openUnlessSetting is the setting a handler's refusal is joined to (if
// (env('X') && !loggedIn()) redirect): the route turns callers away only
// when the setting is on, and is open by default. "" when none.
func openUnlessSetting(body string) string {
	for _, re := range []interface{ FindAllStringIndex(string, int) [][]int }{reject401, reject403, redirectAny} {
		for _, loc := range re.FindAllStringIndex(body, -1) {
			if c := condition(body, loc[0]); strings.HasPrefix(c, "if") {
				test, _ := splitTest(c)
				if s := settingGated(test); s != "" {
					return s
				}
			}
		}
	}
	return ""
}

func guardEvidence(g guard, why string) string {
	ev := g.name
	if w := g.where(); w != "" {
		ev += " (" + w + ")"
	}
	if why != "" {
		ev += ": " + why
	}
	return ev
}

// where is "defined F:L, applied F:L", as far as known.
func (g guard) where() string {
	var where []string
	if g.defined != "" {
		where = append(where, "defined "+g.defined)
	}
	if g.applied != "" {
		where = append(where, "applied "+g.applied)
	}
	return strings.Join(where, ", ")
}

// Where says where a guard is defined and applied, as auth evidence
// gives it ("defined app/deps.py:8, applied app/main.py:12"), or "".
func Where(g router.Guard) string { return guardOf(g).where() }

type judge struct {
	lookup Lookup
	seen   map[string]bool
	// helpersOnly skips the top function's own rejections (a login's 401
	// on a wrong password) and reads only the helpers it calls.
	helpersOnly bool
	taught      *Taught
}

// guard judges one guard: a library's known semantics first (its code is
// not in the tree), then its code, then, when neither is there, whether
// its name says it is meant to guard. Where the guard is defined, when a
// lookup finds it, is recorded on g for its evidence.
func (j *judge) guard(g *guard) (v int, role, why string) {
	if tg, ok := j.taught.guard(g.name); ok {
		return vRequired, roleOf(g.name), j.taught.named(tg)
	}
	if g.verdict.Decided() {
		// The detector read the guard already (a scheme, a dependency).
		why := g.verdict.Evidence
		if why == g.name {
			why = ""
		}
		switch g.verdict.Auth {
		case facts.AuthRequired:
			return vRequired, g.verdict.Role, why
		case facts.AuthUnknown:
			return vUnresolved, "", why
		}
		return vOther, "", why
	}
	if strings.HasSuffix(g.name, " (optional)") {
		return vOther, "", "" // a detector read a flag that lets anonymous callers through
	}
	if strategy.MatchString(g.name) {
		v, why, _ := library(g.name)
		return v, "", why
	}
	code, defined := g.code, g.defined
	if code == "" && j.lookup != nil {
		if c, d, ok := j.lookup(callee(g.name)); ok {
			code, defined = c, d
		} else if inner := wrapped(g.name); inner != "" {
			if c, d, ok := j.lookup(inner); ok {
				code, defined = c, d
			}
		}
	}
	if code != "" {
		g.code = code
		if ok, role, why := j.code(code, 0); ok {
			if !j.guardClassIdentifies(code) {
				// A CSRF check's or a header's 401 turns away a forged
				// form, not a caller with no identity.
				return vOther, "", ""
			}
			if role == "" {
				role = factoryRole(g.name, code)
			}
			if role == "" {
				// The rejection is in a helper it shares with other
				// guards (evaluateOr401); the guard's own name, where
				// its code declares it, says which role it demands
				// (func (a *Auth) RequireAdmin(ctx)). Its body may only
				// record a flag (ctx.Set("is_admin", user.IsAdmin)).
				first, _, _ := strings.Cut(code, "\n")
				role = roleOf(first)
			}
			if g.defined == "" {
				g.defined = defined
			}
			return vRequired, role, why
		}
		return vOther, "", ""
	}
	if v, why, ok := library(g.name); ok {
		if v == vRequired {
			role = roleOf(g.name)
		}
		return v, role, why
	}
	name := compact(strings.ToLower(callee(g.name)))
	if guestOnly.MatchString(name) {
		return vAnon, "", "guest-only"
	}
	if g.framework != "" && !strings.Contains(name, "optional") {
		return vRequired, roleOf(g.name), g.framework + " guard: rejects when canActivate is false"
	}
	if authName.MatchString(g.name) && !strings.Contains(name, "optional") {
		return vUnresolved, "", ""
	}
	return vOther, "", ""
}

// guardClassIdentifies says a guard class (one with a canActivate, as
// NestJS's are) finds out who is calling: it reads the request's user or
// session, or a credential (an Authorization header, a bearer token or
// JWT, an API key) that it verifies, in its own code or a helper it
// calls. One that only compares a CSRF cookie with the form's field, or
// counts requests, may answer 401 but establishes no identity. Code
// that is no guard class is not judged here.
func (j *judge) guardClassIdentifies(code string) bool {
	if !strings.Contains(code, "canActivate") {
		return true
	}
	if callerCredential.MatchString(csrfWord.ReplaceAllString(code, "")) {
		return true
	}
	if j.lookup == nil {
		return false
	}
	for _, loc := range callSite.FindAllStringSubmatchIndex(code, -1) {
		name := code[loc[2]:loc[3]]
		if skipCallee[name] || definesLocally(code, name) {
			continue
		}
		if c, _, ok := j.lookup(name); ok && c != code && callerCredential.MatchString(csrfWord.ReplaceAllString(c, "")) {
			return true
		}
	}
	return false
}

var (
	// callerCredential is code reading who is calling or the credential
	// that says so.
	callerCredential = regexp.MustCompile(`(?i)user|session|authori[sz]ation|bearer|jwt|token|passport|super\.canActivate|extends\s+AuthGuard\b|api[-_]?key|principal|claims|verify\w*\(|authenticat|identity|\baccount`)
	// csrfWord is a CSRF check's own value and where it is read from
	// (csrfToken, _csrf, request.session.csrfSecret): its token and the
	// session holding it are the form's, not the caller's.
	csrfWord = regexp.MustCompile(`(?i)[\w$.\[\]'"-]*(?:csrf|xsrf)[\w-]*`)
)

// extendsPassport is a class declared as a subclass of @nestjs/passport's
// AuthGuard('strategy').
var extendsPassport = regexp.MustCompile(`\bextends\s+AuthGuard\s*\(`)

// passportSubclass says a guard class rejects as passport's AuthGuard
// does: it extends it and leaves canActivate to it, or hands on to
// super.canActivate (after its own opt-outs, such as a public marker). A
// subclass whose own canActivate never calls passport's lets anyone in.
func passportSubclass(src string) string {
	if !extendsPassport.MatchString(src) {
		return ""
	}
	if strings.Contains(src, "super.canActivate(") || !strings.Contains(src, "canActivate(") {
		return "extends passport's AuthGuard, which rejects a request its strategy does not authenticate"
	}
	return ""
}

// code says whether source can reject a caller with no identity: it
// responds 401/403, throws or raises an auth error, aborts, or redirects
// to a login; directly or in a helper it calls (found through lookup).
func (j *judge) code(src string, depth int) (ok bool, role, why string) {
	if tg, ok := j.taught.call(src); ok {
		return true, j.roleOf(src), "calls " + tg.Name + ", " + j.taught.named(tg)
	}
	if why := passportSubclass(src); why != "" {
		return true, j.roleOf(src), why
	}
	if optionalAuth.MatchString(src) {
		return false, "", "" // lets callers without a credential through
	}
	own := depth > 0 || !j.helpersOnly
	if why := rejects(src); why != "" && own {
		return true, j.roleOf(src), why
	}
	if !own {
		// A login's own 401 answers a wrong password; one on a test of
		// the signed-in caller alone (a password change that checks the
		// session first) still guards.
		for _, loc := range reject401.FindAllStringIndex(src, -1) {
			if c := condition(src, loc[0]); strings.HasPrefix(c, "if") && testsOnlyCaller(src, c, j.lookup) && !testsLocal(src, c) {
				return true, j.roleOf(src), "responds 401 to a caller with no session"
			}
		}
	}
	if own && passesOnlyKnown(src) {
		return true, j.roleOf(src), "goes on only for a known caller"
	}
	if own && nextOnVerified(src) {
		return true, j.roleOf(src), "goes on only when the caller's token verifies"
	}
	if why := turnsAway(src, j.lookup); why != "" && own {
		return true, j.roleOf(src), why
	}
	if depth == 0 && own {
		if why, test := runsUnderCallerTest(src, j.lookup); why != "" {
			role := j.roleOf(src)
			if code, _, ok := j.lookup(test); role == "" && ok {
				role = roleOf(code) // validateAdminSession(ses): its role compare
			}
			return true, role, why
		}
	}
	if depth == 0 && own {
		// A helper's named error is only an answer to its caller: it
		// counts where the handler or guard returns it (depth 0), and
		// where that code returns the error a helper gave it.
		if why := returnsNamedRejection(src, j.lookup); why != "" {
			return true, j.roleOf(src), why
		}
		if why := j.returnsHelperRejection(src); why != "" {
			return true, j.roleOf(src), why
		}
	}
	if depth == 0 && own {
		// A handler or guard that returns false on a test of the caller
		// (a Socket.IO event, a NestJS canActivate) turns it away; a
		// helper's false is only an answer, so this is not followed.
		for _, loc := range returnFalse.FindAllStringIndex(src, -1) {
			if c := condition(src, loc[0]); strings.HasPrefix(c, "if") && testsCaller(c) {
				return true, j.roleOf(src), "returns false when the caller fails its test"
			}
		}
	}
	if v, why, ok := libraryCall(src); ok && v == vRequired && own {
		return true, j.roleOf(src), why
	}
	if j.lookup == nil || depth >= maxFollow {
		return false, "", ""
	}
	n := 0
	for _, loc := range callSite.FindAllStringSubmatchIndex(src, -1) {
		name := src[loc[2]:loc[3]]
		if skipCallee[name] || j.seen[name] || definesLocally(src, name) || name == ownName(src) {
			continue
		}
		if optOut.MatchString(callArgs(src[loc[1]:])) {
			continue // parseRequest(req, schema, { skipAuth: true })
		}
		if n++; n > maxCalls {
			break
		}
		j.seen[name] = true
		code, defined, found := j.lookup(name)
		if !found || code == "" || code == src {
			continue
		}
		if !own && !conditional.MatchString(code) {
			continue // unauthorized(): a response the login itself chose to send
		}
		if lit := optionGated(code); lit != "" && !strings.Contains(callArgs(src[loc[1]:]), "'"+lit+"'") && !strings.Contains(callArgs(src[loc[1]:]), `"`+lit+`"`) {
			// page_startup(array()) where the check runs only for
			// in_array('authenticated', $actions): not asked for here.
			continue
		}
		if !own && (TakesCredentials(code) || forwardsPassword.MatchString(code) || j.callsLoginAt(code, 1)) {
			// The login's own check of the password it was sent, here or
			// at an identity provider it hands the password on to.
			continue
		}
		if ok, role, why := j.code(code, depth+1); ok {
			if role == "" {
				role = grantArg(src[loc[2]:], code)
			}
			at := name
			if defined != "" {
				at += " (" + defined + ")"
			}
			return true, role, "calls " + at + ", which " + strings.TrimPrefix(why, "calls ")
		}
	}
	return false, "", ""
}

// grantArg is the role a call names when it hands a literal to code
// that rejects on a permission, role or scope it holds
// (require_permission("super_admin")(fn), where require_permission
// builds a check of current_user.has_permissions), or "".
func grantArg(call, code string) string {
	m := factoryArg.FindStringSubmatch(call)
	if m == nil || !grantWord.MatchString(code) {
		return ""
	}
	return strings.ToLower(m[1])
}

// grantWord is what a check that demands a grant reads.
var grantWord = regexp.MustCompile(`(?i)role|perm|scope|grant|authorit|privilege`)

// exempts says a guard's code lets path through before it rejects: a
// negated test of the request in its code (!isPublicRoute(r)) names a
// helper that compares the request's path with literal paths or
// prefixes, and path is one of them.
func (j *judge) exempts(code, path string) bool {
	if code == "" {
		return false
	}
	// A pass-through written in the guard itself, before its check:
	// if (['/login', '/health'].includes(req.path)) return next();
	// if strings.HasPrefix(r.URL.Path, "/public/") { next.ServeHTTP(w, r); return }
	for _, re := range []*regexp.Regexp{passThrough, pyPassThrough} {
		for _, m := range re.FindAllStringSubmatch(code, -1) {
			c := m[1]
			if requestPath.MatchString(c) && !strings.Contains(c, "!") && !strings.Contains(c, "not ") && pathListed(c, path) {
				return true
			}
		}
	}
	if j.lookup == nil {
		return false
	}
	for _, m := range negatedTest.FindAllStringSubmatch(code, -1) {
		if pathListed(j.pathHelper(m[1], 0), path) {
			return true
		}
	}
	return false
}

// pathHelper is the code of a helper that reads the request's path, with
// the helpers it asks first (isStaticAssetRoute(r) inside isPublicRoute),
// or "".
func (j *judge) pathHelper(name string, depth int) string {
	src, _, ok := j.lookup(name)
	if !ok || !requestPath.MatchString(src) && depth == 0 && !negatedTest.MatchString(src) && !helperTest.MatchString(src) {
		return ""
	}
	out := src
	if depth < 2 {
		for _, m := range helperTest.FindAllStringSubmatch(src, -1) {
			if m[1] != name {
				out += "\n" + j.pathHelper(m[1], depth+1)
			}
		}
	}
	if !requestPath.MatchString(out) {
		return ""
	}
	return out
}

// pathListed says a path helper's code lists path: as a case or an
// equality with a literal, or under a prefix it tests; not one the helper
// answers false for (if r.URL.Path == "/login" { return false }).
func pathListed(src, path string) bool {
	if src == "" {
		return false
	}
	for _, m := range listedPath.FindAllStringSubmatchIndex(src, -1) {
		if src[m[2]:m[3]] == path && !answersFalse(src[m[1]:]) {
			return true
		}
	}
	for _, m := range listedPrefix.FindAllStringSubmatchIndex(src, -1) {
		prefix := src[m[2]:m[3]]
		if strings.HasSuffix(prefix, "/") && strings.HasPrefix(path, prefix) && !answersFalse(src[m[1]:]) {
			return true
		}
	}
	return false
}

// answersFalse says the code after a test returns false first.
func answersFalse(rest string) bool {
	rest = rest[:min(len(rest), 120)]
	f := strings.Index(rest, "return false")
	t := strings.Index(rest, "return true")
	return f >= 0 && (t < 0 || f < t)
}

var (
	// negatedTest is a failed test of the request by a helper: !isPublic(r).
	negatedTest = regexp.MustCompile(`!\s*([A-Za-z_][\w.]*)\(\s*(?:r|req|request|ctx|c)\s*\)`)
	// helperTest is a helper asked about the request: isStaticAsset(r).
	helperTest = regexp.MustCompile(`\b([A-Za-z_][\w.]*)\(\s*(?:r|req|request|ctx|c)\s*\)`)
	// requestPath is code reading the request's path.
	requestPath = regexp.MustCompile(`\.URL\.Path\b|\bnextUrl\.pathname\b|\bpathname\b|\.path\b|\.Path\(\)|request\.path|\breq\.(?:originalUrl|url)\b`)
	// passThrough is a test that hands the request on before the guard
	// checks anything: its condition, up to the line's end.
	passThrough = regexp.MustCompile(`\bif\s*\(?([^\n{]{1,240}?)\)?\s*\{?\s*(?:return\s+)?(?:await\s+)?(?:\w+\.)*(?:next|Next|ServeHTTP)\(`)
	// pyPassThrough is a Flask before_request hook returning nothing
	// (the request goes on) on a test: if request.path in (...): return
	pyPassThrough = regexp.MustCompile(`(?m)\bif\s+([^\n]{1,240}?):\s*(?:\n\s*)?return(?:\s+None)?\s*$`)
	// listedPath is a literal path in a case list, an array, a tuple or
	// an equality.
	listedPath = regexp.MustCompile(`(?:case\s+|[,\[(]\s*|===?\s*)["'](/[^"'\s]*)["']`)
	// listedPrefix is a prefix a path is tested with.
	listedPrefix = regexp.MustCompile(`(?:HasPrefix\(\s*[\w.]+\s*,\s*|startsWith\(\s*|startswith\(\s*)["'](/[^"'\s]*)["']`)
)

// conditional is code that decides something: a helper without it only
// builds a response.
var conditional = regexp.MustCompile(`\bif\b|\?\?|\|\||&&|\?\s*[^:]+:`)

// optOut is an argument turning a helper's auth check off.
var optOut = regexp.MustCompile(`(?i)\b(?:skip_?auth\w*|no_?auth|public|anonymous|allow_?anonymous|optional)\s*[:=]\s*true\b|\b(?:require_?auth\w*|auth|authenticate|auth_?required)\s*[:=]\s*false\b`)

// callArgs is the argument text of a call whose "(" was just read, up to
// its closing parenthesis (at most 400 bytes).
func callArgs(rest string) string {
	depth := 1
	for i := 0; i < len(rest) && i < 400; i++ {
		switch rest[i] {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return rest[:i]
			}
		}
	}
	return ""
}

// optionGate is a function's check that runs only when a caller asks for
// it by a literal among its arguments: in_array('authenticated', $opts),
// $mode === 'auth'.
var optionGate = regexp.MustCompile(`^[^{]*\{\s*if\s*\(\s*(?:in_array\(\s*['"](\w+)['"]\s*,\s*\$\w+|\$\w+\s*===?\s*['"](\w+)['"])\s*\)?\s*\)\s*\{`)

// optionGated is the literal a function's whole check is gated on (its
// first statement tests an argument for it), or "".
func optionGated(code string) string {
	m := optionGate.FindStringSubmatch(code)
	if m == nil {
		return ""
	}
	return m[1] + m[2]
}

// definesLocally says src defines name itself (a decorator's inner
// wrapper): its code is already being read, and a lookup by the bare name
// would find another function's.
func definesLocally(src, name string) bool {
	for _, kw := range []string{"def ", "function ", "func ", "const ", "let ", "var "} {
		i := strings.Index(src, kw+name)
		if i >= 0 {
			rest := strings.TrimLeft(src[i+len(kw)+len(name):], " \t")
			if strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, "=") {
				return true
			}
		}
	}
	return false
}

// Optional says code lets a caller without a credential through before
// any check: optional auth.
func Optional(code string) bool { return optionalAuth.MatchString(code) }

// RoleOf is the role or permission code demands, or "".
func RoleOf(code string) string { return roleOf(code) }

// Rejects says src turns an anonymous caller away (responds 401, redirects
// to login...): a wrapper that does is a guard of its own.
func Rejects(src string) bool { return rejects(src) != "" }

// LooksLikeGuard says a name is meant to guard (requireAuth, sessionAuth):
// a last resort, for reading a flag passed to it, never for a verdict.
func LooksLikeGuard(name string) bool {
	return authName.MatchString(name) && !notAuthWords.MatchString(name)
}

// wrapped is the guard a framework wrapper names: x in Depends(x),
// Security(x), method_decorator(x), UseGuards(x).
var wrapper = regexp.MustCompile(`^@?(?:Depends|Security|method_decorator|decorator_from_middleware|UseGuards)\(\s*([A-Za-z_][\w.]*)`)

func wrapped(name string) string {
	if m := wrapper.FindStringSubmatch(strings.TrimSpace(name)); m != nil {
		return m[1]
	}
	return ""
}

// callee is a guard's name without its arguments: requireRole('admin')
// is requireRole.
func callee(name string) string {
	name = strings.TrimPrefix(name, "@")
	if i := strings.IndexByte(name, '('); i >= 0 {
		name = name[:i]
	}
	return strings.TrimSpace(name)
}

var (
	// callSite is a call in code: the name, dotted, before "(".
	callSite = regexp.MustCompile(`(?:^|[^\w$.])((?:this\.)?(?:[A-Za-z_$][\w$]*\.)?[A-Za-z_$][\w$]*)\s*\(`)
	// skipCallee are calls no helper lookup can resolve to auth: keywords
	// and builtins that look like calls.
	skipCallee = map[string]bool{
		"if": true, "for": true, "while": true, "switch": true, "catch": true, "return": true, "function": true,
		"typeof": true, "await": true, "async": true, "new": true, "print": true, "len": true, "str": true, "int": true,
		"next": true, "res.json": true, "res.send": true, "res.status": true, "console.log": true, "JSON.stringify": true,
		"JSON.parse": true, "make": true, "append": true, "panic": true, "fmt.Sprintf": true, "fmt.Errorf": true,
	}
)

var (
	// rejectCode is code that turns a request away for who is calling:
	// an HTTP 401, an auth exception, a framework's abort.
	reject401Any = regexp.MustCompile(`(?i)(` +
		`(?:\b(?:with)?status(?:_?code)?\s*[(=:,]\s*|(?:^|[\s;{])error\(\s*|sendStatus\(\s*|\.throw\(\s*|\babort\s*\(\s*|AbortWith(?:Status(?:JSON)?|Error)\(\s*|StopWithStatus\(\s*|WriteHeader\(\s*|sendError\(\s*|setStatus(?:Code)?\(\s*|\bhalt\(\s*|\.fail\(\s*|createError\(\s*|HttpError\(\s*|HTTPException\(\s*|NewHTTPError\(\s*|\bResponse\([^)]{0,200}?status\s*[=:]\s*)401\b` +
		`|\breturn\s[^\n;]{0,200},\s*401\b` +
		`|\breturn\s+(?:[\w.]+\.)?\w+\(\s*401\s*,` + // return ctx.ErrorJson(401, ...)
		`|->\s*json\(\s*\[[^;]{0,400}?\]\s*,\s*401\s*[,)]` + // Laravel's response()->json([...spread over lines...], 401)
		`|\babort\(\s*\\?[\w\\]*Response::HTTP_UNAUTHORIZED\b` +
		`|http\.StatusUnauthorized|fiber\.StatusUnauthorized|HttpStatusCode\.Unauthorized\b|\bSC_UNAUTHORIZED\b|HttpStatus\.UNAUTHORIZED|HTTPStatus\.UNAUTHORIZED|HTTP_401_UNAUTHORIZED|\b(?:echo|fiber)\.ErrUnauthorized|StatusCodes\.UNAUTHORIZED` +
		`|(?:raise|throw)\s+(?:[\w.]+\s*(?:\|\||\?\?|\bor\b)\s*)?(?:new\s+)?[\w.]*(?:Unauthori[sz]ed|NotAuthenticated|AuthenticationFailed|AuthenticationError|AuthenticationException|Unauthenticated)\w*` + // throw err || new UnauthorizedException()
		`|(?:return|throw|=>)\s+(?:new\s+)?(?:[\w.]+\.)?unauthori[sz]ed\w*\(` +
		`|Boom\.unauthorized\(|httpErrors\.Unauthorized|login_manager\.unauthorized\(|redirect_to_login\(|redirectToSignIn\(|redirectToLogin\(` +
		`|\bauth\(\)\.protect\(|\bauth\.protect\(` +
		`)`)
	// reject401 runs reject401Any only on text holding a word each match holds.
	reject401 = gate(reject401Any, "401", "unauthori", "authentica", "login", "signin", "protect(")
	// reject403 is the same for 403: it counts only in code that looks
	// at who is calling, since 403 also answers a feature switched off.
	reject403Any = regexp.MustCompile(`(?i)(` +
		`(?:\b(?:with)?status(?:_?code)?\s*[(=:,]\s*|(?:^|[\s;{])error\(\s*|sendStatus\(\s*|\.throw\(\s*|\babort\s*\(\s*|AbortWith(?:Status(?:JSON)?|Error)\(\s*|StopWithStatus\(\s*|WriteHeader\(\s*|sendError\(\s*|setStatus(?:Code)?\(\s*|\bhalt\(\s*|\.fail\(\s*|createError\(\s*|HttpError\(\s*|HTTPException\(\s*|NewHTTPError\(\s*|\bResponse\([^)]{0,200}?status\s*[=:]\s*)403\b` +
		`|\breturn\s[^\n;]{0,200},\s*403\b` +
		`|http\.StatusForbidden|fiber\.StatusForbidden|HttpStatusCode\.Forbidden\b|\bSC_FORBIDDEN\b|HttpStatus\.FORBIDDEN|HTTPStatus\.FORBIDDEN|HTTP_403_FORBIDDEN|\b(?:echo|fiber)\.ErrForbidden|StatusCodes\.FORBIDDEN|HttpResponseForbidden` +
		`|(?:raise|throw)\s+(?:new\s+)?[\w.]*(?:Forbidden|PermissionDenied|PermissionError|AccessDenied|AuthorizationError|AuthorizationException|NotAuthorized)\w*` +
		`|(?:return|throw|=>)\s+(?:new\s+)?(?:[\w.]+\.)?forbidden\w*\(|Boom\.forbidden\(` +
		`|\bhandle_no_permission\(` + // Django's AccessMixin: login for the anonymous, else 403
		`)`)
	// reject403 runs reject403Any only on text holding a word each match holds.
	reject403 = gate(reject403Any, "403", "forbidden", "permission", "accessdenied", "authoriz")
	// identity is code that reads who is calling.
	identity = regexp.MustCompile(`(?i)user|session|token|auth|role|permission|claims|principal|login|logged_?in|signed_?in|\bsess\b|credential|api_?key|jwt|bearer|cookie|admin|staff|superuser`)
	// redirectLogin sends the caller to sign in.
	// PHP sends it with a Location header; the target may follow a
	// call with no arguments (request.getContextPath() + "/login.jsp").
	// PSR-7 sets it on the response: withHeader('Location', '/login').
	redirectLogin = regexp.MustCompile(`(?i)(?:redirect\w*\s*\(|\bheader\s*\(\s*['"]Location:|\bwithHeader\s*\(\s*['"]Location['"]\s*,)\s*(?:(?:[^()\n]{0,80}\(\))?[^)\n]{0,80}?)(?:login|log-in|signin|sign-in|sign_in|/auth\b|/account/login)`)
	// phpStop is a PHP page ending the request: die or exit.
	phpStop = regexp.MustCompile(`\b(?:die|exit)\b\s*(?:\(|;)`)
	// phpAbort is Laravel's abort_if/abort_unless(test, 401 or 403), the
	// status as a number or a Response constant.
	phpAbort = regexp.MustCompile(`\babort_(?:if|unless)\s*\(([^;]{0,300}?),\s*(401|403|\\?[\w\\]*Response::HTTP_(?:UNAUTHORIZED|FORBIDDEN))\s*[,)]`)
	// comparison is a status read rather than sent: resp.status === 401.
	// PHP's -> (->withStatus(401)) and => are no comparison.
	comparison = regexp.MustCompile(`(?:===?|!==?|<|(?:^|[^-=])>)\s*$|\bcase\s+$|\bin\s*\(?\s*$`)
	// csrf marks a CSRF check's 403: not about who is calling.
	csrf = regexp.MustCompile(`(?i)csrf|xsrf`)
	// optionalAuth lets a request with no credential through before any
	// check: if (!token) return next(); if not token: return None; a gin
	// guard whose failed check goes on to the handler (if !a.check(c) { c.Next() }).
	optionalAuth = regexp.MustCompile(`(?i)if\s*\(\s*!\s*[\w.$\[\]'"]+\s*\)\s*\{?\s*(?:return\s+)?(?:await\s+)?next\(\)|if\s+not\s+[\w.\[\]'"]+\s*:\s*return(?:\s+None)?\s*\n|if\s+[\w.()'"-]+\s*==\s*""\s*\{[^{}]*?(?:\w+\.)*(?:next|Next|h|handler)\.ServeHTTP\(|if\s+!\s*[\w.]+\([^{}\n]*\)\s*\{\s*\w+\.Next\(\)`)
)

// negated is a failed test of the caller (in Go, an error reading its
// cookie or token; in PHP, empty($_SESSION[...]) or true !== loggedIn()), or a pass-through
// before the rejection.
var negated = regexp.MustCompile(`!\s*[\w(]|!==?\s*true\b|\btrue\s*!==?|===?\s*false\b|\bfalse\s*===?|\bempty\s*\(|\bnot\s|\bis\s+None\b|==\s*(?:null|nil|None|undefined|"")|\berr\w*\s*!=\s*nil\b|\bnext\(|\bNext\(|\belse\b`)

// cookieErr is the error of reading a named cookie off the request
// (Go's r.Cookie, gin's and echo's c.Cookie): a nil error is a cookie sent.
var cookieErr = regexp.MustCompile(`\b\w+\s*,\s*(\w+)\s*:?=\s*\w+\.Cookie\(\s*[\w."]`)

// loginTarget is a variable given the login page's path.
var loginTarget = regexp.MustCompile("(?i)\\b([A-Za-z_]\\w*)\\s*:?=\\s*['\"`][^'\"`\\n]{0,40}(?:login|log-in|signin|sign-in|sign_in)[^'\"`\\n]{0,40}['\"`]")

var returnFalse = regexp.MustCompile(`\breturn\s+(?:False|false)\b`)

// rejects says why src rejects an anonymous caller, or "".
func rejects(src string) string { return rejectsMemo.get(src, rejectsText) }

var rejectsMemo memo[string]

func rejectsText(src string) string {
	for _, m := range phpAbort.FindAllStringSubmatch(src, -1) {
		// Laravel's abort_unless(test, 401): the test is the argument.
		if strings.HasSuffix(m[2], "401") || strings.HasSuffix(m[2], "UNAUTHORIZED") {
			return "aborts 401"
		}
		if testsCaller(m[1]) && !csrf.MatchString(m[1]) {
			return "aborts 403 when its test of the caller fails"
		}
	}
	for _, loc := range reject401.FindAllStringIndex(src, -1) {
		if !comparison.MatchString(src[max(0, loc[0]-12):loc[0]]) && !forgeableAt(src, loc[0]) && !gatedAt(src, loc[0]) {
			return "responds 401"
		}
	}
	for _, loc := range redirectLogin.FindAllStringIndex(src, -1) {
		// Only a redirect some test of the caller leads to: a handler
		// sending everyone to the login page after sign-up rejects no one.
		// The test must be failed (if (!req.user), if not ...is_authenticated)
		// or passed by an earlier next(): "if (user) redirect('/login')"
		// after a password reset sends a known user on, it rejects no one.
		if c := condition(src, loc[0]); strings.HasPrefix(c, "if") && testsCaller(c) && negated.MatchString(c) {
			return "redirects to login"
		}
	}
	// The request carries no session cookie: Go's cookie read fails
	// (c, err := r.Cookie("token"); if err != nil { redirect to login }).
	for _, m := range cookieErr.FindAllStringSubmatchIndex(src, -1) {
		failed := regexp.MustCompile(`^if\s+` + regexp.QuoteMeta(src[m[2]:m[3]]) + `\s*!=\s*nil\b`)
		for _, loc := range redirectLogin.FindAllStringIndex(src[m[1]:], -1) {
			if failed.MatchString(condition(src, m[1]+loc[0])) {
				return "redirects to login when the request has no session cookie"
			}
		}
		for _, loc := range reject401.FindAllStringIndex(src[m[1]:], -1) {
			if failed.MatchString(condition(src, m[1]+loc[0])) {
				return "responds 401 when the request has no session cookie"
			}
		}
	}
	for _, loc := range phpStop.FindAllStringIndex(src, -1) {
		// A page that stops when its test of the caller fails
		// (if (!isset($_SESSION['user'])) die('denied');).
		if c := condition(src, loc[0]); strings.HasPrefix(c, "if") && testsCaller(c) && negated.MatchString(c) && strings.Contains(c, "$_SESSION") {
			return "stops the request when the session holds no caller"
		}
	}
	// The login page named once and the redirect given the name:
	// target := "/login"; http.Redirect(w, r, target, http.StatusSeeOther).
	for _, m := range loginTarget.FindAllStringSubmatch(src, -1) {
		to := regexp.MustCompile(`(?i)\bredirect\w*\s*\([^)\n]{0,60}?\b` + regexp.QuoteMeta(m[1]) + `\b`)
		for _, loc := range to.FindAllStringIndex(src, -1) {
			if c := condition(src, loc[0]); strings.HasPrefix(c, "if") && testsCaller(c) && negated.MatchString(c) {
				return "redirects to login"
			}
		}
	}
	for _, loc := range redirectRoot.FindAllStringIndex(src, -1) {
		// Sent home rather than to a login page: a rejection only on the
		// branch a failed test of the caller takes (if (s.loggedIn === 1)
		// next() else redirect('/')), never where an anonymous caller goes
		// on (if (!req.user) return next(); redirect('/')).
		if c := condition(src, loc[0]); strings.HasPrefix(c, "if") && testsCaller(c) && failedBranch(c) {
			return "redirects away"
		}
	}
	if csrf.MatchString(src) {
		return ""
	}
	for _, loc := range reject403.FindAllStringIndex(src, -1) {
		if !comparison.MatchString(src[max(0, loc[0]-12):loc[0]]) && testsCaller(condition(src, loc[0])) && !forgeableAt(src, loc[0]) {
			return "responds 403"
		}
	}
	return ""
}

// testsLocal says the test of an if (c) reads a variable src assigns:
// a login's session = SignIn(...), whatever its name, is what the login
// made, not the caller it was handed.
func testsLocal(src, c string) bool {
	test, _ := splitTest(c)
	for _, m := range memberChain.FindAllStringSubmatch(strings.TrimPrefix(test, "if"), -1) {
		head, _, _ := strings.Cut(strings.Join(strings.Fields(m[1]), ""), ".")
		if head == "" || testWords[head] {
			continue
		}
		if regexp.MustCompile(`(?:^|[^\w$.])` + regexp.QuoteMeta(head) + `\s*=[^=>]`).MatchString(src) {
			return true
		}
	}
	return false
}

// callsLogin says body hands what it was sent to a helper that checks a
// password: one that answers with a value, not a rejection of its own (a
// model's authorize(context, request) that returns null on a wrong
// password), or one handed the posted body whatever it answers. The
// handler is a login, its 401 the answer to a wrong password.
//
// A helper that is itself such a login (another handler of the class
// the admin login hands its form to: return this.login(body, res))
// makes the handler one too.
func (j *judge) callsLogin(body string) bool {
	return j.callsLoginAt(body, 0)
}

func (j *judge) callsLoginAt(body string, depth int) bool {
	if j.lookup == nil || depth >= maxFollow {
		return false
	}
	n := 0
	for _, loc := range callSite.FindAllStringSubmatchIndex(body, -1) {
		name := body[loc[2]:loc[3]]
		if skipCallee[name] || definesLocally(body, name) {
			continue
		}
		if n++; n > maxCalls {
			break
		}
		code, _, ok := j.lookup(name)
		if !ok || code == "" || code == body {
			continue
		}
		// Handed what the client posted (login(req.body.user)), the
		// helper's own refusal answers a wrong password; handed the
		// request, it may be a guard reading a header (basic auth).
		args := callArgs(body[loc[1]:])
		if !TakesCredentials(code) {
			if (clientRead.MatchString(args) || postedParam(body, args)) && j.callsLoginAt(code, depth+1) {
				return true
			}
			continue
		}
		if rejects(code) == "" || clientRead.MatchString(args) || postedParam(body, args) {
			return true
		}
	}
	return false
}

// forwardsPassword hands a password it was given on in a call's
// fields (generateToken({ username: req.user, password: req.password })):
// a password grant at an identity provider, whose refusal answers a
// wrong password.
var forwardsPassword = regexp.MustCompile(`(?i)\bpassword['"]?\s*[:=]\s*[\w$]+(?:\.[\w$]+)*\.password\b`)

// LoginEvidence starts the auth evidence of a route the judge read as a
// login: where credentials come in (Classify tags it auth).
const LoginEvidence = facts.LoginEvidence

// secretLogin says code signs its caller in with a secret they posted: it
// reads what the client sent, compares it with the app's own secret in
// constant time, against a kept hash or as a key derived from it, and issues a cookie, a session or
// a token, itself or in the functions it calls (three deep: a handler's
// closure handing the request to an authenticator's StartSession, which
// derives a key and compares it with the server's). An app with one shared secret and no user
// table signs in this way, with no password or user in sight. A guard
// that compares a cookie issues nothing; a write that checks nothing
// compares nothing.
func (j *judge) secretLogin(code string) bool {
	// Each function's signs are read once per scan: a large app's
	// handlers call the same few helpers.
	var f loginSigns
	for _, part := range j.withCallees(code, 3, map[string]bool{}, nil) {
		f |= loginSignsMemo.get(part, loginSignsOf)
	}
	compares := f&signCompare != 0 || f&signDerive != 0 && f&signKeyEqual != 0
	return compares && f&signSession != 0 && f&signClient != 0
}

// loginSigns are the signs of a secret login that one function's code
// shows: the handler and its callees together must show them all.
type loginSigns uint8

const (
	signCompare loginSigns = 1 << iota
	signDerive
	signKeyEqual
	signSession
	signClient
)

var loginSignsMemo memo[loginSigns]

func loginSignsOf(text string) loginSigns {
	var f loginSigns
	for _, s := range []struct {
		re   interface{ MatchString(string) bool }
		sign loginSigns
	}{{secretCompare, signCompare}, {keyDerive, signDerive}, {keyEqual, signKeyEqual}, {sessionIssue, signSession}, {clientRead, signClient}, {postedBody, signClient}} {
		if f&s.sign == 0 && s.re.MatchString(text) {
			f |= s.sign
		}
	}
	return f
}

// withCallees is code followed by the code of the functions it calls
// that a lookup finds, depth deep, each once.
func (j *judge) withCallees(code string, depth int, seen map[string]bool, out []string) []string {
	out = append(out, code)
	if j.lookup == nil || depth == 0 {
		return out
	}
	n := 0
	for _, name := range callNamesMemo.get(code, callNames) {
		last := name[strings.LastIndexByte(name, '.')+1:]
		if skipCallee[name] || skipCallee[last] || seen[last] {
			continue
		}
		seen[last] = true
		if n++; n > maxCalls {
			break
		}
		if c, _, ok := j.lookup(name); ok && c != "" && c != code {
			out = j.withCallees(c, depth-1, seen, out)
		}
	}
	return out
}

var callNamesMemo memo[[]string]

// callNames are the calls code makes, by their last two names.
func callNames(code string) []string {
	var out []string
	for _, m := range memberCall.FindAllStringSubmatch(code, -1) {
		out = append(out, m[1])
	}
	return out
}

var (
	// memberCall is a call by its last two names, whatever holds it:
	// s.authenticator.StartSession(w, r) calls authenticator.StartSession.
	memberCall = regexp.MustCompile(`((?:[A-Za-z_$][\w$]*\.)?[A-Za-z_$][\w$]*)\s*\(`)
	// secretCompare compares a value with a kept secret the way only a
	// credential check does: in constant time, or against a hash.
	secretCompare = gate(regexp.MustCompile(`\bsubtle\.ConstantTimeCompare\(|\bhmac\.(?:Equal|compare_digest)\(|\btimingSafeEqual\(|\bsecrets\.compare_digest\(|\bhash_equals\(|\bMessageDigest\.isEqual\(|\bFixedTimeEquals\(|\bCompareHashAndPassword\(|\bbcrypt\.compare(?:Sync)?\(|\bpassword_verify\(|\bcheck_password_hash\(|\bcheckpw\(|\bargon2\.verify\(`), "compare", "hmac.", "timingsafeequal", "hash_equals", "isequal", "fixedtimeequals", "password_verify", "check_password_hash", "checkpw", "argon2.verify")
	// keyDerive derives a key from a secret (PBKDF2, scrypt, Argon2);
	// keyEqual compares two such keys: a derived key compared is a
	// secret checked.
	keyDerive = regexp.MustCompile(`\bpbkdf2(?:\.Key|_hmac)?\(|\bscrypt\.Key\(|\bargon2\.I?DKey\(|\bpbkdf2Sync\(|\bhashlib\.scrypt\(`)
	keyEqual  = regexp.MustCompile(`\.Equal\(|\bbytes\.Equal\(|\.equals\(`)
	// sessionIssue hands the caller a cookie, a session or a signed token.
	sessionIssue = regexp.MustCompile(`\bSetCookie\(|\.cookie\(\s*['"]|\bset_cookie\(|\bsetcookie\(|\bCookies\.Append\(|\bsession(?:\.Values)?\[[^\]\n]+\]\s*=[^=]|\.session\.\w+\s*=[^=]|\blogin_user\(|\bjwt\.sign\(|\bNewWithClaims\(|\bSignedString\(`)
	// postedBody is Go code reading what the client posted.
	postedBody = regexp.MustCompile(`\br\.Body\b|\.(?:FormValue|PostFormValue|ParseForm|Bind|BindJSON|ShouldBind\w*|BodyParser)\(`)
)

// postedField is a handler parameter bound to what the client posted or
// put in the query (NestJS's @Body() form, @Query() q).
var postedField = regexp.MustCompile(`@(?:Body|Query)\(\s*(?:['"][\w.-]*['"])?\s*\)\s*(?:(?:private|public|readonly)\s+)*(\w+)`)

// postedParam says a call's arguments hand on such a parameter of the
// handler: a helper checking the password in it answers the login,
// whether it sits in the handler's own class or another file.
func postedParam(body, args string) bool {
	names := strings.FieldsFunc(args, func(r rune) bool { return r != '_' && r != '$' && !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for _, m := range postedField.FindAllStringSubmatch(body, -1) {
		if slices.Contains(names, m[1]) {
			return true
		}
	}
	return false
}

// forgeableAt says the rejection at i sits behind a test the client
// passes by sending a literal (see forgeable) or any credential header at
// all (see presenceOnly).
func forgeableAt(src string, i int) bool {
	c := condition(src, i)
	return strings.HasPrefix(c, "if") && (forgeable(src, c) || presenceOnly(src, c, i))
}

// turnsAway says why src turns away a caller who fails a test of the
// caller alone, or "". A 404 also answers a missing record, and a
// redirect goes anywhere: each rejects only on the branch a failed test
// of the caller takes (if user == nil || !user.IsAdmin, user :=
// ctx.User), never on a test of a record the code looked up.
func turnsAway(src string, lookup Lookup) string {
	for _, re := range []*regexp.Regexp{reject404, redirectAny} {
		for _, loc := range re.FindAllStringIndex(src, -1) {
			if comparison.MatchString(src[max(0, loc[0]-12):loc[0]]) {
				continue
			}
			if c := condition(src, loc[0]); strings.HasPrefix(c, "if") && failedBranch(c) && testsOnlyCaller(src, c, lookup) {
				if re == reject404 {
					return "answers 404 to a caller who fails its test"
				}
				return "redirects a caller who fails its test"
			}
		}
	}
	return ""
}

// returnsNamedRejection says why src turns a caller away with an error
// it returns by name, or "": return errSignIn (or err := errSignIn, then
// return err) on the branch a failed test of the caller takes, where the
// value is declared with a 401, 403, 404 or 400 status (var errSignIn =
// HTTPError{http.StatusUnauthorized, "..."}). A 401 needs a test that
// reads the caller; a 403, 404 or 400 a test of the caller alone, as for
// turnsAway (a 400 to a request with no token: "a token is required").
func returnsNamedRejection(src string, lookup Lookup) string {
	if lookup == nil {
		return ""
	}
	seen := map[string]bool{}
	for _, m := range namedReturn.FindAllStringSubmatchIndex(src, -1) {
		name := src[m[2]:m[3]]
		if seen[name] || testWords[name] || errName.MatchString(name) && !strings.ContainsAny(name[1:], "ABCDEFGHIJKLMNOPQRSTUVWXYZ_") {
			continue // err, error: the value of a call, not a declared answer
		}
		seen[name] = true
		c := condition(src, m[0])
		if !strings.HasPrefix(c, "if") || !failedBranch(c) || switched(src, m[0], c) {
			continue
		}
		decl, _, ok := lookup(ValuePrefix + name)
		if !ok {
			continue
		}
		status := ""
		switch {
		case reject401.MatchString(decl) || unauthorizedStatus.MatchString(decl):
			status = "401"
		case reject403.MatchString(decl) || forbiddenStatus.MatchString(decl):
			status = "403"
		case reject404.MatchString(decl) || notFoundStatus.MatchString(decl):
			status = "404"
		case badRequestStatus.MatchString(decl):
			status = "400" // "a token is required", on a test of the caller's token alone
		default:
			continue
		}
		if !(status == "401" && testsCaller(c)) && !testsOnlyCaller(src, c, lookup) {
			continue
		}
		return "answers " + status + " (" + name + ") to a caller who fails its test"
	}
	return ""
}

// returnsHelperRejection says why src turns a caller away with the error
// a helper handed the request gives it, or "": u, err := apiAuth(app, r)
// then if err != nil { return err }, where apiAuth returns a named 401
// (or 403, 404) on a failed test of the caller.
func (j *judge) returnsHelperRejection(src string) string {
	if j.lookup == nil {
		return ""
	}
	for _, m := range helperErr.FindAllStringSubmatchIndex(src, -1) {
		errVar, call := src[m[2]:m[3]], src[m[4]:]
		name := handedRequest(call)
		if name == "" || j.seen["err:"+name] {
			continue
		}
		from := m[1] + len(callArgs(src[m[1]:])) + 1
		rest := src[min(len(src), from):min(len(src), from+400)]
		ev := regexp.MustCompile(`^[^\n{]*?(?:;|\n\s*if)\s*` + regexp.QuoteMeta(errVar) + `\s*!=\s*nil\s*\{[^{}]*?\breturn\s+(?:nil\s*,\s*)?(?:\w+\.)?` + regexp.QuoteMeta(errVar) + `\b`).FindStringIndex(rest)
		if ev == nil || switched(src, from+ev[1], "") {
			continue
		}
		j.seen["err:"+name] = true
		code, defined, ok := j.lookup(name)
		if !ok {
			continue
		}
		if why := returnsNamedRejection(code, j.lookup); why != "" {
			at := name
			if defined != "" {
				at += " (" + defined + ")"
			}
			return "returns the error of " + at + ", which " + why
		}
	}
	return ""
}

// helperErr is a call whose error is kept: u, err := apiAuth(app, r), or
// if _, err := apiAuth(app, r); err != nil.
var helperErr = regexp.MustCompile(`(?m)^\s*(?:if\s+)?(?:\w+\s*,\s*)?(\w*[eE]rr\w*)\s*:?=\s*([\w.]+\()`)

// switched says the rejection at i is only reached when a setting is on
// or when a parameter of the function it is in says so: a test it sits
// in (c, its own, and those of the blocks around it) reads the app's
// configuration (if cfg.App.Private { ... }) or, in Go, a parameter the
// wrapper is applied with (Web(f, level) ... if level(cfg) == User &&
// !gotUser): a check that holds for some routes only.
func switched(src string, i int, c string) bool {
	tests := append(enclosingTests(src, i), c)
	params := goParams(src)
	for _, t := range tests {
		if k := strings.LastIndexByte(t, ';'); k >= 0 {
			t = t[k+1:] // if _, err := auth(app, r); err != nil: the test is after the ";"
		}
		if configRef.MatchString(t) {
			return true
		}
		for _, p := range params {
			if regexp.MustCompile(`\b` + regexp.QuoteMeta(p) + `\b`).MatchString(t) {
				return true
			}
		}
	}
	return false
}

// enclosingTests are the tests of the branches around position i (the
// text before each "{" that opens an if, else or switch), innermost
// first; a function's own head is none.
func enclosingTests(src string, i int) []string {
	var out []string
	depth := 0
	for k := i - 1; k >= 0 && len(out) < 6; k-- {
		switch src[k] {
		case '}':
			depth++
		case '{':
			if depth > 0 {
				depth--
				continue
			}
			start := strings.LastIndexByte(src[:k], '\n') + 1
			if h := src[start:k]; branchHead.MatchString(h) {
				out = append(out, h)
			}
		}
	}
	return out
}

// goParams are the parameters of a Go function's head (func (h *T)
// Web(f handlerFunc, ul UserLevelFunc)) other than the request and the
// response. The handler a wrapper wraps is one too, but no test reads it.
func goParams(src string) []string {
	m := goFuncHead.FindStringSubmatch(src)
	if m == nil {
		return nil
	}
	var out []string
	for _, p := range strings.Split(m[1], ",") {
		f := strings.Fields(p)
		if len(f) != 2 {
			continue
		}
		name, typ := f[0], f[1]
		if requestArg.MatchString(name) || strings.Contains(typ, "Request") || strings.Contains(typ, "ResponseWriter") {
			continue
		}
		out = append(out, name)
	}
	return out
}

var branchHead = regexp.MustCompile(`^\s*(?:\}\s*)?(?:if|else|switch|case)\b`)

var goFuncHead = regexp.MustCompile(`^\s*func\s*(?:\([^)]*\)\s*)?\w+\s*\(([^)]*)\)`)

var (
	// namedReturn is a value returned by name, or put in a variable on
	// the line before it is returned: return errSignIn, return nil,
	// errSignIn, err := errSignIn.
	namedReturn = regexp.MustCompile(`(?m)(?:\breturn\s+(?:nil\s*,\s*)?|^\s*\w+\s*:?=\s*)([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?)\s*$`)
	// statuses as a value declares them: a bare code in a struct literal
	// or a constructor (HTTPError{401, ...}, NewError(403, ...)).
	unauthorizedStatus = regexp.MustCompile(`[{(,]\s*401\s*[,})]`)
	forbiddenStatus    = regexp.MustCompile(`[{(,]\s*403\s*[,})]`)
	notFoundStatus     = regexp.MustCompile(`[{(,]\s*404\s*[,})]`)
	badRequestStatus   = regexp.MustCompile(`[{(,]\s*(?:400|http\.StatusBadRequest)\s*[,})]`)
)

var (
	// reject404 is a "not found" answer.
	reject404 = regexp.MustCompile(`(?i)(?:\bstatus(?:_?code)?\s*[(=:,]\s*|sendStatus\(\s*|\babort\s*\(\s*|AbortWith(?:Status(?:JSON)?|Error)\(\s*|WriteHeader\(\s*|createError\(\s*|HttpError\(\s*|NewHTTPError\(\s*)404\b` +
		`|\breturn\s[^\n;]{0,200},\s*404\b|\breturn\s+(?:[\w.]+\.)?\w+\(\s*404\s*,` +
		`|http\.StatusNotFound|HttpStatus\.NOT_FOUND|HTTPStatus\.NOT_FOUND|HTTP_404_NOT_FOUND|StatusCodes\.NOT_FOUND|\b(?:echo|fiber)\.ErrNotFound|\bhttp\.NotFound\(` +
		`|(?:raise|throw)\s+(?:new\s+)?[\w.]*(?:Http404|NotFound)\w*` +
		`|(?:return|throw|=>)\s+(?:new\s+)?(?:[\w.]+\.)?notFound\w*\(`)
	// redirectAny is a redirect to any place.
	redirectAny = regexp.MustCompile(`(?i)\bredirect\w*\s*\(`)
)

// testsOnlyCaller says the test of an if (c, from condition) reads only
// the caller: each thing it tests is read off the request or context
// for who is calling (ctx.User, req.session, request.user.is_staff,
// current_user), or a variable src assigns only from one (user :=
// ctx.User). A test of anything else (a record looked up by the path's
// id, a setting, a gist's visibility, an error) is not the caller's.
func testsOnlyCaller(src, c string, lookup Lookup) bool {
	test, _ := splitTest(c)
	if settingGated(test) != "" {
		// if (env('X') && !loggedIn()): the test passes whenever the
		// setting is off, so the route is open by default.
		return false
	}
	test = quoted.ReplaceAllString(strings.TrimPrefix(test, "if"), `""`)
	subjects := 0
	// A helper of the class's own that is handed nothing and reads the
	// session or the current user tests the caller alone.
	for _, m := range ownTest.FindAllStringSubmatchIndex(test, -1) {
		if lookup == nil {
			break
		}
		code, _, ok := lookup(test[m[0]:m[3]])
		if ok && !requestData.MatchString(code) && codeReadsCaller(code) {
			subjects++
			test = test[:m[0]] + strings.Repeat(" ", m[1]-m[0]) + test[m[1]:]
		}
	}
	for _, m := range memberChain.FindAllStringSubmatchIndex(test, -1) {
		chain := strings.Join(strings.Fields(test[m[2]:m[3]]), "")
		if strings.HasPrefix(strings.TrimLeft(test[m[3]:], " \t"), "(") {
			// A call tests what it is given, or its receiver:
			// isAdmin(user), ctx.User.IsAdmin().
			if callerRef.MatchString(chain) {
				subjects++
				continue
			}
			k := strings.LastIndexByte(chain, '.')
			if k < 0 {
				continue
			}
			chain = chain[:k]
		}
		head, _, _ := strings.Cut(chain, ".")
		if testWords[head] {
			continue
		}
		if !callerRef.MatchString(chain) && !callerVar(src, head, lookup) {
			return false
		}
		subjects++
	}
	return subjects > 0
}

// gatedAt says the rejection at i is under a test joined by and to a
// setting (if (!loggedIn() && $conf->get('force_login')) throw ...): it
// turns callers away only while the setting is on.
func gatedAt(src string, i int) bool {
	test := enclosingIf(src, i)
	return test != "" && settingGated(test) != ""
}

// ifOpen is the start of a parenthesized if.
var ifOpen = regexp.MustCompile(`\bif\s*\(`)

// enclosingIf is the test of the if whose block's first statement holds
// i (if (...multi-line test...) { throw ... }), its line comments
// dropped, or "". Unlike condition it reads a test of any length.
func enclosingIf(src string, i int) string {
	from := max(0, i-1500)
	win := src[from:i]
	locs := ifOpen.FindAllStringIndex(win, -1)
	for k := len(locs) - 1; k >= 0; k-- {
		depth, end := 0, -1
		for j := locs[k][1] - 1; j < len(win); j++ {
			switch win[j] {
			case '(':
				depth++
			case ')':
				depth--
			}
			if depth == 0 {
				end = j + 1
				break
			}
		}
		if end < 0 {
			continue
		}
		if !blockStart.MatchString(win[end:]) {
			return ""
		}
		return lineComment.ReplaceAllString(win[locs[k][0]:end], "")
	}
	return ""
}

var (
	// blockStart is the text from a test's end to the first statement
	// of its block.
	blockStart = regexp.MustCompile(`^\s*\{?\s*$`)
	// lineComment is a // or # comment to the end of its line.
	lineComment = regexp.MustCompile(`(?m)(?://|#).*$`)
)

// settingGated says when a test joined by and, one of whose conjuncts
// reads the app's configuration (env('X'), os.getenv("X"), process.env.X,
// config('x'), settings.X), can fail ("X is set", "X is unset"): a guard
// under it applies only then. "" for any other test.
func settingGated(test string) string {
	if !conjunction.MatchString(test) {
		return ""
	}
	loc := settingRead.FindStringSubmatchIndex(test)
	if loc == nil {
		return ""
	}
	name := "a setting"
	for i := 2; i+1 < len(loc); i += 2 {
		if loc[i] >= 0 {
			name = test[loc[i]:loc[i+1]]
			break
		}
	}
	// if (!env('X') && !loggedIn()): the guard applies while X is unset.
	if before := strings.TrimRight(test[:loc[0]], " \t("); strings.HasSuffix(before, "!") || strings.HasSuffix(before, "not") {
		return name + " is unset"
	}
	return name + " is set"
}

var (
	// conjunction joins two tests by and.
	conjunction = regexp.MustCompile(`&&|\band\b`)
	// settingRead reads a configuration value by name (PHP's
	// $conf->get('x.y') on the app's configuration object too).
	settingRead = regexp.MustCompile(`\b(?:env|getenv|config|Config::get|os\.getenv|os\.Getenv|System\.getenv)\(\s*['"]([\w.-]+)['"]|\bos\.environ(?:\.get\(\s*|\[\s*)['"]([\w.-]+)['"]|\bprocess\.env\.(\w+)|\bsettings\.([A-Z][A-Z0-9_]+)\b|(?:\$|->)(?:conf|config|settings)\s*->\s*get\(\s*['"]([\w.-]+)['"]`)
)

var (
	// memberChain is a name and its fields: request.user.is_staff.
	memberChain = regexp.MustCompile(`(?:^|[^\w$.])([A-Za-z_$][\w$]*(?:\s*\??\.\s*[A-Za-z_$][\w$]*)*)`)
	// quoted is a string literal.
	quoted = regexp.MustCompile("\"[^\"\n]*\"|'[^'\n]*'|`[^`]*`")
	// callerRef is what the request or context holds for who is calling
	// (ctx.User, req.session, request.user, c.Locals), or the framework's
	// global for it (current_user).
	// ASP.NET's controller User (User.Identity, User.IsInRole) and
	// HttpContext.User are the principal authentication set.
	callerRef = regexp.MustCompile(`(?i)^(?:(?:(?:self|this)\.)?(?:ctx|c|r|req|request|context|httpcontext|g|res\.locals|ctx\.state|event\.locals|locals)\??\.\w*(?:user|session|account|identity|principal|claims|viewer|auth)\w*|current_?user|session|(?-i:User)\??\.(?-i:Identity|IsInRole|Claims|FindFirst\w*|HasClaim))\b`)
	// requestData reads what the client sent: a lookup keyed by it finds
	// a record, not the caller.
	requestData = regexp.MustCompile(`\b(?:Param|Params|ParamsInt|Query|QueryParam|FormValue|PostFormValue|PathValue|URLParam|params|query|body|kwargs|args|GET|POST|data|match_info|path_params|query_params)\b`)
	// callerGetter reads the caller off a context by key: c.Get("user").
	// A session cookie or an auth header read off the request names
	// the caller too: r.Cookie("session"), r.Header.Get("Authorization").
	callerGetter = regexp.MustCompile(`(?i)\.(?:Get|MustGet|Value|Locals|get)\(\s*["'\w]*(?:user|session|account|claims|principal|identity)` +
		`|\b(?:r|req|request)\.(?:Cookie|Header\.Get|headers\.get|cookies\.get|COOKIES\.get)\(\s*["'][\w-]*(?:session|token|auth|sid)`)
	// requestOnly is a call handed only the request or context: getUser(r).
	requestOnly = regexp.MustCompile(`^([\w$.]+)\(\s*(?:ctx|c|r|req|request|context|r\.Context\(\))\s*\)`)
	// errName is a variable holding an error.
	errName = regexp.MustCompile(`(?i)err(?:or)?s?$`)
	// testWords are the words of a test that name no subject.
	testWords = map[string]bool{
		"nil": true, "null": true, "None": true, "undefined": true, "not": true, "and": true, "or": true, "is": true,
		"in": true, "true": true, "false": true, "True": true, "False": true, "typeof": true, "len": true, "await": true, "ok": true,
	}
)

// readsCaller says rhs calls a function handed only the request or
// context whose code reads the caller off it (c.Get("user"),
// req.session.user) and nothing the client sent.
//
// The request may come with handles of the app (getUser(h.app, r)), and
// the helper may hand it on to another that reads the caller
// (getUserSession(app, r) → getUserAndSession(app, r)), one hop.
func readsCaller(rhs string, lookup Lookup) bool {
	return readsCallerAt(rhs, lookup, 0)
}

func readsCallerAt(rhs string, lookup Lookup, depth int) bool {
	name := handedRequest(rhs)
	if name == "" || lookup == nil {
		return false
	}
	code, _, ok := lookup(name)
	if !ok || requestData.MatchString(code) {
		return false
	}
	if codeReadsCaller(code) {
		return true
	}
	if depth >= 1 {
		return false
	}
	for _, loc := range callSite.FindAllStringSubmatchIndex(code, -1) {
		call := code[loc[2]:]
		if c := code[loc[2]:loc[3]]; c != name && !skipCallee[c] && readsCallerAt(call, lookup, depth+1) {
			return true
		}
	}
	return false
}

// codeReadsCaller says a helper's code reads who is calling: a caller
// getter, or the request's or the framework's caller (session, current
// user).
func codeReadsCaller(code string) bool {
	if callerGetter.MatchString(code) {
		return true
	}
	for _, c := range memberChain.FindAllStringSubmatch(quoted.ReplaceAllString(code, `""`), -1) {
		if callerRef.MatchString(strings.Join(strings.Fields(c[1]), "")) {
			return true
		}
	}
	return false
}

// ownTest is a test calling a helper of the handler's own class with no
// argument: if (!$this->isLoggedIn()), self::currIsAdmin().
var ownTest = regexp.MustCompile(`(?:\$this->|\b(?:self|static|parent)::)([A-Za-z_]\w*)\s*\(\s*\)`)

// handedRequest is the function rhs calls when it hands it the request or
// context, alone (getUser(r)) or with plain handles of the app that carry
// nothing the client sent (getUser(h.app.App(), r)); else "".
func handedRequest(rhs string) string {
	if m := requestOnly.FindStringSubmatch(rhs); m != nil {
		return m[1]
	}
	m := callHead.FindStringSubmatch(rhs)
	if m == nil {
		return ""
	}
	args := strings.Split(callArgs(rhs[len(m[0]):]), ",")
	req := false
	for _, a := range args {
		a = strings.TrimSpace(a)
		switch {
		case requestArg.MatchString(a):
			req = true
		case !plainHandle.MatchString(a) || requestData.MatchString(a):
			return ""
		}
	}
	if !req {
		return ""
	}
	return m[1]
}

var (
	callHead    = regexp.MustCompile(`^([\w$.]+)\(`)
	requestArg  = regexp.MustCompile(`^(?:ctx|c|r|req|request|context|r\.Context\(\))$`)
	plainHandle = regexp.MustCompile(`^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*(?:\(\))?)*$`)
)

// callerVar says src assigns the variable name only from the caller: a
// field of the request or context for who is calling, a getter of it by
// key, or a function handed only the request that reads one
// (currentUser(c), whose body is c.Get("user")); never from a lookup
// keyed by what the client sent, and never an error.
func callerVar(src, name string, lookup Lookup) bool {
	if name == "" || errName.MatchString(name) {
		return false
	}
	q := regexp.QuoteMeta(name)
	assign := regexp.MustCompile(`(?:^|[^\w$.])` + q + `(?:\s*,\s*[\w$]+)*\s*(?::=|=[^=>])\s*([^\n;]*)` +
		`|\{[^{}=]*\b` + q + `\b[^{}=]*\}\s*=[^=>]\s*([^\n;]*)`)
	found := false
	for _, m := range assign.FindAllStringSubmatch(src, -1) {
		rhs := m[1]
		if m[2] != "" {
			rhs = strings.TrimSpace(m[2]) + "." + name // const { user } = req
		}
		rhs = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rhs), "await "))
		rhs = strings.TrimLeft(rhs, "&*")
		if zeroValue.MatchString(rhs) {
			continue // u := &User{}: an empty value, filled in later
		}
		if requestData.MatchString(rhs) {
			return false
		}
		head := memberChain.FindStringSubmatch(rhs)
		if head == nil || !(callerRef.MatchString(strings.Join(strings.Fields(head[1]), "")) || callerGetter.MatchString(rhs) || readsCaller(rhs, lookup)) {
			return false
		}
		found = true
	}
	return found
}

// zeroValue is an empty value a variable starts from: User{}, nil,
// None, {}.
var zeroValue = regexp.MustCompile(`^(?:[\w.]+\{\s*\}|nil|null|None|undefined|\{\s*\})\s*;?$`)

// redirectRoot sends the caller to the site's root.
var redirectRoot = regexp.MustCompile("redirect\\w*\\s*\\(\\s*(?:\\d{3}\\s*,\\s*)?['\"`]/['\"`]\\s*\\)")

// guestTest asks whether the caller is anonymous, a guest: true for
// one who has not signed in (Flask-Login's is_anonymous, Laravel's
// Auth::guest(), Rails' guest?).
var guestTest = regexp.MustCompile(`(?i)\bis_?anonymous\b|\bAuth::guest\(|\bauth\(\)\s*->\s*guest\(|\bis_?guest\b|\bguest\?`)

// testNegated is a test that fails for the caller it names (!$user in
// PHP too).
var testNegated = regexp.MustCompile(`!\s*[\w($]|\bnot\s|\bis\s+None\b|==\s*(?:null|nil|None|undefined|"")`)

// failedBranch says the code after an if's test that leads to a
// rejection is the branch a failed test takes: the test's own branch when
// it is negated, else an else, or what follows a next() the passed test
// returns.
func failedBranch(c string) bool {
	test, rest := splitTest(c)
	neg := testNegated.MatchString(test)
	if guestTest.MatchString(test) {
		// The test asks whether the caller is a guest: it passes for the
		// anonymous caller, so its negation is the signed-in one (if not
		// current_user.is_anonymous: redirect sends signed-in callers away).
		neg = !neg
	}
	if strings.Contains(rest, "next(") {
		return !neg
	}
	return neg || strings.Contains(rest, "else")
}

// splitTest splits an if's text (from condition) into its test and what
// follows it.
func splitTest(c string) (test, rest string) {
	end := len(c)
	for _, stop := range []string{"{", "return", "next(", ":\n"} {
		if k := strings.Index(c, stop); k >= 0 && k < end {
			end = k
		}
	}
	return c[:end], c[end:]
}

// nextOnKnown is a guard's next called only inside a test: if user != nil
// { return next(ctx) }, if (req.user) return next().
var nextOnKnown = regexp.MustCompile(`\bif\s*\(?\s*([^{\n]{1,120}?)\s*\)?\s*\{?\s*return\s+(?:await\s+)?(?:\w+\.)?(?:next|Next)\(`)

// nextCall is any call of a guard's next.
var nextCall = regexp.MustCompile(`\b(?:\w+\.)?(?:next|Next)\(`)

// passesOnlyKnown says a guard calls next once, in the branch where its
// test of the caller passes (a user is there), and answers anything else
// otherwise (opengist's logged: a redirect to the public list): the
// handler runs for a known caller only, whatever the other answer is.
func passesOnlyKnown(src string) bool {
	m := nextOnKnown.FindStringSubmatchIndex(src)
	if m == nil || len(nextCall.FindAllStringIndex(src, 3)) != 1 {
		return false
	}
	cond := src[m[2]:m[3]]
	if !testsCaller(cond) || negated.MatchString(cond) || strings.Contains(cond, "||") {
		return false
	}
	return strings.Contains(src[m[1]:], "return")
}

// verifyCallback is a token check that answers in a callback whose
// first parameter is the error: jwt.verify(token, key, (err, claims) => ...).
var verifyCallback = regexp.MustCompile(`\.verify\w*\([^;{}]*?,\s*(?:async\s+)?(?:function\s*\w*\s*)?\(\s*(\w+)\s*[,)]`)

// nextOnVerified says a guard calls next only inside the callback of a
// token check, after a failed check has returned without it: however it
// answers the failure (a 200 with an error in the body is still no
// handler run), only a verified token reaches the handler. A callback
// whose error branch goes on, or a next outside it, lets anyone through.
func nextOnVerified(src string) bool {
	m := verifyCallback.FindStringSubmatchIndex(src)
	if m == nil {
		return false
	}
	calls := nextCall.FindAllStringIndex(src, -1)
	if len(calls) == 0 || calls[0][0] < m[1] {
		return false
	}
	failed := regexp.MustCompile(`\bif\s*\(\s*` + regexp.QuoteMeta(src[m[2]:m[3]]) + `\s*\)\s*`).FindStringIndex(src[m[1]:])
	if failed == nil {
		return false
	}
	at := m[1] + failed[1]
	branch := src[at:]
	if strings.HasPrefix(branch, "{") {
		depth := 0
		for i := 0; i < len(branch); i++ {
			switch branch[i] {
			case '{':
				depth++
			case '}':
				depth--
			}
			if depth == 0 {
				branch = branch[:i+1]
				break
			}
		}
	} else if k := strings.IndexAny(branch, ";\n"); k >= 0 {
		branch = branch[:k]
	}
	return strings.Contains(branch, "return") && !nextCall.MatchString(branch) && calls[0][0] >= at+len(branch)
}

// testsCaller says a test reads who is calling. A setting it reads
// (h.config.Security.DisableWebAuthn, settings.ALLOW_SIGNUP) is a feature
// switch, whatever its name says: a 403 or a redirect to a login behind
// one alone turns everyone away, or no one.
func testsCaller(c string) bool {
	return identity.MatchString(osAccessError.ReplaceAllString(configRef.ReplaceAllString(c, ""), ""))
}

// osAccessError is the operating system refusing the process a file
// (.NET's UnauthorizedAccessException, Python's PermissionError): a
// catch of it tests the server's own rights, not the caller.
var osAccessError = regexp.MustCompile(`\b(?:System\.)?UnauthorizedAccessException\b|\bPermissionError\b`)

// configRef is a read of the app's configuration.
var configRef = regexp.MustCompile(`(?i)\b(?:\w+\.)*\w*(?:config|conf|cfg|settings)\.[\w.]+(?:\(\))?`)

// condition is the text that leads to a rejection at i: back to the
// nearest "if" within 240 bytes (the test that decides it), else the
// line. A 403 counts as auth only when that test looks at the caller.
func condition(src string, i int) string {
	from := max(0, i-240)
	win := src[from:i]
	k := -1
	for _, kw := range []string{"if ", "if(", "except ", "except:", "catch"} {
		k = max(k, lastOpen(win, kw))
	}
	if k >= 0 {
		// A failed token decode (except, catch) tests the caller too.
		c := win[k:]
		if strings.HasPrefix(c, "except") || strings.HasPrefix(c, "catch") {
			c = "if " + c
		}
		return c
	}
	if k := strings.LastIndexByte(win, '\n'); k >= 0 {
		return win[k:]
	}
	return win
}

var earlyReturn = regexp.MustCompile(`\breturn\b`)

// lastOpen is the last kw in win whose braced block (with its else) is
// still open at the end of win: an if whose block closed before
// (if ref != "" { ... }) is not what the code after it is under. A kw
// with no brace on its line (Python's if x:) counts as open.
func lastOpen(win, kw string) int {
	for end := len(win); end > 0; {
		k := strings.LastIndex(win[:end], kw)
		if k < 0 {
			return -1
		}
		nl := strings.IndexByte(win[k:], '\n')
		if nl < 0 {
			nl = len(win) - k
		}
		open := strings.IndexByte(win[k:k+nl], '{')
		if open < 0 {
			return k
		}
		depth := 0
		closed := -1
		body := win[k+open:]
		for j := 0; j < len(body) && closed < 0; j++ {
			switch body[j] {
			case '{':
				depth++
			case '}':
				depth--
				// An else goes on with the same statement: code in it
				// is under the if.
				if depth == 0 && !strings.HasPrefix(strings.TrimLeft(body[j+1:], " \t\r\n"), "else") {
					closed = j
				}
			}
		}
		// A block that returns (if (req.isAuthenticated()) { return
		// next(); }) leaves the code after it to the callers its test
		// failed: that code is under the if as an else is.
		if closed < 0 || earlyReturn.MatchString(body[:closed]) {
			return k
		}
		end = k
	}
	return -1
}

// factoryRole is the role a guard built by a factory demands
// (requireRole('admin'), RequireRole("admin"), require_scope("posts:write")):
// the factory's string argument, only when the factory's code compares
// the caller's role, permission or scope with the parameter it receives. An
// argument used as a log label or a limiter's bucket name is no role.
func factoryRole(name, code string) string {
	arg := factoryArg.FindStringSubmatch(strings.TrimSpace(name))
	if arg == nil {
		return ""
	}
	param := firstParam.FindStringSubmatch(code)
	if param == nil {
		return ""
	}
	p := regexp.QuoteMeta(param[1])
	held := `(?:role|perm|permission|scope|group|authorit|claim|privilege)\w*`
	compares := regexp.MustCompile(`(?i)` + held + `['"\])]*\s*(?:===?|!==?)\s*` + p + `\b` +
		`|\b` + p + `\s*(?:===?|!==?)\s*[\w.$\[\]'"()]*` + held +
		`|` + held + `\)?\.(?:includes|indexOf|contains|has|some|every)\(\s*` + p + `\b` +
		`|\b` + p + `\s+(?:not\s+)?in\s+[\w.\[\]'"()]*` + held +
		`|\b(?:has_?perms?|has_?role|has_?scope|hasPermission|hasAuthority|HasRole|HasPermission|HasScope|slices\.Contains)\(\s*(?:[\w.$\[\]'"()]+,\s*)?` + p + `\b`)
	if !compares.MatchString(code) {
		return ""
	}
	return strings.ToLower(arg[1])
}

var (
	// factoryArg is a guard written as a call with a string first argument.
	factoryArg = regexp.MustCompile(`^@?[\w.$]+\(\s*\[?\s*['"]([\w:.\-]{1,60})['"]`)
	// firstParam is the first parameter of the first function in code
	// (a Go method's after its receiver).
	firstParam = regexp.MustCompile(`(?:\bfunction\b\s*\*?\s*[\w$]*|\bdef\s+\w+|\bfunc\s*(?:\(\s*\w+\s+\*?[\w.]+\s*\)\s*)?\w+|^\s*(?:export\s+)?(?:const|let|var)\s+[\w$]+\s*=\s*(?:async\s*)?)\s*\(\s*([A-Za-z_$][\w$]*)`)
)

// roles: the role or permission a check demands.
var (
	roleCompare = regexp.MustCompile(`(?i)\broles?\w*(?:['"]\])?(?:\s*\?\?\s*(?:''|""|null))?\s*\)?\s*(?:===?|!==?|==|!=)\s*['"]([\w:.-]+)['"]|['"]([\w:.-]+)['"]\s*(?:===?|!==?)\s*[\w.]*\broles?\b|roles?\w*\.(?:includes|indexOf|contains|has|equals|equalsIgnoreCase|compareTo)\(\s*['"]([\w:.-]+)['"]|['"]([\w:.-]+)['"]\s+(?:not\s+)?in\s+[\w.]*roles\b|(?:has_?role|has_?permission|require_?role|requireRole|roles_required|permission_required|hasAnyRole|Roles|checkRole|authorize)\(\s*\[?\s*['"]([\w:.-]+)['"]|(?-i:Role\.([A-Z][A-Za-z_]+))\b`)
	roleFlag    = regexp.MustCompile(`(?i)\b(?:is_?(admin|staff|superuser)|IsAdmin(User)?|admin_?required|require_?admin|admin_?only)\b`)
)

// ownNegated is a test that fails for the caller through a helper of
// the class's own: if (!self::currIsAdmin()), if (!$this->isAdmin()).
var ownNegated = regexp.MustCompile(`!\s*(?:\$this->|\b(?:self|static|parent)::)([A-Za-z_]\w*)\s*\(\s*\)`)

// roleOf is the role src demands, by its own code or through a helper of
// its class it tests the caller with (currIsAdmin() comparing the
// session's role with 'admin').
func (j *judge) roleOf(src string) string {
	if r := roleOf(src); r != "" || j.lookup == nil {
		return r
	}
	for _, m := range ownNegated.FindAllStringSubmatchIndex(src, -1) {
		if test, _ := splitTest(condition(src, m[0])); ownerOr.MatchString(test) || strings.Contains(test, "!=") {
			continue // if ($link->creator != session('username') && !self::isAdmin()): the owner or an admin
		}
		if code, _, ok := j.lookup(strings.TrimSpace(src[m[0]+1 : m[3]])); ok && codeReadsCaller(code) {
			if r := roleOf(code); r != "" {
				return r
			}
		}
	}
	return ""
}

// roleOf is the role a guard's code or name demands, or "".
func roleOf(src string) string {
	if m := roleCompare.FindStringSubmatch(src); m != nil {
		for _, g := range m[1:] {
			if g != "" {
				return strings.ToLower(g)
			}
		}
	}
	for _, loc := range roleFlag.FindAllStringSubmatchIndex(src, -1) {
		if flagOnlyRead(src, loc[0], loc[1]) {
			continue // is_admin=claims.get("is_admin"): carried along, not demanded
		}
		rest, _, _ := strings.Cut(src[loc[0]:], "\n")
		if ownerOr.MatchString(condition(src, loc[0]) + rest) {
			continue // if user.ID != id && !user.IsAdmin: the owner or an admin
		}
		if loc[2] >= 0 {
			return strings.ToLower(src[loc[2]:loc[3]])
		}
		return "admin"
	}
	return ""
}

// A role flag read is not a role demanded. A guard that decodes the
// caller's token and hands the flag along (is_admin = payload.get("is_admin"),
// TokenData(is_admin=...), { isAdmin: user.isAdmin }) lets every caller
// through; the flag demands a role only where a condition tests it (if
// not user.is_admin: raise ...), or as a guard's name (admin_required).
var (
	conditionLine = regexp.MustCompile(`^(?:\}\s*)?(?:if|elif|else\s+if|elsif|unless|while|assert|when|and|or|not)\b|^(?:&&|\|\||!)`)
	// assignedAfter: the flag is a name given a value or a type, or a key
	// (is_admin=..., is_admin: bool, "is_admin": ...).
	assignedAfter = regexp.MustCompile(`^['"]?\s*(?:=[^=]|=$|:[^:]|:$)`)
	// givenAfter: the flag is a name given a value (is_admin=...).
	givenAfter = regexp.MustCompile(`^['"]?\s*(?:=[^=]|=$)`)
)

// flagOnlyRead says the role flag at src[at:end] is assigned, passed as
// a keyword or key, or read into a variable, on a line that tests
// nothing.
func flagOnlyRead(src string, at, end int) bool {
	ls := strings.LastIndexByte(src[:at], '\n') + 1
	le := strings.IndexByte(src[end:], '\n')
	if le < 0 {
		le = len(src)
	} else {
		le += end
	}
	line := strings.TrimSpace(src[ls:le])
	if givenAfter.MatchString(src[end:le]) {
		return true // even in return Caller(is_admin=...)
	}
	if conditionLine.MatchString(line) {
		return false
	}
	if assignedAfter.MatchString(src[end:le]) {
		return true
	}
	// A key read off the token outside a condition (x = payload.get("is_admin"),
	// return Caller(admin=claims.get("is_admin"))): the value carried along.
	return at > 0 && (src[at-1] == '"' || src[at-1] == '\'')
}

// ownerOr is a test of the caller's id against another beside a role
// flag: the record's owner passes as well as the role.
var ownerOr = regexp.MustCompile(`(?i)\bid\s*(?:!==?|===?)|(?:!==?|===?)\s*[\w.]*\bid\b|\.ID\s*(?:!=|==)|(?:!=|==)\s*[\w.]*\.ID\b`)

// library is what a well-known library's guard does, by the name it is
// used under: its code is in node_modules or site-packages, not the tree.
// ok is false for names no library rule covers.
func library(name string) (v int, why string, ok bool) {
	low := strings.ToLower(name)
	if m := strategy.FindStringSubmatch(name); m != nil {
		switch {
		case strings.Contains(low, "anonymous"):
			return vOther, "", true // optional auth
		case containsAny(strings.ToLower(m[1]), guardStrategies):
			return vRequired, "passport strategy " + m[1] + " rejects a request without it", true
		}
		return vAnon, "login strategy " + m[1], true
	}
	head := strings.TrimSuffix(strings.ToLower(callee(name)), ".unless")
	last := head[strings.LastIndexByte(head, '.')+1:]
	switch {
	case notAuthWords.MatchString(name):
		return vOther, "", true // rate limiting, CSRF
	case notAuthNames[compact(last)], strings.HasPrefix(head, "helmet"), strings.HasPrefix(head, "lusca"), plumbing[compact(last)]:
		// helmet and lusca set headers and check CSRF tokens: neither asks
		// who is calling (lusca.xssProtection is no guard for its "protect").
		return vOther, "", true
	case strings.HasPrefix(head, "passport."):
		return vOther, "", true // initialize, session: load a user, demand none
	case head == "sessions.sessions" || head == "sessions.new" || head == "sessions.many":
		return vOther, "", true // gin-contrib's and hertz-contrib's sessions: load the session, demand none
	}
	if strings.Contains(low, "optional") || strings.Contains(low, "optional=true") {
		return vOther, "", true
	}
	if w, ok := libraryGuards[compact(last)]; ok {
		return vRequired, w, true
	}
	if strings.ContainsAny(name, "([=") {
		// An evidence form: @method_decorator(login_required),
		// method_decorators = [jwt_required()], Depends(HTTPBearer()).
		for _, id := range ident.FindAllString(name, -1) {
			if w, ok := libraryGuards[compact(strings.ToLower(id))]; ok {
				return vRequired, w, true
			}
		}
	}
	return 0, "", false
}

var ident = regexp.MustCompile(`[A-Za-z_][\w]*`)

// libraryCall finds a known library's rejecting call inside code: a
// guard built on one, or a handler that calls it first.
func libraryCall(src string) (v int, why string, ok bool) {
	if m := libraryCallRe.FindString(src); m != "" {
		return vRequired, "calls " + strings.TrimSpace(strings.TrimRight(m, "(")), true
	}
	return 0, "", false
}

var libraryCallRe = regexp.MustCompile(`\.jwtVerify\(|\b(?:passport\.authenticate\(\s*['"](?:jwt|bearer|basic|session|api-?key|headerapikey)['"]|getServerSession\([^)]*\)\s*;?\s*\n?\s*if\s*\(\s*!|c\.AbortWithStatus(?:JSON)?\(\s*(?:401|403|http\.StatusUnauthorized|http\.StatusForbidden)\b|ctx\.throw\(\s*401)`)

// plumbing names middleware that runs on every request and never asks
// who is calling.
var plumbing = map[string]bool{
	"frameguard": true, "hsts": true, "nosniff": true, "xssfilter": true, "xssprotection": true, "xframe": true, "hidepoweredby": true, "contentsecuritypolicy": true,
	"nocache": true, "dnsprefetchcontrol": true, "ienoopen": true, "referrerpolicy": true, "permittedcrossdomainpolicies": true,
	"requestid": true, "realip": true, "recoverer": true, "recover": true, "gzip": true, "compress": true, "timeout": true,
	"stripslashes": true, "cleanpath": true, "heartbeat": true, "nocacheheaders": true, "secure": true, "bodylimit": true,
	"methodoverride": true, "favicon": true, "servefavicon": true, "multer": true, "express.json": true, "koabody": true,
	"bodyparser": true, "etag": true, "conditional": true, "responsetime": true, "errorhandler": true, "prometheus": true,
	"metrics": true, "verifier": true, // chi jwtauth.Verifier reads a token; Authenticator rejects
	"gzipmiddleware": true, "corsmiddleware": true, "trustedhostmiddleware": true, "httpsredirectmiddleware": true,
	"xframeoptionsmiddleware": true, "securitymiddleware": true, "commonmiddleware": true, "messagemiddleware": true,
	"authenticationmiddleware": true, // Django's: sets request.user, rejects no one
}

// libraryGuards are library guards that reject a caller with no identity,
// by their last name segment, compacted.
var libraryGuards = map[string]string{
	"expressjwt":                    "express-jwt rejects a request without a valid token",
	"koajwt":                        "koa-jwt rejects a request without a valid token",
	"ensureloggedin":                "connect-ensure-login redirects to login",
	"authguard":                     "NestJS AuthGuard rejects an unauthenticated request",
	"loginrequired":                 "login_required rejects an anonymous caller",
	"freshloginrequired":            "fresh_login_required rejects an anonymous caller",
	"jwtrequired":                   "flask-jwt-extended jwt_required rejects a request without a token",
	"rolesrequired":                 "roles_required rejects a caller without the role",
	"rolesaccepted":                 "roles_accepted rejects a caller without the role",
	"permissionrequired":            "permission_required rejects a caller without the permission",
	"userpassestest":                "user_passes_test rejects a caller who fails it",
	"staffmemberrequired":           "staff_member_required redirects to the admin login",
	"superuserrequired":             "superuser_required rejects a non-superuser",
	"loginrequiredmixin":            "LoginRequiredMixin redirects to login",
	"permissionrequiredmixin":       "PermissionRequiredMixin rejects a caller without the permission",
	"userpassestestmixin":           "UserPassesTestMixin rejects a caller who fails it",
	"isauthenticated":               "DRF IsAuthenticated rejects an anonymous caller",
	"isauthenticatedorreadonly":     "DRF IsAuthenticatedOrReadOnly rejects an anonymous write",
	"isadminuser":                   "DRF IsAdminUser rejects a non-staff caller",
	"djangomodelpermissions":        "DRF DjangoModelPermissions rejects an anonymous caller",
	"oauth2passwordbearer":          "FastAPI OAuth2PasswordBearer responds 401 without a bearer token",
	"oauth2authorizationcodebearer": "FastAPI OAuth2AuthorizationCodeBearer responds 401 without a token",
	"httpbearer":                    "FastAPI HTTPBearer responds 403 without a bearer token",
	"httpbasic":                     "FastAPI HTTPBasic responds 401 without credentials",
	"apikeyheader":                  "FastAPI APIKeyHeader responds 403 without the key",
	"apikeycookie":                  "FastAPI APIKeyCookie responds 403 without the key",
	"apikeyquery":                   "FastAPI APIKeyQuery responds 403 without the key",
	"basicauth":                     "basic auth middleware responds 401 without credentials",
	"bearerauth":                    "bearer auth middleware responds 401 without the token",
	"jwt":                           "JWT middleware rejects a request without a valid token",
	"jwtwithconfig":                 "echo JWT middleware rejects a request without a valid token",
	"keyauth":                       "echo KeyAuth rejects a request without a key",
	"keyauthwithconfig":             "echo KeyAuth rejects a request without a key",
	"authenticator":                 "jwtauth.Authenticator responds 401 without a valid token",
	"withjwt":                       "go-zero rest.WithJwt responds 401 without a valid token",
	"withjwttransition":             "go-zero rest.WithJwtTransition responds 401 without a valid token",
	"requireauth":                   "", // replaced below: only when its code is not in the tree
	"withauth":                      "next-auth withAuth redirects to sign-in",
	"authmiddleware":                "",
	"clerkmiddleware":               "",
	"withpageauthrequired":          "Auth0 withPageAuthRequired redirects to login",
	"withapiauthrequired":           "Auth0 withApiAuthRequired responds 401",
}

func init() {
	// Names apps also give their own guards: only the code decides those,
	// and when it is missing they stay unresolved.
	for k, v := range libraryGuards {
		if v == "" {
			delete(libraryGuards, k)
		}
	}
}

// configuredExempt says a guard lets path through by how it is
// configured where it is applied: its code hands the request on when a
// method of its own says so (if m.isOptional(r) { next(w, r); return }),
// that method compares the request's path with the entries of a field
// (for _, p := range m.optionalForPaths { if strings.HasPrefix(r.URL.Path, p) ... }),
// a builder of the guard sets that field from its arguments
// (func (m *Auth) WithOptionalFor(paths ...string) *Auth { m.optionalForPaths = paths }),
// and the value applied was built with literal paths
// (NewAuth(svc).WithOptionalFor("/api/badge/")) that path is under.
func (j *judge) configuredExempt(g guard, path string) bool {
	if g.code == "" || !strings.Contains(g.config, "(") {
		return false
	}
	for _, m := range passThrough.FindAllStringSubmatch(g.code, -1) {
		for _, h := range helperTest.FindAllStringSubmatch(m[0], -1) {
			name := h[1][strings.LastIndexByte(h[1], '.')+1:]
			body := methodBody(g.code, name)
			if body == "" && j.lookup != nil {
				body, _, _ = j.lookup(h[1])
			}
			if body == "" || !requestPath.MatchString(body) {
				continue
			}
			prefix := strings.Contains(body, "HasPrefix") || strings.Contains(body, "startsWith")
			for _, f := range rangedField.FindAllStringSubmatch(body, -1) {
				for _, b := range fieldSetter(g.code+"\n"+g.config, f[1]) {
					for _, lit := range builderPaths(g.config, b) {
						if path == lit || prefix && strings.HasPrefix(path, lit) {
							return true
						}
					}
				}
			}
		}
	}
	return false
}

var (
	// rangedField is a loop over a field of the receiver: range m.paths.
	rangedField  = regexp.MustCompile(`\brange\s+\w+\.(\w+)`)
	goMethodHead = regexp.MustCompile(`(?m)^func\s*\([^)]*\)\s*(\w+)\s*\(`)
	pathLiteral  = regexp.MustCompile(`"(/[^"\s]*)"`)
)

// methodBody is the source of the method called name in code (a Go
// method and those inlined after it), up to the next method, or "".
func methodBody(code, name string) string {
	heads := goMethodHead.FindAllStringSubmatchIndex(code, -1)
	for i, h := range heads {
		if code[h[2]:h[3]] != name {
			continue
		}
		end := len(code)
		if i+1 < len(heads) {
			end = heads[i+1][0]
		}
		return code[h[0]:end]
	}
	return ""
}

// fieldSetter names the methods in code that assign field.
func fieldSetter(code, field string) []string {
	set := regexp.MustCompile(`\.` + regexp.QuoteMeta(field) + `\s*=[^=]`)
	var out []string
	for _, h := range goMethodHead.FindAllStringSubmatch(code, -1) {
		if body := methodBody(code, h[1]); set.MatchString(body) {
			out = append(out, h[1])
		}
	}
	return out
}

// builderPaths are the literal paths config passes to builder:
// .WithOptionalFor("/", "/share/").
func builderPaths(config, builder string) []string {
	call := regexp.MustCompile(`\.\s*` + regexp.QuoteMeta(builder) + `\(([^()]*)\)`)
	var out []string
	for _, c := range call.FindAllStringSubmatch(config, -1) {
		for _, l := range pathLiteral.FindAllStringSubmatch(c[1], -1) {
			out = append(out, l[1])
		}
	}
	return out
}

// callerTestIf opens a block run only when a function handed the request
// alone says yes: if cookie.CheckSessionID(r) {.
var callerTestIf = regexp.MustCompile(`(?m)^[ \t]*(?:\}\s*else\s+)?if\s+([\w.]+)\(\s*(?:r|req|request|ctx|c)\s*\)\s*\{[ \t]*$`)

// idleLine is a line of a handler that does no work of its own: a test of
// the method, a brace, a not-found or error answer, a redirect, a print or
// a log line, a return, reading the form, a page rendered with no data.
var idleLine = regexp.MustCompile(`^(?:\}?\s*(?:else\s+)?(?:if\s+\w+\.Method\s*[!=]=\s*(?:"\w+"|http\.Method\w+)\s*)?\{?|\}|return|http\.(?:NotFound|Error|Redirect)\(.*\)|(?:fmt\.Print\w*|log\.\w+)\(.*\)|\w+\.Parse(?:Multipart)?Form\(.*\)|\w+(?:,\s*_)?\s*:?=\s*template\.ParseFiles\(.*\)|\w+\.Execute\(\s*\w+\s*,\s*nil\s*\)|//.*)$`)

// runsUnderCallerTest says a handler does its work only inside blocks run
// when a function of the repository, handed the request, has checked the
// caller's session or credential: if checkSession(r) { ... } around each
// branch, with nothing but a not-found, an error, a redirect or nothing
// on the way out. A caller who fails the test gets no work done, however
// the handler answers.
func runsUnderCallerTest(src string, lookup Lookup) (why, test string) {
	if lookup == nil {
		return "", ""
	}
	open := strings.IndexByte(src, '{')
	if open < 0 {
		return "", ""
	}
	body := src[open+1:]
	if controlHead.MatchString(src[:open]) {
		body = src // a page's code (a JSP's scriptlets): no function head
	}
	if by := bracedCallerTests(body, lookup); by != "" {
		return "does its work only under a test of the caller's session (" + by + ")", by
	}
	guarded, by := 0, ""
	for {
		m := callerTestIf.FindStringSubmatchIndex(body)
		if m == nil {
			break
		}
		name := body[m[2]:m[3]]
		code, _, ok := lookup(name)
		if !ok || !codeReadsCaller(code) || requestData.MatchString(code) {
			return "", ""
		}
		end := closingBrace(body, m[1]-1)
		if end < 0 {
			return "", ""
		}
		// Keep an "} else" that opened the test: the chain goes on.
		head := body[m[0]:m[1]]
		keep := ""
		if strings.HasPrefix(strings.TrimSpace(head), "}") {
			keep = "}\n"
		}
		body = body[:m[0]] + keep + body[end+1:]
		guarded++
		by = name
	}
	if guarded == 0 {
		return "", ""
	}
	for _, l := range strings.Split(body, "\n") {
		if l = strings.TrimSpace(l); l != "" && !idleLine.MatchString(l) {
			return "", ""
		}
	}
	return "does its work only when " + by + " has checked the caller's session", by
}

// closingBrace is the index of the brace that closes the one at open, or
// -1 (quoted braces aside).
func closingBrace(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '"', '`', '\'':
			q := s[i]
			for i++; i < len(s) && s[i] != q; i++ {
				if s[i] == '\\' && q != '`' {
					i++
				}
			}
		case '{':
			depth++
		case '}':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

// controlHead is code before a first brace that opens a block of a
// statement, not a function: the page's code starts with its test.
var controlHead = regexp.MustCompile(`\b(?:if|else|try|for|while|switch|catch|do)\b`)

// bracedTestIf opens an if whose test is in parentheses and whose block
// is braced, on that line or the next: if (Validate.validateSession(ses)) {.
var bracedTestIf = regexp.MustCompile(`(?m)^[ \t]*(?:\}\s*)?(?:else\s+)?if\s*\(`)

// bracedCallerTests is runsUnderCallerTest for languages whose tests sit
// in parentheses (Java, JSP scriptlets): every statement outside the
// blocks run when the test read the caller's session or principal is a
// log line, a printed message, a redirect, a forward or an error status,
// so a caller without a session reaches none of the work. It names the
// test, or "".
func bracedCallerTests(body string, lookup Lookup) string {
	body = slashComment.ReplaceAllString(blockComment.ReplaceAllString(body, ""), "")
	guarded, by, from, work := 0, "", 0, false
	for {
		loc := bracedTestIf.FindStringIndex(body[from:])
		if loc == nil {
			break
		}
		start, paren := from+loc[0], from+loc[1]-1
		end := closingParen(body, paren)
		if end < 0 {
			return ""
		}
		rest := strings.TrimLeft(body[end+1:], " \t\r\n")
		if !strings.HasPrefix(rest, "{") {
			from = paren + 1
			continue
		}
		open := len(body) - len(rest)
		name := callerCondition(body[paren+1:end], body, lookup)
		if name == "" {
			from = open + 1
			continue
		}
		close := closingBrace(body, open)
		if close < 0 {
			return ""
		}
		keep := ""
		if strings.HasPrefix(strings.TrimSpace(body[start:paren]), "}") {
			keep = "}\n"
		}
		work = work || idleCode(body[open+1:close]) != ""
		body = body[:start] + keep + body[close+1:]
		from = start + len(keep)
		guarded++
		by = name
	}
	if guarded == 0 {
		return ""
	}
	if idleCode(body) != "" {
		return ""
	}
	if !work && !answersOutside(body) {
		// A block that only greets a signed-in caller on a page for all,
		// with nothing said to the others, guards nothing.
		return ""
	}
	return by
}

// answersOutside says code left outside the tested blocks answers the
// caller who failed the test: a message, a redirect, an error.
func answersOutside(code string) bool {
	for _, st := range statements(code) {
		if st = strings.Join(strings.Fields(st), " "); idleStatement.MatchString(st) && !quietStatement.MatchString(st) {
			return true
		}
	}
	return false
}

// statements are code's statements, quoted literals emptied so that a
// semicolon or a brace in a string splits nothing.
func statements(code string) []string {
	code = quoted.ReplaceAllString(code, `""`)
	return strings.FieldsFunc(code, func(r rune) bool { return r == ';' || r == '{' || r == '}' })
}

// idleCode is the first statement of code that does work (neither quiet
// nor only an answer), or "".
func idleCode(code string) string {
	for _, st := range statements(code) {
		st = strings.Join(strings.Fields(st), " ")
		if st != "" && !quietStatement.MatchString(st) && !readsOnly(st) && (!idleStatement.MatchString(st) || clientEcho.MatchString(st)) {
			return st
		}
	}
	return ""
}

// quietStatement is a statement that neither works nor answers: an else,
// a try, a return, the session or the writer fetched.
var quietStatement = regexp.MustCompile(`^(?:else|try|finally|catch ?\([\w.| ]+\)|return|return (?:null|true|false)|` +
	`(?:final )?[\w.<>\[\]]+ \w+|(?:(?:final )?[\w.<>\[\]]+ )?\w+ ?= ?(?:(?:request|req)\.getSession\(\w*\)|(?:response|res|resp)\.getWriter\(\)|null|""|-?\d+|true|false))$`)

// idleStatement is a statement of a servlet or a page that answers a
// caller and does no work of its own: a log line, a printed message
// (nothing the client sent), a redirect, a forward, an error status.
var idleStatement = regexp.MustCompile(`^(?:(?:\w+\.)*(?:log|logger|\w*Log\w*|LOG|LOGGER)\.\w+\(.*\)|System\.(?:out|err)\.print\w*\(.*\)|\w+\.printStackTrace\(\)|` +
	`(?:out|response\.getWriter\(\))\.(?:print|println|write)\(.*\)|` +
	`(?:response|res|resp)\.(?:sendRedirect|sendError|setStatus|setContentType|setCharacterEncoding)\(.*\)|` +
	`(?:request|req)\.setCharacterEncoding\(.*\)|` +
	`(?:request|req)\.getRequestDispatcher\(.*\)\.forward\(\s*\w+\s*,\s*\w+\s*\))$`)

// clientEcho is a printed answer that carries what the client sent.
var clientEcho = regexp.MustCompile(`^(?:out|response\.getWriter\(\))\.\w+\(.*\b(?:getParameter\w*|getHeader\w*|getQueryString|getCookies|getInputStream|getReader)\s*\(`)

// blockComment is a /* */ comment.
var blockComment = regexp.MustCompile(`(?s)/\*.*?\*/`)

// readHead is the head of a statement that only reads: a test, or a
// local variable set (declared or not).
var readHead = regexp.MustCompile(`^(?:(?:else )?if ?\(|(?:(?:final )?[\w.<>\[\]]+ )?\w+ ?=[^=])`)

// javaCall is a call or a constructor: its name.
var javaCall = regexp.MustCompile(`(?:\bnew\s+)?\b([A-Za-z_]\w*)\s*\(`)

// readerCall is a call that reads: a getter, a test, a comparison.
var readerCall = regexp.MustCompile(`^(?:if|get\w*|is\w*|has\w*|read\w*|equals\w*|contains\w*|startsWith|endsWith|length|size|compare\w*|validate\w*|check\w*|matches|toString|trim|valueOf|parse\w*|String|Locale)$`)

// bareNew is an object made with nothing handed to it: new Getter().
var bareNew = regexp.MustCompile(`\bnew\s+[\w.]+\(\s*\)`)

// readsOnly says a statement tests or sets a local from reads alone
// (getters, tests, comparisons, an object made from nothing): it does
// no work.
func readsOnly(st string) bool {
	if !readHead.MatchString(st) {
		return false
	}
	for _, m := range javaCall.FindAllStringSubmatch(bareNew.ReplaceAllString(quoted.ReplaceAllString(st, `""`), "x"), -1) {
		if !readerCall.MatchString(m[1]) {
			return false
		}
	}
	return true
}

// slashComment is a // comment to the end of a line holding no quote.
var slashComment = regexp.MustCompile(`(?m)//[^\n"]*$`)

// javaSessionVar is a variable holding the caller's session.
var javaSessionVar = regexp.MustCompile(`\bHttpSession\s+(\w+)|\b(\w+)\s*=\s*(?:request|req)\.getSession\(`)

// javaCallerRead reads the caller off the request: its principal, its
// role, or an attribute of the session.
var javaCallerRead = regexp.MustCompile(`\b(?:request|req)\s*\.\s*(?:getUserPrincipal|getRemoteUser|isUserInRole)\s*\(|\bgetSession\s*\([^)]*\)\s*\.\s*getAttribute\s*\(`)

// readsSession says code reads the caller's session or principal: the
// JSP's implicit session, a variable of type HttpSession, or the request's
// principal.
func readsSession(code, decls string) bool {
	if javaCallerRead.MatchString(code) {
		return true
	}
	names := []string{"session"}
	for _, m := range javaSessionVar.FindAllStringSubmatch(decls, -1) {
		names = append(names, m[1]+m[2])
	}
	for _, n := range names {
		if regexp.MustCompile(`\b` + regexp.QuoteMeta(n) + `\s*\.\s*getAttribute\s*\(`).MatchString(code) {
			return true
		}
	}
	return false
}

// callerCondition names what a braced if's test checks when it passes
// only for a caller with a session: a conjunct that reads a session
// attribute or the principal (and is not a test for its absence), or a
// call to a function of the repository that does and reads nothing the
// client sent. "" otherwise.
func callerCondition(test, src string, lookup Lookup) string {
	if strings.Contains(test, "||") {
		return ""
	}
	for _, c := range strings.Split(test, "&&") {
		c = strings.TrimSpace(c)
		for strings.HasPrefix(c, "(") && closingParen(c, 0) == len(c)-1 {
			c = strings.TrimSpace(c[1 : len(c)-1])
		}
		if strings.HasPrefix(c, "!") || strings.Contains(c, "== null") || strings.Contains(c, "==null") || strings.Contains(c, "getParameter") {
			continue
		}
		if readsSession(c, src) {
			return strings.Join(strings.Fields(c), " ")
		}
		m := callHead.FindStringSubmatch(c)
		if m == nil || lookup == nil || !ownFunction(m[1]) {
			continue
		}
		code, _, ok := lookup(m[1])
		if ok && (readsSession(code, code) || codeReadsCaller(code)) && !strings.Contains(code, "getParameter") {
			return m[1]
		}
	}
	return ""
}

// ownFunction says a called name can be a function of the repository: a
// bare name, or one reached through a class (Validate.validateSession) or
// this, not a method of an object such as the request.
func ownFunction(name string) bool {
	i := strings.LastIndexByte(name, '.')
	if i < 0 {
		return true
	}
	recv := name[:i]
	if j := strings.LastIndexByte(recv, '.'); j >= 0 {
		recv = recv[j+1:]
	}
	return recv == "this" || recv != "" && unicode.IsUpper(rune(recv[0]))
}

// closingParen is the index of the parenthesis that closes the one at
// open, or -1 (quoted parentheses aside).
func closingParen(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '"', '\'':
			q := s[i]
			for i++; i < len(s) && s[i] != q; i++ {
				if s[i] == '\\' {
					i++
				}
			}
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}
