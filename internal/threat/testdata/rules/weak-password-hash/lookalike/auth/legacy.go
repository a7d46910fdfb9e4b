package auth

import (
	"crypto/sha256"
	"encoding/hex"

	"golang.org/x/crypto/bcrypt"
)

// CheckPassword verifies a bcrypt hash; imported accounts were rehashed on import.
func CheckPassword(stored []byte, password string) bool {
	return bcrypt.CompareHashAndPassword(stored, []byte(password)) == nil
}

// AvatarETag fingerprints an avatar image: a fast hash is right for content.
func AvatarETag(image []byte) string {
	sum := sha256.Sum256(image)
	return hex.EncodeToString(sum[:])
}
