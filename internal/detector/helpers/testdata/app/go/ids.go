package guards

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// ID is a stable id made from a fact's parts: a fast hash is right here.
func ID(parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(h[:5])
}

// Lookalike: the word password only in a string literal hashes no password.
var defaultPasswordID = ID("infra", "default-password", "compose.yml")
