package web

import (
	"encoding/json"
	"net/http"

	"github.com/golang-jwt/jwt/v5"
)

// The key set fetched from the URL the token's own header names.
func keyFromURL(t *jwt.Token) (any, error) {
	resp, err := http.Get(t.Header["jku"].(string)) // want: weakness jwt-unverified
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var set map[string]any
	return set, json.NewDecoder(resp.Body).Decode(&set)
}

// Lookalike: the kid picks one of the app's own keys.
func keyFromTable(t *jwt.Token) (any, error) {
	return signingKeys[t.Header["kid"].(string)], nil
}

var signingKeys = map[string][]byte{}
