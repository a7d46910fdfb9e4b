package middlewares

import "net/http"

// Headers sets security headers; a second ServeHTTP in the package.
type Headers struct{ next http.Handler }

func NewHeaders() func(http.Handler) http.Handler {
	return func(h http.Handler) http.Handler { return &Headers{h} }
}

func (s *Headers) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Frame-Options", "DENY")
	s.next.ServeHTTP(w, r)
}
