package route

import (
	"regexp"
	"slices"
	"testing"

	"github.com/threatmap/threatmap/internal/facts"
)

func TestAuthFrom(t *testing.T) {
	tests := []struct {
		guards []string
		want   string
	}{
		// Plumbing is not auth, whatever words its name holds.
		{[]string{"session"}, facts.AuthUnknown},
		{[]string{"expressSession", "cookieSession", "passport.initialize", "passport.session"}, facts.AuthUnknown},
		{[]string{"bodyParser.json", "cookieParser", "express.static", "cors", "morgan"}, facts.AuthUnknown},
		{[]string{"loginLimiter"}, facts.AuthUnknown},
		{[]string{"rateLimit", "authThrottle", "csrfProtection", "verify_csrf_token"}, facts.AuthUnknown},
		{[]string{"ThrottlerGuard"}, facts.AuthUnknown},
		{[]string{"SessionMiddleware"}, facts.AuthUnknown},
		// An app's own guard, named but with no code at hand: unknown,
		// whatever its name says.
		{[]string{"session", "isLoggedIn"}, facts.AuthUnknown},
		{[]string{"requireAuth"}, facts.AuthUnknown},
		{[]string{"requireSession"}, facts.AuthUnknown},
		{[]string{"passport.authenticate"}, facts.AuthUnknown},
		// Library guards.
		{[]string{"passport.authenticate('jwt')"}, facts.AuthRequired},
		{[]string{"passport.authenticate('bearer', 'basic')"}, facts.AuthRequired},
		{[]string{"login_required"}, facts.AuthRequired},
		{[]string{"@method_decorator(login_required)"}, facts.AuthRequired},
		{[]string{"expressjwt"}, facts.AuthRequired},
		{[]string{"jwt.unless"}, facts.AuthRequired},
		{[]string{"jwtauth.Authenticator"}, facts.AuthRequired},
		{[]string{"jwtauth.Verifier"}, facts.AuthUnknown},
		{[]string{"rest.WithJwt"}, facts.AuthRequired},
		{[]string{"helmet.frameguard", "middleware.Recoverer"}, facts.AuthUnknown},
		// For anonymous callers: guest-only guards and the login itself.
		{[]string{"authHandler.isNotAuthenticated"}, facts.AuthNone},
		{[]string{"ensureLoggedOut"}, facts.AuthNone},
		{[]string{"ensure_not_logged_in"}, facts.AuthNone},
		{[]string{"guestOnly"}, facts.AuthNone},
		{[]string{"redirectIfAuthenticated"}, facts.AuthNone},
		{[]string{"loginLimiter", "passport.authenticate('local')"}, facts.AuthNone},
		{[]string{"passport.authenticate('github')"}, facts.AuthNone},
		// Optional auth admits anyone: not known either way.
		{[]string{"passport.authenticate('jwt', 'anonymous')"}, facts.AuthUnknown},
		{[]string{"optionalAuth"}, facts.AuthUnknown},
		// A real guard outranks a guest-only one.
		{[]string{"guestOnly", "login_required"}, facts.AuthRequired},
	}
	for _, tt := range tests {
		if got, _ := AuthFrom(tt.guards); got != tt.want {
			t.Errorf("AuthFrom(%q) = %s, want %s", tt.guards, got, tt.want)
		}
	}
}

func TestAuthOf(t *testing.T) {
	tests := []struct {
		name     string
		guards   []string
		body     string
		complete bool
		want     string
	}{
		{"body check", nil, "if (!req.user) return res.sendStatus(401)", false, facts.AuthRequired},
		{"nothing, complete", []string{"session"}, "res.json([])", true, facts.AuthNone},
		{"nothing, incomplete", nil, "res.json([])", false, facts.AuthUnknown},
		// The signed-in caller returns early from a closed block: the
		// refusal after it is what everyone else gets. A closed block that
		// returns nothing (if (ref) { next += ref }) is not such a test.
		{"early return for the signed-in, then a redirect", nil, "if (req.isAuthenticated()) {\n    return next();\n  }\n  req.flash('errors', { msg: 'log in' });\n  res.redirect('/login');", true, facts.AuthRequired},
		{"a closed block that returns nothing, then a redirect", nil, "let next = '/';\n  if (req.query.ref) {\n    next += req.query.ref;\n  }\n  res.redirect('/login?next=' + next);", true, facts.AuthNone},
		// Header and CSRF middleware from a library is plumbing, whatever
		// its name holds; an app's own "protect" guard with no code is not.
		{"lusca headers", []string{"lusca.xframe", "lusca.xssProtection", "lusca({ csrf: true })"}, "res.json([])", true, facts.AuthNone},
		{"xssProtection of another header library", []string{"headers.xssProtection"}, "res.json([])", true, facts.AuthNone},
		{"an app's protect guard, code not in the tree", []string{"protectRoute"}, "res.json([])", true, facts.AuthUnknown},
		// A login handler reads req.user after the strategy set it.
		{"login strategy beats the body", []string{"passport.authenticate('local')"}, "res.json(req.user)", false, facts.AuthNone},
		{"a login sets the header, it does not read it", nil, "const token = jwt.sign(p, k); res.setHeader('Authorization', 'Bearer ' + token)", true, facts.AuthNone},
		{"reading the header checks nothing", nil, "const h = req.headers.authorization", true, facts.AuthNone},
		{"rejecting without it, never reading it, checks nothing", nil, "if (!req.headers.authorization) return res.status(401).end()", true, facts.AuthNone},
		{"rejecting without it, then verifying it, is a check", nil, "const h = req.headers.authorization; if (!h) return res.status(401).end(); req.user = jwt.verify(h.slice(7), key)", true, facts.AuthRequired},
		{"a status read is not sent", nil, "const r = await fetch(u); if (r.status === 401) refresh()", true, facts.AuthNone},
		{"a 403 for a switched-off feature", nil, "if (!config.enabled) return res.sendStatus(403)", true, facts.AuthNone},
		{"a 403 for a missing role", nil, "if (req.user.role !== 'admin') return res.sendStatus(403)", true, facts.AuthRequired},
		{"a CSRF check's 403", nil, "if (req.body._csrf !== req.session.csrfToken) return res.status(403).end()", true, facts.AuthNone},
		{"redirect to login on no session", nil, "if (!req.session.user) return res.redirect('/login')", true, facts.AuthRequired},
		{"redirect to login after sign-up", nil, "createUser(req.body); res.redirect('/login')", true, facts.AuthNone},
		{"redirect to login for a known user", nil, "if (user) { mailReset(user); res.redirect('/login') }", true, facts.AuthNone},
		{"redirect to login past a pass-through", nil, "if (req.isAuthenticated()) { return next() } res.redirect('/login')", true, facts.AuthRequired},
		{"a token that fails to decode", nil, "try: decode(token)\nexcept InvalidTokenError:\n    raise HTTPException(status_code=403)", true, facts.AuthRequired},
		{"optional auth", nil, "if (!token) return next(); if (!verify(token)) return res.sendStatus(401)", true, facts.AuthNone},
		{"a throttle's 429", []string{"authLimiter"}, "res.json([])", true, facts.AuthNone},
		{"guest guard beats the body", []string{"isNotAuthenticated"}, "if (!req.isAuthenticated()) return next()", false, facts.AuthNone},
	}
	for _, tt := range tests {
		if got, _ := AuthOf(tt.guards, tt.body, tt.complete); got != tt.want {
			t.Errorf("%s: AuthOf = %s, want %s", tt.name, got, tt.want)
		}
	}
}

// TestVocabularyUpload: a framework's own file calls tag a route as an
// upload only under that framework's vocabulary; a word another
// framework uses, or a lookalike, does not.
func TestVocabularyUpload(t *testing.T) {
	goVocab := Vocabulary{Upload: []string{"FormFile"}}
	nodeVocab := Vocab(
		Vocabulary{Upload: []string{"multer"}, UploadMiddleware: regexp.MustCompile(`\.(single|array)$`)},
		Vocabulary{UploadBody: regexp.MustCompile(`\breq\.file\(`)},
	)
	tests := []struct {
		name  string
		vocab Vocabulary
		body  string
		mw    []string
		want  bool
	}{
		{"own call", goVocab, `f, _, err := r.FormFile("doc")`, nil, true},
		{"another framework's call", goVocab, `f = request.files["doc"]`, nil, false},
		{"a word any language uses", goVocab, `s3.PutObject(ctx, in)`, nil, true},
		{"joined middleware pattern", nodeVocab, ``, []string{"upload.single"}, true},
		{"middleware lookalike", nodeVocab, ``, []string{"singleSignOn"}, false},
		{"joined body pattern", nodeVocab, `const data = await req.file()`, nil, true},
		{"body lookalike", nodeVocab, `const name = req.filename`, nil, false},
		{"no vocabulary", Vocabulary{}, `r.FormFile("doc")`, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := facts.Route{Method: "POST", Path: "/documents", Body: tt.body, Middleware: tt.mw}
			Classify(&r, tt.vocab)
			if got := slices.Contains(r.Tags, facts.TagUpload); got != tt.want {
				t.Errorf("upload tag = %v, want %v (tags %v)", got, tt.want, r.Tags)
			}
		})
	}
}

// Payment and socket tags come from what the handler calls; a route's
// name tags only a route whose handler is not read. The llm tag is never
// the route detector's: only a call to a model's client makes it, which
// the whole scan follows (scan's TestLLMTagFromCalls).
func TestSemanticTags(t *testing.T) {
	for _, tc := range []struct {
		name, path, body string
		mw               []string
		tag              string
		want             bool
	}{
		{"lookalike: a handler that names providers", "/api/settings", "return jsonify(providers=['openai', 'anthropic'], default=OpenAI)", nil, facts.TagLLM, false},
		{"lookalike: a chat route that stores a message", "/api/chat", "msg = Message(prompt=body.text, model_name=body.model)\ndb.add(msg)", nil, facts.TagLLM, false},
		{"a checkout that calls the payment SDK", "/billing/checkout", "session = stripe.checkout.Session.create(**params)", nil, facts.TagPayment, true},
		{"lookalike: a payments page that never touches a payment SDK", "/payments", "return render(request, 'payments.html', {'plans': PLANS})", nil, facts.TagPayment, false},
		{"an OpenAPI operation is named by its path", "/billing/checkout", "", nil, facts.TagPayment, true},
		{"a handler that upgrades the connection", "/live", "conn, err := upgrader.Upgrade(w, r, nil) // websocket", nil, facts.TagWebsocket, true},
		{"lookalike: a middleware named for sockets in front of a plain route", "/feeds", "json.NewEncoder(w).Encode(feeds)", []string{"gzipExceptWebSocket"}, facts.TagWebsocket, false},
		{"a receiver that acts on the posted event", "/webhooks/github", "var ev PushEvent\njson.NewDecoder(r.Body).Decode(&ev)\nrepo.Sync(ev.Repo)", nil, facts.TagWebhook, true},
		{"a receiver whose handler is not read", "/hooks/incoming", "", nil, facts.TagWebhook, true},
		{"lookalike: the page that lists the app's outgoing webhooks", "/webhooks", "params.Title = \"Webhooks\"\ntmpl.ExecuteTemplate(w, \"webhooks\", params)", nil, facts.TagWebhook, false},
		{"lookalike: a test send of a stored outgoing webhook", "/webhooks/{id}/validate", "func (s *Server) ValidateHook(w http.ResponseWriter, r *http.Request) {\nwh, err := store.GetHook(id)\nerr = sender.Send(wh.URL, ping)", nil, facts.TagWebhook, false},
		{"lookalike: the collection of outgoing webhooks (list on GET, create on POST)", "/api/webhooks", "switch {\ncase r.Method == \"GET\":\n\tlist()\ncase r.Method == \"POST\":\n\tjson.NewDecoder(r.Body).Decode(&wh)\n\tstore.Save(&wh)\n}", nil, facts.TagWebhook, false},
		{"lookalike: a path segment ws on a read handler", "/ws/status", "return jsonify(status='ok')", nil, facts.TagWebsocket, false},
		{"a sign-in page named by its file", "/account/login.php", "", nil, facts.TagAuth, true},
		{"a servlet path with its mapping's suffix", "/Register.do", "", nil, facts.TagAuth, true},
		{"lookalike: a page whose name only starts like a sign-in", "/loginhistory.php", "", nil, facts.TagAuth, false},
		{"lookalike: a static file's extension is not a page's", "/docs/login.pdf", "", nil, facts.TagAuth, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := facts.Route{Method: "POST", Path: tc.path, Body: tc.body, Middleware: tc.mw, File: "handlers/routes.go"}
			Classify(&r, Vocabulary{})
			if got := slices.Contains(r.Tags, tc.tag); got != tc.want {
				t.Errorf("tags %v: %s is %v, want %v", r.Tags, tc.tag, got, tc.want)
			}
		})
	}
}
