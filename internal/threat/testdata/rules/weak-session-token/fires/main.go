package main

import (
	"encoding/base64"
	"net/http"
	"sync"
)

var sessions sync.Map

func main() {
	http.HandleFunc("POST /login", login)
	http.ListenAndServe(":8080", nil)
}

// The session id is the e-mail in base64: anyone who knows an e-mail
// signs in as its owner.
func login(w http.ResponseWriter, r *http.Request) {
	mail := r.FormValue("mail")
	sid := base64.StdEncoding.EncodeToString([]byte(mail))
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: sid, HttpOnly: true, Secure: true})
	remember(sid, mail)
}

func remember(sid, mail string) { sessions.Store(sid, mail) }
