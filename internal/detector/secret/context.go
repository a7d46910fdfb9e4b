package secret

import (
	"encoding/base64"
	"encoding/json"
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/threatmap/threatmap/internal/detector/code"
)

// Context checks on top of the rules, for literals in code: a value whose
// shape or name says it is something else than a key. They apply to the
// rules that judge a value by its name and entropy alone (gitleaks'
// generic-api-key, the signing-key assignment); a rule that knows a key's
// own format (sk_live_..., AKIA...) is left as gitleaks has it.

// contractAddress is a hex address of 20 bytes (an Ethereum account or
// contract): public by design. A private key is 32 bytes.
var contractAddress = regexp.MustCompile(`^0x[0-9a-fA-F]{40}$`)

// identifierLast are last words of a name that say its value identifies
// something in public (a passkey AAGUID, a client id): with notSecretLast,
// which already holds id, url, uri, host, path and endpoint.
var identifierLast = set("guid", "uuid", "aaguid", "samesite")

// notAKey reports whether a candidate of a code file is, by its context, a
// name, an address or a public identifier rather than a key:
//   - a 20-byte hex address (0x + 40 hex digits);
//   - a value assigned to a name whose last word says what it is about
//     (OAUTH_TOKEN_URL, PASSKEY_AAGUID, COOKIE_SAMESITE);
//   - an identifier-like value (letters and separators, no digit:
//     'session_id', "chunkReload") under a name with no secret word
//     (sessionKey, reloadSessionKey): a lookup key for session storage or
//     a cookie's name, not a signing key. Under a secret's name
//     (SECRET_KEY = "supersecretkey") a weak value is still a key.
func notAKey(rule, variable, value string) bool {
	if rule != "generic-api-key" && rule != ruleSigningKey {
		return false
	}
	if contractAddress.MatchString(value) {
		return true
	}
	ws := code.Words(variable)
	if len(ws) > 0 {
		last := ws[len(ws)-1]
		if notSecretLast[last] || identifierLast[last] {
			return true
		}
	}
	// A literal passed straight to a signing call (jwt.decode(t, "k")) has
	// no name to say it is something else: it is the key.
	if len(ws) > 0 && identifierLike(value) {
		for _, w := range ws {
			if secretWords[w] || w == "secretkey" {
				return false
			}
		}
		return true
	}
	return false
}

// identifierLike reports a value made of letters and _ - . only: a name
// (session_id, chunkReload, csrftoken, Strict), with nothing random in it.
func identifierLike(v string) bool {
	if v == "" || len(v) > 40 {
		return false
	}
	for _, r := range v {
		if !unicode.IsLetter(r) && !strings.ContainsRune("_-.", r) {
			return false
		}
	}
	return true
}

// uuidValue is a UUID: the shape of public identifiers (passkey AAGUIDs,
// client and tenant ids) as well as of some keys.
var uuidValue = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

var uuidIn = regexp.MustCompile(`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`)

// inIDTable reports whether a UUID candidate is one row of a table of ids:
// at least two of the two lines before and after it hold a UUID too (an
// enum of authenticator AAGUIDs, a map of tenant ids). A key is one value
// under its name; a table of dozens of UUIDs is a lookup of public ids.
func inIDTable(rule, value string, l *lines, at int) bool {
	if rule != "generic-api-key" || !uuidValue.MatchString(value) {
		return false
	}
	n := l.line(at)
	near := 0
	for _, k := range []int{n - 2, n - 1, n + 1, n + 2} {
		if k < 1 || k > len(l.starts) {
			continue
		}
		b := l.bounds(k)
		if uuidIn.Match(l.data[b.start:b.end]) {
			near++
		}
	}
	return near >= 2
}

// expiredJWT reports a JSON Web Token whose exp claim has passed: an API
// document's example response, a copied test token. It signs no one in
// any more, and a JWT holds only a signature, never the key that made
// it, so nothing in it is left to leak. A token with no exp, or one
// that cannot be read, is kept: it may still be accepted.
func expiredJWT(rule, value string, now time.Time) bool {
	if rule != "jwt" {
		return false
	}
	parts := strings.Split(value, ".")
	if len(parts) < 2 {
		return false
	}
	payload, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	if err != nil {
		return false
	}
	var claims struct {
		Exp json.Number `json:"exp"`
	}
	if json.Unmarshal(payload, &claims) != nil {
		return false
	}
	exp, err := claims.Exp.Float64()
	return err == nil && exp > 0 && exp < float64(now.Unix())
}
