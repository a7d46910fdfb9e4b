package signal

import (
	"slices"
	"strconv"
	"testing"

	"github.com/threatmap/threatmap/internal/facts"
)

// An id is a path parameter whose value reaches a lookup the caller's id
// does not scope; each lookalike names the same things and looks nothing
// up by the parameter, or looks it up among the caller's own records.
func TestIDLookups(t *testing.T) {
	for _, tc := range []struct {
		name, file, body string
		params           []string
		want             []string // parameter line, or "owner line" for a scoped lookup
	}{
		{"python: the handler's argument to get_or_404", "app/views.py",
			"def show(invoice_id):\n    invoice = Invoice.query.get_or_404(invoice_id)\n    return jsonify(invoice)",
			[]string{"invoice_id"}, []string{"invoice_id 2"}},
		{"express: req.params into findById", "src/routes.js",
			"async (req, res) => {\n  const doc = await Doc.findById(req.params.id);\n  res.json(doc);\n}",
			[]string{"id"}, []string{"id 2"}},
		{"go: a variable read from the route, then a store call", "web/h.go",
			"func (h *handler) show(w http.ResponseWriter, r *http.Request) {\n\tfeedID := request.RouteInt64Param(r, \"feedID\")\n\tfeed, err := h.store.FeedByID(feedID)\n}",
			[]string{"feedID"}, []string{"feedID 3"}},
		{"go: the route read inside the lookup's arguments", "web/h.go",
			"func show(c *gin.Context) {\n\tdb.First(&doc, c.Param(\"id\"))\n}",
			[]string{"id"}, []string{"id 2"}},
		{"prisma: a where clause over lines", "src/app/api/x/route.ts",
			"export async function DELETE(req, { params }) {\n  const { noteId } = await params;\n  await prisma.note.delete({\n    where: { id: noteId },\n  });\n}",
			[]string{"noteId"}, []string{"noteId 3"}},
		{"rails: a lookup among the caller's records by association", "app/controllers/projects_controller.rb",
			"def show\n  @project = current_user.projects.find(params[:id])\nend",
			[]string{"id"}, []string{"id 2", "owner 2"}},
		{"rails: the model's own find is no owner condition", "app/controllers/projects_controller.rb",
			"def show\n  @project = Project.find(params[:id])\nend",
			[]string{"id"}, []string{"id 2"}},
		{"the innermost of two ids", "src/routes.js",
			"async (req, res) => {\n  const team = await Team.findByPk(req.params.teamId);\n  const m = await Member.findOne({ where: { id: req.params.memberId } });\n}",
			[]string{"teamId", "memberId"}, []string{"teamId 2", "memberId 3"}},

		{"laravel: a controller's $id into a static findOrFail", "app/Http/Controllers/NoteController.php",
			"public function show($id)\n{\n    $note = Note::findOrFail($id);\n    return $note;\n}",
			[]string{"id"}, []string{"id 3"}},
		{"laravel: $id into a query builder through ->", "app/Http/Controllers/NoteController.php",
			"public function show(Request $request, $id)\n{\n    return $this->notes->where('id', $id)->first();\n}",
			[]string{"id"}, []string{"id 3"}},
		{"lookalike laravel: $id only logged", "app/Http/Controllers/NoteController.php",
			"public function show($id)\n{\n    Log::info($id);\n    return view('notes');\n}",
			[]string{"id"}, nil},
		{"asp.net core: an action's id into EF's FindAsync", "Controllers/NotesController.cs",
			"public async Task<IActionResult> Get(int id)\n{\n    var note = await _db.Notes.FindAsync(id);\n    return Ok(note);\n}",
			[]string{"id"}, []string{"id 3"}},
		{"sqlalchemy: a filter chained on a query, the parameter named id", "app/routes.py",
			"def get_document(id: int, user: User = Depends(get_current_user)):\n    doc = db.query(Document).filter(Document.id == id).first()\n    return doc",
			[]string{"id"}, []string{"id 2"}},
		{"sqlalchemy: the same filter with the owner", "app/routes.py",
			"def get_document(id: int, user: User = Depends(get_current_user)):\n    doc = db.query(Document).filter(Document.id == id, Document.owner_id == user.id).first()\n    return doc",
			[]string{"id"}, []string{"id 2", "owner 2"}},
		{"the parameter is a user's id: not the caller's", "app/routes.py",
			"def get_user(user_id: int):\n    return User.query.get_or_404(user_id)",
			[]string{"user_id"}, []string{"user_id 2"}},
		{"scoped by the caller's id: the owner condition", "web/h.go",
			"func (h *handler) show(w http.ResponseWriter, r *http.Request) {\n\tfeedID := request.RouteInt64Param(r, \"feedID\")\n\tok, err := h.store.FeedExists(userID, feedID)\n}",
			[]string{"feedID"}, []string{"feedID 3", "owner 3"}},
		{"a where clause with the caller's id: the owner condition", "src/app/api/x/route.ts",
			"export async function GET(req, { params }) {\n  const { noteId } = await params;\n  return prisma.note.findFirst({ where: { id: noteId, userId: session.user.id } });\n}",
			[]string{"noteId"}, []string{"noteId 3", "owner 3"}},
		{"lookalike: a keyword argument named like the parameter is no read of it", "api_views/users.py",
			"def update_email(username):\n    resp = token_validator(request.headers.get('Authorization'))\n    user = User.query.filter_by(username=resp['sub']).first()\n    user.email = request.get_json().get('email')",
			[]string{"username"}, nil},
		{"the same keyword given the parameter reads it", "api_views/users.py",
			"def update_password(username):\n    user = User.query.filter_by(username=username).first()\n    user.password = request.get_json().get('password')",
			[]string{"username"}, []string{"username 2"}},
		{"a comparison with the parameter reads it", "app/views.py",
			"def show(name):\n    return Item.query.filter(Item.name==name).first()",
			[]string{"name"}, []string{"name 2"}},
		{"lookalike: the parameter is never read (a guard loaded the object)", "server/routes/oauth.ts",
			"async (ctx) => {\n  const client = ctx.state.oauthClient;\n  const team = await Team.findByPk(client.teamId);\n}",
			[]string{"clientId"}, nil},
		{"lookalike: the parameter is only read from the request and logged", "app/views.py",
			"def show(request, fmt):\n    value = request.args.get('fmt')\n    log.info('format %s', value)\n    return render(value)",
			[]string{"fmt"}, nil},
		{"lookalike: an OAuth sign-in step keyed by the provider", "web/oauth.go",
			"func (h *handler) redirect(w http.ResponseWriter, r *http.Request) {\n\tprovider := request.RouteStringParam(r, \"provider\")\n\tp, err := h.manager.FindProvider(provider)\n\thttp.Redirect(w, r, p.AuthCodeURL(state), http.StatusFound)\n}",
			[]string{"provider"}, nil},
		{"lookalike: the handler's own signature, named for what it does", "app/main.py",
			"@app.delete(\"/api/notes/{note_id}\")\ndef delete_note(note_id: int, user=Depends(current_user)):\n    return {\"deleted\": note_id}",
			[]string{"note_id"}, nil},
		{"lookalike: a Go method and a JS method named for a lookup", "web/h.go",
			"func (h *handler) getFeed(w http.ResponseWriter, r *http.Request, feedID int64) {\n\tlog(feedID)\n}\nasync findOne(feedID) {\n  return feedID\n}",
			[]string{"feedID"}, nil},
		{"lookalike: an OIDC sign-in step keyed by the configured provider", "src/auth/oidc.controller.ts",
			"loginWithOpenIdConnect(@Req() request, @Param('oidcIdentifier') oidcIdentifier: string) {\n  const code = this.oidcService.generateCode();\n  const url = this.oidcService.getAuthorizationUrl(oidcIdentifier, code, state);\n  return { url };\n}",
			[]string{"oidcIdentifier"}, nil},
		{"an id read by a method named like a URL getter still looks up", "src/notes.controller.ts",
			"getShareUrl(@Param('noteId') noteId: string) {\n  const note = this.notesService.getNoteById(noteId);\n  return { url: note.shareUrl };\n}",
			[]string{"noteId"}, []string{"noteId 2"}},
		{"lookalike: an OAuth step that starts a flow with a verifier", "web/oauth.go",
			"func (h *handler) redirect(w http.ResponseWriter, r *http.Request) {\n\tname := request.RouteStringParam(r, \"provider\")\n\tp, err := h.manager.FindProvider(name)\n\tsess.StartOAuth2Flow(auth.State(), auth.CodeVerifier())\n}",
			[]string{"provider"}, nil},
		{"lookalike: a builder method with By inside a word", "web/static.go",
			"func (h *handler) js(w http.ResponseWriter, r *http.Request) {\n\tfilename := r.PathValue(\"filename\")\n\tbundle := bundles[filename]\n\tb.WithBodyAsBytes(bundle.Data)\n}",
			[]string{"filename"}, nil},
		{"any call given the caller's id is a scoped lookup; its record passed on is no id", "web/h.go",
			"func (h *handler) show(w http.ResponseWriter, r *http.Request) {\n\tcategoryID := request.RouteInt64Param(r, \"categoryID\")\n\tcategory, err := h.store.Category(request.UserID(r), categoryID)\n\tpage := getPagination(category.ID)\n}",
			[]string{"categoryID"}, []string{"categoryID 3", "owner 3"}},
		{"a builder chain scoped by the caller is the owner condition; a plain helper named get is no lookup", "web/h.go",
			"func (h *handler) tag(w http.ResponseWriter, r *http.Request) {\n\ttagName := request.RouteStringParam(r, \"tagName\")\n\tentries, err := h.store.NewQuery(user.ID).\n\t\tWithTags(tagName).\n\t\tGetEntries(tagName)\n\tp := getPagination(tagName)\n}",
			[]string{"tagName"}, []string{"tagName 4", "owner 4"}},
		{"a check given the caller and the id is the owner condition", "app/server.py",
			"async def get_thread(thread_id: str, current_user=Depends(get_user)):\n    await is_thread_author(current_user.identifier, thread_id)\n    return await data_layer.get_thread(thread_id)",
			[]string{"thread_id"}, []string{"thread_id 2", "owner 2"}},
		{"a log line given the caller and the id checks nothing", "app/server.py",
			"async def get_thread(thread_id: str, current_user=Depends(get_user)):\n    logger.info(\"%s reads %s\", current_user.identifier, thread_id)\n    return await data_layer.get_thread(thread_id)",
			[]string{"thread_id"}, []string{"thread_id 3"}},
		{"laravel: a repository call given the injected caller is scoped", "app/Http/Controllers/DownloadAlbumController.php",
			"public function __invoke(Album $album, SongRepository $repository, Authenticatable $user)\n{\n    return $repository->getByAlbum($album, $user);\n}",
			[]string{"album"}, []string{"album 3", "owner 3"}},
		{"lookalike laravel: the caller only logged beside a lookup by the id", "app/Http/Controllers/DownloadAlbumController.php",
			"public function __invoke(Album $album, AlbumRepository $repository, Authenticatable $user)\n{\n    Log::info('download', [$album, $user]);\n    return $repository->getOne($album);\n}",
			[]string{"album"}, []string{"album 4"}},
		{"laravel: the caller read off the request into a scoped lookup", "app/Http/Controllers/PresetController.php",
			"public function destroy(Request $request, $id)\n{\n    $this->presets->removeForUser($id, $request->user());\n}",
			[]string{"id"}, []string{"id 3", "owner 3"}},
		{"fastapi: a service call given the current-user dependency", "app/notes.py",
			"def get_note(note_id: int, me: User = Depends(get_current_user)):\n    return notes.get_for(me, note_id)",
			[]string{"note_id"}, []string{"note_id 2", "owner 2"}},
		{"lookalike fastapi: the caller handed only to an audit call", "app/notes.py",
			"def get_note(note_id: int, me: User = Depends(get_current_user)):\n    audit.record(me, note_id)\n    return notes.get(note_id)",
			[]string{"note_id"}, []string{"note_id 3"}},
		{"spring: a service call given the @AuthenticationPrincipal", "src/main/java/x/NoteController.java",
			"public Note get(@PathVariable Long id, @AuthenticationPrincipal Account acct) {\n    return noteService.findForOwner(id, acct);\n}",
			[]string{"id"}, []string{"id 2", "owner 2"}},
		{"go: a store call given the caller from the request context", "web/h.go",
			"func (h *H) get(w http.ResponseWriter, r *http.Request) {\n\tacct := auth.AccountFromContext(r.Context())\n\tid := chi.URLParam(r, \"id\")\n\tdoc, err := h.docs.Get(r.Context(), acct, id)\n}",
			[]string{"id"}, []string{"id 4", "owner 4"}},
		{"flask: the caller's id compared with the path's, refused when they differ", "app/api/users.py",
			"def update_user(id):\n    if token_auth.current_user().id != id:\n        abort(403)\n    user = db.get_or_404(User, id)",
			[]string{"id"}, []string{"id 4", "owner 2"}},
		{"laravel: the record's owner compared with the caller, then abort", "app/Http/Controllers/SongController.php",
			"public function destroy(Request $request, $id)\n{\n    $song = Song::findOrFail($id);\n    if ($song->owner_id !== $request->user()->id) abort(403);\n    $song->delete();\n}",
			[]string{"id"}, []string{"id 3", "owner 4"}},
		{"go: the record's owner compared with the caller from the context, then a 403", "web/notes.go",
			"func del(w http.ResponseWriter, r *http.Request) {\n\tacct := r.Context().Value(acctKey).(*Account)\n\tid := mux.Vars(r)[\"id\"]\n\tx, err := store.GetNote(id)\n\tif x.Owner != acct {\n\t\thttp.Error(w, \"forbidden\", 403)\n\t\treturn\n\t}\n}",
			[]string{"id"}, []string{"id 4", "owner 5"}},
		{"lookalike go: the same comparison only logged", "web/notes.go",
			"func del(w http.ResponseWriter, r *http.Request) {\n\tacct := r.Context().Value(acctKey).(*Account)\n\tid := mux.Vars(r)[\"id\"]\n\tx, err := store.GetNote(id)\n\tif x.Owner != acct {\n\t\tlog.Printf(\"not the owner\")\n\t}\n}",
			[]string{"id"}, []string{"id 4"}},
		{"lookalike go: two values of the record compared, then a refusal", "web/notes.go",
			"func del(w http.ResponseWriter, r *http.Request) {\n\tid := mux.Vars(r)[\"id\"]\n\tx, err := store.GetNote(id)\n\tif x.Kind != wanted {\n\t\thttp.Error(w, \"bad kind\", 400)\n\t\treturn\n\t}\n}",
			[]string{"id"}, []string{"id 3"}},
		{"fastapi: the record's owner compared with the path's own user id, no caller anywhere", "app/routers/cards.py",
			"async def get_card(user_id: UUID, card_id: UUID):\n    card = db.cards_by_id.get(card_id)\n    if not card or card.user_id != user_id:\n        raise HTTPException(status_code=404)\n    return card",
			[]string{"user_id", "card_id"}, []string{"card_id 2"}},
		{"fastapi: the caller read but the lookup keyed by the path's user id", "app/routers/addresses.py",
			"async def list_addresses(user_id: UUID, current_user: TokenData = Depends(get_current_user)):\n    print(f\"for {user_id} by {current_user.user_id}\")\n    addrs = db.addresses_by_user_id.get(user_id, [])\n    return addrs",
			[]string{"user_id"}, []string{"user_id 3"}},
		{"lookalike fastapi: the record's owner compared with the caller, refused", "app/routers/cards.py",
			"async def get_card(card_id: UUID, current_user: TokenData = Depends(get_current_user)):\n    card = db.cards_by_id.get(card_id)\n    if card.user_id != current_user.user_id:\n        raise HTTPException(status_code=403)\n    return card",
			[]string{"card_id"}, []string{"card_id 2", "owner 3"}},
		{"lookalike fastapi: the path's user id compared with the caller, refused", "app/routers/addresses.py",
			"async def list_addresses(user_id: UUID, current_user: TokenData = Depends(get_current_user)):\n    if user_id != current_user.user_id:\n        raise HTTPException(status_code=403)\n    return db.addresses_by_user_id.get(user_id, [])",
			[]string{"user_id"}, []string{"owner 2", "user_id 4"}},
		{"express: the record's owner compared with the path's own user id", "src/routes.js",
			"async (req, res) => {\n  const card = await Card.findByPk(req.params.cardId);\n  if (card.userId !== req.params.userId) return res.status(404).end();\n  res.json(card);\n}",
			[]string{"userId", "cardId"}, []string{"cardId 2"}},
		{"lookalike express: the record's owner compared with the caller", "src/routes.js",
			"async (req, res) => {\n  const card = await Card.findByPk(req.params.cardId);\n  if (card.userId !== req.user.id) return res.status(403).end();\n  res.json(card);\n}",
			[]string{"cardId"}, []string{"cardId 2", "owner 3"}},
		{"go: the record's owner compared with a variable holding the path's user id", "web/cards.go",
			"func show(c *gin.Context) {\n\tuserID := c.Param(\"userID\")\n\tcard, err := store.CardByID(c.Param(\"cardID\"))\n\tif card.UserID != userID {\n\t\tc.AbortWithStatus(404)\n\t\treturn\n\t}\n}",
			[]string{"userID", "cardID"}, []string{"cardID 3"}},
		{"php: the record's owner compared with the action's own user id", "app/Http/Controllers/CardController.php",
			"public function show($userId, $cardId)\n{\n    $card = Card::findOrFail($cardId);\n    if ($card->user_id !== $userId) abort(404);\n    return $card;\n}",
			[]string{"userId", "cardId"}, []string{"cardId 3"}},
		{"c#: the record's owner compared with the action's own user id", "Controllers/CardsController.cs",
			"public async Task<IActionResult> Get(int userId, int cardId)\n{\n    var card = await _db.Cards.FindAsync(cardId);\n    if (card.UserId != userId) return NotFound();\n    return Ok(card);\n}",
			[]string{"userId", "cardId"}, []string{"cardId 3"}},
		{"c#: a lookup keyed by a field of the record the path chose", "Controllers/RequestsController.cs",
			"public async Task<IActionResult> Accept(Guid requestId)\n{\n    var req = await _db.Requests\n        .Include(m => m.Sender)\n        .FirstOrDefaultAsync(m => m.Id == requestId);\n    var wallet = _db.Wallets.FirstOrDefault(w => w.UserId == req.SenderId);\n    return Ok(wallet);\n}",
			[]string{"requestId"}, []string{"requestId 5"}},
		{"lookalike c#: the same lookup keyed by the caller's id", "Controllers/RequestsController.cs",
			"public async Task<IActionResult> Accept(Guid requestId)\n{\n    var req = await _db.Requests\n        .Include(m => m.Sender)\n        .FirstOrDefaultAsync(m => m.Id == requestId);\n    var wallet = _db.Wallets.FirstOrDefault(w => w.UserId == User.GetUserId());\n    return Ok(wallet);\n}",
			[]string{"requestId"}, []string{"requestId 5", "owner 6"}},
		{"flask: a query keyed by the path's own user id", "routes/account.py",
			"@login_required\ndef notes(user_id: int):\n    with Session() as session:\n        rows = session.query(Note).filter(\n            Note.user_id == user_id).all()\n        return render_template('notes.html', rows=rows)",
			[]string{"user_id"}, []string{"user_id 4"}},
		{"lookalike flask: the same query keyed by the caller's id", "routes/account.py",
			"@login_required\ndef notes(user_id: int):\n    with Session() as session:\n        rows = session.query(Note).filter(\n            Note.user_id == current_user.id).all()\n        return render_template('notes.html', rows=rows)",
			[]string{"user_id"}, []string{"owner 5"}},
		{"c#: a lookup scoped by the controller's User through an extension method", "Controllers/WalletsController.cs",
			"public async Task<IActionResult> Get(Guid walletId)\n{\n    var wallet = await _db.Wallets\n        .Where(w => w.Owner.Email == User.GetEmail() && w.Id == walletId)\n        .FirstOrDefaultAsync();\n    return Ok(wallet);\n}",
			[]string{"walletId"}, []string{"walletId 3", "owner 3"}},
		{"c#: a lookup scoped by a claim of HttpContext.User", "Controllers/WalletsController.cs",
			"public IActionResult Get(int walletId)\n{\n    var uid = HttpContext.User.FindFirstValue(ClaimTypes.NameIdentifier);\n    var wallet = _db.Wallets.FirstOrDefault(w => w.Id == walletId && w.Holder.Key == uid);\n    return Ok(wallet);\n}",
			[]string{"walletId"}, []string{"walletId 4", "owner 4"}},
		{"lookalike c#: the same lookup scoped by a value the request sent", "Controllers/WalletsController.cs",
			"public async Task<IActionResult> Get(Guid walletId, [FromQuery] string email)\n{\n    var wallet = await _db.Wallets\n        .Where(w => w.Owner.Email == email && w.Id == walletId)\n        .FirstOrDefaultAsync();\n    return Ok(wallet);\n}",
			[]string{"walletId"}, []string{"walletId 3"}},
		{"fastapi: records looked up by the path's user id are not the caller's", "app/routers/cards.py",
			"async def delete_card(user_id: UUID, card_id: UUID):\n    user_cards = db.cards_by_user_id.get(user_id, [])\n    db.remove_card(card_id, user_cards)",
			[]string{"user_id", "card_id"}, []string{"card_id 3", "user_id 2"}},
		{"fastapi: a lookup given the path's two ids, one named for a user", "app/routers/cards.py",
			"async def get_card(user_id: UUID, card_id: UUID):\n    return db.get_card(user_id, card_id)",
			[]string{"user_id", "card_id"}, []string{"card_id 2", "user_id 2"}},
		{"lookalike fastapi: records looked up by the caller's id scope the lookup", "app/routers/cards.py",
			"async def delete_card(card_id: UUID, current_user: TokenData = Depends(get_current_user)):\n    user_cards = db.cards_by_user_id.get(current_user.user_id, [])\n    db.remove_card(card_id, user_cards)",
			[]string{"card_id"}, []string{"card_id 3", "owner 3"}},
		{"fastapi: the caller's own user_id attribute is not the path's user id", "app/routers/orders.py",
			"async def create_order(user_id: UUID, current_user: TokenData = Depends(get_current_user)):\n    target = db.users_by_id.get(user_id)\n    order = Order(user_id=current_user.user_id)\n    db.orders_by_user_id.setdefault(current_user.user_id, []).append(order)",
			[]string{"user_id"}, []string{"user_id 2"}},
		{"express: a page number, multiplied into an offset, is no object id", "src/routes.js",
			"async (req, res) => {\n  const posts = await Post.findAll({ where: { published: true }, offset: (req.params.page - 1) * 20, limit: 20 });\n  res.json(posts);\n}",
			[]string{"page"}, nil},
		{"python: a page number into SQL's OFFSET through a variable", "app/views.py",
			"def index(page):\n    start = (max(1, page) - 1) * PAGE_SIZE\n    rows = db.execute(text('SELECT * FROM posts LIMIT :limit OFFSET :offset'), {'limit': PAGE_SIZE, 'offset': start})\n    return render(rows)",
			[]string{"page"}, nil},
		{"go: a page number read off the route, times the page size", "web/posts.go",
			"func index(c *gin.Context) {\n\tpage, _ := strconv.Atoi(c.Param(\"page\"))\n\tif page < 1 {\n\t\tpage = 1\n\t}\n\trows, err := db.Query(\"SELECT title FROM posts LIMIT 20 OFFSET $1\", page*20)\n}",
			[]string{"page"}, nil},
		{"lookalike: a parameter named page that loads a page record", "app/views.py",
			"def show(page):\n    doc = Page.query.get_or_404(page)\n    return render(doc)",
			[]string{"page"}, []string{"page 2"}},
		{"lookalike express: named page, the record's id in the where clause, a limit beside it", "src/routes.js",
			"async (req, res) => {\n  const docs = await Doc.findAll({ where: { id: req.params.page }, limit: 20 });\n  res.json(docs);\n}",
			[]string{"page"}, []string{"page 2"}},
		{"lookalike: the offset parameter also loads a record", "app/views.py",
			"def show(offset):\n    rows = db.execute('SELECT * FROM posts LIMIT 20 OFFSET ?', (offset * 20,))\n    first = Post.query.get(offset)\n    return render(rows, first)",
			[]string{"offset"}, []string{"offset 2"}},
		{"lookalike: the name only inside a string", "src/routes.js",
			"async (req, res) => {\n  const doc = await Doc.findOne({ title: 'id' });\n  res.json(doc);\n}",
			[]string{"id"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := facts.Route{Method: "GET", Path: "/x", File: tc.file, Line: 1, Body: tc.body}
			for _, p := range tc.params {
				r.Params = append(r.Params, facts.Param{Name: p, In: "path"})
			}
			var got []string
			for _, s := range RouteSignals(&r, nil, nil) {
				switch {
				case s.Kind == facts.SignalIDLookup:
					got = append(got, s.Detail+" "+strconv.Itoa(s.Evidence.Line))
				case s.Kind == facts.SignalOwnership && s.Evidence.Line > 1:
					got = append(got, "owner "+strconv.Itoa(s.Evidence.Line))
				}
			}
			// The owner pattern may find the same condition: one line each.
			slices.Sort(got)
			got = slices.Compact(got)
			slices.Sort(tc.want)
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestBlankStrings(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`get("id", x)`, `get("  ", x)`},
		{"a('it\\'s')\nb", "a('     ')\nb"},
		{"x = `a\nb`", "x = ` \n `"},
		{"// don't\nf(id)", "// don' \nf(id)"},
	} {
		if got := blankStrings(tc.in); got != tc.want {
			t.Errorf("blankStrings(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
