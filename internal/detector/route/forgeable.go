package route

import (
	"regexp"
	"strings"
)

// forgeable says the test of an if (c, from condition) compares only
// values the client sends (a handler's own parameter, a cookie, a query
// or header value) with short literals anyone can send too: role ==
// "admin", isAdmin cookie != "true". A rejection behind such a test
// turns no one away who reads the code or guesses, so it is no
// authentication. A test of the caller's session or token, or of a value
// compared with a secret the app holds, is not forgeable.
func forgeable(src, c string) bool {
	test, _ := splitTest(c)
	test = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(test), "if"))
	test = strings.Trim(test, "() \t\n")
	if test == "" {
		return false
	}
	params := headParams(src)
	for _, part := range testParts.Split(test, -1) {
		part = strings.Trim(strings.TrimSpace(part), "()")
		subject := ""
		if m := subjectFirst.FindStringSubmatch(part); m != nil {
			subject = m[1]
		} else if m := literalFirst.FindStringSubmatch(part); m != nil {
			subject = m[1]
		}
		if subject == "" || !clientValue(src, subject, params) {
			return false
		}
	}
	return true
}

var (
	// testParts splits a test at its logical operators.
	testParts = regexp.MustCompile(`&&|\|\||\band\b|\bor\b`)
	// guessable is a short literal: a word, a flag or a number, never a
	// key (a long random string compared is a shared secret, however weak).
	guessable = `(?:"[\w.-]{1,16}"|'[\w.-]{1,16}'|\b\d{1,6}\b|\btrue\b|\bfalse\b)`
	// subjectFirst and literalFirst are one comparison of a subject with
	// a guessable literal, either way round; the subject may be
	// lower-cased first.
	subjectFirst = regexp.MustCompile(`^([\w$.\[\]"'()?-]+?)` + caseFold + `?\s*(?:!==?|===?|<>)\s*` + guessable + `$`)
	literalFirst = regexp.MustCompile(`^` + guessable + `\s*(?:!==?|===?)\s*([\w$.\[\]"'()?-]+?)` + caseFold + `?$`)
	caseFold     = `(?:\.(?:ToLower|ToUpper|ToLowerInvariant|ToUpperInvariant|toLowerCase|toUpperCase|lower|upper|strip|trim|Trim)\(\))`
	// requestRead is a value read straight off the request: a cookie,
	// the query, a header, the form or the body.
	requestRead = regexp.MustCompile(`(?i)\b(?:req|request|HttpContext\.Request|ctx\.request|this\.request)\??\.(?:cookies|query|headers|body|params|form|args|values|GET|POST|COOKIES|Query|Form|Headers|Cookies)\b|\$_(?:GET|POST|COOKIE|REQUEST)\b`)
)

// clientValue says subject is what the client sent: a read of the request
// (req.cookies.isAdmin), one of the function's own parameters named bare
// (an action's string role, bound from the query), or a local src assigns
// from a request read. A member of a parameter (user.role, with user the
// caller a guard was handed) is not.
func clientValue(src, subject string, params []string) bool {
	if requestRead.MatchString(subject) {
		return !callerRef.MatchString(subject)
	}
	if strings.ContainsAny(subject, ".[") {
		return false
	}
	for _, p := range params {
		if p == subject {
			return true
		}
	}
	assign := regexp.MustCompile(`(?:^|[^\w$.])` + regexp.QuoteMeta(subject) + `\s*=[^=>]\s*([^\n;]*)`)
	for _, m := range assign.FindAllStringSubmatch(src, -1) {
		if requestRead.MatchString(m[1]) && !callerRef.MatchString(m[1]) {
			return true
		}
	}
	return false
}

// headParams are the names of the parameters in src's first parameter
// list (the handler's or guard's head), other than the request, the
// response and the context: C#'s string role, Python's role: str.
func headParams(src string) []string {
	m := funcHead.FindStringSubmatch(head(src))
	if m == nil {
		return nil
	}
	var out []string
	for _, p := range strings.Split(m[2], ",") {
		p, _, _ = strings.Cut(p, "=")
		p, _, _ = strings.Cut(p, ":") // Python and TypeScript annotations
		f := strings.Fields(strings.TrimSpace(p))
		if len(f) == 0 {
			continue
		}
		name := strings.TrimLeft(f[len(f)-1], "*&$")
		if requestArg.MatchString(name) || name == "res" || name == "response" || name == "next" || name == "self" {
			continue
		}
		out = append(out, name)
	}
	return out
}

// ownName is the name in src's function head (a C# action's, a method's):
// the head is no call of a helper.
func ownName(src string) string {
	if m := funcHead.FindStringSubmatch(head(src)); m != nil && m[1] != "async" && m[1] != "function" {
		return m[1]
	}
	return ""
}

// head is src from its first line that is not an attribute, a decorator
// or a comment ([HttpGet("x")], @app.get("/x")): where its function's
// head is, if it has one.
func head(src string) string {
	for rest := src; rest != ""; {
		line, next, _ := strings.Cut(rest, "\n")
		t := strings.TrimSpace(line)
		if t != "" && !strings.HasPrefix(t, "[") && !strings.HasPrefix(t, "@") && !strings.HasPrefix(t, "#") && !strings.HasPrefix(t, "//") {
			return rest
		}
		rest = next
	}
	return ""
}

// funcHead is a function head's name and parameter list: public
// IActionResult Dashboard(string role), def dashboard(role: str).
var funcHead = regexp.MustCompile(`^[^(\n]*?\b(\w+)\s*\(([^)]*)\)`)

// presenceOnly says the test of an if (c, the rejection at i) asks only
// whether a credential header is there or starts with its scheme word
// (auth == null || !auth.startsWith("Bearer ")), and src reads the value
// nowhere else: no verify, decode or lookup is handed it. Anyone who
// sends "Authorization: Bearer x" passes, so the rejection is no
// authentication. A value read again (auth.substring(7) handed to a
// validator, a lookup by the token) or a request handed whole to a
// helper (which may read the header itself) is not judged here.
func presenceOnly(src, c string, i int) bool {
	test, _ := splitTest(c)
	test = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(test), "if"))
	test = strings.Trim(test, "() \t\n")
	if test == "" {
		return false
	}
	subject := ""
	for _, part := range testParts.Split(test, -1) {
		part = strings.Trim(strings.TrimSpace(part), "()")
		s := ""
		for _, re := range presenceTests {
			if m := re.FindStringSubmatch(part); m != nil {
				s = m[1]
				break
			}
		}
		if s == "" || (subject != "" && s != subject) {
			return false
		}
		subject = s
	}
	if !credentialHeader(src, subject) || handsRequestOn(src) {
		return false
	}
	// Every mention of the value is in the test or where it is named.
	start := max(0, i-len(c))
	word := regexp.MustCompile(`(?:^|[^\w$.])` + regexp.QuoteMeta(subject) + `(?:[^\w$]|$)`)
	for _, loc := range word.FindAllStringIndex(src, -1) {
		if loc[0] >= start && loc[0] < i {
			continue
		}
		rest := src[loc[1]-1:]
		if naming.MatchString(rest) || headerParam.MatchString(src[max(0, loc[0]-120):loc[1]]) {
			continue
		}
		return false
	}
	return true
}

var (
	// presenceTests are tests of a value's presence or its prefix alone:
	// !x, x == null, x is None, x.isEmpty(), !x.startsWith("Bearer ").
	presenceTests = []*regexp.Regexp{
		regexp.MustCompile(`^(?:!|not\s+)\s*([\w$.\[\]'"]+?)$`),
		regexp.MustCompile(`^([\w$.\[\]'"]+?)\s*(?:===?\s*(?:null|nil|None|undefined|""|'')|is\s+None)$`),
		regexp.MustCompile(`^(?:!|not\s+)?\s*([\w$.\[\]'"]+?)\.(?:isEmpty|isBlank|IsEmpty)\(\)?$`),
		regexp.MustCompile(`^(?:!|not\s+)\s*([\w$.\[\]'"]+?)\.(?:startsWith|StartsWith|startswith|hasPrefix)\(\s*["'][\w-]{1,16} ?["']\s*\)?$`),
		regexp.MustCompile(`^!\s*strings\.HasPrefix\(\s*([\w.]+)\s*,\s*"[\w-]{1,16} ?"\s*\)?$`),
	}
	// credentialName is a header that carries a credential.
	credentialName = regexp.MustCompile(`(?i)["'\x60.\[](?:authorization|x-api-key|api[-_]?key|x-auth-token|x-access-token|token)["'\x60\])]|\.authorization\b`)
	// headerRead reads a header: req.headers.authorization,
	// request.getHeader("Authorization"), r.Header.Get("Authorization").
	headerRead = regexp.MustCompile(`(?i)\b(?:headers?\b|getHeader\(|header\(|Header\.Get\(|\.get\(\s*["'])`)
	// headerParam is a parameter bound from a header (Spring's
	// @RequestHeader("Authorization") String auth).
	headerParam = regexp.MustCompile(`@RequestHeader\b[^;{}]*$`)
	// naming is where a value is named: x = ..., x := ...
	naming = regexp.MustCompile(`^\s*:?=[^=>]`)
	// handsRequest is the whole request handed to a helper other than
	// the chain that goes on: getUser(req), check(request, res).
	handsRequest = regexp.MustCompile(`\b(?:[\w.]+\.)?(\w+)\s*\(\s*(?:req|request|ctx|r)\s*[,)]`)
)

// goesOn are the calls that hand the request on down the chain, not to
// a helper that may read it.
var goesOn = map[string]bool{"next": true, "doFilter": true, "filter": true, "proceed": true, "ServeHTTP": true, "Next": true}

// handsRequestOn says src hands the whole request to a helper: its own
// head (function guard(req, res, next)) is none.
func handsRequestOn(src string) bool {
	for _, m := range handsRequest.FindAllStringSubmatch(src, -1) {
		if !goesOn[m[1]] && m[1] != "async" && m[1] != "function" && m[1] != ownName(src) {
			return true
		}
	}
	return false
}

// credentialHeader says subject is a credential header's value: read
// straight off the request, named from such a read, or a parameter
// bound from one.
func credentialHeader(src, subject string) bool {
	if headerRead.MatchString(subject) && credentialName.MatchString(subject) {
		return true
	}
	if strings.ContainsAny(subject, ".[(") {
		return false
	}
	def := regexp.MustCompile(`(?:^|[^\w$.])` + regexp.QuoteMeta(subject) + `\s*:?=[^=>]\s*([^\n;]*)`)
	for _, m := range def.FindAllStringSubmatch(src, -1) {
		if headerRead.MatchString(m[1]) && credentialName.MatchString(m[1]) {
			return true
		}
	}
	param := regexp.MustCompile(`@RequestHeader\s*\(([^)]*)\)\s*(?:final\s+)?\w+\s+` + regexp.QuoteMeta(subject) + `\b`)
	for _, m := range param.FindAllStringSubmatch(src, -1) {
		if regexp.MustCompile(`(?i)authorization|api[-_]?key|token`).MatchString(m[1]) {
			return true
		}
	}
	return false
}
