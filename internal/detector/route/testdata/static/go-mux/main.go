package main

import (
	"net/http"

	"github.com/gorilla/mux"
)

func main() {
	r := mux.NewRouter()
	r.HandleFunc("/pages/{id}", page).Methods("GET")                                                       // want: route GET /pages/{id}
	r.PathPrefix("/static/").Handler(http.StripPrefix("/static/", http.FileServer(http.Dir("./static/")))) // want: route ANY /static; serves /static/js/wiki.js
	http.ListenAndServe(":8080", r)
}

// docs serves the module's folder whole, without StripPrefix: a file's
// URL is its path in the folder, so only docs/ is reachable under /docs/.
func docs() {
	m := http.NewServeMux()
	m.Handle("/docs/", http.FileServer(http.Dir("."))) // want: route ANY /docs; serves /docs/guide.md
	http.ListenAndServe(":8081", m)
}

func page(w http.ResponseWriter, r *http.Request) {}
