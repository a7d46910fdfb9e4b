package routes

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"golang.org/x/crypto/bcrypt"
)

type LoginHandler struct{ hash []byte }

func NewLoginHandler() *LoginHandler { return &LoginHandler{} }

func (h *LoginHandler) RegisterRoutes(router chi.Router) {
	router.Post("/login", h.Login) // want: POST /api/login auth=none
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
