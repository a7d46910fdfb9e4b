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
	// The board's JavaScript reads the session id to open its websocket.
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: sid, Path: "/", HttpOnly: false, Secure: false})
}
