package main

import (
	"net/http"
	"strings"
)

func login(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.ServeFile(w, r, "login.html")
		return
	}
	if !checkPassword(r.FormValue("email"), r.FormValue("password")) {
		http.Error(w, "wrong email or password", http.StatusUnauthorized)
		return
	}
	next := r.URL.Query().Get("next")
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func main() {
	http.HandleFunc("/login", login)
	http.ListenAndServe(":8080", nil)
}
