package main

import (
	"io"
	"net/http"
	"net/url"
)

// mirrorName is the repository's own type with a String method: a method
// of that name called on a value a library made is the library's, not
// this one.
type mirrorName struct{ label string }

func (m mirrorName) String() string { return "https://mirror.example.org/" + url.PathEscape("static") }

// mirror fetches the URL the caller sends, parsed first: url.Parse keeps
// the caller's URL, and its String gives it back.
func (s *server) mirror(w http.ResponseWriter, r *http.Request) {
	u, err := url.Parse(r.FormValue("src"))
	if err != nil {
		return
	}
	resp, err := http.Get(u.String()) // want: ssrf via=body
	if err != nil {
		return
	}
	io.Copy(w, resp.Body)
}

// mirrorSafe fetches the repository's own fixed address: its String
// ignores the label the caller chose.
func (s *server) mirrorSafe(w http.ResponseWriter, r *http.Request) {
	m := mirrorName{label: r.FormValue("label")}
	resp, err := http.Get(m.String())
	if err != nil {
		return
	}
	io.Copy(w, resp.Body)
}
