package auth

import "golang.org/x/crypto/bcrypt"

// HashNew hashes the password of an account created since the move to bcrypt.
func HashNew(password string) ([]byte, error) {
	return bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
}
