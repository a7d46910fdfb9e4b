package redact

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
)

// sameKey keys Same for this process only: a fingerprint made with it
// tells two values apart within one run and means nothing outside it.
var sameKey = func() []byte {
	k := make([]byte, 32)
	_, _ = rand.Read(k) // crypto/rand.Read never fails
	return k
}()

// Same is a fingerprint of a secret value for comparing two values (one
// key pasted into two files) without keeping either. It is keyed with a
// random key made at start-up, so even a weak password's fingerprint
// cannot be checked against guesses: it must still never be printed, and
// fields that hold it are tagged `json:"-"`. An empty value has none.
func Same(v string) string {
	if v == "" {
		return ""
	}
	m := hmac.New(sha256.New, sameKey)
	m.Write([]byte(v))
	return hex.EncodeToString(m.Sum(nil)[:16])
}
