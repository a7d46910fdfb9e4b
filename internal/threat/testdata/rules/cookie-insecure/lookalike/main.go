package main

import (
	"net/http"
	"sync"
)

var sessions sync.Map

func main() {
	http.HandleFunc("POST /login", func(w http.ResponseWriter, r *http.Request) {
		startSession(w, r.FormValue("user"))
	})
	http.ListenAndServe(":8080", nil)
}
