package main

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
)

func startSession(w http.ResponseWriter, userID string) {
	buf := make([]byte, 32)
	rand.Read(buf)
	sid := hex.EncodeToString(buf)
	sessions.Store(sid, userID)
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: sid, Path: "/", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode})
	// The board's JavaScript may read which theme to draw; it holds nothing secret.
	http.SetCookie(w, &http.Cookie{Name: "theme", Value: "light", Path: "/", HttpOnly: false})
}
