package labs

import (
	"net/http"

	"github.com/julienschmidt/httprouter"

	"example.com/labs/mw"
)

type Labs struct{}

func New() Labs { return Labs{} }

func (l Labs) SetRouter(r *httprouter.Router) {
	m := mw.New()
	r.GET("/notes", m.Logged(m.SignedIn(notes))) // want: GET /notes
	r.POST("/notes", m.Logged(m.SignedIn(save))) // want: POST /notes
	r.GET("/about", m.Logged(notes))             // want: GET /about
	r.GET("/start", m.Logged(m.Welcome(notes)))  // want: GET /start
}

func notes(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {}
func save(w http.ResponseWriter, r *http.Request, _ httprouter.Params)  {}
