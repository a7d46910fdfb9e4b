package routes

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"golang.org/x/crypto/bcrypt"
)

type settings struct{ DisableWebAuthn bool }

type passkeys interface {
	ValidatePasskeyLogin(r *http.Request) (string, error)
}

type sessions interface{ Valid(r *http.Request) bool }

type LoginHandler struct {
	hash     []byte
	config   settings
	keys     passkeys
	sessions sessions
}

func NewLoginHandler() *LoginHandler { return &LoginHandler{} }

func (h *LoginHandler) RegisterRoutes(router chi.Router) {
	router.Post("/login", h.Login)                   // want: POST /api/login auth=none
	router.Get("/passkey/options", h.PasskeyOptions) // want: GET /api/passkey/options auth=none
	router.Post("/passkey/login", h.PasskeyLogin)    // want: POST /api/passkey/login auth=none
	router.Get("/account", h.Account)                // want: GET /api/account auth=required
	router.Get("/users/{id}", h.User)                // want: GET /api/users/{id} auth=required
	router.Get("/stats", h.Stats)                    // want: GET /api/stats auth=required role=admin
}

type caller struct {
	ID      string
	IsAdmin bool
}

func (h *LoginHandler) caller(r *http.Request) *caller { return &caller{ID: r.Header.Get("X-User")} }

// User is for the user themselves or an admin: no role is demanded.
func (h *LoginHandler) User(w http.ResponseWriter, r *http.Request) {
	c := h.caller(r)
	if c.ID != chi.URLParam(r, "id") && !c.IsAdmin {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	w.Write([]byte("{}"))
}

// Stats is for admins only.
func (h *LoginHandler) Stats(w http.ResponseWriter, r *http.Request) {
	if !h.caller(r).IsAdmin {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	w.Write([]byte("{}"))
}

// PasskeyOptions is refused to everyone when a setting turns passkeys off.
func (h *LoginHandler) PasskeyOptions(w http.ResponseWriter, r *http.Request) {
	if h.config.DisableWebAuthn {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	w.Write([]byte("{}"))
}

// PasskeyLogin answers 401 to a failed assertion: a login.
func (h *LoginHandler) PasskeyLogin(w http.ResponseWriter, r *http.Request) {
	if _, err := h.keys.ValidatePasskeyLogin(r); err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	w.Write([]byte("welcome"))
}

// Account turns away a caller without a session.
func (h *LoginHandler) Account(w http.ResponseWriter, r *http.Request) {
	if !h.sessions.Valid(r) {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	w.Write([]byte("{}"))
}

// Login answers 401 to a wrong password: that is the login itself.
func (h *LoginHandler) Login(w http.ResponseWriter, r *http.Request) {
	if err := bcrypt.CompareHashAndPassword(h.hash, []byte(r.FormValue("password"))); err != nil {
		w.WriteHeader(http.StatusUnauthorized)
		h.render(w, "login failed")
		return
	}
	h.render(w, "welcome")
}

func (h *LoginHandler) render(w http.ResponseWriter, msg string) { w.Write([]byte(msg)) }
