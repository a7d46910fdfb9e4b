package main

import (
	"encoding/json"
	"net/http"

	"github.com/redis/go-redis/v9"
)

type account struct {
	Email    string
	Password string
}

var accounts = map[string]*account{}

func register(w http.ResponseWriter, r *http.Request) {
	var in account
	json.NewDecoder(r.Body).Decode(&in)
	accounts[in.Email] = &account{Email: in.Email, Password: in.Password} // want: weakness password-plaintext
}

func signIn(w http.ResponseWriter, r *http.Request) {
	a := accounts[r.FormValue("email")]
	if a == nil || a.Password != r.FormValue("password") { // want: weakness password-plaintext
		w.WriteHeader(http.StatusUnauthorized)
	}
}

// A client's password from the configuration is no user's.
func cache(cfg struct{ Addr, Password string }) *redis.Client {
	return redis.NewClient(&redis.Options{Addr: cfg.Addr, Password: cfg.Password})
}
