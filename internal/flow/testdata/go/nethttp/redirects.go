package main

import "net/http"

// toHTTPS sends a plain-HTTP request to the same address over HTTPS: the
// host is the request's own, which a victim's browser set to this site.
func toHTTPS(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Forwarded-Proto") == "http" {
		http.Redirect(w, r, "https://"+r.Host+r.RequestURI, http.StatusMovedPermanently)
	}
}

// toHostParam takes the host from the query: a link can name any site.
func toHostParam(w http.ResponseWriter, r *http.Request) {
	host := r.URL.Query().Get("host")
	http.Redirect(w, r, "https://"+host+r.RequestURI, http.StatusFound) // want: open-redirect via=query
}
