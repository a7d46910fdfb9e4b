package secret

import (
	"encoding/json"
	"net/http"

	"example.com/drop/secret/kdf"
)

type Authenticator struct {
	key kdf.Key
}

func New(shared string) (Authenticator, error) {
	k, err := kdf.Derive(shared)
	return Authenticator{key: k}, err
}

func (a Authenticator) StartSession(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Secret string `json:"secret"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(w, "malformed request", http.StatusBadRequest)
		return
	}
	given, err := kdf.Derive(body.Secret)
	if err != nil || !a.key.Equal(given) {
		http.Error(w, "wrong secret", http.StatusUnauthorized)
		return
	}
	a.issueCookie(w)
}

func (a Authenticator) Authenticate(r *http.Request) bool {
	c, err := r.Cookie("session")
	if err != nil {
		return false
	}
	return a.key.Equal(kdf.Parse(c.Value))
}

func (a Authenticator) issueCookie(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "session", Value: a.key.String(), HttpOnly: true, SameSite: http.SameSiteStrictMode})
}
