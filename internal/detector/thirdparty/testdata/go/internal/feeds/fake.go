package feeds

import (
	"net/http"
	"net/http/httptest"
)

// FakeGitHub stands in for the GitHub API in local runs: a test double,
// not a call to GitHub.
func FakeGitHub() *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/user", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Link", "<https://api.github.com/user?page=2>; rel=\"next\"")
	})
	return httptest.NewServer(mux)
}
