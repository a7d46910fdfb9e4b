package session

import "net/http"

type Self struct{}

func New() *Self { return &Self{} }

// IsLoggedIn says the request carries a session cookie.
func (s *Self) IsLoggedIn(r *http.Request) bool {
	c, err := r.Cookie("labs_session")
	if err != nil || c.Value == "" {
		return false
	}
	return true
}
