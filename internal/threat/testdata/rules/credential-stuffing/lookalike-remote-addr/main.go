package main

import (
	"net/http"

	"github.com/gorilla/mux"

	"example.org/console/limit"
)

func signIn(w http.ResponseWriter, r *http.Request) {
	name, password := r.FormValue("username"), r.FormValue("password")
	if !checkPassword(name, password) {
		http.Error(w, "wrong", http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func checkPassword(name, password string) bool { return false }

func main() {
	limiter := limit.New(5)
	router := mux.NewRouter()
	router.HandleFunc("/login", limiter.Wrap(signIn)).Methods("POST")
	http.ListenAndServe(":3333", router)
}
