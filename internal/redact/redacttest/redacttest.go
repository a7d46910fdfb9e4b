// Package redacttest builds live-looking keys for tests, at run time, from
// fragments and a seeded generator: the repository holds nothing a secret
// scanner would find, and every test of every package gets the same keys.
package redacttest

import (
	"encoding/base64"
	"math/rand/v2"
	"strings"
)

const (
	base62   = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	base32Up = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	digits   = "0123456789"
	hexLower = "0123456789abcdef"
)

// Random returns n characters of alphabet, the same for the same seed.
func Random(alphabet string, n int, seed uint64) string {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var b strings.Builder
	for range n {
		b.WriteByte(alphabet[r.IntN(len(alphabet))])
	}
	return b.String()
}

// Keys of the shapes providers issue.
var (
	StripeKey = "sk_" + "live_" + Random(base62, 24, 1)
	SlackBot  = "xox" + "b-" + Random(digits, 12, 2) + "-" + Random(digits, 13, 3) + "-" + Random(base62, 24, 4)
	GitHubPAT = "gh" + "p_" + Random(base62, 36, 5)
	AWSKeyID  = "AK" + "IA" + Random(base32Up, 16, 6)
	RandomKey = Random(base62, 40, 7)
	// BasicAuth is base64 of "username:password", encoded at run time.
	BasicAuth = strings.TrimRight(base64.StdEncoding.EncodeToString([]byte("username:"+"password")), "=")
	// GitLabPTT has only a gitleaks rule to find it: hex, no named prefix.
	GitLabPTT = "glp" + "tt-" + Random(hexLower, 40, 8)
	SlackHook = "https://hooks." + "slack" + ".com/services/T" + Random(base32Up, 8, 9) + "/B" + Random(base32Up, 8, 10) + "/" + Random(base62, 24, 11)
)

// All is every key above, for tests that assert none is printed whole.
var All = []string{StripeKey, SlackBot, GitHubPAT, AWSKeyID, RandomKey, BasicAuth, GitLabPTT, SlackHook}
