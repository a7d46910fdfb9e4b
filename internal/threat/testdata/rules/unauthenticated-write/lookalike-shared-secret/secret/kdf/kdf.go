package kdf

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"

	"golang.org/x/crypto/pbkdf2"
)

type Key struct{ b []byte }

func Derive(s string) (Key, error) {
	return Key{pbkdf2.Key([]byte(s), []byte("salt"), 100, 32, sha256.New)}, nil
}

func (k Key) Equal(o Key) bool { return subtle.ConstantTimeCompare(k.b, o.b) == 1 }

func (k Key) String() string { return base64.StdEncoding.EncodeToString(k.b) }

func Parse(s string) Key {
	b, _ := base64.StdEncoding.DecodeString(s)
	return Key{b}
}
