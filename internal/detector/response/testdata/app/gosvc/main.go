package main

import (
	"encoding/json"
	"net/http"
)

// User is stored as it is; its password hash must stay on the server.
type User struct {
	ID           int    `json:"id"`
	Email        string `json:"email"`
	PasswordHash string `json:"password_hash"`
}

// Profile hides its secret from JSON.
type Profile struct {
	ID       int    `json:"id"`
	Password string `json:"-"`
}

func getUser(w http.ResponseWriter, r *http.Request) {
	var user User
	db.First(&user, r.PathValue("id"))
	json.NewEncoder(w).Encode(user) // want: sensitive-response
}

func getProfile(w http.ResponseWriter, r *http.Request) {
	var profile Profile
	db.First(&profile, r.PathValue("id"))
	json.NewEncoder(w).Encode(profile)
}

func main() {
	http.HandleFunc("GET /users/{id}", getUser)
	http.HandleFunc("GET /profiles/{id}", getProfile)
	http.ListenAndServe(":8080", nil)
}
