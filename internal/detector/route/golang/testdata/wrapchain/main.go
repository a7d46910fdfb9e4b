package main

import (
	"net/http"

	"github.com/julienschmidt/httprouter"

	"example.com/labs/labs"
	"example.com/labs/mw"
)

func index(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {}

func main() {
	m := mw.New()
	router := httprouter.New()
	router.GET("/", m.Logged(m.SignedIn(index))) // want: GET /
	labs.New().SetRouter(router)
	http.ListenAndServe(":8080", router)
}
