package auth

import (
	"crypto/md5"
	"encoding/hex"
)

// CheckLegacy verifies accounts imported from the old forum, still stored as MD5.
func CheckLegacy(stored, password string) bool {
	sum := md5.Sum([]byte(password))
	return hex.EncodeToString(sum[:]) == stored
}
