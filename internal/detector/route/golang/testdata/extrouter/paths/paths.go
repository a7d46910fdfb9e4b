// Package paths names the API paths, for the server and for clients.
package paths

import "net/http"

const (
	Prefix = "/tally/api/v1"
	Push   = Prefix + "/push"
	Query  = Prefix + "/query"
	Series = Prefix + "/series/{name}"
)

// IsPush tells a push apart for the access log.
func IsPush(r *http.Request) bool { return r.URL.Path == Push }
