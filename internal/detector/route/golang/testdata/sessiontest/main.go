package main

import (
	"fmt"
	"html/template"
	"net/http"

	"example.com/notes/session"
)

func main() {
	http.HandleFunc("/notes", notes)   // want: ANY /notes
	http.HandleFunc("/signin", signin) // want: ANY /signin
	http.HandleFunc("/search", search) // want: ANY /search
	http.HandleFunc("/beta", beta)     // want: ANY /beta
	http.ListenAndServe(":8080", nil)
}

// notes works only for a signed-in caller; anyone else gets a not-found
// or the error page.
func notes(w http.ResponseWriter, r *http.Request) {
	if r.Method == "GET" {
		if session.Valid(r) {
			t, _ := template.ParseFiles("notes.html")
			t.Execute(w, listNotes())
		} else {
			http.NotFound(w, r)
		}
	} else if r.Method == "POST" {
		if session.Valid(r) {
			saveNote(r.FormValue("text"))
			http.Redirect(w, r, "/notes", http.StatusSeeOther)
		}
	} else {
		t, _ := template.ParseFiles("error.html")
		t.Execute(w, nil)
	}
}

// signin sends a signed-in caller on, and shows everyone else the form:
// the page is for callers with no session.
func signin(w http.ResponseWriter, r *http.Request) {
	if session.Valid(r) {
		http.Redirect(w, r, "/notes", http.StatusSeeOther)
		return
	}
	t, _ := template.ParseFiles("signin.html")
	t.Execute(w, map[string]string{"next": r.FormValue("next")})
}

// search runs the query before it looks at the session.
func search(w http.ResponseWriter, r *http.Request) {
	found := findNotes(r.FormValue("q"))
	if session.Valid(r) {
		fmt.Fprintln(w, len(found))
	}
}

// beta tests a flag the caller sets, not who calls.
func beta(w http.ResponseWriter, r *http.Request) {
	if session.Beta(r) {
		t, _ := template.ParseFiles("beta.html")
		t.Execute(w, listNotes())
	}
}

func listNotes() []string         { return nil }
func saveNote(text string)        {}
func findNotes(q string) []string { return []string{q} }
