package web

import "github.com/golang-jwt/jwt/v5"

// issue signs a token with no lifetime: it never lapses.
func issue(id string, key []byte) (string, error) {
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{Subject: id}) // want: weakness jwt-no-expiry
	return t.SignedString(key)
}
