package main

import (
	"encoding/json"
	"net/http"
)

type enrolment struct {
	Name   string `json:"name"`
	Secret string `json:"secret"`
}

type member struct{ ID int64 }

func createUser(e enrolment) (member, error) { return member{}, nil }

func newSessionToken(m member) string { return "" }

// signUp makes the caller's own account and hands them a session token.
func signUp(w http.ResponseWriter, r *http.Request) {
	var e enrolment
	if err := json.NewDecoder(r.Body).Decode(&e); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	m, err := createUser(e)
	if err != nil {
		http.Error(w, "taken", http.StatusConflict)
		return
	}
	json.NewEncoder(w).Encode(map[string]string{"token": newSessionToken(m)})
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /members", signUp)
	http.ListenAndServe(":8080", mux)
}
