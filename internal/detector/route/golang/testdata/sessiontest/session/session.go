package session

import "net/http"

var known = map[string]string{}

// Valid says the caller's session cookie names a session the app issued.
func Valid(r *http.Request) bool {
	sid, err := r.Cookie("session_id")
	if err != nil {
		return false
	}
	user, err := r.Cookie("user")
	if err != nil {
		return false
	}
	return known[user.Value] == sid.Value
}

// Beta says the caller asked for the beta pages: a flag in the query,
// nothing about who calls.
func Beta(r *http.Request) bool {
	return r.URL.Query().Get("beta") == "1"
}
