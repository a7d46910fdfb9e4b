// Package route holds what every framework's route detector shares: path
// parameters (Params), tags from a framework's Vocabulary (Classify), and
// whether a route requires a signed-in caller, judged from its guards'
// code where it was found (Decide, guard.go) and from guard names and the
// handler's body where not (AuthOf). Path syntax itself (joining,
// normalising, {param} form) is internal/urlpath's; the router tree
// (prefixes, guards, mounts) is package router's. Each language lives in
// its own package below this one.
package route

import (
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/threatmap/threatmap/internal/detector/route/router"
	"github.com/threatmap/threatmap/internal/facts"
)

var braceParam = regexp.MustCompile(`\{([A-Za-z_][A-Za-z0-9_]*)(?::[^}]*)?\}`)

// Params lists the {name} parameters of a braced path, typed from types
// (missing ones are unknown).
func Params(p string, types map[string]string) []facts.Param {
	var out []facts.Param
	for _, m := range braceParam.FindAllStringSubmatch(p, -1) {
		t := types[m[1]]
		if t == "" {
			t = facts.TypeUnknown
		}
		out = append(out, facts.Param{Name: m[1], In: "path", Type: t})
	}
	return out
}

// keyword lists say what a handler's body does. They are substrings, kept
// short and specific so a handler that merely mentions a word does not
// get a tag.
var (
	// uploadWords take files in any language: multipart parsing, object
	// store uploads. A framework's own calls are in its Vocabulary.
	uploadWords  = []string{"multipart", "upload_fileobj", "put_object", "PutObject"}
	paymentWords = []string{"stripe", "Stripe", "paddle", "Paddle", "paypal", "PayPal", "lemonsqueezy", "checkout.Session", "PaymentIntent", "paymentIntents", "braintree"}
	webhookWords = []string{"Stripe-Signature", "stripe-signature", "X-Hub-Signature", "x-hub-signature", "X-Slack-Signature", "x-slack-signature", "construct_event", "constructEvent", "ConstructEvent", "webhook"}
	deleteWords  = []string{".delete(", ".destroy(", ".remove(", "DELETE FROM", "delete_one", "delete_many", "deleteOne", "deleteMany", "findByIdAndDelete", "session.delete", "db.delete", ".Delete(", "drop_table", "DROP TABLE", "truncate"}
	authWords    = []string{"login", "signin", "sign-in", "sign_in", "signup", "sign-up", "sign_up", "register", "password", "reset", "forgot", "token", "oauth", "session"}
	// A bare "dashboard" or "manage" is as often the user's own page as
	// the team's: only words that mean the operators' side count.
	adminWords = []string{"admin", "internal", "debug", "metrics", "actuator", "_debug", "__debug__", "phpmyadmin", "management", "superuser", "backoffice", "pprof"}
	oauthWords = []string{"oauth", "oauth2", "auth", "login", "sso", "openid", "oidc", "saml", "signin"}
)

// pageExts are the extensions of a page a server runs by its file name.
var pageExts = map[string]bool{".php": true, ".jsp": true, ".jspx": true, ".asp": true, ".aspx": true, ".cgi": true, ".pl": true, ".do": true, ".action": true}

var (
	// goReadsBody is Go handler code that reads what the request carries:
	// its body, a form, a binder over it. (Other languages hand the body in
	// as parameters, a dependency or params: there, any handler may.)
	goReadsBody = regexp.MustCompile(`Body|FormValue|ParseForm|ParseMultipartForm|ReadAll|Bind\w*\(|GetRawData|BodyParser`)
	// answersGet is a handler that branches on the GET method itself.
	answersGet = regexp.MustCompile(`(?i)method\s*(==+|\.equals\(|===)\s*["']GET["']|case\s+["']GET["']|http\.MethodGet`)
)

// Vocabulary is what a framework's own API names mean for a route's tags.
// Each framework declares its table in its own file; a detector passes
// the tables of the frameworks it reads to Classify.
type Vocabulary struct {
	// Upload are substrings of a handler body or a middleware name that
	// mean the route takes files (multer, UploadFile, FormFile).
	Upload []string
	// UploadMiddleware matches a middleware name that parses files
	// (multer's upload.single).
	UploadMiddleware *regexp.Regexp
	// UploadBody matches handler code that reads files (a multipart
	// plugin's req.file()).
	UploadBody *regexp.Regexp
}

// Vocab joins framework vocabularies, for a detector that reads several
// frameworks of one language.
func Vocab(vs ...Vocabulary) Vocabulary {
	var out Vocabulary
	var mws, bodies []string
	for _, v := range vs {
		out.Upload = append(out.Upload, v.Upload...)
		if v.UploadMiddleware != nil {
			mws = append(mws, v.UploadMiddleware.String())
		}
		if v.UploadBody != nil {
			bodies = append(bodies, v.UploadBody.String())
		}
	}
	out.UploadMiddleware = alternation(mws)
	out.UploadBody = alternation(bodies)
	return out
}

func alternation(res []string) *regexp.Regexp {
	if len(res) == 0 {
		return nil
	}
	return regexp.MustCompile("(?:" + strings.Join(res, ")|(?:") + ")")
}

// takesFiles says a route's body or middleware takes files by the
// framework's vocabulary or a word any language uses.
func (v Vocabulary) takesFiles(body string, mw []string) bool {
	text := body + " " + strings.Join(mw, " ")
	if containsAny(text, uploadWords) || containsAny(text, v.Upload) {
		return true
	}
	if v.UploadBody != nil && v.UploadBody.MatchString(body) {
		return true
	}
	if v.UploadMiddleware != nil {
		for _, m := range mw {
			if v.UploadMiddleware.MatchString(m) {
				return true
			}
		}
	}
	return false
}

// Classify adds the tags a route earns from its method, its path and its
// handler's body, reading framework calls with v. Framework detectors add
// what only they know (Django admin) before or after calling it.
func Classify(r *facts.Route, v Vocabulary) {
	add := func(tag string) {
		if !slices.Contains(r.Tags, tag) {
			r.Tags = append(r.Tags, tag)
		}
	}
	segs := strings.Split(strings.ToLower(r.Path), "/")
	// A page's file is named for what it does: login.php is /login.
	for i, s := range segs {
		if ext := path.Ext(s); pageExts[ext] {
			segs[i] = strings.TrimSuffix(s, ext)
		}
	}
	hasSeg := func(words []string) bool {
		for _, s := range segs {
			if strings.HasPrefix(s, "{") {
				continue // a parameter's name says nothing about the route
			}
			for _, w := range words {
				if s == w || strings.HasPrefix(s, w+"-") || strings.HasPrefix(s, w+"_") || strings.HasSuffix(s, "-"+w) || strings.HasSuffix(s, "_"+w) {
					return true
				}
			}
		}
		return false
	}
	body := r.Body
	mw := strings.Join(r.Middleware, " ")
	if hasSeg([]string{"upload", "uploads"}) || v.takesFiles(body, r.Middleware) {
		add(facts.TagUpload)
	}
	// An OAuth or SSO callback is the browser coming back from a login,
	// not a provider posting events.
	oauthCallback := hasSeg([]string{"callback", "callbacks"}) && hasSeg(oauthWords)
	// A sender posts its events: a GET to a callback is a browser coming
	// back (an OAuth code and state), and GET or DELETE on /webhooks lists
	// or removes the app's own subscriptions. Only the handler's code
	// (a signature header, constructEvent) makes one of those a receiver.
	// Under an admin path, a person acts on the app's hooks (POST
	// /admin/reset-hooks): senders post to a receiver of their own.
	posted := r.Method != "GET" && r.Method != "HEAD" && r.Method != "DELETE" && r.Method != "OPTIONS" && !hasSeg(adminWords)
	// A path that names hooks makes a receiver only of a handler that
	// acts on what is posted: one that reads no request body (a settings
	// page, a test send of a stored hook) or answers GET itself (lists the
	// app's own outgoing hooks, then creates one on POST) manages or sends
	// webhooks, it receives none.
	byPath := posted && hasSeg([]string{"webhook", "webhooks", "hook", "hooks", "callback", "callbacks"}) &&
		(strings.TrimSpace(body) == "" || !answersGet.MatchString(body) && (!strings.HasSuffix(r.File, ".go") || goReadsBody.MatchString(body)))
	if !oauthCallback && (byPath || containsAny(body, webhookWords[:len(webhookWords)-1])) {
		add(facts.TagWebhook)
	}
	if hasSeg(adminWords) {
		add(facts.TagAdmin)
	}
	// Payment and socket tags come from what the handler calls, not from
	// the route's name: a /billing page that never touches a payment SDK
	// is an ordinary route. Only a route whose handler is not read (an
	// OpenAPI operation) is named by its path. The llm tag comes from a
	// call to a model's client, which only the whole scan can follow
	// (signal.Calls, then scan/process's llm-tags).
	unread := strings.TrimSpace(body) == ""
	if containsAny(body, paymentWords) || unread && hasSeg([]string{"billing", "checkout", "payment", "payments", "subscribe", "subscription", "stripe"}) {
		add(facts.TagPayment)
	}
	if r.Method == "DELETE" || containsAny(body, deleteWords) {
		add(facts.TagDestructive)
	}
	if hasSeg([]string{"graphql", "graphiql", "gql"}) {
		add(facts.TagGraphQL)
	}
	// A middleware's name (a GZip wrapper that skips WebSocket requests)
	// upgrades nothing: only the handler's own code does.
	if containsAny(body, []string{"WebSocket", "websocket", "Upgrader"}) || unread && hasSeg([]string{"ws", "websocket", "socket", "socket.io"}) {
		add(facts.TagWebsocket)
	}
	if hasSeg([]string{"static", "assets", "public"}) || containsAny(body+" "+mw, []string{"express.static", "StaticFiles", "http.FileServer", "serveStatic", "send_from_directory"}) {
		add(facts.TagStatic)
	}
	if hasSeg(authWords) || TakesCredentials(body) || strings.HasPrefix(r.AuthEvidence, LoginEvidence) {
		add(facts.TagAuth)
	}
	slices.Sort(r.Tags)
}

func containsAny(s string, words []string) bool {
	if s == "" {
		return false
	}
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

var authName = regexp.MustCompile(`(?i)(auth|login|logged|session|jwt|passport|bearer|token|current_?user|require_?user|permission|protect|guard|verify|IsAuthenticated|isAdmin|admin_?required|require_?admin|admin_?only|require_?role|has_?role|signed_in|clerk|apikey|api_key)`)

var (
	// notAuthNames run on every request without asking who the caller is:
	// a session loads a user but demands none; body and cookie parsers,
	// static files, CORS, logging and headers are plumbing.
	notAuthNames = map[string]bool{
		"session": true, "sessions": true, "sessionmiddleware": true, "expresssession": true,
		"cookiesession": true, "koasession": true, "fastifysession": true, "sessionstore": true,
		"initialize": true, "json": true, "urlencoded": true, "raw": true, "text": true,
		"bodyparser": true, "cookieparser": true, "static": true, "servestatic": true,
		"cors": true, "morgan": true, "logger": true, "helmet": true, "compression": true, "flash": true,
	}
	// notAuthWords mark rate limiting and CSRF protection, whatever the
	// name around them (loginLimiter, authThrottle, verifyCsrfToken).
	notAuthWords = regexp.MustCompile(`(?i)limit|throttl|slow_?down|csrf|xsrf`)
	// guestOnly names a guard that lets only signed-out callers through
	// (isNotAuthenticated, ensureLoggedOut, guestOnly, redirectIfAuthenticated).
	guestOnly = regexp.MustCompile(`(not|un)(authenticated|authed|loggedin|signedin)|loggedout|signedout|guest|redirectif(authenticated|authed|loggedin|signedin|auth|user)|anonymousonly|onlyanonymous|allowanonymous`)
	// strategy reads passport.authenticate('local') or ('jwt', 'anonymous').
	strategy = regexp.MustCompile(`authenticate\(\s*\[?\s*['"]([^'"]+)['"](?:\s*,\s*['"]([^'"]+)['"])*`)
	// guardStrategies check a credential on every request; any other
	// strategy (local, ldap, an OAuth provider) takes the credentials on
	// a login route.
	guardStrategies = []string{"jwt", "bearer", "session", "basic", "digest", "apikey", "api-key", "token", "cookie", "hmac"}
)

// compact drops everything but letters and digits: ensure_logged_out and
// ensureLoggedOut read the same.
func compact(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// AuthFrom decides auth from guard names alone, with no code to read:
// library semantics and guest-only names decide; a name meant to guard
// whose code is not at hand is unknown.
func AuthFrom(guards []string) (auth, evidence string) {
	d := Decide(nil, Named(guards), "", "", false, nil)
	return d.Auth, d.Evidence
}

// Named makes guards of bare names.
func Named(names []string) []router.Guard {
	out := make([]router.Guard, len(names))
	for i, n := range names {
		out[i] = router.Guard{Name: n}
	}
	return out
}

// AuthOf decides a route's auth from its guard names and its handler body
// (Decide without lookups).
func AuthOf(guards []string, body string, complete bool) (auth, evidence string) {
	d := Decide(nil, Named(guards), body, "", complete, nil)
	return d.Auth, d.Evidence
}

// credentialCall is a handler logging a caller in with what they sent
// (Go's exported password.ComparePassword as well as comparePassword;
// Laravel's Auth::attempt, ASP.NET Identity's PasswordSignInAsync).
var credentialCall = regexp.MustCompile(`(^|\W)(Auth::attempt|auth\(\)->attempt|guard\([^)]*\)->attempt|PasswordSignInAsync|CheckPasswordSignInAsync|CheckPasswordAsync|authenticate|login|login_user|logIn|signIn|check_?password|verify_?password|compare_?password|(?i:check|verify|compare)Password|passwordMatches|bcrypt\.compare\w*|compareSync|CompareHashAndPassword|argon2\.verify|password_verify)\s*\(`)

// codeExchange trades an OAuth or OpenID Connect authorization code for
// tokens: the way back from a provider's login (x/oauth2's
// conf.Exchange(ctx, code), zitadel's rp.CodeExchange, authlib's
// authorize_access_token). Its 401 answers a bad code, and a 403 of a
// helper it runs after the exchange refuses an account link, not a caller
// without a session.
// A passkey login finishing its ceremony (go-webauthn's FinishLogin,
// SimpleWebAuthn's verifyAuthenticationResponse) is one too.
var codeExchange = regexp.MustCompile(`\b(?:CodeExchange\w*|authorize_access_token|fetch_access_token|exchangeCodeForTokens?|exchange_code_for_tokens?|(?:Finish|Validate)(?:Discoverable|Passkey)?Login|verifyAuthenticationResponse|verify_authentication_response)\s*[(\[]|\.Exchange\(\s*[\w.()]+,\s*[^,\n]{0,60}?\b[Cc]ode\b`)

// TakesCredentials says a handler body is a login: it calls authenticate()
// or login() with a password it was sent. Such a route is where
// credentials come in, not a route that needs them.
func TakesCredentials(body string) bool { return credentialsMemo.get(body, takesCredentials) }

var credentialsMemo memo[bool]

func takesCredentials(body string) bool {
	if credentialCall.MatchString(body) && strings.Contains(strings.ToLower(body), "password") {
		return true
	}
	for _, m := range passwordCheck.FindAllString(body, -1) {
		if len(clientRead.FindAllStringIndex(m, 2)) < 2 {
			return true
		}
	}
	return false
}

// clientRead is a value the client posted or put in the query (its
// body, form or query string), never a header or cookie a guard reads;
// forgeable's requestRead takes those too, since any of them is the
// client's to set.
var clientRead = regexp.MustCompile(`(?i)\b(?:req|request)\.(?:body|form|query|json|data|POST|args)\b|\$request->|\bparams\[`)

// passwordCheck compares a password with the one the app keeps (a
// record's field, a constant, a literal): password == "secret123",
// Hash(req.password) != user.password, user.password == password. Two
// values the client sent compared (newPassword != confirmPassword) are
// no check of a credential.
var passwordCheck = func() *regexp.Regexp {
	pw := `[Pp]ass(?:[Ww]ord|wd)\w*`
	kept := `(?:[A-Za-z_]\w*(?:\.\w+)*\.\w*` + pw + `|"[^"\n]+"|'[^'\n]+'|\b[A-Z][A-Z0-9_]{2,}\b)`
	return regexp.MustCompile(`[\w.\])]*` + pw + `\)*\s*[!=]==?\s*` + kept + `|` + kept + `\s*[!=]==?\s*[\w.]*` + pw)
}()
