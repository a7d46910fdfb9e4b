package web

import (
	"os"
	"path/filepath"

	"github.com/golang-jwt/jwt/v5"
)

// The key read from a file the token's kid names.
func keyFromFile(t *jwt.Token) (any, error) {
	return os.ReadFile(filepath.Join("keys", t.Header["kid"].(string))) // want: weakness jwt-unverified
}
