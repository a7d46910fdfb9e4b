package webhooks

import "net/http"

// A second header of the same service.
func githubKind(r *http.Request) string { return r.Header.Get("X-GitHub-Event") }
