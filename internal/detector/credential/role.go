package credential

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/threatmap/threatmap/internal/lang"
)

// Role is what the code does with a value it reads, where it reads it:
// passes it as a key, password or token (a secret whatever its name), or
// as a number, flag, path, address or cookie setting (a setting whatever
// its name). Most reads show neither: the name decides then.
type Role uint8

// Roles a read can show.
const (
	RoleUnknown Role = iota
	RoleSecret
	RoleSetting
)

// Secret reports whether the read value is a secret: by the role its
// read shows, else by its name.
func (r Read) Secret() bool {
	switch r.Role {
	case RoleSecret:
		return true
	case RoleSetting:
		return false
	}
	return IsSecret(keyName(r.Name))
}

var (
	// A conversion to a number, flag or duration: the value is a knob.
	convertRE = regexp.MustCompile(`\b(?:int|float|bool|parseInt|parseFloat|Number|Boolean|Atoi|ParseBool|ParseInt|ParseUint|ParseFloat|ParseDuration|timedelta|Duration|strtobool)\(\s*$`)
	// The key is an argument of a signing or MAC call after the payload
	// or algorithm: jwt.encode(payload, KEY), createHmac("sha256", KEY).
	signRE = regexp.MustCompile(`\b(?:jwt|jose|jws|jsonwebtoken)\.(?:encode|decode|sign|verify)\([^()]*,\s*$|\b(?:createHmac|hmac\.new|hmac\.New|HMAC)\([^()]*?,?\s*(?:\[\]byte\()?$`)
	// The value of an Authorization header, or the text after Bearer.
	authRE = regexp.MustCompile("(?:Authorization['\"]?\\s*[:=,]\\s*(?:f?[\"'`][^\"'`]*)?|[Bb]earer\\s*[\"'`]?\\s*\\+?\\s*)$")
	// The password place of a connection URL: scheme://user:{value}@host.
	dsnPasswordRE = regexp.MustCompile(`://[^\s/'"@:]*:["']?\s*\+?\s*$`)
	// name = or name: just before the read, in a call, an object or an
	// attribute assignment.
	optionRE = regexp.MustCompile(`([A-Za-z_][\w]*)['"]?\s*(?::|=)\s*$`)
)

// secretOptions are option names (lower case, no '_') that take a
// credential: a client's api_key, a password argument, a signing key.
var secretOptions = map[string]bool{
	"apikey": true, "apisecret": true, "secret": true, "secretkey": true, "clientsecret": true, "password": true,
	"passwd": true, "token": true, "authtoken": true, "accesstoken": true, "apitoken": true, "bearertoken": true,
	"privatekey": true, "signingkey": true, "secretorprivatekey": true, "authorization": true, "key": false,
	"accesskeysecret": true, "secretaccesskey": true, "awssecretaccesskey": true, "webhooksecret": true,
}

// settingSuffixes end option names (lower case, no '_') that take a
// setting: where something is, how long it lives, how a cookie is sent.
var settingSuffixes = []string{"file", "path", "dir", "url", "uri", "endpoint", "host", "port", "timeout", "samesite",
	"maxage", "expires", "expiresin", "lifetime", "ttl", "region", "name", "id", "secure", "httponly", "domain", "level", "mode"}

// maxAliasUses bounds how many uses of a variable a read's role is
// looked for in: a role shows in the first few, and a name used all over
// a file must not cost a pass per use.
const maxAliasUses = 16

// compareRE: the value is compared with a literal (os.Getenv("X") ==
// "yes", process.env.X === 'true', a .lower() on the way): it is a
// switch, whatever its name (UNSAFE_DISABLE_PASSWORD_PROJECTION).
var (
	compareAfterRE  = regexp.MustCompile("^(?:\\.\\w+\\(\\))*\\s*(?:===?|!==?)\\s*[\"'`]")
	compareBeforeRE = regexp.MustCompile("[\"'`]\\s*(?:===?|!==?)\\s*$")
)

// comparedAt reports whether the read that spans [off, end) is compared
// with a string literal: after it, once the call it opened is closed, or
// before it.
func comparedAt(src []byte, off, end int) bool {
	if off < 0 || end <= off || end > len(src) {
		return false
	}
	lineStart := off
	for lineStart > 0 && src[lineStart-1] != '\n' && off-lineStart < 200 {
		lineStart--
	}
	if compareBeforeRE.Match(src[lineStart:off]) {
		return true
	}
	depth := 0
	for _, c := range src[off:end] {
		switch c {
		case '(':
			depth++
		case ')':
			depth--
		}
	}
	i := end
	for ; i < len(src) && depth > 0 && src[i] != '\n'; i++ {
		switch src[i] {
		case '"', '\'', '`':
			i = lang.SkipString(src, i) - 1
		case '(':
			depth++
		case ')':
			depth--
		}
	}
	if depth > 0 {
		return false
	}
	rest := src[i:]
	if j := bytes.IndexByte(rest, '\n'); j >= 0 {
		rest = rest[:j]
	}
	return compareAfterRE.Match(rest)
}

// readRole is the role of the value read at off: where it is read, else
// where the variable it is assigned to (ssl_keyfile = os.environ.get(...))
// is next passed on in the same file (ssl_keyfile=ssl_keyfile).
func readRole(src []byte, off, end int) Role {
	if comparedAt(src, off, end) {
		return RoleSetting
	}
	role, bound := roleAt(src, off)
	if role != RoleUnknown || bound == "" {
		return role
	}
	text := string(src)
	uses := 0
	for at := off; uses < maxAliasUses; {
		i := strings.Index(text[at:], bound)
		if i < 0 {
			break
		}
		i += at
		at = i + len(bound)
		if i > 0 && isIdent(text[i-1]) || at < len(text) && isIdent(text[at]) {
			continue
		}
		uses++
		if r, _ := roleAt(src, i); r != RoleUnknown {
			return r
		}
	}
	return RoleUnknown
}

func isIdent(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// roleAt is the role the code gives the value at off, read from the text
// before it on its line, and the variable a plain assignment binds it
// to when that text shows no role.
func roleAt(src []byte, off int) (Role, string) {
	if off <= 0 || off > len(src) {
		return RoleUnknown, ""
	}
	start := off
	for start > 0 && src[start-1] != '\n' && off-start < 200 {
		start--
	}
	before := string(src[start:off])
	// Python f-strings and JS templates put the read inside the text of
	// a header: "Bearer {os.environ['X']}", `Bearer ${process.env.X}`.
	before = strings.TrimRight(before, "{$ \t")
	switch {
	case convertRE.MatchString(before):
		return RoleSetting, ""
	case authRE.MatchString(before), signRE.MatchString(before), dsnPasswordRE.MatchString(before):
		return RoleSecret, ""
	}
	m := optionRE.FindStringSubmatchIndex(before)
	if m == nil {
		return RoleUnknown, ""
	}
	// A bare assignment at the start of a line names a variable, not an
	// option: SECRET_KEY = os.environ[...] says nothing of the role.
	declares := true
	for _, w := range strings.Fields(before[:m[2]]) {
		switch w {
		case "const", "let", "var", "export", "final", "static", "public", "private":
		default:
			declares = false
		}
	}
	if declares {
		return RoleUnknown, before[m[2]:m[3]]
	}
	opt := strings.ToLower(strings.ReplaceAll(before[m[2]:m[3]], "_", ""))
	if secretOptions[opt] {
		return RoleSecret, ""
	}
	for _, s := range settingSuffixes {
		if strings.HasSuffix(opt, s) {
			return RoleSetting, ""
		}
	}
	return RoleUnknown, ""
}
