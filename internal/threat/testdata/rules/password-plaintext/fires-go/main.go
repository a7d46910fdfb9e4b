package main

import (
	"encoding/json"
	"net/http"
)

type User struct {
	Email    string
	Password string
}

type signupInput struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

var users = map[string]*User{}

func signup(w http.ResponseWriter, r *http.Request) {
	var in signupInput
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		http.Error(w, "bad input", http.StatusBadRequest)
		return
	}
	users[in.Email] = &User{Email: in.Email, Password: in.Password}
	w.WriteHeader(http.StatusCreated)
}

func login(w http.ResponseWriter, r *http.Request) {
	u, ok := users[r.FormValue("email")]
	if !ok || u.Password != r.FormValue("password") {
		http.Error(w, "no", http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func main() {
	http.HandleFunc("POST /signup", signup)
	http.HandleFunc("POST /login", login)
	http.ListenAndServe(":8080", nil)
}
