package signal

import (
	"cmp"
	"context"
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/regexgate"
)

// RoutePattern is a signal read from one route: in its handler's code
// (Code: the first match outside a comment is the evidence) or in the
// names of its middleware and guards (Guard: evidence is the route).
type RoutePattern struct {
	Kind string
	Code *regexp.Regexp
	// Also, if set, must match somewhere in the handler's code too: a
	// signup both creates a record and handles a password.
	Also  *regexp.Regexp
	Guard *regexp.Regexp
}

// Controls, each one pattern wherever it is looked for: in a route's
// handler (RoutePatterns) and in every source file (Patterns). Each is a
// use, not a mention: a call that checks the limit, a comparison with the
// caller.
var (
	// A limiter applied: a decorator, a call that checks the limit, a
	// limiter bound to the app; not one built from options (rateLimit({...})).
	rateLimitApplied = regexp.MustCompile(`(@(\w+\.)?limit\(|@ratelimit\(|@throttle_classes|throttle_classes\s*=|@Throttle\(|@RateLimiter\(|httprate\.Limit|tollbooth\.Limit\w*\(|Depends\(\s*RateLimiter\(|\bLimiter\([^)\n]*\bapp\b|(?i:\w*limiter\.\w+\(|rate_?limit\w*\(\s*(?:[^{\s)]|\))|throttl\w*\())`)
	// failureLockout is a count of failed attempts held to a bound
	// (ld.failedTimes >= 5, user.failed_attempts > MAX_TRIES), or
	// ASP.NET Identity's sign-in told to lock the account out.
	failureLockout = regexp.MustCompile(`(?i)\b[\w.]*fail\w*\s*>=?\s*(?:[1-9]\d*|[a-z_][\w.]*)|\blockoutOnFailure\s*:\s*true\b`)
	budgetCheck    = regexp.MustCompile(`(?i)((quota|budget)\w*\s*(\(|<|>|<=|>=|-=)|credits?\s*(<=|<|-=)\s*\w|\.credits\s*(<=|<)|usage\.total_tokens|check_?(quota|budget|credits)|max_spend|spend_limit)`)
	// A signature verified: a provider's verifier, a constant-time compare,
	// an HMAC digest compared with what was sent, a standard-webhooks
	// verifier given the payload and the headers (svix: wh.verify(body, headers)).
	signatureCheck = regexp.MustCompile(`(construct_event|constructEvent|ConstructEvent|verify_?[sS]ignature\(|hmac\.compare_digest|timingSafeEqual|hmac\.Equal|subtle\.ConstantTimeCompare|svix|verify_webhook|validateRequest|WebhookSignature\.verify|` +
		`(createHmac|hmac\.new)\([^\n]*\.(hex)?digest\(\s*['"]?\w*['"]?\s*\)\s*(===?|!==?)|(===?|!==?)\s*[\w.]*(createHmac|hmac\.new)\(|` +
		`\.verify\(\s*[\w.]*(payload|body|raw\w*|text)\w*\s*,\s*[\w.]*headers\b)`)
	// replayBound is a verifier that checks the event's timestamp, or a
	// constant-time compare (a shared secret unless an HMAC is computed
	// beside it: sharedSecretOnly).
	replayBound = regexp.MustCompile(`(construct_event|constructEvent|ConstructEvent|WebhookSignature\.verify_header|` +
		`\.verify\(\s*[\w.]*(payload|body|raw\w*|text)\w*\s*,\s*[\w.]*headers\b|` + constantTimeCompare.String() + `)`)
	// constantTimeCompare is a comparison that does not leak where two
	// secrets differ.
	constantTimeCompare = regexp.MustCompile(`(?:timingSafeEqual|hmac\.compare_digest|compare_digest|hmac\.Equal|subtle\.ConstantTimeCompare|secure_compare|secureCompare)\b`)
	// hmacComputed is an HMAC made in the same code: a compare beside it
	// checks a signature, which a captured event still carries.
	hmacComputed     = regexp.MustCompile(`(createHmac|hmac\.new|hmac\.New|HMAC\(|hmac\.digest)`)
	idempotencyCheck = regexp.MustCompile(`(?i)(idempoten|already_processed|processed_events|processedevent|(event_id|eventid|event\.id)\s*(in|==|===)\s|exists\(\s*event\.id|unique.*event_id|seen_events|dedupe|(seen|processed|handled|delivered)\w*\.(has|add|contains|exists|get)\(|delivery_?id|x-github-delivery)`)
	uploadTypeCheck  = regexp.MustCompile(`(magic\.from_(buffer|file)|filetype\.guess|imghdr\.what|fileFilter|DetectContentType|fileTypeFrom|mimetypes\.guess_type|file_signature|magic_bytes)`)
	opaqueKeyCall    = regexp.MustCompile(`(uuid\.?uuid[47]\(\)|uuid[47]\(\)|randomUUID\(\)|uuid\.New(String|Random|V4|V7)?\(\)|uuidv[47]\(\)|v[47]\(\)|crypto\.randomBytes\(|ulid\.Make\(\)|secrets\.token_(hex|urlsafe)\(|nanoid\(|cuid\(|UUIDField\(|Column\(\s*UUID|@default\(uuid\(\)\)|PrimaryGeneratedColumn\(\s*['"]uuid['"])`)
	// An audit record written: an audit logger called, or a log
	// line that says who removed what.
	auditCall = regexp.MustCompile(`(?i)(audit_?log|auditlog|log_?audit|audit\.(log|record|write|info)|AuditEvent|record_audit|audit_trail|log(ger)?\.\w+\([^)]*(deleted|removed|by user|actor))`)
	// An IP allowlist by name, or the caller's address tested against a list.
	// An allow-list, or the caller's address compared with loopback (a
	// handler for callers on the host only): a fetch's target host
	// compared with 127.0.0.1 (an SSRF check) is not the caller's.
	allowlistCheck = regexp.MustCompile(`(?i)(ip_?allow_?list|allowed_ips|admin_ips|ip_?whitelist|trusted_ips|(client\.host|remote_addr)\s+in\b|` +
		`(?:remote_addr|client\.host|\breq\.ip\b|RemoteAddr|getRemoteAddr\(\))[^{}]{0,120}?(?:==\s*['"](?:127\.0\.0\.1|::1)['"]|startswith\(\s*['"]127\.|\.IsLoopback\(\)))`)
	// A challenge verified server-side: the provider's siteverify call.
	captchaCheck = regexp.MustCompile(`(?i)(siteverify|verify_?captcha\(|captcha\w*\.verify\(|ReCaptchaField|friendly-challenge|altcha)`)
	// One shared password: HTTP basic auth, an htpasswd file, an admin
	// password.
	sharedPassword = regexp.MustCompile(`(?i)(HTTPBasic|basicAuth|express-basic-auth|auth_basic|\.htpasswd|ADMIN_PASSWORD|admin123)`)

	// Ownership: the query is scoped to the caller, or the handler
	// compares the object's owner with the caller, either way round and
	// with == or != (if item.owner_id != current_user.id: abort).
	ownershipCheck = regexp.MustCompile(`(?i)((owner|user|author|account|tenant|creator)_?id\s*(==|===|!=|!==)\s*[\w.\[\]"'()@]*(user|current|session|request|req\.|auth|me\b|uid|claims)|` +
		`(current_?user|request\.user|req\.user|session\.user|g\.user|claims|auth\.user)[\w.\[\]"']*\s*(==|===|!=|!==)\s*[\w.\[\]"'()]*(owner|user|author|account|tenant|creator)_?id\b|` +
		`\.(owner|author|user|creator)\s*(==|===|!=|!==|is\s+not|is)\s*(request\.user|current_user|req\.user|g\.user)\b|` +
		`\.(owner|author|creator)\.(id|ID)\s*(==|!=)\s*\w*(user|current|me)\w*\.(id|ID)\b|filter_by\([^)]*(owner|user|author)_id\s*=|filter\([^)]*(owner|user|author)\s*=\s*(request\.user|current_user|user\b)|where:\s*\{[^}]*(userId|ownerId|authorId)\s*:|(and|where)\s+\w*(owner|user|author)_id\s*=|get_object_or_404\([^)]*(owner|user)\s*=)` +
		// A lookup scoped by the caller's id passed first: store.FeedByID(user.ID, id),
		// getDoc(currentUser.id, docId), repo.FindOne(request.UserID(r), id).
		`|\b\w*(By\w*|[Gg]et\w*|[Ff]ind\w*|[Ll]oad\w*|[Ff]etch\w*)\(\s*(((current_?|session\.|req\.|request\.|ctx\.state\.|auth\.)?user|currentUser|me|viewer|actor)\.(id|ID|Id)|\w+\.UserID\(\w*\)|userID|userId|user_id)\s*,\s*\w` +
		// An authorisation helper given the caller and the object: authorize(user, "read", doc),
		// canViewBoard(auth, id).
		`|\b(authorize|can[A-Z]\w*)\(\s*(user|auth|actor|currentUser|current_user|ctx\.state\.auth)\b[^,)]*,` +
		// A lookup scoped by, or a record compared with, what the app's
		// middleware put on the request for the caller (household=request.household,
		// obj.space == request.space); the request's own data is no scope
		// (callerScopeData).
		`|\b(get|filter|exclude|get_object_or_404|\w+_or_404|first|one_or_none)\([^)]*\b\w+\s*=\s*(self\.)?request\.\w+|` +
		`\w\.\w+\s*(==|!=|is\s+not|is)\s*(self\.)?request\.\w+|` +
		// An object permission asked, the refusal on a no: DRF's
		// check_object_permissions, or if not perm.has_object_permission(request, ...).
		`\bcheck_object_permissions\(\s*(self\.)?request\b|\bif\s+not\s+[\w.()]*\.has_object_permission\(\s*(self\.)?request\b` +
		// A policy asked about the record: Pundit's authorize @post,
		// CanCan's authorize! :update, @post, ASP.NET Core's
		// AuthorizeAsync(User, document, policy).
		`|\bauthorize!?[ \t]*\(?[ \t]*(?::\w+\??[ \t]*,[ \t]*)?@\w+|\bAuthorizeAsync\(\s*(?:HttpContext\.)?User\s*,\s*\w+\s*,` +
		// Laravel's caller (session('username'), Auth::id(),
		// auth()->user()->id) compared with a record's creator or owner,
		// either side: session('username') != $link->creator.
		`|` + phpCaller + `\s*(==|===|!=|!==)\s*\$?\w+->(owner|author|user|creator)\w*\b` +
		`|\$?\w+->(owner|author|user|creator)\w*\s*(==|===|!=|!==)\s*` + phpCaller)
	// phpCaller is who is calling in Laravel: a session value naming the
	// user, or the authenticated user or its id.
	phpCaller     = `(?:session\(\s*['"]\w*(?:user|uid|login)\w*['"]\s*\)|Auth::(?:id\(\)|user\(\)->\w+)|auth\(\)->(?:id\(\)|user\(\)->\w+)|\$?request->user\(\)->\w+)`
	denialLogCall = regexp.MustCompile(`(?i)(deny\(|denied|forbidden|unauthori[sz]ed|log\w*\.\w+\([^)]*(access|authori))`)
	// The last forms are a branch on a record's admin flag (if user.admin:,
	// if (!req.user.admin)): the handler tells admins apart; and a flag of
	// the caller's own record tested, the branch that fails it answering
	// forbidden on its first line (if !account.IsOwner() { SendError(c, http.StatusForbidden, ...)):
	// a role, whatever the flag is called.
	roleCheck = regexp.MustCompile(`(?i)(is_?admin|is_superuser|is_staff|IsAdminUser|staff_member_required|superuser_required|require_?admin|admin_?required|RolesGuard|hasRole|@Roles|role\s*==|permission_required|\bif\s*\(?\s*(?:not\s+|!\s*)?[\w.]+\.admin\b|` +
		`\bif\s*\(?\s*(?:not\s+|!\s*)(?:request\.user|req\.user|g\.user|session\.user|current_?user|user|account|caller|me)\.\w+(?:\(\s*\))?\s*\)?\s*[{:][ \t]*\n[^\n]*(?:forbidden|\b403\b|permission_?denied)|` +
		// Django's permission test, refused when it fails:
		// if not request.user.has_perm("app.change_x"): raise PermissionDenied.
		`\b(?:not\s+|!\s*)[\w.]+\.has_perms?\(\s*[^)\n]*\)\s*\)?\s*[{:]?[ \t]*\n?[^\n]*(?:forbidden|\b403\b|permission_?denied|raise|abort|throw))`)
)

// Guard names: a middleware, decorator or dependency named for a control.
var (
	limiterGuard = regexp.MustCompile(`(?i)(limit|throttl|slowdown)`)
	captchaGuard = regexp.MustCompile(`(?i)(captcha|turnstile|proof_?of_?work)`)
	uploadGuard  = regexp.MustCompile(`(?i)(fileFilter|validat|allowed)`)
	mfaGuard     = regexp.MustCompile(`(?i)(mfa|totp|otp|two_factor|webauthn)`)
)

// What a handler does.
var (
	objectFetch = regexp.MustCompile(`(?i)(\.get\(|\.query\(|\.filter|\.find|findUnique|findFirst|findById|findOne|\.First\(|\.Find\(|\bselect\b|get_object_or_404|_or_404\(|\.objects\.|\.fetch|\.load\(|QueryRow)`)
	// sendsMessage: a Twilio client's messages.create is an SMS whatever
	// the argument is (a message object built above); another SDK's
	// messages.create (an LLM's) is one only with a recipient.
	sendsMessage = regexp.MustCompile(`(messages\.create\([^)]*\bto\b|client\.messages\.create|\b(?i:twilio)\w*\.messages\.create\(|sendMail\(|send_mail\(|sendgrid|\.send_email\(|SendEmail\(|resend\.emails|postmark|mailgun|smtplib)`)
	passwordWord = regexp.MustCompile(`(?i)password`)
	createsWord  = regexp.MustCompile(`(?i)(create|insert|save|register|sign_?up|\.add\(|new\s+\w*user)`)
	// createsUser creates a user or account record: createUser(...),
	// new User(...), User.create(...), users.insert(...).
	createsUser = regexp.MustCompile(`(?i)\b(?:create|insert|register|add|new|save)_?(?:user|account)\s*\(|\bnew\s+(?:User|Account)\s*\(|\b(?:User|Account)s?\s*\.\s*(?:objects\s*\.\s*)?(?:create|insert)\w*\s*\(`)
	// issuesCredential hands the caller a token or a session: what a
	// sign-up does for the account it has just created.
	issuesCredential = regexp.MustCompile(`(?i)\b(?:to|create|generate|issue|sign|make|new|mint)\w*(?:token|jwt)\s*\(|\bjwt\.(?:sign|encode)\s*\(|` + signsInCaller.String() + `|\bsession\s*\[\s*["']user\w*["']\s*\]\s*=|\bsetAttribute\s*\(\s*"user\w*"`)
	// signsInCaller signs the caller in as a user the handler holds.
	signsInCaller = regexp.MustCompile(`\blogin_user\s*\(|\b(?:auth\.)?login\s*\(\s*(?:req|request)\s*,|\breq\.log[iI]n\s*\(|\bsign_?in\w*\s*\(|\bsignIn\w*\s*\(`)
	// sessionCleared is the caller's session emptied: a session setter
	// given null (setSessionUser(req, res, null), session.setAttribute("user",
	// null)), a key removed from it (session.pop, del session[...],
	// removeAttribute, delete(session.Values, ...), session.Values[k] = nil),
	// Flask-Login's logout_user(), or the session cookie expired or cleared.
	sessionCleared = regexp.MustCompile(`(?i)\b[\w.]*session[\w.]*\s*\([^()\n]*\b(?:null|nil|None)\s*\)|(?:^|[^.\w])session\w*\s*\.\s*(?:pop|removeAttribute|remove|clear|invalidate)\s*\(|\bdel\s+session\s*\[|\bdelete\s*\(\s*\w*session\w*\.Values\b|\bsession\w*\.Values\s*\[[^\]\n]+\]\s*=\s*nil\b|\blogout_user\s*\(\s*\)|\bsession\w*\.Options\.MaxAge\s*=\s*-1\b|\bclearCookie\s*\(`)
	// callerOnly is a line that acts only on the caller's own session or
	// on the response it is sent (a cookie written, a redirect): not the
	// ORM's db.session.
	callerOnly = regexp.MustCompile(`(?i)(?:^|[^.\w])session\w*\s*[.\[]|\bdel\s+session\b|\bresponse|\bres\s*\.|cookie|\(\s*w\s*,|redirect|logout_user`)
	// sessionEnd ends the caller's own session (ASP.NET Core's
	// SignOutAsync, a servlet session invalidated, Rails' reset_session).
	sessionEnd = regexp.MustCompile(`(\b(?:req|request)\.(?:logout|logOut)\(|\b(?:auth\.)?logout\(\s*(?:req|request)\b|\bsession\.(?:destroy|flush|invalidate)\(|\b(?:req|ctx)\.session\s*=\s*null\b|\bsignOut\(\s*\)|\bsession\.clear\(\)|\bSignOutAsync\(|\breset_session\b)`)
	// tokenCheck verifies a secret token: a signed one checked, a stored
	// one looked up by its value.
	tokenCheck = regexp.MustCompile(`(\bverify\w*Token\s*\(|\bjwt\.verify\s*\(|\bcheck_token\s*\(|\.verify_token\s*\(|\bfind(?:One|First|_one)?\s*\(\s*\{\s*token\s*[:,}]|\.get\(\s*token\s*=)`)
	// requestToken is a token the request carries, read from its body or
	// query: req.body.refreshToken, request.data["token"], req.query.token.
	requestToken = regexp.MustCompile(`(?i)\b(?:req|request|ctx\.request|ctx)\.(?:body|query|params|data|GET|POST|json|form|args)(?:\.|\[\s*['"]|\.get\(\s*['"])\w*token\w*`)
	// tokenFromRequest: a token from the request verified in the handler.
	tokenFromRequest = regexp.MustCompile(tokenCheck.String() + `[^\n]*` + requestToken.String())
	writesState      = regexp.MustCompile(`(?i)(create|insert|update|upsert|save|delete|destroy|remove|\.add\(|\.put\(|\.set\(|commit|write|send|push|exec|increment|decrement|\+=|-=)`)
)

// RoutePatterns is what is read from every route, in one place: this
// file's, then the web app's (webroute.go).
var RoutePatterns = append([]RoutePattern{
	{Kind: facts.SignalRateLimit, Code: rateLimitApplied, Guard: limiterGuard},
	// A login that counts failed attempts and refuses past a bound locks
	// guessing out as a limiter does.
	{Kind: facts.SignalRateLimit, Code: failureLockout, Also: passwordWord},
	{Kind: facts.SignalBudget, Code: budgetCheck},
	{Kind: facts.SignalCaptcha, Code: captchaCheck, Guard: captchaGuard},
	{Kind: facts.SignalWebhookSig, Code: signatureCheck},
	{Kind: facts.SignalIdempotency, Code: idempotencyCheck},
	{Kind: facts.SignalReplayBound, Code: replayBound},
	{Kind: facts.SignalUploadTypeCheck, Code: uploadTypeCheck, Guard: uploadGuard},
	{Kind: facts.SignalOpaqueKeys, Code: opaqueKeyCall},
	{Kind: facts.SignalOwnership, Code: ownershipCheck},
	{Kind: facts.SignalDenialLog, Code: denialLogCall},
	{Kind: facts.SignalAuditLog, Code: auditCall},
	{Kind: facts.SignalAdminRole, Code: roleCheck, Guard: roleCheck},
	{Kind: facts.SignalMFA, Guard: mfaGuard},
	{Kind: facts.SignalIPAllowlist, Code: allowlistCheck, Guard: allowlistCheck},
	{Kind: facts.SignalBasicAuth, Code: sharedPassword, Guard: sharedPassword},
	{Kind: facts.SignalObjectFetch, Code: objectFetch},
	{Kind: facts.SignalSendsMessage, Code: sendsMessage},
	{Kind: facts.SignalCreatesAccount, Code: createsWord, Also: passwordWord},
	// A sign-up that takes the password in a parameter object: a user or
	// account created, and the new user signed in or handed a token.
	{Kind: facts.SignalCreatesAccount, Code: createsUser, Also: issuesCredential},
	// Or any record created and the caller signed in as it.
	{Kind: facts.SignalCreatesAccount, Code: signsInCaller, Also: createsWord},
	{Kind: facts.SignalWritesState, Code: writesState},
	{Kind: facts.SignalSessionEnd, Code: sessionEnd},
	{Kind: facts.SignalTokenGate, Code: tokenFromRequest},
}, webRoutePatterns...)

// handlerActs are the signals that say what a handler does (writes,
// lookups, messages sent), read from the code its route's method
// reaches (methodView).
var handlerActs = map[string]bool{
	facts.SignalMutatesStore: true, facts.SignalWritesState: true, facts.SignalPrivilegedOp: true,
	facts.SignalIDFromRequest: true, facts.SignalObjectFetch: true, facts.SignalSendsMessage: true,
	facts.SignalCreatesAccount: true, facts.SignalPrivilegedClient: true,
}

// libraryLogout are library views whose only write ends the caller's
// session, by their last name.
var libraryLogout = map[string]string{
	"LogoutView":        "django.contrib.auth's LogoutView ends the caller's session",
	"logout_then_login": "django.contrib.auth's logout_then_login ends the caller's session",
}

// lastName is the last dotted part of a handler's name: LogoutView of
// auth_views.LogoutView.
func lastName(h string) string {
	h, _, _ = strings.Cut(h, "(")
	return h[strings.LastIndexByte(h, '.')+1:]
}

// webhookProviders are the senders a webhook route is named for.
var webhookProviders = []string{"stripe", "github", "slack", "paddle", "lemonsqueezy", "paypal", "twilio", "shopify", "clerk", "svix", "discord"}

// Finish implements detector.Finisher: it reads every route's handler and
// guards, once every route, model and third party is known.
func (d *Detector) Finish(ctx context.Context, out *detector.Sink) error {
	d.keys.finish(out)
	d.evals.finish(out)
	models := userDataModels(out)
	var shared []string
	for _, s := range detector.Collected(out, detector.SignalKind) {
		if s.Kind == facts.SignalSharedModel {
			shared = append(shared, s.Detail)
		}
	}
	services := out.ThirdParties()
	routes := out.Routes()
	// Capability keys: only in an app with no user accounts, where no
	// object has an owner to check.
	var slots map[keySlot]bool
	var drawn map[string]bool
	if NoAccounts(out) && d.calls != nil {
		slots = capabilitySlots(routes, d.calls.mints)
		drawn = d.calls.drawnTypes()
	}
	if d.calls != nil {
		d.calls.buildStrings = buildStrings(d.calls.bareVars, d.calls.assignedFrom, d.calls.tainted)
	}
	// Models some route shows whole, and to whom: a record of one read
	// by id shows nothing more.
	listed := listedModels(routes, models)
	accounts := accountModels(routes)
	for _, r := range routes {
		if err := ctx.Err(); err != nil {
			return err
		}
		sigs := routeSignals(&r, models, services, shared)
		sigs = append(sigs, listedRecords(&r, models, listed)...)
		sigs = append(sigs, accountCreation(&r, sigs, accounts)...)
		var methods map[string]string
		if d.calls != nil {
			methods = d.calls.rubyMethods[cmp.Or(r.HandlerFile, r.File)]
		}
		sigs = append(sigs, callerDerefWrite(&r, methods)...)
		if len(slots) > 0 {
			sigs = append(sigs, capabilityKeys(&r, slots, d.calls.mints)...)
		}
		if len(drawn) > 0 {
			sigs = append(sigs, d.calls.typedCapabilities(&r, drawn)...)
		}
		if d.calls != nil {
			sigs = d.calls.dropLoggedOnly(&r, sigs)
			sigs = append(sigs, d.calls.accountThrough(&r, sigs)...)
			// A field drawn at random, looked up by its equal: a
			// capability link, accounts or none.
			sigs = append(sigs, d.calls.capabilityFields(&r)...)
			sigs = append(sigs, d.calls.buildInfoOnly(&r)...)
		}
		for _, s := range sigs {
			out.AddSignal(s)
		}
	}
	if d.calls != nil {
		d.calls.finishMass(out)
	}
	return nil
}

// NoAccounts: the user-data detector found no user accounts in the app
// (no-accounts): the one notion every rule that asks "does the app have
// users?" reads.
func NoAccounts(out *detector.Sink) bool {
	for _, s := range detector.Collected(out, detector.SignalKind) {
		if s.Kind == facts.SignalNoAccounts {
			return true
		}
	}
	return false
}

// userDataModels names the scan's user-data models.
func userDataModels(out *detector.Sink) []string {
	var models []string
	for _, a := range out.Assets() {
		if a.Kind == "user-data" && a.Name != "" {
			models = append(models, a.Name)
		}
	}
	return models
}

// RouteSignals reads one route: the patterns in its handler and guards,
// the sender of a webhook, and which of the scan's data models and third
// parties its handler names.
func RouteSignals(r *facts.Route, models []string, services []facts.ThirdParty) []facts.Signal {
	return routeSignals(r, models, services, nil)
}

// routeSignals is RouteSignals knowing the models no user owns (shared),
// whose records an id may reach without reaching another user's.
func routeSignals(r *facts.Route, models []string, services []facts.ThirdParty, shared []string) []facts.Signal {
	key := r.Key()
	at := facts.Evidence{File: r.File, Line: r.Line}
	var out []facts.Signal
	add := func(kind, detail, in string, ev facts.Evidence) {
		out = append(out, facts.Signal{Kind: kind, Detail: detail, Route: key, In: in, Evidence: ev})
	}
	// Commented-out code shows nothing: read the handler without its
	// comments (blanked, so offsets and lines stay), and every match in
	// what is left is code.
	if r.Body != "" {
		stripped := *r
		stripped.Body = string(lang.StripComments(lang.Of(r.File), []byte(r.Body)))
		if lang.Of(r.File) == lang.PHP {
			stripped.Body = phpVariables.ReplaceAllString(stripped.Body, " $1")
		}
		r = &stripped
	}
	// What the handler does is read from the code this route's method
	// reaches: a write in a branch for another method (if request.method
	// == 'PATCH':) is that method's route's. Controls are still read from
	// the whole handler: a check written in another method's branch
	// keeps counting, so reading branches drafts no new row.
	acts := methodView(r.Body, r.Method)
	for _, p := range RoutePatterns {
		if p.Guard != nil {
			// A limiter is named by the innermost one on the route: an
			// app-wide limiter comes first, the route's own after it.
			named := ""
			for _, m := range r.Middleware {
				if p.Guard.MatchString(m) {
					named = m
					if p.Kind != facts.SignalRateLimit {
						break
					}
				}
			}
			if named != "" {
				detail := ""
				if p.Kind == facts.SignalRateLimit {
					detail = named
				}
				add(p.Kind, detail, facts.SignalInGuards, at)
			}
		}
		body := r.Body
		if handlerActs[p.Kind] {
			body = acts
		}
		if p.Code == nil || body == "" || (p.Also != nil && !p.Also.MatchString(body)) {
			continue
		}
		for _, loc := range p.Code.FindAllStringIndex(body, -1) {
			if p.Kind == facts.SignalOwnership && (ownerIsPathParam(r, r.Body[loc[0]:loc[1]], r.Body[loc[1]:]) || callerScopeData(r.Body[loc[0]:loc[1]]) || sinkBefore(r.Body, loc[0]) || routeComparedWithRequest(r, loc)) {
				continue
			}
			if senderCheckVoid(p.Kind, r.Body, loc) {
				continue
			}
			if p.Kind == facts.SignalMutatesStore && (syncFactory(r, body, loc) || counterWrite(body, loc)) {
				continue
			}
			if p.Kind == facts.SignalWritesState {
				if call := classCallAround(body, loc); call != nil && syncFactory(r, body, call) {
					continue
				}
				// A word inside a string ('created_at' => $link->created_at,
				// 'Link deleted.') is text the handler shows, not a write.
				if inStringAt(body, loc[0]) && !sqlWrite.MatchString(body[loc[0]:]) || stampField(body, loc) {
					continue
				}
			}
			add(p.Kind, "", facts.SignalInHandler, handlerLine(r, loc[0]))
			break
		}
	}
	if lang.Of(r.File) == lang.Python && callerGatedWrites(acts) {
		add(facts.SignalCallerGatedWrite, "every write sits under a test that the caller is signed in or holds a permission", facts.SignalInHandler, at)
	}
	if at, ok := formCSRF(r, acts); ok {
		add(facts.SignalCSRFCheck, "Flask-WTF's validate_on_submit checks the form's CSRF token before the write", facts.SignalInHandler, handlerLine(r, at))
	}
	if onlyClearsSession(acts) {
		add(facts.SignalSessionEnd, "empties the caller's session and writes nothing else", facts.SignalInHandler, at)
	}
	if p := webhookProvider(r); p != "" {
		add(facts.SignalWebhookProvider, p, facts.SignalInHandler, at)
	}
	if r.Body == "" {
		// A library's view, whose code is not in the tree: what the
		// library's code does.
		if why, ok := libraryLogout[lastName(r.Handler)]; ok {
			add(facts.SignalSessionEnd, why, facts.SignalInHandler, at)
		}
		return out
	}
	out = append(out, idLookups(r, acts, models, shared)...)
	out = append(out, tokenGates(r, r.Body)...)
	for _, m := range models {
		if i := modelIndex(r.Body, m); i >= 0 {
			add(facts.SignalNamesModel, m, facts.SignalInHandler, handlerLine(r, i))
		}
	}
	low := regexgate.Lower(r.Body)
	for _, tp := range services {
		i := strings.Index(low, strings.ToLower(strings.Split(tp.Service, "-")[0]))
		if i < 0 {
			i = strings.Index(low, strings.ToLower(tp.Name))
		}
		if i >= 0 {
			add(facts.SignalNamesService, tp.Service, facts.SignalInHandler, handlerLine(r, i))
		}
	}
	return out
}

// phpVariables are PHP's $name: read as the name, so a parameter $id
// is the path's {id} (the $ becomes a space, keeping offsets).
var phpVariables = regexp.MustCompile(`\$([A-Za-z_])`)

// changesRecord is a call that deletes, changes or saves a record.
var changesRecord = regexp.MustCompile(`(?i)\.(?:delete|destroy|remove|update|save|commit|upsert)\w*\s*\(|\b(?:delete|destroy|remove|update)_\w+\s*\(|\bDELETE\s+FROM\b|\bUPDATE\s+\w+\s+SET\b`)

// declares is the end of a function's declaration before its name: the
// handler's own name (def delete_note) is no call.
var declares = regexp.MustCompile(`\b(?:def|func|function)\s+(?:\([^)]*\)\s*)?$`)

// sinkBefore says the handler deletes or changes a record before offset
// i: an owner condition read after the change (a handler that deletes,
// then compares the author only to choose its message) protects nothing.
func sinkBefore(body string, i int) bool {
	for _, loc := range changesRecord.FindAllStringIndex(body[:i], -1) {
		if !declares.MatchString(body[max(0, loc[0]-40):loc[0]]) {
			return true
		}
	}
	return false
}

// handlerLine is the line of offset i of the route's handler code.
func handlerLine(r *facts.Route, i int) facts.Evidence {
	line := r.Line
	if r.EndLine > 0 {
		// The code ends at EndLine: count back from there, which also
		// holds when decorators sit above the code's first line.
		line = r.EndLine - strings.Count(r.Body[i:], "\n")
	} else {
		line += strings.Count(r.Body[:i], "\n")
	}
	return facts.Evidence{File: r.File, Line: line}
}

// webhookProvider is who posts to a webhook route: a provider its path
// names, else one its handler's name or code names.
func webhookProvider(r *facts.Route) string {
	if !containsTag(r.Tags, facts.TagWebhook) {
		return ""
	}
	p := strings.ToLower(r.Path)
	for _, w := range webhookProviders {
		if strings.Contains(p, w) {
			return w
		}
	}
	hay := strings.ToLower(r.Path + " " + r.Handler + " " + r.Body)
	for _, w := range webhookProviders {
		if strings.Contains(hay, w) {
			return w
		}
	}
	return ""
}

func containsTag(tags []string, t string) bool { return contains(tags, t) }

// onlyClearsSession says a handler's code empties the caller's own
// session and changes nothing else: every line that writes (writesState,
// mutatesStore) acts only on the session or the response.
func onlyClearsSession(code string) bool {
	if code == "" || !sessionCleared.MatchString(code) {
		return false
	}
	for _, line := range strings.Split(code, "\n") {
		if sessionCleared.MatchString(line) || callerOnly.MatchString(line) {
			continue
		}
		if writesState.MatchString(line) || mutatesStore.MatchString(line) {
			return false
		}
	}
	return true
}

// wordIndex is where word first stands in text as a whole word (no word
// character on either side where the word itself has one), or -1: the
// same places as the pattern \bword\b.
func wordIndex(text, word string) int {
	if word == "" {
		return -1
	}
	for at := 0; ; {
		j := strings.Index(text[at:], word)
		if j < 0 {
			return -1
		}
		i := at + j
		end := i + len(word)
		if boundary(text, i) && boundary(text, end) {
			return i
		}
		at = i + 1
	}
}

// boundary reports a \b at i: a word byte on one side only.
func boundary(text string, i int) bool {
	before := i > 0 && isWordByte(text[i-1])
	after := i < len(text) && isWordByte(text[i])
	return before != after
}

// Recognises reports whether text (a few lines a person cites as evidence)
// shows one of the controls or signals named: a control pattern (Patterns)
// or a route signal's code or guard pattern (RoutePatterns) matches in it.
// It is the same vocabulary the scan reads with, so evidence is judged as
// the code is.
func Recognises(text string, controls, signals []string) bool {
	for i := range Patterns {
		p := &Patterns[i]
		if p.Control != "" && contains(controls, p.Control) && p.Re.MatchString(text) && (p.Also == nil || p.Also.MatchString(text)) {
			return true
		}
	}
	for _, p := range RoutePatterns {
		if !contains(signals, p.Kind) {
			continue
		}
		if p.Code != nil && p.Code.MatchString(text) && (p.Also == nil || p.Also.MatchString(text)) {
			return true
		}
		if p.Guard != nil && p.Guard.MatchString(text) {
			return true
		}
	}
	return false
}

// pathParamRead is a path parameter read off the request object
// (req.params.id, request.match_info["id"], c.Param("id")).
var pathParamRead = regexp.MustCompile(`^(?:\w+\.)?(?:params\b|match_info\b|path_params\b|Param\(|PathValue\()`)

// ownerIsPathParam reports whether an owner condition (where: { userId:,
// filter_by(user_id=) is given one of the route's own path parameters
// (/notes/user/:userid): the caller chose it, so it scopes nothing.
func ownerIsPathParam(r *facts.Route, cond, after string) bool {
	// Only a condition that ends in its key: the value follows.
	if c := strings.TrimRight(cond, " \t"); !strings.HasSuffix(c, ":") && !strings.HasSuffix(c, "=") {
		return false
	}
	after = strings.TrimLeft(after, " \t")
	if pathParamRead.MatchString(after) {
		return true
	}
	name := identRE.FindString(after)
	if name == "" || !strings.HasPrefix(after, name) {
		return false
	}
	for _, p := range r.Params {
		if (p.In == "" || p.In == "path") && p.Name == name {
			return true
		}
	}
	return false
}

// routeComparedWithRequest is comparedWithRequest for a route's handler:
// the values it supplies are its parameters and the variables holding
// them; its callers, the variables the caller fills. It also holds for a
// scoped-lookup match whose caller's id is one of those values.
func routeComparedWithRequest(r *facts.Route, loc []int) bool {
	var supplied []string
	for _, p := range r.Params {
		supplied = append(supplied, aliasesOf(r.Body, p.Name)...)
	}
	supplied = append(supplied, clientVars(r.Body)...)
	callers := append(append(callerVars(r.Body, supplied), declaredCallers(r.Body)...), r.Scope...)
	// An owner column keyed in a filter ({ ownerId: userId },
	// filter_by(user_id=uid)): its value says who, and a value the
	// request supplies is whom the client asked for.
	if m := r.Body[loc[0]:loc[1]]; strings.HasSuffix(strings.TrimSpace(m), ":") || strings.HasSuffix(strings.TrimSpace(m), "=") && !compareOp.MatchString(m) {
		v := strings.TrimSpace(r.Body[loc[1]:])
		if id := identRE.FindString(v); id != "" && strings.HasPrefix(v, id) && !contains(callers, id) && (contains(supplied, id) || requestValue.MatchString(v)) {
			return true
		}
	}
	// A lookup given the path's own user id first (get_card(user_id,
	// card_id) under /users/{user_id}/cards/{card_id}): the caller's id
	// by its name only.
	m := r.Body[loc[0]:loc[1]]
	if open := strings.IndexByte(m, '('); open >= 0 && !compareOp.MatchString(m) {
		first := strings.TrimSpace(m[open+1:])
		if i := strings.IndexByte(first, ','); i >= 0 {
			first = strings.TrimSpace(first[:i])
		}
		if identRE.FindString(first) == first && contains(supplied, first) && !contains(callers, first) {
			return true
		}
	}
	return comparedWithRequest(r.Body, loc, supplied, callers)
}

// requestAttrEnd is a request attribute a match ends with (=request.space).
var requestAttrEnd = regexp.MustCompile(`[=!s]\s*(?:self\.)?request\.(\w+)$`)

// callerScopeData says an owner condition ending in a request attribute
// names the request's own data (request.GET, request.data, request.headers),
// which the caller chooses, rather than what middleware set for the caller.
func callerScopeData(cond string) bool {
	m := requestAttrEnd.FindStringSubmatch(cond)
	return m != nil && requestData[m[1]]
}

// requestData are the request attributes Django, DRF, Flask and Starlette
// fill from what the client sent.
var requestData = map[string]bool{
	"GET": true, "POST": true, "data": true, "body": true, "query_params": true, "FILES": true, "COOKIES": true,
	"META": true, "headers": true, "args": true, "form": true, "json": true, "values": true, "files": true,
	"cookies": true, "path": true, "path_info": true, "method": true, "content_type": true, "query": true,
	"params": true, "path_params": true, "match_info": true, "url": true, "query_string": true,
}

// senderCheckVoid reports whether a webhook signature or replay match at
// loc in code proves nothing: a constant-time compare whose result is
// dropped (a statement of its own), or one whose two sides are both read
// off the request; and, for a replay bound, a compare beside an HMAC
// made in the same code (a signature, which a captured event carries).
func senderCheckVoid(kind, code string, loc []int) bool {
	if kind != facts.SignalWebhookSig && kind != facts.SignalReplayBound {
		return false
	}
	m := code[loc[0]:loc[1]]
	c := constantTimeCompare.FindStringIndex(m)
	if c == nil {
		return false
	}
	at := loc[0] + c[0]
	start := strings.LastIndexByte(code[:at], '\n') + 1
	lead := strings.TrimSpace(code[start:at])
	lead = strings.TrimSpace(receiver.ReplaceAllString(lead, ""))
	if lead == "" || strings.HasSuffix(lead, ";") || strings.HasSuffix(lead, "{") || strings.HasSuffix(lead, "}") {
		return true
	}
	end := strings.IndexByte(code[at:], '\n')
	if end < 0 {
		end = len(code) - at
	}
	if args := strings.Split(code[at:at+end], ","); len(args) >= 2 && requestRead.MatchString(args[0]) && requestRead.MatchString(args[1]) {
		return true
	}
	return kind == facts.SignalReplayBound && hmacComputed.MatchString(code)
}

// receiver is the module or object a call is made through (crypto.).
var receiver = regexp.MustCompile(`[\w.]*\.$`)

// requestRead is a value read off the request: its headers, query, body.
var requestRead = regexp.MustCompile(`\b(?:req|request|r|ctx\.request|ctx)\.(?:headers?|query|body|params|get\(|Header|URL|FormValue|META|GET|POST|data|args|form)\b`)

// VerifiesSignature reports whether code verifies a webhook's signature
// (the handler signal's vocabulary), for a detector that asks it of a
// call it read.
func VerifiesSignature(code string) bool { return signatureCheck.MatchString(code) }

// classCall is a call on a class: User.create(.
var classCall = regexp.MustCompile(`^[A-Z]\w*\s*\.\s*\w+\s*\(`)

// awaitedBefore is a statement's start that waits for what follows.
var awaitedBefore = regexp.MustCompile(`\b(?:await|yield)\s*$`)

// chainedAfter is a promise or a query the call's result is run as.
var chainedAfter = regexp.MustCompile(`^\s*\.\s*(?:then|catch|exec|finally)\s*\(`)

// syncFactory reports whether a write-shaped call on a class in
// JavaScript or TypeScript (Model.create(...)) at loc in body makes a
// value there and then: an ORM's write (Sequelize, Mongoose, TypeORM)
// returns a promise, so its caller waits for it (await, .then, a
// callback, or an async handler returning it). A call none of which
// holds (PendingUserInfoDto.create(...) returned by a handler that is
// not async) is a factory of the code's own, which stores nothing.
func syncFactory(r *facts.Route, body string, loc []int) bool {
	switch lang.Of(r.File) {
	case lang.JavaScript, lang.JSX, lang.TypeScript, lang.TSX:
	default:
		return false
	}
	if !classCall.MatchString(body[loc[0]:loc[1]]) {
		return false
	}
	before := body[:loc[0]]
	if awaitedBefore.MatchString(before) {
		return false
	}
	end := closing(body, loc[1]-1)
	if end < 0 {
		return false
	}
	args := body[loc[1]:end]
	if strings.Contains(args, "=>") || strings.Contains(args, "function") || chainedAfter.MatchString(body[end+1:]) {
		return false
	}
	// Returned from an async handler: the caller gets the promise.
	head := body
	if i := strings.IndexByte(head, '{'); i >= 0 {
		head = head[:i]
	}
	if strings.Contains(head, "async") && strings.HasSuffix(strings.TrimRight(before, " \t"), "return") {
		return false
	}
	return true
}

// classCallAround widens a word matched inside a call on a class
// (create in UsernameCheckResponseDto.create({...})) to the call's text
// up to its opening parenthesis, or nil when the word is not the name
// of a method called on a class.
func classCallAround(body string, loc []int) []int {
	end := loc[1]
	for end < len(body) && isWordByte(body[end]) {
		end++
	}
	j := end
	for j < len(body) && (body[j] == ' ' || body[j] == '\t') {
		j++
	}
	if j >= len(body) || body[j] != '(' {
		return nil
	}
	start := loc[0]
	for start > 0 && isWordByte(body[start-1]) {
		start--
	}
	i := start
	for i > 0 && (body[i-1] == ' ' || body[i-1] == '\t') {
		i--
	}
	if i == 0 || body[i-1] != '.' {
		return nil
	}
	i--
	for i > 0 && (body[i-1] == ' ' || body[i-1] == '\t') {
		i--
	}
	k := i
	for k > 0 && isWordByte(body[k-1]) {
		k--
	}
	if k == i || k > 0 && body[k-1] == '.' {
		return nil
	}
	return []int{k, j + 1}
}

// sqlWrite is an SQL statement that writes, as a string the code runs.
var sqlWrite = regexp.MustCompile(`^(?i:insert\s+into|update\s+[\w."` + "`" + `]+\s+set|delete\s+from|replace\s+into|upsert)\b`)

// inStringAt says the byte at i of code sits inside a string literal.
func inStringAt(code string, i int) bool {
	return blankStrings(code[:i+1])[i] == ' ' && code[i] != ' '
}

// stampName is a field that records when or by whom a write happened
// (created_at, updatedAt, deleted_by): reading it writes nothing.
var stampName = regexp.MustCompile(`(?i)^(?:created|updated|deleted|removed|inserted|saved|written|sent|pushed|committed)_?(?:at|on|by)$`)

// stampField says the match at loc is part of such a field's name.
func stampField(code string, loc []int) bool {
	i, j := loc[0], loc[1]
	for i > 0 && isIdentByte(code[i-1]) {
		i--
	}
	for j < len(code) && isIdentByte(code[j]) {
		j++
	}
	return stampName.MatchString(code[i:j])
}

func isIdentByte(b byte) bool {
	return b == '_' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'
}
