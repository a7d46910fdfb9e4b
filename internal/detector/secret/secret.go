// Package secret finds committed secrets: gitleaks' default patterns, run
// only around their keywords, and the secrets patterns cannot see because
// they are known by where they sit (.env files, signing keys in code,
// literal fallbacks for secret variables, default passwords, private JWKs).
// Every value is redacted before it leaves this package.
package secret

import (
	"bytes"
	"context"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/threatmap/threatmap/internal/detector"
	"github.com/threatmap/threatmap/internal/facts"
	"github.com/threatmap/threatmap/internal/lang"
	"github.com/threatmap/threatmap/internal/redact"
)

// Priorities decide which rule names a value two rules found: a provider
// pattern (stripe-access-token) says the most, a rule of ours (dotenv,
// hardcoded-signing-key) says why it matters, the generic pattern least.
const (
	priorityGeneric  = 1
	priorityLiteral  = 2
	priorityProvider = 3
)

func rulePriority(id string) int {
	if strings.Contains(id, "generic") {
		return priorityGeneric
	}
	return priorityProvider
}

// candidate is a secret before redaction; it never leaves the package.
type candidate struct {
	rule, description, variable string
	secret                      string
	start, end                  int // byte offsets of the secret in the file
	priority                    int
}

// Detector is the secrets detector. A fresh one is made for every scan:
// it remembers, for its Finish step, whether .env files are ignored.
type Detector struct {
	mu  sync.Mutex
	env envHygiene
}

// New returns a secrets detector.
func New() *Detector { return &Detector{} }

// Name implements detector.Detector.
func (*Detector) Name() string { return "secret" }

// Match implements detector.Detector: every file, except what gitleaks'
// global allowlist excludes (lock files, images, vendored code).
func (*Detector) Match(p string) bool {
	rs, err := loadRules()
	if err != nil {
		return true // Detect reports the error once per file
	}
	return !rs.pathAllowed(p)
}

// Detect implements detector.Detector. It has no Keywords: gitleaks'
// keywords are matched case-insensitively in one pass of an automaton,
// which is cheaper than the runner's substring test for each of them.
func (d *Detector) Detect(ctx context.Context, f *detector.File, out *detector.Sink) error {
	d.observeEnv(f)
	rs, err := loadRules()
	if err != nil {
		return err
	}
	// Lowered once, and searched once, for both kinds of rules.
	t := newText(f.Data)
	var words *codeHits
	if isCodePath(f.Path) {
		words = &codeHits{}
	}
	cands := rs.findIn(f.Path, t, words)
	if err := ctx.Err(); err != nil {
		return err // over its time budget: the scan has given up on this read
	}
	cands = append(cands, literals(f.Path, t, words)...)
	if len(cands) == 0 {
		return nil
	}
	l := newLines(f.Data)
	// A generated file's names are its generator's (an RPC service's
	// method paths); an example file's values show where a key goes.
	generated := lang.Generated(f.Data)
	example := lang.RoleOf(f.Path).Kind == lang.Example
	// An OpenAPI document's values are examples for the API's callers:
	// only a provider's key format (ghp_..., sk_live_...) or a token that
	// still signs in (a JWT) is one that opens something.
	apiDoc := lang.APIDocument(f.Path, f.Data)
	devEnv := isDotenvPath(f.Path) && devDotenv(f.Data)
	for _, c := range resolve(cands) {
		if apiDoc && (c.rule == "generic-api-key" || c.rule == ruleDotenv || isLiteralRule(c.rule)) {
			continue
		}
		if inPageURL(l, c.start) || mobileAppKey(f.Path, c.rule, f.Data) {
			continue
		}
		// An env file that names its environment a development one holds
		// a developer's values; a provider's key format still opens the
		// provider's account wherever it was written.
		if devEnv && (c.rule == ruleDotenv || c.rule == "generic-api-key") {
			continue
		}
		if allowed(l, c.start) || (isLiteralRule(c.rule) && inComment(l, c.start)) || expiredJWT(c.rule, c.secret, time.Now()) || filler(c.secret) || pemWithoutBody(c.rule, c.secret) {
			continue
		}
		if c.variable == "" {
			c.variable = assignedName(l, c.start)
		}
		if c.variable == "" && lang.Of(f.Path) == lang.SQL {
			c.variable = sqlRowKey(f.Data, c.start)
		}
		if isCodePath(f.Path) && (notAKey(c.rule, c.variable, c.secret) || inTable(c.rule, c.secret, l, c.start)) {
			continue
		}
		if c.rule == "generic-api-key" && (sampleValue(c.secret) && !chosenName(c.variable) || inProse(f.Data, c.start, c.secret) || mapKey(f.Data, c.start, c.secret) || uuidID(c.variable, c.secret)) {
			continue
		}
		if nameRule(c.rule) && (generated || rpcMethod.MatchString(c.secret) || isCodePath(f.Path) && (storageKey(f.Data, c.variable, c.secret, c.start) || comparedOnly(f.Data, c.variable, c.start))) {
			continue
		}
		if (c.rule == "generic-api-key" || isLiteralRule(c.rule)) && lang.Of(f.Path) == lang.YAML && devSectionValue(f.Data, c.start) {
			continue
		}
		if (placeholderRule(c.rule) || example) && placeholder(c.secret) {
			continue
		}
		s := facts.Secret{
			Rule:        c.rule,
			File:        f.Path,
			Line:        l.line(c.start),
			Redacted:    redact.Secret(c.secret),
			Description: c.description,
			Variable:    c.variable,
			Same:        redact.Same(c.secret),
		}
		// Content-based id; the secret itself (even hashed: short
		// passwords are easy to brute-force) never enters it.
		s.ID = detector.ID("secret", s.Rule, s.File, s.Variable, s.Redacted)
		out.AddSecret(s)
	}
	return nil
}

// inProse reports a match inside a quoted sentence: a translation's
// "Afficher/masquer le mot de passe" under a key that names a password.
// The literal around the match holds words separated by spaces; a key is
// one unbroken run.
func inProse(data []byte, start int, secret string) bool {
	if start <= 0 || start > len(data) {
		return false
	}
	ls := bytes.LastIndexByte(data[:start], '\n') + 1
	le := bytes.IndexByte(data[start:], '\n')
	if le < 0 {
		le = len(data) - start
	}
	before, after := data[ls:start], data[min(len(data), start+len(secret)):start+le]
	q := bytes.LastIndexAny(before, `"'`)
	if q < 0 {
		return false
	}
	end := bytes.IndexByte(after, before[q])
	if end < 0 {
		return false
	}
	lit := string(before[q+1:]) + secret + string(after[:end])
	words := strings.Fields(lit)
	if len(words) < 3 {
		return false
	}
	for _, w := range words {
		for _, r := range w {
			if !unicode.IsLetter(r) && !strings.ContainsRune("/',.-:!?()", r) {
				return false
			}
		}
	}
	return true
}

// mapKey reports a match whose value is itself a key of a map: followed
// by its closing quote, if any, and a colon (a translation file's next
// entry, "docs.Intro": ..., read as the value of the entry before it,
// whose text ends in "API errors",). A key names a value; it is none.
func mapKey(data []byte, start int, secret string) bool {
	end := start + len(secret)
	if start < 0 || end > len(data) {
		return false
	}
	rest := data[end:]
	quoted := len(rest) > 0 && (rest[0] == '"' || rest[0] == '\'')
	if quoted {
		rest = rest[1:]
	}
	rest = bytes.TrimLeft(rest, " \t")
	if len(rest) == 0 || rest[0] != ':' {
		return false
	}
	// A quoted key, or a bare one whose colon a space or the line's end
	// follows (YAML); not user:password, nor a scheme's ://.
	return quoted || len(rest) == 1 || strings.ContainsRune(" \t\r\n", rune(rest[1]))
}

// filler reports a value that shows where a key goes rather than holding
// one: a run of eight or more X or * (a webhook URL's
// XXXXXXXXXXXXXXXXXXXXXXXX in a form's placeholder text). A random key
// has such a run once in far more keys than exist; a rule that knows a
// key's format matches the filler as readily as the key.
func filler(secret string) bool {
	run, last := 0, rune(0)
	for _, r := range secret {
		switch {
		case r != 'x' && r != 'X' && r != '*':
			run = 0
		case r == last:
			run++
		default:
			run = 1
		}
		last = r
		if run >= 8 {
			return true
		}
	}
	return false
}

// allowed reports an inline marker on the secret's line: gitleaks' own
// "gitleaks:allow", or "threatmap:allow". It silences one line, on purpose,
// where a reviewer can see it.
func allowed(l *lines, at int) bool {
	line := l.textOf(at, at)
	return line.allowMarked() || strings.Contains(line.text, "threatmap:allow")
}

// inComment reports a literal-rule candidate on a line that is a comment
// (// # /* *): an example in a comment is not a key the code uses.
// Pattern rules keep gitleaks' behaviour and report keys in comments too.
func inComment(l *lines, at int) bool {
	first := l.firstNonSpace(l.line(at))
	if first >= at {
		return false
	}
	for _, p := range []string{"//", "#", "/*", "*"} {
		if bytes.HasPrefix(l.data[first:at], []byte(p)) {
			return true
		}
	}
	return false
}

// resolve keeps one candidate per value: where two overlap, the higher
// priority wins, then the earlier one. The result is in file order.
func resolve(cands []candidate) []candidate {
	slices.SortStableFunc(cands, func(a, b candidate) int {
		if a.priority != b.priority {
			return b.priority - a.priority
		}
		return a.start - b.start
	})
	var kept []candidate
	for _, c := range cands {
		overlaps := false
		for _, k := range kept {
			if c.start < k.end && k.start < c.end {
				overlaps = true
				break
			}
		}
		if !overlaps {
			kept = append(kept, c)
		}
	}
	slices.SortFunc(kept, func(a, b candidate) int { return a.start - b.start })
	return kept
}

// assignment matches the end of "NAME=", "name: ", `"name": "`,
// `key := []byte("` before a value, to name what a secret is assigned to.
var assignment = regexp.MustCompile(`([A-Za-z_][\w.-]*)["'\]]{0,2}[ \t]*(?::=|=>|\?=|=|:)[ \t]*(?:\[\]byte\(|Buffer\.from\()?[rbu]?["'\x60]?[ \t]*$`)

// maxAssignment is how far before a secret its name and the assignment
// to it are looked for: a name, quotes, an operator and spacing, which
// never take this much; searching the whole line before each secret cost
// the line's length per secret.
const maxAssignment = 256

// assignedName is the name a secret at off is assigned to on its line, if
// the line is an assignment (KEY=value, key: value, key = "value").
func assignedName(l *lines, off int) string {
	b := l.bounds(l.line(off))
	if off < b.start || off > b.end {
		return ""
	}
	m := assignment.FindSubmatch(l.data[max(b.start, off-maxAssignment):off])
	if m == nil {
		return ""
	}
	name := string(m[1])
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	return name
}

// sqlRowKey is the name a key-value row gives the value an SQL INSERT
// writes at off: ('api_token', '0fde...') in a settings table names it
// api_token, which says more than the rule that found it. A name is a
// snake_case or dotted word; a value before the secret ('alice', in a
// users row) is no name. Empty outside an INSERT.
func sqlRowKey(data []byte, off int) string {
	stmt := data[max(0, off-4096):off]
	if i := bytes.LastIndexByte(stmt, ';'); i >= 0 {
		stmt = stmt[i+1:]
	}
	if !sqlInsertOpens.Match(stmt) {
		return ""
	}
	m := sqlKeyBefore.FindSubmatch(stmt[max(0, len(stmt)-160):])
	if m == nil {
		return ""
	}
	return string(m[1])
}

var (
	// sqlInsertOpens opens an INSERT statement, after comments and blank
	// lines.
	sqlInsertOpens = regexp.MustCompile(`(?is)^(?:\s|--[^\n]*\n|/\*.*?\*/)*insert\s+into\b`)
	// sqlKeyBefore is a quoted name just before the quote that opens the
	// value: 'api_token', ' or "app.secret", ".
	sqlKeyBefore = regexp.MustCompile(`[(,]\s*['"]([a-z][a-z0-9]*(?:[_.][a-z0-9]+)+)['"]\s*,\s*['"]$`)
)

func isLiteralRule(rule string) bool {
	return rule == ruleSigningKey || rule == ruleEnvFallback || rule == ruleDefaultPassword
}

// pageURL is the start of a page's <script src> or <link href> up to a
// point in its URL's query: the tag's attribute names a script or a style
// sheet the visitor's browser loads, from another host, with the query as
// written.
var pageURL = regexp.MustCompile(`(?i)<(?:script|link)\b[^<>]*?\s(?:src|href)\s*=\s*["']?(?:https?:)?//[^\s"'<>?#]+\?[^\s"'<>#]*$`)

// maxTag is how far before a value its tag is looked for on its line.
const maxTag = 1024

// mobileAppKey reports a Google API key in the Firebase config a mobile
// app compiles into every build (Android's google-services.json, iOS's
// GoogleService-Info.plist): anyone with the app has it, so it is public
// by design and restricted by the vendor to the app's package, like a
// browser key. The same key in the server's config stays a secret.
func mobileAppKey(p, rule string, data []byte) bool {
	if rule != "gcp-api-key" {
		return false
	}
	switch path.Base(p) {
	case "google-services.json":
		return bytes.Contains(data, []byte(`"current_key"`))
	case "GoogleService-Info.plist":
		return bytes.Contains(data, []byte("<key>API_KEY</key>"))
	}
	return false
}

// inPageURL reports a value in the query of the URL of a <script src> or
// <link href> tag (an HTML page, a server's template): every visitor's
// browser is sent it, in the page, to load the script; a key there is a
// browser key, public by design and restricted by the vendor to the
// site's referrer, not a secret the repository leaks. The same key
// assigned in server code or a config file, or in a URL the server
// calls, is not in such a tag and stays a secret.
func inPageURL(l *lines, at int) bool {
	b := l.bounds(l.line(at))
	if at < b.start || at > b.end {
		return false
	}
	return pageURL.Match(l.data[max(b.start, at-maxTag):at])
}
