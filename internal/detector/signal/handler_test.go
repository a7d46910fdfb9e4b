package signal

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
)

// A control is one pattern wherever it is looked for: each line below
// counts (or not) the same in a route's handler and in a source file.
var controlCases = []struct {
	kind, file, line string
	want             bool
}{
	{"rate-limit", "app.py", `@limiter.limit("5/minute")`, true},
	{"rate-limit", "app.py", `    if not check_rate_limit(user):`, true},
	{"rate-limit", "app.js", `  await rateLimiter.consume(req.ip);`, true},
	{"rate-limit", "app.js", `const inviteLimiter = rateLimit({ windowMs: 60000, limit: 5 });`, false}, // built, not applied
	{"budget", "app.py", `    if user.credits <= 0:`, true},
	{"budget", "app.py", `    check_credits(user)`, true},
	{"budget", "app.py", `    if spend > org.max_spend:`, true},
	{"budget", "app.py", `    credits = 10`, false},
	{"webhook-signature", "app.py", `    event = stripe.Webhook.construct_event(payload, sig, secret)`, true},
	{"webhook-signature", "app.py", `    if not verify_signature(request):`, true},
	{"webhook-signature", "app.js", `  if (!crypto.timingSafeEqual(a, b)) return res.sendStatus(401);`, true},
	{"webhook-signature", "app.py", `    return jwt.decode(token, options={"verify_signature": False})`, false}, // the opposite
	{"webhook-signature", "app.js", "  if (crypto.createHmac('sha256', secret).update(raw).digest('hex') !== req.get('x-signature')) return res.sendStatus(401);", true},
	{"webhook-signature", "app.py", `    if hmac.new(key, body, hashlib.sha256).hexdigest() != sent: abort(401)`, true},
	{"webhook-signature", "app.ts", `  const event = wh.verify(payload, req.headers);`, true},
	{"webhook-signature", "app.js", "  const etag = crypto.createHash('sha256').update(body).digest('hex');", false}, // a content hash, compared with nothing sent
	{"webhook-signature", "app.js", `  const ok = jwt.verify(token, secret);`, false},
	{"idempotency", "app.js", `  if (seenDeliveries.has(delivery)) return res.sendStatus(204);`, true},
	{"idempotency", "app.py", `    if event.id in processed_ids: return`, true},
	{"idempotency", "app.py", `    Event.objects.create(unique_event_id=event_id)`, true},
	{"idempotency", "app.py", `    event = parse(payload)`, false},
	// A list named for the allowed types checks nothing until a branch
	// refuses what it leaves out (uploadcheck.go reads that).
	{"upload-type-check", "app.py", `ALLOWED_IMAGE_TYPES = {"image/png"}`, false},
	{"upload-type-check", "app.py", `    kind = magic.from_buffer(data, mime=True)`, true},
	{"upload-type-check", "app.py", `    name = file.filename`, false},
	{"opaque-keys", "app.py", `    key = f"{uuid.uuid4()}.pdf"`, true},
	{"opaque-keys", "app.py", `    key = f"{user_id}/{name}"`, false},
	{"opaque-keys", "app.go", `	fileUUID, err := uuid.NewRandom()`, true},
	{"opaque-keys", "app.js", "  const name = crypto.randomBytes(16).toString('hex') + ext;", true},
	{"opaque-keys", "app.go", `	name := fmt.Sprintf("%d-%s", time.Now().Unix(), header.Filename)`, false},
	{"opaque-keys", "app.js", "  const name = `${Date.now()}-${file.originalname}`;", false},
	{"audit-log", "app.js", `  auditLog.info("member removed", member);`, true},
	{"audit-log", "app.py", `    logger.info(f"doc {doc_id} deleted by {user}")`, true},
	{"audit-log", "app.js", `function audit(user, action) {`, false}, // a definition records nothing
	{"ip-allowlist", "app.py", `    if request.client.host in ADMIN_IPS:`, true},
	{"ip-allowlist", "app.py", `    if ip not in settings.ALLOWED_IPS:`, true},
	{"ip-allowlist", "app.py", `allowlist = ["example.com"]`, false},
	{"ip-allowlist", "app.js", `  console.log(req.ip);`, false},
	{"ip-allowlist", "app.py", "    ip = request.remote_addr or ''\n    return ip == '127.0.0.1' or ip.startswith('127.')", true},
	{"ip-allowlist", "app.go", `	if host, _, _ := net.SplitHostPort(r.RemoteAddr); !net.ParseIP(host).IsLoopback() {`, true},
	{"ip-allowlist", "app.py", `    if urlparse(url).hostname == '127.0.0.1': abort(400)`, false}, // the target's host, not the caller's
	{"captcha", "app.py", `    r = requests.post("https://hcaptcha.com/siteverify", data=form)`, true},
	{"captcha", "app.py", `    if not verify_captcha(token):`, true},
	{"captcha", "app.py", `    token = request.form["g-recaptcha-response"]`, false}, // read, not verified
	{"captcha", "app.js", `app.post("/invite", verifyCaptcha, invite);`, false},      // named, not called
	{"basic-auth", "app.py", `security = HTTPBasic()`, true},
	{"basic-auth", "app.py", `ADMIN_PASSWORD = os.getenv("ADMIN_PASSWORD", "admin123")`, true},
	{"basic-auth", "app.py", `    if password == confirm:`, false},
}

func TestControlPatternsAgree(t *testing.T) {
	for _, tc := range controlCases {
		t.Run(tc.kind+"/"+tc.line, func(t *testing.T) {
			r := facts.Route{Method: "POST", Path: "/x", File: tc.file, Line: 1, Body: "\n" + tc.line + "\n"}
			inHandler := false
			for _, s := range RouteSignals(&r, nil, nil) {
				if s.Kind == tc.kind && s.In == facts.SignalInHandler {
					inHandler = true
					if s.Evidence.Line != 2 {
						t.Errorf("handler evidence at line %d, want 2", s.Evidence.Line)
					}
				}
			}
			if inHandler != tc.want {
				t.Errorf("in a handler: found %v, want %v", inHandler, tc.want)
			}
			out := detector.NewSink()
			if err := New().Detect(context.Background(), &detector.File{Path: tc.file, Data: []byte(tc.line + "\n")}, out); err != nil {
				t.Fatal(err)
			}
			inFile := slices.ContainsFunc(out.Result().Controls, func(c facts.Control) bool { return c.Kind == tc.kind })
			if inFile != tc.want {
				t.Errorf("in a file: found %v, want %v", inFile, tc.want)
			}
		})
	}
}

// Guards are read by name; a commented-out call in the handler is none.
func TestSendsMessage(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"const sent = await twilioClient.messages.create(message);", true},
		{"sms = TwilioRest.messages.create(msg)", true},
		{"client.messages.create({ to: phone, from: sender, body: text })", true},
		{"const reply = await anthropic.messages.create(request);", false},
		{"const reply = await llm.messages.create({ model, max_tokens: 256, messages });", false},
	}
	for _, tt := range tests {
		if got := sendsMessage.MatchString(tt.line); got != tt.want {
			t.Errorf("sendsMessage(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestRouteSignals(t *testing.T) {
	r := facts.Route{
		Method: "POST", Path: "/webhooks/billing", File: "app/hooks.py", Line: 10, EndLine: 16,
		Tags:       []string{facts.TagWebhook},
		Middleware: []string{"require_admin", "RateLimitMiddleware"},
		Body: "def hook(request):\n" +
			"    # verify_signature(request)\n" +
			"    doc = Document.query.get(request.json['id'])\n" +
			"    stripe_obj = stripe.Event.construct_from(request.json)\n" +
			"    client = OpenAI()\n" +
			"    Documents.all()\n" +
			"    return doc",
	}
	services := []facts.ThirdParty{{Service: "openai", Name: "OpenAI"}, {Service: "anthropic", Name: "Anthropic"}}
	got := map[string]facts.Signal{}
	for _, s := range RouteSignals(&r, []string{"Document", "Invoice"}, services) {
		got[s.Kind+"/"+s.In+"/"+s.Detail] = s
		if s.Route != r.Key() {
			t.Errorf("%s: route %q, want %q", s.Kind, s.Route, r.Key())
		}
	}
	want := map[string]int{ // signal → evidence line
		"admin-role/guards/":                    10,
		"rate-limit/guards/RateLimitMiddleware": 10,
		"object-fetch/handler/":                 12,
		"webhook-provider/handler/stripe":       10,
		"names-model/handler/Document":          12,
		"names-service/handler/openai":          14,
	}
	for k, line := range want {
		s, ok := got[k]
		if !ok {
			t.Errorf("no signal %s; got %v", k, keys(got))
			continue
		}
		if s.Evidence.Line != line {
			t.Errorf("%s at line %d, want %d", k, s.Evidence.Line, line)
		}
	}
	for _, k := range []string{"webhook-signature/handler/", "names-model/handler/Invoice", "names-service/handler/anthropic"} {
		if _, ok := got[k]; ok {
			t.Errorf("signal %s found; want none (commented out, or not named as a whole word)", k)
		}
	}
}

// A write is a call in code: the word in a string the handler answers
// with ('created_at', "Link deleted.") writes nothing; the same word as a
// call does.
func TestWritesStateNotInStrings(t *testing.T) {
	for _, tc := range []struct {
		body string
		want bool
	}{
		{"public function lookup(Request $request) {\n    $link = Link::where('key', $request->input('key'))->first();\n    return ['created_at' => $link->created_at, 'note' => 'Link deleted or updated.'];\n}", false},
		{"export async function POST(req) {\n  await pool.query(\"UPDATE notes SET text = $1 WHERE slug = $2\", [t, s]);\n}", true},
		{"public function touch(Request $request) {\n    $link = Link::where('key', $request->input('key'))->first();\n    $link->save();\n    return ['created_at' => $link->created_at];\n}", true},
	} {
		r := facts.Route{Method: "POST", Path: "/api/lookup", File: "app/Http/Controllers/LinkController.php", Line: 5, Body: tc.body}
		got := false
		for _, s := range RouteSignals(&r, nil, nil) {
			if s.Kind == facts.SignalWritesState {
				got = true
			}
		}
		if got != tc.want {
			t.Errorf("writes-state = %v, want %v for\n%s", got, tc.want, tc.body)
		}
	}
}

func TestWordIndex(t *testing.T) {
	for _, tc := range []struct {
		text, word string
		want       int
	}{
		{"db.query(Document)", "Document", 9},
		{"Documents.all(); Document", "Document", 17},
		{"my_Document", "Document", -1},
		{"a.b", ".b", 1},
		{"", "x", -1},
		{"x", "", -1},
	} {
		if got := wordIndex(tc.text, tc.word); got != tc.want {
			t.Errorf("wordIndex(%q, %q) = %d, want %d", tc.text, tc.word, got, tc.want)
		}
	}
}

func keys(m map[string]facts.Signal) string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return strings.Join(ks, ", ")
}

// A handler is read without its comments: a model or a service named only
// in a comment is not named, one named in code is, at its line.
func TestRouteSignalsSkipComments(t *testing.T) {
	for _, tc := range []struct {
		file, body string
		want       []string // kind detail line
	}{
		{"app/views.py", "def f():\n    # Invoice.objects.all() via OpenAI\n    return 1", nil},
		{"app/views.py", "def f():\n    \"\"\"Lists Invoice rows.\"\"\"\n    return Invoice.objects.all()", []string{"names-model Invoice 3"}},
		{"src/api.ts", "async (req, res) => {\n  // await openai.chat()\n  /* Invoice */\n  res.json({})\n}", nil},
		{"src/api.ts", "async (req, res) => {\n  /* old */ await openai.chat()\n}", []string{"names-service openai 2"}},
	} {
		r := facts.Route{Method: "GET", Path: "/x", File: tc.file, Line: 1, Body: tc.body}
		var got []string
		for _, s := range RouteSignals(&r, []string{"Invoice"}, []facts.ThirdParty{{Service: "openai", Name: "OpenAI"}}) {
			if s.Kind == facts.SignalNamesModel || s.Kind == facts.SignalNamesService {
				got = append(got, s.Kind+" "+s.Detail+" "+strconv.Itoa(s.Evidence.Line))
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s %q: got %q, want %q", tc.file, tc.body, got, tc.want)
		}
	}
}

// TestRecognises: evidence text is judged by the scan's own patterns, only
// for the kinds asked for.
func TestRecognises(t *testing.T) {
	tests := []struct {
		name, text        string
		controls, signals []string
		want              bool
	}{
		{"limiter decorator", "@limiter.limit(\"5/minute\")\ndef login():", []string{"rate-limit"}, []string{facts.SignalRateLimit}, true},
		{"owner-scoped query", "Note.query.filter_by(id=note_id, owner_id=user.id)", nil, []string{facts.SignalOwnership}, true},
		{"the weakness itself", "return Note.query.get(note_id)", nil, []string{facts.SignalOwnership}, false},
		{"another control's code", "@limiter.limit(\"5/minute\")", nil, []string{facts.SignalOwnership}, false},
		{"a comment that names the control", "# ownership is checked upstream", nil, []string{facts.SignalOwnership}, false},
		{"nothing asked", "@limiter.limit(\"5/minute\")", nil, nil, false},
	}
	for _, tt := range tests {
		if got := Recognises(tt.text, tt.controls, tt.signals); got != tt.want {
			t.Errorf("%s: Recognises = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// Ownership is read in a handler only: the lookup is scoped by the
// caller's id, or an authorisation helper is given the caller.
func TestOwnershipInHandler(t *testing.T) {
	for _, tc := range []struct {
		kind, file, line string
		want             bool
	}{
		{"ownership-check", "feed.go", `	feed, err := h.store.FeedByID(user.ID, feedID)`, true},
		{"ownership-check", "feed.go", `	entry, err := h.store.GetEntry(request.UserID(r), entryID)`, true},
		{"ownership-check", "docs.ts", `  const doc = await findDocument(currentUser.id, id);`, true},
		{"ownership-check", "docs.ts", `  authorize(user, "read", document);`, true},
		{"ownership-check", "boards.ts", `  if (!(await canViewBoard(auth, boardId))) return forbidden();`, true},
		{"ownership-check", "feed.go", `	feed, err := h.store.FeedByID(feedID)`, false},          // the id alone
		{"ownership-check", "feed.go", `	fmt.Println(user.ID, feedID)`, false},                   // no lookup
		{"ownership-check", "users.go", `	u, err := h.store.UserByID(request.UserID(r))`, false}, // the caller's own record
		{"ownership-check", "docs.ts", `  const canEdit = canonicalize(user);`, false},           // a word that starts with can
		// An owner condition scopes by the caller; given the route's own
		// path parameter (/x/{userid}) it scopes by what the caller chose.
		{"ownership-check", "notes.js", `  Notes.findAll({ where: { userId: req.user.id, id } })`, true},
		{"ownership-check", "notes.js", `  Notes.findAll({ where: { userid: userid } })`, false},
		{"ownership-check", "notes.js", `  Notes.findAll({ where: { userId: req.params.userid } })`, false},
		{"ownership-check", "notes.py", `    Note.query.filter_by(user_id=userid).all()`, false},
		{"ownership-check", "notes.py", `    Note.query.filter_by(user_id=current_user.id).all()`, true},
		{"ownership-check", "boards.ts", `  if (!(await canViewBoard(auth, userid))) return forbidden();`, true}, // the object's id given to a permission test
		// Ruby's instance variables, Pundit and CanCan asked about the
		// record, ASP.NET Core's authorization service given it.
		{"ownership-check", "comments_controller.rb", `    if @comment.user_id == @current_user_id`, true},
		{"ownership-check", "posts_controller.rb", `    authorize @post`, true},
		{"ownership-check", "posts_controller.rb", `    authorize! :update, @post`, true},
		{"ownership-check", "DocsController.cs", `        var ok = await _authz.AuthorizeAsync(User, doc, "EditPolicy");`, true},
		// Laravel's caller (a session value naming the user, Auth::id())
		// compared with the record's creator or owner, either side.
		{"ownership-check", "StatsController.php", `        if ( (session('username') != $link->creator) && !self::currIsAdmin() ) {`, true},
		{"ownership-check", "NotesController.php", `        if ($note->user_id !== Auth::id()) abort(403);`, true},
		{"ownership-check", "NotesController.php", `        if ($note->creator != $request->input('name')) {`, false},         // compared with what the caller sent
		{"ownership-check", "comments_controller.rb", `    if @comment.user_id == params[:uid]`, false},                       // compared with what the caller sent
		{"ownership-check", "posts_controller.rb", `    authorize Post`, false},                                               // the class, not a record
		{"ownership-check", "DocsController.cs", `        var ok = await _authz.AuthorizeAsync(User, "AdminPolicy");`, false}, // a policy, no record
	} {
		t.Run(tc.line, func(t *testing.T) {
			r := facts.Route{Method: "GET", Path: "/x/{userid}", File: tc.file, Line: 1, Body: "\n" + tc.line + "\n",
				Params: []facts.Param{{Name: "userid", In: "path"}}}
			got := slices.ContainsFunc(RouteSignals(&r, nil, nil), func(s facts.Signal) bool { return s.Kind == tc.kind })
			if got != tc.want {
				t.Errorf("found %v, want %v", got, tc.want)
			}
		})
	}
}

// TestModelIndex: a handler touches a model through its class, its
// client property, its table in SQL or its collection; a lower-case word
// alone (req.user) or a different model's table is no touch.
func TestModelIndex(t *testing.T) {
	for _, tc := range []struct {
		body, model string
		want        bool
	}{
		{"return User.findOne({ where: { id } })", "User", true},
		{"await prisma.user.findMany()", "User", true},
		{"await prisma.websiteEvent.create({ data })", "WebsiteEvent", true},
		{`db.query("SELECT * FROM website_event WHERE id = $1")`, "WebsiteEvent", true},
		{`tx.Exec("INSERT INTO users (email) VALUES ($1)")`, "users", true},
		{`const col = db.collection("profiles")`, "profiles", true},
		{"const me = req.user; res.json(me)", "User", false},
		{"const u = ctx.state.user.id", "users", false},
		{`db.query("SELECT * FROM user_sessions")`, "users", false},
		{"return Users.all()", "User", false},
		{"def me(user: User = Depends(current_user)):\n    return {\"ok\": True}", "User", false},
		{"async def find(q: str) -> Optional[User]:\n    return None", "User", false},
		{"export async function show(req: Request, user?: User): Promise<Array<User>> { return [] }", "User", false},
		{"def f(items: list[Item], owner: User | None):\n    pass", "User", false},
		{"def me(user: User = Depends(current_user)):\n    return db.get(User, user.id)", "User", true},
		{"u: User = User(email=email)", "User", true},
		{"const u: User = User.build({ email })", "User", true},
		{"items = session.query(User).all()", "User", true},
		{"data = {\"owner\": User.query.get(1)}", "User", true},
		{"const [u] = await db.select().from(users).where(eq(users.email, email))", "users", true},
		{"await db.insert(teamMembers).values({ userId, teamId })", "team_members", true},
		{"q.leftJoin(teams, eq(teamMembers.teamId, teams.id))", "teams", true},
		{"const rows = list.from(usersById)", "users", false},
		{"const s = Array.from(users.values())", "users", false},
		{"const copy = Array.from(users)", "users", false},
	} {
		if got := modelIndex(tc.body, tc.model) >= 0; got != tc.want {
			t.Errorf("modelIndex(%q, %q) = %v, want %v", tc.body, tc.model, got, tc.want)
		}
	}
}

// A branch on a record's admin flag is a role check; a field whose name
// only starts with admin, or the flag set, is not.
func TestAdminFlagCheck(t *testing.T) {
	for code, want := range map[string]bool{
		"user = User.query.filter_by(username=resp['sub']).first()\nif user.admin:\n    User.delete_user(username)": true,
		"if (!req.user.admin) { return res.sendStatus(403) }":                                                       true,
		"if u.Admin {\n\tdelete(id)\n}":                                                                             true,
		"if settings.admin_email:\n    send(settings.admin_email)":                                                  false,
		"user.admin = False\ndb.session.commit()":                                                                   false,
	} {
		if got := roleCheck.MatchString(code); got != want {
			t.Errorf("roleCheck(%q) = %v, want %v", code, got, want)
		}
	}
}

// TestSessionEnd: a library's logout view, whose code is not in the tree,
// ends the caller's session by the library's code; a project's own view of
// that name is read for what its body does.
func TestSessionEnd(t *testing.T) {
	has := func(r facts.Route) bool {
		for _, s := range RouteSignals(&r, nil, nil) {
			if s.Kind == facts.SignalSessionEnd {
				return true
			}
		}
		return false
	}
	for _, tt := range []struct {
		r    facts.Route
		want bool
	}{
		{facts.Route{Method: "POST", Path: "/logout", File: "urls.py", Handler: "django_auth_views.LogoutView"}, true},
		{facts.Route{Method: "POST", Path: "/logout", File: "views.py", Handler: "views.LogoutView", Body: "def post(self, request):\n    Note.objects.filter(owner=request.POST['user']).delete()\n"}, false},
		{facts.Route{Method: "POST", Path: "/bye", File: "views.py", Handler: "bye", Body: "def bye(request):\n    logout(request)\n    return redirect('/')\n"}, true},
		{facts.Route{Method: "POST", Path: "/signout", File: "app.js", Handler: "signout", Body: "(req, res) => { sessions.delete(req.body.sessionId); res.end() }"}, false},
		{facts.Route{Method: "POST", Path: "/User/Logout", File: "UserController.cs", Handler: "UserController.Logout", Body: "public async Task<IActionResult> Logout()\n{\n    await _signInManager.SignOutAsync();\n    return Ok();\n}"}, true},
		{facts.Route{Method: "DELETE", Path: "/session", File: "sessions_controller.rb", Handler: "SessionsController#destroy", Body: "def destroy\n  reset_session\n  redirect_to root_path\nend"}, true},
		{facts.Route{Method: "POST", Path: "/User/Forget", File: "UserController.cs", Handler: "UserController.Forget", Body: "public async Task<IActionResult> Forget(string id)\n{\n    await _users.DeleteAsync(id);\n    return Ok();\n}"}, false},
	} {
		if got := has(tt.r); got != tt.want {
			t.Errorf("%s %s: session-end %v, want %v", tt.r.Handler, tt.r.Path, got, tt.want)
		}
	}
}

// A flag of the caller's own record tested, whose failing branch answers
// forbidden, is a role check whatever the flag is called; a flag tested
// to log, or a record's flag, is none.
func TestCallerFlagRole(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       bool
	}{
		{"go helper", "\n\tif !account.IsOwner() {\n\t\tresponse.SendError(c, http.StatusForbidden, \"owner only\")\n\t\treturn err\n\t}\n", true},
		{"django view", "\n    if not request.user.is_manager:\n        raise PermissionDenied\n", true},
		{"express", "\n  if (!req.user.canManage) {\n    return res.status(403).end();\n  }\n", true},
		{"only logged", "\n\tif !account.IsOwner() {\n\t\tlog.Printf(\"not the owner\")\n\t}\n", false},
		{"a record's flag", "\n\tif !bookmark.Public {\n\t\thttp.Error(w, \"private\", http.StatusForbidden)\n\t}\n", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := facts.Route{Method: "DELETE", Path: "/x", File: "x.go", Line: 1, Body: tc.body}
			got := slices.ContainsFunc(RouteSignals(&r, nil, nil), func(s facts.Signal) bool { return s.Kind == facts.SignalAdminRole })
			if got != tc.want {
				t.Errorf("admin-role found %v, want %v", got, tc.want)
			}
		})
	}
}

// A lookup that loads a record of a model no user owns, and names no
// owned model, is a shared record: by the callee's name or the model's.
func TestSharedLookup(t *testing.T) {
	models, shared := []string{"Account", "Bookmark"}, []string{"Bookmark", "Tag"}
	for _, tc := range []struct {
		call string
		want bool
	}{
		{"GetBookmark(ctx, id)", true},
		{"tags.delete(id)", true}, // the receiver names the model
		{"Tag.objects.get(id=pk)", true},
		{"DeleteTag(ctx, id)", true},
		{"GetTaggedNotes(ctx, id)", false}, // Tagged is not Tag
		{"GetAccountBookmark(ctx, id)", false},
		{"GetNote(ctx, id)", false},
	} {
		if got := sharedLookup(tc.call, models, shared); got != tc.want {
			t.Errorf("%s: shared %v, want %v", tc.call, got, tc.want)
		}
	}
}

// A model class named with a Model suffix (ProductModel) is named by what
// it holds in the store a lookup reads (db_products_by_id); the owned
// model's store is no shared record, and a model named Model alone keeps
// its one word.
func TestSharedLookupModelSuffix(t *testing.T) {
	models, shared := []string{"UserModel", "ProductModel", "Model"}, []string{"ProductModel", "Model"}
	for _, tc := range []struct {
		call string
		want bool
	}{
		{"db.db_products_by_id.get(product_id)", true},
		{"get_product(db, product_id)", true},
		{"db.db_users_by_id.get(user_id)", false},
		{"db.db_orders_by_id.get(order_id)", false},
	} {
		if got := sharedLookup(tc.call, models, shared); got != tc.want {
			t.Errorf("%s: shared %v, want %v", tc.call, got, tc.want)
		}
	}
}

// An id that reaches a shared record and then a user's is no shared
// record: every lookup it reaches must load a shared model's.
func TestSharedRecordEveryLookup(t *testing.T) {
	r := facts.Route{Method: "GET", Path: "/tags/{id}", File: "x.go", Line: 1, Params: []facts.Param{{Name: "id", In: "path"}}}
	for body, want := range map[string]bool{
		"\n\ttag, _ := st.GetTag(ctx, id)\n\tw.Write(tag.Name)\n":                                       true,
		"\n\ttag, _ := st.GetTag(ctx, id)\n\tnotes, _ := st.GetNotesByTag(ctx, id)\n\tw.Write(notes)\n": false,
	} {
		r.Body = body
		got := slices.ContainsFunc(idLookups(&r, body, []string{"Note", "Tag"}, []string{"Tag"}), func(s facts.Signal) bool { return s.Kind == facts.SignalSharedRecord })
		if got != want {
			t.Errorf("%q: shared-record %v, want %v", body, got, want)
		}
	}
}

// A lookup called on a chain (Tag.only(FIELDS).find(id)) is named by the
// chain's receiver: the model it starts from is the record loaded.
func TestReceiverOfSharedLookup(t *testing.T) {
	models, shared := []string{"Account", "Bookmark"}, []string{"Bookmark", "Tag"}
	for _, tc := range []struct {
		code, call string
		want       bool
	}{
		{"r = Tag.only(FIELDS).find(params[:id])", "find(", true},
		{"r = Tag\n  .where(live: true)\n  .find(params[:id])", "find(", true},
		{"r = Account.only(FIELDS).find(params[:id])", "find(", false}, // an owned model's chain
		{"r = find(params[:id])", "find(", false},                      // no receiver names a model
		{"Tag.count\nfind(params[:id])", "find(", false},               // a statement before is no receiver
	} {
		i := strings.LastIndex(tc.code, tc.call)
		if got := sharedLookup(receiverOf(tc.code, i)+tc.code[i:], models, shared); got != tc.want {
			t.Errorf("%q: shared %v, want %v (receiver %q)", tc.code, got, tc.want, receiverOf(tc.code, i))
		}
	}
}

// A login that counts failed attempts and refuses past a bound is rate
// limited; a count compared with nothing, a retry loop, or a count
// outside a password handler is not.
func TestFailureLockout(t *testing.T) {
	for _, tc := range []struct {
		body string
		want bool
	}{
		{"if ld.failedTimes >= 5 {\n return\n}\nif PasswordOK(conf.Password, data.Password) {", true},
		{"if user.failed_attempts > MAX_TRIES:\n    abort(429)\ncheck_password(user, form.password)", true},
		{"await signInManager.PasswordSignInAsync(email, password, remember, lockoutOnFailure: true);", true},
		{"if failures > 0 { log.Print(failures) }\ncheckPassword(password)", false},                  // no bound
		{"for attempts := 0; attempts >= 3; attempts++ { fetch() }\ncheckPassword(password)", false}, // a retry, no failure
		{"if ld.failedTimes >= 5 { return }", false},                                                 // no password handled
	} {
		r := facts.Route{Method: "POST", Path: "/login", File: "login.go", Line: 1, Body: tc.body}
		got := false
		for _, s := range RouteSignals(&r, nil, nil) {
			got = got || s.Kind == facts.SignalRateLimit
		}
		if got != tc.want {
			t.Errorf("%q: rate limit %v, want %v", tc.body, got, tc.want)
		}
	}
}
