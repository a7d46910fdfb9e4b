package secret

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
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
	if rule == ruleEnvFallback {
		return settingValue(variable, value)
	}
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
	if selfNamed(ws, value) {
		return true
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

// flagOrRate is a value a setting is read as, not text: a boolean word,
// a number, a rate (10/hour, 5 per minute).
var flagOrRate = regexp.MustCompile(`(?i)^(?:true|false|yes|no|on|off|none|null|\d+(?:\.\d+)?|\d+\s*(?:/|per)\s*[a-z]+)$`)

// settingValue reports an environment variable's fallback that is a
// setting's value rather than a key: a flag, a number or a rate under any
// name (ATHENA_OPTIONAL_CREDENTIALS falls back to "true"), or a name
// (displayName) under a name that says it keys a field
// (LDAP_DISPLAY_NAME_KEY: the key of an attribute in a directory's
// answer), with no secret word in it. A word under any other key's name
// (ENCRYPTION_KEY, "devkey") is still a key anyone can read.
func settingValue(variable, value string) bool {
	if flagOrRate.MatchString(strings.TrimSpace(value)) {
		return true
	}
	ws := code.Words(variable)
	if len(ws) < 2 || !identifierLike(value) {
		return false
	}
	field := false
	for _, w := range ws {
		if secretWords[w] {
			return false
		}
	}
	for _, w := range ws[:len(ws)-1] {
		field = field || notSecretLast[w]
	}
	return field
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

// uuidID: a UUID under a name that says it is an id (an XML element's
// id="...", a record's key_id): in any file, it names a thing, and the
// secret it names, if any, is elsewhere.
func uuidID(variable, value string) bool {
	ws := code.Words(variable)
	return len(ws) > 0 && ws[len(ws)-1] == "id" && uuidValue.MatchString(value)
}

var uuidIn = regexp.MustCompile(`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`)

// inTable reports whether a generic candidate is one row of a table of
// data rather than a key, which is one value under its name:
//   - a UUID when at least two of the two lines before and after it hold a
//     UUID too (an enum of authenticator AAGUIDs, a map of tenant ids);
//   - a run of words (Pacific/Tongatapu, en_GB, dark-blue) that is an
//     element of a list, among at least two more elements that are runs of
//     words: IANA zone names, locales, colour names. gitleaks' generic
//     pattern takes a list's comma for an assignment and a word inside the
//     element before (Pacific/Apia) for a key's name. A list of random
//     values (keys to rotate) is no run of words, and keeps its findings.
func inTable(rule, value string, l *lines, at int) bool {
	if rule != "generic-api-key" {
		return false
	}
	n := l.line(at)
	if uuidValue.MatchString(value) {
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
	if !wordRun(value) {
		return false
	}
	own, ok := listElements(l, n)
	if !ok {
		return false
	}
	// The candidate's own line counts its other elements; then the list
	// goes on above and below, across blank lines and comments.
	found := -1 // the candidate itself is one of its line's elements
	for _, e := range own {
		if wordRun(e) {
			found++
		}
	}
	for _, step := range []int{-1, 1} {
		for k, seen := n+step, 0; k >= 1 && k <= len(l.starts) && seen < maxListWalk && found < 2; k, seen = k+step, seen+1 {
			es, ok := listElements(l, k)
			if !ok {
				break
			}
			for _, e := range es {
				if wordRun(e) {
					found++
				}
			}
		}
	}
	return found >= 2
}

// maxListWalk bounds how many lines inTable reads on each side of a
// candidate, so a long list costs each candidate the same.
const maxListWalk = 16

// listElement is one quoted string of a list line.
var listElement = regexp.MustCompile(`^\s*(?:"([^"\\\n]*)"|'([^'\\\n]*)')\s*,?\s*`)

// listElements reads line n as a line of a list of strings: only quoted
// strings, commas and brackets ("Pacific/Fiji", or [ 'en', 'de' ]). A
// blank line or a comment is part of the list and holds no element; any
// other line (a name, a call, an assignment) is not a list line.
func listElements(l *lines, n int) ([]string, bool) {
	b := l.bounds(n)
	s := strings.TrimSpace(string(l.data[b.start:b.end]))
	if s == "" || strings.HasPrefix(s, "//") || strings.HasPrefix(s, "#") || strings.HasPrefix(s, "/*") || strings.HasPrefix(s, "*") {
		return nil, true
	}
	s = strings.TrimLeft(s, "[({")
	s = strings.TrimRight(s, "])};,")
	var out []string
	for s != "" {
		m := listElement.FindStringSubmatch(s)
		if m == nil {
			return nil, false
		}
		out = append(out, m[1]+m[2])
		s = s[len(m[0]):]
	}
	return out, len(out) > 0
}

// wordRun reports a value made of words joined by separators
// (Pacific/Tongatapu, America/Argentina/Buenos_Aires, pt-BR): each part
// letters in one case, or capitalised, or a short number. A key's random
// part mixes cases and digits within a part.
func wordRun(v string) bool {
	if v == "" || len(v) > 80 {
		return false
	}
	letters := false
	for _, part := range strings.FieldsFunc(v, func(r rune) bool { return strings.ContainsRune("/_-. :+", r) }) {
		switch {
		case naturalWord(part):
			letters = true
		case len(part) <= 2 && strings.Trim(part, "0123456789") == "":
		default:
			return false
		}
	}
	return letters
}

// naturalWord reports a part written as a word is: lower case, upper
// case, or one capital and then lower case.
func naturalWord(w string) bool {
	rest := strings.TrimLeft(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
	switch {
	case rest == "":
		return len(w) <= 5 // an abbreviation (GMT, UTC, BR); a longer upper-case run is as likely a key's
	case len(w)-len(rest) > 1:
		return false
	}
	return strings.Trim(rest, "abcdefghijklmnopqrstuvwxyz") == ""
}

// sampleValue reports a value typed to show a key's format rather than
// hold one: once its counting runs (ABCD, 1234, abcdef) and filler runs
// (XXXX, 0000) of four or more are taken out, fewer than eight letters and
// digits are left (RLYV4-ABCD-1234-ABCD-1234-XXXX in an e-mail template's
// preview props, 1234567890abcdef). A random key holds such a run rarely,
// and then only in a small part of it.
func sampleValue(v string) bool {
	left, runs, run := 0, 0, 0
	var prev byte
	flush := func() {
		if run < 4 {
			left += run
		} else {
			runs++
		}
		run = 0
	}
	for i := 0; i < len(v); i++ {
		if !isWordByte(v[i]) || v[i] == '_' {
			flush()
			continue
		}
		c := v[i] | 0x20 // lower case; a digit is unchanged
		// A counting run steps by one, a filler run by none; a mix
		// (AABC) is as much typed as either.
		if run == 0 || (c != prev && c != prev+1) {
			flush()
		}
		run++
		prev = c
	}
	flush()
	return runs > 0 && left < 8
}

// expiredJWT reports a JSON Web Token whose exp claim has passed: an API
// document's example response, a copied test token. It signs no one in
// any more, and a JWT holds only a signature, never the key that made
// it, so nothing in it is left to leak. An unsigned token (alg none,
// no signature) is no secret either: anyone can write one, and a server
// that accepts it has a flaw no leak adds to. A token with no exp, or
// one that cannot be read, is kept: it may still be accepted.
func expiredJWT(rule, value string, now time.Time) bool {
	if rule != "jwt" {
		return false
	}
	parts := strings.Split(value, ".")
	if len(parts) < 2 {
		return false
	}
	if unsignedJWT(parts) {
		return true
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

// unsignedJWT reports a token whose header names no algorithm ("none")
// and which carries no signature.
func unsignedJWT(parts []string) bool {
	if len(parts) == 3 && strings.TrimSpace(parts[2]) != "" {
		return false
	}
	header, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[0], "="))
	if err != nil {
		return false
	}
	var h struct {
		Alg string `json:"alg"`
	}
	return json.Unmarshal(header, &h) == nil && strings.EqualFold(h.Alg, "none")
}

// rpcMethod is an RPC method's full name as gRPC and Connect spell it,
// /package.Service/Method: a route, not a key, whatever words it holds
// (GetUserWebhookSigningSecret).
var rpcMethod = regexp.MustCompile(`^/(?:[A-Za-z_][A-Za-z0-9_]*\.)+[A-Za-z_][A-Za-z0-9_]*/[A-Z][A-Za-z0-9_]*$`)

// nameRule reports a rule that judges a value by its name and entropy
// alone, so that a value which is a name (a storage key, a method) can
// match it.
func nameRule(rule string) bool { return rule == "generic-api-key" || rule == ruleSigningKey }

// storageKeyUse matches a browser storage or server session lookup whose
// first argument or subscript is the name that follows:
// localStorage.getItem(NAME, sessionStorage.setItem(NAME,
// AsyncStorage.removeItem(NAME, request.session[NAME],
// session.pop(NAME, cookies.get(NAME. The %s is the quoted name.
const storageKeyUse = `(?:(?:[Ss]torage|localStorage|sessionStorage|AsyncStorage|SecureStore|store)\.(?:get|set|remove)Item(?:Async)?\(\s*%[1]s\s*[,)]` +
	`|\bsession\s*\[\s*%[1]s\s*\]` +
	`|\bsession\.(?:get|pop|setdefault)\(\s*%[1]s\s*[,)]` +
	`|\b[Cc]ookies?\.(?:get|set|remove|delete)\(\s*%[1]s\s*[,)])`

// storageKey reports a value used as the name under which the browser's
// storage or the server's session keeps something: the literal itself as
// the key (localStorage.setItem('auth_token', t)), or the variable it is
// assigned to (TOKEN_KEY = "app_access_token"; localStorage.getItem(TOKEN_KEY)).
// The token is what is stored under the name, not the name. Only a value
// that reads as a name (identifierLike) is taken for one: a random value
// used as a storage key is rare, and a key that is also a name stays a key.
func storageKey(data []byte, variable, value string, start int) bool {
	if !identifierLike(value) {
		return false
	}
	// The literal as the key, on its own line: what precedes its quote.
	lineStart := bytes.LastIndexByte(data[:start], '\n') + 1
	if start > 0 && start <= len(data) {
		q := regexp.QuoteMeta(string(data[start-1 : start]))
		lit := q + regexp.QuoteMeta(value) + q
		end := min(len(data), start+len(value)+2)
		if regexp.MustCompile(fmt.Sprintf(storageKeyUse, lit)).Match(data[lineStart:end]) {
			return true
		}
	}
	if !identifierName.MatchString(variable) {
		return false
	}
	return regexp.MustCompile(fmt.Sprintf(storageKeyUse, `(?:[\w.]*\.)?`+regexp.QuoteMeta(variable)+`\b`)).Match(data)
}

var identifierName = regexp.MustCompile(`^[A-Za-z_$][\w$]*$`)

// comparedOnly reports a constant the file only compares with another
// value: if (config('app.key') === self::DEFAULT_KEY) refuses or
// replaces a known-bad key; it names the value no one may run with, not
// the key in use. Every use but the definition (the line at start) sits
// beside ==, ===, != or !== or inside equals(...); a constant never used
// in its file proves nothing.
func comparedOnly(data []byte, variable string, start int) bool {
	if !identifierName.MatchString(variable) || start < 0 || start > len(data) {
		return false
	}
	defStart := bytes.LastIndexByte(data[:start], '\n') + 1
	defEnd := len(data)
	if i := bytes.IndexByte(data[start:], '\n'); i >= 0 {
		defEnd = start + i
	}
	uses := 0
	for _, m := range regexp.MustCompile(`\b`+regexp.QuoteMeta(variable)+`\b`).FindAllIndex(data, -1) {
		if m[0] >= defStart && m[0] < defEnd {
			continue
		}
		// The reference with its qualifier: self::K, Config.K, this.K.
		from := m[0]
		for from > 0 && (isWordByte(data[from-1]) || data[from-1] == '.' || data[from-1] == ':' || data[from-1] == '$') {
			from--
		}
		before := strings.TrimRight(string(data[max(0, from-12):from]), " \t(")
		after := strings.TrimLeft(string(data[m[1]:min(len(data), m[1]+4)]), " \t)")
		if !comparison.MatchString(before) && !strings.HasSuffix(before, "equals") &&
			!(strings.HasPrefix(after, "==") || strings.HasPrefix(after, "!=") || strings.HasPrefix(after, ".equals")) {
			return false
		}
		uses++
	}
	return uses > 0
}

// comparison is an equality operator ending the text before a value.
var comparison = regexp.MustCompile(`(?:[=!]==?)$`)

// placeholder reports a value written to show where a key goes rather
// than hold one: "<token>", "{api_key}", "your-api-key", "sk-...", "xxx",
// "replace_me". A rule that knows a key's format matches "sk-xxx..." as
// readily as a key. It applies to keys an integration gives (API keys,
// tokens in a curl line), not to a signing key or a password the app
// falls back to: the app runs with "your-secret-key" if no one sets it.
func placeholder(v string) bool {
	lv := strings.ToLower(strings.Trim(v, `"' `))
	switch {
	case lv == "":
		return false
	case strings.HasPrefix(lv, "<") && strings.HasSuffix(lv, ">"),
		strings.HasPrefix(lv, "{") && strings.HasSuffix(lv, "}"),
		strings.HasPrefix(lv, "[") && strings.HasSuffix(lv, "]"):
		return true
	case strings.Contains(lv, "...") || strings.Contains(lv, "…") || strings.Contains(lv, "xxx"):
		return true
	}
	for _, pre := range []string{"your-", "your_", "your."} {
		if strings.HasPrefix(lv, pre) {
			return true
		}
	}
	for _, w := range []string{"changeme", "change-me", "change_me", "replaceme", "replace-me", "replace_me", "placeholder", "insert-your", "insert_your"} {
		if strings.Contains(lv, w) {
			return true
		}
	}
	return readsAsInstruction(v)
}

// placeholderRule reports a rule whose value is a key someone was given,
// for which a placeholder holds nothing: every rule but the ones for a
// value the app itself falls back to (a signing key, an env default, a
// default password).
func placeholderRule(rule string) bool {
	return rule != ruleSigningKey && rule != ruleEnvFallback && rule != ruleDefaultPassword
}

// keyMaterialWords name a key that signs, encrypts or logs in: under
// such a name a value is the key whatever it spells (SECRET_KEY =
// "secret-key" is a weak key, not a label).
var keyMaterialWords = set("secret", "secrets", "password", "passwd", "pwd", "pass", "passphrase", "private",
	"privatekey", "secretkey", "signing", "sign", "jwt", "hmac", "encryption", "encrypt", "cipher", "salt", "pepper")

// selfNamed reports a value that spells what its name says it is the key
// of: AUTHENTICATION_TOKEN_KEY = 'app-authenticationToken',
// refreshTokenKey = "refresh_token". Such a constant names the slot a
// token is kept under (browser storage, a header, a cookie), wherever the
// code that reads the slot sits; a random key never spells its own
// name. The name ends in key; its other words name the thing stored, with
// none that names key material (keyMaterialWords).
func selfNamed(ws []string, value string) bool {
	if len(ws) < 2 || ws[len(ws)-1] != "key" || !identifierLike(value) {
		return false
	}
	vs := code.Words(value)
	for _, w := range ws[:len(ws)-1] {
		if keyMaterialWords[w] || !slices.Contains(vs, w) {
			return false
		}
	}
	return true
}

// pemWithoutBody reports a private-key match that holds no key: the
// header and footer lines with code, not base64, between them (a test
// asserting that a key generator's output starts with "-----BEGIN
// PRIVATE KEY-----"). gitleaks' pattern takes any 64 characters between
// a header and the next KEY-----. A key's body is lines of base64, each
// far longer than a run of base64 characters in code.
func pemWithoutBody(rule, secret string) bool {
	if rule != rulePrivateKey || !strings.Contains(secret, "-----BEGIN") {
		return false
	}
	run := 0
	for i := 0; i < len(secret); i++ {
		c := secret[i]
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=' {
			run++
			if run >= minBodyRun {
				return false
			}
			continue
		}
		run = 0
	}
	return true
}

// minBodyRun is the shortest run of base64 a key's body shows: its lines
// hold 64 characters (70 in OpenSSH keys); a wrapped body written in code
// ("MIIE...\n" + "...") keeps lines of that length.
const minBodyRun = 40

// yamlRootKey is a YAML document's root key, on a line of its own.
var yamlRootKey = regexp.MustCompile(`(?m)^([A-Za-z_][\w-]*):[ \t]*(?:#.*)?\r?$`)

// yamlKey is a nested key and the value on its line.
var yamlKey = regexp.MustCompile(`^[ \t]+([\w.-]+):[ \t]*(.*)$`)

// devEnvironments and prodEnvironments are the root keys of a
// configuration keyed by environment (Rails' secrets.yml and
// database.yml, a Node config file).
var (
	devEnvironments  = set("development", "dev", "test", "testing", "local")
	prodEnvironments = set("production", "prod")
)

// envRead is a value read from the environment when the file is loaded:
// <%= ENV["K"] %>, ${K}, ENV.fetch("K").
var envRead = regexp.MustCompile(`<%=|\$\{|\bENV\b|\benv\(`)

// devSectionValue reports a value under a development or test root key
// of a YAML file keyed by environment whose production section sets the
// same key, from the environment or as its own literal: the committed
// value runs on a developer's machine or in the tests, and production
// signs with its own. A literal under production is still a committed
// secret, reported at its own line; a key production does not set may
// be the one it runs with.
func devSectionValue(data []byte, start int) bool {
	if start < 0 || start > len(data) {
		return false
	}
	roots := yamlRootKey.FindAllSubmatchIndex(data, -1)
	section := -1
	for i, r := range roots {
		if r[0] <= start {
			section = i
		}
	}
	if section < 0 || !devEnvironments[string(data[roots[section][2]:roots[section][3]])] {
		return false
	}
	lineStart := bytes.LastIndexByte(data[:start], '\n') + 1
	lineEnd := len(data)
	if i := bytes.IndexByte(data[start:], '\n'); i >= 0 {
		lineEnd = start + i
	}
	m := yamlKey.FindStringSubmatch(string(data[lineStart:lineEnd]))
	if m == nil {
		return false
	}
	for _, sec := range productionSections(data) {
		for line := range strings.Lines(string(data[sec[0]:sec[1]])) {
			if pm := yamlKey.FindStringSubmatch(strings.TrimRight(line, "\r\n")); pm != nil && pm[1] == m[1] && strings.TrimSpace(pm[2]) != "" {
				return true
			}
		}
	}
	return false
}
