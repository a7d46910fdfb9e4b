package web

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// issueShort signs a token that lapses after fifteen minutes.
func issueShort(id string, key []byte) (string, error) {
	claims := jwt.MapClaims{"sub": id, "exp": time.Now().Add(15 * time.Minute).Unix()}
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
	return t.SignedString(key)
}
