package mw

import (
	"log"
	"net/http"

	"github.com/julienschmidt/httprouter"

	"example.com/labs/session"
)

type Chain struct{}

func New() *Chain { return &Chain{} }

// Logged only writes a line per request, whether a session is there or not.
func (c *Chain) Logged(h httprouter.Handle) httprouter.Handle {
	var sess = session.New()
	return func(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
		if !sess.IsLoggedIn(r) {
			log.Printf("anonymous %s %s", r.Method, r.URL.Path)
		}
		h(w, r, ps)
	}
}

// SignedIn sends a caller without a session to the login page.
func (c *Chain) SignedIn(h httprouter.Handle) httprouter.Handle {
	var sess = session.New()
	return func(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
		if !sess.IsLoggedIn(r) {
			target := "/login"
			http.Redirect(w, r, target, http.StatusSeeOther)
			return
		}
		h(w, r, ps)
	}
}

// Welcome sends a first visit of the home page to the login page and
// lets every caller through otherwise: it tests the path, not the caller.
func (c *Chain) Welcome(h httprouter.Handle) httprouter.Handle {
	return func(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
		target := "/login"
		if r.URL.Path == "/start" && r.URL.RawQuery == "" {
			http.Redirect(w, r, target, http.StatusSeeOther)
			return
		}
		h(w, r, ps)
	}
}
