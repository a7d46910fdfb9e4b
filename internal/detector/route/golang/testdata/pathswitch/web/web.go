package web

import (
	"net/http"
	"strings"
)

type Site struct{ label string }

func New() *Site { return &Site{} }

func (s *Site) Hand(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Server", "paste")
	var err error
	switch r.URL.Path {
	case "/about", "/about/license": // want: ANY /about; ANY /about/license
		err = s.about(w, r)
	case "/": // want: POST /
		if r.Method != http.MethodPost {
			err = errMethod
			break
		}
		err = s.create(w, r)
	case "/settings": // want: GET /settings; POST /settings
		if r.Method == "GET" {
			err = s.showSettings(w, r)
		} else if r.Method == "POST" {
			err = s.saveSettings(w, r)
		}
	case "/admin": // want: ANY /admin
		err = s.admin(w, r)
	default:
		if strings.HasPrefix(r.URL.Path, "/raw/") { // want: ANY /raw
			err = s.raw(w, r)
		} else { // want: ANY /{path}
			err = s.view(w, r)
		}
	}
	// A label for the log, one per path: no route of its own.
	switch r.URL.Path {
	case "/about":
		s.label = "about"
	case "/settings":
		s.label = "settings"
	}
	if err != nil {
		http.Error(w, err.Error(), 500)
	}
}

var errMethod = http.ErrNotSupported

func (s *Site) about(w http.ResponseWriter, r *http.Request) error        { return nil }
func (s *Site) create(w http.ResponseWriter, r *http.Request) error       { return nil }
func (s *Site) showSettings(w http.ResponseWriter, r *http.Request) error { return nil }
func (s *Site) saveSettings(w http.ResponseWriter, r *http.Request) error { return nil }
func (s *Site) raw(w http.ResponseWriter, r *http.Request) error          { return nil }
func (s *Site) view(w http.ResponseWriter, r *http.Request) error         { return nil }

// admin refuses a caller without the admin cookie: only this branch is guarded.
func (s *Site) admin(w http.ResponseWriter, r *http.Request) error {
	if _, err := r.Cookie("admin_session"); err != nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return nil
	}
	return nil
}
