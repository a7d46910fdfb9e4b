package random

import (
	"crypto/rand"
	"math/big"
)

// String picks n characters of chars with a CSPRNG.
func String(n int, chars []rune) string {
	b := make([]rune, n)
	for i := range b {
		k, _ := rand.Int(rand.Reader, big.NewInt(int64(len(chars))))
		b[i] = chars[k.Int64()]
	}
	return string(b)
}
