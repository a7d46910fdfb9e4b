package main

import (
	"crypto/rand"
	"encoding/base64"
	"net/http"
	"sync"
)

var sessions sync.Map

func main() {
	http.HandleFunc("POST /login", login)
	http.ListenAndServe(":8080", nil)
}

// The session id is 32 bytes from crypto/rand, encoded for the cookie.
func login(w http.ResponseWriter, r *http.Request) {
	mail := r.FormValue("mail")
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		http.Error(w, "try again", http.StatusInternalServerError)
		return
	}
	sid := base64.RawURLEncoding.EncodeToString(b)
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: sid, HttpOnly: true, Secure: true})
	remember(sid, mail)
}

func remember(sid, mail string) { sessions.Store(sid, mail) }
