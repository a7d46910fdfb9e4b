package secret

import (
	"bytes"
	"encoding/json"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/threatmap/threatmap/internal/lang"
)

// Rules beyond gitleaks' patterns: values that are secrets because of
// where they sit, not what they look like.
const (
	ruleDotenv          = "dotenv"
	ruleSigningKey      = "hardcoded-signing-key" // threatmap:allow (a rule id, not a key)
	ruleEnvFallback     = "secret-env-fallback"
	ruleDefaultPassword = "default-password"
	rulePrivateKey      = "private-key" // gitleaks' id, shared by the JWK check
)

var descriptions = map[string]string{
	ruleDotenv:          "Secret value in a committed .env file.",
	ruleSigningKey:      "Signing or session key written in the code: anyone who reads the code can forge tokens, sessions or cookies.",
	ruleEnvFallback:     "Secret environment variable falls back to a literal: when the variable is unset, the app runs with a key anyone can read.",
	ruleDefaultPassword: "Default password committed in a compose file or seed data.",
	rulePrivateKey:      "Private key in a JSON Web Key (private members d, p or q).",
}

// literals finds the location-based secrets of one file. Docs, tests and
// templates are skipped: what they hold shows how, it is not used. words
// are the code words of a code file if already found, or nil.
func literals(p string, t *text, words *codeHits) []candidate {
	data := t.data
	if isDocPath(p) || lang.IsTest(p) {
		return nil
	}
	if isDotenvPath(p) {
		return dotenvSecrets(data)
	}
	if isExamplePath(p) {
		return nil
	}
	var out []candidate
	switch {
	case isComposePath(p):
		out = append(out, composePasswords(data)...)
	case isCodePath(p):
		// Read in place: a candidate's name is copied (newCandidate), its
		// value only read until it is redacted.
		src, lower := stringOf(t.data), stringOf(t.lower)
		if words == nil {
			words = findCodeWords(src, lower)
		}
		out = append(out, signingCalls(src, words)...)
		out = append(out, signingAssignments(src, lower, words)...)
		out = append(out, envFallbacks(src, lower, words)...)
		if isSeedPath(p) {
			out = append(out, seedPasswords(src)...)
		} else if isMigrationPath(p) {
			out = append(out, migrationPasswords(src)...)
		}
	case isJSONPath(p):
		out = append(out, jwkPrivateKeys(data)...)
	case lang.Of(p) == lang.YAML:
		out = append(out, productionKeys(data)...)
	case isMasterKeyPath(p):
		out = append(out, masterKey(data)...)
	case lang.Of(p) == lang.SQL:
		out = append(out, sqlAccountPasswords(stringOf(t.data))...)
	}
	return out
}

// --- accounts an SQL script inserts

var (
	// sqlCreateTable is a table's definition: its name and column list.
	sqlCreateTable = regexp.MustCompile("(?is)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?[`\"\\[]?(\\w+)[`\"\\]]?\\s*\\(")
	// sqlInsert is a row insert: the table, its column list if written,
	// and where its VALUES tuples start.
	sqlInsert = regexp.MustCompile("(?is)\\binsert\\s+into\\s+[`\"\\[]?(\\w+)[`\"\\]]?\\s*(?:\\(([^()]*)\\))?\\s*values\\s*")
	// sqlAccountTable is a table of accounts.
	sqlAccountTable = regexp.MustCompile(`(?i)^(?:\w+_)?(?:users?|accounts?|admins?|members?|logins?)$`)
	// sqlPasswordColumn is a column holding a password as written.
	sqlPasswordColumn = regexp.MustCompile(`(?i)^["'\x60\[]?(?:password|passwd|pass|pwd)["'\x60\]]?$`)
	// sqlHashed is a value already hashed (bcrypt, argon2, a hex digest).
	sqlHashed = regexp.MustCompile(`^\$(?:2[abxy]?|argon2\w*|pbkdf2[\w-]*|scrypt)\$|^[0-9a-fA-F]{32,}$|^\w+\$\d+\$`)
)

// sqlAccountPasswords are the passwords an SQL script (a database's init
// or dump, run when the database is first created) gives the accounts it
// inserts into a users table, as written: those accounts sign in with
// them on every database made from the script. The password column is
// found by name in the insert's column list, or by position in the
// table's own definition; a hashed value is none.
func sqlAccountPasswords(src string) []candidate {
	if !containsFold(src, "insert") || !containsFold(src, "pass") && !containsFold(src, "pwd") {
		return nil
	}
	defs := map[string][]string{}
	for _, m := range sqlCreateTable.FindAllStringSubmatchIndex(src, -1) {
		body, ok := parenBody(src, m[1]-1)
		if !ok {
			continue
		}
		var cols []string
		for _, c := range lang.SplitTopLevel(body) {
			f := strings.Fields(c)
			if len(f) == 0 {
				continue
			}
			switch strings.ToLower(f[0]) {
			case "primary", "unique", "key", "index", "constraint", "foreign", "check", "fulltext":
				continue
			}
			cols = append(cols, f[0])
		}
		defs[strings.ToLower(src[m[2]:m[3]])] = cols
	}
	var out []candidate
	for _, m := range sqlInsert.FindAllStringSubmatchIndex(src, -1) {
		table := src[m[2]:m[3]]
		if !sqlAccountTable.MatchString(table) {
			continue
		}
		cols := defs[strings.ToLower(table)]
		if m[4] >= 0 {
			cols = strings.Split(src[m[4]:m[5]], ",")
		}
		at := -1
		for i, c := range cols {
			if sqlPasswordColumn.MatchString(strings.TrimSpace(c)) {
				at = i
				break
			}
		}
		if at < 0 {
			continue
		}
		rest := src[m[1]:]
		for off := 0; off < len(rest) && rest[off] == '('; {
			body, ok := parenBody(rest, off)
			if !ok {
				break
			}
			vals := lang.SplitTopLevel(body)
			if at < len(vals) {
				if v, ok := stringLiteral(strings.TrimSpace(vals[at])); ok && v != "" && !sqlHashed.MatchString(v) {
					start := m[1] + off + 1 + strings.Index(body, vals[at])
					out = append(out, newCandidate(ruleDefaultPassword, "password", v, start+strings.Index(vals[at], v)))
				}
			}
			off += len(body) + 2
			for off < len(rest) && (rest[off] == ',' || rest[off] == ' ' || rest[off] == '\n' || rest[off] == '\r' || rest[off] == '\t') {
				off++
			}
		}
	}
	return out
}

// parenBody is the text inside the parenthesis at s[open] and the one
// that closes it (lang.ClosingBracket: quotes respected).
func parenBody(s string, open int) (string, bool) {
	end := lang.ClosingBracket(s, open)
	if end < 0 {
		return "", false
	}
	return s[open+1 : end], true
}

// --- keys of a configuration keyed by environment

// productionKeys are the signing keys the production section of a YAML
// file keyed by environment writes as literals (Rails' secrets.yml:
// production: secret_key_base: abc): the key production signs sessions
// with, however short or plain ("secret_hehe" is a weak key, and
// committed).
func productionKeys(data []byte) []candidate {
	var out []candidate
	for _, sec := range productionSections(data) {
		off := sec[0]
		for line := range strings.Lines(string(data[sec[0]:sec[1]])) {
			at := off
			off += len(line)
			m := yamlKey.FindStringSubmatchIndex(strings.TrimRight(line, "\r\n"))
			if m == nil {
				continue
			}
			name, v := line[m[2]:m[3]], line[m[4]:m[5]]
			if j := strings.Index(v, " #"); j >= 0 {
				v = v[:j]
			}
			v = strings.TrimSpace(v)
			start := at + m[4] + strings.Index(line[m[4]:], v)
			if uq, ok := stringLiteral(v); ok {
				start += strings.Index(v, uq)
				v = uq
			}
			if !isSigningName(name) || v == "" || isTemplate(v) || envRead.MatchString(v) || looksLikeEnvName(v) || strings.ContainsAny(v[:1], "&*!|>[{") {
				continue
			}
			out = append(out, newCandidate(ruleSigningKey, name, v, start))
		}
	}
	return out
}

// productionSections are the spans of a YAML file keyed by environment
// that its production environments' root keys hold: from the end of the
// key to the next root key.
func productionSections(data []byte) [][2]int {
	roots := yamlRootKey.FindAllSubmatchIndex(data, -1)
	var out [][2]int
	for i, r := range roots {
		if !prodEnvironments[string(data[r[2]:r[3]])] {
			continue
		}
		end := len(data)
		if i+1 < len(roots) {
			end = roots[i+1][0]
		}
		out = append(out, [2]int{r[1], end})
	}
	return out
}

// --- Rails' master key

// masterKeyHex is a Rails master key: 32 hex digits, the whole file.
var masterKeyHex = regexp.MustCompile(`^[0-9a-f]{32}$`)

// isMasterKeyPath is where Rails keeps the key that decrypts its
// credentials: config/master.key, config/credentials/<env>.key.
func isMasterKeyPath(p string) bool {
	return path.Base(p) == "master.key" || path.Ext(p) == ".key" && path.Base(path.Dir(p)) == "credentials"
}

// masterKey is the key a committed master key file holds: with it, the
// encrypted credentials beside it (secret_key_base among them) are
// anyone's.
func masterKey(data []byte) []candidate {
	v := strings.TrimSpace(string(data))
	if !masterKeyHex.MatchString(v) {
		return nil
	}
	return []candidate{newCandidate(ruleSigningKey, "RAILS_MASTER_KEY", v, bytes.Index(data, []byte(v)))}
}

func newCandidate(rule, variable, secret string, start int) candidate {
	return candidate{
		rule:        rule,
		description: descriptions[rule],
		variable:    strings.Clone(variable),
		secret:      secret,
		start:       start,
		end:         start + len(secret),
		priority:    priorityLiteral,
	}
}

// --- .env files

// isDotenvPath matches .env, .env.local, .env.production, prod.env; not
// the templates (.env.example, .env.sample, .env.template).
func isDotenvPath(p string) bool {
	base := strings.ToLower(path.Base(p))
	if base != ".env" && !strings.HasPrefix(base, ".env.") && !strings.HasSuffix(base, ".env") {
		return false
	}
	return !isExamplePath(p)
}

var dotenvLine = regexp.MustCompile(`^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=[ \t]*(.*)$`)

// urlPassword finds the password of a URL with credentials
// (postgres://app:s3cret@db/app).
var urlPassword = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\s]*:([^@/\s]+)@`)

func dotenvSecrets(data []byte) []candidate {
	var out []candidate
	off := 0
	for raw := range bytes.Lines(data) {
		lineStart := off
		off += len(raw)
		line := strings.TrimRight(string(raw), "\r\n")
		m := dotenvLine.FindStringSubmatchIndex(line)
		if m == nil {
			continue
		}
		name := line[m[2]:m[3]]
		value, vStart := dotenvValue(line, m[4])
		if value == "" {
			continue
		}
		if isSecretName(name) {
			if !isPlaceholder(value) {
				out = append(out, newCandidate(ruleDotenv, name, value, lineStart+vStart))
			}
			continue
		}
		if pm := urlPassword.FindStringSubmatchIndex(value); pm != nil {
			pw := value[pm[2]:pm[3]]
			if !isPlaceholder(pw) {
				out = append(out, newCandidate(ruleDotenv, name, pw, lineStart+vStart+pm[2]))
			}
		}
	}
	return out
}

// devEnvLine is an env file's own environment set to a development one:
// APP_ENV=local (Laravel), NODE_ENV=development, RAILS_ENV=development.
var devEnvLine = regexp.MustCompile(`(?m)^[ \t]*(?:export[ \t]+)?(?:APP_ENV|NODE_ENV|RAILS_ENV|RACK_ENV|FLASK_ENV|ENVIRONMENT|ENV|APP_ENVIRONMENT)[ \t]*=[ \t]*["']?(?:local|development|dev)["']?[ \t]*(?:#.*)?\r?$`)

// devDotenv says an env file declares a development environment.
func devDotenv(data []byte) bool {
	return devEnvLine.Match(data)
}

// dotenvValue reads the value that starts at i: quoted up to its closing
// quote, or bare up to an inline " #" comment. It returns the value and
// its offset in the line.
func dotenvValue(line string, i int) (string, int) {
	rest := line[i:]
	if rest == "" {
		return "", i
	}
	if q := rest[0]; q == '"' || q == '\'' || q == '`' {
		if j := strings.IndexByte(rest[1:], q); j >= 0 {
			return rest[1 : 1+j], i + 1
		}
		v := rest[1:]
		lead := len(v) - len(strings.TrimLeftFunc(v, unicode.IsSpace))
		return strings.TrimSpace(v), i + 1 + lead
	}
	if j := strings.Index(rest, " #"); j >= 0 {
		rest = rest[:j]
	}
	if j := strings.Index(rest, "\t#"); j >= 0 {
		rest = rest[:j]
	}
	return strings.TrimSpace(rest), i
}

// --- signing keys in code

// isCodePath reports source code that may hold a key that runs.
func isCodePath(p string) bool { return lang.Of(p).IsProgram() }

// keyArg is the position of the key among the arguments of the calls
// keyCallAt finds; a call not here is session middleware, where the key
// is a `secret`/`keys` option inside the first argument or a secret_key=
// keyword.
var keyArg = map[string]int{
	"jwt.sign": 1, "jwt.verify": 1, "jwt.encode": 1, "jwt.decode": 1,
	"SignedString": 0, "cookieParser": 0, "createHmac": 1, "hmac.new": 0, "hmac.New": 1,
	"SymmetricSecurityKey": 0, "hmacShaKeyFor": 0,
}

var sessionOption = regexp.MustCompile(`\b(secret|keys|secret_key)\s*[:=]\s*\[?\s*`)

func signingCalls(src string, words *codeHits) []candidate {
	var out []candidate
	for _, m := range leftmostMatches(words.keyCalls, func(p int) []int { return keyCallAt(src, p) }) {
		fn := src[m[2]:m[3]]
		open := m[1] - 1
		args, _ := callArgs(src, open)
		if i, ok := keyArg[fn]; ok {
			if i < len(args) {
				if v, ok := stringLiteral(args[i]); ok && v != "" && !isTemplate(v) {
					out = append(out, newCandidate(ruleSigningKey, "", v, valueOffset(src, open, args[i], v)))
				}
			}
			continue
		}
		// Session middleware: the key is an option.
		opts := ""
		if len(args) > 0 && strings.HasPrefix(args[0], "{") {
			opts = args[0]
		} else if kw, ok := keywordArg(args, "secret_key"); ok {
			opts = "secret_key=" + kw
		}
		if opts == "" {
			continue
		}
		for _, om := range sessionOption.FindAllStringSubmatchIndex(opts, -1) {
			lit := leadingLiteral(opts[om[1]:])
			if v, ok := stringLiteral(lit); ok && v != "" && !isTemplate(v) {
				out = append(out, newCandidate(ruleSigningKey, opts[om[2]:om[3]], v, valueOffset(src, open, lit, v)))
			}
		}
	}
	return out
}

// signingNameWindows are the lines an assignment to a signing key can
// sit on: a name that isSigningName accepts holds "secret" or "key", so
// assignments, which match before nearly every assignment, run only on
// the lines around those words. hits are their positions, sorted.
func signingNameWindows(lower string, hits []int) []span {
	var out []span
	for _, at := range hits {
		if k := len(out) - 1; k >= 0 && at < out[k].end {
			continue
		}
		// One line each side: a bracketed name (obj[\n'KEY']) may wrap.
		start := strings.LastIndexByte(lower[:at], '\n') + 1
		if start > 0 {
			start = strings.LastIndexByte(lower[:start-1], '\n') + 1
		}
		end := len(lower)
		if e := strings.IndexByte(lower[at:], '\n'); e >= 0 {
			end = at + e
			if e2 := strings.IndexByte(lower[end+1:], '\n'); e2 >= 0 {
				end = end + 1 + e2
			} else {
				end = len(lower)
			}
		}
		if k := len(out) - 1; k >= 0 && start <= out[k].end {
			out[k].end = max(out[k].end, end)
			continue
		}
		out = append(out, span{start, end})
	}
	return out
}

func signingAssignments(src, lower string, words *codeHits) []candidate {
	var out []candidate
	for _, w := range signingNameWindows(lower, words.signingNames) {
		out = append(out, signingAssignmentsIn(src, w)...)
	}
	return out
}

// signingAssignmentsIn reads the assignments of one window; a window
// starts at a line start, where the pattern's (?m)^ holds as in the file.
// The literal itself is read by leadingLiteral.
func signingAssignmentsIn(src string, w span) []candidate {
	var out []candidate
	for _, m := range assignments(src[w.start:w.end]) {
		for i := range m {
			if m[i] >= 0 {
				m[i] += w.start
			}
		}
		name := src[m[2]:m[3]]
		if m[4] >= 0 {
			name = src[m[4]:m[5]]
		} else if i := strings.LastIndexByte(name, '.'); i >= 0 {
			name = name[i+1:]
		}
		if !isSigningName(name) {
			continue
		}
		lit := leadingLiteral(src[m[1]:])
		v, ok := stringLiteral(lit)
		if !ok || v == "" || isTemplate(v) || looksLikeEnvName(v) || prose(v) {
			continue
		}
		// 'base64:'.base64_encode(random_bytes(32)): the literal is a
		// prefix, the key is what the code computes after it.
		if computedTail(src[m[1]+len(lit):], phpSource(src)) {
			continue
		}
		out = append(out, newCandidate(ruleSigningKey, name, v, m[1]+strings.Index(lit, v)))
	}
	return out
}

// prose reports a sentence ("Signing or session key written in the code
// ..."), or a label a page shows ("Secret Key", "Chave Secreta" in a
// translation file): text about the key, not the key. Two to four
// words typed in lower case ("super secret key") are a key someone
// chose, and the app signs with it; a sentence runs longer or ends as
// one, and a label starts with a capital and holds only letters.
func prose(v string) bool {
	ws := strings.Fields(v)
	if len(ws) < 2 {
		return false
	}
	if len(ws) >= 5 || strings.ContainsAny(v[len(v)-1:], ".:!?") {
		return true
	}
	first, _ := utf8.DecodeRuneInString(v)
	if !unicode.IsUpper(first) {
		return false
	}
	for _, r := range v {
		if !unicode.IsLetter(r) && r != ' ' {
			return false
		}
	}
	return true
}

// computedTail reports a literal followed by a concatenation with a
// value the code computes (a call, a variable): "base64:" + encode(k),
// 'v1:'.$key. Only the head of the value is written; the key itself is
// made at run time. A literal concatenated with another literal
// ("abc" + "def") is still written whole and is no tail. PHP
// concatenates with '.'; elsewhere a '.' after a literal calls one of
// its methods ("k".encode()), and the literal is still the key.
func computedTail(rest string, php bool) bool {
	rest = strings.TrimLeft(rest, " \t")
	switch {
	case strings.HasPrefix(rest, "+") && !strings.HasPrefix(rest, "+="):
		rest = rest[1:]
	case php && strings.HasPrefix(rest, ".") && !strings.HasPrefix(rest, ".="):
		rest = rest[1:]
	default:
		return false
	}
	rest = strings.TrimLeft(rest, " \t")
	if rest == "" || rest[0] == '\n' || rest[0] == '\r' {
		return false
	}
	return strings.IndexByte(`'"`+"`", rest[0]) < 0
}

// phpSource reports a PHP file by its opening tag.
func phpSource(src string) bool {
	return strings.HasPrefix(strings.TrimLeft(src[:min(len(src), 64)], "\ufeff \t\r\n"), "<?php")
}

// --- literal fallbacks for secret environment variables

var goGetenv = regexp.MustCompile(`\b(\w+)\s*:?=\s*os\.Getenv\(\s*"(\w+)"\s*\)`)

// envCallParens finds the '(' of calls that read a variable: the call's
// name, case aside, ends in getenv, get_env, environ.get,
// environ.setdefault, envor, env.str, env or config, or holds getenvor
// (getenvOrDefault), with only blanks before the '('. It is what the
// pattern (?i)\b[\w.]*?(getenv|...|env|config)\s*\( finds, found from
// the few places "env" and "config" occur (envs, configs: their
// positions in lower) instead of from every byte.
func envCallParens(lower string, envs, configs []int) []int {
	var out []int
	paren := func(i int) {
		for i < len(lower) && isBlank(lower[i]) {
			i++
		}
		if i < len(lower) && lower[i] == '(' {
			out = append(out, i)
		}
	}
	for _, at := range envs {
		rest := lower[at+3:]
		paren(at + 3) // getenv, get_env, os.getenv, env
		for _, tail := range []string{"or", ".str", "iron.get", "iron.setdefault"} {
			if strings.HasPrefix(rest, tail) {
				paren(at + 3 + len(tail))
			}
		}
		if at >= 3 && lower[at-3:at] == "get" && strings.HasPrefix(rest, "or") {
			k := at + 5
			for k < len(lower) && isWordByte(lower[k]) {
				k++
			}
			paren(k)
		}
	}
	for _, at := range configs {
		paren(at + len("config"))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// isBlank is \s of Go's regexp: ASCII space, tab, newline, form feed, CR.
func isBlank(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r'
}

func isWordByte(b byte) bool {
	return b == '_' || '0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'
}

// goGetenvLines are the lines that read os.Getenv (gets: where
// "os.Getenv(" is), with a line either side (an assignment may wrap after
// := or inside the call): goGetenv runs only there.
func goGetenvLines(src string, gets []int) []span {
	var out []span
	for _, at := range gets {
		start := strings.LastIndexByte(src[:at], '\n') + 1
		if start > 0 {
			start = strings.LastIndexByte(src[:start-1], '\n') + 1
		}
		end := len(src)
		if e := strings.IndexByte(src[at:], '\n'); e >= 0 {
			end = at + e
			// and the line after: the argument may wrap too
			if e2 := strings.IndexByte(src[end+1:], '\n'); e2 >= 0 {
				end = end + 1 + e2
			} else {
				end = len(src)
			}
		}
		if k := len(out) - 1; k >= 0 && start <= out[k].end {
			out[k].end = max(out[k].end, end)
			continue
		}
		out = append(out, span{start, end})
	}
	return out
}

func envFallbacks(src, lower string, words *codeHits) []candidate {
	if !words.envWord && !words.configCall {
		return nil
	}
	var out []candidate
	add := func(name, lit string, at int) {
		v, ok := stringLiteral(lit)
		if !ok || v == "" || isTemplate(v) || !isSecretName(name) {
			return
		}
		out = append(out, newCandidate(ruleEnvFallback, name, v, at+strings.Index(lit, v)))
	}
	for _, m := range leftmostMatches(words.jsEnvs, func(p int) []int { return jsEnvFallbackAt(src, p) }) {
		name := ""
		if m[2] >= 0 {
			name = src[m[2]:m[3]]
		} else {
			name = src[m[4]:m[5]]
		}
		add(name, leadingLiteral(src[m[1]:]), m[1])
	}
	for _, open := range envCallParens(lower, words.envs, words.configs) {
		args, closing := callArgs(src, open)
		if len(args) == 0 {
			continue
		}
		name, ok := stringLiteral(args[0])
		if !ok {
			continue
		}
		if len(args) > 1 {
			lit := args[1]
			if kw, ok := keywordArg(args[1:], "default"); ok {
				lit = kw
			}
			add(name, lit, open+strings.Index(src[open:], lit))
			continue
		}
		if closing >= 0 {
			if e := orFallbackEnd(src[closing+1:]); e >= 0 {
				at := closing + 1 + e
				add(name, leadingLiteral(src[at:]), at)
			}
		}
	}
	// Go: x := os.Getenv("JWT_SECRET") followed by if x == "" { x = "dev" }.
	var gets [][]int
	for _, w := range goGetenvLines(src, words.goGetenvs) {
		for _, m := range goGetenv.FindAllStringSubmatchIndex(src[w.start:w.end], -1) {
			for i := range m {
				m[i] += w.start
			}
			gets = append(gets, m)
		}
	}
	for _, m := range gets {
		v, name := src[m[2]:m[3]], src[m[4]:m[5]]
		// The first v = with a literal after it, in the next 400 bytes.
		after := src[m[1]:min(len(src), m[1]+400)]
		if end := goAssignedAt(src, m[1], after, v); end >= 0 {
			at := m[1] + end
			add(name, leadingLiteral(src[at:]), at)
		}
	}
	return out
}

// --- default passwords in compose files and seed data

func isComposePath(p string) bool {
	base := strings.ToLower(path.Base(p))
	return lang.Of(base) == lang.YAML && (strings.HasPrefix(base, "docker-compose") || strings.HasPrefix(base, "compose"))
}

var composePassword = regexp.MustCompile(`(?m)^[ \t]*-?[ \t]*["']?([A-Za-z0-9_]*(?:PASSWORD|PASSWD|_PASS|_PWD|SECRET)[A-Za-z0-9_]*)["']?[ \t]*[:=][ \t]*(.*?)[ \t\r]*$`)

func composePasswords(data []byte) []candidate {
	src := string(data)
	var out []candidate
	for _, m := range composePassword.FindAllStringSubmatchIndex(src, -1) {
		name := src[m[2]:m[3]]
		if strings.HasSuffix(name, "_FILE") {
			continue // POSTGRES_PASSWORD_FILE points at a secret; it is not one
		}
		raw := src[m[4]:m[5]]
		if i := strings.Index(raw, " #"); i >= 0 {
			raw = strings.TrimSpace(raw[:i])
		}
		v := strings.Trim(raw, `"'`)
		if v == "" || strings.Contains(v, "${") || strings.HasPrefix(v, "$") || namesItsKind(v) {
			continue
		}
		out = append(out, newCandidate(ruleDefaultPassword, name, v, m[4]+strings.Index(raw, v)))
	}
	return out
}

// capsWords is a value made of capital words joined by underscores.
var capsWords = regexp.MustCompile(`^[A-Z]+(?:_[A-Z]+)+$`)

// namesItsKind reports a value that says what goes there instead of
// holding it: capital words naming a secret's kind (STRONG_DB_PASSWORD,
// REPLACE_WITH_LONG_SECRET), the way a compose file to copy marks what
// its reader must write. A default the app would run with (postgres,
// ADMIN_DEFAULT) names no kind and stays one.
func namesItsKind(v string) bool {
	if !capsWords.MatchString(v) {
		return false
	}
	for _, w := range strings.Split(v, "_") {
		switch w {
		case "PASSWORD", "PASSWD", "SECRET", "KEY", "TOKEN":
			return true
		}
	}
	return false
}

// isSeedPath matches seed scripts: prisma/seed.ts, db/seeds.py,
// seeders/001-admin.js, scripts/seed_users.py.
func isSeedPath(p string) bool {
	lp := strings.ToLower(p)
	for _, part := range strings.Split(lp, "/") {
		name := strings.TrimSuffix(part, path.Ext(part))
		if strings.HasPrefix(name, "seed") {
			return true
		}
		if strings.HasSuffix(name, "_seed") || strings.HasSuffix(name, "-seed") || strings.HasSuffix(name, "_seeds") {
			return true
		}
	}
	return false
}

// isMigrationPath matches a migration, which the deploy runs against
// the production database: Django's app/migrations/0002_admin.py, Rails'
// db/migrate/20240101_add_admin.rb, Laravel's database/migrations/.
func isMigrationPath(p string) bool {
	for _, part := range strings.Split(strings.ToLower(path.Dir(p)), "/") {
		if part == "migrations" || part == "migrate" {
			return true
		}
	}
	return false
}

var (
	// createsAccount is a migration creating an account: Django's
	// create_superuser or create_user, a user model's create, a row
	// inserted into a users table.
	createsAccount = regexp.MustCompile(`(?i)create_superuser\(|create_user\(|\b(?:user|admin|account)s?\b[^;\n]{0,80}?(?:\.create!?\(|::create\(|->insert\(|\.insert\(|\.new\(|\.objects\.create\()|table\(\s*['"](?:users|admins|accounts)['"]\s*\)\s*->\s*insert\(`)
	// migrationPassword is a password given as a key (password='x',
	// 'password' => Hash::make('x'), password: "x") or to a setter
	// (set_password('x')).
	migrationPassword = regexp.MustCompile(`(?i)["']?\b(password|passwd)\b["']?\s*(?:=>|:|=)\s*(?:[\w.:\\]+\(\s*)?|\b(set_password)\(\s*`)
	// superuserPositional is Django's create_superuser(name, email, password).
	superuserPositional = regexp.MustCompile(`\b(create_superuser)\(\s*(?:[^,()]+,\s*){2}`)
)

// migrationPasswords are the constant passwords a migration gives the
// accounts it creates: default credentials on every deployment, since
// the deploy runs every migration. A password read from the environment,
// or a migration that creates no account, gives none.
func migrationPasswords(src string) []candidate {
	if !containsFold(src, "pass") || !createsAccount.MatchString(src) {
		return nil
	}
	var out []candidate
	for _, re := range []*regexp.Regexp{migrationPassword, superuserPositional} {
		for _, m := range re.FindAllStringSubmatchIndex(src, -1) {
			name := ""
			for g := 2; g+1 < len(m); g += 2 {
				if m[g] >= 0 {
					name = src[m[g]:m[g+1]]
					break
				}
			}
			lit := leadingLiteral(src[m[1]:])
			v, ok := stringLiteral(lit)
			if !ok || v == "" || isTemplate(v) {
				continue
			}
			out = append(out, newCandidate(ruleDefaultPassword, name, v, m[1]+strings.Index(src[m[1]:], v)))
		}
	}
	return out
}

// seedPassword matches password: 'x', password='x', "password": "x", and
// the same wrapped in a hashing call (bcrypt.hash('x', 10)).
var seedPassword = regexp.MustCompile(`(?i)["']?\b(password|passwd|pwd|pass)\b["']?\s*(?::|=)\s*(?:await\s+)?(?:[\w.]+\(\s*)?`)

func seedPasswords(src string) []candidate {
	if !containsFold(src, "pass") && !containsFold(src, "pwd") {
		return nil
	}
	var out []candidate
	for _, m := range seedPassword.FindAllStringSubmatchIndex(src, -1) {
		lit := leadingLiteral(src[m[1]:])
		v, ok := stringLiteral(lit)
		if !ok || v == "" || isTemplate(v) {
			continue
		}
		out = append(out, newCandidate(ruleDefaultPassword, src[m[2]:m[3]], v, m[1]+strings.Index(lit, v)))
	}
	return out
}

// --- private JSON Web Keys

func isJSONPath(p string) bool { return lang.Of(p).Family() == lang.JSON }

// jwkPrivateKeys reports JWKs with private members. The file is only
// decoded when it names a key type and a private member.
func jwkPrivateKeys(data []byte) []candidate {
	if !bytes.Contains(data, []byte(`"kty"`)) || !bytes.Contains(data, []byte(`"d"`)) && !bytes.Contains(data, []byte(`"p"`)) {
		return nil
	}
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil
	}
	var out []candidate
	var visit func(v any)
	visit = func(v any) {
		switch t := v.(type) {
		case []any:
			for _, x := range t {
				visit(x)
			}
		case map[string]any:
			if _, ok := t["kty"].(string); ok {
				for _, member := range []string{"d", "p", "q"} {
					s, ok := t[member].(string)
					if !ok || s == "" {
						continue
					}
					at := bytes.Index(data, []byte(s))
					if at < 0 {
						continue
					}
					kid, _ := t["kid"].(string)
					out = append(out, newCandidate(rulePrivateKey, kid, s, at))
					return
				}
			}
			for _, x := range t {
				visit(x)
			}
		}
	}
	visit(doc)
	return out
}

// --- small helpers

// leadingLiteral returns the string literal (possibly wrapped as
// []byte("k") or prefixed b'k') at the start of s, or "".
func leadingLiteral(s string) string {
	i := 0
	for _, w := range []string{"[]byte(", "Buffer.from("} {
		if strings.HasPrefix(s, w) {
			i = len(w)
			break
		}
	}
	for i < len(s) && i < 2 && strings.IndexByte("rbuRBU", s[i]) >= 0 {
		i++
	}
	if i >= len(s) {
		return ""
	}
	q := s[i]
	if q != '\'' && q != '"' && q != '`' {
		return ""
	}
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '\n':
			if q != '`' {
				return ""
			}
		case q:
			lit := s[:j+1]
			if strings.HasSuffix(s[:i], "(") {
				lit += ")"
			}
			return lit
		}
	}
	return ""
}

// valueOffset finds where value sits in the file, searching from the
// call's '(' for the argument text that holds it.
func valueOffset(src string, from int, arg, value string) int {
	at := strings.Index(src[from:], arg)
	if at < 0 {
		return from
	}
	return from + at + strings.Index(arg, value)
}

// isTemplate reports a value that is filled in elsewhere (${VAR}, {{ v }}).
func isTemplate(v string) bool {
	return strings.Contains(v, "${") || strings.Contains(v, "{{") || strings.HasPrefix(v, "$")
}

var envNameRE = regexp.MustCompile(`^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$`)

// looksLikeEnvName reports a value that names a variable (JWT_SECRET)
// rather than holding a key.
func looksLikeEnvName(v string) bool { return envNameRE.MatchString(v) }

func containsFold(s, sub string) bool {
	return strings.Contains(s, sub) || strings.Contains(s, strings.ToUpper(sub)) ||
		strings.Contains(s, strings.ToUpper(sub[:1])+sub[1:])
}
