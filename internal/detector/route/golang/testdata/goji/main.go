package main

import (
	"flag"
	"net/http"
	"os"
	"regexp"
	"strings"

	"github.com/zenazn/goji"
	"github.com/zenazn/goji/web"
)

type settings struct {
	base   string
	shares string
}

var conf settings

// routes hangs everything under a base path read from the command line:
// the routes are kept under an unknown prefix and said once for the file.
// A path that is only the setting, or has a setting in its middle, has no
// known text to show and is missed.
func routes() *web.Mux {
	m := web.New()
	m.Use(requireToken)
	itemRe := regexp.MustCompile("^" + conf.base + `items/(?P<id>[0-9]+)$`)
	shareRe := regexp.MustCompile("^" + conf.base + conf.shares + `(?P<key>[a-z]+)$`)
	slugOK := regexp.MustCompile(`^[a-z0-9-]+$`) // validates input; never registered

	m.Get(conf.base, home)                               // want: missed 3
	m.Post(conf.base+"notes", saveNote)                  // want: POST /{unknown-prefix}/notes
	m.Put(conf.base+"notes/:slug", saveNote)             // want: PUT /{unknown-prefix}/notes/{slug}
	m.Delete(os.Getenv("BASE")+"/notes/:slug", dropNote) // want: DELETE /{unknown-prefix}/notes/{slug}
	m.Get(itemRe, showItem)                              // want: GET /{unknown-prefix}/items/{id}
	m.Get(shareRe, showItem)                             // no known text: missed
	m.Get("/"+conf.shares+"list", showItem)              // no known text: missed
	m.Handle("/health", health)                          // want: ANY /health
	_ = slugOK
	return m
}

// legacy registers on goji's DefaultMux through the package's functions.
func legacy() {
	goji.Get("/legacy/:id", showItem)                                     // want: GET /legacy/{id}
	goji.Post(regexp.MustCompile(`^/legacy/(?P<id>\d+)/tags$`), showItem) // want: POST /legacy/{id}/tags
	goji.Serve()
}

func main() {
	flag.StringVar(&conf.base, "base", "/", "base path")
	flag.Parse()
	if strings.HasPrefix(conf.base, "/legacy") {
		legacy()
		return
	}
	http.ListenAndServe(":8080", routes())
}

func requireToken(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		h.ServeHTTP(w, r)
	})
}

func home(w http.ResponseWriter, r *http.Request)     {}
func saveNote(w http.ResponseWriter, r *http.Request) {}
func dropNote(w http.ResponseWriter, r *http.Request) {}
func showItem(w http.ResponseWriter, r *http.Request) {}
func health(w http.ResponseWriter, r *http.Request)   {}
