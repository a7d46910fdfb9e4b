package main

import (
	"encoding/base64"
	"math/rand"
	"net/http"
	"time"
)

// The session id is the e-mail in base64, and the admin's is drawn from
// math/rand seeded with the time: both are kept to compare later, and
// anyone can make them.
func signIn(w http.ResponseWriter, r *http.Request) {
	mail := r.FormValue("mail")
	sid := base64.StdEncoding.EncodeToString([]byte(mail))
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: sid}) // want: weakness weak-session-token
	saveSession(mail, sid)
}

func adminIn(w http.ResponseWriter, r *http.Request) {
	token := drawToken()
	c := &http.Cookie{ // want: weakness weak-session-token
		Name:  "admin",
		Value: token,
	}
	http.SetCookie(w, c)
	saveSession("admin", token)
}

func drawToken() string {
	rand.Seed(time.Now().UnixNano())
	b := make([]byte, 16)
	for i := range b {
		b[i] = byte('a' + rand.Intn(26))
	}
	return string(b)
}

// A lookalike: a message shown once, encoded for the cookie, never kept
// by the server.
func flash(w http.ResponseWriter, msg string) {
	v := base64.URLEncoding.EncodeToString([]byte(msg))
	http.SetCookie(w, &http.Cookie{Name: "flash", Value: v})
}

func saveSession(user, token string) {}
