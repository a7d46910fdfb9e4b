package signal

import (
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/lang"
)

// A token the server hands out as a cookie and keeps to compare later
// is a session: anyone who can make the same value is that user. It is
// forgeable when it is only an encoding of data the client knows (the
// base64 of an e-mail), and guessable when it is drawn from math/rand,
// whose seed (often the time) gives every value away. The server keeps
// it when the value also goes to one of the app's own calls (a store);
// a cookie the server never keeps (a flash message, a theme) is no
// session.

var goSessionPatterns = []Pattern{
	{Weakness: "weak-session-token", Detail: "a session token made from data the client knows or from math/rand, not a secure random source",
		Langs:      []lang.Lang{lang.Go},
		Keywords:   []string{"http.Cookie"},
		Re:         regexp.MustCompile(`\bhttp\.Cookie\{[^}]*?\bValue:\s*([A-Za-z_]\w*)\s*[,}\n]`),
		RequestVar: goWeakToken},
}

var (
	// goEncoded is a value that is only an encoding of its input.
	goEncoded = regexp.MustCompile(`^(?:base64\.\w+\.EncodeToString|hex\.EncodeToString|base32\.\w+\.EncodeToString)\(`)
	// goCryptoRand is the file drawing bytes from the system's secure
	// source, or signing what it encodes.
	goCryptoRand = regexp.MustCompile(`"crypto/rand"|"crypto/hmac"|securecookie`)
	goMathRand   = regexp.MustCompile(`"math/rand(?:/v2)?"`)
	goCallName   = regexp.MustCompile(`^([A-Za-z_]\w*)\(`)
)

// goWeakToken reports whether the cookie value name, assigned before at,
// is an encoding of data or a math/rand draw, and is also handed to a
// call of the app's own (kept).
func goWeakToken(text string, at int, name string) bool {
	n := regexp.QuoteMeta(name)
	var value string
	from := at
	for _, m := range regexp.MustCompile(`(?m)\b`+n+`\s*:?=\s*([^\n]+)`).FindAllStringSubmatchIndex(text[:at], -1) {
		value, from = strings.TrimSpace(text[m[2]:m[3]]), m[1]
	}
	if value == "" || !goKept(text, from, name) {
		return false
	}
	if goEncoded.MatchString(value) {
		return !goCryptoRand.MatchString(text)
	}
	if m := goCallName.FindStringSubmatch(value); m != nil && goMathRand.MatchString(text) && !goCryptoRand.MatchString(text) {
		body := goFuncBody(text, m[1])
		return strings.Contains(body, "rand.")
	}
	return false
}

// goKept says name is an argument of a call of the app's own (not a
// package's: fmt.Println, log.Printf, http.SetCookie; nor a builtin) in
// the rest of the function after at.
func goKept(text string, at int, name string) bool {
	rest := text[at:]
	if end := strings.Index(rest, "\nfunc "); end >= 0 {
		rest = rest[:end]
	}
	call := regexp.MustCompile(`(?m)(?:^|[^.\w])([A-Za-z_]\w*)\([^()\n]*\b` + regexp.QuoteMeta(name) + `\b`)
	for _, m := range call.FindAllStringSubmatch(rest, -1) {
		if !goBuiltins[m[1]] {
			return true
		}
	}
	return false
}

var goBuiltins = map[string]bool{"append": true, "len": true, "string": true, "copy": true, "delete": true,
	"print": true, "println": true, "panic": true, "cap": true, "byte": true, "rune": true}

// goFuncBody is the text of the file's function named fn, to the next
// top-level func.
func goFuncBody(text, fn string) string {
	i := strings.Index(text, "func "+fn+"(")
	if i < 0 {
		return ""
	}
	body := text[i:]
	if end := strings.Index(body[1:], "\nfunc "); end >= 0 {
		body = body[:end+1]
	}
	return body
}
