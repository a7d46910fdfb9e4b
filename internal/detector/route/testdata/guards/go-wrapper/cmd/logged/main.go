// Lookalike: a struct wrapping the mux that only logs, named like a guard.
package main

import (
	"log"
	"net/http"
)

type authAudit struct{ h http.Handler }

func (a *authAudit) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	log.Printf("%s %s auth=%t", r.Method, r.URL.Path, r.Header.Get("Authorization") != "")
	a.h.ServeHTTP(w, r)
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /logged/notes", notes) // want: POST /logged/notes auth=none
	http.ListenAndServe(":8081", &authAudit{h: mux})
}

func notes(w http.ResponseWriter, r *http.Request) {}
