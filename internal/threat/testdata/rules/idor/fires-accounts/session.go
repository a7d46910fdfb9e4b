package main

import (
	"crypto/rand"
	"encoding/hex"
	"sync"
)

var sessions sync.Map

func newSession() string {
	b := make([]byte, 32)
	rand.Read(b)
	s := hex.EncodeToString(b)
	sessions.Store(s, true)
	return s
}

func validSession(s string) bool {
	_, ok := sessions.Load(s)
	return ok
}
