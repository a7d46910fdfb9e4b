package api

import (
	"net/http"
	"strings"
)

type API struct{ token string }

func Load() (*API, error) { return &API{}, nil }

// Hand checks the bearer token before dispatching: every branch is guarded.
func (a *API) Hand(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") != "Bearer "+a.token {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	switch {
	case r.URL.Path == "/api/v1/items" && r.Method == http.MethodGet: // want: GET /api/v1/items
		a.list(w, r)
	case strings.HasPrefix(r.URL.Path, "/api/v1/items/"): // want: ANY /api/v1/items
		a.get(w, r)
	default:
		http.NotFound(w, r)
	}
}

func (a *API) list(w http.ResponseWriter, r *http.Request) {}
func (a *API) get(w http.ResponseWriter, r *http.Request)  {}
