package main

import (
	"net/http"

	"github.com/gorilla/sessions"
)

var store = sessions.NewCookieStore([]byte(getKey()))

func getKey() string { return "" }

// signOut forgets who the caller is: the session's user id goes, and the
// cookie is written back.
func signOut(w http.ResponseWriter, r *http.Request) {
	session, _ := store.Get(r, "board")
	delete(session.Values, "uid")
	session.Options.MaxAge = -1
	session.Save(r, w)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /signout", signOut)
	http.ListenAndServe(":8080", mux)
}
