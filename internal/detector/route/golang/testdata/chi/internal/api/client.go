package api

import (
	"net/http"

	"github.com/go-resty/resty/v2"
)

// Calls to another service look like routes and are not.
func syncNotes(c *resty.Client, cache kv) {
	c.R().Get("/api/notes")
	var out []byte
	cache.Get("/notes/1", &out)
	http.Get("https://example.com/api/notes")
}

type kv interface{ Get(string, *[]byte) }
