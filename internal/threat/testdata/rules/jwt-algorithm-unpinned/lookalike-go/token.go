package notes

import (
	"errors"
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

// keyFunc pins the method: a token signed any other way is refused
// before its key is handed out. The parse below passes it by a call.
func keyFunc(secret []byte) jwt.Keyfunc {
	return func(t *jwt.Token) (any, error) {
		if t.Method.Alg() != jwt.SigningMethodHS256.Name {
			return nil, errors.New("unexpected signing method")
		}
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
