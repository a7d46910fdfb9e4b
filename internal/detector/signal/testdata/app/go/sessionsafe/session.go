package sessionsafe

import (
	"crypto/rand"
	"encoding/base64"
	"net/http"
)

// A lookalike: the session id is 32 bytes from crypto/rand, encoded.
func SignIn(w http.ResponseWriter, user string) {
	b := make([]byte, 32)
	rand.Read(b)
	sid := base64.RawURLEncoding.EncodeToString(b)
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: sid, HttpOnly: true, Secure: true})
	keep(user, sid)
}

func keep(user, sid string) {}
