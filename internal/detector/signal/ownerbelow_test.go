package signal

import (
	"context"
	"testing"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
)

// An owner condition a layer or two below the handler: the handler calls
// a service through an interface, and the store's implementation scopes
// its query to the caller from the context, or loads the record and
// refuses another owner. The lookalikes: a service that loads by id and
// asks nothing of the caller, one that compares the record with another
// id the path supplies, and an interface whose only checking
// implementation is a fake beside a real one that checks nothing.
func TestOwnerBelowTheService(t *testing.T) {
	d := NewCalls()
	files := map[string]string{
		"app/note.go": "package app\n\n" +
			"func UserIDFromContext(ctx context.Context) int {\n\tid, _ := ctx.Value(userIDKey).(int)\n\treturn id\n}\n\n" +
			"func CanEditNote(ctx context.Context, note *Note) bool {\n" +
			"\treturn note.UserID == UserIDFromContext(ctx)\n" + // line 9
			"}\n",
		"store/note.go": "package store\n\n" +
			"func (s *NoteService) FindNoteByID(ctx context.Context, id int) (*app.Note, error) {\n" +
			"\ttx, err := s.db.BeginTx(ctx, nil)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\tdefer tx.Rollback()\n" +
			"\treturn findNoteByID(ctx, tx, id)\n}\n\n" +
			"func findNoteByID(ctx context.Context, tx *Tx, id int) (*app.Note, error) {\n" +
			"\tnotes, err := findNotes(ctx, tx, app.NoteFilter{ID: &id})\n" +
			"\tif err != nil {\n\t\treturn nil, err\n\t} else if len(notes) == 0 {\n\t\treturn nil, app.ErrNotFound\n\t}\n\treturn notes[0], nil\n}\n\n" +
			"func findNotes(ctx context.Context, tx *Tx, filter app.NoteFilter) ([]*app.Note, error) {\n" +
			"\twhere, args := []string{\"1 = 1\"}, []any{}\n" +
			"\tif v := filter.ID; v != nil {\n\t\twhere, args = append(where, \"id = ?\"), append(args, *v)\n\t}\n" +
			// The filter's own user: not the owner condition's line.
			"\tif v := filter.UserID; v != nil {\n\t\twhere, args = append(where, \"user_id = ?\"), append(args, *v)\n\t}\n" +
			"\tuserID := app.UserIDFromContext(ctx)\n" +
			"\twhere = append(where, \"id IN (SELECT note_id FROM shares WHERE user_id = ?)\")\n" + // line 31
			"\targs = append(args, userID)\n" +
			"\trows, err := tx.QueryContext(ctx, \"SELECT id, body FROM notes WHERE \"+strings.Join(where, \" AND \"), args...)\n" +
			"\treturn scanNotes(rows, err)\n}\n\n" +
			"func (s *NoteService) DeleteNote(ctx context.Context, id int) error {\n" +
			"\treturn deleteNote(ctx, s.db, id)\n}\n\n" +
			"func deleteNote(ctx context.Context, db *DB, id int) error {\n" +
			"\tif note, err := loadNote(ctx, db, id); err != nil {\n" +
			"\t\treturn err\n" +
			"\t} else if !app.CanEditNote(ctx, note) {\n" +
			"\t\treturn app.Errorf(app.EUNAUTHORIZED, \"only the owner can delete a note\")\n\t}\n" +
			"\t_, err := db.ExecContext(ctx, \"DELETE FROM notes WHERE id = ?\", id)\n\treturn err\n}\n\n" +
			"func (s *NoteService) UpdateNote(ctx context.Context, id int, body string) error {\n" +
			"\tnote, err := loadNote(ctx, s.db, id)\n\tif err != nil {\n\t\treturn err\n\t}\n" +
			"\tif note.UserID != app.UserIDFromContext(ctx) {\n" + // line 56
			"\t\treturn app.Errorf(app.EUNAUTHORIZED, \"not your note\")\n\t}\n" +
			"\t_, err = s.db.ExecContext(ctx, \"UPDATE notes SET body = ? WHERE id = ?\", body, id)\n\treturn err\n}\n\n" +
			"func (s *NoteService) RenameNote(ctx context.Context, id int, title string) error {\n" +
			"\treturn renameNote(ctx, s.db, id, title)\n}\n\n" +
			"func renameNote(ctx context.Context, db *DB, id int, title string) error {\n" +
			"\tuid := app.UserIDFromContext(ctx)\n" +
			"\t_, err := db.ExecContext(ctx, \"UPDATE notes SET title = ?, updated_by = ? WHERE id = ?\", title, uid, id)\n\treturn err\n}\n\n" +
			"func loadNote(ctx context.Context, db *DB, id int) (*app.Note, error) {\n" +
			"\trow := db.QueryRowContext(ctx, \"SELECT id, user_id, body FROM notes WHERE id = ?\", id)\n\treturn scanNote(row)\n}\n\n" +
			"func (s *TagService) FindTagByID(ctx context.Context, id int) (*app.Tag, error) {\n" +
			"\trow := s.db.QueryRowContext(ctx, \"SELECT id, name FROM tags WHERE id = ?\", id)\n\treturn scanTag(row)\n}\n\n" +
			"func (s *CardService) FindCard(ctx context.Context, userID, id int) (*app.Card, error) {\n" +
			"\tcard, err := s.loadCard(ctx, id)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n" +
			"\tif card.UserID != userID {\n\t\treturn nil, app.Errorf(app.EUNAUTHORIZED, \"not found\")\n\t}\n\treturn card, nil\n}\n\n" +
			"func (s *KeyService) DeleteKey(ctx context.Context, userID, id string) error {\n" +
			"\treturn s.db.WithContext(ctx).Delete(&app.Key{}, \"id = ? AND user_id = ?\", id, userID).Error\n}\n\n" +
			"func (s *CardService) loadCard(ctx context.Context, id int) (*app.Card, error) {\n" +
			"\treturn scanCard(s.db.QueryRowContext(ctx, \"SELECT id, user_id FROM cards WHERE id = ?\", id))\n}\n",
		// A test double's methods hand the call to the function a test
		// set; an API client sends the id on: neither loads a record.
		"mock/note.go": "package mock\n\n" +
			"func (s *NoteService) FindNoteByID(ctx context.Context, id int) (*app.Note, error) {\n\treturn s.FindNoteByIDFn(ctx, id)\n}\n\n" +
			"func (s *NoteService) DeleteNote(ctx context.Context, id int) error {\n\treturn s.DeleteNoteFn(ctx, id)\n}\n\n" +
			"func (s *DocService) FindDocByID(ctx context.Context, id int) (*app.Doc, error) {\n\treturn s.FindDocByIDFn(ctx, id)\n}\n",
		"client/note.go": "package client\n\n" +
			"func (s *NoteService) FindNoteByID(ctx context.Context, id int) (*app.Note, error) {\n" +
			"\treq, err := s.Client.newRequest(ctx, \"GET\", fmt.Sprintf(\"/notes/%d\", id), nil)\n" +
			"\tif err != nil {\n\t\treturn nil, err\n\t}\n\tresp, err := http.DefaultClient.Do(req)\n\treturn decodeNote(resp, err)\n}\n\n" +
			"func (s *NoteService) UpdateNote(ctx context.Context, id int, body string) error {\n\treturn app.Errorf(app.ENOTIMPLEMENTED, \"not implemented\")\n}\n",
		// Two implementations of one interface: the fake checks the
		// owner, the real store does not.
		"memstore/doc.go": "package memstore\n\n" +
			"func (s *DocService) FindDocByID(ctx context.Context, id int) (*app.Doc, error) {\n" +
			"\tdoc, err := s.lookup(id)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n" +
			"\tif doc.OwnerID != app.UserIDFromContext(ctx) {\n\t\treturn nil, app.Errorf(app.EUNAUTHORIZED, \"not yours\")\n\t}\n\treturn doc, nil\n}\n",
		"pgstore/doc.go": "package pgstore\n\n" +
			"func (s *DocService) FindDocByID(ctx context.Context, id int) (*app.Doc, error) {\n" +
			"\trow := s.db.QueryRowContext(ctx, \"SELECT id, owner_id, body FROM docs WHERE id = $1\", id)\n\treturn scanDoc(row)\n}\n",
	}
	for path, src := range files {
		if err := d.Detect(context.Background(), &detector.File{Path: path, Data: []byte(src)}, detector.NewSink()); err != nil {
			t.Fatal(err)
		}
	}
	handler := func(call string) string {
		return "func (s *Server) handle(w http.ResponseWriter, r *http.Request) {\n" +
			"\tid, err := strconv.Atoi(mux.Vars(r)[\"id\"])\n\tif err != nil {\n\t\tError(w, r, err)\n\t\treturn\n\t}\n" +
			"\tuserID, _ := strconv.Atoi(mux.Vars(r)[\"userID\"])\n" +
			"\t" + call + "\n\tif err != nil {\n\t\tError(w, r, err)\n\t\treturn\n\t}\n}"
	}
	for _, tc := range []struct {
		name, call, file string
		line             int
	}{
		{"through the interface to a query limited to the caller's shares, three calls down", "note, err := s.NoteService.FindNoteByID(r.Context(), id)", "store/note.go", 31},
		{"to a store helper that refuses unless a predicate finds the caller owns the record", "err = s.NoteService.DeleteNote(r.Context(), id)", "app/note.go", 9},
		{"to a service method that loads the record and refuses another owner", "err = s.NoteService.UpdateNote(r.Context(), id, r.PostFormValue(\"body\"))", "store/note.go", 56},
		{"lookalike: a service that loads by id and never asks who calls", "tag, err := s.TagService.FindTagByID(r.Context(), id)", "", 0},
		{"lookalike: below the service, the caller's id written to an updated_by column, no owner condition", "err = s.NoteService.RenameNote(r.Context(), id, r.PostFormValue(\"title\"))", "", 0},
		{"lookalike: the record compared with the path's own user id, not the caller", "card, err := s.CardService.FindCard(r.Context(), userID, id)", "", 0},
		{"lookalike: a delete scoped by a user id the handler took from the path", "err = s.KeyService.DeleteKey(r.Context(), mux.Vars(r)[\"userID\"], mux.Vars(r)[\"id\"])", "", 0},
		{"lookalike: only the fake implementation checks the owner", "doc, err := s.DocService.FindDocByID(r.Context(), id)", "", 0},
	} {
		r := facts.Route{Method: "GET", Path: "/users/{userID}/notes/{id}", File: "http/note.go", Line: 1, Body: handler(tc.call),
			Params: []facts.Param{{Name: "userID", In: "path"}, {Name: "id", In: "path"}}}
		file, line := "", 0
		for _, s := range d.ownerCallSignals(&r) {
			if s.Kind == facts.SignalOwnership {
				file, line = s.Evidence.File, s.Evidence.Line
			}
		}
		if file != tc.file || line != tc.line {
			t.Errorf("%s: ownership at %s:%d, want %s:%d (none: :0)", tc.name, file, line, tc.file, tc.line)
		}
	}
}

// The same shape in JavaScript and Python: a controller hands the id and
// the signed-in user to a service that loads the record and refuses
// another author; lookalikes compare the record with an id the path
// supplies, or check nothing.
func TestOwnerBelowTheServiceJSPython(t *testing.T) {
	d := NewCalls()
	files := map[string]string{
		"src/services/article.service.js": "class ArticleService {\n" +
			"  async update(id, changes, user) {\n" +
			"    const article = await this.articles.findByPk(id);\n" +
			"    if (article.authorId !== user.id) {\n" + // line 4
			"      throw new ForbiddenError('only the author may edit');\n    }\n" +
			"    return article.update(changes);\n  }\n\n" +
			"  async remove(id, authorId) {\n" +
			"    const article = await this.articles.findByPk(id);\n" +
			"    if (article.authorId !== authorId) {\n" +
			"      throw new ForbiddenError('wrong author');\n    }\n" +
			"    return article.destroy();\n  }\n\n" +
			"  async show(id) {\n    return this.articles.findByPk(id);\n  }\n}\n",
		"notes/services.py": "def update_note(note_id, user, data):\n" +
			"    note = _load(note_id)\n" +
			"    if note.owner_id != user.id:\n" + // line 3
			"        raise PermissionDenied('not your note')\n" +
			"    note.body = data['body']\n    note.save()\n    return note\n\n\n" +
			"def _load(note_id):\n    return Note.objects.get(pk=note_id)\n\n\n" +
			"def archive_note(note_id, user):\n    return _archive(_load(note_id), user)\n\n\n" +
			"def _archive(note, user):\n" +
			"    if note.owner_id != user.id:\n" + // line 19
			"        raise PermissionDenied('not your note')\n" +
			"    note.archived = True\n    note.save()\n    return note\n",
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
		{"express: a service method given the id and the user refuses another author", "src/routes/articles.js", "id",
			"router.put('/articles/:id', auth, async (req, res) => {\n  const article = await articleService.update(req.params.id, req.body.article, req.user);\n  res.json(article);\n})",
			facts.Evidence{File: "src/services/article.service.js", Line: 4}},
		{"django: a service function given the id and request.user refuses another owner", "notes/views.py", "note_id",
			"def note_update(request, note_id):\n    note = services.update_note(note_id, request.user, request.POST)\n    return redirect(note)\n",
			facts.Evidence{File: "notes/services.py", Line: 3}},
		{"django: the record the service loads, handed to a helper that refuses another owner", "notes/views.py", "note_id",
			"def note_archive(request, note_id):\n    services.archive_note(note_id, request.user)\n    return redirect('notes')\n",
			facts.Evidence{File: "notes/services.py", Line: 19}},
		{"lookalike: express, the record's author compared with an author id the path supplies", "src/routes/articles.js", "id",
			"router.delete('/authors/:authorId/articles/:id', auth, async (req, res) => {\n  await articleService.remove(req.params.id, req.params.authorId);\n  res.sendStatus(204);\n})",
			facts.Evidence{}},
		{"lookalike: express, the user the service compares with is one the request names", "src/routes/articles.js", "id",
			"router.put('/articles/:id', auth, async (req, res) => {\n  const article = await articleService.update(req.params.id, req.body.article, req.body.user);\n  res.json(article);\n})",
			facts.Evidence{}},
		{"lookalike: express, a service that loads by id and checks nothing", "src/routes/articles.js", "id",
			"router.get('/articles/:id', auth, async (req, res) => {\n  res.json(await articleService.show(req.params.id));\n})",
			facts.Evidence{}},
	} {
		r := facts.Route{Method: "GET", Path: "/x/{" + tc.param + "}", File: tc.file, Line: 1, Body: tc.body,
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
