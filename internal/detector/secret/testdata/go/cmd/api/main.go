package main

import (
	"net/http"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

var jwtKey = []byte("g0-jwt-s1gning-k3y-2024") // want: secret hardcoded-signing-key

const githubToken = "ghp_FAKEdZU0NYJ2gClNbc7Hrd0APsmYaUSRCsll" // want: secret github-pat

func issue(user string) (string, error) {
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": user, "exp": time.Now().Add(time.Hour).Unix()})
	return token.SignedString([]byte("inline-hmac-k3y-77")) // want: secret hardcoded-signing-key
}

func issueWithKey(user string) (string, error) {
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": user})
	return token.SignedString(jwtKey)
}

func main() {
	secret := os.Getenv("JWT_SECRET")
	if secret == "" {
		secret = "local-dev-secret" // want: secret secret-env-fallback
	}
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	http.ListenAndServe(":"+port, nil)
}
