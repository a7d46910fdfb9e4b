package secret

import (
	"path"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/threatmap/threatmap/internal/detector/code"
	"github.com/threatmap/threatmap/internal/lang"
)

// notSecretLast are last words that make a secret-sounding name describe
// something about the secret instead (JWT_SECRET_NAME, API_KEY_ID, ...).
var notSecretLast = set("id", "ids", "name", "url", "uri", "host", "hostname", "port", "path", "file", "dir", "region",
	"user", "username", "expires", "expiry", "expiration", "in", "ttl", "algorithm", "alg", "algo", "length", "len",
	"enabled", "issuer", "audience", "type", "version", "endpoint", "header", "prefix", "field", "mode", "method",
	"env", "scope", "scopes", "location", "arn", "count", "required", "policy", "hash", "rotation", "format", "var",
	// Display text about the value: a form's label, hint or title.
	"label", "hint", "title", "placeholder", "caption", "tooltip", "description")

// publicWords mark values published by design (Stripe publishable keys,
// Supabase anon keys, reCAPTCHA site keys).
var publicWords = set("public", "publishable", "anon", "site", "pk")

var secretWords = set("secret", "secrets", "password", "passwd", "pwd", "pass", "passphrase", "token", "apikey",
	"credential", "credentials", "private", "privatekey", "secretkey", "accesskey")

// isSecretName reports whether an environment or config name holds a
// secret: OPENAI_API_KEY, DB_PASSWORD, jwtSecret; not JWT_SECRET_NAME,
// KEY_ID or STRIPE_PUBLISHABLE_KEY.
func isSecretName(name string) bool {
	ws := code.Words(name)
	if len(ws) == 0 || notSecretLast[ws[len(ws)-1]] {
		return false
	}
	for _, w := range ws {
		if publicWords[w] {
			return false
		}
	}
	for _, w := range ws {
		if secretWords[w] {
			return true
		}
	}
	if last := ws[len(ws)-1]; last == "key" || last == "dsn" {
		for _, w := range ws {
			if lookupKeyWords[w] {
				return false
			}
		}
		return true
	}
	return false
}

// lookupKeyWords make a *_KEY name a lookup key, not a credential
// (CACHE_KEY, SORT_KEY, IDEMPOTENCY_KEY).
var lookupKeyWords = set("cache", "sort", "partition", "primary", "foreign", "idempotency", "lookup", "cursor",
	"group", "route", "map", "dict", "column", "index", "storage", "redis", "local", "query", "hot", "shortcut")

// signingWords qualify a secret as the key that signs tokens, sessions or
// cookies.
var signingWords = set("jwt", "session", "cookie", "signing", "sign", "hmac", "token", "auth", "nextauth", "app", "flask", "django")

// isSigningName reports whether a name holds a signing or session key:
// SECRET_KEY, JWT_SECRET, sessionSecret, signingKey; not an API key such
// as STRIPE_SECRET_KEY.
func isSigningName(name string) bool {
	if !isSecretName(name) {
		return false
	}
	ws := code.Words(name)
	switch strings.Join(ws, " ") {
	case "secret key", "secretkey", "secret key base":
		return true
	}
	keyish := false
	for _, w := range ws {
		if w == "secret" || w == "key" || w == "secretkey" {
			keyish = true
		}
	}
	if !keyish {
		return false
	}
	for _, w := range ws {
		if signingWords[w] {
			return true
		}
	}
	return false
}

// chosenWords name a secret its owner may choose rather than one a service
// issues: a weak one (1234abcd) is still the secret the code trusts (a
// local object store's SECRET_ACCESS_KEY is its password).
var chosenWords = set("password", "passwd", "pwd", "pass", "passphrase", "secret", "secrets")

// chosenName reports a password's, a secret's or a signing key's name: a
// value typed in sequence under it is a weak secret; under a licence or
// API key's name it is a sample of the format.
func chosenName(name string) bool {
	if isSigningName(name) {
		return true
	}
	for _, w := range code.Words(name) {
		if chosenWords[w] {
			return true
		}
	}
	return false
}

// placeholders are values that stand for a secret rather than being one.
var placeholders = set("changeme", "change-me", "change_me", "changeit", "change-this", "changethis", "secret", "password",
	"todo", "tbd", "fixme", "none", "null", "nil", "undefined", "example", "sample", "dummy", "placeholder",
	"replaceme", "replace-me", "replace_me", "redacted", "xxx", "true", "false", "yes", "no", "on", "off", "test",
	"your-secret", "your_secret", "secret-key", "secret_key", "api-key", "api_key", "token", "mysecret", "my-secret")

// isPlaceholder reports whether a value is obviously not a real secret:
// empty, a template (${VAR}, {{ var }}, <your-key>), a well-known filler
// (changeme, xxx, your-key-here) or a single repeated character.
func isPlaceholder(v string) bool {
	v = strings.TrimSpace(v)
	lv := strings.ToLower(v)
	if lv == "" || placeholders[lv] {
		return true
	}
	switch {
	case strings.Contains(v, "${"), strings.Contains(v, "$("), strings.Contains(v, "{{"), strings.HasPrefix(v, "$"),
		strings.HasPrefix(v, "%") && strings.HasSuffix(v, "%"),
		strings.HasPrefix(v, "<") && strings.HasSuffix(v, ">"),
		strings.HasPrefix(v, "[") && strings.HasSuffix(v, "]"),
		strings.Contains(v, "..."), strings.Contains(v, "…"):
		return true
	}
	for _, w := range []string{"your-", "your_", "yourkey", "yoursecret", "changeme", "change_me", "change-me", "replace", "placeholder", "example", "insert-", "insert_", "-here", "_here", "xxxx", "dummy"} {
		if strings.Contains(lv, w) {
			return true
		}
	}
	if strings.HasPrefix(lv, "your") || credentialFreeURL(v) || readsAsInstruction(v) {
		return true
	}
	first, _ := utf8.DecodeRuneInString(v)
	return strings.Trim(v, string(first)) == ""
}

// instructionWords tell someone what to put in a value's place or
// describe the value wanted: ChangeThisToASecurePassword!,
// someRandomStringWith32Characters, replace_me_with_a_long_secret.
var instructionWords = set("change", "replace", "your", "random", "string", "secure", "strong", "long", "characters",
	"chars", "here", "generate", "generated", "insert", "enter", "put", "fill", "set", "some", "own", "this", "me")

// readsAsInstruction reports a value written as words (camel, snake or
// kebab case) that tell what to put there: three words or more, among
// them one of instructionWords, each a word (vowelled letters, or a
// short number) rather than a fragment of a random run. A random key
// split at its case changes leaves one-letter and vowelless pieces;
// changeme123abcXYZ... with a random tail is a key.
func readsAsInstruction(v string) bool {
	var ws []string
	for _, w := range code.Words(strings.TrimSpace(v)) {
		ws = append(ws, splitDigits(w)...)
	}
	letters, marked := 0, false
	for _, w := range ws {
		if w[0] >= '0' && w[0] <= '9' {
			if len(w) > 3 {
				return false
			}
			continue
		}
		if len(w) > 14 || !strings.ContainsAny(w, "aeiouy") || len(w) == 1 && w != "a" && w != "i" {
			return false
		}
		letters++
		marked = marked || instructionWords[w]
	}
	return letters >= 3 && marked
}

// splitDigits splits a word at its changes between letters and digits:
// with32 is [with 32].
func splitDigits(w string) []string {
	var out []string
	start := 0
	for i := 1; i < len(w); i++ {
		if isDigit(w[i]) != isDigit(w[i-1]) {
			out = append(out, w[start:i])
			start = i
		}
	}
	return append(out, w[start:])
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// connURL splits a URL into its authority, path and query.
var connURL = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*://([^/?#\s]*)(/[^?#\s]*)?(?:\?([^#\s]*))?$`)

// credentialFreeURL reports a connection URL that carries no credential:
// no user or password before the host, no secret-named query
// parameter, at most one short path segment (a database's name or
// number). A DSN such as null://null, smtp://localhost or
// redis://cache:6379/0 names where to connect, not how to sign in; one
// with userinfo (a Sentry DSN's key, postgres://app:pw@db) or a token
// in its path (a webhook URL) is kept.
func credentialFreeURL(v string) bool {
	m := connURL.FindStringSubmatch(v)
	if m == nil || m[1] == "" || strings.Contains(m[1], "@") {
		return false
	}
	if seg := strings.Trim(m[2], "/"); strings.Contains(seg, "/") || len(seg) > 24 {
		return false
	}
	for _, kv := range strings.Split(m[3], "&") {
		k, _, _ := strings.Cut(kv, "=")
		if k != "" && isSecretName(k) {
			return false
		}
	}
	return true
}

// isDocPath reports whether a file is prose: snippets in docs show how to
// use a key, they do not hold one.
func isDocPath(p string) bool {
	switch lang.Of(p) {
	case lang.Markdown, lang.RST, lang.AsciiDoc, lang.Text, lang.HTML, lang.Notebook:
		return true
	}
	return false
}

// isExamplePath reports whether a file is a template meant to be copied
// (.env.example, config.sample.py, settings.template.yml).
func isExamplePath(p string) bool {
	base := strings.ToLower(path.Base(p))
	for _, w := range []string{"example", "sample", "template", ".dist", "defaults", ".tmpl", ".tpl"} {
		if strings.Contains(base, w) {
			return true
		}
	}
	return false
}

func set(xs ...string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}
