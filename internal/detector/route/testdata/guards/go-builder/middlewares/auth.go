package middlewares

import (
	"net/http"
	"strings"
)

// Auth rejects a request without a key, except on the paths it was
// configured to let through.
type Auth struct {
	store       string
	openPaths   []string
	loginTarget string
}

func NewAuth(store string) *Auth { return &Auth{store: store} }

// WithOpenPaths lets requests under these paths through without a key.
func (a *Auth) WithOpenPaths(paths ...string) *Auth {
	a.openPaths = paths
	return a
}

// WithLoginTarget names where a browser is sent; it opens nothing.
func (a *Auth) WithLoginTarget(path string) *Auth {
	a.loginTarget = path
	return a
}

func (a *Auth) Handler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a.ServeHTTP(w, r, next.ServeHTTP)
	})
}

func (a *Auth) ServeHTTP(w http.ResponseWriter, r *http.Request, next http.HandlerFunc) {
	if r.Header.Get("X-Api-Key") == "" {
		if a.isOpen(r) {
			next(w, r)
			return
		}
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	next(w, r)
}

func (a *Auth) isOpen(r *http.Request) bool {
	for _, p := range a.openPaths {
		if strings.HasPrefix(r.URL.Path, p) {
			return true
		}
	}
	return false
}
