// Handlers wrapped by methods of one Handler type. Member and Staff
// answer an error before the handler runs when the session has no user
// (Staff also when the user is no admin); Open and Traced reject no one,
// so only a handler's own first check decides there.
package main

import (
	"log"
	"net/http"

	"github.com/gorilla/mux"
)

func main() {
	h := &Handler{app: &App{}}
	r := mux.NewRouter()
	r.HandleFunc("/me/drafts", h.Member(listDrafts)).Methods("GET")                   // want: GET /me/drafts auth=required
	r.HandleFunc("/staff/members/{name}/delete", h.Staff(dropMember)).Methods("POST") // want: POST /staff/members/{name}/delete auth=required role=admin
	r.HandleFunc("/staff/overview", h.Staff(overview)).Methods("GET")                 // want: GET /staff/overview auth=required role=admin
	r.HandleFunc("/api/drafts/{id}", h.Open(removeDraft)).Methods("DELETE")           // want: DELETE /api/drafts/{id} auth=required
	r.HandleFunc("/api/shelves", h.Open(newShelf)).Methods("POST")                    // want: POST /api/shelves auth=required
	r.HandleFunc("/api/drafts/{id}", h.Open(readDraft)).Methods("GET")                // want: GET /api/drafts/{id} auth=none
	r.HandleFunc("/traced/drafts", h.Traced(listDrafts)).Methods("GET")               // want: GET /traced/drafts auth=none
	r.HandleFunc("/api/lookup/{id}", h.Open(lookupDraft)).Methods("GET")              // want: GET /api/lookup/{id} auth=none
	r.HandleFunc("/api/shelves/{id}", h.Open(renameShelf)).Methods("PUT")             // want: PUT /api/shelves/{id} auth=required
	r.HandleFunc("/pages/{slug}", h.Page(readDraft, levelAnyone)).Methods("GET")      // want: GET /pages/{slug} auth=none
	r.HandleFunc("/timeline", h.Open(timeline)).Methods("GET")                        // want: GET /timeline auth=none
	r.HandleFunc("/api/me/password", h.Open(changePassword)).Methods("POST")          // want: POST /api/me/password auth=required
	r.HandleFunc("/api/notes", h.Open(newNote)).Methods("POST")                       // want: POST /api/notes auth=none
	http.ListenAndServe(":8080", r)
}

type App struct {
	store map[string]*Member
	cfg   Config
}

type Config struct{ Private bool }

type Member struct {
	ID    int64
	Admin bool
}

func (m *Member) IsAdmin() bool { return m.Admin }

// Failure is an error that carries the status to answer.
type Failure struct {
	Code int
	Text string
}

func (f Failure) Error() string { return f.Text }

var (
	errSignIn   = Failure{http.StatusUnauthorized, "sign in first"}
	errBadToken = Failure{http.StatusUnauthorized, "that token is not valid"}
	errNoDraft  = Failure{http.StatusNotFound, "no such draft"}
	errNoToken  = Failure{http.StatusBadRequest, "a token is required"}
	errNoTitle  = Failure{http.StatusBadRequest, "a title is required"}
)

type memberFunc func(app *App, m *Member, w http.ResponseWriter, r *http.Request) error
type plainFunc func(app *App, w http.ResponseWriter, r *http.Request) error

type Handler struct{ app *App }

func (h *Handler) answer(w http.ResponseWriter, err error) {
	if f, ok := err.(Failure); ok {
		http.Error(w, f.Text, f.Code)
	}
}

// sessionMember is whoever the session cookie names, or nil.
func sessionMember(app *App, r *http.Request) *Member {
	m, _ := memberAndCookie(app, r)
	return m
}

func memberAndCookie(app *App, r *http.Request) (*Member, string) {
	c, err := r.Cookie("session")
	if err != nil {
		return nil, ""
	}
	return app.store[c.Value], c.Value
}

// tokenMember is whoever the bearer token names, or nil.
func tokenMember(app *App, r *http.Request) *Member {
	return app.store[r.Header.Get("Authorization")]
}

func (h *Handler) Member(f memberFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		h.answer(w, func() error {
			m := sessionMember(h.app, r)
			if m == nil {
				err := errSignIn
				return err
			}
			return f(h.app, m, w, r)
		}())
	}
}

func (h *Handler) Staff(f memberFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		h.answer(w, func() error {
			m := sessionMember(h.app, r)
			if m == nil || !m.IsAdmin() {
				return Failure{http.StatusNotFound, ""}
			}
			return f(h.app, m, w, r)
		}())
	}
}

func (h *Handler) Open(f plainFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		log.Printf("%s %s", r.Method, r.URL.Path)
		h.answer(w, f(h.app, w, r))
	}
}

// Traced reads the session only to log who called; it hands everyone on.
func (h *Handler) Traced(f memberFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		m := sessionMember(h.app, r)
		if m == nil {
			log.Printf("anonymous call to %s", r.URL.Path)
		}
		h.answer(w, f(h.app, m, w, r))
	}
}

func listDrafts(app *App, m *Member, w http.ResponseWriter, r *http.Request) error { return nil }
func dropMember(app *App, m *Member, w http.ResponseWriter, r *http.Request) error { return nil }
func overview(app *App, m *Member, w http.ResponseWriter, r *http.Request) error   { return nil }

// removeDraft signs the caller in from the token first.
func removeDraft(app *App, w http.ResponseWriter, r *http.Request) error {
	m := &Member{}
	m = tokenMember(app, r)
	if m == nil {
		return errBadToken
	}
	delete(app.store, mux.Vars(r)["id"])
	return nil
}

// newShelf takes the caller from the session, or from a token for the API.
func newShelf(app *App, w http.ResponseWriter, r *http.Request) error {
	var m *Member
	if r.Header.Get("Authorization") != "" {
		m = tokenMember(app, r)
	} else {
		m = sessionMember(app, r)
	}
	if m == nil {
		return errSignIn
	}
	return nil
}

// readDraft: anyone may read; a signed-in member is only remembered.
func readDraft(app *App, w http.ResponseWriter, r *http.Request) error {
	m := sessionMember(app, r)
	if m != nil {
		log.Printf("read by %d", m.ID)
	}
	return nil
}

// lookupDraft answers 404 for a draft that is not there: a record's test,
// not the caller's.
func lookupDraft(app *App, w http.ResponseWriter, r *http.Request) error {
	d := app.store[mux.Vars(r)["id"]]
	if d == nil {
		return errNoDraft
	}
	return nil
}

// tokenAuth returns the caller the bearer token names, or an error to
// answer with.
func tokenAuth(app *App, r *http.Request) (*Member, error) {
	t := r.Header.Get("Authorization")
	if t == "" {
		return nil, errSignIn
	}
	m := app.store[t]
	if m == nil {
		return nil, errBadToken
	}
	return m, nil
}

// renameShelf answers the error tokenAuth gives it.
func renameShelf(app *App, w http.ResponseWriter, r *http.Request) error {
	m, err := tokenAuth(app, r)
	if err != nil {
		return err
	}
	log.Printf("renamed by %d", m.ID)
	return nil
}

type level int

const (
	anyone level = iota
	member
)

func levelAnyone(app *App) level { return anyone }

// Page checks a session only when the level it is applied with asks for
// one: which routes it guards depends on that argument.
func (h *Handler) Page(f plainFunc, lv func(*App) level) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		h.answer(w, func() error {
			m := sessionMember(h.app, r)
			if lv(h.app) == member && m == nil {
				return errSignIn
			}
			return f(h.app, w, r)
		}())
	}
}

// timeline asks for a member only on a private instance: a setting
// decides, not the route.
func timeline(app *App, w http.ResponseWriter, r *http.Request) error {
	if app.cfg.Private {
		if _, err := tokenAuth(app, r); err != nil {
			return err
		}
	}
	return nil
}

// changePassword answers 400 to a request without a token.
func changePassword(app *App, w http.ResponseWriter, r *http.Request) error {
	token := r.Header.Get("Authorization")
	if token == "" {
		return errNoToken
	}
	return nil
}

// newNote answers 400 to a note without a title: what was sent, not who.
func newNote(app *App, w http.ResponseWriter, r *http.Request) error {
	title := r.FormValue("title")
	if title == "" {
		return errNoTitle
	}
	return nil
}
