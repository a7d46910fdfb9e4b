package signal

import (
	"context"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
)

// An owner condition in a function the handler passes the path's id to
// counts at the route, at the function's line; a function given the id
// alone, or the caller only to log, scopes nothing.
func TestOwnerOneCallAway(t *testing.T) {
	d := NewCalls()
	src := "package api\n\n" +
		"func (h *handler) listEntries(w http.ResponseWriter, r *http.Request, feedID int64) {\n" +
		"\tuserID := request.UserID(r)\n" +
		"\tok, err := h.store.FeedExists(userID, feedID)\n" + // line 5
		"\tif err != nil || !ok {\n\t\treturn\n\t}\n}\n\n" +
		"func requirePluginOwner(ctx *gin.Context, conf *model.PluginConf) error {\n" + // line 11
		"\tif conf.UserID != auth.GetUserID(ctx) {\n" + // line 12
		"\t\treturn errNotFound\n\t}\n\treturn nil\n}\n\n" +
		"func loadNote(db *gorm.DB, user *User, id int64) (*Note, error) {\n" +
		"\tvar n Note\n" +
		"\terr := db.Where(\"user_id = ? AND id = ?\", user.ID, id).First(&n).Error\n" + // line 20
		"\treturn &n, err\n}\n\n" +
		"func noteByID(db *sql.DB, id int64) *sql.Row {\n" +
		"\treturn db.QueryRow(\"SELECT body FROM notes WHERE id = $1\", id)\n}\n\n" +
		"func loadShared(db *gorm.DB, user *User, id int64) (*Note, error) {\n" +
		"\tlog.Printf(\"%s opens %d\", user.Name, id)\n" +
		"\tvar n Note\n" +
		"\treturn &n, db.First(&n, id).Error\n}\n"
	if err := d.Detect(context.Background(), &detector.File{Path: "api/store.go", Data: []byte(src)}, detector.NewSink()); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, param, body string
		line              int
	}{
		{"the request, and the id to a helper that scopes its lookup by the caller", "feedID",
			"func (h *handler) feedEntries(w http.ResponseWriter, r *http.Request) {\n\tfeedID := request.RouteInt64Param(r, \"feedID\")\n\th.listEntries(w, r, feedID)\n}", 5},
		{"the record looked up by id, to a helper that compares its owner with the caller", "id",
			"func (a *PluginAPI) GetConfig(ctx *gin.Context) {\n\tid := ctx.Param(\"id\")\n\tconf, err := a.DB.GetPluginConfByID(id)\n\tif err := requirePluginOwner(ctx, conf); err != nil {\n\t\treturn\n\t}\n}", 12},
		{"the user and the id, to a helper whose where names the user column", "id",
			"func (h *handler) note(c echo.Context) error {\n\tuser := c.Get(\"user\").(*User)\n\tn, err := loadNote(h.db, user, c.Param(\"id\"))\n\treturn c.JSON(200, n)\n}", 20},
		{"the record, to the same helper, its error tested on the next line", "id",
			"func (a *PluginAPI) Enable(ctx *gin.Context) {\n\tconf, _ := a.DB.GetPluginConfByID(ctx.Param(\"id\"))\n\terr := requirePluginOwner(ctx, conf)\n\tif err != nil {\n\t\treturn\n\t}\n}", 12},
		{"lookalike: the same helper, its answer ignored", "id",
			"func (a *PluginAPI) Display(ctx *gin.Context) {\n\tconf, _ := a.DB.GetPluginConfByID(ctx.Param(\"id\"))\n\trequirePluginOwner(ctx, conf)\n\tctx.JSON(200, conf)\n}", 0},
		{"lookalike: a helper given the id alone", "id",
			"func (h *handler) note(w http.ResponseWriter, r *http.Request) {\n\tid := r.PathValue(\"id\")\n\trow := noteByID(h.db, id)\n\t_ = row\n}", 0},
		{"lookalike: a helper given the user only to log it", "id",
			"func (h *handler) note(c echo.Context) error {\n\tuser := c.Get(\"user\").(*User)\n\tn, err := loadShared(h.db, user, c.Param(\"id\"))\n\treturn c.JSON(200, n)\n}", 0},
	} {
		r := facts.Route{Method: "GET", Path: "/notes/{" + tc.param + "}", File: "api/handlers.go", Line: 1, Body: tc.body,
			Params: []facts.Param{{Name: tc.param, In: "path"}}}
		got := 0
		for _, s := range d.ownerCallSignals(&r) {
			if s.Kind == facts.SignalOwnership && s.Evidence.File == "api/store.go" {
				got = s.Evidence.Line
			}
		}
		if got != tc.line {
			t.Errorf("%s: ownership at line %d, want %d (0: none)", tc.name, got, tc.line)
		}
	}
}

// The same in JavaScript and Python: the id handed to a helper that
// scopes its query by the session's user, and a lookalike whose helper
// takes the id alone.
func TestOwnerOneCallAwayJSPython(t *testing.T) {
	d := NewCalls()
	files := map[string]string{
		"lib/notes.js": "export async function noteFor(req, noteId) {\n" +
			"  const userId = req.session.userId;\n" +
			"  return db.note.findFirst({ where: { id: noteId, userId } });\n" + // line 3
			"}\n\nexport async function noteOnly(noteId) {\n  return db.note.findFirst({ where: { id: noteId } });\n}\n",
		"app/notes.py": "def note_for(user, note_id):\n" +
			"    return Note.query.filter_by(id=note_id, owner_id=user.id).first()\n" + // line 2
			"\n\ndef note_only(note_id):\n    return Note.query.get(note_id)\n",
		"app/cards.py": "def card_of(user_id, card_id):\n" +
			"    card = Card.query.get(card_id)\n" +
			"    if card.user_id != user_id:\n" + // line 3: the path's own id, no caller
			"        raise NotFound()\n    return card\n\n\n" +
			"def card_for(user_id, card_id):\n" +
			"    card = Card.query.get(card_id)\n" +
			"    if card.user_id != current_user.id or user_id != current_user.id:\n" + // line 10
			"        raise Forbidden()\n    return card\n",
	}
	for p, src := range files {
		if err := d.Detect(context.Background(), &detector.File{Path: p, Data: []byte(src)}, detector.NewSink()); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name, file, param, body string
		want                    facts.Evidence
	}{
		{"express: the request and the id", "routes/notes.js", "id",
			"router.get('/notes/:id', async (req, res) => {\n  const note = await noteFor(req, req.params.id);\n  res.json(note);\n})", facts.Evidence{File: "lib/notes.js", Line: 3}},
		{"flask: the user record and the id", "app/views.py", "note_id",
			"def show(note_id):\n    user = load_session_user()\n    return jsonify(note_for(user, note_id))\n", facts.Evidence{File: "app/notes.py", Line: 2}},
		{"flask: the path's user id compared with the caller in the helper", "app/views.py", "user_id",
			"def show(user_id, card_id):\n    return jsonify(card_for(user_id, card_id))\n", facts.Evidence{File: "app/cards.py", Line: 10}},
		{"lookalike: flask, the card's owner compared only with the path's own user id", "app/views.py", "user_id",
			"def show(user_id, card_id):\n    return jsonify(card_of(user_id, card_id))\n", facts.Evidence{}},
		{"lookalike: express, the id alone", "routes/notes.js", "id",
			"router.get('/notes/:id', async (req, res) => {\n  res.json(await noteOnly(req.params.id));\n})", facts.Evidence{}},
		{"lookalike: flask, the id alone", "app/views.py", "note_id",
			"def show(note_id):\n    return jsonify(note_only(note_id))\n", facts.Evidence{}},
	} {
		r := facts.Route{Method: "GET", Path: "/notes/{" + tc.param + "}", File: tc.file, Line: 1, Body: tc.body,
			Params: []facts.Param{{Name: tc.param, In: "path"}}}
		var got facts.Evidence
		for _, s := range d.ownerCallSignals(&r) {
			if s.Kind == facts.SignalOwnership {
				got = s.Evidence
			}
		}
		if got != tc.want {
			t.Errorf("%s: ownership at %v, want %v", tc.name, got, tc.want)
		}
	}
}

// A call given the id and the caller's id reads as scoped in the handler;
// when the function called only logs the caller, that owner condition is
// dropped, and kept when it uses the caller for anything else.
func TestDropLoggedOnly(t *testing.T) {
	d := NewCalls()
	src := "package api\n\n" +
		"func feedByID(w http.ResponseWriter, userID, feedID string) {\n" +
		"\tlog.Printf(\"user %s opens feed %s\", userID, feedID)\n" +
		"\tdb.QueryRow(\"SELECT title FROM feeds WHERE id = $1\", feedID)\n}\n\n" +
		"func feedFor(w http.ResponseWriter, userID, feedID string) {\n" +
		"\tlog.Printf(\"user %s opens feed %s\", userID, feedID)\n" +
		"\tdb.QueryRow(\"SELECT title FROM feeds WHERE id = $1 AND user_id = $2\", feedID, userID)\n}\n"
	if err := d.Detect(context.Background(), &detector.File{Path: "api/store.go", Data: []byte(src)}, detector.NewSink()); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, callee string
		kept         bool
	}{
		{"the caller only logged", "feedByID", false},
		{"the caller logged and scoping the query", "feedFor", true},
	} {
		body := "func show(w http.ResponseWriter, r *http.Request) {\n\tuserID := sessionUserID(r)\n\t" + tc.callee + "(w, userID, r.PathValue(\"feedID\"))\n}"
		r := facts.Route{Method: "GET", Path: "/feeds/{feedID}", File: "api/handlers.go", Line: 1, Body: body,
			Params: []facts.Param{{Name: "feedID", In: "path"}}}
		sigs := RouteSignals(&r, nil, nil)
		if !hasKind(sigs, facts.SignalOwnership) {
			t.Fatalf("%s: the handler's call reads as no owner condition; the test needs one", tc.name)
		}
		if got := hasKind(d.dropLoggedOnly(&r, sigs), facts.SignalOwnership); got != tc.kept {
			t.Errorf("%s: owner condition kept %v, want %v", tc.name, got, tc.kept)
		}
	}
}

// A path parameter the handler hands to a function of the tree that only
// pages with it is a page number (page-number); one the function looks a
// record up by is not.
func TestPageNumberOneCallAway(t *testing.T) {
	d := NewCalls()
	src := "<?php\n\nclass PostRepository\n{\n" +
		"    public function findLatest(int $page = 1, ?Tag $tag = null): Paginator\n    {\n" +
		"        $qb = $this->createQueryBuilder('p')->orderBy('p.publishedAt', 'DESC');\n" +
		"        return (new Paginator($qb))->paginate($page);\n    }\n\n" +
		"    public function findChapter(int $page): ?Chapter\n    {\n" +
		"        return $this->find($page);\n    }\n}\n"
	// As the scan does: the file reaches Detect only if Match wants it.
	if path := "src/Repository/PostRepository.php"; !d.Match(path) {
		t.Fatalf("%s: not read, so no function of it is seen one call away", path)
	} else if err := d.Detect(context.Background(), &detector.File{Path: path, Data: []byte(src)}, detector.NewSink()); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, callee string
		page         bool
	}{
		{"the page handed to paginate", "findLatest", true},
		{"lookalike: the same name, a record found by it", "findChapter", false},
	} {
		body := "public function index(Request $request, int $page, PostRepository $posts): Response\n{\n" +
			"    $latest = $posts->" + tc.callee + "($page);\n    return $this->render('blog/index.html.twig', ['posts' => $latest]);\n}"
		r := facts.Route{Method: "GET", Path: "/page/{page}", File: "src/Controller/BlogController.php", Line: 1, Body: body,
			Params: []facts.Param{{Name: "page", In: "path"}}}
		got := false
		for _, s := range d.pageNumberSignals(&r) {
			got = got || s.Kind == facts.SignalPageNumber && s.Detail == "page"
		}
		if got != tc.page {
			t.Errorf("%s: page-number %v, want %v", tc.name, got, tc.page)
		}
	}
}

// The functions a handler hands its parameters to are read in PHP as in
// the languages whose imports the catalogue reads, and Ruby's methods
// for a Rails action's helpers; a test file, or a language whose
// definitions are not read so, is not.
func TestCallsReadsPHP(t *testing.T) {
	d := NewCalls()
	for _, tc := range []struct {
		path string
		want bool
	}{
		{"src/Repository/PostRepository.php", true},
		{"app/Services/PostService.php", true},
		{"tests/Repository/PostRepositoryTest.php", false},
		{"app/controllers/posts_controller.rb", true},
		{"src/main/java/x/PostController.java", false},
	} {
		if got := d.Match(tc.path); got != tc.want {
			t.Errorf("Match(%s) = %v, want %v", tc.path, got, tc.want)
		}
	}
}
